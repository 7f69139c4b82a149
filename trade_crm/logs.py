"""Logging to a rotating file in the app's log folder, and the one path every unexpected failure takes.

Nothing happens at import time: the entry points (app.run_gui, cli.parser.run) call
`configure_logging` and close what it returns. `report_failure` logs a traceback at ERROR and tells
the listeners installed by `install_exception_hooks` (the window's crash dialog), whether the failure
came from sys.excepthook (a slot that raised), threading.excepthook or a background Job.

INFO lines name ids and counts, never a person's or company's name, email or phone: the log is
what a user sends when asking for help.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TextIO

LOG_FILE_NAME = "trade-crm.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5  # trade-crm.log.1 ... .5: a few days of use, a few MB at most
FORMAT = "%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s"
FILE_HANDLER, CONSOLE_HANDLER = "trade-crm-file", "trade-crm-console"
QUIET_LOGGERS = ("peewee",)  # peewee logs every SQL statement with its parameters at DEBUG
# Libraries that narrate routine work at INFO ("Added job", "Running job"): their warnings still count.
ROUTINE_LOGGERS = ("apscheduler",)

log = logging.getLogger(__name__)

FailureListener = Callable[[str, str], None]  # (what the user was doing, the traceback text)
_listeners: list[FailureListener] = []


@dataclass
class LogSetup:
    """What configure_logging changed, so that `close()` can put it back (the CLI runs many times in tests)."""

    log_dir: Path
    file: Path | None  # None when the folder cannot be written: the app still runs
    handlers: list[logging.Handler] = field(default_factory=list)
    levels: dict[str, int] = field(default_factory=dict)

    def close(self) -> None:
        root = logging.getLogger()
        for handler in self.handlers:
            root.removeHandler(handler)
            handler.close()
        for name, level in self.levels.items():
            logging.getLogger(name or None).setLevel(level)
        self.handlers.clear()


class _LogFile(RotatingFileHandler):
    """The rotating log file, which stays closed once closed: a record another thread (a mail server's, a
    worker's) was handing it while configure_logging or LogSetup.close removed it would otherwise open the file
    again (delay=True reopens on emit), and that file was never closed. Both run under the handler's lock."""

    def __init__(self, *args, **kwargs):
        self.ended = False
        super().__init__(*args, **kwargs)

    def emit(self, record: logging.LogRecord) -> None:
        if not self.ended:
            super().emit(record)

    def close(self) -> None:
        with self.lock:
            self.ended = True
        super().close()


def configure_logging(log_dir: Path, *, verbose: bool | None = False, stream: TextIO | None = None) -> LogSetup:
    """INFO and above to `log_dir`/trade-crm.log (rotating); with `verbose` also DEBUG to `stream` (stderr).

    Replaces the handlers an earlier call installed (`trade-crm -v` sets up, then the window it
    opens does); `verbose=None` keeps the console the earlier call chose.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() in (FILE_HANDLER, CONSOLE_HANDLER):
            if verbose is None and handler.get_name() == CONSOLE_HANDLER:
                verbose, stream = True, getattr(handler, "stream", None)
            root.removeHandler(handler)
            if handler.get_name() == FILE_HANDLER:
                handler.close()
    setup = LogSetup(log_dir, None, levels={"": root.level})
    formatter = logging.Formatter(FORMAT)
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler = _LogFile(log_dir / LOG_FILE_NAME, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                           encoding="utf-8", delay=True)
        setup.file = log_dir / LOG_FILE_NAME
    except OSError:
        file_handler = logging.NullHandler()  # a read-only profile: keep working without a log file
    file_handler.set_name(FILE_HANDLER)
    file_handler.setLevel(logging.INFO)
    file_handler.setFormatter(formatter)
    setup.handlers.append(file_handler)
    if verbose:
        console = logging.StreamHandler(stream or sys.stderr)
        console.set_name(CONSOLE_HANDLER)
        console.setLevel(logging.DEBUG)
        console.setFormatter(formatter)
        setup.handlers.append(console)
        for name in QUIET_LOGGERS:
            setup.levels[name] = logging.getLogger(name).level
            logging.getLogger(name).setLevel(logging.INFO)
    for name in ROUTINE_LOGGERS:
        setup.levels.setdefault(name, logging.getLogger(name).level)
        logging.getLogger(name).setLevel(logging.DEBUG if verbose else logging.WARNING)
    for handler in setup.handlers:
        root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    return setup


def report_failure(what: str, exc: BaseException, *, source: str = "") -> None:
    """An unexpected exception: its traceback to the log at ERROR, then to every listener (the crash dialog).

    `what` is what the user was doing (a job's title), or "" when nobody knows; `source` where it
    came from ("job _scan_job", "thread Thread-3") for the log only. Safe from any thread.
    """
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    log.error("unexpected %s%s%s", type(exc).__name__, f" in {source}" if source else "",
              f" while {what!r}" if what else "", exc_info=exc)
    for listener in list(_listeners):
        try:
            listener(what, details)
        except Exception:  # noqa: BLE001 - a broken listener must not hide the failure it reports
            log.exception("the failure listener failed")


def install_exception_hooks(listener: FailureListener | None = None) -> Callable[[], None]:
    """Route sys.excepthook and threading.excepthook through report_failure; returns the undo.

    Under PySide6 an exception raised in a slot or a Qt virtual reaches sys.excepthook, so this
    covers the GUI thread too.
    """
    previous_hook, previous_thread_hook = sys.excepthook, threading.excepthook

    def on_exception(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous_hook(exc_type, exc, tb)
            return
        report_failure("", exc.with_traceback(tb) if exc is not None else exc_type(), source="sys.excepthook")

    def on_thread_exception(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        report_failure("", args.exc_value.with_traceback(args.exc_traceback), source=f"thread {name}")

    sys.excepthook, threading.excepthook = on_exception, on_thread_exception
    if listener is not None:
        _listeners.append(listener)

    def uninstall() -> None:
        sys.excepthook, threading.excepthook = previous_hook, previous_thread_hook
        if listener is not None and listener in _listeners:
            _listeners.remove(listener)

    return uninstall
