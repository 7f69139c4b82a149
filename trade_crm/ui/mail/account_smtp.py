"""The account dialog's Sending tab: the SMTP server (filled from the provider's preset), its login, a separate
SMTP password for the rare server that wants one, the signature, and the pace: seconds between two messages
and a daily cap (0 = the provider's usual cap, shown beside it)."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from trade_crm.domain.mail.accounts import MailAccount
from trade_crm.exchange.mail.presets import DEFAULT_DAILY_CAP, Preset
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.mail.account_imap import account_tr

MAX_INTERVAL_SECONDS = 3600
MAX_DAILY_CAP = 100_000


class SmtpSection(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.host_edit = QLineEdit()
        self.host_edit.setPlaceholderText(self.tr("smtp.example.com (empty: this account does not send)"))
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(465)
        self.security_combo = QComboBox()
        self.security_combo.addItem(self.tr("TLS (SSL)"), "ssl")
        self.security_combo.addItem(self.tr("STARTTLS"), "starttls")
        self.username_edit = QLineEdit()
        self.username_edit.setPlaceholderText(self.tr("Empty: the same login name as for reading"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Empty: the same password or code as for reading"))
        self.signature_edit = QPlainTextEdit()
        self.signature_edit.setPlaceholderText(self.tr("Li Wei\nSales Manager, Sunrise Lighting\n+86 755 1234 5678"))
        self.signature_edit.setFixedHeight(self.signature_edit.fontMetrics().lineSpacing() * 4 + 12)
        self.interval_spin = QSpinBox()
        self.interval_spin.setRange(0, MAX_INTERVAL_SECONDS)
        self.interval_spin.setValue(20)
        self.interval_spin.setSuffix(self.tr(" s between messages"))
        self.cap_spin = QSpinBox()
        self.cap_spin.setRange(0, MAX_DAILY_CAP)
        self.cap_spin.setSuffix(self.tr(" messages a day"))
        note = QLabel(self.tr("Messages go one by one, never as one mail to many; providers block a mailbox that "
                              "sends too fast or too much in a day."))
        note.setWordWrap(True)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        form = QFormLayout(self)
        form.addRow(self.tr("SMTP server"), self.host_edit)
        form.addRow(self.tr("Port"), self.port_spin)
        form.addRow(self.tr("Security"), self.security_combo)
        form.addRow(self.tr("Login name"), self.username_edit)
        form.addRow(self.tr("SMTP password"), self.password_edit)
        form.addRow(self.tr("Signature"), self.signature_edit)
        form.addRow(self.tr("Pace"), self.interval_spin)
        form.addRow(self.tr("Daily cap"), self.cap_spin)
        form.addRow("", note)
        self.show_provider_cap(DEFAULT_DAILY_CAP)

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:  # the dialog's context
        return account_tr(text, disambiguation, n)

    def show_provider_cap(self, cap: int) -> None:
        self.cap_spin.setSpecialValueText(fill(self.tr("The provider's usual cap (%1 a day)"), cap))

    def fill_from_preset(self, preset: Preset) -> None:
        """A provider picked: its submission server, port and security, and its daily cap beside 0."""
        if preset.smtp_host:
            self.host_edit.setText(preset.smtp_host)
            self.port_spin.setValue(preset.smtp_port)
            self.security_combo.setCurrentIndex(max(0, self.security_combo.findData(preset.smtp_security)))
        self.show_provider_cap(preset.daily_cap)

    def load(self, account: MailAccount) -> None:
        self.host_edit.setText(account.smtp_host)
        self.port_spin.setValue(account.smtp_port)
        self.security_combo.setCurrentIndex(max(0, self.security_combo.findData(account.smtp_security)))
        self.username_edit.setText(account.smtp_username)
        self.signature_edit.setPlainText(account.signature)
        self.interval_spin.setValue(account.send_interval_seconds)
        self.cap_spin.setValue(account.daily_cap)
        self.password_edit.setPlaceholderText(self.tr("Empty: as kept (the reading password unless one was set)"))

    def fields(self) -> dict:
        return {"smtp_host": self.host_edit.text().strip(), "smtp_port": self.port_spin.value(),
                "smtp_security": self.security_combo.currentData(), "smtp_username": self.username_edit.text().strip(),
                "signature": self.signature_edit.toPlainText().strip(),
                "send_interval_seconds": self.interval_spin.value(), "daily_cap": self.cap_spin.value()}
