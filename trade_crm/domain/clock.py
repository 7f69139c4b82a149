"""Time passed in, never fetched deep inside: tests pick any day, DST edge or time zone."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Protocol
from zoneinfo import ZoneInfo


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware UTC."""

    @property
    def zone(self) -> tzinfo:
        """The user's time zone: their 'today' is what a follow-up date means."""


def local_zone() -> tzinfo:
    """The computer's IANA zone (so DST moves with it), else its current fixed offset."""
    try:
        from tzlocal import get_localzone

        return get_localzone()
    except Exception:  # no zone configured (a bare container): the current offset is the best guess
        return datetime.now().astimezone().tzinfo or timezone.utc


def today(clock: Clock) -> date:
    return clock.now().astimezone(clock.zone).date()


@dataclass
class SystemClock:
    zone: tzinfo = field(default_factory=local_zone)

    def now(self) -> datetime:
        return datetime.now(timezone.utc)


@dataclass
class FixedClock:
    """A clock for tests and `--date` checks: it shows `instant` until moved with `advance`."""

    instant: datetime
    zone: tzinfo = timezone.utc

    @classmethod
    def at(cls, text: str, zone: str = "UTC") -> FixedClock:
        """`FixedClock.at("2026-03-29 09:00", "Europe/Berlin")`: that wall time in that zone."""
        tz = ZoneInfo(zone)
        return cls(datetime.fromisoformat(text).replace(tzinfo=tz).astimezone(timezone.utc), tz)

    def now(self) -> datetime:
        return self.instant

    def advance(self, delta: timedelta) -> None:
        self.instant += delta
