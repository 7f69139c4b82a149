"""File > Back up now and File > Restore, the daily automatic copy, and restoring the book after a restart.

Every copy, check and restore runs in a Job (ui/common/workers.py); the window only starts them and shows
what came back. The off-laptop passphrase, where that mode is chosen, is asked for once per
session and kept in memory only. A restore puts the chosen copy in place of the book (the current
one is kept as a backup first), migrates it if it is older, reconnects the data layer and
reloads the window.

    controller = install_backup_actions(window, clock, db_path, database)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QStyle,
    QWidget,
)

from trade_crm.domain.backups import PASSPHRASE, backup_dir_for, daily_due, offsite_settings
from trade_crm.domain.clock import Clock
from trade_crm.exchange.encrypted_copy import (
    SecretNeeded,
    WrongKeyError,
    back_up,
    migrate_file,
    restore_file,
)
from trade_crm.keystore import KeyStore
from trade_crm.store.backup import newest_good_backup
from trade_crm.ui.backup.data_settings import stamp
from trade_crm.ui.backup.dialogs import (
    RECOVERY,
    DamagedBookDialog,
    RestoreDialog,
    ask_secret,
    confirm_restore,
    secret_kind,
)
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.workers import Job

CHECK_EVERY_MS = 30 * 60 * 1000  # how often a running app checks whether today's copy is due
FIRST_CHECK_MS = 15 * 1000  # the first check, once the window is up


def _restore_job(context, path: Path, db_path: Path, now, store, recovery_code, passphrase):
    context.progress(0, 0, "restore")
    result = restore_file(path, db_path, now, store=store, recovery_code=recovery_code, passphrase=passphrase)
    return result, migrate_file(db_path, now)


def run_blocking(parent: QWidget | None, label: str, function, *args):
    """Run `function(context, *args)` in a Job behind a modal progress dialog; its result, or its exception."""
    outcome: dict = {}
    loop = QEventLoop()
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(300)
    job = Job(function, *args)
    job.finished.connect(lambda result: outcome.setdefault("result", result))
    job.failed.connect(lambda exc: outcome.setdefault("error", exc))
    job.done.connect(loop.quit)
    job.start()
    if job.is_running:
        loop.exec()
    progress.close()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")


class BackupController(QObject):
    backup_finished = Signal(object)  # exchange.encrypted_copy.BackupReport
    backup_failed = Signal(str)
    restore_finished = Signal(object)  # (store.backup.RestoreResult, migrated versions)
    restore_failed = Signal(str)

    def __init__(self, window: QMainWindow, clock: Clock, db_path: Path, database, *,
                 store: KeyStore | None = None, refresh: Callable[[], None] | None = None,
                 check_every_ms: int = CHECK_EVERY_MS):
        super().__init__(window)
        self._window, self._clock, self._db_path, self._database = window, clock, db_path, database
        self.store = store or KeyStore()
        self._refresh = refresh
        self.session_passphrase: str | None = None  # memory only, never written anywhere
        self.job: Job | None = None
        style = window.style()
        self.back_up_now = QAction(style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton),
                                   self.tr("&Back up now"), window)
        self.back_up_now.setStatusTip(self.tr("Make a copy of the customer book in the backup folder now"))
        self.back_up_now.triggered.connect(lambda: self.start_backup("manual"))
        self.restore = QAction(self.tr("&Restore from backup…"), window)
        self.restore.setStatusTip(self.tr("Put an earlier copy of the customer book back in place"))
        self.restore.triggered.connect(self.open_restore_dialog)
        self.restore_description = self.tr("Bring back your customer book from a backup, or from an encrypted "
                                           "copy on a USB stick or in a cloud folder (a new laptop).")
        self.daily_timer = QTimer(self)
        self.daily_timer.setInterval(check_every_ms)
        self.daily_timer.timeout.connect(self.check_daily)

    @property
    def backup_dir(self) -> Path:
        return backup_dir_for(self._db_path)

    def _status(self, text: str) -> None:
        self._window.statusBar().showMessage(text, 15_000)

    def _busy(self) -> bool:
        return self.job is not None and self.job.is_running

    # --- backing up ------------------------------------------------------------------------------

    def start_backup(self, kind: str = "manual") -> Job | None:
        """Start a copy in a worker; the daily one does not ask for a passphrase (it only skips)."""
        if self._busy():
            return None
        offsite = offsite_settings()
        if offsite.enabled and offsite.mode == PASSPHRASE and self.session_passphrase is None and kind == "manual":
            self.session_passphrase = ask_secret(self._window, PASSPHRASE, confirm=True)
        job = Job(lambda _ctx: back_up(self._db_path, self._db_path, kind, self._clock.now(), self._clock.zone,
                                       offsite=offsite, store=self.store, passphrase=self.session_passphrase),
                  parent=self)
        job.finished.connect(self.on_backup_job_finished)
        job.failed.connect(lambda exc: self.on_backup_job_failed(exc, kind))
        self.back_up_now.setEnabled(False)
        job.done.connect(lambda: self.back_up_now.setEnabled(True))
        self._status(self.tr("Backing up…"))
        self.job = job
        job.start()
        return job

    def on_backup_job_finished(self, report) -> None:
        text = fill(self.tr("Backed up at %1: %2 customers, in %3"), stamp(report.local.created_at, self._clock.zone),
                    report.local.customers, report.local.path.parent)
        if report.offsite_problem:
            text += " " + fill(self.tr("— no off-laptop copy: %1"), report.offsite_problem)
        self._status(text)
        self.backup_finished.emit(report)

    def on_backup_job_failed(self, exc: BaseException, kind: str) -> None:
        message = fill(self.tr("The backup could not be made: %1"), exc)
        self._status(message)
        self.backup_failed.emit(str(exc))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Backup failed"), message,
                          QMessageBox.StandardButton.Ok, self._window)
        box.open()  # not modal-blocking: the daily copy must not stop the work

    def check_daily(self) -> bool:
        """Start today's automatic copy if none was made today; True if one was started."""
        if self._busy() or not daily_due(self.backup_dir, self._clock.now(), self._clock.zone):
            return False
        return self.start_backup("daily") is not None

    def start_daily_checks(self, first_check_ms: int = FIRST_CHECK_MS) -> None:
        QTimer.singleShot(first_check_ms, self, self.check_daily)
        self.daily_timer.start()

    # --- restoring -------------------------------------------------------------------------------

    def open_restore_dialog(self) -> RestoreDialog:
        dialog = RestoreDialog([self.backup_dir, offsite_settings().folder], self._clock.zone, self._window)
        dialog.restore_requested.connect(self.on_restore_dialog_restore_requested)
        dialog.open()
        return dialog

    def on_restore_dialog_restore_requested(self, path: str, when: str, customers: str) -> None:
        if confirm_restore(self._window, when, customers):
            self.restore_from(Path(path))

    def restore_from(self, path: Path, *, recovery_code: str | None = None, passphrase: str | None = None) -> Job:
        job = Job(_restore_job, path, self._db_path, self._clock.now(), self.store, recovery_code, passphrase,
                  parent=self)
        job.finished.connect(self.on_restore_job_finished)
        job.failed.connect(lambda exc: self.on_restore_job_failed(exc, path))
        # Modal while the book is replaced: an edit now would only wait for the restore's lock.
        progress = QProgressDialog(self.tr("Restoring…"), "", 0, 0, self._window)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        job.done.connect(progress.deleteLater)
        self._status(self.tr("Restoring…"))
        self.job = job
        job.start()
        return job

    def on_restore_job_finished(self, outcome) -> None:
        result, _migrated = outcome
        self._database.close()  # restart the data layer on the restored file
        self._database.connect()
        if self._refresh is not None:
            self._refresh()
        text = fill(self.tr("Restored %1 customers from %2"), result.customers, result.source.name)
        if result.files_missing:  # the book names files no backup found held: Settings › Data lists them
            text += " " + self.tr("— %n attached file(s) were in no backup", "", len(result.files_missing))
        self._status(text)
        self.restore_finished.emit(outcome)

    def on_restore_job_failed(self, exc: BaseException, path: Path) -> None:
        if isinstance(exc, SecretNeeded | WrongKeyError):
            kind = secret_kind(exc)
            secret = ask_secret(self._window, kind, problem="" if isinstance(exc, SecretNeeded) else str(exc))
            if secret:
                self.restore_from(path, **{"passphrase" if kind == PASSPHRASE else "recovery_code": secret})
                return
        self._status(self.tr("Nothing was restored"))
        self.restore_failed.emit(str(exc))
        QMessageBox.warning(self._window, self.tr("Restore failed"), fill(self.tr("Nothing was changed: %1"), exc))


def refresh_main_window(window) -> None:
    """Reload everything a MainWindow shows after its book was replaced (undo history included)."""
    window.undo_stack.clear()
    window.on_command_changed([])


def install_backup_actions(window, clock: Clock, db_path: Path, database, *, store: KeyStore | None = None,
                           start_daily: bool = True) -> BackupController:
    """Add Back up now and Restore to the File menu of a MainWindow and start the daily checks."""
    controller = BackupController(window, clock, db_path, database, store=store,
                                  refresh=lambda: refresh_main_window(window))
    window.add_file_action(controller.back_up_now)
    window.add_file_action(controller.restore, first_run=controller.restore_description)
    if start_daily:
        controller.start_daily_checks()
    return controller


def offer_backup_at_start(db_path: Path, error: BaseException, clock: Clock, *, parent: QWidget | None = None,
                          store: KeyStore | None = None) -> bool:
    """The book at `db_path` could not be opened: say so, and offer the newest good backup.

    Returns True when a copy was put in place (the caller then opens the book again). The damaged
    file is never overwritten: the restore renames it aside first.
    """
    folder = backup_dir_for(db_path)
    looking = QCoreApplication.translate("BackupActions", "Looking for the newest good backup…")
    newest = run_blocking(parent, looking, lambda _ctx: newest_good_backup(folder))
    dialog = DamagedBookDialog(db_path, error, newest, folder, clock.zone, parent)
    dialog.exec()
    path, store, secret = dialog.chosen_path, store or KeyStore(), {}
    while path is not None:
        try:
            run_blocking(parent, QCoreApplication.translate("BackupActions", "Restoring…"), _restore_job, path,
                         db_path, clock.now(), store, secret.get(RECOVERY), secret.get(PASSPHRASE))
            return True
        except (SecretNeeded, WrongKeyError) as exc:
            kind = secret_kind(exc)
            typed = ask_secret(parent, kind, problem="" if isinstance(exc, SecretNeeded) else str(exc))
            if not typed:
                return False
            secret[kind] = typed
        except Exception as exc:  # noqa: BLE001 - every failure is shown; the book stays as it was
            QMessageBox.warning(parent, QCoreApplication.translate("BackupActions", "Restore failed"),
                                fill(QCoreApplication.translate("BackupActions", "Nothing was changed: %1"), exc))
            return False
    return False
