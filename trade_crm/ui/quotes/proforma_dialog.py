"""The proforma invoice: made from an accepted quotation (buyer and consignee, ports, the lines as quoted and
editable until issued, the packing summary), then issued → sent (by email or by hand: the output buttons) →
ordered; "ordered" makes the order in the same transaction (the customer's page shows it). A seller profile without its bank details stops the issue
with the message and a button to the Seller profile dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import DomainError
from trade_crm.domain.quotes import pricing, proforma, quotations, seller
from trade_crm.domain.quotes.document import Party
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.quotes.bits import FieldErrors, number_text
from trade_crm.ui.quotes.outputs import DocumentOutputs
from trade_crm.ui.quotes.quote_lines import LinesTable
from trade_crm.ui.quotes.quote_totals import status_text, total_text, warning_text

SELLER_FIELD = "seller"  # "seller.company", "seller.bank.swift": the profile, not this dialog


class PartyBox(QGroupBox):
    """A buyer or consignee as printed: name, address block, contact person."""

    def __init__(self, title: str, errors: FieldErrors, key: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.name_edit, self.contact_edit = QLineEdit(), QLineEdit()
        self.address_edit = QPlainTextEdit()
        self.address_edit.setMaximumHeight(64)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), errors.cell(key, self.name_edit))
        form.addRow(self.tr("Address"), self.address_edit)
        form.addRow(self.tr("Contact"), self.contact_edit)

    def set_party(self, party: Party | None) -> None:
        party = party or Party("")
        self.name_edit.setText(party.name)
        self.address_edit.setPlainText(party.address)
        self.contact_edit.setText(party.contact)

    def party(self) -> Party:
        return Party(self.name_edit.text().strip(), self.address_edit.toPlainText().strip(),
                     self.contact_edit.text().strip())

    def set_editable(self, editable: bool) -> None:
        for edit in (self.name_edit, self.contact_edit):
            edit.setReadOnly(not editable)
        self.address_edit.setReadOnly(not editable)


class ProformaDialog(QDialog):
    proforma_saved = Signal(int)
    seller_profile_requested = Signal()

    def __init__(self, clock: Clock, *, quotation_id: int | None = None, proforma_id: int | None = None,
                 outputs: DocumentOutputs | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self._clock = clock
        self.quotation_id, self.proforma_id = quotation_id, proforma_id
        self.view = None
        self.errors = FieldErrors()
        self.outputs = outputs or DocumentOutputs(clock, self)
        self._build()
        if proforma_id is not None:
            self.load(proforma_id)
        else:
            self.load_quotation(quotation_id)
        self.resize(1180, 780)

    def _build(self) -> None:
        e = self.errors
        self.buyer_box = PartyBox(self.tr("Buyer"), e, "buyer")
        self.consignee_box = PartyBox(self.tr("Consignee"), e, "consignee")
        self.same_check = QCheckBox(self.tr("Consignee same as buyer"))
        self.same_check.toggled.connect(lambda same: self.consignee_box.setEnabled(not same))
        self.same_check.setChecked(True)
        self.loading_edit, self.discharge_edit = QLineEdit(), QLineEdit()
        self.loading_edit.setPlaceholderText(self.tr("e.g. Ningbo, China"))
        self.discharge_edit.setPlaceholderText(self.tr("e.g. Jebel Ali, UAE"))
        ports = QFormLayout()
        ports.addRow(self.tr("Port of loading"), e.cell("port_of_loading", self.loading_edit))
        ports.addRow(self.tr("Port of discharge"), e.cell("port_of_discharge", self.discharge_edit))
        ports.addRow(self.same_check)
        top = QGridLayout()
        top.addWidget(self.buyer_box, 0, 0)
        top.addWidget(self.consignee_box, 0, 1)
        top.addLayout(ports, 0, 2)
        self.seller_bar = QFrame()
        self.seller_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.seller_label = QLabel()
        self.seller_label.setWordWrap(True)
        self.seller_button = QPushButton(self.tr("Seller profile…"))
        self.seller_button.clicked.connect(self.seller_profile_requested)
        bar = QHBoxLayout(self.seller_bar)
        bar.addWidget(self.seller_label, 1)
        bar.addWidget(self.seller_button)
        self.seller_bar.hide()
        self.lines = LinesTable()
        self.packing_label = QLabel()
        self.totals_label = QLabel()
        self.totals_label.setTextFormat(Qt.TextFormat.RichText)
        summary = QHBoxLayout()
        summary.addWidget(self.packing_label, 1)
        summary.addWidget(self.totals_label)
        self.issue_button = QPushButton(self.tr("Issue proforma invoice"))
        self.ordered_button = QPushButton(self.tr("Ordered"))
        self.ordered_button.setToolTip(self.tr("The buyer ordered: make the order with the PI's amount"))
        self.close_button = QPushButton(self.tr("Close"))
        self.issue_button.clicked.connect(self.issue)
        self.ordered_button.clicked.connect(lambda: self.set_status("ordered"))
        self.close_button.clicked.connect(self.reject)
        self.output_bar = self.outputs.bar(lambda: ("proforma", self.proforma_id), lambda: self.proforma_id is not None,
                                           lambda: self.load(self.proforma_id))
        self.status_label = QLabel()
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Cancel PI"))
        self.cancel_button.clicked.connect(lambda: self.set_status("cancelled"))
        for button in (self.issue_button, self.ordered_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.seller_bar)
        layout.addWidget(e.cell("lines", self.lines), 1)
        layout.addLayout(summary)
        layout.addWidget(e.general)
        layout.addWidget(self.output_bar)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)

    # --- loading ----------------------------------------------------------------------------------

    def load_quotation(self, quotation_id: int) -> None:
        """A new PI: the buyer from the customer, the lines as quoted (editable until issued)."""
        quote = quotations.quotation_view(quotation_id)
        self.buyer_box.set_party(proforma.proforma_defaults(quotation_id).buyer)
        self.consignee_box.set_party(None)
        self.same_check.setChecked(True)
        self.currency = quote.currency
        self.lines.setRowCount(0)
        for line in quote.lines:
            self.lines.add_line(product_id=line.product_id, sku=line.sku, description=line.description,
                                quantity=line.quantity, unit=line.unit, unit_price=line.unit_price,
                                discount=line.discount_percent)
        self.setWindowTitle(fill(self.tr("Proforma invoice from %1"), quote.label))
        self.check_seller()
        self.update_state()
        self.customer_id = quote.customer_id
        self.lines.lines_changed.connect(self.update_totals)
        self.update_totals()

    def load(self, proforma_id: int) -> None:
        view = proforma.proforma_view(proforma_id)
        self.view, self.proforma_id, self.quotation_id = view, view.id, view.quotation_id
        self.buyer_box.set_party(view.buyer)
        self.consignee_box.set_party(view.consignee)
        self.same_check.setChecked(view.consignee == view.buyer)
        self.loading_edit.setText(view.port_of_loading)
        self.discharge_edit.setText(view.port_of_discharge)
        self.currency = view.currency
        self.lines.setRowCount(0)
        for line in view.lines:
            self.lines.add_line(product_id=line.product_id, sku=line.sku, description=line.description,
                                quantity=line.quantity, unit=line.unit, unit_price=line.unit_price,
                                discount=line.discount_percent)
        self.lines.show_proposals([(row, line.unit_price, line.amount, "") for row, line in enumerate(view.lines)],
                                  view.currency)
        self.setWindowTitle(fill(self.tr("Proforma invoice %1 (%2)"), view.number, status_text(view.status)))
        self.update_state()
        self.show_summary(view.total, view.packing)

    def update_totals(self) -> None:
        """Before issue: the lines as edited, priced by the domain (amounts, warnings, total, packing)."""
        if self.view is not None:
            return
        try:
            totals = pricing.draft_totals(quotations.QuotationInput(
                customer_id=self.customer_id, currency=self.currency, lines=self.proforma_input().lines))
        except DomainError as exc:
            self.status_label.setText(getattr(exc, "message", "") or str(exc))
            return
        self.status_label.setText("")
        self.lines.show_proposals([(self.lines.row_of_line(i), line.unit_price, line.amount,
                                    "; ".join(warning_text(w, line) for w in totals.warnings if w.position == i + 1))
                                   for i, line in enumerate(totals.lines)], self.currency)
        self.show_summary(totals.total, proforma.packing_summary(totals.lines)[0])

    def show_summary(self, total, packing) -> None:
        self.totals_label.setText(total_text(total, self.currency))
        if packing is None:
            self.packing_label.setText("")
            return
        self.packing_label.setText(fill(self.tr("Packing: %1 cartons · %2 CBM · N.W. %3 kg · G.W. %4 kg"),
                                        number_text(packing.cartons), number_text(packing.cbm),
                                        number_text(packing.net_kg), number_text(packing.gross_kg)))

    def check_seller(self) -> bool:
        """Say what the seller profile lacks for a PI (a bank field), with the button to fill it in."""
        problem = ""
        profile = seller.read_seller_profile()
        try:
            if not profile.company.strip():
                raise DomainError(self.tr("The seller profile has no company name."))
            seller.check_bank_complete(profile.bank, "seller.bank.")
        except DomainError as exc:
            problem = getattr(exc, "message", "") or str(exc)
        self.seller_label.setText(fill(self.tr("The PI cannot be issued yet: %1"), problem)
                                  if problem else "")
        self.seller_bar.setVisible(bool(problem))
        return not problem

    def update_state(self) -> None:
        status = self.view.status if self.view is not None else None
        new = self.view is None
        for box in (self.buyer_box, self.consignee_box):
            box.set_editable(new)
        for edit in (self.loading_edit, self.discharge_edit):
            edit.setReadOnly(not new)
        self.same_check.setEnabled(new)
        self.lines.setEditTriggers(self.lines.editTriggers() if new else self.lines.EditTrigger.NoEditTriggers)
        self.issue_button.setVisible(new)
        self.ordered_button.setEnabled(status in proforma.TRANSITIONS and "ordered" in proforma.TRANSITIONS[status])
        self.cancel_button.setEnabled(status in proforma.TRANSITIONS and "cancelled" in proforma.TRANSITIONS[status])
        self.outputs.enable(self.output_bar, not new)

    # --- actions ----------------------------------------------------------------------------------

    def proforma_input(self):
        lines = tuple(pricing.LineInput(product_id=v.product_id, description=v.description, quantity=v.quantity,
                                           unit_price=v.unit_price, discount_percent=v.discount_percent, unit=v.unit)
                      for v in self.lines.values())
        return proforma.ProformaInput(
            buyer=self.buyer_box.party(), consignee=None if self.same_check.isChecked() else self.consignee_box.party(),
            port_of_loading=self.loading_edit.text().strip(), port_of_discharge=self.discharge_edit.text().strip(),
            lines=lines)

    def show_error(self, error: DomainError) -> None:
        field = getattr(error, "field", "") or ""
        if field.split(".")[0] == SELLER_FIELD:
            self.seller_label.setText(getattr(error, "message", "") or str(error))
            self.seller_bar.show()
            return
        if self.errors.show(error) == "lines":
            self.lines.point_at(field)

    def issue(self) -> int | None:
        self.errors.clear()
        try:
            view = proforma.proforma_from_quotation(self.quotation_id, self.proforma_input(), self._clock)
        except DomainError as exc:
            self.show_error(exc)
            return None
        self.seller_bar.hide()
        self.load(view.id)
        self.proforma_saved.emit(view.id)
        return view.id

    def set_status(self, status: str) -> bool:
        try:
            proforma.set_proforma_status(self.proforma_id, status, self._clock)
        except DomainError as exc:
            self.show_error(exc)
            return False
        self.load(self.proforma_id)
        if status == "ordered":
            self.status_label.setText(self.tr("Ordered: the order is on the customer's page"))
        self.proforma_saved.emit(self.proforma_id)
        return True
