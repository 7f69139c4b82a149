"""The customer's timeline: logging what happened, and reading it back newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from peewee import JOIN, fn

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.text import clean_block, clean_line
from trade_crm.store.models import CONTACT_KINDS as CONTACT_KINDS  # kept here too: where callers look for it
from trade_crm.store.models import INTERACTION_KINDS, Contact, Customer, Interaction, Order, database


@dataclass(frozen=True)
class TimelineEntry:
    """An interaction or an order, as one line of the timeline."""

    kind: str
    occurred_at: datetime
    summary: str
    body: str = ""
    interaction_id: int | None = None
    order_id: int | None = None
    contact_name: str = ""
    follow_up_on: date | None = None
    amount: Decimal | None = None
    currency: str = ""


# Kinds the app writes itself (an import, a computed stage change, a merge, a change of owner): never offered
# to a person.
SYSTEM_KINDS = frozenset({"import", "stage_change", "merge", "handover"})
LOGGABLE_KINDS = tuple(kind for kind in INTERACTION_KINDS if kind not in SYSTEM_KINDS)


def entry_customer(customer_id: int, contact_id: int | None) -> Customer:
    """The customer a new timeline entry goes to, checked with its contact (who must be theirs)."""
    customer = Customer.get_or_none(Customer.id == customer_id)
    if customer is None:
        raise NotFoundError("customer", customer_id)
    if contact_id is not None and not Contact.select().where(
            Contact.id == contact_id, Contact.customer == customer_id).exists():
        raise ValidationError("contact", f"contact {contact_id} does not belong to customer {customer_id}")
    return customer


def log_interaction(customer_id: int, kind: str, summary: str, clock: Clock, *,
                    occurred_at: datetime | None = None, body: str = "", contact_id: int | None = None,
                    follow_up_on: date | None = None, valid_until: date | None = None) -> int:
    """Record an interaction; "last contact" and the next follow-up day move with it."""
    if kind not in INTERACTION_KINDS:
        raise ValidationError("kind", f'"{kind}" is not one of {", ".join(INTERACTION_KINDS)}')
    summary = clean_line(summary)
    if not summary:
        raise ValidationError("summary", "say in a few words what happened")
    when = occurred_at or clock.now()
    if when.tzinfo is None:
        raise ValidationError("occurred_at", "a time needs its time zone")
    with database.atomic():
        customer = entry_customer(customer_id, contact_id)
        interaction_id = Interaction.insert(
            customer=customer_id, contact=contact_id, kind=kind, occurred_at=when, summary=summary,
            body=clean_block(body), follow_up_on=follow_up_on, valid_until=valid_until, created_at=clock.now(),
        ).execute()
        changes = {}
        if kind in CONTACT_KINDS and (customer.last_contact_at is None or when > customer.last_contact_at):
            changes["last_contact_at"] = when
        if follow_up_on is not None:  # a field a person edits too: its version moves (derived ones do not)
            changes["follow_up_on"] = follow_up_on
            changes["version"] = Customer.version + 1
        if changes:
            Customer.update(**changes).where(Customer.id == customer_id).execute()
    return interaction_id


def refresh_last_contact(customer_id: int) -> None:
    newest = (Interaction.select(fn.MAX(Interaction.occurred_at))
              .where(Interaction.customer == customer_id, Interaction.kind.in_(list(CONTACT_KINDS))).scalar())
    Customer.update(last_contact_at=newest).where(Customer.id == customer_id).execute()


def timeline(customer_id: int, limit: int | None = None) -> list[TimelineEntry]:
    """Interactions and orders of one customer, newest first."""
    entries = [
        TimelineEntry(kind=i.kind, occurred_at=i.occurred_at, summary=i.summary, body=i.body,
                      interaction_id=i.id, contact_name=i.contact.name if i.contact_id else "",
                      follow_up_on=i.follow_up_on)
        for i in Interaction.select(Interaction, Contact).join(Contact, join_type=JOIN.LEFT_OUTER,
                                                               on=(Interaction.contact == Contact.id))
        .where(Interaction.customer == customer_id)
    ]
    for order in Order.select().where(Order.customer == customer_id):
        when = datetime.combine(order.ordered_on, time(12), tzinfo=order.created_at.tzinfo)
        label = order.reference or order.notes
        entries.append(TimelineEntry(kind="order", occurred_at=when, summary=label, order_id=order.id,
                                     amount=order.amount, currency=order.currency))
    entries.sort(key=lambda e: e.occurred_at, reverse=True)
    return entries[:limit] if limit else entries
