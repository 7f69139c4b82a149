"""Settings > Data: where the book and its backups are, the copies there are, and the off-laptop copy.

The keyring is asked in a worker (it may be slow or pop up an unlock prompt), and what it answers
is said in plain words: where there is no keyring, the page says so and offers a passphrase typed
each session, or unencrypted copies after a clear warning. The backup key is shown once as a
recovery code; nothing secret is ever written by this page.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.backups import (
    KEYRING,
    PASSPHRASE,
    PLAIN,
    RECOVERY_CODE_SHOWN,
    backup_dir_for,
    offsite_settings,
    save_offsite_settings,
)
from trade_crm.domain.errors import ValidationError
from trade_crm.keystore import KeyStore, key_id, recovery_code
from trade_crm.store.backup import last_backup_at, list_backups
from trade_crm.ui.backup.files_check import FilesCheckBox
from trade_crm.ui.common.file_dialogs import choose_folder
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.workers import Job


def stamp(instant: datetime, zone: tzinfo) -> str:
    return instant.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def size_text(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


class BackupListWidget(QTableWidget):
    """The copies in some folders, newest first: date, kind, customers, size, folder (listed in a Job)."""

    listed = Signal(int)  # how many copies are shown

    def __init__(self, zone: tzinfo, parent: QWidget | None = None):
        super().__init__(0, 5, parent)
        self._zone, self.infos, self._job = zone, [], None
        self.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Customers"), self.tr("Size"),
                                        self.tr("Folder")])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def kind_text(self, kind: str) -> str:
        names = {"daily": self.tr("daily"), "manual": self.tr("by hand"), "pre-import": self.tr("before an import"),
                 "pre-restore": self.tr("before a restore")}
        return names.get(kind, self.tr("before an upgrade") if kind.startswith("pre-migration") else kind)

    def load(self, folders: list[Path | None]) -> Job:
        self._job = Job(lambda _ctx: list_backups(*folders), parent=self)
        self._job.finished.connect(self.on_job_finished)
        self._job.start()
        return self._job

    def on_job_finished(self, infos) -> None:
        self.infos = infos
        self.setRowCount(len(infos))
        for row, info in enumerate(infos):
            customers = (self.tr("encrypted") if info.encrypted else "–" if info.customers is None
                         else QLocale().toString(info.customers))
            cells = (stamp(info.created_at, self._zone), self.kind_text(info.kind), customers,
                     size_text(info.size), str(info.path.parent))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(row, column, item)
        if infos:
            self.selectRow(0)
        self.listed.emit(len(infos))

    def selected_info(self):
        rows = self.selectionModel().selectedRows()
        return self.infos[rows[0].row()] if rows else None


class DataSettingsWidget(QWidget):
    keyring_checked = Signal(bool)  # usable

    def __init__(self, db_path: Path, zone: tzinfo, *, store: KeyStore | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._db_path, self._zone, self.store = db_path, zone, store or KeyStore()
        self.keyring_usable = False
        self._has_key = self._code_shown = False
        self._jobs: list[Job] = []
        backups = backup_dir_for(db_path)
        folders = QFormLayout()
        folders.addRow(self.tr("Customer book:"), self._path_row(db_path.parent, str(db_path)))
        folders.addRow(self.tr("Backups:"), self._path_row(backups, str(backups)))
        last = last_backup_at(backups)
        self.last_label = QLabel(stamp(last, zone) if last else self.tr("No backup yet"))
        folders.addRow(self.tr("Last backup:"), self.last_label)
        self.backup_list = BackupListWidget(zone)
        self.backup_list.setMinimumHeight(150)
        note = QLabel(self.tr("A copy is made every day, before every import and upgrade, and when you choose "
                              "File > Back up now. The last 7 daily, 4 weekly and 12 monthly copies are kept."))
        note.setWordWrap(True)
        local_box = QGroupBox(self.tr("Backups on this computer"))
        local = QVBoxLayout(local_box)
        local.addLayout(folders)
        local.addWidget(note)
        local.addWidget(self.backup_list)
        layout = QVBoxLayout(self)
        layout.addWidget(local_box)
        layout.addWidget(self._offsite_box())
        self.files_box = FilesCheckBox(db_path)
        layout.addWidget(self.files_box)
        self._load_offsite()
        self.backup_list.load([backups, offsite_settings().folder])
        self._check_keyring()

    def _path_row(self, folder: Path, text: str) -> QWidget:
        label = QLabel(text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        button = QPushButton(self.tr("Open folder"))
        button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(label, 1)
        line.addWidget(button)
        return row

    def _offsite_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Off-laptop copy"))
        self.offsite_check = QCheckBox(self.tr("Also put each copy in another folder (a USB stick, a synced cloud "
                                               "folder)"))
        self.folder_edit = QLineEdit()
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setPlaceholderText(self.tr("No folder chosen"))
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self.on_choose_button_clicked)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        self.keyring_label = QLabel(self.tr("Checking this computer's keyring…"))
        self.keyring_label.setWordWrap(True)
        self.mode_keyring = QRadioButton(self.tr("Encrypted; the key is kept in this computer's keyring "
                                                 "(recommended)"))
        self.mode_passphrase = QRadioButton(self.tr("Encrypted with a passphrase you type once each session"))
        self.mode_plain = QRadioButton(self.tr("Not encrypted"))
        self.modes = QButtonGroup(self)
        for button in (self.mode_keyring, self.mode_passphrase, self.mode_plain):
            self.modes.addButton(button)
        self.mode_plain.toggled.connect(self.on_mode_plain_toggled)
        self.warning_label = QLabel(self.tr("Anyone who finds the USB stick or gets into the cloud folder can read "
                                            "your whole customer book."))
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #b3261e;")
        self.passphrase_note = QLabel(self.tr("You are asked for the passphrase at the first copy of each session; "
                                              "it is never stored. Without it the copies cannot be opened."))
        self.passphrase_note.setWordWrap(True)
        self.warning_label.setIndent(24)
        self.passphrase_note.setIndent(24)
        self.mode_passphrase.toggled.connect(self.passphrase_note.setVisible)
        self.code_button = QPushButton(self.tr("Show the recovery code…"))
        self.code_button.clicked.connect(self.on_code_button_clicked)
        self.code_label = QLabel()
        self.code_label.setWordWrap(True)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_button)
        code_row.addWidget(self.code_label, 1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.offsite_check)
        layout.addLayout(folder_row)
        layout.addWidget(self.keyring_label)
        for widget in (self.mode_keyring, self.mode_passphrase, self.passphrase_note, self.mode_plain,
                       self.warning_label):
            layout.addWidget(widget)
        layout.addLayout(code_row)
        self.offsite_check.toggled.connect(self._update_enabled)
        return box

    def _load_offsite(self) -> None:
        settings = offsite_settings()
        self.offsite_check.setChecked(settings.enabled)
        self.folder_edit.setText(str(settings.folder) if settings.folder else "")
        {KEYRING: self.mode_keyring, PASSPHRASE: self.mode_passphrase, PLAIN: self.mode_plain}[settings.mode] \
            .setChecked(True)
        self.warning_label.setVisible(settings.mode == PLAIN)
        self.passphrase_note.setVisible(settings.mode == PASSPHRASE)
        self._update_enabled()

    def _check_keyring(self) -> Job:
        def check(_ctx):
            status = self.store.status()
            key = self.store.backup_key() if status.usable else None
            return status, key_id(key).hex() if key else ""
        job = Job(check, parent=self)
        job.finished.connect(self.on_keyring_job_finished)
        job.failed.connect(lambda _exc: self.on_keyring_job_finished((None, "")))
        job.start()
        return job

    def on_keyring_job_finished(self, outcome) -> None:
        status, current_id = outcome
        self.keyring_usable = bool(status and status.usable)
        self._has_key = bool(current_id)
        if self.keyring_usable:
            self.keyring_label.setText(fill(self.tr("This computer's keyring (%1) keeps the backup key."),
                                            status.backend))
        else:
            self.keyring_label.setText(self.tr(
                "This computer has no keyring service, so Trade CRM cannot keep the backup key here safely. "
                "Encrypt the off-laptop copies with a passphrase instead, or keep them unencrypted."))
            if self.mode_keyring.isChecked():
                self.mode_passphrase.setChecked(True)
        self._code_shown = bool(current_id) and RECOVERY_CODE_SHOWN.read() == current_id
        self.code_label.setText(self.tr("The recovery code was shown once already.") if self._code_shown else "")
        self._update_enabled()
        self.keyring_checked.emit(self.keyring_usable)

    def _update_enabled(self) -> None:
        on = self.offsite_check.isChecked()
        for widget in (self.folder_edit, self.choose_button, self.mode_passphrase, self.mode_plain):
            widget.setEnabled(on)
        self.mode_keyring.setEnabled(on and self.keyring_usable)
        self.code_button.setVisible(self.keyring_usable)
        self.code_button.setEnabled(on and self.keyring_usable and not self._code_shown)

    def on_choose_button_clicked(self) -> None:
        folder = choose_folder(self, self.tr("Folder for the off-laptop copy"), self.folder_edit.text() or None)
        if folder:
            self.folder_edit.setText(str(folder))

    def on_mode_plain_toggled(self, checked: bool) -> None:
        self.warning_label.setVisible(checked)
        if checked and not self.confirm_plain():
            (self.mode_keyring if self.keyring_usable else self.mode_passphrase).setChecked(True)

    def confirm_plain(self) -> bool:
        answer = QMessageBox.warning(
            self, self.tr("Keep off-laptop copies unencrypted?"),
            self.tr("The copies on the USB stick or in the cloud folder will hold every customer, contact and "
                    "note in plain form. Anyone who gets the file can read it.\n\nKeep them unencrypted?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def mode(self) -> str:
        return PLAIN if self.mode_plain.isChecked() else PASSPHRASE if self.mode_passphrase.isChecked() else KEYRING

    def on_code_button_clicked(self) -> Job:
        """Make the key if there is none yet (in a worker: the keyring may be slow), then show its code once."""
        job = Job(lambda _ctx: self.store.backup_key() or self.store.create_backup_key(), parent=self)
        job.finished.connect(self.on_key_job_finished)
        job.failed.connect(lambda exc: QMessageBox.warning(self, self.tr("Keyring"), str(exc)))
        self._jobs.append(job)
        job.start()
        return job

    def on_key_job_finished(self, key: bytes) -> None:
        self.show_recovery_code(key)
        RECOVERY_CODE_SHOWN.write(key_id(key).hex())
        self._has_key = self._code_shown = True
        self.code_label.setText(self.tr("The recovery code was shown once already."))
        self._update_enabled()

    def show_recovery_code(self, key: bytes) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Your recovery code"), "",
                          QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(fill(self.tr(
            "<p>Write this code down and keep it away from this laptop:</p><p><tt><b>%1</b></tt></p>"
            "<p>On another computer the encrypted copies open only with this code. "
            "It is shown once, and not again.</p>"), recovery_code(key)))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recovery_box = box
        box.exec()
        return box

    def save(self) -> bool:
        """Keep the off-laptop choices; False (after saying why) when they cannot be kept."""
        if not self.files_box.save():
            return False
        folder = self.folder_edit.text().strip() if self.offsite_check.isChecked() else ""
        if self.offsite_check.isChecked() and not folder:
            QMessageBox.warning(self, self.tr("Off-laptop copy"), self.tr("Choose a folder for the off-laptop copy."))
            return False
        try:
            save_offsite_settings(folder, self.mode())
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Off-laptop copy"), str(exc))
            return False
        if folder and self.mode() == KEYRING and not self._has_key:
            self.on_code_button_clicked()
        return True

