"""Settings › Mail: the mail accounts (add, edit, test the connection, remove) and the never-log list.

Each change is saved at once through domain/mail (an account is a record of the book, its password is in
the keyring), so OK and Cancel of the Settings dialog do not apply to this page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import DomainError
from trade_crm.domain.mail.accounts import get_account, list_accounts, remove_account, secret_name
from trade_crm.domain.mail.rules import add_never_log, never_log_list, remove_never_log
from trade_crm.keystore import KeyStore, KeystoreError
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.mail.account_dialog import AccountDialog, split_words


class MailSettingsPage(QWidget):
    accounts_changed = Signal()

    def __init__(self, clock: Clock, keystore: KeyStore | None = None, parent: QWidget | None = None, *,
                 ca_file: str | None = None, confirm=None):
        super().__init__(parent)
        self._clock, self._keystore, self._ca_file = clock, keystore or KeyStore(), ca_file
        self.confirm = confirm or self._confirm  # injectable: tests answer without a modal box
        self.account_dialog: AccountDialog | None = None
        self.accounts = QListWidget()
        self.accounts.itemSelectionChanged.connect(self._enable)
        self.accounts.itemDoubleClicked.connect(lambda _item: self.on_edit_button_clicked())
        self.add_button = QPushButton(self.tr("Add account…"))
        self.add_button.clicked.connect(self.on_add_button_clicked)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.on_edit_button_clicked)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.on_test_button_clicked)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.on_remove_button_clicked)
        buttons = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.test_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.accounts, 1)
        row.addLayout(buttons)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        accounts_box = QGroupBox(self.tr("Mail accounts"))
        box_layout = QVBoxLayout(accounts_box)
        box_layout.addLayout(row)
        box_layout.addWidget(self.status_label)
        self.never_list = QListWidget()
        self.never_list.itemSelectionChanged.connect(self._enable)
        self.never_edit = QLineEdit()
        self.never_edit.setPlaceholderText(self.tr("An address or a domain, e.g. newsletter@fair.com or bank.com"))
        self.never_edit.returnPressed.connect(self.on_never_add_button_clicked)
        self.never_add_button = QPushButton(self.tr("Add"))
        self.never_add_button.clicked.connect(self.on_never_add_button_clicked)
        self.never_remove_button = QPushButton(self.tr("Remove"))
        self.never_remove_button.clicked.connect(self.on_never_remove_button_clicked)
        self.never_error = QLabel()
        self.never_error.setWordWrap(True)
        adding = QHBoxLayout()
        adding.addWidget(self.never_edit, 1)
        adding.addWidget(self.never_add_button)
        adding.addWidget(self.never_remove_button)
        never_box = QGroupBox(self.tr("Never log mail from or to"))
        never_layout = QVBoxLayout(never_box)
        never_layout.addWidget(self.never_list)
        never_layout.addLayout(adding)
        never_layout.addWidget(self.never_error)
        note = QLabel(self.tr("Changes on this page are saved at once."))
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.addWidget(accounts_box, 3)
        layout.addWidget(never_box, 2)
        layout.addWidget(note)
        self.refresh()

    def refresh(self) -> None:
        selected = self.current_account_id()
        self.accounts.clear()
        for account in list_accounts():
            text = f"{account.display} — {account.email} ({account.host})" if account.label else \
                f"{account.email} ({account.host})"
            if not account.enabled:
                text += " · " + self.tr("not synced")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            self.accounts.addItem(item)
            if account.id == selected:
                item.setSelected(True)
        if self.accounts.count() and not self.accounts.selectedItems():
            self.accounts.setCurrentRow(0)
        if not self.accounts.count():
            self.status_label.setText(self.tr("No mail account yet: add one to see your customers' mail on "
                                              "their timelines."))
        self.never_list.clear()
        for entry in never_log_list():
            item = QListWidgetItem(entry.value)
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.never_list.addItem(item)
        self._enable()

    def current_account_id(self) -> int | None:
        items = self.accounts.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _enable(self) -> None:
        chosen = self.current_account_id() is not None
        for button in (self.edit_button, self.test_button, self.remove_button):
            button.setEnabled(chosen)
        self.never_remove_button.setEnabled(bool(self.never_list.selectedItems()))

    # --- accounts ---------------------------------------------------------------------------------

    def _open_dialog(self, account_id: int | None) -> AccountDialog:
        account = get_account(account_id) if account_id is not None else None
        self.account_dialog = AccountDialog(self._clock, self._keystore, account, self, ca_file=self._ca_file)
        self.account_dialog.account_saved.connect(self.on_account_dialog_account_saved)
        self.account_dialog.open()
        return self.account_dialog

    def on_add_button_clicked(self) -> AccountDialog:
        return self._open_dialog(None)

    def on_edit_button_clicked(self) -> AccountDialog | None:
        account_id = self.current_account_id()
        return self._open_dialog(account_id) if account_id is not None else None

    def on_test_button_clicked(self) -> AccountDialog | None:
        """Test the chosen account as it is saved (its dialog shows the answer)."""
        dialog = self.on_edit_button_clicked()
        if dialog is not None:
            dialog.on_test_button_clicked()
        return dialog

    def on_account_dialog_account_saved(self, account_id: int) -> None:
        self.refresh()
        for row in range(self.accounts.count()):
            if self.accounts.item(row).data(Qt.ItemDataRole.UserRole) == account_id:
                self.accounts.setCurrentRow(row)
        self.status_label.setText(self.tr("Saved. Mail › Sync mail fetches its mail now; it also syncs in the "
                                          "background."))
        self.accounts_changed.emit()

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Remove mail account"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def on_remove_button_clicked(self) -> None:
        account_id = self.current_account_id()
        if account_id is None:
            return
        account = get_account(account_id)
        if not self.confirm(fill(self.tr("Remove %1? Its mail already on customers' timelines stays; its password "
                                         "is deleted from the keyring."), account.email)):
            return
        try:
            remove_account(account.id)
            self._keystore.forget_mail_password(secret_name(account))
        except (DomainError, KeystoreError) as exc:
            self.status_label.setText(str(exc))
            return
        self.status_label.setText(fill(self.tr("%1 removed."), account.email))
        self.refresh()
        self.accounts_changed.emit()

    # --- never log --------------------------------------------------------------------------------

    def on_never_add_button_clicked(self) -> None:
        values = split_words(self.never_edit.text())
        if not values:
            return
        try:
            add_never_log(values, self._clock)
        except DomainError as exc:
            self.never_error.setText(getattr(exc, "message", "") or str(exc))
            return
        self.never_error.setText("")
        self.never_edit.clear()
        self.refresh()

    def on_never_remove_button_clicked(self) -> None:
        for item in self.never_list.selectedItems():
            try:
                remove_never_log(item.data(Qt.ItemDataRole.UserRole))
            except DomainError as exc:
                self.never_error.setText(str(exc))
        self.refresh()
