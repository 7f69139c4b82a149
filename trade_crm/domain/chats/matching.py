"""Whose chat is it: customers whose contacts have a phone or WhatsApp number, or a name, the chat shows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from peewee import fn

from trade_crm.store.models import Contact, ContactChannel, Customer

PHONE_KINDS = ("phone", "whatsapp")


@dataclass(frozen=True)
class ChatMatch:
    customer_id: int
    customer_name: str
    contact_id: int | None
    contact_name: str
    by: str  # "phone" (E.164 equal) or "name" (a contact's name equal, case folded)
    detail: str  # the number or name that matched


def customers_by_phone(numbers: Iterable[str]) -> list[ChatMatch]:
    """Customers with a contact whose phone or WhatsApp channel is one of these E.164 numbers."""
    wanted = sorted(set(numbers))
    if not wanted:
        return []
    rows = (ContactChannel.select(ContactChannel.value, Contact.id, Contact.name, Customer.id, Customer.name)
            .join(Contact).join(Customer)
            .where(ContactChannel.kind.in_(PHONE_KINDS), ContactChannel.value.in_(wanted))
            .order_by(Customer.id, Contact.id).tuples())
    return _unique(ChatMatch(customer_id, customer_name, contact_id, contact_name, "phone", value)
                   for value, contact_id, contact_name, customer_id, customer_name in rows)


def customers_by_contact_name(names: Iterable[str]) -> list[ChatMatch]:
    """Customers with a contact of one of these names (case folded, spaces evened)."""
    wanted = sorted({" ".join(n.split()).casefold() for n in names if n.strip()})
    if not wanted:
        return []
    rows = (Contact.select(Contact.id, Contact.name, Customer.id, Customer.name).join(Customer)
            .where(fn.lower(fn.trim(Contact.name)).in_(wanted)).order_by(Customer.id, Contact.id).tuples())
    return _unique(ChatMatch(customer_id, customer_name, contact_id, contact_name, "name", contact_name)
                   for contact_id, contact_name, customer_id, customer_name in rows
                   if " ".join(contact_name.split()).casefold() in wanted)


def _unique(matches: Iterable[ChatMatch]) -> list[ChatMatch]:
    seen: dict[int, ChatMatch] = {}
    for match in matches:
        seen.setdefault(match.customer_id, match)
    return list(seen.values())
