"""The exchange-rate table: what one unit of each currency is worth in the reporting currency, and as of when.

The app is offline, so the user keeps the rates; each shows its date so an old one is easy to spot.
Currencies used by orders or deals without a rate are listed, one click away from a new row.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.errors import DomainError, ValidationError
from trade_crm.domain.world.currency import (
    currencies_in_use,
    missing_rates,
    rates,
    reporting_currency,
    set_rates,
    set_reporting_currency,
)
from trade_crm.ui.common.i18n import fill

COMMON = ("USD", "EUR", "CNY", "GBP", "JPY", "HKD", "AED", "SAR", "AUD", "CAD", "CHF", "RUB", "INR", "BRL")
CURRENCY, RATE, AS_OF = range(3)


class RatesDialog(QDialog):
    rates_saved = Signal()

    def __init__(self, clock: Clock, parent: QWidget | None = None):
        super().__init__(parent)
        self._clock = clock
        self.setWindowTitle(self.tr("Exchange rates"))
        self.resize(560, 520)
        self.reporting_combo = QComboBox()
        codes = dict.fromkeys([reporting_currency(), *COMMON, *currencies_in_use(), *(r.currency for r in rates())])
        for code in codes:
            self.reporting_combo.addItem(code, code)
        self.reporting_combo.setCurrentIndex(self.reporting_combo.findData(reporting_currency()))
        self.reporting_combo.activated.connect(self.on_reporting_combo_activated)
        self.table = QTableWidget(0, 3)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add rate"))
        self.add_missing_button = QPushButton(self.tr("Add missing currencies"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(lambda: self.add_row("", "", today(self._clock)))
        self.add_missing_button.clicked.connect(self.on_add_missing_button_clicked)
        self.remove_button.clicked.connect(self.on_remove_button_clicked)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Reporting currency")))
        head.addWidget(self.reporting_combo)
        head.addStretch(1)
        edit_row = QHBoxLayout()
        for button in (self.add_button, self.add_missing_button, self.remove_button):
            edit_row.addWidget(button)
        edit_row.addStretch(1)
        hint = QLabel(self.tr("The app works offline: enter the rates you use, with the day you took them. "
                              "Changing the reporting currency converts the table."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(head)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit_row)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        reporting = reporting_currency()
        self.table.setRowCount(0)
        self.table.setHorizontalHeaderLabels([self.tr("Currency"), fill(self.tr("1 unit in %1"), reporting),
                                              self.tr("As of")])
        for rate in rates():
            self.add_row(rate.currency, str(rate.rate.normalize()), rate.as_of)
        self._update_missing()

    def add_row(self, code: str, rate: str, as_of: date) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, CURRENCY, QTableWidgetItem(code))
        rate_item = QTableWidgetItem(rate)
        rate_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, RATE, rate_item)
        edit = QDateEdit(QDate(as_of.year, as_of.month, as_of.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        self.table.setCellWidget(row, AS_OF, edit)
        if not code:
            self.table.setCurrentCell(row, CURRENCY)
        return row

    def rows(self) -> list[tuple[str, str, date]]:
        out = []
        for row in range(self.table.rowCount()):
            code = (self.table.item(row, CURRENCY).text() if self.table.item(row, CURRENCY) else "").strip().upper()
            rate = (self.table.item(row, RATE).text() if self.table.item(row, RATE) else "").strip()
            if code or rate:
                out.append((code, rate, self.table.cellWidget(row, AS_OF).date().toPython()))
        return out

    def _update_missing(self) -> None:
        listed = {code for code, _rate, _as_of in self.rows()}
        gaps = [code for code in missing_rates() if code not in listed]
        self.missing_label.setText(fill(self.tr("Used in orders or deals, with no rate yet: %1"), ", ".join(gaps))
                                   if gaps else "")
        self.add_missing_button.setEnabled(bool(gaps))

    def on_add_missing_button_clicked(self) -> None:
        listed = {code for code, _rate, _as_of in self.rows()}
        for code in missing_rates():
            if code not in listed:
                self.add_row(code, "", today(self._clock))
        self._update_missing()

    def on_remove_button_clicked(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self._update_missing()

    def save(self) -> bool:
        """Store the table as shown (rows with no rate yet are skipped); False with the error shown."""
        try:
            set_rates([r for r in self.rows() if r[1]], self._clock, replace_all=True)
        except ValidationError as exc:
            self.error_label.setText(fill(self.tr("Not saved: %1"), f"{exc.field}: {exc.message}"))
            return False
        self.error_label.clear()
        self.rates_saved.emit()
        return True

    def on_reporting_combo_activated(self, _index: int) -> None:
        code = self.reporting_combo.currentData()
        if code == reporting_currency() or not self.save():
            self.reporting_combo.setCurrentIndex(self.reporting_combo.findData(reporting_currency()))
            return
        try:
            set_reporting_currency(code, self._clock)
        except DomainError as exc:
            self.error_label.setText(fill(self.tr("Add a rate for %1 first: %2"), code, exc))
            self.reporting_combo.setCurrentIndex(self.reporting_combo.findData(reporting_currency()))
            return
        self.load()
        self.rates_saved.emit()

    def accept(self) -> None:
        if self.save():
            super().accept()
