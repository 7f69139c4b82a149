"""Done means done: finishing or snoozing a reminder changes what it was about, and can be taken back.

- Done on a customer's follow-up logs what happened (an `Outcome`, or nothing for "just done") on the
  timeline and sets the next follow-up day from the customer's cadence, or clears it when none applies:
  the customer is no longer overdue anywhere (due.py). A quotation chaser logs the outcome the same way.
- Done on a holiday greeting or a birthday logs "greeted" on the timeline of every customer it covered.
- Snooze on a customer's follow-up moves the follow-up day to the snooze day; any reminder is hidden
  until then.

Each call is one write transaction and returns a `Completion` that `undo_completion` takes back exactly
(reminder states, follow-up days, logged interactions, last-contact times).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from trade_crm.domain.clock import Clock
from trade_crm.domain.clock import today as today_of
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.reminders.due import CUSTOMER_FOLLOW_UP
from trade_crm.domain.reminders.records import FINAL_STATES, payload_ids
from trade_crm.domain.reminders.settings import ReminderSettings
from trade_crm.domain.text import clean_line
from trade_crm.store.models import CONTACT_KINDS, Customer, Interaction, Reminder, database

Greeted = Callable[[str, dict], str]  # (reminder kind, its payload) -> the "greeted" timeline summary
OUTCOME_KINDS = tuple(sorted(CONTACT_KINDS - {"order", "greeting"})) + ("note",)
_CHUNK = 500


@dataclass(frozen=True)
class Outcome:
    """What happened, as the Done dialog asks it: a timeline kind and a few words."""

    kind: str
    summary: str


@dataclass
class Completion:
    """What a done or snooze changed, so that `undo_completion` can put it back."""

    reminders: dict[int, tuple[str, datetime | None]] = field(default_factory=dict)  # id -> (state, snoozed_until)
    follow_ups: dict[int, date | None] = field(default_factory=dict)  # customer id -> follow-up day before
    interactions: list[int] = field(default_factory=list)
    customers: set[int] = field(default_factory=set)  # every customer touched (to refresh in a window)

    @property
    def count(self) -> int:
        return len(self.reminders)


def _rows(ids: Iterable[int]) -> list[Reminder]:
    wanted = sorted({int(i) for i in ids})
    rows: list[Reminder] = []
    for start in range(0, len(wanted), _CHUNK):
        rows.extend(Reminder.select().where(Reminder.id.in_(wanted[start:start + _CHUNK]),
                                            Reminder.state.not_in(list(FINAL_STATES))))
    return rows


def _cadence(customer: Customer, settings: ReminderSettings) -> int:
    return settings.customer_cadence.get(customer.id, settings.cadence.get(customer.rating or "", 0))


def next_follow_up_day(customer_id: int, clock: Clock, settings: ReminderSettings | None = None) -> date | None:
    """The follow-up day Done would set for the customer: today plus their cadence, None without one."""
    customer = Customer.get_or_none(Customer.id == customer_id)
    every = _cadence(customer, settings or ReminderSettings.load()) if customer is not None else 0
    return today_of(clock) + timedelta(days=every) if every > 0 else None


def _log(done: Completion, customer_id: int, kind: str, summary: str, clock: Clock) -> None:
    now = clock.now()
    done.interactions.append(Interaction.insert(
        customer=customer_id, kind=kind, occurred_at=now, summary=summary, created_at=now).execute())
    if kind in CONTACT_KINDS:
        Customer.update(last_contact_at=now).where(
            (Customer.id == customer_id) & ((Customer.last_contact_at.is_null()) | (Customer.last_contact_at < now))
        ).execute()
    done.customers.add(customer_id)


def _move_follow_up(done: Completion, customer: Customer, day: date | None) -> None:
    done.follow_ups.setdefault(customer.id, customer.follow_up_on)
    Customer.update(follow_up_on=day, version=Customer.version + 1).where(Customer.id == customer.id).execute()
    done.customers.add(customer.id)


def _greeted(row: Reminder, say: Greeted | None) -> str:
    try:
        data = json.loads(row.payload or "{}")
    except ValueError:
        data = {}
    if say is not None:
        text = clean_line(say(row.kind, data if isinstance(data, dict) else {}))
        if text:
            return text
    if row.kind == "birthday":
        who = data.get("contact") if isinstance(data, dict) else None
        return f"Birthday greeting to {who}" if who else "Birthday greeting"
    holiday = data.get("holiday") if isinstance(data, dict) else None
    return f"Greeted for {holiday}" if holiday else "Greeted"


def complete_reminders(ids: Iterable[int], clock: Clock, outcome: Outcome | None = None,
                       settings: ReminderSettings | None = None, greeted: Greeted | None = None) -> Completion:
    """Mark the reminders done and do what done means for each (module docstring), in one transaction.
    Reminders already done, dismissed or gone are left out. `greeted(kind, payload)` words the timeline
    entry of a greeting or birthday (the window's, in its language); else it is said in English."""
    if outcome is not None:
        summary = clean_line(outcome.summary)
        if outcome.kind not in OUTCOME_KINDS:
            raise ValidationError("kind", f'"{outcome.kind}" is not one of {", ".join(OUTCOME_KINDS)}')
        if not summary:
            raise ValidationError("summary", "say in a few words what happened")
        outcome = Outcome(outcome.kind, summary)
    settings = settings or ReminderSettings.load()
    today, done = today_of(clock), Completion()
    with database.atomic("IMMEDIATE"):
        for row in _rows(ids):
            done.reminders[row.id] = (row.state, row.snoozed_until)
            customer = Customer.get_or_none(Customer.id == row.customer_id) if row.customer_id else None
            if row.kind == "follow_up" and customer is not None:
                if outcome is not None:
                    _log(done, customer.id, outcome.kind, outcome.summary, clock)
                if row.key.startswith(CUSTOMER_FOLLOW_UP):
                    every = _cadence(customer, settings)
                    _move_follow_up(done, customer, today + timedelta(days=every) if every > 0 else None)
            elif row.kind in ("greeting", "birthday"):
                covered = payload_ids(row.payload) or ((row.customer_id,) if row.customer_id else ())
                existing = {i for (i,) in database.execute_sql(
                    f"SELECT id FROM customer WHERE id IN ({','.join('?' * len(covered))})", covered)} if covered else set()
                for cid in covered:
                    if cid in existing:
                        _log(done, cid, "greeting", _greeted(row, greeted), clock)
            Reminder.update(state="done", snoozed_until=None, updated_at=clock.now()).where(
                Reminder.id == row.id).execute()
    return done


def snooze_reminders(ids: Iterable[int], until: datetime, clock: Clock) -> Completion:
    """Hide the reminders until `until`; a customer's follow-up also moves to that day."""
    if until.tzinfo is None:
        raise ValidationError("snoozed_until", "a time needs its time zone")
    if until <= clock.now():
        raise ValidationError("snoozed_until", "snooze to a time in the future")
    day, done = until.astimezone(clock.zone).date(), Completion()
    with database.atomic("IMMEDIATE"):
        for row in _rows(ids):
            done.reminders[row.id] = (row.state, row.snoozed_until)
            if row.kind == "follow_up" and row.key.startswith(CUSTOMER_FOLLOW_UP) and row.customer_id:
                customer = Customer.get_or_none(Customer.id == row.customer_id)
                if customer is not None:
                    _move_follow_up(done, customer, day)
            Reminder.update(state="snoozed", snoozed_until=until, updated_at=clock.now()).where(
                Reminder.id == row.id).execute()
    return done


def undo_completion(done: Completion, clock: Clock) -> None:
    """Put back what `complete_reminders` or `snooze_reminders` changed, in one transaction."""
    kinds = sorted(CONTACT_KINDS)
    with database.atomic("IMMEDIATE"):
        for start in range(0, len(done.interactions), _CHUNK):
            Interaction.delete().where(Interaction.id.in_(done.interactions[start:start + _CHUNK])).execute()
        touched = sorted(done.customers - set(done.follow_ups)) + sorted(done.follow_ups)
        if done.interactions:
            for start in range(0, len(touched), _CHUNK):
                chunk = touched[start:start + _CHUNK]
                database.execute_sql(
                    "UPDATE customer SET last_contact_at = (SELECT max(i.occurred_at) FROM interaction i "
                    f"WHERE i.customer_id = customer.id AND i.kind IN ({','.join('?' * len(kinds))})) "
                    f"WHERE id IN ({','.join('?' * len(chunk))})", [*kinds, *chunk])
        for cid, day in done.follow_ups.items():
            Customer.update(follow_up_on=day, version=Customer.version + 1).where(Customer.id == cid).execute()
        now = clock.now()
        for rid, (state, until) in done.reminders.items():
            Reminder.update(state=state, snoozed_until=until, updated_at=now).where(Reminder.id == rid).execute()

