"""The Settings dialog, and the user-interface setting keys (each declared once here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timezone, tzinfo
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock
from trade_crm.keystore import KeyStore
from trade_crm.ui.backup.data_settings import DataSettingsWidget
from trade_crm.ui.common.i18n import SYSTEM
from trade_crm.ui.reminders.settings_page import ReminderSettingsPage
from trade_crm.ui.team.server_box import TeamServerBox


@dataclass(frozen=True)
class SettingKey:
    key: str
    type: type
    default: Any
    label: str  # source text in the "Settings" context

    def read(self, settings: QSettings) -> Any:
        value = settings.value(self.key, self.default)
        try:
            return self.type(value)
        except (TypeError, ValueError):
            return self.default

    def write(self, settings: QSettings, value: Any) -> None:
        settings.setValue(self.key, value)

    def translated_label(self) -> str:
        return QCoreApplication.translate("Settings", self.label)


LANGUAGE = SettingKey("language", str, SYSTEM, QT_TRANSLATE_NOOP("Settings", "Language"))
WORK_START = SettingKey("display/work_start", int, 9, QT_TRANSLATE_NOOP("Settings", "Customers' working hours start"))
WORK_END = SettingKey("display/work_end", int, 18, QT_TRANSLATE_NOOP("Settings", "Customers' working hours end"))
# The team server's book the app opens (postgresql://user@host:port/db, never a password); "" = this computer's.
SERVER_URL = SettingKey("data/server_url", str, "", QT_TRANSLATE_NOOP("Settings", "Team server"))


class SettingsDialog(QDialog):
    """General (language, applied at the next start; customers' working hours used to grey local times)
    Reminders (cadences, holiday lead time, own country, tray, greeting holidays) and, given the book's
    path, Data (folders, backups, the off-laptop copy and its key, the team server)."""

    settings_saved = Signal()
    book_switch_requested = Signal(str)  # the server's URL, or "" for this computer's book: open it now

    def __init__(self, settings: QSettings, parent=None, *, db_path: Path | None = None,
                 zone: tzinfo | None = None, server_url: str = "", keystore: KeyStore | None = None,
                 clock: Clock | None = None):
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.language_combo = QComboBox()
        self.language_combo.addItem(self.tr("Same as the system"), SYSTEM)
        self.language_combo.addItem("English", "en")
        self.language_combo.addItem("简体中文", "zh_CN")
        index = self.language_combo.findData(LANGUAGE.read(settings))
        self.language_combo.setCurrentIndex(max(index, 0))
        self.start_spin = self._hour_spin(WORK_START.read(settings))
        self.end_spin = self._hour_spin(WORK_END.read(settings))
        form = QFormLayout()
        form.addRow(LANGUAGE.translated_label(), self.language_combo)
        note = QLabel(self.tr("A new language shows after you restart Trade CRM."))
        note.setWordWrap(True)
        form.addRow("", note)
        form.addRow(WORK_START.translated_label(), self.start_spin)
        form.addRow(WORK_END.translated_label(), self.end_spin)
        hint = QLabel(self.tr("Outside these hours a customer's local time is shown greyed."))
        hint.setWordWrap(True)
        form.addRow("", hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        general = QWidget()
        general.setLayout(form)
        self.reminder_page = ReminderSettingsPage(settings)
        self.tabs = QTabWidget()
        self.tabs.addTab(general, self.tr("General"))
        self.tabs.addTab(self.reminder_page, self.tr("Reminders"))
        self.data_page = DataSettingsWidget(db_path, zone or timezone.utc) if db_path is not None else None
        self.team_box = TeamServerBox(server_url, keystore=keystore)
        self.team_box.book_chosen.connect(self.on_team_box_book_chosen)
        if self.data_page is not None:
            self.data_page.layout().addWidget(self.team_box)
            self.tabs.addTab(self.data_page, self.tr("Data"))
        # Mail accounts and the never-log list (saved as they change; given the clock their records need).
        self.mail_page = None
        if clock is not None:
            # lazy: start-up, the mail page (and the IMAP client behind Test connection) loads with the dialog
            from trade_crm.ui.mail.settings_page import MailSettingsPage

            self.mail_page = MailSettingsPage(clock, keystore)
        if self.mail_page is not None:
            self.tabs.addTab(self.mail_page, self.tr("Mail"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def on_team_box_book_chosen(self, url: str) -> None:
        """Remember the chosen book for the next start, close, and ask for it to be opened now."""
        SERVER_URL.write(self._settings, url)
        self._settings.sync()
        self.book_switch_requested.emit(url)
        self.reject()  # the other tabs' unsaved edits are not what the user asked for here

    def _hour_spin(self, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, 24)
        spin.setSuffix(":00")
        spin.setValue(value)
        return spin

    def accept(self) -> None:
        for page in (self.reminder_page, self.data_page):
            if page is not None and not page.save():
                self.tabs.setCurrentWidget(page)
                return
        start, end = self.start_spin.value(), self.end_spin.value()
        if end <= start:
            end = min(start + 1, 24)
        LANGUAGE.write(self._settings, self.language_combo.currentData())
        WORK_START.write(self._settings, start)
        WORK_END.write(self._settings, end)
        self._settings.sync()
        self.settings_saved.emit()
        super().accept()
