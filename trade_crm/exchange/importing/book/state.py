"""The stored customers an exported book touches, loaded as plain records that remember their old values.

An import of an exported book works on these records: load the customers, apply the rows' edits
(export_import_edits), then write what changed (export_import_commit). Each record keeps the value a
column had before it was first changed, which is both what the preview shows and what the journal
keeps so that an undo restores the row exactly. Values are in their stored form (dates and instants
as text, booleans as 0/1), so comparing and writing back need no conversion.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from trade_crm.domain.duplicates.matching import same_person
from trade_crm.domain.text import clean_block, clean_line
from trade_crm.exchange.exporting.labels import code_of
from trade_crm.store.fields import money_value
from trade_crm.store.models import database

CUSTOMER_COLUMNS = ("name", "alt_name", "country", "city", "address", "website", "source", "industry", "products",
                    "company_size", "rating", "preferred_language", "currency", "notes", "lifecycle", "lost",
                    "follow_up_on", "last_contact_at", "created_at", "updated_at")
CONTACT_COLUMNS = ("name", "title", "birthday", "is_primary", "notes", "created_at", "updated_at")
INTERACTION_COLUMNS = ("contact_id", "kind", "occurred_at", "summary", "body", "follow_up_on", "valid_until",
                       "created_at")
ORDER_COLUMNS = ("ordered_on", "amount", "currency", "reference", "notes", "created_at")
CUSTOMER_DEFAULTS = {"name": "", "alt_name": "", "country": None, "city": "", "address": "", "website": "", "source": "other",
                     "industry": "", "products": "", "company_size": "", "rating": None, "preferred_language": "",
                     "currency": "", "notes": "", "lifecycle": "potential", "lost": False, "follow_up_on": None,
                     "last_contact_at": None}
_CHUNK = 500


@dataclass(eq=False)
class Record:
    """One stored (id set) or new (id None) row: its values, and the old value of each changed column."""

    id: int | None
    values: dict
    old: dict = field(default_factory=dict)
    new_id: int | None = None  # a new row's id when it keeps the one it had in the file

    def get(self, column: str):
        return self.values.get(column)

    def set(self, column: str, value) -> bool:
        """Change a column; False when it already holds `value`."""
        current = self.values.get(column)
        if _same(current, value):
            return False
        if self.id is not None and column not in self.old:
            self.old[column] = current
        self.values[column] = value
        return True

    @property
    def changed(self) -> dict:
        """The columns whose value differs from the stored one now, with the stored value."""
        return {c: v for c, v in self.old.items() if not _same(v, self.values.get(c))}


def alike(column: str, stored, value) -> bool:
    """Whether a cell says what is stored (text compared as it would be stored: "\\tTabbed" ~ "Tabbed")."""
    if isinstance(stored, str) and isinstance(value, str):
        clean = clean_block if column in ("notes", "body") else clean_line
        if column == "preferred_language":  # "German" typed, shown as "德语", read back as "de": the same
            return code_of("language", clean(stored)) == code_of("language", value)
        return clean(stored) == value
    return stored == value or (stored in (None, "") and value in (None, ""))


def _same(a, b) -> bool:
    if isinstance(a, (Decimal, float, int)) and isinstance(b, (Decimal, float, int)) \
            and not isinstance(a, bool) and not isinstance(b, bool):
        return money_value(a) == money_value(b)
    return a == b


@dataclass(eq=False)
class ContactState(Record):
    channels: list[Record] = field(default_factory=list)  # values: kind, value, raw, position
    removed: list[Record] = field(default_factory=list)  # stored channels to delete

    def channel_values(self, kind: str | None = None) -> list[str]:
        return [c.values["value"] for c in self.channels if kind is None or c.values["kind"] == kind]

    @property
    def is_primary(self) -> bool:
        return bool(self.values.get("is_primary"))


@dataclass(eq=False)
class CustomerState:
    row: Record
    tags: list[str] = field(default_factory=list)
    old_tags: list[str] | None = None  # the stored tags, once the tags were changed
    custom: dict[str, str] = field(default_factory=dict)
    old_custom: dict[str, str | None] = field(default_factory=dict)  # name -> stored value (None: none)
    contacts: list[ContactState] = field(default_factory=list)
    interactions: list[Record] = field(default_factory=list)  # values["contact_id"]: an id or a ContactState
    orders: list[Record] = field(default_factory=list)

    @property
    def id(self) -> int | None:
        return self.row.id

    def set_tags(self, names: Sequence[str]) -> bool:
        if [n.casefold() for n in sorted(names, key=str.casefold)] == \
                [n.casefold() for n in sorted(self.tags, key=str.casefold)]:
            return False
        if self.old_tags is None:
            self.old_tags = list(self.tags)
        self.tags = list(names)
        return True

    def set_custom(self, name: str, value: str) -> bool:
        if self.custom.get(name, "") == value:
            return False
        self.old_custom.setdefault(name, self.custom.get(name))
        if value:
            self.custom[name] = value
        else:
            self.custom.pop(name, None)
        return True

    def primary(self) -> ContactState | None:
        return next((c for c in self.contacts if c.is_primary), self.contacts[0] if self.contacts else None)

    def contact_named(self, name: str) -> ContactState | None:
        exact = next((c for c in self.contacts if c.get("name") == name), None)
        return exact or next((c for c in self.contacts if c.get("name") and same_person(c.get("name"), name)), None)


def new_customer(keep_id: int | None = None) -> CustomerState:
    return CustomerState(Record(None, dict(CUSTOMER_DEFAULTS), new_id=keep_id))


def load_states(customer_ids: Sequence[int]) -> dict[int, CustomerState]:
    """The stored customers `customer_ids` with their tags, custom fields, contacts, timeline and orders."""
    out: dict[int, CustomerState] = {}
    ids = sorted(set(customer_ids))
    for start in range(0, len(ids), _CHUNK):
        out.update(_load_chunk(ids[start:start + _CHUNK]))
    return out


def _rows(sql: str, ids: Sequence[int]) -> list[tuple]:
    return database.obj.execute_sql(sql.format(marks=",".join("?" * len(ids))), list(ids)).fetchall()


def _load_chunk(ids: list[int]) -> dict[int, CustomerState]:
    out = {row[0]: CustomerState(Record(row[0], dict(zip(CUSTOMER_COLUMNS, row[1:], strict=True))))
           for row in _rows(f"SELECT id, {', '.join(CUSTOMER_COLUMNS)} FROM customer WHERE id IN ({{marks}})", ids)}
    if not out:
        return out
    ids = sorted(out)
    for cid, name in _rows("SELECT ct.customer_id, t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
                           "WHERE ct.customer_id IN ({marks}) ORDER BY t.name", ids):
        out[cid].tags.append(name)
    for cid, name, value in _rows("SELECT v.customer_id, f.name, v.value FROM custom_field_value v "
                                  "JOIN custom_field f ON f.id = v.field_id WHERE v.customer_id IN ({marks})", ids):
        out[cid].custom[name] = value
    contacts: dict[int, ContactState] = {}
    for row in _rows(f"SELECT id, customer_id, {', '.join(CONTACT_COLUMNS)} FROM contact "
                     f"WHERE customer_id IN ({{marks}}) ORDER BY is_primary DESC, id", ids):
        contact = ContactState(row[0], dict(zip(CONTACT_COLUMNS, row[2:], strict=True)))
        contacts[row[0]] = contact
        out[row[1]].contacts.append(contact)
    if contacts:
        for cid, contact_id, kind, value, raw, position in _rows(
                "SELECT ch.id, ch.contact_id, ch.kind, ch.value, ch.raw, ch.position FROM contact_channel ch "
                "JOIN contact p ON p.id = ch.contact_id WHERE p.customer_id IN ({marks}) "
                "ORDER BY ch.contact_id, ch.position, ch.id", ids):
            contacts[contact_id].channels.append(
                Record(cid, {"kind": kind, "value": value, "raw": raw, "position": position}))
    for row in _rows(f"SELECT id, customer_id, {', '.join(INTERACTION_COLUMNS)} FROM interaction "
                     f"WHERE customer_id IN ({{marks}}) ORDER BY occurred_at, id", ids):
        out[row[1]].interactions.append(Record(row[0], dict(zip(INTERACTION_COLUMNS, row[2:], strict=True))))
    for row in _rows(f"SELECT id, customer_id, {', '.join(ORDER_COLUMNS)} FROM orders "
                     f"WHERE customer_id IN ({{marks}}) ORDER BY ordered_on, id", ids):
        out[row[1]].orders.append(Record(row[0], dict(zip(ORDER_COLUMNS, row[2:], strict=True))))
    return out


def owners(table: str, row_ids: Sequence[int]) -> dict[int, int]:
    """row id -> its customer, for the contact, interaction or order ids a file names (to refuse moving one)."""
    ids, out = sorted(set(row_ids)), {}
    for start in range(0, len(ids), _CHUNK):
        out.update(dict(_rows(f"SELECT id, customer_id FROM {table} WHERE id IN ({{marks}})",
                              ids[start:start + _CHUNK])))
    return out


def existing_customers(customer_ids: Sequence[int]) -> dict[int, str]:
    """id -> name of the stored customers among `customer_ids`."""
    ids, out = sorted(set(customer_ids)), {}
    for start in range(0, len(ids), _CHUNK):
        out.update(dict(_rows("SELECT id, name FROM customer WHERE id IN ({marks})", ids[start:start + _CHUNK])))
    return out


def book_is_empty() -> bool:
    return database.obj.execute_sql("SELECT 1 FROM customer LIMIT 1").fetchone() is None
