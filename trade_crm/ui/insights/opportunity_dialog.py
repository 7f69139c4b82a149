"""Dialogs of the pipeline: a new or edited opportunity, a quotation's validity, the stage names."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.errors import DomainError, EditConflict, ValidationError
from trade_crm.domain.insights.pipeline import create_opportunity
from trade_crm.domain.insights.pipeline_board import (
    DEFAULT_PROBABILITY,
    OPPORTUNITY_STAGES,
    OpportunityCard,
    delete_opportunity,
    resolve_opportunity,
    set_stage_names,
    stage_names,
    update_opportunity,
)
from trade_crm.domain.world.currency import reporting_currency
from trade_crm.ui.common.conflict_dialog import ConflictDialog
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.insights.pipeline_cards import default_stage_label, stage_label

VALIDITY_DAYS = 30


def _date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #c0392b;")
    label.setWordWrap(True)
    return label


class OpportunityDialog(QDialog):
    """A new opportunity for a customer, or an existing one to edit (or delete)."""

    saved = Signal(int)  # opportunity id

    def __init__(self, clock: Clock, *, customer: tuple[int, str] | None = None, card: OpportunityCard | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._clock, self._card = clock, card
        self.conflict_dialog: ConflictDialog | None = None
        self._customer_id = card.customer_id if card else customer[0] if customer else None
        name = card.customer_name if card else customer[1] if customer else ""
        self.setWindowTitle(self.tr("Edit opportunity") if card else self.tr("New opportunity"))
        self.title_edit = QLineEdit(card.title if card else "")
        self.title_edit.setPlaceholderText(self.tr("e.g. 2,000 LED panels for the Dubai project"))
        self.stage_combo = QComboBox()
        for stage in OPPORTUNITY_STAGES:
            self.stage_combo.addItem(stage_label(stage), stage)
        self.stage_combo.setEnabled(card is None)  # an existing deal moves on the board: the timeline logs it
        self.value_edit = QLineEdit("" if card is None or card.value is None else str(card.value))
        self.currency_edit = QLineEdit(card.currency if card else reporting_currency())
        self.currency_edit.setMaxLength(3)
        self.probability_spin = QSpinBox()
        self.probability_spin.setRange(0, 100)
        self.probability_spin.setSuffix(" %")
        self.probability_spin.setValue(card.probability if card and card.probability is not None
                                       else DEFAULT_PROBABILITY["inquiry"])
        self.close_check = QCheckBox(self.tr("Expected close"))
        close = card.expected_close if card and card.expected_close else today(clock) + timedelta(days=60)
        self.close_edit = _date_edit(close)
        self.close_check.setChecked(card is None or card.expected_close is not None)
        self.close_check.toggled.connect(self.close_edit.setEnabled)
        self.close_edit.setEnabled(self.close_check.isChecked())
        self.stage_combo.currentIndexChanged.connect(self.on_stage_combo_current_index_changed)
        form = QFormLayout()
        form.addRow(self.tr("Customer"), QLabel(name))
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Stage"), self.stage_combo)
        form.addRow(self.tr("Value"), self.value_edit)
        form.addRow(self.tr("Currency"), self.currency_edit)
        form.addRow(self.tr("Probability"), self.probability_spin)
        form.addRow(self.close_check, self.close_edit)
        if card:
            self.stage_combo.setCurrentIndex(self.stage_combo.findData(card.stage))
        self.error_label = _error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.delete_button = None
        if card:
            self.delete_button = buttons.addButton(self.tr("Delete"), QDialogButtonBox.ButtonRole.DestructiveRole)
            self.delete_button.clicked.connect(self.on_delete_button_clicked)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def on_stage_combo_current_index_changed(self, _index: int) -> None:
        if self._card is None:
            self.probability_spin.setValue(DEFAULT_PROBABILITY.get(self.stage_combo.currentData(), 0))

    def accept(self) -> None:
        value = self.value_edit.text().strip()
        close = self.close_edit.date().toPython() if self.close_check.isChecked() else None
        try:
            if self._customer_id is None:
                raise ValidationError("customer", self.tr("select a customer first"))
            if self._card is None:
                opportunity_id = create_opportunity(
                    self._customer_id, self.title_edit.text(), self._clock, stage=self.stage_combo.currentData(),
                    value=value or None, currency=self.currency_edit.text().strip() or "USD",
                    probability=self.probability_spin.value(), expected_close=close)
            else:
                opportunity_id = self._card.id
                update_opportunity(opportunity_id, self._clock, title=self.title_edit.text(), value=value or None,
                                   currency=self.currency_edit.text().strip(),
                                   probability=self.probability_spin.value(), expected_close=close, base=self._card)
        except EditConflict as conflict:
            self._show_conflict(conflict)
            return
        except DomainError as exc:
            self.error_label.setText(exc.message if isinstance(exc, ValidationError) else str(exc))
            return
        self.saved.emit(opportunity_id)
        super().accept()

    def _show_conflict(self, conflict: EditConflict) -> None:
        """Someone saved this deal since it was opened: ask per field, then save the choices."""
        self.conflict_dialog = ConflictDialog(conflict, self._clock.zone, self)
        self.conflict_dialog.accepted.connect(self.on_conflict_dialog_accepted)
        self.conflict_dialog.open()

    def on_conflict_dialog_accepted(self) -> None:
        dialog = self.conflict_dialog
        try:
            resolve_opportunity(dialog.conflict, dialog.choices(), self._clock)
        except EditConflict as again:
            self._show_conflict(again)
            return
        except DomainError as exc:
            self.error_label.setText(exc.message if isinstance(exc, ValidationError) else str(exc))
            return
        self.saved.emit(dialog.conflict.row_id)
        super().accept()

    def on_delete_button_clicked(self) -> None:
        if self._card is None:
            return
        try:
            delete_opportunity(self._card.id)
        except DomainError as exc:
            self.error_label.setText(str(exc))
            return
        self.saved.emit(self._card.id)
        super().accept()


class ValidityDialog(QDialog):
    """Moving a deal to "quotation": until when is the quotation valid? (a follow-up comes when it expires)"""

    def __init__(self, clock: Clock, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Quotation sent"))
        self.valid_check = QCheckBox(self.tr("Valid until"))
        self.valid_check.setChecked(True)
        self.date_edit = _date_edit(today(clock) + timedelta(days=VALIDITY_DAYS))
        self.valid_check.toggled.connect(self.date_edit.setEnabled)
        hint = QLabel(fill(self.tr("“%1” moves to quotation. When the quotation expires without an order, "
                                   "a follow-up reminder comes up."), title))
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.valid_check, self.date_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def valid_until(self) -> date | None:
        return self.date_edit.date().toPython() if self.valid_check.isChecked() else None


class StageNamesDialog(QDialog):
    """Rename the pipeline stages (an empty name goes back to the default)."""

    names_saved = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Stage names"))
        names = stage_names()
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for stage in OPPORTUNITY_STAGES:
            edit = QLineEdit(names.get(stage, ""))
            edit.setPlaceholderText(default_stage_label(stage))
            edit.setMaxLength(40)
            self.edits[stage] = edit
            form.addRow(default_stage_label(stage), edit)
        reset = QPushButton(self.tr("Default names"))
        reset.clicked.connect(lambda: [e.clear() for e in self.edits.values()])
        self.error_label = _error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(reset, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            set_stage_names({stage: edit.text() for stage, edit in self.edits.items()})
        except DomainError as exc:
            self.error_label.setText(str(exc))
            return
        self.names_saved.emit()
        super().accept()
