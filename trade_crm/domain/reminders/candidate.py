"""What a reminder rule proposes, and the time helpers every rule shares (the user's day, in UTC)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import partial
from operator import itemgetter
from typing import Any

_STORED = "%Y-%m-%d %H:%M:%S"  # how UTCDateTimeField writes an instant


class ReminderCandidate(tuple):
    """A reminder a rule says is due by `due_on`; its `key` (kind + subject + date) makes it raised once.

    A rule over the whole book proposes tens of thousands of these, and most are never read beyond their
    key and day (the sync finds them saved already), so a rule may give `say` and `facts` instead of the
    texts: `say(*facts)` makes (title, detail, payload) when they are read, and nothing is kept of them.

    One flat tuple (key, kind, due_on, customer_id, customer_ids, say, *facts): a candidate is one object,
    not an object and a tuple of its facts, so the 57,000 of the 100k book cost half the allocations and
    half the garbage collector's walk over them (compute_reminders re-enables it with all of them young).
    """

    __slots__ = ()

    key = property(itemgetter(0))
    kind = property(itemgetter(1))  # one of store.models.REMINDER_KINDS
    due_on = property(itemgetter(2))
    customer_id = property(itemgetter(3))  # the one customer it is about, if any
    customer_ids = property(itemgetter(4))  # every customer it concerns (a greeting lists many)

    def __new__(cls, key: str, kind: str, due_on: date, title: str, detail: str = "",
                customer_id: int | None = None, customer_ids: tuple[int, ...] = (),
                payload: Mapping[str, Any] | None = None) -> ReminderCandidate:
        return tuple.__new__(cls, (key, kind, due_on, customer_id, tuple(customer_ids), None, title, detail,
                                   dict(payload or {})))

    @classmethod
    def told(cls, say: Callable[..., tuple[str, str, dict[str, Any]]], facts: tuple, key: str, kind: str,
             due_on: date, customer_id: int | None = None) -> ReminderCandidate:
        """A candidate whose texts and payload `say(*facts)` makes when they are read."""
        return _new(cls, (key, kind, due_on, customer_id, (), say, *facts))

    @classmethod
    def maker(cls) -> Callable[[tuple], ReminderCandidate]:
        """`told` for a rule's loop over tens of thousands of rows: the candidate from one tuple
        (key, kind, due_on, customer_id, (), say, *facts), made in C without a call in Python."""
        return partial(_new, cls)

    def texts(self) -> tuple[str, str, dict[str, Any]]:
        """(title, detail, payload), made now when the rule left them to `say`."""
        say = self[5]
        return self[6:9] if say is None else say(*self[6:])

    @property
    def title(self) -> str:
        return self.texts()[0]

    @property
    def detail(self) -> str:
        return self.texts()[1]

    @property
    def payload(self) -> Mapping[str, Any]:
        return self.texts()[2]

    def _compared(self) -> tuple:
        return self.key, self.kind, self.due_on, self.title, self.detail, self.customer_id, self.customer_ids

    def __eq__(self, other: object) -> bool:  # the payload is not compared: the texts say it
        return isinstance(other, ReminderCandidate) and self._compared() == other._compared()

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(self._compared())

    def __repr__(self) -> str:
        return f"ReminderCandidate({self.key!r}, {self.kind!r}, {self.due_on!r}, {self.title!r})"

    def __reduce__(self) -> tuple:  # copy and pickle the tuple as it is (the constructor takes texts, not this)
        return _new, (type(self), tuple(self))

    @property
    def all_customer_ids(self) -> tuple[int, ...]:
        if self.customer_ids:
            return self.customer_ids
        return (self.customer_id,) if self.customer_id is not None else ()


_new = tuple.__new__
BY_KEY, BY_DUE = itemgetter(0), itemgetter(2)  # sort keys made in C, without the properties' call


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


class SharedDays:
    """One text and one date object per day among tens of thousands of candidates (a few hundred days):
    what a rule keeps per candidate until its texts are made is then its own facts alone."""

    __slots__ = ("_texts", "_days", "_pairs")

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._days: dict[str, date] = {}
        self._pairs: dict[str, tuple[str, date]] = {}

    def pair(self, day_text: str) -> tuple[str, date]:
        """(the shared text, the shared date) of `day_text` in one look-up: a rule's loop needs both."""
        made = self._pairs.get(day_text)
        if made is None:
            text = self.text(day_text)
            made = self._pairs[text] = (text, self.day(text))
        return made

    def text(self, day_text: str) -> str:
        return self._texts.setdefault(day_text, day_text)

    def day(self, day_text: str) -> date:
        made = self._days.get(day_text)
        if made is None:
            made = self._days[day_text] = date.fromisoformat(day_text)
        return made


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"
