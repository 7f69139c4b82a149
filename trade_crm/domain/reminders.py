"""Reminders as rows: saved once by a stable key, read back when due, then done, dismissed or snoozed.

The reminder engine (which decides *what* is due: follow-ups, greetings, birthdays, dormant
customers) writes through `save_reminder`; the reminder pane reads `due_reminders` and acts with
`mark_done`, `dismiss` and `snooze`. Done and dismissed are final: a stable key saved again never
brings a finished reminder back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from peewee import JOIN

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.text import clean_block, clean_line
from trade_crm.store.models import REMINDER_KINDS, Customer, Reminder, database

FINAL_STATES = ("done", "dismissed")


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

    def is_overdue(self, today: date) -> bool:
        return self.due_on < today


@dataclass(frozen=True)
class SavedReminder:
    """What `save_reminder` did: the row's id, and whether it was new (worth raising) or known."""

    id: int
    created: bool


def _payload_ids(text: str) -> tuple[int, ...]:
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return ()
    ids = data.get("customer_ids", ()) if isinstance(data, dict) else ()
    return tuple(int(i) for i in ids if isinstance(i, int) or str(i).isdigit())


def due_reminders(today: date, now: datetime) -> list[DueReminder]:
    """Open reminders due on or before `today`, and snoozed ones whose time has come; overdue first."""
    if now.tzinfo is None:
        raise ValidationError("now", "a time needs its time zone")
    query = (
        Reminder.select(Reminder, Customer)
        .join(Customer, JOIN.LEFT_OUTER)
        .where(((Reminder.state == "open") & (Reminder.due_on <= today))
               | ((Reminder.state == "snoozed") & (Reminder.snoozed_until <= now)))
        .order_by(Reminder.due_on, Reminder.kind, Reminder.id)
    )
    return [
        DueReminder(
            id=r.id, key=r.key, kind=r.kind, due_on=r.due_on, title=r.title, detail=r.detail,
            customer_id=r.customer_id, customer_name=r.customer.name if r.customer_id else "",
            state=r.state, customer_ids=_payload_ids(r.payload),
        )
        for r in query
    ]


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


def _finish(reminder_id: int, state: str, clock: Clock) -> None:
    with database.atomic():
        if _get_open(reminder_id, state) is not None:
            Reminder.update(state=state, snoozed_until=None, updated_at=clock.now()).where(
                Reminder.id == reminder_id).execute()


def mark_done(reminder_id: int, clock: Clock) -> None:
    _finish(reminder_id, "done", clock)


def dismiss(reminder_id: int, clock: Clock) -> None:
    _finish(reminder_id, "dismissed", clock)


def snooze(reminder_id: int, until: datetime, clock: Clock) -> None:
    """Hide the reminder until `until` (an aware instant in the future)."""
    if until.tzinfo is None:
        raise ValidationError("snoozed_until", "a time needs its time zone")
    if until <= clock.now():
        raise ValidationError("snoozed_until", "snooze to a time in the future")
    with database.atomic():
        _get_open(reminder_id, "snoozed")
        Reminder.update(state="snoozed", snoozed_until=until, updated_at=clock.now()).where(
            Reminder.id == reminder_id).execute()


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
    with database.atomic():
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
