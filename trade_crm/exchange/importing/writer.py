"""One writer for both imports: the batch row, new ids, tags and custom fields, and the journal.

A trade-show list (importing.commit) and an exported book coming back (importing.book.commit)
write through it inside one `database.atomic()`: a failure, a cancel or a killed process leaves
the book as it was. Rows go in with plain SQL through the bound connection (a model call per row
would take seconds for 10,000 customers); every row added, changed or deleted on a stored record
is recorded in the typed journal that undo replays.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime, timezone
from decimal import Decimal

from trade_crm.exchange.importing.journal import Added, Journal
from trade_crm.exchange.importing.plan import ImportPlan
from trade_crm.store import sql_rows
from trade_crm.store.models import database

BULK_CACHE_KIB = sql_rows.BULK_CACHE_KIB
ID_BLOCK = 1000  # ids reserved at a time: on a server each block moves the id sequence once
_FORMAT = "%Y-%m-%d %H:%M:%S"


def utc_stamp(instant: datetime) -> str:
    return instant.astimezone(timezone.utc).strftime(_FORMAT)


def page_cache(kib: int = BULK_CACHE_KIB):
    """A bigger page cache for one bulk write (the search index's pages stay in memory), then the old one;
    nothing on a server book (store/sql_rows.py)."""
    return sql_rows.bulk_write_settings(kib)


VERSIONED = frozenset({"customer", "contact", "opportunity"})  # tables whose saves are versioned (conflicts.py)


class BatchWriter:
    """Opens an ImportBatch row; hands out ids, tag and custom-field ids; keeps the journal; closes the batch."""

    def __init__(self, plan: ImportPlan, now: str):
        self.plan, self.now = plan, now
        self.cur = database.obj.cursor()
        self.journal = Journal()
        self.next_id: dict[str, int] = {}
        self.block_end: dict[str, int] = {}  # per table, the last id of the block reserved so far
        self.tag_ids: dict[str, int] = {}
        self.field_ids: dict[str, int] = {}
        self.batch_id: int = sql_rows.insert_returning_id("import_batch", {
            "file_name": plan.file_name, "source": plan.options.source, "tag": ", ".join(plan.batch_tags),
            "created_at": now})

    # --- ids ------------------------------------------------------------------------------------

    def reserve(self, table: str, kept: Iterable[int] = ()) -> None:
        """Fix `table`'s next free id now (above the `kept` ids a file brings), before anything is
        deleted, so no id is used twice in a batch."""
        self.next_id[table] = sql_rows.reserve_ids(table, ID_BLOCK, above=max(kept, default=0))
        self.block_end[table] = self.next_id[table] + ID_BLOCK - 1

    def new_id(self, table: str, wanted: int | None = None) -> int:
        """`wanted` when given, else the next free id. Ids are handed out here so rows can be buffered
        and written with executemany: the ids of a reserved block are nobody else's (SQLite: the
        transaction holds the write lock; a server: the id sequence moved past the block)."""
        if wanted is not None:
            return wanted
        if table not in self.next_id:
            self.reserve(table)
        elif self.next_id[table] > self.block_end[table]:
            self.next_id[table] = sql_rows.reserve_ids(table, ID_BLOCK, above=self.next_id[table] - 1)
            self.block_end[table] = self.next_id[table] + ID_BLOCK - 1
        self.next_id[table] += 1
        return self.next_id[table] - 1

    # --- tags and custom fields, found or added --------------------------------------------------

    def tag_id(self, name: str) -> int:
        if name not in self.tag_ids:
            row = self.cur.execute("SELECT id FROM tag WHERE name = ?", (name,)).fetchone()
            if row is None:
                row = (sql_rows.insert_returning_id("tag", {"name": name}),)
                self.journal.record(Added("tag", row[0]))
            self.tag_ids[name] = row[0]
        return self.tag_ids[name]

    def field_id(self, name: str) -> int:
        if name not in self.field_ids:
            row = self.cur.execute("SELECT id FROM custom_field WHERE name = ?", (name,)).fetchone()
            if row is None:
                position = self.cur.execute("SELECT count(*) FROM custom_field").fetchone()[0]
                row = (sql_rows.insert_returning_id("custom_field", {"name": name, "position": position}),)
                self.journal.record(Added("custom_field", row[0]))
            self.field_ids[name] = row[0]
        return self.field_ids[name]

    # --- rows -----------------------------------------------------------------------------------

    def insert(self, table: str, values: dict) -> None:
        columns = ", ".join(values)
        self.cur.execute(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(values))})",
                         [_db(v) for v in values.values()])

    def update(self, table: str, row_id: int, values: dict) -> None:
        sets = ", ".join(f"{c} = ?" for c in values)
        if table in VERSIONED:  # a form opened before the import sees the change when it saves
            sets += ", version = version + 1"
        self.cur.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*(_db(v) for v in values.values()), row_id])

    def finish(self, summary: dict) -> None:
        """Store the batch's summary and journal (last, in the same transaction)."""
        self.cur.execute("UPDATE import_batch SET summary = ?, journal = ? WHERE id = ?",
                         (json.dumps(summary), self.journal.to_json(), self.batch_id))


def _db(value):
    return str(value) if isinstance(value, Decimal) else value
