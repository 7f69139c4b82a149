"""Writing a chat's days to a customer's timeline: one `whatsapp` entry a day, set-based, in the caller's
transaction; the customer's last contact moves as it does for any entry (timeline.log_interaction), and
so the follow-up cadence, which reminders compute from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from trade_crm.domain.clock import Clock
from trade_crm.domain.customers.timeline import entry_customer
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.text import clean_block, clean_line
from trade_crm.store import sql_rows
from trade_crm.store.models import Customer, Interaction, database

KIND = "whatsapp"


@dataclass(frozen=True)
class ChatDay:
    """One day of a chat to write: its entry's time (the day's last message), summary and body."""

    day: date
    occurred_at: datetime  # aware
    summary: str
    body: str


@dataclass(frozen=True)
class StoredDay:
    interaction_id: int
    day: date  # in the zone it was asked in
    occurred_at: datetime
    summary: str
    body: str


@dataclass(frozen=True)
class DaysWritten:
    created: tuple[int, ...]  # the new entries' ids, in the order of the days given
    previous: tuple[tuple[int, dict], ...]  # a grown entry's id and its columns before
    last_contact_before: datetime | None
    last_contact_after: datetime | None


def stored_days(customer_id: int, first: date, last: date, zone: tzinfo) -> dict[date, list[StoredDay]]:
    """The customer's WhatsApp entries from `first` to `last` (days in `zone`), by day."""
    start = datetime.combine(first, time(0), zone).astimezone(timezone.utc)
    end = datetime.combine(last + timedelta(days=1), time(0), zone).astimezone(timezone.utc)
    out: dict[date, list[StoredDay]] = {}
    rows = (Interaction.select(Interaction.id, Interaction.occurred_at, Interaction.summary, Interaction.body)
            .where(Interaction.customer == customer_id, Interaction.kind == KIND,
                   Interaction.occurred_at >= start, Interaction.occurred_at < end).tuples())
    for interaction_id, occurred_at, summary, body in rows:
        day = occurred_at.astimezone(zone).date()
        out.setdefault(day, []).append(StoredDay(interaction_id, day, occurred_at, summary, body))
    return out


def write_days(customer_id: int, new: Sequence[ChatDay], grown: Sequence[tuple[int, ChatDay]],
               clock: Clock, *, contact_id: int | None = None) -> DaysWritten:
    """Add the new days' entries (with the contact the chat is with, when known) and rewrite the grown ones,
    in one transaction (the caller's, when open)."""
    for day in [*new, *(d for _, d in grown)]:
        if day.occurred_at.tzinfo is None:
            raise ValidationError("occurred_at", f"{day.day}: a time needs its time zone")
        if not clean_line(day.summary):
            raise ValidationError("summary", f"{day.day}: say in a few words what happened")
    now = clock.now()
    with database.atomic():
        customer = entry_customer(customer_id, contact_id)
        # Ids picked here and the rows written with one executemany: a model call per row costs a third of
        # a millisecond, and a 40,000-message chat has a thousand days.
        first = sql_rows.reserve_ids("interaction", len(new)) if new else 0
        created = list(range(first, first + len(new)))
        stamp, created_at = Interaction.occurred_at.db_value, Interaction.created_at.db_value(now)
        database.obj.cursor().executemany(
            "INSERT INTO interaction (id, customer_id, contact_id, kind, occurred_at, summary, body, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(i, customer_id, contact_id, KIND, stamp(day.occurred_at), clean_line(day.summary), clean_block(day.body),
              created_at) for i, day in zip(created, new, strict=True)])
        previous = []
        for interaction_id, day in grown:
            row = Interaction.get_or_none(Interaction.id == interaction_id, Interaction.customer == customer_id)
            if row is None:
                raise NotFoundError("interaction", interaction_id)
            previous.append((interaction_id, {"occurred_at": row.occurred_at, "summary": row.summary,
                                              "body": row.body}))
            Interaction.update(occurred_at=day.occurred_at, summary=clean_line(day.summary),
                               body=clean_block(day.body)).where(Interaction.id == interaction_id).execute()
        before = customer.last_contact_at
        newest = max((d.occurred_at for d in [*new, *(d for _, d in grown)]), default=None)
        after = before
        if newest is not None and (before is None or newest > before):
            after = newest
            Customer.update(last_contact_at=newest).where(Customer.id == customer_id).execute()
    return DaysWritten(tuple(created), tuple(previous), before, after)
