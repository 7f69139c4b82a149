"""When to recompute reminders: the domain's Timetable on the injected Clock, rung by APScheduler 3.

The database decides what is due (domain/reminders/sync.py); this only decides *when* to ask: at start
(once the window has painted), at the user's local midnight, every 15 minutes as a safety net, after the
computer wakes from sleep (the wall clock jumped ahead of the monotonic clock) and, debounced, when data
changed. The instants come from domain/reminders/schedule.py; APScheduler (ui/reminders/alarms.py, public
API only) rings at them, and the due jobs run on the GUI thread. The sync itself runs in a worker
(ui/common/workers.py Job), one at a time: a recompute asked for while one runs is coalesced into one more
run after it. Results come back by signal on the GUI thread; the worker never touches a widget.

The worker's database connection: peewee keeps its connection state per thread (SqliteDatabase is
thread-safe by default; check_same_thread=False only lets a connection object be handed across threads),
so the worker opens its own connection to the same file, with the same pragmas, and closes it when the
sync ends. SQLite then serializes the writers: WAL lets the GUI read while the worker writes, and a writer
waits out the other's write lock with the busy timeout. The one case the busy timeout does not cover is a
transaction that read first and then wants to write while the other connection holds the write lock: it
fails at once with "database is locked". The pane's writes (domain/reminders/records.py) begin IMMEDIATE, so they
wait instead; a sync of the worker that loses such a race is retried a moment later (it is idempotent).

A job is due when the Clock says so, whoever asks: a test moves a FixedClock and calls
`process_due_jobs()`, and jobs fire with no real waiting (with `run_in_worker=False` the sync runs right
there; with the worker, wait for the signal).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from peewee import OperationalError, PeeweeException
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

from trade_crm.domain.clock import Clock
from trade_crm.domain.connections import close_thread_connection, workers_can_open_the_book
from trade_crm.domain.errors import DomainError
from trade_crm.domain.reminders.schedule import (
    SAFETY_NET,
    WAKE_CHECK,
    Rule,
    Timetable,
    every,
    local_midnight_at_or_after,
    local_midnights,
)
from trade_crm.domain.reminders.sync import SyncResult, sync_reminders
from trade_crm.ui.common.workers import Job, JobContext
from trade_crm.ui.reminders.alarms import Alarms
from trade_crm.ui.reminders.first_paint import FirstPaint

log = logging.getLogger(__name__)

WAKE_TOLERANCE = timedelta(seconds=90)  # the wall clock ran this much further than the monotonic one
DEBOUNCE_MS = 1500
FIRST_PAINT_WAIT_MS = 1000  # the start job waits this long for the window's first paint at most
RETRY_MS = 2000  # a worker's sync that found the database busy is tried again after this
MAX_RETRIES = 3
SHUTDOWN_WAIT_S = 10.0  # how long shutdown (or a sync on the GUI thread) waits for the worker's sync


def _sync_in_worker(_context: JobContext, sync: Callable[[Clock], SyncResult], clock: Clock,
                    idle: threading.Event) -> SyncResult:
    """On a worker thread: the sync on this thread's own connection, closed again when it is done."""
    try:
        return sync(clock)
    finally:
        try:
            close_thread_connection()  # this thread's connection only; the GUI thread's stays open
        except PeeweeException as exc:  # never hide the sync's own outcome behind this
            log.warning("reminders: the worker's connection did not close: %s", exc)
        finally:
            idle.set()


def _is_busy(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, OperationalError) and ("locked" in text or "busy" in text)


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
        self._clock, self._sync, self._monotonic = clock, sync, monotonic
        self._run_in_worker, self._first_paint_wait_ms = run_in_worker, first_paint_wait_ms
        self._timetable = Timetable()  # when each job runs next, on the Clock
        self._actions: dict[str, Callable[[], None]] = {
            "start": self._on_start, "midnight": lambda: self.request_recompute("midnight"),
            "safety_net": lambda: self.request_recompute("safety net"), "wake_check": self._check_wake}
        self._alarms = Alarms(clock, self)
        self._alarms.rang.connect(self.on_alarms_rang)
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
        self._first_paint: FirstPaint | None = None
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
        """Plan the jobs, then arm their alarms and run the start job once the window has painted (the
        first paint of any widget after this call, or FIRST_PAINT_WAIT_MS when none paints), so neither
        the sync nor APScheduler's start-up competes with the first paint; with `after_first_paint=False`,
        arm now and run the start job as soon as the event loop turns."""
        now, zone = self._clock.now(), self._clock.zone
        self._stopped = False
        self._mark_time()
        self._timetable.clear()
        self._timetable.plan("midnight", local_midnight_at_or_after(now, zone), local_midnights(zone))
        self._timetable.plan("safety_net", now + SAFETY_NET, every(SAFETY_NET, now))
        self._timetable.plan("wake_check", now + WAKE_CHECK, every(WAKE_CHECK, now))
        if after_first_paint and isinstance(QCoreApplication.instance(), QGuiApplication):
            self._first_paint = FirstPaint(self._arm_and_start, self._first_paint_wait_ms, self)
        else:
            self._arm_and_start()

    def _arm_and_start(self) -> None:
        """Arm an alarm for every planned job, and plan the start job now."""
        self._first_paint = None
        if self._stopped:
            return
        self._alarms.start()
        for name in self._timetable.names():
            self._alarms.arm(name, self._timetable.next_run(name))
        self._plan("start", self._clock.now())

    def _plan(self, name: str, first: datetime, rule: Rule | None = None) -> None:
        self._timetable.plan(name, first, rule)
        self._alarms.arm(name, first)

    def shutdown(self) -> None:
        """Stop the jobs; wait (a little) for a sync still running in a worker, and drop its result."""
        self._stopped = True
        self._debounce.stop()
        self._retry.stop()
        self._queued = None
        if self._first_paint is not None:
            self._first_paint.cancel()
            self._first_paint = None
        self._alarms.shutdown()
        self._timetable.clear()
        self._idle.wait(SHUTDOWN_WAIT_S)

    def job_ids(self) -> list[str]:
        return self._timetable.names()

    def next_run_time(self, job_id: str) -> datetime | None:
        """When the job runs next, in the user's zone."""
        instant = self._timetable.next_run(job_id)
        return instant.astimezone(self._clock.zone) if instant is not None else None

    def alarm_time(self, job_id: str) -> datetime | None:
        """When APScheduler rings for the job, on the computer's real clock."""
        return self._alarms.ring_time(job_id)

    def process_due_jobs(self) -> None:
        """Run whatever is due by the clock now (what an alarm does when it rings); re-arm each job for
        its next instant first, so a job that fails still runs next time."""
        now = self._clock.now()
        for name in self._timetable.due(now):
            following = self._timetable.ran(name, now)
            if following is None:
                self._alarms.disarm(name)
            else:
                self._alarms.arm(name, following)
            try:
                self._actions[name]()
            except Exception:  # one failing job must not keep the others from running
                log.exception("reminders: the %s job failed", name)

    @Slot(str)
    def on_alarms_rang(self, name: str) -> None:
        """An alarm went off: run what is due. When the Clock is not there yet (a fixed clock in a test,
        the time set back), the job is not due: arm its alarm again for what is left."""
        if self._stopped:
            return
        self.process_due_jobs()
        instant = self._timetable.next_run(name)
        if instant is not None and not self._alarms.is_armed(name):
            self._alarms.arm(name, instant)

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
        if not self._run_in_worker or not workers_can_open_the_book():
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
        job.report_to(self)
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
