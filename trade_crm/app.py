"""The composition root of the desktop app: paths, language, database, clock and main window."""

from __future__ import annotations

import importlib.util
import logging
import platform
import sys
from dataclasses import dataclass
from pathlib import Path

from peewee import IntegrityError, PeeweeException
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QProcess, QSettings, qVersion
from PySide6.QtWidgets import QApplication, QMessageBox

from trade_crm import APP_ID, APP_NAME, __version__
from trade_crm.domain.attachments.blobs import attachments_for
from trade_crm.domain.attachments.changes import purge_deleted
from trade_crm.domain.backups import backup_dir_for, clean_leftovers
from trade_crm.domain.clock import Clock, SystemClock
from trade_crm.domain.errors import DomainError
from trade_crm.domain.reminders.sync import sync_reminders
from trade_crm.domain.team.offline import copy_state, has_copy, open_copy_as_book
from trade_crm.domain.team.pool import DailyPoolRule
from trade_crm.logs import configure_logging, install_exception_hooks
from trade_crm.paths import resolve_db_path, resolve_log_dir
from trade_crm.store.db import DatabaseError, close_database, needs_upgrade, open_database
from trade_crm.store.errors import ServerGoneError, ServerUnreachableError
from trade_crm.store.postgres import is_server_url, open_postgres, server_label
from trade_crm.store.trip_copy import READ_ONLY, copy_path
from trade_crm.ui.attachments.install import install_attachments
from trade_crm.ui.backup.actions import install_backup_actions, offer_backup_at_start
from trade_crm.ui.common.collector import GuiThreadCollector
from trade_crm.ui.common.crash_dialog import CrashReporter, open_log_folder
from trade_crm.ui.common.file_dialogs import folders
from trade_crm.ui.common.i18n import fill, install_translator, remove_translators, resolve_language
from trade_crm.ui.common.icons import app_icon
from trade_crm.ui.common.workers import Job
from trade_crm.ui.duplicates.merge_actions import install_merge_actions
from trade_crm.ui.import_export.export_actions import install_export_actions
from trade_crm.ui.import_export.import_actions import install_import_actions
from trade_crm.ui.import_export.whatsapp_actions import install_whatsapp_import
from trade_crm.ui.insights.tabs import install_insights
from trade_crm.ui.mail.actions import install_mail_actions
from trade_crm.ui.quotes.install import install_quotes
from trade_crm.ui.reminders.scheduler import ReminderScheduler
from trade_crm.ui.reminders.tray import create_notifier
from trade_crm.ui.shell.busy import run_with_busy_window
from trade_crm.ui.shell.main_window import MainWindow
from trade_crm.ui.shell.reminder_controller import ReminderController
from trade_crm.ui.shell.settings_dialog import LANGUAGE, SERVER_URL
from trade_crm.ui.shell.single_instance import SingleInstance, bring_to_front
from trade_crm.ui.team.actions import install_team_actions
from trade_crm.ui.team.book_label import show_open_book
from trade_crm.ui.team.offline import CopySync, install_offline_mode, install_server_watch
from trade_crm.ui.team.publish_dialog import install_publish_action

ORGANIZATION = "Trade CRM"

log = logging.getLogger(__name__)


def demo_loader(clock: Clock):
    """A callable that loads the demo book, or None where this build has no demo book. The demo module
    (and its data) is imported only when the book is loaded, not at start."""
    try:
        available = importlib.util.find_spec("trade_crm.demo.book") is not None
    except (ImportError, ValueError):
        available = False
    if not available:
        return None

    def load():
        from trade_crm.demo.book import load_demo  # lazy: start-up, the generator loads when asked for
        from trade_crm.demo.quotes import load_demo_quotes  # lazy: with the demo book

        summary = load_demo(clock)
        load_demo_quotes(clock)
        return summary

    return load


def build_main_window(clock: Clock, db_path: Path, settings: QSettings, *, language: str = "en",
                      with_demo: bool = True, log_dir: Path | None = None,
                      reminders_after_paint: bool = False) -> MainWindow:
    """The main window over the open database at `db_path`, with every feature's actions installed
    (used by run_gui, tests and screenshots). With `log_dir`, Help offers Open log folder. With
    `reminders_after_paint` (run_gui), the reminder pane is left to fill once the window has painted
    (`window.reminders.fill_after_first_paint()` after show)."""
    window = MainWindow(clock, db_path, settings, language=language,
                        demo_loader=demo_loader(clock) if with_demo else None,
                        fill_reminders_now=not reminders_after_paint)
    if log_dir is not None:
        window.actions.open_log_folder.triggered.connect(lambda: open_log_folder(log_dir))
        window.actions.open_log_folder.setVisible(True)
    install_import_actions(window, clock)
    install_whatsapp_import(window, clock, attachments_for(db_path))
    install_export_actions(window, clock, language=language, settings=settings)
    install_merge_actions(window, clock)
    # A server book's rows are shared; each file's bytes stay beside this laptop's own book.
    install_attachments(window, clock, attachments_for(db_path))
    install_insights(window, clock, language=language)
    mail = install_mail_actions(window, clock)
    install_quotes(window, clock, attachments_for(db_path), composer=mail.compose_document)
    install_team_actions(window, clock)  # a team server book only
    install_publish_action(window, clock, settings)
    return window


def _application() -> QApplication:
    # The one place that asks for an existing instance: a second QApplication cannot be made.
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    return app


def set_display_name(app: QCoreApplication) -> None:
    """The translated app name as the display name: the main window's title is that same text, so Qt does
    not append the name to it again ("Trade CRM 外贸客户管理 — Trade CRM")."""
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "Trade CRM"))


def restart_command(argv: list[str] | None = None, executable: str | None = None,
                    frozen: bool | None = None) -> tuple[str, list[str]]:
    """(program, arguments) that start this app again as it was started: the bundle, `python -m trade_crm`,
    or a console script (a script file run by this Python, or a Windows launcher .exe)."""
    argv = list(sys.argv if argv is None else argv)
    executable = executable or sys.executable
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    if frozen:
        return executable, argv[1:]
    first = Path(argv[0]) if argv and argv[0] else None
    if first is None or first.name == "__main__.py" or (first.suffix == ".py" and first.parent.name == "trade_crm"):
        return executable, ["-m", "trade_crm", *argv[1:]]
    if first.suffix.lower() == ".exe":
        return str(first), argv[1:]
    return executable, [str(first), *argv[1:]]


def relaunch(command: tuple[str, list[str]] | None = None) -> bool:
    """Start the app again, detached, once this one has let go of the book (View › Language › Restart now)."""
    program, arguments = command or restart_command()
    started, _pid = QProcess.startDetached(program, arguments)
    log.info("restarting: %s", "started" if started else "could not start")
    return bool(started)


@dataclass(frozen=True)
class BookChoice:
    """The book the window opens: a team server's (`server_url`) or the file at `local_path`. The laptop's
    file is always named: its lock keeps one window per user, and its folder holds the backups."""

    local_path: Path
    server_url: str = ""


def choose_book(explicit: str | Path | None, settings: QSettings) -> BookChoice:
    """--db wins (a file, or a postgresql:// URL); else the team server Settings › Data connected to; else
    $TRADE_CRM_DB, else the user-data folder's book."""
    if is_server_url(explicit):
        return BookChoice(resolve_db_path(None), str(explicit).strip())
    if explicit:
        return BookChoice(resolve_db_path(explicit))
    url = SERVER_URL.read(settings).strip()
    return BookChoice(resolve_db_path(None), url if is_server_url(url) else "")


def run_gui(db_path: str | Path | None, *, verbose: bool | None = None) -> int:
    """Run the desktop app on `db_path` (a file or a postgresql:// URL; else the team server chosen in
    Settings › Data, else $TRADE_CRM_DB, else the user-data folder).

    Logs go to the log folder; `verbose` also to stderr (None: as `trade-crm -v` set it up)."""
    log_dir = resolve_log_dir()
    logging_setup = configure_logging(log_dir, verbose=verbose)
    app = _application()
    collector = GuiThreadCollector(app)  # before any worker thread runs Python
    collector.start()
    log.info("Trade CRM %s starting: Python %s, Qt %s (PySide6 %s), %s", __version__, platform.python_version(),
             qVersion(), pyside_version, platform.platform())
    reporter = CrashReporter(log_dir)
    uninstall_hooks = install_exception_hooks(reporter.report)
    uninstall_gone_hook = install_server_gone_hook()
    settings = QSettings()
    folders.use_settings(settings)  # file dialogs remember their last folder across starts
    language = resolve_language(LANGUAGE.read(settings))
    translators = install_translator(app, language)
    set_display_name(app)
    restart = False
    try:
        choice = choose_book(db_path, settings)
        instance = SingleInstance(choice.local_path)
        if not instance.acquire():
            instance.notify_running()  # the running window comes to the front instead
            return 0
        try:
            code, restart = _run_window(app, choice, settings, language, instance, log_dir)
            return code
        finally:
            instance.release()
            if restart:  # after the release: the new process must be able to take the book's lock
                relaunch()
    finally:
        collector.stop()
        remove_translators(app, translators)
        uninstall_gone_hook()
        uninstall_hooks()
        log.info("Trade CRM stopped")
        logging_setup.close()


def _open_or_offer_backup(path: Path, clock: Clock):
    """The open database, or None after saying why (the file is never overwritten)."""
    try:
        return _open_upgrading(path)
    except DatabaseError as exc:
        if offer_backup_at_start(path, exc, clock):
            try:
                return open_database(path)
            except DatabaseError as again:
                exc = again
        title = QCoreApplication.translate("App", "Trade CRM cannot open its database")
        text = QCoreApplication.translate(
            "App", "The customer book at\n%1\ncould not be opened, and was left untouched.\n\n%2\n\n"
            "Choose another file with --db, or restore a backup.")
        QMessageBox.critical(None, title, fill(text, path, exc))
        return None


def _open_upgrading(path: Path):
    """Open the book; when it needs a schema upgrade (a 100,000-customer book's can take half a minute), a busy
    window says so while a thread migrates it (the thread's own connection, closed after)."""
    if needs_upgrade(path):
        run_with_busy_window(
            QCoreApplication.translate("App", "Trade CRM"),
            QCoreApplication.translate("App", "Upgrading your customer book for this version of Trade CRM…\n"
                                              "A copy of the book as it was is kept in its backups folder."),
            lambda: close_database(open_database(path)))
    return open_database(path)


def open_server_book(url: str):
    """The team server's book, opened as the CLI opens it; a DatabaseError says why not, in one line."""
    return open_postgres(url)


def ask_after_server_failure(url: str, reason: str) -> bool:
    """The server's book cannot be opened: say why in one line; True when the user takes this computer's
    book for now (the setting stays, so the next start tries the server again), False to quit."""
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("App", "Trade CRM"),
                      fill(QCoreApplication.translate("App", "The team server's customer book %1 cannot be "
                                                             "opened:\n\n%2"), server_label(url), reason),
                      QMessageBox.StandardButton.NoButton)
    local = box.addButton(QCoreApplication.translate("App", "Use the book on this computer"),
                          QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(local)
    box.exec()
    return box.clickedButton() is local


@dataclass(frozen=True)
class OpenedBook:
    database: object  # None: nothing was opened (the user quit)
    server_url: str = ""  # the team server's book, or "" for this computer's
    offline: bool = False  # the server could not be reached: the laptop's copy of it is open instead


def open_chosen_book(choice: BookChoice, clock: Clock, *, ask=None) -> OpenedBook:
    """The book for the window. A server that cannot be reached is stood in for by the laptop's copy of the
    user's customers when there is one (a trip); one that refuses (or no copy) is one line (`ask`), then this
    computer's book if the user wants it."""
    if choice.server_url:
        try:
            database = open_server_book(choice.server_url)
            log.info("team server book open")
            return OpenedBook(database, choice.server_url)
        except DatabaseError as exc:
            log.warning("the team server book could not be opened: %s", exc)
            if isinstance(exc, ServerUnreachableError) and has_copy(choice.local_path, choice.server_url):
                try:
                    copy = open_copy_as_book(choice.local_path, choice.server_url)
                    log.info("the team server cannot be reached: its copy for trips is open")
                    return OpenedBook(copy, choice.server_url, offline=True)
                except (DatabaseError, DomainError) as again:
                    log.warning("the copy for trips could not be opened: %s", again)
            if not (ask or ask_after_server_failure)(choice.server_url, str(exc)):
                return OpenedBook(None)
    clean_leftovers(backup_dir_for(choice.local_path))  # a decrypted copy or half a backup a kill left behind
    database = _open_or_offer_backup(choice.local_path, clock)
    if database is None:
        log.error("the database %s could not be opened", choice.local_path)
    else:
        log.info("database %s open", choice.local_path)
    return OpenedBook(database)


def say_server_gone(parent=None) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("App", "Trade CRM"),
                        QCoreApplication.translate("App", "The team server stopped answering; nothing was saved. "
                                                          "Try again in a moment."))


def say_read_only(parent=None) -> None:
    QMessageBox.information(parent, QCoreApplication.translate("App", "Trade CRM"), QCoreApplication.translate(
        "App", "Offline, your customers on this computer are a read-only copy: only new customers and timeline "
               "entries can be logged, and they are sent when the team server answers again."))


def install_server_gone_hook(say=say_server_gone, say_offline=say_read_only):
    """A team server that stops answering in the middle of a write (a slot's domain call) is one line, not
    a crash report: the transaction was rolled back and the book connects again at its next statement. So
    is a change the offline copy refuses. Wraps sys.excepthook (after install_exception_hooks); returns
    the undo."""
    previous = sys.excepthook

    def on_exception(exc_type, exc, tb) -> None:
        if exc_type is not None and issubclass(exc_type, ServerGoneError):
            log.warning("the team server stopped answering: %s", exc)
            say()
            return
        if exc_type is not None and issubclass(exc_type, IntegrityError) and READ_ONLY in str(exc):
            log.info("a change to the offline copy was refused")
            say_offline()
            return
        previous(exc_type, exc, tb)

    sys.excepthook = on_exception

    def uninstall() -> None:
        sys.excepthook = previous
    return uninstall


def _run_window(app: QApplication, choice: BookChoice, settings: QSettings, language: str,
                instance: SingleInstance, log_dir: Path) -> tuple[int, bool]:
    """Run the window; returns the exit code and whether the user asked for a restart."""
    clock = SystemClock()
    path = choice.local_path
    opened = open_chosen_book(choice, clock)
    database = opened.database
    if database is None:
        return 2, False
    if not opened.offline:
        try:
            purge_deleted(clock)  # files deleted more than the undo window ago go for good
        except (DomainError, PeeweeException) as exc:
            log.warning("deleted files were not purged: %s", exc)
    try:
        # No demo book on a team server, nor in its copy (the outbox would send the demo customers there).
        window = build_main_window(clock, path, settings, language=language, log_dir=log_dir,
                                   reminders_after_paint=True, with_demo=not opened.server_url)
        window.publish_controller.action.setVisible(not opened.server_url)  # a laptop book is what gets published
        if opened.offline:
            window.server_url = opened.server_url
            show_open_book(window, fill(QCoreApplication.translate("App", "%1 (offline)"),
                                        server_label(opened.server_url)), opened.server_url)
            state = copy_state(copy_path(path, opened.server_url))
            install_offline_mode(window, state.synced_at, clock.zone)
        elif opened.server_url:
            window.server_url = opened.server_url
            show_open_book(window, server_label(opened.server_url), opened.server_url)
            syncer = CopySync(path, opened.server_url, clock, window,
                              say=lambda line: window.statusBar().showMessage(line, 10_000))
            install_server_watch(window, syncer)
            syncer.start()
        else:
            install_backup_actions(window, clock, path, database)  # backups are of a book file
        instance.activation_requested.connect(lambda: bring_to_front(window))
        notifier = create_notifier(app)
        # With a tray the app lives on after its window closes; without one, closing quits as usual.
        app.setQuitOnLastWindowClosed(not notifier.is_tray)
        # On a team server book the pool rule runs before the first sync of each day (a laptop book: never).
        scheduler = ReminderScheduler(clock, app, sync=DailyPoolRule().before(sync_reminders))
        ReminderController(window, clock, settings, notifier, scheduler)
        # A message that could not be sent is told once, in the tray (or the in-window bar without one).
        window.mail_controller.out.runner.notice.connect(notifier.show_message)
        app.aboutToQuit.connect(window.mail_controller.out.runner.stop)  # no new run; Job.stop_all waits for one
        if not opened.offline:
            window.mail_controller.start()  # mail: the senders' count, a sync soon, then every N minutes
        install_insights(window, clock, language=language, scheduler=scheduler)  # stages follow the scheduler
        app.aboutToQuit.connect(scheduler.shutdown)
        window.show()
        window.reminders.fill_after_first_paint()  # the saved reminders once painted; the sync then follows
        scheduler.start()
        code = app.exec()
        return code, window.restart_requested
    finally:
        if not Job.stop_all():
            log.warning("a background job was still running at quit")
        close_database(database)
