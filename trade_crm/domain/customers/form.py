"""Saving what the customer form holds: the customer, its contact changes, tags and custom fields at once.

The form edits a copy of the contacts; on OK the differences (adds, updates, removes, the primary)
are applied together with the customer's fields in one transaction, so an invalid value anywhere
leaves the database exactly as it was. A bad contact value is reported as `contacts[i].<field>`,
`i` being the contact's position in the list the form passed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from trade_crm.domain.clock import Clock
from trade_crm.domain.customers.contacts import (
    ContactInput,
    add_contact,
    build_channels,
    contacts_of,
    remove_contact,
    set_primary_contact,
    update_contact,
)
from trade_crm.domain.customers.records import clean_customer_fields, create_customer, update_customer
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.text import clean_line
from trade_crm.store.models import Customer, database


@dataclass(frozen=True)
class ContactEdit:
    """One contact as the form holds it: `contact_id` None for a person added in this edit."""

    contact_id: int | None
    data: ContactInput


def contact_input_of(view) -> ContactInput:
    """The editable form of a stored contact (a ContactView)."""
    return ContactInput(
        name=view.name, title=view.title, emails=tuple(view.emails), phones=tuple(view.phones),
        whatsapp=view.whatsapp, wechat=", ".join(view.values("wechat")),
        skype=", ".join(view.values("skype")), linkedin=", ".join(view.values("linkedin")),
        birthday=view.birthday, is_primary=view.is_primary, notes=view.notes,
    )


def validate_contact(data: ContactInput, region: str | None = None) -> None:
    """Check one contact without saving it; raises ValidationError naming the field."""
    channels = build_channels(data, region)
    if not clean_line(data.name) and not channels:
        raise ValidationError("name", "a contact needs a name or a way to reach them")


def _prefixed(index: int, exc: ValidationError) -> ValidationError:
    field = exc.field if exc.field.startswith("contacts[") else f"contacts[{index}].{exc.field}"
    return ValidationError(field, exc.message)


def save_customer(clock: Clock, customer_id: int | None, fields: dict[str, Any], *,
                  contacts: Sequence[ContactEdit], tags: Sequence[str],
                  custom_fields: dict[str, str]) -> int:
    """Create (customer_id None) or update a customer with its contacts; returns the customer id.

    For an existing customer, stored contacts missing from `contacts` are removed, those with an id
    are updated and those without are added; the one marked `is_primary` becomes the primary.
    """
    cleaned = clean_customer_fields(fields, creating=customer_id is None)  # fail before any write
    region = cleaned.get("country") if "country" in cleaned or customer_id is None else (
        Customer.select(Customer.country).where(Customer.id == customer_id).scalar())
    for index, edit in enumerate(contacts):
        try:
            validate_contact(edit.data, region)
        except ValidationError as exc:
            raise _prefixed(index, exc) from exc
    if customer_id is None:
        primary = _primary_index(contacts)
        inputs = [replace(e.data, is_primary=(i == primary)) for i, e in enumerate(contacts)]
        return create_customer(clock, contacts=inputs, tags=list(tags), custom_fields=custom_fields,
                               **fields)
    with database.atomic():
        update_customer(customer_id, clock, tags=list(tags), custom_fields=custom_fields, **fields)
        kept = {e.contact_id for e in contacts if e.contact_id is not None}
        stored = {c.id for c in contacts_of(customer_id)}
        unknown = kept - stored
        if unknown:
            raise ValidationError("contacts", f"contact {min(unknown)} does not belong to this customer")
        for contact_id in sorted(stored - kept):
            remove_contact(contact_id)
        ids: list[int] = []
        for index, edit in enumerate(contacts):
            try:
                if edit.contact_id is None:
                    ids.append(add_contact(customer_id, replace(edit.data, is_primary=False), clock))
                else:
                    update_contact(edit.contact_id, replace(edit.data, is_primary=False), clock)
                    ids.append(edit.contact_id)
            except ValidationError as exc:
                raise _prefixed(index, exc) from exc
        primary = _primary_index(contacts)
        if primary is not None:
            set_primary_contact(ids[primary])
    return customer_id


def _primary_index(contacts: Sequence[ContactEdit]) -> int | None:
    for index, edit in enumerate(contacts):
        if edit.data.is_primary:
            return index
    return 0 if contacts else None
