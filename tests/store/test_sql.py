"""store/sql.py: each engine's spelling gives the same values, with the same Python types, on a real book."""

from __future__ import annotations

import pytest

from trade_crm.store import sql, sql_rows
from trade_crm.store.models import database


@pytest.fixture
def days(book):
    """A scratch table of a DATE, an instant as stored (UTC text) and an amount, on the book's connection."""
    book.execute_sql("CREATE TEMP TABLE scratch (id INTEGER PRIMARY KEY, day DATE, stamp TEXT, amount NUMERIC(18, 2))")
    book.cursor().executemany("INSERT INTO scratch (id, day, stamp, amount) VALUES (?, ?, ?, ?)", [
        (1, "2024-02-29", "2026-11-22 17:30:00", "10.50"),
        (2, "2026-01-31", "2026-11-22 02:00:00", None),
        (3, None, "2026-03-29 00:30:00", "2.25"),
    ])
    yield book
    book.execute_sql("DROP TABLE scratch")


def one(db, expression: str, params=()):
    return db.execute_sql(f"SELECT {expression}", list(params)).fetchone()[0]


def column(db, expression: str, params=(), where: str = "") -> list:
    return [r[0] for r in db.execute_sql(f"SELECT {expression} FROM scratch {where} ORDER BY id", list(params))]


def test_the_dialect_follows_the_engine_behind_the_proxy(book):
    expected = sql.Sqlite if book.__class__.__name__ != "PostgresBook" else sql.Postgres
    assert sql.dialect(book) is expected
    assert sql.dialect(database) is expected  # the models' proxy, bound to the book


def test_days_between_dates_and_a_parameter_is_a_float_of_whole_days(days):
    d = sql.dialect(days)
    assert column(days, d.days_between("?", "day"), ["2026-03-01"]) == [731.0, 29.0, None]
    value = one(days, d.days_between("?", "?"), ["2026-03-01", "2026-02-01"])
    assert value == 28.0 and isinstance(value, float)


def test_truncate_cuts_the_fraction_toward_zero(book):
    d = sql.dialect(book)
    assert [one(book, d.truncate("?"), [x]) for x in (2.9, 2.5, 2.0, 0.4)] == [2, 2, 2, 0]


def test_add_days_gives_the_day_as_text_across_a_month_and_a_leap_day(days):
    d = sql.dialect(days)
    assert column(days, d.add_days("day", "?"), [1]) == ["2024-03-01", "2026-02-01", None]
    assert column(days, d.add_days("day", "id * 10")) == ["2024-03-10", "2026-02-20", None]


def test_local_day_is_the_day_of_a_utc_instant_in_the_users_zone(days):
    d = sql.dialect(days)
    assert column(days, d.local_day("stamp"), [sql.day_shift(480)]) == ["2026-11-23", "2026-11-22", "2026-03-29"]
    assert column(days, d.local_day("stamp"), [sql.day_shift(-300)]) == ["2026-11-22", "2026-11-21", "2026-03-28"]
    assert column(days, d.local_day("stamp"), [sql.day_shift(0)]) == ["2026-11-22", "2026-11-22", "2026-03-29"]


def test_a_local_day_compares_with_a_date_column_and_takes_whole_days_off(days):
    d = sql.dialect(days)
    later = column(days, "id", [sql.day_shift(480)], f"WHERE {d.local_day('stamp')} < day")
    assert later == []
    shifted = column(days, d.add_days(d.local_day("stamp"), "?"), [sql.day_shift(480), 7])
    assert shifted == ["2026-11-30", "2026-11-29", "2026-04-05"]


def test_date_of_an_instant_compares_with_a_date_column(days):
    d = sql.dialect(days)
    assert column(days, "id", ["2026-11-22"], f"WHERE {d.date_of('stamp')} >= ?") == [1, 2]
    assert column(days, "id", [], f"WHERE day <= {d.date_of('stamp')}") == [1, 2]


def test_month_day_and_year_month_of_a_date_column(days):
    d = sql.dialect(days)
    assert column(days, d.month_day("day")) == ["02-29", "01-31", None]
    assert column(days, d.year_month("day")) == ["2024-02", "2026-01", None]
    assert column(days, "id", ["02-29", "12-25"], f"WHERE {d.month_day('day')} IN (?, ?)") == [1]


def test_sum_or_zero_is_a_float_and_zero_over_no_rows_or_only_nulls(days):
    d = sql.dialect(days)
    total = one(days, f"{d.sum_or_zero('amount')} FROM scratch")
    assert total == 12.75 and isinstance(total, float)
    assert one(days, f"{d.sum_or_zero('amount')} FROM scratch WHERE id = 2") == 0.0
    assert one(days, f"{d.sum_or_zero('amount')} FROM scratch WHERE id > 9") == 0.0


def test_is_distinct_counts_null_as_a_value(days):
    d = sql.dialect(days)
    assert column(days, "id", [], f"WHERE {d.is_distinct('amount', 'NULL')}") == [1, 3]
    assert column(days, "id", ["2.25"], f"WHERE {d.is_distinct('amount', 'CAST(? AS NUMERIC)')}") == [1, 2]
    assert column(days, "id", [], f"WHERE {d.is_distinct('day', 'day')}") == []


def test_no_limit_keeps_every_row(days):
    rows = days.execute_sql("SELECT id FROM scratch ORDER BY id LIMIT ?", [sql.dialect(days).NO_LIMIT]).fetchall()
    assert [r[0] for r in rows] == [1, 2, 3]


def test_upsert_replaces_the_row_with_the_same_key_and_insert_ignore_keeps_it(book):
    book.execute_sql("CREATE TEMP TABLE kv (k TEXT PRIMARY KEY, v TEXT, n INTEGER)")
    try:
        with book.atomic():
            sql.upsert(book, "kv", ("k",), ("k", "v", "n"), [("a", "one", 1), ("b", "two", 2)])
            sql.upsert(book, "kv", ("k",), ("k", "v", "n"), [("a", "uno", 11)])
            sql_rows.insert_ignore("kv", ("k", "v", "n"), [("b", "dos", 22), ("c", "tres", 3)], db=book)
            sql_rows.insert_ignore("kv", ("k", "v", "n"), iter([("c", "drei", 33)]), db=book)  # a generator, as sync gives
        rows = book.execute_sql("SELECT k, v, n FROM kv ORDER BY k").fetchall()
        assert [tuple(r) for r in rows] == [("a", "uno", 11), ("b", "two", 2), ("c", "tres", 3)]
    finally:
        book.execute_sql("DROP TABLE kv")


def test_an_upsert_of_the_key_alone_leaves_the_row(book):
    book.execute_sql("CREATE TEMP TABLE k1 (k TEXT PRIMARY KEY)")
    try:
        sql.upsert(book, "k1", ("k",), ("k",), [("a",), ("a",)])
        assert book.execute_sql("SELECT count(*) FROM k1").fetchone()[0] == 1
    finally:
        book.execute_sql("DROP TABLE k1")


def test_an_upsert_of_selected_rows_replaces_those_with_the_same_key(book):
    book.execute_sql("CREATE TEMP TABLE marks (tbl TEXT PRIMARY KEY, id INTEGER)")
    try:
        book.execute_sql("INSERT INTO marks (tbl, id) VALUES ('a', 1), ('b', 2)")
        book.execute_sql(sql.dialect(book).upsert_select(
            "marks", ("tbl",), ("tbl", "id"), "SELECT 'b', 20 UNION ALL SELECT 'c', coalesce(max(id), 0) FROM marks"))
        rows = book.execute_sql("SELECT tbl, id FROM marks ORDER BY tbl").fetchall()
        assert [tuple(r) for r in rows] == [("a", 1), ("b", 20), ("c", 2)]
    finally:
        book.execute_sql("DROP TABLE marks")
