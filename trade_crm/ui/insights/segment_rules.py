"""The rules of lifecycle stages and value tiers, explained in words, and a dialog to change thresholds."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.errors import ValidationError
from trade_crm.domain.insights.segment_settings import SegmentSettings
from trade_crm.ui.common.i18n import fill


class SegmentRulesDialog(QDialog):
    """Explains how stages, tiers and RFM scores are computed, with the thresholds to edit."""

    rules_saved = Signal()

    def __init__(self, settings: SegmentSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Stage and tier rules"))
        self.help_label = QLabel()
        self.help_label.setWordWrap(True)
        self.help_label.setMinimumWidth(520)

        def spin(low: int, high: int, value: int, suffix: str) -> QSpinBox:
            box = QSpinBox()
            box.setRange(low, high)
            box.setValue(value)
            box.setSuffix(suffix)
            box.valueChanged.connect(self._update_help)
            return box

        self.a_share = spin(1, 99, settings.tier_a_share, " %")
        self.b_share = spin(2, 100, settings.tier_b_share, " %")
        self.tier_months = spin(1, 120, settings.tier_months, self.tr(" months"))
        self.loyal_months = spin(1, 240, settings.loyal_months, self.tr(" months"))
        self.loyal_tiers = QLineEdit(settings.loyal_tiers)
        self.loyal_tiers.setMaxLength(3)
        self.loyal_tiers.textChanged.connect(self._update_help)
        self.dormant_factor = spin(100, 1000, settings.dormant_factor_percent, " %")
        self.single_order_days = spin(1, 3650, settings.single_order_dormant_days, self.tr(" days"))
        form = QFormLayout()
        form.addRow(self.tr("Tier A: customers making up the first"), self.a_share)
        form.addRow(self.tr("Tier B: the next ones, up to"), self.b_share)
        form.addRow(self.tr("Order value counted over the last"), self.tier_months)
        form.addRow(self.tr("Loyal: orders spread over at least"), self.loyal_months)
        form.addRow(self.tr("Loyal: only customers in tiers"), self.loyal_tiers)
        form.addRow(self.tr("Dormant after this share of the usual reorder interval"), self.dormant_factor)
        form.addRow(self.tr("Dormant after a single order"), self.single_order_days)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.help_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._update_help()

    def edited(self) -> SegmentSettings:
        return SegmentSettings(
            tier_a_share=self.a_share.value(), tier_b_share=self.b_share.value(), tier_months=self.tier_months.value(),
            loyal_months=self.loyal_months.value(), loyal_tiers=self.loyal_tiers.text().strip().upper(),
            dormant_factor_percent=self.dormant_factor.value(),
            single_order_dormant_days=self.single_order_days.value())

    def _update_help(self, *_args) -> None:
        self.help_label.setText(rules_html(self.edited()))

    def accept(self) -> None:
        try:
            self.edited().save()
        except ValidationError as exc:
            self.error_label.setText(exc.message)
            return
        self.rules_saved.emit()
        super().accept()


def rules_html(settings: SegmentSettings) -> str:
    """The rules in the user's language, with the current thresholds filled in."""
    items = (
        QCoreApplication.translate("SegmentRules", "<b>Potential</b>: in contact, no order yet."),
        QCoreApplication.translate("SegmentRules", "<b>New</b>: one order."),
        QCoreApplication.translate("SegmentRules", "<b>Returning</b>: two or more orders."),
        fill(QCoreApplication.translate(
            "SegmentRules", "<b>Loyal</b>: orders spread over %1 months or more, and in tier %2."),
            settings.loyal_months, " / ".join(settings.loyal_tiers)),
        fill(QCoreApplication.translate(
            "SegmentRules", "<b>Dormant</b>: no order for longer than %1 % of the customer's usual reorder "
                            "interval, or %2 days after a single order (the same rule as the dormant reminder)."),
            settings.dormant_factor_percent, settings.single_order_dormant_days),
        QCoreApplication.translate(
            "SegmentRules", "<b>Lost</b>: set by hand in the customer's details; never changed automatically."),
    )
    tiers = fill(QCoreApplication.translate(
        "SegmentRules", "<b>Value tier</b>, by the Pareto rule on the last %1 months' order value in the "
                        "reporting currency: the biggest customers making up the first %2 % of the value are A, "
                        "the next ones up to %3 % are B, the rest C. The rating you set by hand stays as it is; "
                        "both are shown."),
        settings.tier_months, settings.tier_a_share, settings.tier_b_share)
    rfm = QCoreApplication.translate(
        "SegmentRules", "<b>RFM</b> scores recency (days since the last order), frequency (number of orders) "
                        "and monetary value (all orders), each 1–5 by fifths of the customers who ordered; "
                        "5 is best.")
    head = QCoreApplication.translate("SegmentRules", "<b>Lifecycle stage</b>, computed from the orders every day:")
    return "".join((f"<p>{head}</p><ul>", *(f"<li>{item}</li>" for item in items), f"</ul><p>{tiers}</p><p>{rfm}</p>"))
