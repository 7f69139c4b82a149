"""The backup feature's dialogs: a recovery code or passphrase, the copy to restore, the confirmation, and
the damaged-book offer at start. They only ask; ui/backup/actions.py runs what the answer starts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.backups import PASSPHRASE
from trade_crm.exchange.encrypted_copy import (
    MODE_PASSPHRASE,
)
from trade_crm.ui.backup.data_settings import BackupListWidget, size_text, stamp
from trade_crm.ui.common.file_dialogs import open_file
from trade_crm.ui.common.i18n import fill

RECOVERY = "recovery"


def secret_kind(exc: BaseException) -> str:
    """What to ask for after SecretNeeded or WrongKeyError: the passphrase, or the recovery code."""
    return PASSPHRASE if getattr(exc, "mode", 0) == MODE_PASSPHRASE else RECOVERY


class SecretDialog(QDialog):
    """Asks for a recovery code or a passphrase (twice when a new one is being set)."""

    def __init__(self, kind: str, *, confirm: bool = False, problem: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        recovery = kind == RECOVERY
        self.setWindowTitle(self.tr("Recovery code") if recovery else self.tr("Backup passphrase"))
        text = (self.tr("This copy is encrypted, and this computer's keyring does not hold its key. Type the "
                        "recovery code you wrote down (letters and digits; dashes and spaces do not matter).")
                if recovery else self.tr("Type the passphrase of the off-laptop copies. It is kept in memory "
                                         "until Trade CRM closes, and never written down."))
        intro = QLabel(text + (f"\n\n{problem}" if problem else ""))
        intro.setWordWrap(True)
        self.secret_edit, self.again_edit = QLineEdit(), QLineEdit()
        for edit in (self.secret_edit, self.again_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Normal if recovery else QLineEdit.EchoMode.Password)
        self.secret_edit.setMinimumWidth(420)
        form = QFormLayout()
        form.addRow(self.tr("Recovery code:") if recovery else self.tr("Passphrase:"), self.secret_edit)
        if confirm:
            form.addRow(self.tr("Again:"), self.again_edit)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b3261e;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for item in (intro, form, self.error_label, buttons):
            (layout.addLayout if isinstance(item, QFormLayout) else layout.addWidget)(item)
        self._confirm = confirm

    def accept(self) -> None:
        secret = self.secret_edit.text()
        if not secret.strip():
            self.error_label.setText(self.tr("Type it first."))
        elif self._confirm and len(secret) < 8:
            self.error_label.setText(self.tr("Use at least 8 characters."))
        elif self._confirm and secret != self.again_edit.text():
            self.error_label.setText(self.tr("The two do not match."))
        else:
            super().accept()


def ask_secret(parent: QWidget | None, kind: str, *, confirm: bool = False, problem: str = "") -> str | None:
    dialog = SecretDialog(kind, confirm=confirm, problem=problem, parent=parent)
    return dialog.secret_edit.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


class RestoreDialog(QDialog):
    """The backups with date, kind, customers and size; Restore the chosen one, or pick another file."""

    restore_requested = Signal(str, str, str)  # path, when (local text), customers (text)

    def __init__(self, folders: list[Path | None], zone, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.resize(760, 420)
        intro = QLabel(self.tr("Choose the copy to go back to. Your current book is kept as a backup first, "
                               "so this can be undone by restoring that copy."))
        intro.setWordWrap(True)
        self.backups = BackupListWidget(zone)
        self.backups.doubleClicked.connect(self.on_restore_button_clicked)
        self.other_button = QPushButton(self.tr("Other file…"))
        self.other_button.clicked.connect(self.on_other_button_clicked)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.on_restore_button_clicked)
        self.buttons.rejected.connect(self.reject)
        self.restore_button.setEnabled(False)
        self.backups.listed.connect(lambda count: self.restore_button.setEnabled(count > 0))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.backups)
        layout.addWidget(self.buttons)
        self.backups.load(folders)

    def on_restore_button_clicked(self) -> None:
        info = self.backups.selected_info()
        if info is not None:
            customers = self.tr("encrypted") if info.customers is None else str(info.customers)
            self.accept()
            self.restore_requested.emit(str(info.path), stamp(info.created_at, self.backups._zone), customers)

    def on_other_button_clicked(self) -> None:
        path = open_file(self, self.tr("Restore from a file"),
                         self.tr("Trade CRM backups (*.db *.db.enc);;All files (*)"))
        if path:
            self.accept()
            self.restore_requested.emit(str(path), path.name, "?")


def confirm_restore(parent: QWidget | None, when: str, customers: str) -> bool:
    title = QCoreApplication.translate("BackupActions", "Restore from a backup")
    text = QCoreApplication.translate(
        "BackupActions", "Replace the customer book with the copy from %1 (%2 customers)?\n\n"
        "The current book is kept as a backup first.")
    answer = QMessageBox.question(parent, title, fill(text, when, customers),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class DamagedBookDialog(QDialog):
    """At start: the book cannot be opened. Says what happened, offers the newest good backup or another."""

    def __init__(self, db_path: Path, error: BaseException, newest, folder: Path, zone,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.chosen_path: Path | None = None
        self._newest = newest
        self.setWindowTitle(self.tr("Trade CRM cannot open its customer book"))
        text = fill(self.tr("The customer book at\n%1\ncould not be opened:\n%2\n\nThe file was left as it is."),
                    db_path, error)
        if newest is not None:
            text += "\n\n" + fill(self.tr("The newest good backup is from %1, with %2 customers (%3). Restoring it "
                                           "keeps the damaged file, renamed, beside it."),
                                   stamp(newest.created_at, zone), newest.customers, size_text(newest.size))
        else:
            text += "\n\n" + fill(self.tr("No good backup was found in %1."), folder)
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        sign = QLabel()
        sign.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48))
        sign.setAlignment(Qt.AlignmentFlag.AlignTop)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(self.tr("Restore this backup"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setVisible(newest is not None)
        self.restore_button.clicked.connect(self.on_restore_button_clicked)
        self.choose_button = buttons.addButton(self.tr("Choose a backup…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.choose_button.clicked.connect(self.on_choose_button_clicked)
        self.quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(sign)
        row.addWidget(label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(600)

    def on_restore_button_clicked(self) -> None:
        self.chosen_path = self._newest.path
        self.accept()

    def on_choose_button_clicked(self) -> None:
        path = open_file(self, self.tr("Choose a backup"), self.tr("Trade CRM backups (*.db *.db.enc);;All files (*)"))
        if path:
            self.chosen_path = path
            self.accept()
