"""A customer's audit trail on a team server: who changed what, when, field by field.

The server's triggers (store/pg_access.py) write one `audit_entry` per changed row; this reads them back
for one customer as frozen dataclasses, readable as the customer is (row-level security). A laptop book
has no triggers and an empty table: every function here returns nothing there.

For the timeline, `changes_of` leaves out what the timeline already shows (a logged call, an order) and
what the app computes by itself (last contact, the stage, the version): a person's changes, not noise.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from trade_crm.store.models import AuditEntry, Tag

HIDDEN_FIELDS = frozenset({"id", "updated_at", "created_at", "version", "last_contact_at", "lifecycle"})
ENTRY_TABLES = frozenset({"interaction", "orders"})  # their inserts are the timeline's own lines
QUIET_INSERTS = frozenset({"contact_channel"})  # a new contact's channels: the contact's line says it


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: object
    after: object


@dataclass(frozen=True)
class AuditChange:
    """One changed row: `action` is insert, update or delete; `changes` the fields a person would care about
    (for an update, before -> after; for an insert or delete, the row's telling values)."""

    id: int
    at: datetime
    actor: str
    table: str
    row_id: int | None
    action: str
    changes: tuple[FieldChange, ...]
    label: str = ""  # what the row is, in a word or two: a contact's name, a tag, the person shared with


def _label(table: str, row: dict, tags: dict[int, str]) -> str:
    if table == "customer_tag":
        return tags.get(row.get("tag_id"), "")
    if table == "customer_share":
        return str(row.get("person", ""))
    for key in ("name", "title", "value", "summary", "reference"):
        if row.get(key):
            return str(row[key])
    return ""


def entries_of(customer_id: int, *, limit: int = 500) -> list[AuditEntry]:
    """The raw entries of one customer, newest first."""
    return list(AuditEntry.select().where(AuditEntry.customer_id == customer_id)
                .order_by(AuditEntry.id.desc()).limit(limit))


def changes_of(customer_id: int, *, limit: int = 500) -> list[AuditChange]:
    """A person's changes to one customer, newest first, without the timeline's own lines or computed fields."""
    entries = entries_of(customer_id, limit=limit)
    tag_ids = {json.loads(e.after or e.before or "{}").get("tag_id") for e in entries if e.tbl == "customer_tag"}
    tags = {t.id: t.name for t in Tag.select().where(Tag.id.in_([t for t in tag_ids if t]))} if tag_ids else {}
    changes = []
    for entry in entries:
        if entry.action == "insert" and (entry.tbl in ENTRY_TABLES or entry.tbl in QUIET_INSERTS):
            continue
        before = json.loads(entry.before) if entry.before else {}
        after = json.loads(entry.after) if entry.after else {}
        if entry.action == "update":
            fields = tuple(FieldChange(k, before.get(k), v) for k, v in after.items() if k not in HIDDEN_FIELDS)
            if not fields:
                continue
            label = ""
        else:
            row = after or before
            fields = ()
            label = _label(entry.tbl, row, tags)
        if entry.action == "update" and entry.tbl != "customer":
            label = _label(entry.tbl, {**before, **after}, tags)
        changes.append(AuditChange(entry.id, entry.at, entry.actor, entry.tbl, entry.row_id, entry.action,
                                   fields, label))
    return changes


def last_change(customer_id: int) -> AuditChange | None:
    """The newest change of the customer's own row (who changed it and when): for a conflict's message."""
    for change in changes_of(customer_id, limit=50):
        if change.table == "customer" and change.action == "update":
            return change
    return None
