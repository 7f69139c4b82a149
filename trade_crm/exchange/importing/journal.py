"""The journal of one import batch: every row it added, changed or deleted, so undo restores the book.

Both imports (a trade-show list, and an exported book coming back) write through one BatchWriter
(importing.writer), which records each step here as a frozen entry; history.undo_batch replays
them. The journal is stored in ImportBatch.journal as the JSON object the first version wrote
("created", "customers", "contacts", ... below), so a batch already in a user's book undoes as
before: `Journal.from_json` reads that shape and `to_json` writes it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any


@dataclass(frozen=True, slots=True)
class Added:
    """A row the import inserted; undo deletes it (a new customer's own rows go with it)."""

    table: str
    id: int


@dataclass(frozen=True, slots=True)
class Changed:
    """A stored row whose columns the import changed; undo writes the previous values back."""

    table: str
    id: int
    previous: Mapping[str, Any]  # column -> its value before the import


@dataclass(frozen=True, slots=True)
class Deleted:
    """A stored row the import deleted; undo inserts it again with its id."""

    table: str  # "contact_channel" or "custom_field_value"
    row: tuple  # its columns, DELETED_COLUMNS[table]


@dataclass(frozen=True, slots=True)
class TagLink:
    """A tag the import put on a stored customer (added) or took off it (not added)."""

    customer_id: int
    tag_id: int
    added: bool = True


@dataclass(frozen=True, slots=True)
class Merged:
    """A stored customer the import changed: undo re-indexes it, and a later import that changed it
    again must be undone first."""

    customer_id: int


Entry = Added | Changed | Deleted | TagLink | Merged

DELETED_COLUMNS = {"contact_channel": ("id", "contact_id", "kind", "value", "raw", "position"),
                   "custom_field_value": ("id", "customer_id", "field_id", "value"),
                   "product_price": ("id", "product_id", "min_quantity", "unit_price")}
# The stored JSON's keys, in the order the first version wrote them.
_ADDED = {"customer": "created", "contact": "contacts", "contact_channel": "channels",
          "custom_field_value": "custom_values", "interaction": "interactions", "tag": "tags",
          "custom_field": "custom_fields", "orders": "orders", "attachment": "attachments",
          "product": "products"}  # a product list (importing/products/): the catalog's rows
_CHANGED = {"customer": "customers", "contact": "contact_updates", "contact_channel": "channel_updates",
            "interaction": "interaction_updates", "orders": "order_updates", "product": "product_updates"}
_DELETED = {"contact_channel": "deleted_channels", "custom_field_value": "deleted_custom_values",
            "product_price": "deleted_prices"}
_KEYS = ("created", "customers", "contacts", "channels", "customer_tags", "custom_values", "custom_value_updates",
         "interactions", "tags", "custom_fields", "merged", "orders", "contact_updates", "channel_updates",
         "interaction_updates", "order_updates", "deleted_channels", "removed_tags", "deleted_custom_values",
         "attachments")  # a product list's keys (products, product_updates, deleted_prices) only when it has them


class Journal:
    """The entries of one batch, in the order they were written."""

    __slots__ = ("entries",)

    def __init__(self, entries: list[Entry] | None = None):
        self.entries: list[Entry] = entries if entries is not None else []

    def record(self, entry: Entry) -> None:
        self.entries.append(entry)

    def added(self, table: str) -> list[int]:
        return [e.id for e in self.entries if type(e) is Added and e.table == table]

    def changed(self, table: str) -> list[Changed]:
        return [e for e in self.entries if type(e) is Changed and e.table == table]

    def deleted(self, table: str) -> list[tuple]:
        return [e.row for e in self.entries if type(e) is Deleted and e.table == table]

    def tag_links(self, added: bool) -> list[tuple[int, int]]:
        return [(e.customer_id, e.tag_id) for e in self.entries if type(e) is TagLink and e.added is added]

    @property
    def merged(self) -> list[int]:
        return [e.customer_id for e in self.entries if type(e) is Merged]

    # --- stored form ------------------------------------------------------------------------------

    def to_json(self) -> str:
        out: dict[str, Any] = {key: {} if key.endswith(("customers", "updates")) else [] for key in _KEYS}
        for e in self.entries:
            kind = type(e)
            if kind is Added:
                out.setdefault(_ADDED[e.table], []).append(e.id)
            elif kind is Merged:
                out["merged"].append(e.customer_id)
            elif kind is TagLink:
                out["customer_tags" if e.added else "removed_tags"].append([e.customer_id, e.tag_id])
            elif kind is Changed and e.table == "custom_field_value":
                out["custom_value_updates"].setdefault(str(e.id), e.previous["value"])
            elif kind is Changed:  # one row changed twice: each column's value before the first change
                before = out.setdefault(_CHANGED[e.table], {}).setdefault(str(e.id), {})
                for column, value in e.previous.items():
                    before.setdefault(column, value)
            else:
                out.setdefault(_DELETED[e.table], []).append(list(e.row))
        return json.dumps(out, default=_exact)

    @classmethod
    def from_json(cls, text: str | None) -> Journal:
        """A stored journal, of any version (a key it lacks is an empty list)."""
        data = json.loads(text or "{}")
        entries: list[Entry] = []
        for table, key in _ADDED.items():
            entries += [Added(table, int(i)) for i in data.get(key, [])]
        for table, key in _CHANGED.items():
            entries += [Changed(table, int(i), previous) for i, previous in data.get(key, {}).items()]
        entries += [Changed("custom_field_value", int(i), {"value": v})
                    for i, v in data.get("custom_value_updates", {}).items()]
        for table, key in _DELETED.items():
            entries += [Deleted(table, tuple(row)) for row in data.get(key, [])]
        entries += [TagLink(c, t, True) for c, t in data.get("customer_tags", [])]
        entries += [TagLink(c, t, False) for c, t in data.get("removed_tags", [])]
        entries += [Merged(c) for c in data.get("merged", [])]
        return cls(entries)


def _exact(value: object) -> str:
    """A server's NUMERIC (an order's amount) comes back as Decimal: kept as its exact text."""
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")
