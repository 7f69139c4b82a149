"""When to recompute reminders: APScheduler 3's QtScheduler, driven by the Qt event loop and a Clock.

The database decides what is due (domain/reminders/sync.py); this only decides *when* to ask: at start
(once the window has painted), at the user's local midnight, every 15 minutes as a safety net, after the
computer wakes from sleep (the wall clock jumped ahead of the monotonic clock) and, debounced, when data
changed. The jobs fire on the GUI thread (DebugExecutor inside the Qt timer's slot); the sync itself runs
in a worker (ui/common/workers.py Job), one at a time: a recompute asked for while one runs is coalesced into one
more run after it. Results come back by signal on the GUI thread; the worker never touches a widget.

The worker's database connection: peewee keeps its connection state per thread (SqliteDatabase is
thread-safe by default; check_same_thread=False only lets a connection object be handed across threads),
so the worker opens its own connection to the same file, with the same pragmas, and closes it when the
sync ends. SQLite then serializes the writers: WAL lets the GUI read while the worker writes, and a writer
waits out the other's write lock with the busy timeout. The one case the busy timeout does not cover is a
transaction that read first and then wants to write while the other connection holds the write lock: it
fails at once with "database is locked". The pane's writes (domain/reminders/records.py) begin IMMEDIATE, so they
wait instead; a sync of the worker that loses such a race is retried a moment later (it is idempotent).

APScheduler 3 reads the time with `datetime.now()`; `_ClockedQtScheduler` makes it read the injected
Clock instead (only while the scheduler itself is working, through a context variable), so a test moves
a FixedClock and calls `process_due_jobs()`: jobs fire with no real waiting (with `run_in_worker=False`
the sync runs right there; with the worker, wait for the signal).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from contextvars import ContextVar
from datetime import datetime, timedelta, timezone, tzinfo
from datetime import time as day_time

from apscheduler.executors.debug import DebugExecutor
from apscheduler.schedulers import base as apscheduler_base
from apscheduler.schedulers.qt import QtScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger
from peewee import OperationalError, PeeweeException
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import DomainError
from trade_crm.domain.reminders.sync import SyncResult, sync_reminders
from trade_crm.store.models import database
from trade_crm.ui.common.workers import Job, JobContext

log = logging.getLogger(__name__)

SAFETY_MINUTES = 15
WAKE_CHECK_SECONDS = 60
WAKE_TOLERANCE = timedelta(seconds=90)  # the wall clock ran this much further than the monotonic one
DEBOUNCE_MS = 1500
FIRST_PAINT_WAIT_MS = 1000  # the start job waits this long for the window's first paint at most
RETRY_MS = 2000  # a worker's sync that found the database busy is tried again after this
MAX_RETRIES = 3
SHUTDOWN_WAIT_S = 10.0  # how long shutdown (or a sync on the GUI thread) waits for the worker's sync
_clock_in_use: ContextVar[Clock | None] = ContextVar("scheduler_clock", default=None)


class _ClockedDatetime(datetime):
    """`datetime.now()` as APScheduler's base module sees it: the scheduler's Clock while it works."""

    @classmethod
    def now(cls, tz=None):
        clock = _clock_in_use.get()
        if clock is None:
            return datetime.now(tz)
        instant = clock.now()
        return instant.astimezone(tz) if tz is not None else instant.astimezone(clock.zone).replace(tzinfo=None)


def _install_clock_hook() -> None:
    if apscheduler_base.datetime is not _ClockedDatetime:
        apscheduler_base.datetime = _ClockedDatetime


class LocalMidnightTrigger(BaseTrigger):
    """Fires at every local midnight of `zone`. (APScheduler 3.11's CronTrigger(hour=0) skips the day
    after a daylight-saving change: from 29 March 2026 00:01 in Berlin it answers 31 March.)"""

    def __init__(self, zone: tzinfo):
        self.zone = zone

    def _midnight(self, day) -> datetime:  # a midnight that does not exist (DST at 00:00) becomes 01:00
        return datetime.combine(day, day_time(0), tzinfo=self.zone).astimezone(timezone.utc).astimezone(self.zone)

    def get_next_fire_time(self, previous_fire_time, now):
        if previous_fire_time is None:
            local = now.astimezone(self.zone)
            if local == self._midnight(local.date()):
                return local
            return self._midnight(local.date() + timedelta(days=1))
        return self._midnight(previous_fire_time.astimezone(self.zone).date() + timedelta(days=1))

    def __str__(self) -> str:
        return f"local midnight ({self.zone})"


class _ClockedQtScheduler(QtScheduler):
    """QtScheduler on a restartable QTimer we own (PySide6's singleShot cannot be stopped) and a Clock."""

    def __init__(self, clock: Clock, timer_parent: QObject, **options):
        self._clock = clock
        self._qt_timer = QTimer(timer_parent)
        self._qt_timer.setSingleShot(True)
        self._qt_timer.timeout.connect(self._process_jobs)
        super().__init__(**options)

    @contextlib.contextmanager
    def _clocked(self):
        token = _clock_in_use.set(self._clock)
        try:
            yield
        finally:
            _clock_in_use.reset(token)

    def _start_timer(self, wait_seconds):
        self._qt_timer.stop()
        if wait_seconds is not None:
            self._qt_timer.start(min(int(wait_seconds * 1000), 2_147_483_647))

    def _stop_timer(self):
        self._qt_timer.stop()

    def _process_jobs(self):
        with self._clocked():
            wait_seconds = apscheduler_base.BaseScheduler._process_jobs(self)
        self._start_timer(wait_seconds)

    def _real_add_job(self, job, jobstore_alias, replace_existing):
        with self._clocked():
            super()._real_add_job(job, jobstore_alias, replace_existing)

    def process_now(self) -> None:
        self._process_jobs()


def _sync_in_worker(_context: JobContext, sync: Callable[[Clock], SyncResult], clock: Clock,
                    idle: threading.Event) -> SyncResult:
    """On a worker thread: the sync on this thread's own connection, closed again when it is done."""
    try:
        return sync(clock)
    finally:
        try:
            if database.obj is not None:
                database.close()  # this thread's connection only; the GUI thread's stays open
        except PeeweeException as exc:  # never hide the sync's own outcome behind this
            log.warning("reminders: the worker's connection did not close: %s", exc)
        finally:
            idle.set()


def _worker_can_open_the_database() -> bool:
    """An in-memory database is private to its connection: a worker would open an empty one."""
    db = database.obj
    return db is None or (getattr(db, "thread_safe", False) and db.database not in ("", ":memory:")
                          and "mode=memory" not in str(db.database))


def _is_busy(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, OperationalError) and ("locked" in text or "busy" in text)


class _FirstPaint(QObject):
    """Calls `then` once any widget of the application has painted (after that paint pass has finished),
    or after `wait_ms` when nothing paints (a window started hidden, in the tray)."""

    def __init__(self, then: Callable[[], None], wait_ms: int, parent: QObject):
        super().__init__(parent)
        self._then, self._app = then, QCoreApplication.instance()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)
        self._timer.start(wait_ms)
        self._app.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self._timer.isActive():
            self._timer.start(0)  # once this paint pass has been handled
        return False

    def _fire(self) -> None:
        self.cancel()
        self._then()

    def cancel(self) -> None:
        self._timer.stop()
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None


class ReminderScheduler(QObject):
    """Recomputes reminders at the right moments; emits the due count and what is newly due."""

    reminders_updated = Signal(int)  # due count, after every recompute
    reminders_raised = Signal(list)  # [DueReminder] newly due while the app runs
    away_reminders_found = Signal(list)  # [DueReminder] at start: fell due while the app was closed
    recompute_failed = Signal(str)

    JOBS = ("start", "midnight", "safety_net", "wake_check")

    def __init__(self, clock: Clock, parent: QObject | None = None, *,
                 sync: Callable[[Clock], SyncResult] = sync_reminders,
                 monotonic: Callable[[], float] = time.monotonic, debounce_ms: int = DEBOUNCE_MS,
                 run_in_worker: bool = True, first_paint_wait_ms: int = FIRST_PAINT_WAIT_MS,
                 retry_ms: int = RETRY_MS):
        super().__init__(parent)
        _install_clock_hook()
        self._clock, self._sync, self._monotonic = clock, sync, monotonic
        self._run_in_worker, self._first_paint_wait_ms = run_in_worker, first_paint_wait_ms
        self._scheduler = _ClockedQtScheduler(clock, self, timezone=clock.zone,
                                              executors={"default": DebugExecutor()},
                                              job_defaults={"coalesce": True, "misfire_grace_time": None,
                                                            "max_instances": 1})
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(lambda: self.request_recompute("data changed"))
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(retry_ms)
        self._retry.timeout.connect(lambda: self.request_recompute("retry", at_start=self._retry_at_start))
        self._retries, self._retry_at_start = 0, False
        self._last_wall: datetime | None = None
        self._last_mono = 0.0
        self._first_paint: _FirstPaint | None = None
        self._job: Job | None = None  # the sync running in a worker, if any
        self._job_at_start = False
        self._job_seq = 0
        self._queued: tuple[str, bool] | None = None  # asked for while the job ran: (reason, at start)
        self._idle = threading.Event()  # set while no worker sync runs
        self._idle.set()
        self._seq = 0  # numbers each sync; an older result arriving late does not overwrite a newer one
        self._result_seq = 0
        self._stopped = False
        self.last_result: SyncResult | None = None
        self.wakes = 0
        self.syncs_in_worker = 0

    # --- lifecycle ------------------------------------------------------------------------------

    def start(self, *, after_first_paint: bool = True) -> None:
        """Schedule the jobs. The start job runs once the window has painted (the first paint of any
        widget after this call, or FIRST_PAINT_WAIT_MS when none paints), so the sync never competes with
        the first paint; with `after_first_paint=False`, as soon as the event loop turns."""
        now, zone = self._clock.now(), self._clock.zone
        self._stopped = False
        self._mark_time()
        add = self._scheduler.add_job
        add(lambda: self.request_recompute("midnight"), LocalMidnightTrigger(zone), id="midnight")
        add(lambda: self.request_recompute("safety net"), IntervalTrigger(
            minutes=SAFETY_MINUTES, start_date=now + timedelta(minutes=SAFETY_MINUTES), timezone=zone),
            id="safety_net")
        add(self._check_wake, IntervalTrigger(
            seconds=WAKE_CHECK_SECONDS, start_date=now + timedelta(seconds=WAKE_CHECK_SECONDS), timezone=zone),
            id="wake_check")
        self._scheduler.start()
        if after_first_paint and isinstance(QCoreApplication.instance(), QGuiApplication):
            self._first_paint = _FirstPaint(self._add_start_job, self._first_paint_wait_ms, self)
        else:
            self._add_start_job()

    def _add_start_job(self) -> None:
        self._first_paint = None
        if self._scheduler.running:
            self._scheduler.add_job(self._on_start, DateTrigger(run_date=self._clock.now(), timezone=self._clock.zone),
                                    id="start", replace_existing=True)

    def shutdown(self) -> None:
        """Stop the jobs; wait (a little) for a sync still running in a worker, and drop its result."""
        self._stopped = True
        self._debounce.stop()
        self._retry.stop()
        self._queued = None
        if self._first_paint is not None:
            self._first_paint.cancel()
            self._first_paint = None
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)
        self._idle.wait(SHUTDOWN_WAIT_S)

    def job_ids(self) -> list[str]:
        return sorted(job.id for job in self._scheduler.get_jobs())

    def next_run_time(self, job_id: str) -> datetime | None:
        job = self._scheduler.get_job(job_id)
        return job.next_run_time if job else None

    def process_due_jobs(self) -> None:
        """Run whatever is due by the clock now (what the timer does when it fires)."""
        self._scheduler.process_now()

    @property
    def busy(self) -> bool:
        """A sync is running in a worker."""
        return self._job is not None

    # --- recomputing -----------------------------------------------------------------------------

    @Slot()
    def data_changed(self) -> None:
        """Something in the book changed: recompute soon (a burst of changes gives one recompute)."""
        self._debounce.start()

    def request_recompute(self, reason: str, *, at_start: bool = False) -> None:
        """Recompute in a worker; while one runs, remember to run once more after it (coalesced)."""
        self._debounce.stop()
        if self._stopped:
            return
        if not self._run_in_worker or not _worker_can_open_the_database():
            self.recompute(reason, at_start=at_start)
            return
        if self._job is not None:
            queued_at_start = self._queued[1] if self._queued else False
            self._queued = (reason, at_start or queued_at_start)
            return
        self._retry.stop()
        self._seq += 1
        self._job_seq, self._job_at_start = self._seq, at_start
        self._idle.clear()
        job = Job(_sync_in_worker, self._sync, self._clock, self._idle)
        job.finished.connect(self.on_job_finished)
        job.failed.connect(self.on_job_failed)
        job.done.connect(self.on_job_done)
        self._job = job
        self.syncs_in_worker += 1
        log.debug("reminders: recompute in a worker (%s)", reason)
        job.start()

    def recompute(self, reason: str, *, at_start: bool = False) -> SyncResult | None:
        """Recompute now, on this thread (after a sync still running in a worker has finished)."""
        self._debounce.stop()
        self._idle.wait(SHUTDOWN_WAIT_S)  # never two syncs at once
        self._seq += 1
        try:
            result = self._sync(self._clock)
        except (DomainError, PeeweeException) as exc:
            self._report_failure(reason, exc)
            return None
        self._deliver(result, self._seq, at_start)
        return result

    def on_job_finished(self, result: SyncResult) -> None:
        if not self._stopped:
            self._retries = 0
            self._deliver(result, self._job_seq, self._job_at_start)

    def on_job_failed(self, exc: BaseException) -> None:
        if self._stopped:
            return
        if _is_busy(exc) and self._retries < MAX_RETRIES:  # lost a race for the write lock: try again
            self._retries += 1
            self._retry_at_start = self._job_at_start
            self._retry.start()
            log.info("reminders: the database was busy; recomputing again shortly")
            return
        self._retries = 0
        if isinstance(exc, (DomainError, PeeweeException)):
            self._report_failure("worker", exc)
        else:
            log.error("reminders: the recompute failed", exc_info=exc)
            self.recompute_failed.emit(str(exc))

    def on_job_done(self) -> None:
        self._job = None
        queued, self._queued = self._queued, None
        if queued is not None and not self._stopped:
            self.request_recompute(queued[0], at_start=queued[1])

    def _report_failure(self, reason: str, exc: BaseException) -> None:
        log.warning("reminders not recomputed (%s): %s", reason, exc)
        self.recompute_failed.emit(str(exc))

    def _deliver(self, result: SyncResult, seq: int, at_start: bool) -> None:
        if seq > self._result_seq:  # a newer count than the one shown
            self._result_seq = seq
            self.last_result = result
            self._mark_time()
            self.reminders_updated.emit(result.due_count)
        if result.new:  # raised once whatever the order: the sync that made them new is the only one
            (self.away_reminders_found if at_start else self.reminders_raised).emit(list(result.new))

    def _on_start(self) -> None:
        self.request_recompute("start", at_start=True)

    def _mark_time(self) -> None:
        self._last_wall, self._last_mono = self._clock.now(), self._monotonic()

    def _check_wake(self) -> None:
        """The wall clock ran ahead of the monotonic one: the machine slept (or its time was set)."""
        wall, mono = self._clock.now(), self._monotonic()
        if self._last_wall is None:
            self._mark_time()
            return
        drift = (wall - self._last_wall) - timedelta(seconds=mono - self._last_mono)
        self._last_wall, self._last_mono = wall, mono
        if abs(drift) > WAKE_TOLERANCE:
            self.wakes += 1
            self.request_recompute("woke from sleep")
