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
from trade_crm.domain.customers.conflicts import (
    StaleRead,
    field_conflicts,
    lock_row,
    resolved,
    run_versioned,
    three_way,
)
from trade_crm.domain.customers.contacts import (
    ContactInput,
    add_contact,
    build_channels,
    contacts_of,
    input_of_values,
    input_values,
    remove_contact,
    set_primary_contact,
    update_contact,
    view_values,
    write_contact,
)
from trade_crm.domain.customers.records import (
    CustomerDetail,
    clean_customer_fields,
    create_customer,
    customer_values,
    get_customer,
    mine_values,
    split_values,
    update_customer,
    write_customer,
)
from trade_crm.domain.errors import EditConflict, FieldConflict, ValidationError
from trade_crm.domain.text import clean_line
from trade_crm.store import search
from trade_crm.store.models import Contact, Customer, database


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


@dataclass(frozen=True)
class CustomerEdit:
    """What the form held when Save was pressed (kept by an EditConflict to resolve it)."""

    fields: dict[str, Any]
    contacts: tuple[ContactEdit, ...]
    tags: tuple[str, ...] | None
    custom_fields: dict[str, str]


def save_customer(clock: Clock, customer_id: int | None, fields: dict[str, Any], *,
                  contacts: Sequence[ContactEdit], tags: Sequence[str] | None,
                  custom_fields: dict[str, str], base: CustomerDetail | None = None) -> int:
    """Create (customer_id None) or update a customer with its contacts; returns the customer id.

    For an existing customer, stored contacts missing from `contacts` are removed, those with an id
    are updated and those without are added; the one marked `is_primary` becomes the primary.
    With `base` (the customer as the form loaded it) the save is versioned: only what the person
    changed is written, merged with what others saved since, and fields both changed differently raise
    EditConflict (nothing written); `resolve_customer_form` saves the person's choices.
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
    if base is not None:
        edit = CustomerEdit(dict(fields), tuple(contacts), None if tags is None else tuple(tags), dict(custom_fields))
        return _save_versioned(clock, customer_id, edit, base, cleaned, region)
    with database.atomic():
        update_customer(customer_id, clock, tags=None if tags is None else list(tags), custom_fields=custom_fields,
                        **fields)
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


# --- versioned save ---------------------------------------------------------------------------------

def _primary_id(contacts) -> int | None:
    return next((c.id for c in contacts if c.is_primary), None)


def _save_versioned(clock: Clock, customer_id: int, edit: CustomerEdit, base: CustomerDetail,
                    cleaned: dict[str, Any], region: str | None) -> int:
    mine = mine_values(cleaned, edit.tags, edit.custom_fields)
    base_values = customer_values(base)
    base_contacts = {c.id: c for c in base.contacts}
    typed = [input_values(e.data, region) for e in edit.contacts]
    unknown = {e.contact_id for e in edit.contacts if e.contact_id is not None} - set(base_contacts)
    if unknown:
        raise ValidationError("contacts", f"contact {min(unknown)} does not belong to this customer")

    def step() -> int:
        lock_row(Customer, customer_id)  # one form save at a time per customer: its contacts are read once
        current = get_customer(customer_id)  # NotFoundError when it was deleted meanwhile
        conflicts: list[FieldConflict] = []
        theirs = customer_values(current)
        if current.version == base.version:
            changes = {k: v for k, v in mine.items() if base_values.get(k) != v}
        else:
            merge = three_way(base_values, mine, theirs)
            changes = merge.changes
            conflicts += field_conflicts("customer", customer_id, merge, base_values, mine, theirs,
                                         since=base.version, updated_at=current.updated_at, label=current.name)
        stored = {c.id: c for c in current.contacts}
        contact_writes: list[tuple[int, dict, int, dict]] = []
        additions: list[int] = []  # indexes into edit.contacts
        for index, contact in enumerate(edit.contacts):
            values, raws = typed[index]
            if contact.contact_id is None:
                additions.append(index)
                continue
            was = base_contacts[contact.contact_id]
            now = stored.get(contact.contact_id)
            before = view_values(was)
            if now is None:  # someone removed the person: what this person changed on them comes back
                if values != before:
                    additions.append(index)
                continue
            if now.version == was.version:
                delta = {k: v for k, v in values.items() if before.get(k) != v}
            else:
                now_values = view_values(now)
                merge = three_way(before, values, now_values)
                delta = merge.changes
                saved_at = Contact.select(Contact.updated_at).where(Contact.id == now.id).scalar() \
                    if merge.conflicts else None
                conflicts += field_conflicts("contact", now.id, merge, before, values, now_values,
                                             since=was.version, updated_at=saved_at, label=now.name)
            if delta:
                contact_writes.append((now.id, delta, now.version, raws))
        if conflicts:
            raise EditConflict("customer", customer_id, tuple(conflicts), since=base.version,
                               version=current.version, base=base, mine=edit, theirs=current)
        if changes and not write_customer(customer_id, clock, changes, current.version):
            raise StaleRead
        for contact_id, delta, version, raws in contact_writes:
            if not write_contact(contact_id, clock, delta, version, raws):
                raise StaleRead
        kept = {e.contact_id for e in edit.contacts}
        for contact_id in sorted(set(base_contacts) - kept):
            if contact_id in stored:
                remove_contact(contact_id)
        ids = {index: e.contact_id if e.contact_id in stored else None for index, e in enumerate(edit.contacts)}
        for index in additions:
            ids[index] = add_contact(customer_id, replace(edit.contacts[index].data, is_primary=False), clock)
        primary = _primary_index(list(edit.contacts))
        if primary is not None and ids[primary] != _primary_id(base.contacts) and ids[primary] is not None:
            set_primary_contact(ids[primary])
        search.reindex(database.obj, [customer_id])
        return customer_id

    return run_versioned(step)


def choice_key(conflict: FieldConflict) -> str:
    """How `resolve_customer_form` names one field's choice: "customer:12:city", "contact:40:email"."""
    return f"{conflict.table}:{conflict.row_id}:{conflict.field}"


def resolve_customer_form(clock: Clock, conflict: EditConflict, choices: dict[str, str]) -> int:
    """Save a form's edit over the customer as it was stored at the conflict (`conflict.theirs`):
    fields only one side changed merged, each conflicting field as chosen (`choice_key` -> "mine" or
    "theirs"). The save is versioned against that state, so it conflicts again, correctly, if someone
    saved in between; nothing is written then."""
    edit: CustomerEdit = conflict.mine
    base: CustomerDetail = conflict.base
    theirs: CustomerDetail = conflict.theirs
    cleaned = clean_customer_fields(edit.fields, creating=False)
    region = cleaned.get("country", theirs.country)  # where the person's phone numbers were read
    mine = mine_values(cleaned, edit.tags, edit.custom_fields)
    theirs_values = customer_values(theirs)
    chosen = resolved(three_way(customer_values(base), mine, theirs_values), mine, theirs_values, choices,
                      prefix=f"customer:{conflict.row_id}:")
    fields, tags, custom = split_values(chosen)
    base_contacts = {c.id: c for c in base.contacts}
    mine_contacts = {e.contact_id: e for e in edit.contacts if e.contact_id is not None}
    primary_index = _primary_index(list(edit.contacts))
    primary_edit = edit.contacts[primary_index] if primary_index is not None else None
    primary_moved = primary_edit is not None and primary_edit.contact_id != _primary_id(base.contacts)
    contacts: list[ContactEdit] = []
    for now in theirs.contacts:
        flag = (primary_edit.contact_id == now.id) if primary_moved else now.is_primary
        if now.id not in base_contacts:  # someone else added the person: kept as they are
            contacts.append(ContactEdit(now.id, replace(contact_input_of(now), is_primary=flag)))
        elif now.id in mine_contacts:
            before = view_values(base_contacts[now.id])
            values, _ = input_values(mine_contacts[now.id].data, region)
            now_values = view_values(now)
            merged = now_values | resolved(three_way(before, values, now_values), values, now_values, choices,
                                           prefix=f"contact:{now.id}:")
            contacts.append(ContactEdit(now.id, input_of_values(merged, flag)))
        # else: this person removed the contact; leaving it out of the list removes it
    stored = {c.id for c in theirs.contacts}
    for index, item in enumerate(edit.contacts):
        gone = item.contact_id is not None and item.contact_id not in stored
        if item.contact_id is None or (gone and input_values(item.data, region)[0]
                                       != view_values(base_contacts[item.contact_id])):
            contacts.append(ContactEdit(None, replace(item.data, is_primary=primary_moved and index == primary_index)))
    return save_customer(clock, conflict.row_id, fields, contacts=contacts, tags=tags, custom_fields=custom,
                         base=theirs)
