"""Pick a customer by typing a few letters of the name (any script): for a quotation duplicated for another
customer, or a new quotation with no customer selected."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.customers.query import CustomerFilter, search_customers

SHOWN = 30


class CustomerPickerDialog(QDialog):
    def __init__(self, clock: Clock, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._clock = clock
        self.setWindowTitle(title)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Type a customer's name"))
        self.list = QListWidget()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(120)
        self.timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(self.timer.start)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.list.currentItemChanged.connect(lambda *_: self.update_ok())
        self.resize(420, 420)
        self.refresh()

    def refresh(self) -> None:
        self.timer.stop()
        rows = search_customers(CustomerFilter(text=self.search_edit.text().strip()), today=today(self._clock),
                                now=self._clock.now(), limit=SHOWN)
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.name} ({row.country})" if row.country else row.name)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.list.addItem(item)
        if rows:
            self.list.setCurrentRow(0)
        self.update_ok()

    def update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.list.currentItem() is not None)

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


def pick_customer(parent: QWidget, clock: Clock, title: str) -> int | None:
    dialog = CustomerPickerDialog(clock, title, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
