"""The import history, and undo: what an import created is removed, what it changed is restored.

The batch's journal (importing.journal, kept by importing.writer) lists the rows it created and
the previous value of every column it changed on rows that were there before. An undo replays it
backwards in one transaction. An import that a later import merged into is undone after that later one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.exchange.importing.journal import DELETED_COLUMNS, Journal
from trade_crm.exchange.importing.writer import utc_stamp
from trade_crm.store import product_search, search, sql_rows
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
    products_removed: int = 0  # a product list's import (importing/products/)
    products_restored: int = 0


def undo_batch(batch_id: int, clock: Clock) -> UndoResult:
    """Remove what the import created and restore what it changed, in one transaction."""
    with database.atomic():
        batch = ImportBatch.get_or_none(ImportBatch.id == batch_id)
        if batch is None:
            raise NotFoundError("import", batch_id)
        if batch.undone_at is not None:
            raise ValidationError("batch", f"import {batch_id} was already undone on {batch.undone_at:%Y-%m-%d %H:%M}")
        if _published(batch.journal):
            raise ValidationError("batch", f"import {batch_id} came with a book published from a laptop; its journal "
                                           "names that book's rows, so it cannot be undone on the server")
        journal = Journal.from_json(batch.journal)
        created, merged = journal.added("customer"), journal.merged
        _check_order(batch_id, set(created) | set(merged))
        products_added, products_changed = journal.added("product"), [e.id for e in journal.changed("product")]
        _check_product_order(batch_id, set(products_added) | set(products_changed))
        cur = database.obj.cursor()

        def delete(table: str) -> None:
            cur.executemany(f"DELETE FROM {table} WHERE id = ?", [(i,) for i in journal.added(table)])

        def reinsert(table: str) -> None:
            columns = DELETED_COLUMNS[table]
            cur.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                            journal.deleted(table))

        def restore(table: str) -> None:
            for entry in journal.changed(table):
                if entry.previous:
                    sets = ", ".join(f"{column} = ?" for column in entry.previous)
                    if table in ("customer", "contact"):  # an undo is a save too: versions only go up
                        sets += ", version = version + 1"
                    cur.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*entry.previous.values(), entry.id])

        for table in ("attachment", "interaction", "orders", "contact_channel", "contact"):  # attachment: a chat's media
            delete(table)
        # An exported book's import also changed and deleted rows: put them back as they were.
        reinsert("contact_channel")
        for table in ("contact_channel", "contact", "interaction", "orders"):
            restore(table)
        cur.executemany("DELETE FROM customer_tag WHERE customer_id = ? AND tag_id = ?", journal.tag_links(True))
        sql_rows.insert_ignore("customer_tag", ("customer_id", "tag_id"), journal.tag_links(False))
        delete("custom_field_value")
        reinsert("custom_field_value")
        restore("custom_field_value")
        restore("customer")
        delete("customer")
        cur.executemany("DELETE FROM tag WHERE id = ? AND NOT EXISTS (SELECT 1 FROM customer_tag WHERE tag_id = ?)",
                        [(t, t) for t in journal.added("tag")])
        cur.executemany("DELETE FROM custom_field WHERE id = ? AND NOT EXISTS "
                        "(SELECT 1 FROM custom_field_value WHERE field_id = ?)",
                        [(f, f) for f in journal.added("custom_field")])
        search.reindex(database.obj, created + merged)
        # A product list: its new products go (tiers with them), updated ones get their row and tiers back.
        cur.executemany("DELETE FROM product_price WHERE product_id = ?",
                        [(i,) for i in products_added + products_changed])
        reinsert("product_price")
        restore("product")
        delete("product")
        product_search.reindex(database.obj, products_added + products_changed)
        cur.execute("UPDATE import_batch SET undone_at = ? WHERE id = ?", (utc_stamp(clock.now()), batch_id))
    return UndoResult(batch_id, len(created), len(set(merged)), len(products_added), len(set(products_changed)))


def _published(journal: str) -> bool:
    """A batch copied in by `team publish` (domain/team/publish.py) keeps no journal of the server's rows."""
    try:
        data = json.loads(journal or "{}")
    except ValueError:
        return False
    return isinstance(data, dict) and "published_from" in data


def _check_order(batch_id: int, customer_ids: set[int]) -> None:
    """A later import that merged into this one's customers must be undone first."""
    later = (ImportBatch.select().where(ImportBatch.id > batch_id, ImportBatch.undone_at.is_null())
             .order_by(ImportBatch.id.desc()))
    for other in later:
        if customer_ids & set(Journal.from_json(other.journal).merged):
            raise ValidationError("batch", f"import {other.id} added to customers of import {batch_id}; "
                                           f"undo import {other.id} first")


def _check_product_order(batch_id: int, product_ids: set[int]) -> None:
    """A later product import that changed this one's products must be undone first."""
    if not product_ids:
        return
    later = (ImportBatch.select().where(ImportBatch.id > batch_id, ImportBatch.undone_at.is_null())
             .order_by(ImportBatch.id.desc()))
    for other in later:
        if product_ids & {e.id for e in Journal.from_json(other.journal).changed("product")}:
            raise ValidationError("batch", f"import {other.id} changed products of import {batch_id}; "
                                           f"undo import {other.id} first")


def history() -> list[BatchInfo]:
    """Every import, newest first."""
    return [BatchInfo(b.id, b.file_name, b.source, b.tag, b.created_at, b.undone_at, json.loads(b.summary or "{}"))
            for b in ImportBatch.select().order_by(ImportBatch.id.desc())]
