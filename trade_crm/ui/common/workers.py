"""Slow work off the GUI thread: a Job runs a plain function in a QThreadPool and reports by signal.

The function receives a JobContext first: it calls `context.progress(done, total, message)` as it
goes and `context.check_cancelled()` between steps (which raises JobCancelled once `cancel()` was
asked for). The job's signals arrive on the thread the Job lives on (the GUI thread), so slots may
touch widgets; the function itself never must.

The runner hands every job its worker thread's own database connection (peewee keeps one per
thread) and closes it when the function returns, before any signal is sent: no call site has to
remember it, and no idle worker thread holds a connection (a restore replaces the file under them).
A job that never touches the database may say so with `uses_database=False`.

A failure the caller expects (a DomainError, a file or database that cannot be used, or a type in
`expected=`) is emitted as `failed`. Anything else is a bug: its traceback goes to the log and the
crash dialog through trade_crm.logs.report_failure (titled with `title=`), and `failed` still
follows so the caller can put its buttons back.

    job = Job(import_rows, path)
    job.progressed.connect(progress_bar.on_job_progressed)
    job.finished.connect(self.on_import_job_finished)   # the function's return value
    job.failed.connect(self.on_import_job_failed)       # the exception
    job.start()
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from contextlib import nullcontext
from functools import partial
from typing import Any

from peewee import PeeweeException
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from trade_crm.domain.connections import worker_connection
from trade_crm.domain.errors import DomainError
from trade_crm.keystore import KeystoreError
from trade_crm.logs import report_failure
from trade_crm.store.backup import BackupError

log = logging.getLogger(__name__)

# Failures that come from the world (bad input, a full disk, a locked or damaged file, no keyring):
# the caller says what happened. Everything else is a bug and goes to the crash report too.
EXPECTED_FAILURES: tuple[type[BaseException], ...] = (
    DomainError, OSError, BackupError, KeystoreError, PeeweeException, sqlite3.Error)


class JobCancelled(Exception):
    """Raised inside a job's function by `check_cancelled()` after `Job.cancel()`."""


class JobContext:
    """What the running function may use: progress reports and the cancellation flag."""

    def __init__(self, report: Callable[[int, int, str], None]):
        self._report = report
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise JobCancelled()

    def wait_cancelled(self, timeout: float) -> bool:
        """Block this worker thread up to `timeout` seconds or until cancelled; True if cancelled."""
        return self._cancel.wait(timeout)

    def progress(self, done: int, total: int = 0, message: str = "") -> None:
        """Report progress (total 0 means unknown); also a good place to stop when cancelled."""
        self.check_cancelled()
        self._report(done, total, message)


SIGNALS = ("progressed", "finished", "failed", "cancelled", "done")


class _Relay(QObject):
    """The worker thread's sender: the Job's signals, queued on to the Job.

    A Job usually has a parent (the dialog it reports to), and Qt deletes it with that parent on the GUI thread
    whenever the dialog closes. Emitting on the Job itself from the worker thread raced that deletion (a
    crash under load, once in CI). The relay has no parent and no thread; the running job alone holds it, so it
    lives exactly as long as the run. Its signals reach the Job by queued connections, which Qt drops cleanly
    when the Job is gone."""

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    done = Signal()


class _Runnable(QRunnable):
    def __init__(self, job: Job, relay: _Relay):
        super().__init__()
        self.setAutoDelete(True)
        self._job, self._relay = job, relay

    def run(self) -> None:
        try:
            self._job._run(self._relay)
        finally:
            self._relay = None  # deleted here, on the worker thread, once its last signal is queued


class Job(QObject):
    """One call of `function(context, *args, **kwargs)` on a worker thread.

    Exactly one of finished(result), failed(exception) or cancelled() is emitted, then done().
    """

    progressed = Signal(int, int, str)  # done, total (0 = unknown), message
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    done = Signal()

    _running: dict[int, Job] = {}  # owns a started job until its last signal is delivered (see start), by id

    def __init__(self, function: Callable[..., Any], *args: Any, parent: QObject | None = None, title: str = "",
                 uses_database: bool = True, expected: tuple[type[BaseException], ...] = (), **kwargs: Any):
        super().__init__(parent)
        self._function, self._args, self._kwargs = function, args, kwargs
        self.title = title  # what the user is doing, for the crash report: "Importing customers"
        self.uses_database = uses_database
        self.expected = EXPECTED_FAILURES + tuple(expected)
        self.context = JobContext(self._report_progress)
        self._relay: _Relay | None = None
        self._started = False
        self.done.connect(self._release)
        # a job deleted with its parent before its `done` arrived leaves the running set all the same (by its id:
        # a slot holding the job itself would keep a parentless one alive for good)
        self.destroyed.connect(partial(Job._forget, id(self)))

    def report_to(self, receiver: QObject) -> None:
        """Connect each signal to the receiver's `on_job_<signal>` handler, for those it has (the house's
        naming: on_job_progressed, on_job_finished, on_job_failed, on_job_cancelled, on_job_done)."""
        for name in SIGNALS:
            handler = getattr(receiver, f"on_job_{name}", None)
            if handler is not None:
                getattr(self, name).connect(handler)

    def start(self, pool: QThreadPool | None = None) -> None:
        if self._started:
            raise RuntimeError("a Job runs once; make a new one")
        self._started = True
        relay = _Relay()
        for name in SIGNALS:
            getattr(relay, name).connect(getattr(self, name), Qt.ConnectionType.QueuedConnection)
        relay.moveToThread(None)  # no thread: deleting it on the worker thread is then allowed
        Job._running[id(self)] = self
        (pool or QThreadPool.globalInstance()).start(_Runnable(self, relay))

    def cancel(self) -> None:
        """Ask the function to stop at its next check; `cancelled` follows when it does."""
        self.context._cancel.set()

    @classmethod
    def stop_all(cls, timeout_ms: int = 10_000) -> bool:
        """At quit: ask every running job to stop and wait for the worker threads, so none outlives the
        window it reports to (or the book it writes). False if one was still running after `timeout_ms`."""
        for job in list(cls._running.values()):
            job.cancel()
        return QThreadPool.globalInstance().waitForDone(timeout_ms)

    @property
    def is_running(self) -> bool:
        return Job._running.get(id(self)) is self

    def _run(self, relay: _Relay) -> None:  # on the worker thread
        self._relay = relay
        outcome: tuple = ("cancelled",)
        try:
            with worker_connection() if self.uses_database else nullcontext():
                result = self._function(self.context, *self._args, **self._kwargs)
        except JobCancelled:
            pass
        except Exception as exc:  # noqa: BLE001 - every failure is reported to the GUI
            outcome = ("failed", exc)
            if isinstance(exc, self.expected):
                log.warning("job %s failed: %s", self._name, type(exc).__name__)
            else:
                report_failure(self.title, exc, source=f"job {self._name}")
        else:
            if not self.context.cancelled:
                outcome = ("finished", result)
        finally:
            self._relay = None
        # The connection is closed by now: whoever gets `done` may replace the file.
        name, *values = outcome
        getattr(relay, name).emit(*values)
        relay.done.emit()

    def _report_progress(self, done: int, total: int, message: str) -> None:  # on the worker thread
        relay = self._relay
        if relay is not None:
            relay.progressed.emit(done, total, message)

    @property
    def _name(self) -> str:
        return getattr(self._function, "__qualname__", type(self._function).__name__)

    def _release(self) -> None:
        Job._forget(id(self))

    @staticmethod
    def _forget(job_id: int, *_destroyed) -> None:
        Job._running.pop(job_id, None)


def cancellable_progress(job: Job, parent: QWidget, label: str, title: str, cancel_text: str, *,
                         show_after_ms: int = 0) -> QProgressDialog:
    """A window-modal progress dialog whose Cancel cancels `job`; it stays open until the caller closes it
    (the job's last word decides what follows), and starts as a busy bar until the first progress."""
    dialog = QProgressDialog(label, cancel_text, 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(show_after_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(job.cancel)
    return dialog
