"""Slow work off the GUI thread: a Job runs a plain function in a QThreadPool and reports by signal.

The function receives a JobContext first: it calls `context.progress(done, total, message)` as it
goes and `context.check_cancelled()` between steps (which raises JobCancelled once `cancel()` was
asked for). The job's signals arrive on the thread the Job lives on (the GUI thread), so slots may
touch widgets; the function itself never must.

    job = Job(import_rows, path)
    job.progressed.connect(progress_bar.on_job_progressed)
    job.finished.connect(self.on_import_job_finished)   # the function's return value
    job.failed.connect(self.on_import_job_failed)       # the exception
    job.start()
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from trade_crm.domain.connections import (
    worker_connection as worker_connection,  # the jobs import it from here
)


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


class _Runnable(QRunnable):
    def __init__(self, job: Job):
        super().__init__()
        self.setAutoDelete(True)
        self._job = job

    def run(self) -> None:
        self._job._run()


class Job(QObject):
    """One call of `function(context, *args, **kwargs)` on a worker thread.

    Exactly one of finished(result), failed(exception) or cancelled() is emitted, then done().
    """

    progressed = Signal(int, int, str)  # done, total (0 = unknown), message
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    done = Signal()

    _running: set[Job] = set()  # keeps a started job alive until its last signal is delivered

    def __init__(self, function: Callable[..., Any], *args: Any, parent: QObject | None = None, **kwargs: Any):
        super().__init__(parent)
        self._function, self._args, self._kwargs = function, args, kwargs
        self.context = JobContext(self.progressed.emit)
        self._started = False
        self.done.connect(self._release)

    def start(self, pool: QThreadPool | None = None) -> None:
        if self._started:
            raise RuntimeError("a Job runs once; make a new one")
        self._started = True
        Job._running.add(self)
        (pool or QThreadPool.globalInstance()).start(_Runnable(self))

    def cancel(self) -> None:
        """Ask the function to stop at its next check; `cancelled` follows when it does."""
        self.context._cancel.set()

    @property
    def is_running(self) -> bool:
        return self in Job._running

    def _run(self) -> None:  # on the worker thread
        try:
            result = self._function(self.context, *self._args, **self._kwargs)
        except JobCancelled:
            self.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - every failure is reported to the GUI
            self.failed.emit(exc)
        else:
            if self.context.cancelled:
                self.cancelled.emit()
            else:
                self.finished.emit(result)
        self.done.emit()

    def _release(self) -> None:
        Job._running.discard(self)
