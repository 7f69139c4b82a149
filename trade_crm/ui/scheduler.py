"""When to recompute reminders: APScheduler 3's QtScheduler, driven by the Qt event loop and a Clock.

The database decides what is due (domain/reminder_sync.py); this only decides *when* to ask: at start,
at the user's local midnight, every 15 minutes as a safety net, after the computer wakes from sleep (the
wall clock jumped ahead of the monotonic clock) and, debounced, when data changed. Jobs run on the GUI
thread (DebugExecutor inside the Qt timer's slot) and hand results to widgets only by signal.

APScheduler 3 reads the time with `datetime.now()`; `_ClockedQtScheduler` makes it read the injected
Clock instead (only while the scheduler itself is working, through a context variable), so a test moves
a FixedClock and calls `process_due_jobs()`: jobs fire with no real waiting.
"""

from __future__ import annotations

import contextlib
import logging
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
from peewee import PeeweeException
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import DomainError
from trade_crm.domain.reminder_sync import SyncResult, sync_reminders

log = logging.getLogger(__name__)

SAFETY_MINUTES = 15
WAKE_CHECK_SECONDS = 60
WAKE_TOLERANCE = timedelta(seconds=90)  # the wall clock ran this much further than the monotonic one
DEBOUNCE_MS = 1500
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


class ReminderScheduler(QObject):
    """Recomputes reminders at the right moments; emits the due count and what is newly due."""

    reminders_updated = Signal(int)  # due count, after every recompute
    reminders_raised = Signal(list)  # [DueReminder] newly due while the app runs
    away_reminders_found = Signal(list)  # [DueReminder] at start: fell due while the app was closed
    recompute_failed = Signal(str)

    JOBS = ("start", "midnight", "safety_net", "wake_check")

    def __init__(self, clock: Clock, parent: QObject | None = None, *,
                 sync: Callable[[Clock], SyncResult] = sync_reminders,
                 monotonic: Callable[[], float] = time.monotonic, debounce_ms: int = DEBOUNCE_MS):
        super().__init__(parent)
        _install_clock_hook()
        self._clock, self._sync, self._monotonic = clock, sync, monotonic
        self._scheduler = _ClockedQtScheduler(clock, self, timezone=clock.zone,
                                              executors={"default": DebugExecutor()},
                                              job_defaults={"coalesce": True, "misfire_grace_time": None,
                                                            "max_instances": 1})
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(lambda: self.recompute("data changed"))
        self._last_wall: datetime | None = None
        self._last_mono = 0.0
        self.last_result: SyncResult | None = None
        self.wakes = 0

    # --- lifecycle ------------------------------------------------------------------------------

    def start(self) -> None:
        """Schedule the jobs; the start job runs as soon as the event loop turns."""
        now, zone = self._clock.now(), self._clock.zone
        self._mark_time()
        add = self._scheduler.add_job
        add(self._on_start, DateTrigger(run_date=now, timezone=zone), id="start")
        add(lambda: self.recompute("midnight"), LocalMidnightTrigger(zone), id="midnight")
        add(lambda: self.recompute("safety net"), IntervalTrigger(
            minutes=SAFETY_MINUTES, start_date=now + timedelta(minutes=SAFETY_MINUTES), timezone=zone),
            id="safety_net")
        add(self._check_wake, IntervalTrigger(
            seconds=WAKE_CHECK_SECONDS, start_date=now + timedelta(seconds=WAKE_CHECK_SECONDS), timezone=zone),
            id="wake_check")
        self._scheduler.start()

    def shutdown(self) -> None:
        self._debounce.stop()
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)

    def job_ids(self) -> list[str]:
        return sorted(job.id for job in self._scheduler.get_jobs())

    def next_run_time(self, job_id: str) -> datetime | None:
        job = self._scheduler.get_job(job_id)
        return job.next_run_time if job else None

    def process_due_jobs(self) -> None:
        """Run whatever is due by the clock now (what the timer does when it fires)."""
        self._scheduler.process_now()

    # --- recomputing -----------------------------------------------------------------------------

    @Slot()
    def data_changed(self) -> None:
        """Something in the book changed: recompute soon (a burst of changes gives one recompute)."""
        self._debounce.start()

    def recompute(self, reason: str, *, at_start: bool = False) -> SyncResult | None:
        self._debounce.stop()
        try:
            result = self._sync(self._clock)
        except (DomainError, PeeweeException) as exc:
            log.warning("reminders not recomputed (%s): %s", reason, exc)
            self.recompute_failed.emit(str(exc))
            return None
        self.last_result = result
        self._mark_time()
        self.reminders_updated.emit(result.due_count)
        if result.new:
            (self.away_reminders_found if at_start else self.reminders_raised).emit(list(result.new))
        return result

    def _on_start(self) -> None:
        self.recompute("start", at_start=True)

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
            self.recompute("woke from sleep")
