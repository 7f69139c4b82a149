"""Add or edit a mail account: the provider's preset fills the server, the hint says what the password field
takes (QQ and NetEase a 授权码, Gmail and Yahoo an app password), Test connection logs in from a worker and
answers in one line, and Save writes the account through domain/mail/accounts and the password or code to
the OS keyring (trade_crm/keystore.py) — never to the book."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.mail.accounts import (
    DEFAULT_INTERVAL_MINUTES,
    SINCE_DAYS,
    MailAccount,
    add_account,
    remove_account,
    secret_name,
    update_account,
)
from trade_crm.exchange.mail.imap import ImapConnection, MailServerError, ServerAddress, find_sent_folder
from trade_crm.exchange.mail.presets import (
    APP_PASSWORD,
    AUTHORIZATION_CODE,
    CLIENT_PASSWORD,
    OAUTH,
    PRESETS,
    preset_for_address,
)
from trade_crm.exchange.mail.tokens import PasswordCredentials
from trade_crm.keystore import KeyStore, KeystoreError
from trade_crm.ui.common.dates import date_format, qdate
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.workers import Job


@dataclass(frozen=True)
class ConnectionCheck:
    folders: int
    sent: str | None
    names: tuple[str, ...] = ()  # the folders a sync could read besides INBOX and Sent




def check_connection(_context, address: ServerAddress, username: str,
                     password: Callable[[], str | None]) -> ConnectionCheck:
    """Log in, list the folders, find Sent, log out (a Job function; no book involved). `password` is asked
    here, on the worker thread (it may read the keyring)."""
    secret = password()
    if not secret:
        raise MailServerError("type the password or authorization code first: none is kept for this account")
    with ImapConnection.open(address, PasswordCredentials(username, secret)) as connection:
        folders = connection.folders()
        sent = find_sent_folder(folders)
        others = tuple(f.name for f in folders if f.selectable and f.name.upper() != "INBOX" and f.name != sent)
        return ConnectionCheck(len(folders), sent, others)


def credential_hint(credential: str) -> str:
    """What the password field takes for a provider, in the UI's language."""
    hints = {
        AUTHORIZATION_CODE: QCoreApplication.translate(
            "AccountDialog", "Enter the authorization code (授权码) from your web mailbox's settings "
            "(POP3/IMAP/SMTP), not your login password."),
        APP_PASSWORD: QCoreApplication.translate(
            "AccountDialog", "Enter an app password (made in your account's security settings with 2-step "
            "verification on), not your login password."),
        CLIENT_PASSWORD: QCoreApplication.translate(
            "AccountDialog", "Enter your mailbox password, or the client-specific password (客户端专用密码) "
            "when secure login is on."),
        OAUTH: QCoreApplication.translate(
            "AccountDialog", "Microsoft accepts only OAuth sign-in for IMAP, which this version does not "
            "offer yet: a password will be refused."),
    }
    return hints.get(credential, QCoreApplication.translate(
        "AccountDialog", "Enter your mailbox password. The server must offer IMAP over TLS (port 993) or STARTTLS."))


def split_words(text: str) -> list[str]:
    return [word.strip() for word in text.replace("，", ",").replace(";", ",").split(",") if word.strip()]


class AccountDialog(QDialog):
    account_saved = Signal(int)

    def __init__(self, clock: Clock, keystore: KeyStore, account: MailAccount | None = None,
                 parent: QWidget | None = None, *, ca_file: str | None = None):
        super().__init__(parent)
        self._clock, self._keystore, self._account, self._ca_file = clock, keystore, account, ca_file
        self.check_job: Job | None = None
        self.saved_account: MailAccount | None = None
        self.setWindowTitle(self.tr("Add mail account") if account is None else self.tr("Edit mail account"))
        self.provider_combo = QComboBox()
        for preset in PRESETS.values():
            self.provider_combo.addItem(preset.label if preset.key != "other" else self.tr("Other (IMAP)"), preset.key)
        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText(self.tr("you@company.com"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # A form row does not grow for a wrapped label's second line: room for three lines of hint.
        self.hint_label.setMinimumHeight(self.hint_label.fontMetrics().lineSpacing() * 3)
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.host_edit = QLineEdit()
        self.host_edit.setPlaceholderText(self.tr("imap.example.com"))
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(993)
        self.security_combo = QComboBox()
        self.security_combo.addItem(self.tr("TLS (SSL)"), "ssl")
        self.security_combo.addItem(self.tr("STARTTLS"), "starttls")
        self.username_edit = QLineEdit()
        self.username_edit.setPlaceholderText(self.tr("Usually your address"))
        self.since_edit = QDateEdit()
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat(date_format(self.locale()))
        self.since_edit.setDate(qdate(today(clock) - timedelta(days=SINCE_DAYS)))
        self.interval_spin = QSpinBox()
        self.interval_spin.setRange(1, 1440)
        self.interval_spin.setValue(DEFAULT_INTERVAL_MINUTES)
        self.interval_spin.setSuffix(self.tr(" min"))
        self.folders_edit = QLineEdit()
        self.folders_edit.setPlaceholderText(self.tr("e.g. Archive, Customers/Europe"))
        # After Test connection: the server's other folders, to tick instead of typing their names.
        self.server_folders = QListWidget()
        self.server_folders.setMaximumHeight(110)
        self.server_folders.hide()
        self.server_folders.itemChanged.connect(self.on_server_folders_item_changed)
        self.domains_edit = QLineEdit()
        self.domains_edit.setPlaceholderText(self.tr("e.g. sunrise-lighting.cn"))
        self.enabled_check = QCheckBox(self.tr("Sync this account"))
        self.enabled_check.setChecked(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Provider"), self.provider_combo)
        form.addRow(self.tr("Address"), self.email_edit)
        form.addRow(self.tr("Password or code"), self.password_edit)
        form.addRow("", self.hint_label)
        form.addRow(self.tr("IMAP server"), self.host_edit)
        form.addRow(self.tr("Port"), self.port_spin)
        form.addRow(self.tr("Security"), self.security_combo)
        form.addRow(self.tr("Login name"), self.username_edit)
        form.addRow(self.tr("Read mail since"), self.since_edit)
        form.addRow(self.tr("Sync every"), self.interval_spin)
        form.addRow(self.tr("Also sync folders"), self.folders_edit)
        form.addRow("", self.server_folders)
        form.addRow(self.tr("Your own domains"), self.domains_edit)
        form.addRow("", self.enabled_check)
        note = QLabel(self.tr("INBOX and the Sent folder are always read. Mail among your own domains is internal "
                              "and never logged. The password stays in this computer's keyring."))
        note.setWordWrap(True)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.on_test_button_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.status_label)
        layout.addWidget(buttons)
        self._filling = False
        self.provider_combo.currentIndexChanged.connect(self.on_provider_combo_current_index_changed)
        self.email_edit.editingFinished.connect(self.on_email_edit_editing_finished)
        if account is not None:
            self._load(account)
        else:
            self.on_provider_combo_current_index_changed(self.provider_combo.currentIndex())
        self.resize(600, 0)

    def _load(self, account: MailAccount) -> None:
        self._filling = True
        self.provider_combo.setCurrentIndex(max(0, self.provider_combo.findData(account.provider)))
        self._filling = False
        self.email_edit.setText(account.email)
        self.email_edit.setReadOnly(True)
        self.host_edit.setText(account.host)
        self.port_spin.setValue(account.port)
        self.security_combo.setCurrentIndex(max(0, self.security_combo.findData(account.security)))
        self.username_edit.setText(account.username)
        if account.since_on is not None:
            self.since_edit.setDate(qdate(account.since_on))
        self.interval_spin.setValue(account.interval_minutes)
        self.folders_edit.setText(", ".join(account.extra_folders))
        self.domains_edit.setText(", ".join(account.own_domains))
        self.enabled_check.setChecked(account.enabled)
        self.password_edit.setPlaceholderText(self.tr("Kept in the keyring; type to change it"))
        self._show_hint()

    def preset(self):
        return PRESETS[self.provider_combo.currentData()]

    def _show_hint(self) -> None:
        self.hint_label.setText(credential_hint(self.preset().credential))

    def on_provider_combo_current_index_changed(self, _index: int) -> None:
        self._show_hint()
        if self._filling:
            return
        preset = self.preset()
        if preset.host:
            self.host_edit.setText(preset.host)
        self.port_spin.setValue(preset.port)
        self.security_combo.setCurrentIndex(max(0, self.security_combo.findData(preset.security)))

    def on_email_edit_editing_finished(self) -> None:
        """A new account's address picks its provider's preset (gmail.com, qq.com, 163.com …)."""
        if self._account is not None:
            return
        email = self.email_edit.text().strip()
        preset = preset_for_address(email)
        if preset.key != "other":
            self.provider_combo.setCurrentIndex(self.provider_combo.findData(preset.key))
            self.host_edit.setText(preset.host)  # a personal aliyun.com address has its own host
        if "@" in email:
            domain = email.rpartition("@")[2].lower()
            if not self.domains_edit.text() and preset.key == "other":
                self.domains_edit.setText(domain)

    # --- test connection --------------------------------------------------------------------------

    def address(self) -> ServerAddress:
        return ServerAddress(self.host_edit.text().strip(), self.port_spin.value(), self.security_combo.currentData(),
                             self._ca_file)

    def username(self) -> str:
        return self.username_edit.text().strip() or self.email_edit.text().strip()

    def password(self) -> str | None:
        """The password typed, else the one the keyring keeps for this account (None: none anywhere). It may
        read the keyring: call it on a worker thread."""
        typed = self.password_edit.text()
        if typed:
            return typed
        if self._account is not None:
            try:
                return self._keystore.mail_password(secret_name(self._account))
            except KeystoreError:
                return None
        return None

    def on_test_button_clicked(self) -> None:
        if not self.host_edit.text().strip():
            self.status_label.setText(self.tr("Give the IMAP server first."))
            return
        if not self.password_edit.text() and self._account is None:
            self.status_label.setText(self.tr("Type the password or authorization code first."))
            return
        self.status_label.setText(fill(self.tr("Connecting to %1…"), self.address().shown))
        self.test_button.setEnabled(False)
        self.check_job = Job(check_connection, self.address(), self.username(), self.password, parent=self,
                             title="Testing a mail account", uses_database=False, expected=(MailServerError,))
        self.check_job.finished.connect(self.on_check_job_finished)
        self.check_job.failed.connect(self.on_check_job_failed)
        self.check_job.done.connect(lambda: self.test_button.setEnabled(True))
        self.check_job.start()

    def on_check_job_finished(self, check: ConnectionCheck) -> None:
        if check.sent:
            self.status_label.setText(fill(self.tr("Ready: logged in, %n folder(s), sent mail in “%1”.", "",
                                                   check.folders), check.sent))
        else:
            self.status_label.setText(self.tr("Ready: logged in, %n folder(s) (no Sent folder found: add it under "
                                              "Also sync folders).", "", check.folders))

        self.show_server_folders(check.names)

    def show_server_folders(self, names: tuple[str, ...]) -> None:
        chosen = set(split_words(self.folders_edit.text()))
        self.server_folders.blockSignals(True)
        self.server_folders.clear()
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in chosen else Qt.CheckState.Unchecked)
            self.server_folders.addItem(item)
        self.server_folders.blockSignals(False)
        self.server_folders.setVisible(bool(names))

    def on_server_folders_item_changed(self, item: QListWidgetItem) -> None:
        """A ticked folder joins the folders to sync (those typed by hand stay)."""
        chosen = split_words(self.folders_edit.text())
        if item.checkState() == Qt.CheckState.Checked and item.text() not in chosen:
            chosen.append(item.text())
        elif item.checkState() != Qt.CheckState.Checked:
            chosen = [name for name in chosen if name != item.text()]
        self.folders_edit.setText(", ".join(chosen))

    def on_check_job_failed(self, error: BaseException) -> None:
        self.status_label.setText(fill(self.tr("Not ready: %1"), error))

    # --- saving -----------------------------------------------------------------------------------

    def fields(self) -> dict:
        picked = self.since_edit.date()
        return {"host": self.host_edit.text(), "port": self.port_spin.value(),
                "security": self.security_combo.currentData(), "username": self.username(),
                "provider": self.provider_combo.currentData(),
                "since_on": date(picked.year(), picked.month(), picked.day()),
                "extra_folders": split_words(self.folders_edit.text()),
                "interval_minutes": self.interval_spin.value(), "enabled": self.enabled_check.isChecked(),
                "own_domains": split_words(self.domains_edit.text())}

    def accept(self) -> None:
        password = self.password_edit.text()
        if self._account is None and not password:
            self.status_label.setText(self.tr("Type the password or authorization code: it goes to this "
                                              "computer's keyring."))
            return
        try:
            if self._account is None:
                fields = self.fields()
                if not fields["own_domains"]:
                    fields.pop("own_domains")  # the domain's default: the address's domain unless free mail
                account = add_account(self.email_edit.text(), clock=self._clock, **fields)
            else:
                account = update_account(self._account.id, **self.fields())
        except ValidationError as exc:
            self.status_label.setText(exc.message)
            return
        if password:
            try:
                self._keystore.set_mail_password(secret_name(account), password)
            except KeystoreError as exc:
                if self._account is None:
                    remove_account(account.id)  # an account whose password cannot be kept is not added
                self.status_label.setText(str(exc))
                return
        self.saved_account = account
        self.account_saved.emit(account.id)
        super().accept()
