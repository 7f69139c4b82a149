"""store/sql_rows.py and the duplicate finder's string helpers of store/sql.py: the same rows and answers on a
SQLite book and on a PostgreSQL one (the `book` fixture runs each test on both)."""

from __future__ import annotations

import pytest
from peewee import SqliteDatabase

from tests.postgres_server import SHARED
from trade_crm.store import sql, sql_rows

STAMP = "2026-11-23 01:30:00"


def add_customer(db, name: str, country: str | None = None, **values) -> int:
    return sql_rows.insert_returning_id("customer", {"name": name, "country": country, "created_at": STAMP,
                                                     "updated_at": STAMP, **values}, db=db)


def ids(db, table: str = "customer") -> list[int]:
    return [i for (i,) in db.execute_sql(f"SELECT id FROM {table} ORDER BY id")]


def test_insert_returning_id_gives_each_new_row_its_own_id(book):
    with book.atomic():
        first, second = add_customer(book, "Acme GmbH"), add_customer(book, "Beta Ltd")
    assert (first, second) == (1, 2)
    assert book.execute_sql("SELECT name FROM customer WHERE id = ?", (second,)).fetchone()[0] == "Beta Ltd"


def test_insert_ignore_skips_rows_whose_key_is_taken_and_counts_those_that_went_in(book):
    with book.atomic():
        cid = add_customer(book, "Acme GmbH")
        tags = [sql_rows.insert_returning_id("tag", {"name": n}, db=book) for n in ("vip", "fair", "agent")]
        assert sql_rows.insert_ignore("customer_tag", ("customer_id", "tag_id"), [(cid, tags[0])], db=book) == 1
        added = sql_rows.insert_ignore("customer_tag", ("customer_id", "tag_id"),
                                       [(cid, tags[0]), (cid, tags[1]), (cid, tags[1]), (cid, tags[2])], db=book)
        assert sql_rows.insert_ignore("customer_tag", ("customer_id", "tag_id"), [], db=book) == 0
    assert added == 2
    assert book.execute_sql("SELECT tag_id FROM customer_tag ORDER BY tag_id").fetchall() == [(t,) for t in tags]


def test_insert_ignore_select_copies_only_the_rows_not_there_yet(book):
    with book.atomic():
        a, b = add_customer(book, "Acme GmbH"), add_customer(book, "Acme Trading")
        vip, fair = (sql_rows.insert_returning_id("tag", {"name": n}, db=book) for n in ("vip", "fair"))
        sql_rows.insert_ignore("customer_tag", ("customer_id", "tag_id"), [(a, vip), (b, vip), (b, fair)], db=book)
        moved = sql_rows.insert_ignore_select("customer_tag", ("customer_id", "tag_id"),
                                              "SELECT DISTINCT CAST(? AS INTEGER), tag_id FROM customer_tag "
                                              "WHERE customer_id = ?", [a, b], db=book)
    assert moved == 1
    assert book.execute_sql("SELECT tag_id FROM customer_tag WHERE customer_id = ? ORDER BY tag_id",
                            (a,)).fetchall() == [(vip,), (fair,)]


def test_reserved_ids_are_past_every_stored_one_and_a_later_insert_gets_none_of_them(book):
    with book.atomic():
        add_customer(book, "Acme GmbH")
        first = sql_rows.reserve_ids("customer", 50, db=book)
        assert first == 2
        for i in range(first, first + 3):  # a bulk writer uses a few of its ids
            book.execute_sql("INSERT INTO customer (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
                             (i, f"Customer {i}", STAMP, STAMP))
        later = add_customer(book, "Later Ltd")
    assert later not in range(first, first + 3)
    assert later == (5 if isinstance(book, SqliteDatabase) else first + 50)  # a server skips the whole block


def test_reserved_ids_start_above_ids_a_file_brings(book):
    with book.atomic():
        add_customer(book, "Acme GmbH")
        first = sql_rows.reserve_ids("customer", 10, above=40, db=book)
    assert first == 41


def test_after_rows_with_picked_ids_a_new_row_gets_the_next_free_id(book):
    with book.atomic():
        book.cursor().executemany("INSERT INTO customer (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
                                  [(i, f"Demo {i}", STAMP, STAMP) for i in (1, 2, 7)])
        sql_rows.sync_ids("customer", db=book)
        new = add_customer(book, "New GmbH")
    assert new == 8 and ids(book) == [1, 2, 7, 8]


@pytest.mark.parametrize("values", [[3, 1], ["max@acme.de", "李@例子.中国", "o'brien@x.ie"], []])
def test_a_list_as_one_parameter_reads_as_a_table_and_as_an_in_list(book, values):
    listed = sql_rows.value_list(values, db=book)
    got = sorted(v for (v,) in book.execute_sql(f"SELECT j.value FROM {listed.sql}", (listed.param,)))
    assert got == sorted(values)
    with book.atomic():
        for n in range(1, 5):
            add_customer(book, f"Customer {n}", notes=f"{n}" if n != 3 else "max@acme.de")
    cond, param = sql_rows.in_values(values, db=book)
    column = "id" if values and isinstance(values[0], int) else "notes"
    found = [i for (i,) in book.execute_sql(f"SELECT id FROM customer WHERE {column} {cond} ORDER BY id", (param,))]
    assert found == ([1, 3] if column == "id" and values else [3] if values else [])


def test_table_exists_says_which_tables_the_book_has(book):
    assert sql_rows.table_exists("customer_segment", db=book)
    assert not sql_rows.table_exists("no_such_table", db=book)


def test_bulk_write_settings_raise_sqlites_page_cache_for_the_write_and_put_it_back(book):
    def cache() -> int:
        return book.execute_sql("PRAGMA cache_size").fetchone()[0]

    before = cache() if isinstance(book, SqliteDatabase) else None
    with sql_rows.bulk_write_settings(64 * 1024, db=book):
        if before is not None:
            assert cache() == -64 * 1024
        add_customer(book, "Acme GmbH")
    if before is not None:
        assert cache() == before
    assert ids(book) == [1]


# -- store/sql.py: the duplicate finder's strings -----------------------------------------------------

def test_string_helpers_give_the_same_values_on_both_engines(book):
    with book.atomic():
        a = add_customer(book, "Ärzte Bedarf GmbH", "DE")
        add_customer(book, "ACME trading", None)
        contact = sql_rows.insert_returning_id("contact", {"customer_id": a, "name": "Max", "created_at": STAMP,
                                                           "updated_at": STAMP}, db=book)
        for value in ("max@aerzte-bedarf.de", "info@aerzte-bedarf.de"):
            sql_rows.insert_returning_id("contact_channel", {"contact_id": contact, "kind": "email", "value": value,
                                                             "raw": "", "position": 0}, db=book)
    blocks = book.execute_sql(f"SELECT {sql.name_block('name', 'country', db=book)}, "
                              f"{sql.name_prefix('name', db=book)} FROM customer ORDER BY id").fetchall()
    assert blocks == [("Är|DE", "Är"), ("ac|", "ac")]  # only A-Z folded, as matching.block_key does
    rows = book.execute_sql(f"SELECT {sql.email_domain('value', db=book)}, {sql.ids_list('id', db=book)} "
                            "FROM contact_channel GROUP BY 1").fetchall()
    assert [(domain, sorted(map(int, listed.split(",")))) for domain, listed in rows] == [("aerzte-bedarf.de", [1, 2])]
    distinct = book.execute_sql(f"SELECT {sql.ids_list('p.customer_id', distinct=True, db=book)} FROM contact_channel "
                                f"ch {sql.join_in_order(db=book)} contact p ON p.id = ch.contact_id").fetchone()[0]
    assert distinct == str(a)
    assert book.execute_sql(f"SELECT count(*) FROM contact_channel WHERE {sql.unindexed('kind', db=book)} = 'email'"
                            ).fetchone()[0] == 2


def test_lookups_by_email_domain_and_name_block_use_the_expression_indexes_on_a_server(pg_db, postgres_server):
    with pg_db.atomic():
        pg_db.cursor().executemany("INSERT INTO customer (name, country, created_at, updated_at) VALUES (?, ?, ?, ?)",
                                   [(f"Customer {i}", "DE", STAMP, STAMP) for i in range(3000)])
        pg_db.execute_sql("INSERT INTO contact (customer_id, name, created_at, updated_at) "
                          "SELECT id, 'Max', ?, ? FROM customer", (STAMP, STAMP))
        pg_db.execute_sql("INSERT INTO contact_channel (contact_id, kind, value, raw, position) "
                          "SELECT id, 'email', 'max@firm' || id || '.de', '', 0 FROM contact")
    # the planner's statistics are the owner's to gather: the daily login's ANALYZE skips these tables with a
    # warning, and the plan then rests on whatever autovacuum last saw (a handful of rows: a Seq Scan)
    postgres_server.execute("ANALYZE customer, contact_channel", dbname=SHARED)
    domain = "\n".join(r[0] for r in pg_db.execute_sql(
        f"EXPLAIN SELECT ch.id FROM contact_channel ch WHERE ch.kind = 'email' AND "
        f"{sql.email_domain('ch.value', db=pg_db)} = ?", ("firm7.de",)))
    assert "contact_channel_email_domain" in domain, domain
    block = "\n".join(r[0] for r in pg_db.execute_sql(
        f"EXPLAIN SELECT id FROM customer WHERE {sql.name_block('name', 'country', db=pg_db)} = ?", ("cu|FR",)))
    assert "customer_name_block" in block, block
