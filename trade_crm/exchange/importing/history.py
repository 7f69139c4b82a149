"""The import history, and undo: what an import created is removed, what it changed is restored.

The batch's journal (written by import_commit) lists the rows it created and the previous value of
every column it changed on rows that were there before. An undo replays it backwards in one
transaction. An import that a later import merged into is undone after that later one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.exchange.importing.commit import utc_stamp
from trade_crm.store import search
from trade_crm.store.models import ImportBatch, database


@dataclass(frozen=True)
class BatchInfo:
    id: int
    file_name: str
    source: str
    tag: str
    created_at: datetime
    undone_at: datetime | None
    summary: dict


@dataclass(frozen=True)
class UndoResult:
    batch: int
    customers_removed: int
    customers_restored: int


def undo_batch(batch_id: int, clock: Clock) -> UndoResult:
    """Remove what the import created and restore what it changed, in one transaction."""
    with database.atomic():
        batch = ImportBatch.get_or_none(ImportBatch.id == batch_id)
        if batch is None:
            raise NotFoundError("import", batch_id)
        if batch.undone_at is not None:
            raise ValidationError("batch", f"import {batch_id} was already undone on {batch.undone_at:%Y-%m-%d %H:%M}")
        j = json.loads(batch.journal or "{}")
        _check_order(batch_id, set(j.get("created", [])) | set(j.get("merged", [])))
        cur = database.obj.cursor()

        def delete(table: str, ids: list) -> None:
            cur.executemany(f"DELETE FROM {table} WHERE id = ?", [(i,) for i in ids])

        delete("interaction", j.get("interactions", []))
        delete("orders", j.get("orders", []))
        delete("contact_channel", j.get("channels", []))
        delete("contact", j.get("contacts", []))
        # An exported book's import also changed and deleted rows: put them back as they were.
        cur.executemany("INSERT INTO contact_channel (id, contact_id, kind, value, raw, position) "
                        "VALUES (?, ?, ?, ?, ?, ?)", j.get("deleted_channels", []))
        for table, key in (("contact_channel", "channel_updates"), ("contact", "contact_updates"),
                           ("interaction", "interaction_updates"), ("orders", "order_updates")):
            for row_id, previous in j.get(key, {}).items():
                _restore(cur, table, int(row_id), previous)
        cur.executemany("DELETE FROM customer_tag WHERE customer_id = ? AND tag_id = ?", j.get("customer_tags", []))
        cur.executemany("INSERT OR IGNORE INTO customer_tag (customer_id, tag_id) VALUES (?, ?)",
                        j.get("removed_tags", []))
        delete("custom_field_value", j.get("custom_values", []))
        cur.executemany("INSERT INTO custom_field_value (id, customer_id, field_id, value) VALUES (?, ?, ?, ?)",
                        j.get("deleted_custom_values", []))
        cur.executemany("UPDATE custom_field_value SET value = ? WHERE id = ?",
                        [(v, int(k)) for k, v in j.get("custom_value_updates", {}).items()])
        for customer_id, previous in j.get("customers", {}).items():
            _restore(cur, "customer", int(customer_id), previous)
        delete("customer", j.get("created", []))
        cur.executemany("DELETE FROM tag WHERE id = ? AND NOT EXISTS (SELECT 1 FROM customer_tag WHERE tag_id = ?)",
                        [(t, t) for t in j.get("tags", [])])
        cur.executemany("DELETE FROM custom_field WHERE id = ? AND NOT EXISTS "
                        "(SELECT 1 FROM custom_field_value WHERE field_id = ?)", [(f, f) for f in j.get("custom_fields", [])])
        restored = j.get("merged", [])
        search.reindex(database.obj, j.get("created", []) + restored)
        cur.execute("UPDATE import_batch SET undone_at = ? WHERE id = ?", (utc_stamp(clock.now()), batch_id))
    return UndoResult(batch_id, len(j.get("created", [])), len(set(restored)))


def _restore(cur, table: str, row_id: int, previous: dict) -> None:
    if previous:
        sets = ", ".join(f"{column} = ?" for column in previous)
        cur.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*previous.values(), row_id])


def _check_order(batch_id: int, customer_ids: set[int]) -> None:
    """A later import that merged into this one's customers must be undone first."""
    later = (ImportBatch.select().where(ImportBatch.id > batch_id, ImportBatch.undone_at.is_null())
             .order_by(ImportBatch.id.desc()))
    for other in later:
        if customer_ids & set(json.loads(other.journal or "{}").get("merged", [])):
            raise ValidationError("batch", f"import {other.id} added to customers of import {batch_id}; "
                                           f"undo import {other.id} first")


def history() -> list[BatchInfo]:
    """Every import, newest first."""
    return [BatchInfo(b.id, b.file_name, b.source, b.tag, b.created_at, b.undone_at, json.loads(b.summary or "{}"))
            for b in ImportBatch.select().order_by(ImportBatch.id.desc())]
