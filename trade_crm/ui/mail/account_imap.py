"""The account dialog's Reading tab: the IMAP server and login, since when and how often to sync, the
folders besides INBOX and Sent (typed, or ticked among those Test connection found), the user's own domains."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.mail.accounts import DEFAULT_INTERVAL_MINUTES, SINCE_DAYS, MailAccount
from trade_crm.ui.common.dates import date_format, qdate
from trade_crm.ui.mail.account_check import split_words


def account_tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The account dialog's texts keep their translation context when its sections draw them."""
    return QCoreApplication.translate("AccountDialog", text, disambiguation, n)


class ReadingSection(QWidget):
    def __init__(self, clock: Clock, parent: QWidget | None = None):
        super().__init__(parent)
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
        form = QFormLayout(self)
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

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:  # the dialog's context (account_tr)
        return account_tr(text, disambiguation, n)

    def load(self, account: MailAccount) -> None:
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

    def fields(self) -> dict:
        picked = self.since_edit.date()
        return {"host": self.host_edit.text(), "port": self.port_spin.value(),
                "security": self.security_combo.currentData(),
                "since_on": date(picked.year(), picked.month(), picked.day()),
                "extra_folders": split_words(self.folders_edit.text()),
                "interval_minutes": self.interval_spin.value(), "enabled": self.enabled_check.isChecked(),
                "own_domains": split_words(self.domains_edit.text())}

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
