"""The quotation editor: customer and contact, currency, Incoterm and named place, payment terms, lead time,
validity, notes and the lines; the total and the margin worked out while typing (draft_totals: shown here,
never printed). Save draft, Revise (v2), Duplicate for another customer, the PDF / Excel / email of the
document (ui/quotes/outputs.py), Accepted / Rejected, and the proforma invoice from an accepted quotation.

A sent quotation is not edited: its fields are read-only and Revise makes the next version to edit."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.customers.records import get_customer
from trade_crm.domain.errors import DomainError
from trade_crm.domain.quotes import pricing, quotations
from trade_crm.ui.common.dates import date_format, qdate
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.quotes.bits import CURRENCIES, FieldErrors
from trade_crm.ui.quotes.outputs import DocumentOutputs
from trade_crm.ui.quotes.quote_lines import LinesTable
from trade_crm.ui.quotes.quote_totals import status_text, totals_text, warning_text

INCOTERMS = ("EXW", "FCA", "FAS", "FOB", "CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP")
PAYMENT_TERMS = ("T/T 30% deposit, 70% before shipment", "T/T 100% in advance", "L/C at sight", "L/C 60 days",
                 "D/P at sight", "D/A 60 days", "T/T 30 days after B/L date")
VALID_DAYS = 30
NO_DATE = QDate(2000, 1, 1)  # the date edit's minimum, shown as "—": no validity date
TOTALS_DELAY_MS = 150


class QuotationDialog(QDialog):
    quotation_saved = Signal(int)  # created, updated, revised or its status changed
    quotation_opened = Signal(int)  # a new quotation made from this one (a duplicate) to open in its own editor
    proforma_requested = Signal(int)  # the accepted quotation's id

    def __init__(self, clock: Clock, *, quotation_id: int | None = None, customer_id: int | None = None,
                 outputs: DocumentOutputs | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self._clock = clock
        self.quotation_id = quotation_id
        self.customer_id = customer_id
        self.view = None
        self.totals = None
        self.errors = FieldErrors()
        self.outputs = outputs or DocumentOutputs(clock, self)
        self._build()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TOTALS_DELAY_MS)
        self.timer.timeout.connect(self.update_totals)
        for signal in (self.lines.lines_changed, self.currency_combo.currentTextChanged):
            signal.connect(self.timer.start)
        if quotation_id is not None:
            self.load(quotation_id)
        else:
            self.set_customer(customer_id)
            self.valid_edit.setDate(qdate(today(clock) + timedelta(days=VALID_DAYS)))
            self.lines.add_line()
            self.update_state()
        self.resize(1180, 760)

    # --- building ---------------------------------------------------------------------------------

    def _build(self) -> None:
        e = self.errors
        self.customer_label = QLabel()
        self.customer_label.setTextFormat(Qt.TextFormat.PlainText)
        self.contact_combo = QComboBox()
        self.currency_combo = QComboBox()
        self.currency_combo.setEditable(True)
        self.currency_combo.addItems(CURRENCIES)
        self.incoterm_combo = QComboBox()
        self.incoterm_combo.addItems(INCOTERMS)
        self.incoterm_combo.setCurrentText("FOB")
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("named place, e.g. Ningbo"))
        self.payment_combo = QComboBox()
        self.payment_combo.setEditable(True)
        self.payment_combo.addItems(PAYMENT_TERMS)
        self.lead_edit = QLineEdit()
        self.lead_edit.setPlaceholderText(self.tr("e.g. 30 days after deposit"))
        self.valid_edit = QDateEdit()
        self.valid_edit.setCalendarPopup(True)
        self.valid_edit.setDisplayFormat(date_format())
        self.valid_edit.setMinimumDate(NO_DATE)  # shown as "—": the quotation has no validity date
        self.valid_edit.setSpecialValueText("—")
        self.valid_edit.setDate(NO_DATE)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setMaximumHeight(70)
        incoterm = QWidget()
        row = QHBoxLayout(incoterm)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.incoterm_combo)
        row.addWidget(self.place_edit, 1)
        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.tr("Customer"), e.cell("customer_id", self.customer_label))
        left.addRow(self.tr("Contact"), e.cell("contact_id", self.contact_combo))
        left.addRow(self.tr("Currency"), e.cell("currency", self.currency_combo))
        left.addRow(self.tr("Incoterm"), e.cell("incoterm", incoterm))
        e.labels["incoterm_place"] = e.labels["incoterm"]
        right.addRow(self.tr("Payment terms"), e.cell("payment_terms", self.payment_combo))
        right.addRow(self.tr("Lead time"), e.cell("lead_time", self.lead_edit))
        right.addRow(self.tr("Valid until"), e.cell("valid_until", self.valid_edit))
        right.addRow(self.tr("Notes"), e.cell("notes", self.notes_edit))
        header = QGridLayout()
        header.addLayout(left, 0, 0)
        header.addLayout(right, 0, 1)
        self.lines = LinesTable()
        self.add_line_button = QPushButton(self.tr("Add line"))
        self.remove_line_button = QPushButton(self.tr("Remove line"))
        self.add_line_button.clicked.connect(lambda: self.lines.add_line())
        self.remove_line_button.clicked.connect(self.lines.remove_selected)
        self.totals_label = QLabel()
        self.totals_label.setTextFormat(Qt.TextFormat.RichText)
        self.margin_label = QLabel()
        self.margin_label.setTextFormat(Qt.TextFormat.RichText)
        self.margin_label.setToolTip(self.tr("Worked out from the products' cost; shown to you, never printed."))
        line_buttons = QHBoxLayout()
        line_buttons.addWidget(self.add_line_button)
        line_buttons.addWidget(self.remove_line_button)
        line_buttons.addStretch(1)
        line_buttons.addWidget(self.margin_label)
        line_buttons.addSpacing(24)
        line_buttons.addWidget(self.totals_label)
        self.status_label = QLabel()
        self.save_button = QPushButton(self.tr("Save draft"))
        self.revise_button = QPushButton(self.tr("Revise"))
        self.duplicate_button = QPushButton(self.tr("Duplicate for…"))
        self.accepted_button = QPushButton(self.tr("Accepted"))
        self.rejected_button = QPushButton(self.tr("Rejected"))
        self.proforma_button = QPushButton(self.tr("Proforma invoice…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revise_button.clicked.connect(self.revise)
        self.duplicate_button.clicked.connect(self.on_duplicate_button_clicked)
        self.accepted_button.clicked.connect(lambda: self.set_status("accepted"))
        self.rejected_button.clicked.connect(lambda: self.set_status("rejected"))
        self.proforma_button.clicked.connect(lambda: self.proforma_requested.emit(self.quotation_id))
        self.close_button.clicked.connect(self.reject)
        self.output_bar = self.outputs.bar(lambda: ("quotation", self.quotation_id), self.before_output,
                                           self.after_sent)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.revise_button, self.duplicate_button, self.accepted_button,
                       self.rejected_button, self.proforma_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.errors.cell("lines", self.lines), 1)
        layout.addLayout(line_buttons)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.output_bar)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)

    # --- loading ----------------------------------------------------------------------------------

    def set_customer(self, customer_id: int | None) -> None:
        self.customer_id = customer_id
        self.contact_combo.clear()
        if customer_id is None:
            self.customer_label.setText(self.tr("(none)"))
            return
        customer = get_customer(customer_id)
        self.customer_label.setText(customer.name)
        for contact in customer.contacts:
            self.contact_combo.addItem(contact.name, contact.id)
        self.contact_combo.addItem(self.tr("(no contact)"), None)
        if customer.currency and self.quotation_id is None:
            self.currency_combo.setCurrentText(customer.currency)

    def load(self, quotation_id: int) -> None:
        view = quotations.quotation_view(quotation_id)
        self.quotation_id, self.view = view.id, view
        self.set_customer(view.customer_id)
        index = self.contact_combo.findData(view.contact_id)
        self.contact_combo.setCurrentIndex(max(index, 0))
        self.currency_combo.setCurrentText(view.currency)
        self.incoterm_combo.setCurrentText(view.incoterm or "FOB")
        self.place_edit.setText(view.incoterm_place)
        self.payment_combo.setCurrentText(view.payment_terms)
        self.lead_edit.setText(view.lead_time)
        self.valid_edit.setDate(qdate(view.valid_until) if view.valid_until is not None else NO_DATE)
        self.notes_edit.setPlainText(view.notes)
        self.lines.setRowCount(0)
        for line in view.lines:
            self.lines.add_line(product_id=line.product_id, sku=line.sku, description=line.description,
                                quantity=line.quantity, unit=line.unit, unit_price=line.unit_price,
                                discount=line.discount_percent)
        self.update_state()
        self.update_totals()

    def title_text(self) -> str:
        if self.view is None:
            return self.tr("New quotation")
        return fill(self.tr("Quotation %1 (%2)"), self.view.label, status_text(self.view.status))

    def update_state(self) -> None:
        """What may be done in the quotation's state: only a draft is edited; a sent one is revised."""
        status = self.view.status if self.view is not None else "draft"
        draft = status == "draft"
        saved = self.quotation_id is not None
        self.setWindowTitle(self.title_text())
        for widget in (self.contact_combo, self.currency_combo, self.incoterm_combo, self.place_edit,
                       self.payment_combo, self.lead_edit, self.valid_edit, self.add_line_button,
                       self.remove_line_button):
            widget.setEnabled(draft)
        self.notes_edit.setReadOnly(not draft)
        self.lines.setEditTriggers(self.lines.editTriggers() if draft else self.lines.EditTrigger.NoEditTriggers)
        if draft and self.lines.editTriggers() == self.lines.EditTrigger.NoEditTriggers:
            self.lines.setEditTriggers(self.lines.EditTrigger.DoubleClicked | self.lines.EditTrigger.AnyKeyPressed
                                       | self.lines.EditTrigger.EditKeyPressed)
        self.save_button.setEnabled(draft)
        newest = self.view is None or self.view.newest
        self.revise_button.setEnabled(saved and newest and status in ("sent", "accepted", "rejected", "expired"))
        self.duplicate_button.setEnabled(saved)
        self.accepted_button.setEnabled("accepted" in quotations.TRANSITIONS.get(status, ()))
        self.rejected_button.setEnabled("rejected" in quotations.TRANSITIONS.get(status, ()))
        self.proforma_button.setEnabled(saved and status in ("accepted", "ordered"))
        self.outputs.enable(self.output_bar, saved)

    # --- the form as the domain takes it ----------------------------------------------------------

    def quotation_input(self):
        lines = tuple(pricing.LineInput(product_id=v.product_id, description=v.description, quantity=v.quantity,
                                           unit_price=v.unit_price, discount_percent=v.discount_percent, unit=v.unit)
                      for v in self.lines.values())
        valid = self.valid_edit.date()
        return quotations.QuotationInput(
            customer_id=self.customer_id, contact_id=self.contact_combo.currentData(),
            currency=self.currency_combo.currentText().strip().upper(), incoterm=self.incoterm_combo.currentText(),
            incoterm_place=self.place_edit.text().strip(), payment_terms=self.payment_combo.currentText().strip(),
            lead_time=self.lead_edit.text().strip(),
            valid_until=valid.toPython() if valid.isValid() and valid != NO_DATE else None,
            notes=self.notes_edit.toPlainText().strip(), lines=lines)

    def update_totals(self) -> None:
        """The domain's sums for what is on screen, without writing: proposals, amounts, warnings, total, margin."""
        self.timer.stop()
        try:
            data = self.quotation_input()
            self.totals = pricing.draft_totals(data)
        except DomainError as exc:
            self.totals = None
            self.status_label.setText(getattr(exc, "message", "") or str(exc))
            return
        self.status_label.setText("; ".join(w.message for w in self.totals.warnings if w.position == 0))
        currency = data.currency
        rows = []
        for index, line in enumerate(self.totals.lines):
            rows.append((self.lines.row_of_line(index), line.unit_price, line.amount,
                         "; ".join(warning_text(w, line) for w in self.totals.warnings if w.position == index + 1)))
        self.lines.show_proposals(rows, currency)
        total, margin = totals_text(self.totals, currency)
        self.totals_label.setText(total)
        self.margin_label.setText(margin)

    # --- actions ----------------------------------------------------------------------------------

    def show_error(self, error: DomainError) -> None:
        key = self.errors.show(error)
        if key == "lines":
            self.lines.point_at(getattr(error, "field", ""))

    def save(self) -> int | None:
        """Save the draft (create it the first time); errors appear at their fields and nothing is written."""
        self.errors.clear()
        try:
            data = self.quotation_input()
            if self.quotation_id is None:
                view = quotations.create_quotation(data, self._clock)
            else:
                view = quotations.update_quotation(self.quotation_id, data, self._clock)
        except DomainError as exc:
            self.show_error(exc)
            return None
        self.load(view.id)
        self.status_label.setText(fill(self.tr("Saved %1"), view.number))
        self.quotation_saved.emit(view.id)
        return view.id

    def revise(self) -> int | None:
        try:
            view = quotations.revise_quotation(self.quotation_id, self._clock)
        except DomainError as exc:
            self.show_error(exc)
            return None
        self.load(view.id)
        self.status_label.setText(fill(self.tr("Version %1 made: the earlier one stays as it was sent"),
                                       view.revision))
        self.quotation_saved.emit(view.id)
        return view.id

    def duplicate_for(self, customer_id: int) -> int | None:
        try:
            view = quotations.duplicate_quotation(self.quotation_id, customer_id, self._clock)
        except DomainError as exc:
            self.show_error(exc)
            return None
        self.quotation_saved.emit(view.id)
        self.quotation_opened.emit(view.id)
        return view.id

    def on_duplicate_button_clicked(self) -> None:
        # lazy: the customer picker loads when first asked for
        from trade_crm.ui.quotes.customer_picker import pick_customer

        customer_id = pick_customer(self, self._clock, self.tr("Duplicate for another customer"))
        if customer_id is not None:
            self.duplicate_for(customer_id)

    def set_status(self, status: str) -> bool:
        try:
            quotations.set_quotation_status(self.quotation_id, status, self._clock)
        except DomainError as exc:
            self.show_error(exc)
            return False
        self.load(self.quotation_id)
        self.quotation_saved.emit(self.quotation_id)
        return True

    def before_output(self) -> bool:
        """A draft with unsaved edits is saved before its PDF is made (the PDF is what is stored)."""
        if self.view is not None and self.view.status == "draft":
            return self.save() is not None
        return self.quotation_id is not None

    def after_sent(self) -> None:
        self.load(self.quotation_id)
        self.quotation_saved.emit(self.quotation_id)

