"""The demo book's writer: bulk inserts with ``executemany`` inside the caller's transaction, then the
search index brought along."""

from __future__ import annotations

from collections.abc import Iterable

from peewee import Database

from trade_crm.demo.rows import COLUMNS, TABLE_OF, BookRows, DemoSummary, FirstIds
from trade_crm.store import search, sql_rows


def first_free_ids(db: Database) -> FirstIds:
    """Each table's first id past its stored rows; write_book then moves a server's id sequences past the
    ids it wrote (the demo is loaded in one transaction by one user, so the ids are not reserved first)."""
    values = {name: db.execute_sql(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]
              for name, table in TABLE_OF.items()}
    return FirstIds(**values)


def _insert_sql(table: str) -> str:
    columns = COLUMNS[table]
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def write_rows(db: Database, rows: BookRows, tag_ids: dict[str, int]) -> None:
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
            tag_ids[key] = sql_rows.insert_returning_id("tag", {"name": tag}, db=db)
        links.append((cid, tag_ids[key]))
    sql_rows.insert_ignore("customer_tag", ("customer_id", "tag_id"), links, db=db)


def write_book(db: Database, chunks: Iterable[BookRows], *, index: bool = True) -> DemoSummary:
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
    for table in TABLE_OF.values():  # the rows came with the generator's ids: the next new row's is past them
        sql_rows.sync_ids(table, db=db)
    if index:
        if had_customers:
            search.reindex(db, new_ids)
        else:
            search.rebuild_index(db)
    return DemoSummary(customers=counts["customers"], contacts=counts["contacts"],
                       interactions=counts["interactions"], orders=counts["orders"],
                       opportunities=counts["opportunities"], countries=len(countries),
                       channels=counts["channels"], tag_links=counts["customer_tags"])
