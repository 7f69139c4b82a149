"""When the reminders are recomputed: the instants of the scheduler's jobs, in plain Python.

The Qt side (ui/reminders/scheduler.py) only rings at these instants; what they are is decided here, on
the injected Clock's time line, so a test moves a FixedClock and asks what is due. Instants are aware
datetimes; local days come from `zoneinfo`, so the user's midnight is right on the days daylight-saving
time changes: a midnight that does not exist (America/Santiago, first Sunday of September: 00:00 jumps
to 01:00) becomes the instant the day begins, and a midnight that happens twice (America/Havana, first
Sunday of November) is counted once, the first time, because the date only changes then. (APScheduler
3.11's CronTrigger(hour=0) is no substitute: from 29 March 2026 00:01 in Berlin it answers 31 March.)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone, tzinfo
from datetime import time as day_time

SAFETY_NET = timedelta(minutes=15)  # a recompute this often catches changes nobody announced
WAKE_CHECK = timedelta(seconds=60)  # how often the wall clock is compared with the monotonic one

Rule = Callable[[datetime], datetime]  # given the instant a job ran, the instant it runs next (always later)


def start_of_day(day: date, zone: tzinfo) -> datetime:
    """The instant `day` begins in `zone`: its midnight, or (when DST skips midnight) the end of the gap.

    zoneinfo reads a wall time in a gap with the offset from before the change (fold=0), which lands on
    the first instant after the gap; a repeated wall time with fold=0 is its first occurrence."""
    return datetime.combine(day, day_time(0), tzinfo=zone).astimezone(timezone.utc)


def next_local_midnight(after: datetime, zone: tzinfo) -> datetime:
    """The first local midnight in `zone` strictly after `after`.

    The day after `after`'s local date, or the one after that when the clocks were set back over
    midnight and `after` lies in the repeated stretch of a day that has already begun once."""
    day = after.astimezone(zone).date() + timedelta(days=1)
    while (midnight := start_of_day(day, zone)) <= after:
        day += timedelta(days=1)
    return midnight


def local_midnight_at_or_after(now: datetime, zone: tzinfo) -> datetime:
    """`now` itself when a day begins at this very instant, else the next local midnight."""
    today = now.astimezone(zone).date()
    return now if start_of_day(today, zone) == now else next_local_midnight(now, zone)


def next_on_grid(origin: datetime, every: timedelta, after: datetime) -> datetime:
    """The first `origin + k * every` (k >= 1) strictly after `after`: a run that came late, or several
    runs missed while the computer slept, give one run and keep the grid (no drift)."""
    if after < origin:
        return origin + every
    return origin + ((after - origin) // every + 1) * every


def local_midnights(zone: tzinfo) -> Rule:
    """Every local midnight of `zone`."""
    return lambda ran: next_local_midnight(ran, zone)


def every(interval: timedelta, origin: datetime) -> Rule:
    """Every `interval` of elapsed time from `origin` (absolute time: a DST change does not shift it)."""
    return lambda ran: next_on_grid(origin, interval, ran)


class Timetable:
    """Named jobs, each with its next instant and a rule for the one after (none: it runs once).

    The scheduler asks `due(now)` whenever its alarm rings (or a test asks), runs those jobs and tells
    `ran(name, now)`, which moves each to its next instant after `now`: one run however late."""

    def __init__(self) -> None:
        self._next: dict[str, datetime] = {}
        self._rules: dict[str, Rule | None] = {}

    def plan(self, name: str, first: datetime, rule: Rule | None = None) -> None:
        """Run `name` at `first`, then as `rule` says (replacing a job of that name)."""
        self._next[name], self._rules[name] = first, rule

    def due(self, now: datetime) -> list[str]:
        """The jobs whose instant has come, earliest first."""
        return sorted((name for name, at in self._next.items() if at <= now), key=self._next.__getitem__)

    def ran(self, name: str, now: datetime) -> datetime | None:
        """`name` ran at `now`: its next instant, or None when it is done (and dropped)."""
        rule = self._rules.get(name)
        if rule is None:
            self.drop(name)
            return None
        following = rule(max(now, self._next[name]))
        self._next[name] = following
        return following

    def drop(self, name: str) -> None:
        self._next.pop(name, None)
        self._rules.pop(name, None)

    def clear(self) -> None:
        self._next.clear()
        self._rules.clear()

    def next_run(self, name: str) -> datetime | None:
        return self._next.get(name)

    def names(self) -> list[str]:
        return sorted(self._next)
