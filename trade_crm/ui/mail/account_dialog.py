"""Add or edit a mail account: the provider's preset fills the servers (reading and, on the Sending tab, SMTP
with the pace and daily cap), the hint says what the password field takes (QQ and NetEase a 授权码, Gmail and
Yahoo an app password), Test connection logs in from a worker and answers in one line, and Save writes the
account through domain/mail/accounts, then the password or code to the OS keyring (trade_crm/keystore.py) from
a worker — never to the book."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.mail.accounts import (
    MailAccount,
    add_account,
    remove_account,
    secret_name,
    smtp_secret_name,
    update_account,
)
from trade_crm.exchange.mail.imap import MailServerError, ServerAddress
from trade_crm.exchange.mail.presets import PRESETS, preset_for_address
from trade_crm.keystore import KeyStore, KeystoreError
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.workers import Job
from trade_crm.ui.mail.account_check import (
    ConnectionCheck,
    check_connection,
    credential_hint,
    keep_passwords,
    split_words,
)
from trade_crm.ui.mail.account_imap import ReadingSection
from trade_crm.ui.mail.account_smtp import SmtpSection

__all__ = ["AccountDialog", "ConnectionCheck", "check_connection", "credential_hint", "split_words"]


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
        self.reading = ReadingSection(clock)
        r = self.reading  # its fields, as the dialog's (Test connection and Save read them)
        self.host_edit, self.port_spin, self.security_combo, self.username_edit = (
            r.host_edit, r.port_spin, r.security_combo, r.username_edit)
        self.since_edit, self.interval_spin, self.folders_edit, self.server_folders = (
            r.since_edit, r.interval_spin, r.folders_edit, r.server_folders)
        self.domains_edit, self.enabled_check = r.domains_edit, r.enabled_check
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.smtp = SmtpSection()
        top = QFormLayout()
        top.addRow(self.tr("Provider"), self.provider_combo)
        top.addRow(self.tr("Address"), self.email_edit)
        top.addRow(self.tr("Password or code"), self.password_edit)
        top.addRow("", self.hint_label)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.reading, self.tr("Reading (IMAP)"))
        self.tabs.addTab(self.smtp, self.tr("Sending (SMTP)"))
        self.save_job: Job | None = None
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
        layout.addLayout(top)
        layout.addWidget(self.tabs)
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
        self.reading.load(account)
        self.password_edit.setPlaceholderText(self.tr("Kept in the keyring; type to change it"))
        self.smtp.load(account)
        self.smtp.show_provider_cap(self.preset().daily_cap)
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
        self.smtp.fill_from_preset(preset)

    def on_email_edit_editing_finished(self) -> None:
        """A new account's address picks its provider's preset (gmail.com, qq.com, 163.com …)."""
        if self._account is not None:
            return
        email = self.email_edit.text().strip()
        preset = preset_for_address(email)
        if preset.key != "other":
            self.provider_combo.setCurrentIndex(self.provider_combo.findData(preset.key))
            self.host_edit.setText(preset.host)  # a personal aliyun.com address has its own host
            self.smtp.fill_from_preset(preset)
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

        self.reading.show_server_folders(check.names)

    def on_check_job_failed(self, error: BaseException) -> None:
        self.status_label.setText(fill(self.tr("Not ready: %1"), error))

    # --- saving -----------------------------------------------------------------------------------

    def fields(self) -> dict:
        return {**self.reading.fields(), "username": self.username(), "provider": self.provider_combo.currentData(),
                **self.smtp.fields()}

    def accept(self) -> None:
        """Write the account (one transaction), then its passwords to the keyring from a worker; the dialog
        closes when the keyring has them. A new account whose password cannot be kept is not added."""
        if self.save_job is not None and self.save_job.is_running:
            return
        password, smtp_password = self.password_edit.text(), self.smtp.password_edit.text()
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
        self.saved_account = account
        secrets = {name: value for name, value in ((secret_name(account), password),
                                                    (smtp_secret_name(account), smtp_password)) if value}
        if not secrets:
            self.on_save_job_finished(0)
            return
        self.save_button.setEnabled(False)
        self.status_label.setText(self.tr("Keeping the password in this computer's keyring…"))
        self.save_job = Job(keep_passwords, self._keystore, secrets, parent=self, uses_database=False,
                            title="Keeping a mail password")
        self.save_job.finished.connect(self.on_save_job_finished)
        self.save_job.failed.connect(self.on_save_job_failed)
        self.save_job.start()

    def on_save_job_finished(self, _written: int) -> None:
        self.save_button.setEnabled(True)
        self.account_saved.emit(self.saved_account.id)
        super().accept()

    def on_save_job_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if self._account is None and self.saved_account is not None:
            remove_account(self.saved_account.id)  # an account whose password cannot be kept is not added
            self.saved_account = None
        self.status_label.setText(str(error) if isinstance(error, KeystoreError) else
                                  fill(self.tr("The password could not be kept: %1"), error))
