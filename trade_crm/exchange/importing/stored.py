"""The stored customers an import merges into: what it reads of them once, and how their fields and contacts
meet the list's (one rule for the plan's preview and for the commit)."""

from __future__ import annotations

from dataclasses import dataclass, field

from trade_crm.domain.duplicates.matching import same_person
from trade_crm.exchange.importing.plan import FieldChange, PlannedContact
from trade_crm.store.models import database

MERGE_FIELDS = ("alt_name", "country", "city", "address", "website", "industry", "products", "company_size", "rating")


# --- contacts -------------------------------------------------------------------------------------

def same_contact(a_name: str, a_values: set[str], b_name: str, b_values: set[str]) -> bool:
    if a_name and b_name:
        return same_person(a_name, b_name)
    return bool(a_values & b_values)


def contact_values(contact: PlannedContact) -> set[str]:
    values = set(contact.emails) | {v for v, _ in contact.phones}
    values |= {v for v in (contact.wechat, contact.skype, contact.linkedin) if v}
    return values | ({contact.whatsapp[0]} if contact.whatsapp else set())


# --- stored customers a merge goes into -----------------------------------------------------------

@dataclass
class Existing:
    """A stored customer as the import found it: its columns, and its contacts with their channel values. What a
    merge writes moves `has_primary` and `next_position` along, so nothing is asked of the book again."""

    fields: dict  # id, name, notes, MERGE_FIELDS, updated_at, last_contact_at
    contacts: list[tuple[int, str, set[str]]] = field(default_factory=list)  # (id, name, channel values)
    has_primary: bool = False
    next_position: dict[int, int] = field(default_factory=dict)  # contact id -> its next channel's position


def load_existing(customer_ids: list[int]) -> dict[int, Existing]:
    db, out = database.obj, {}
    marks = ",".join("?" * len(customer_ids))
    if not customer_ids:
        return out
    columns = ("id", "name", "notes", *MERGE_FIELDS, "updated_at", "last_contact_at")
    for row in db.execute_sql(f"SELECT {', '.join(columns)} FROM customer WHERE id IN ({marks})", customer_ids):
        out[row[0]] = Existing(dict(zip(columns, row, strict=True)))
    values: dict[int, set[str]] = {}
    positions: dict[int, int] = {}
    for contact_id, value, position in db.execute_sql(
            f"SELECT ch.contact_id, ch.value, ch.position FROM contact_channel ch JOIN contact p ON p.id = ch.contact_id "
            f"WHERE p.customer_id IN ({marks})", customer_ids):
        values.setdefault(contact_id, set()).add(value)
        positions[contact_id] = max(positions.get(contact_id, 0), position + 1)
    for contact_id, customer_id, name, primary in db.execute_sql(
            f"SELECT id, customer_id, name, is_primary FROM contact WHERE customer_id IN ({marks}) ORDER BY id",
            customer_ids):
        existing = out[customer_id]
        existing.contacts.append((contact_id, name, values.get(contact_id, set())))
        existing.has_primary = existing.has_primary or bool(primary)
        existing.next_position[contact_id] = positions.get(contact_id, 0)
    return out


def field_changes(old: dict, new: dict, notes: str, overwrite: bool) -> list[FieldChange]:
    changes = []
    for key in MERGE_FIELDS:
        value, before = new.get(key), old.get(key)
        if value in (None, "") or value == before:
            continue
        if before in (None, "") or overwrite:
            changes.append(FieldChange(key, before or "", value))
    if notes and notes not in (old.get("notes") or ""):
        before = old.get("notes") or ""
        changes.append(FieldChange("notes", before, f"{before}\n\n{notes}".strip()))
    return changes


def existing_contact(existing: Existing, contact: PlannedContact) -> int | None:
    values = contact_values(contact)
    for contact_id, name, channel_values in existing.contacts:
        if same_contact(name, channel_values, contact.name, values):
            return contact_id
    return None
