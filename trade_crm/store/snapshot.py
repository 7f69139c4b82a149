"""Exact copies of a customer's rows, to undo a delete (and later a merge or an import update).

Rows are kept as plain column dicts read straight from the book, and restored with their own ids,
so an undo gives back byte-for-byte what was there, relations included. A server's NUMERIC (money)
comes back as Decimal, kept as its exact text so a snapshot is JSON as it is on SQLite.
"""

from __future__ import annotations

from decimal import Decimal

from peewee import Database

# Parent tables first: restoring in this order satisfies every foreign key.
OWNED_TABLES: tuple[tuple[str, str], ...] = (
    ("customer", "id IN ({ids})"),
    ("contact", "customer_id IN ({ids})"),
    ("contact_channel", "contact_id IN (SELECT id FROM contact WHERE customer_id IN ({ids}))"),
    ("interaction", "customer_id IN ({ids})"),
    ("attachment", "customer_id IN ({ids})"),  # the rows; a file's bytes stay on disk (content-addressed)
    ("opportunity", "customer_id IN ({ids})"),
    ("orders", "customer_id IN ({ids})"),
    ("reminder", "customer_id IN ({ids})"),
    ("customer_tag", "customer_id IN ({ids})"),
    ("custom_field_value", "customer_id IN ({ids})"),
)

Snapshot = dict[str, list[dict]]
_ORDER = {"customer_tag": "customer_id, tag_id"}  # each table's rows in one order on both engines; else by id


def take(db: Database, customer_ids: list[int]) -> Snapshot:
    marks = ",".join("?" * len(customer_ids))
    snap: Snapshot = {}
    for table, where in OWNED_TABLES:
        cursor = db.execute_sql(f"SELECT * FROM {table} WHERE {where.format(ids=marks)} "
                                f"ORDER BY {_ORDER.get(table, 'id')}", customer_ids)
        columns = [d[0] for d in cursor.description]
        snap[table] = [dict(zip(columns, map(_plain, row), strict=True)) for row in cursor.fetchall()]
    return snap


def _plain(value):
    return str(value) if isinstance(value, Decimal) else value


def restore(db: Database, snap: Snapshot) -> None:
    """Insert the rows back with their own ids; the caller holds the transaction."""
    for table, _ in OWNED_TABLES:
        rows = snap.get(table) or []
        if not rows:
            continue
        columns = list(rows[0])
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        db.cursor().executemany(sql, [tuple(r[c] for c in columns) for r in rows])


def customer_ids(snap: Snapshot) -> list[int]:
    return [row["id"] for row in snap.get("customer", [])]
