"""Sequences, light: after a quotation or a sample entry on the timeline, one planned follow-up mail from a
template N days later (at the customer's morning), cancelled when the customer writes back.

`schedule_follow_up` queues it (once per entry: purpose "sequence:<interaction id>"); mail in calls
`cancel_follow_ups` for the customers a new incoming message (not an auto-reply) came from.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta, timezone

from peewee import fn

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.mail.bulk import plan_bulk, queue_plan
from trade_crm.domain.mail.outbox import cancel_on_reply, outbox_entries
from trade_crm.domain.mail.outgoing import OutboxEntry, OutboxState
from trade_crm.domain.mail.templates import QUOTATION_CHASER, SAMPLE_FOLLOW_UP
from trade_crm.store.models import Interaction, OutboxMessage

FOLLOW_UP_TEMPLATES = {"quotation": QUOTATION_CHASER, "sample": SAMPLE_FOLLOW_UP}
FOLLOW_UP_DAYS = {"quotation": 7, "sample": 10}  # a sample travels longer than a quotation
_WAITING = (OutboxState.QUEUED.value, OutboxState.PAUSED.value)


def sequence_purpose(interaction_id: int) -> str:
    return f"sequence:{interaction_id}"


def schedule_follow_up(interaction_id: int, account_id: int, clock: Clock, *, days: int | None = None,
                       template_key: str | None = None) -> OutboxEntry:
    """Queue the follow-up of a quotation or sample entry: `template_key` (default: the quotation chaser or the
    sample follow-up) to the entry's contact (else the customer's primary one), at the customer's first working
    morning `days` after the entry (default 7 for a quotation, 10 for a sample), cancelled by a reply. An entry
    with a follow-up waiting already returns that one."""
    row = Interaction.get_or_none(Interaction.id == interaction_id)
    if row is None:
        raise NotFoundError("timeline entry", interaction_id)
    if row.kind not in FOLLOW_UP_TEMPLATES:
        raise ValidationError("kind", f"a follow-up is planned after a quotation or a sample, not a {row.kind}")
    days = FOLLOW_UP_DAYS[row.kind] if days is None else days
    if not isinstance(days, int) or not 1 <= days <= 365:
        raise ValidationError("days", "follow up 1 to 365 days later")
    purpose = sequence_purpose(interaction_id)
    waiting = [e for e in outbox_entries(customer_id=row.customer_id) if e.purpose == purpose
               and e.state is not OutboxState.CANCELLED]
    if waiting:
        return waiting[0]
    plan = plan_bulk(
        [row.customer_id], template_key or FOLLOW_UP_TEMPLATES[row.kind], account_id, clock, purpose=purpose,
        extra={"entry.summary": row.summary, "entry.date": row.occurred_at.astimezone(clock.zone).date().isoformat()},
        contact_ids={row.customer_id: row.contact_id} if row.contact_id else None,
        not_before=row.occurred_at + timedelta(days=days), cancel_on_reply=True)
    if plan.problems:
        problem = plan.problems[0]
        raise ValidationError(problem.field, problem.message)
    result = queue_plan(plan, clock)
    if not result.entries:
        raise ValidationError("purpose", f"a follow-up of entry {interaction_id} is queued already")
    return result.entries[0]


def cancel_follow_ups(replies: Mapping[int, datetime], clock: Clock) -> int:
    """The customers (id -> when their newest message was sent) wrote back: their planned follow-ups queued before
    that message are cancelled (a message synced from last year cancels nothing planned since). Returns how many."""
    if not replies:
        return 0
    waiting = (OutboxMessage.select(OutboxMessage.customer, fn.MIN(OutboxMessage.created_at).alias("first"))
               .where(OutboxMessage.customer.in_(list(replies)), OutboxMessage.cancel_on_reply == True,  # noqa: E712
                      OutboxMessage.state.in_(_WAITING))
               .group_by(OutboxMessage.customer))  # one query for the batch: mail in is set-based
    return sum(cancel_on_reply(row.customer_id, clock) for row in waiting
               if _utc(row.first) <= replies[row.customer_id])


def _utc(value: datetime | str) -> datetime:
    """MIN() over a timestamp column comes back as text on SQLite."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
