"""What a reminder rule proposes, and the time helpers every rule shares (the user's day, in UTC)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Any

_STORED = "%Y-%m-%d %H:%M:%S"  # how UTCDateTimeField writes an instant


@dataclass(frozen=True)
class ReminderCandidate:
    """A reminder a rule says is due by `due_on`; its `key` (kind + subject + date) makes it raised once."""

    key: str
    kind: str  # one of store.models.REMINDER_KINDS
    due_on: date
    title: str
    detail: str = ""
    customer_id: int | None = None  # the one customer it is about, if any
    customer_ids: tuple[int, ...] = ()  # every customer it concerns (a greeting lists many)
    payload: Mapping[str, Any] = field(default_factory=dict, compare=False)

    def stored_payload(self) -> dict[str, Any]:
        data = dict(self.payload)
        if self.customer_ids:
            data["customer_ids"] = list(self.customer_ids)
        return data

    @property
    def all_customer_ids(self) -> tuple[int, ...]:
        if self.customer_ids:
            return self.customer_ids
        return (self.customer_id,) if self.customer_id is not None else ()


def day_start_utc(day: date, zone: tzinfo) -> str:
    """The instant the user's `day` begins, as stored text (sortable against stored instants)."""
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(timezone.utc).strftime(_STORED)


def local_date(stored: str | datetime, zone: tzinfo) -> date:
    """The user's calendar day of a stored UTC instant (text as the column holds it, or a datetime)."""
    if isinstance(stored, datetime):
        instant = stored if stored.tzinfo else stored.replace(tzinfo=timezone.utc)
    else:
        instant = datetime.fromisoformat(stored[:19]).replace(tzinfo=timezone.utc)
    return instant.astimezone(zone).date()


class LocalDays:
    """The user's calendar day of many stored instants at once: a bisect over the day starts in UTC,
    so a rule over 100,000 customers does not convert each instant through the time zone."""

    def __init__(self, zone: tzinfo, stored: Iterable[str | None]):
        texts = [t for t in stored if t]
        self._first = date.fromisoformat(min(texts)[:10]) - timedelta(days=2) if texts else date(2000, 1, 1)
        last = date.fromisoformat(max(texts)[:10]) + timedelta(days=2) if texts else self._first
        self._days = [self._first + timedelta(days=n) for n in range((last - self._first).days + 1)]
        self._starts = [day_start_utc(day, zone) for day in self._days]

    def of(self, stored: str) -> date:
        return self._days[bisect_right(self._starts, stored[:19]) - 1]


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"
