"""The demo book's writer: bulk inserts with ``executemany`` inside the caller's transaction, then the
search index brought along."""

from __future__ import annotations

from collections.abc import Iterable

from peewee import SqliteDatabase

from trade_crm.demo.rows import COLUMNS, TABLE_OF, BookRows, DemoSummary, FirstIds
from trade_crm.store import search


def first_free_ids(db: SqliteDatabase) -> FirstIds:
    values = {name: db.execute_sql(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]
              for name, table in TABLE_OF.items()}
    return FirstIds(**values)


def _insert_sql(table: str) -> str:
    columns = COLUMNS[table]
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def write_rows(db: SqliteDatabase, rows: BookRows, tag_ids: dict[str, int]) -> None:
    """Insert one chunk inside the caller's transaction; `tag_ids` (folded name -> id) grows as tags appear."""
    cursor = db.cursor()
    for name, table in TABLE_OF.items():
        batch = getattr(rows, name)
        if batch:
            cursor.executemany(_insert_sql(table), batch)
    links = []
    for cid, tag in rows.customer_tags:
        key = tag.casefold()
        if key not in tag_ids:
            tag_ids[key] = cursor.execute("INSERT INTO tag (name) VALUES (?)", (tag,)).lastrowid
        links.append((cid, tag_ids[key]))
    cursor.executemany("INSERT OR IGNORE INTO customer_tag (customer_id, tag_id) VALUES (?, ?)", links)


def write_book(db: SqliteDatabase, chunks: Iterable[BookRows], *, index: bool = True) -> DemoSummary:
    """Write every chunk, then bring the search index along; call inside `db.atomic()`."""
    had_customers = db.execute_sql("SELECT 1 FROM customer LIMIT 1").fetchone() is not None
    tag_ids = {name.casefold(): tid for tid, name in db.execute_sql("SELECT id, name FROM tag")}
    counts = dict.fromkeys((*TABLE_OF, "customer_tags"), 0)
    countries: set[str] = set()
    new_ids: list[int] = []
    for rows in chunks:
        write_rows(db, rows, tag_ids)
        for name in counts:
            counts[name] += len(getattr(rows, name))
        countries.update(r[2] for r in rows.customers)
        new_ids.extend(r[0] for r in rows.customers)
    if index:
        if had_customers:
            search.reindex(db, new_ids)
        else:
            search.rebuild_index(db)
    return DemoSummary(customers=counts["customers"], contacts=counts["contacts"],
                       interactions=counts["interactions"], orders=counts["orders"],
                       opportunities=counts["opportunities"], countries=len(countries),
                       channels=counts["channels"], tag_links=counts["customer_tags"])
