""""Plan a first follow-up for new customers in N days": the import wizard's way to make fresh leads due.

On by default (3 days) when the source names a trade show, off for "website" and the like, until the
user sets it; the import writes it as ImportOptions.follow_up_days (0: none).
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QSpinBox, QWidget

from trade_crm.exchange.importing.commit import TRADE_SHOW_FOLLOW_UP_DAYS
from trade_crm.exchange.importing.grouping import batch_source
from trade_crm.exchange.importing.plan import ImportOptions


class FollowUpOption(QWidget):
    def __init__(self, source_edit: QLineEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.check = QCheckBox(self.tr("Plan a first follow-up for new customers in"))
        self.spin = QSpinBox()
        self.spin.setRange(1, 365)
        self.spin.setValue(TRADE_SHOW_FOLLOW_UP_DAYS)
        self.spin.setSuffix(self.tr(" days"))
        self.spin.setEnabled(False)
        self._touched = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.spin)
        layout.addStretch(1)
        self.check.toggled.connect(self.spin.setEnabled)
        self.check.clicked.connect(self.on_check_clicked)
        source_edit.textChanged.connect(self.on_source_edit_text_changed)
        self.on_source_edit_text_changed(source_edit.text())

    def days(self) -> int:
        return self.spin.value() if self.check.isChecked() else 0

    def on_check_clicked(self, _checked: bool) -> None:
        self._touched = True  # the user's choice stays, whatever the source says next

    def on_source_edit_text_changed(self, text: str) -> None:
        if not self._touched:
            self.check.setChecked(batch_source(ImportOptions(source=text))[0] == "trade_show")
