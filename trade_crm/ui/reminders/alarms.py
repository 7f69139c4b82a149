"""APScheduler 3 as the alarm clock of the reminder scheduler, through its public API only.

Each job of the Timetable (domain/reminders/schedule.py) gets one APScheduler job with a plain
DateTrigger at its next instant; it rings once, and the scheduler re-arms it after the run. APScheduler
measures time with the computer's real clock, the app with its injected Clock (a FixedClock in tests), so
an instant is handed over as "this far from now": real now + (instant - clock now). With the system clock
that is the instant itself; with a fixed clock an alarm rings as far ahead as the job is on the clock, and
the scheduler then finds it not yet due and arms it again.

Why a BackgroundScheduler and not APScheduler's QtScheduler: under PySide6 `QTimer.singleShot` returns
None, so QtScheduler can never stop or replace its timer; every re-arm would leave one more live timer,
and they would keep firing after shutdown. The background thread only rings: the job it runs emits a
signal, which a queued connection delivers on this object's (the GUI) thread, so nothing else happens on
APScheduler's thread.

APScheduler is imported when the alarms start, not with this module: run_gui starts the scheduler after
the window's first paint, so its ~30 ms of imports never delay that paint.
"""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QObject, Qt, Signal

from trade_crm.domain.clock import Clock


def real_now() -> datetime:
    """The computer's clock, which APScheduler waits by (the app itself reads its Clock)."""
    return datetime.now(timezone.utc)


class Alarms(QObject):
    """One named alarm per job; `rang(name)` arrives on the GUI thread when one goes off."""

    rang = Signal(str)
    _went_off = Signal(str)  # emitted on APScheduler's thread, re-emitted as `rang` on ours

    def __init__(self, clock: Clock, parent: QObject | None = None):
        super().__init__(parent)
        self._clock = clock
        self._went_off.connect(self.rang, Qt.ConnectionType.QueuedConnection)
        self._scheduler = None  # APScheduler's, made on first use (_made)

    @property
    def running(self) -> bool:
        return self._scheduler is not None and self._scheduler.running

    def _made(self):
        """APScheduler's scheduler, made on first use."""
        if self._scheduler is None:
            # lazy: start-up, APScheduler's imports (~30 ms) wait until the alarms are first used, which
            # run_gui does after the window's first paint
            from apscheduler.executors.debug import DebugExecutor
            from apscheduler.schedulers.background import BackgroundScheduler

            self._scheduler = BackgroundScheduler(
                timezone=timezone.utc, executors={"default": DebugExecutor()},
                job_defaults={"coalesce": True, "misfire_grace_time": None, "max_instances": 1})
        return self._scheduler

    def start(self) -> None:
        if not self.running:
            self._made().start()

    def shutdown(self) -> None:
        """Stop APScheduler's thread; an alarm already on its way to this thread is still delivered."""
        if self._scheduler is None:
            return
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)
        self._scheduler.remove_all_jobs()

    def arm(self, name: str, instant: datetime) -> None:
        """Ring for `name` at `instant` of the Clock (now, if it has passed), replacing its alarm."""
        scheduler = self._made()
        from apscheduler.triggers.date import DateTrigger  # lazy: start-up, see _made

        ring_at = real_now() + (instant - self._clock.now())
        scheduler.add_job(self._went_off.emit, DateTrigger(run_date=ring_at, timezone=timezone.utc),
                          args=[name], id=name, name=name, replace_existing=True)

    def disarm(self, name: str) -> None:
        if self._scheduler is None:
            return
        from apscheduler.jobstores.base import JobLookupError  # lazy: start-up, see _made

        try:
            self._scheduler.remove_job(name)
        except JobLookupError:  # it already rang (a DateTrigger's job ends with its one run)
            pass

    def is_armed(self, name: str) -> bool:
        return self._scheduler is not None and self._scheduler.get_job(name) is not None

    def ring_time(self, name: str) -> datetime | None:
        """When APScheduler will ring for `name`, on the computer's real clock."""
        job = self._scheduler.get_job(name) if self._scheduler is not None else None
        return getattr(job, "next_run_time", None) if job is not None else None

    def names(self) -> list[str]:
        return sorted(job.id for job in self._scheduler.get_jobs()) if self._scheduler is not None else []
