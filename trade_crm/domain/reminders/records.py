"""Reminders as rows: saved once by a stable key, read back when due, then done, dismissed or snoozed.

The reminder engine (which decides *what* is due: follow-ups, greetings, birthdays, dormant
customers) writes through `save_reminder`; the reminder pane reads `due_reminders` (at most a few hundred
of each kind) and `due_counts`, and acts with `mark_done`, `dismiss` and `snooze` or, on several selected
at once, `mark_done_many` and `snooze_many`. Done and dismissed are final: a stable key saved again never
brings a finished reminder back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import cached_property
from typing import Any

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.reminders.due import due_by_kind, due_status, event_day
from trade_crm.domain.text import clean_block, clean_line
from trade_crm.store.models import REMINDER_KINDS, Customer, Reminder, database

FINAL_STATES = ("done", "dismissed")
_STAMP = "%Y-%m-%d %H:%M:%S"  # how UTCDateTimeField stores an instant
_CHUNK = 500  # ids per statement, well under SQLite's variable limit


@dataclass(frozen=True)
class DueReminder:
    """One reminder to show: what, about whom, and since when it is due."""

    id: int
    key: str
    kind: str
    due_on: date
    title: str
    detail: str
    customer_id: int | None
    customer_name: str
    state: str
    customer_ids: tuple[int, ...] = ()
    payload_text: str = field(default="{}", compare=False, repr=False)  # as stored; parsed on first use

    def is_overdue(self, today: date) -> bool:
        """Late: a follow-up after its day, a greeting or birthday only after the event (due.py)."""
        return due_status(self.due_on, self.event_on, today)[0] == "overdue"

    @property
    def event_on(self) -> date | None:
        """The day of the holiday or birthday this reminds of (None for other kinds)."""
        return event_day(self.kind, self.payload)

    @cached_property
    def payload(self) -> dict[str, Any]:
        """What the rule knew when it raised this ({"rule": "cadence", "every": 30, ...}), so the window
        can say it in the user's language; {} for a reminder the user wrote."""
        try:
            data = json.loads(self.payload_text or "{}")
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}


@dataclass(frozen=True)
class SavedReminder:
    """What `save_reminder` did: the row's id, and whether it was new (worth raising) or known."""

    id: int
    created: bool


def payload_ids(text: str | None) -> tuple[int, ...]:
    if not text or '"customer_ids"' not in text:  # most payloads carry no ids: skip the JSON parse
        return ()
    try:
        data = json.loads(text)
    except ValueError:
        return ()
    ids = data.get("customer_ids", ()) if isinstance(data, dict) else ()
    return tuple(int(i) for i in ids if isinstance(i, int) or str(i).isdigit())


_DUE_WHERE = "((r.state = 'open' AND r.due_on <= ?) OR (r.state = 'snoozed' AND r.snoozed_until <= ?))"


def _due_params(today: date, now: datetime) -> tuple[str, str]:
    if now.tzinfo is None:
        raise ValidationError("now", "a time needs its time zone")
    return today.isoformat(), now.astimezone(timezone.utc).strftime(_STAMP)


def due_reminders(today: date, now: datetime, limit_per_kind: int | None = None) -> list[DueReminder]:
    """Open reminders due on or before `today`, and snoozed ones whose time has come; overdue first
    (ordered by due day, kind, id). With `limit_per_kind`, at most that many of each kind, the most
    overdue ones; `due_counts` tells how many there are in all.

    One query (customer names by a join); a payload is parsed only when it names customers.
    """
    params: list[Any] = list(_due_params(today, now))
    if limit_per_kind is None:
        source = f"SELECT r.id FROM reminder r WHERE {_DUE_WHERE}"
    else:  # the first few of each kind: open ones from the (kind, due_on) index of open reminders, which
        # stops after `limit` (scanning every due reminder for a kind with few took 200 ms on 57k), and the
        # few snoozed ones whose time has come
        limit, (day, stamp) = max(0, int(limit_per_kind)), params
        branches, params = [], []
        others = f"kind NOT IN ({','.join('?' * len(REMINDER_KINDS))})"  # a kind an older version stored
        for kind in (*REMINDER_KINDS, None):
            which, kinds = ("kind = ?", [kind]) if kind else (others, list(REMINDER_KINDS))
            branches.append(
                "SELECT id FROM (SELECT id, due_on FROM (SELECT id, due_on FROM reminder WHERE state = 'open' "
                f"AND {which} AND due_on <= ? ORDER BY due_on, id LIMIT ?) AS o UNION ALL SELECT id, due_on FROM "
                f"reminder WHERE state = 'snoozed' AND snoozed_until <= ? AND {which} ORDER BY due_on, id LIMIT ?) AS k")
            params += [*kinds, day, limit, stamp, *kinds, limit]
        source = " UNION ALL ".join(branches)
    cursor = database.execute_sql(
        "SELECT d.id, d.key, d.kind, d.due_on, d.title, d.detail, d.customer_id, c.name, d.state, d.payload "
        f"FROM reminder d LEFT JOIN customer c ON c.id = d.customer_id WHERE d.id IN ({source}) "
        "ORDER BY d.due_on, d.kind, d.id", params)
    day_of = date.fromisoformat
    return [
        DueReminder(rid, key, kind, day_of(due), title, detail, cid, name or "", state, payload_ids(payload),
                    payload or "{}")
        for rid, key, kind, due, title, detail, cid, name, state, payload in cursor
    ]


def due_counts(today: date, now: datetime) -> dict[str, int]:
    """How many reminders are due, by kind (only kinds with any): the same rows as `due_reminders`."""
    return due_by_kind(*_due_params(today, now))


def _get_open(reminder_id: int, target: str) -> Reminder | None:
    """The row to change, or None when it already is in `target` (a repeated click is harmless)."""
    row = Reminder.get_or_none(Reminder.id == reminder_id)
    if row is None:
        raise NotFoundError("reminder", reminder_id)
    if row.state == target and target in FINAL_STATES:
        return None
    if row.state in FINAL_STATES:
        raise ValidationError("state", f"the reminder is already {row.state}")
    return row


def _write():
    """A write transaction that takes SQLite's write lock when it begins (BEGIN IMMEDIATE): it waits
    (busy timeout) for another connection's writer, such as the scheduler's worker thread, instead of
    failing with "database is locked" when it would upgrade a read to a write."""
    return database.atomic("IMMEDIATE")


def _finish(reminder_id: int, state: str, clock: Clock) -> None:
    with _write():
        if _get_open(reminder_id, state) is not None:
            Reminder.update(state=state, snoozed_until=None, updated_at=clock.now()).where(
                Reminder.id == reminder_id).execute()


def mark_done(reminder_id: int, clock: Clock) -> None:
    _finish(reminder_id, "done", clock)


def dismiss(reminder_id: int, clock: Clock) -> None:
    _finish(reminder_id, "dismissed", clock)


def _check_until(until: datetime, clock: Clock) -> None:
    if until.tzinfo is None:
        raise ValidationError("snoozed_until", "a time needs its time zone")
    if until <= clock.now():
        raise ValidationError("snoozed_until", "snooze to a time in the future")


def snooze(reminder_id: int, until: datetime, clock: Clock) -> None:
    """Hide the reminder until `until` (an aware instant in the future)."""
    _check_until(until, clock)
    with _write():
        _get_open(reminder_id, "snoozed")
        Reminder.update(state="snoozed", snoozed_until=until, updated_at=clock.now()).where(
            Reminder.id == reminder_id).execute()


def _ids(ids: Iterable[int]) -> list[int]:
    try:
        return sorted({int(i) for i in ids})
    except (TypeError, ValueError):
        raise ValidationError("ids", "reminder ids are whole numbers") from None


def _update_many(ids: list[int], changes: dict, clock: Clock) -> int:
    """Apply `changes` to those of `ids` that are open or snoozed, in one transaction; how many changed.
    A reminder already done or dismissed (finished elsewhere meanwhile) or gone is left as it is."""
    changed = 0
    with _write():
        for start in range(0, len(ids), _CHUNK):
            changed += Reminder.update(**changes, updated_at=clock.now()).where(
                Reminder.id.in_(ids[start:start + _CHUNK]) & Reminder.state.not_in(FINAL_STATES)).execute()
    return changed


def mark_done_many(ids: Iterable[int], clock: Clock) -> int:
    """Mark every given reminder done in one transaction; returns how many changed."""
    return _update_many(_ids(ids), {"state": "done", "snoozed_until": None}, clock)


def snooze_many(ids: Iterable[int], until: datetime, clock: Clock) -> int:
    """Snooze every given reminder until `until` (aware, in the future) in one transaction; how many."""
    _check_until(until, clock)
    return _update_many(_ids(ids), {"state": "snoozed", "snoozed_until": until}, clock)


def save_reminder(key: str, kind: str, due_on: date, title: str, clock: Clock, *,
                  customer_id: int | None = None, detail: str = "",
                  payload: dict[str, Any] | None = None) -> SavedReminder:
    """Insert a reminder once per stable `key`; a known key (even done or dismissed) is left as it is."""
    key = clean_line(key)
    if not key:
        raise ValidationError("key", "a reminder needs a stable key")
    if kind not in REMINDER_KINDS:
        raise ValidationError("kind", f'"{kind}" is not one of {", ".join(REMINDER_KINDS)}')
    title = clean_line(title)
    if not title:
        raise ValidationError("title", "a reminder needs a title")
    if not isinstance(due_on, date) or isinstance(due_on, datetime):
        raise ValidationError("due_on", "a reminder is due on a date")
    text = json.dumps(payload or {}, ensure_ascii=False, sort_keys=True)
    now = clock.now()
    with _write():
        known = Reminder.get_or_none(Reminder.key == key)
        if known is not None:
            return SavedReminder(known.id, created=False)
        if customer_id is not None and not Customer.select().where(Customer.id == customer_id).exists():
            raise NotFoundError("customer", customer_id)
        reminder_id = Reminder.insert(
            key=key, kind=kind, due_on=due_on, customer=customer_id, title=title,
            detail=clean_block(detail), payload=text, state="open", created_at=now, updated_at=now,
        ).execute()
    return SavedReminder(reminder_id, created=True)
