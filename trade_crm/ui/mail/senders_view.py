"""New senders: outside mail no customer matched, waiting for a decision.

One row per sender (name and address, domain, how many messages, the last subject, when). "Create customer
from this mail" asks the domain for a proposal (company from the domain and the signature, country from
the ccTLD or the phone prefix, contact name, phone) and hands it to whoever opens the customer form (the
main window: `create_customer_requested`); "Ignore this sender" takes them off the list for good (their
later mail is stored without a triage entry); the Ignored list puts one back.
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.errors import DomainError
from trade_crm.domain.mail.senders import (
    IGNORED,
    NEW,
    NewSender,
    ignore_sender,
    new_senders,
    propose_customer,
    restore_sender,
)
from trade_crm.domain.mail.triage import proposal_fields
from trade_crm.ui.common.dates import short_date_time
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.icons import icon
from trade_crm.ui.common.tables import row_table

SENDER, DOMAIN, COUNT, SUBJECT, LAST = range(5)


class NewSendersDialog(QDialog):
    create_customer_requested = Signal(int, object, object)  # sender id, the form's fields, its contacts
    message_open_requested = Signal(int)
    senders_changed = Signal()

    def __init__(self, zone: tzinfo, parent: QWidget | None = None):
        super().__init__(parent)
        self._zone = zone
        self.senders: list[NewSender] = []
        self.setWindowTitle(self.tr("New senders"))
        intro = QLabel(self.tr("Mail from people who are not customers yet. Make a customer of those who are "
                               "and their mail goes on the new customer's timeline; ignore the rest."))
        intro.setWordWrap(True)
        self.state_combo = QComboBox()
        self.state_combo.addItem(self.tr("Waiting"), NEW)
        self.state_combo.addItem(self.tr("Ignored"), IGNORED)
        self.state_combo.currentIndexChanged.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(intro, 1)
        top.addWidget(self.state_combo)
        self.table = row_table([self.tr("Sender"), self.tr("Domain"), self.tr("Messages"), self.tr("Last subject"),
                                self.tr("Last mail")], stretch=SUBJECT, fit=(SENDER, DOMAIN, COUNT, LAST))
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.itemDoubleClicked.connect(lambda _item: self.on_read_button_clicked())
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.create_button = QPushButton(icon("customer_add"), self.tr("Create customer from this mail…"))
        self.create_button.clicked.connect(self.on_create_button_clicked)
        self.ignore_button = QPushButton(self.tr("Ignore this sender"))
        self.ignore_button.clicked.connect(self.on_ignore_button_clicked)
        self.restore_button = QPushButton(self.tr("Put back on the list"))
        self.restore_button.clicked.connect(self.on_restore_button_clicked)
        self.read_button = QPushButton(self.tr("Read the last message"))
        self.read_button.clicked.connect(self.on_read_button_clicked)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        row = QHBoxLayout()
        for button in (self.create_button, self.ignore_button, self.restore_button, self.read_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(close)
        self.resize(980, 440)
        self.refresh()

    def state(self) -> str:
        return self.state_combo.currentData()

    def refresh(self, *_args) -> None:
        selected = self.current_sender()
        self.senders = new_senders(state=self.state())
        self.table.setRowCount(len(self.senders))
        locale = self.locale()
        for row, sender in enumerate(self.senders):
            name = f"{sender.name} <{sender.email}>" if sender.name else sender.email
            last = short_date_time(sender.last_seen_at.astimezone(self._zone), locale) if sender.last_seen_at else ""
            cells = (name, sender.email.rpartition("@")[2], str(sender.messages), sender.last_subject, last)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == COUNT:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        if self.senders:
            ids = [s.id for s in self.senders]
            self.table.selectRow(ids.index(selected.id) if selected is not None and selected.id in ids else 0)
        waiting = self.state() == NEW
        self.empty_label.setText(self.tr("No new senders: all your mail is with customers, ignored or internal.")
                                 if waiting else self.tr("No ignored senders."))
        self.empty_label.setVisible(not self.senders)
        self.table.setVisible(bool(self.senders))
        self.create_button.setVisible(waiting)
        self.ignore_button.setVisible(waiting)
        self.restore_button.setVisible(not waiting)
        self._enable()

    def current_sender(self) -> NewSender | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.senders):
            return None
        return self.senders[rows[0].row()]

    def select_sender(self, email: str) -> bool:
        for row, sender in enumerate(self.senders):
            if sender.email == email:
                self.table.selectRow(row)
                return True
        return False

    def _enable(self) -> None:
        sender = self.current_sender()
        for button in (self.create_button, self.ignore_button, self.restore_button):
            button.setEnabled(sender is not None)
        self.read_button.setEnabled(sender is not None and sender.last_message_id is not None)

    def on_create_button_clicked(self) -> None:
        sender = self.current_sender()
        if sender is None:
            return
        try:
            fields, contacts = proposal_fields(propose_customer(sender.id))
        except DomainError as exc:
            self.error_label.setText(str(exc))
            return
        self.create_customer_requested.emit(sender.id, fields, contacts)

    def on_ignore_button_clicked(self) -> None:
        sender = self.current_sender()
        if sender is None:
            return
        try:
            ignore_sender(sender.id)
        except DomainError as exc:
            self.error_label.setText(str(exc))
            return
        self.error_label.setText(fill(self.tr("%1 is ignored: their mail is no longer listed here."), sender.email))
        self.refresh()
        self.senders_changed.emit()

    def on_restore_button_clicked(self) -> None:
        sender = self.current_sender()
        if sender is None:
            return
        try:
            restore_sender(sender.id)
        except DomainError as exc:
            self.error_label.setText(str(exc))
            return
        self.error_label.setText(fill(self.tr("%1 is back on the list."), sender.email))
        self.refresh()
        self.senders_changed.emit()

    def on_read_button_clicked(self) -> None:
        sender = self.current_sender()
        if sender is not None and sender.last_message_id is not None:
            self.message_open_requested.emit(sender.last_message_id)

    def on_customer_created(self, sender_id: int, customer_id: int) -> None:
        """The main window saved the customer made from this sender's mail: off the list."""
        self.error_label.setText(self.tr("Customer created: the sender's mail is on its timeline."))
        self.refresh()
        self.senders_changed.emit()
