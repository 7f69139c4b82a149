"""The customer page's Quotes tab, beside Timeline and Files: the customer's quotations (each version) and
proforma invoices with number, version, date, total and status. Double-click opens one; the right-click menu
offers New quotation. The list is read when the tab is shown, so the start and a change of customer with
another tab in front cost nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTableWidgetItem, QVBoxLayout, QWidget

from trade_crm.domain.clock import Clock, today
from trade_crm.ui.common.dates import short_date
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.tables import row_table

KIND, NUMBER, VERSION, DATE, TOTAL, STATUS = range(6)
IDENT = Qt.ItemDataRole.UserRole


class QuotesPane(QWidget):
    quotation_open_requested = Signal(int)
    proforma_open_requested = Signal(int)
    new_quotation_requested = Signal(int)  # the shown customer's id
    count_changed = Signal(int)

    def __init__(self, clock: Clock, parent: QWidget | None = None):
        super().__init__(parent)
        self.clock = clock
        self.customer_id: int | None = None
        self.documents: list = []
        self.stale = True
        self.table = row_table([self.tr("Document"), self.tr("Number"), self.tr("Version"), self.tr("Date"),
                                self.tr("Total"), self.tr("Status")], stretch=NUMBER,
                               fit=(KIND, VERSION, DATE, TOTAL, STATUS))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.new_action = QAction(self.tr("New quotation…"), self)
        self.open_action = QAction(self.tr("Open"), self)
        self.table.addActions([self.new_action, self.open_action])
        self.new_action.triggered.connect(lambda: self.new_quotation_requested.emit(self.customer_id)
                                          if self.customer_id is not None else None)
        self.open_action.triggered.connect(self.open_current)
        self.table.itemDoubleClicked.connect(lambda _item: self.open_current())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def show_customer(self, customer_id: int | None) -> None:
        self.customer_id = customer_id
        self.stale = True
        if self.isVisible():
            self.refresh()
        self.new_action.setEnabled(customer_id is not None)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override: the list is read when first looked at
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def refresh(self) -> None:
        # lazy: start-up, the quotations' domain loads when the tab is first shown
        from trade_crm.domain.quotes.listing import customer_documents
        from trade_crm.domain.quotes.money import format_amount
        from trade_crm.ui.quotes.quote_totals import status_text

        self.stale = False
        self.documents = list(customer_documents(self.customer_id)) if self.customer_id is not None else []
        day = today(self.clock)
        self.table.setRowCount(len(self.documents))
        for row, doc in enumerate(self.documents):
            kind = self.tr("Quotation") if doc.kind == "quotation" else self.tr("Proforma invoice")
            number, version = split_label(doc.number) if doc.kind == "quotation" else (doc.number, "")
            values = (kind, number, version, short_date(doc.issued_on),
                      f"{doc.currency} {format_amount(doc.total, doc.currency)}", status_text(doc.status_on(day)))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(IDENT, (doc.kind, doc.id))
                if column == TOTAL:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                elif column == STATUS and doc.valid_until is not None:
                    item.setToolTip(fill(self.tr("Valid until %1"), short_date(doc.valid_until)))
                self.table.setItem(row, column, item)
        self.open_action.setEnabled(bool(self.documents))
        self.count_changed.emit(len(self.documents))

    def open_current(self) -> None:
        item = self.table.item(self.table.currentRow(), KIND)
        if item is None:
            return
        kind, ident = item.data(IDENT)
        (self.quotation_open_requested if kind == "quotation" else self.proforma_open_requested).emit(ident)


def split_label(label: str) -> tuple[str, str]:
    """"Q261205-3 v2" → ("Q261205-3", "v2"); a first version "Q261205-3" → ("Q261205-3", "v1")."""
    head, _, tail = label.rpartition(" v")
    return (head, f"v{tail}") if head and tail.isdigit() else (label, "v1")
