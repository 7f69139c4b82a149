"""A text search's page is the same whichever plan answers it: the sorted list of every match, cut to the page
(on SQLite and on a server book, whose plans differ)."""

from __future__ import annotations

import pytest
from peewee import SqliteDatabase

from tests.book_cache import cached_book
from trade_crm.domain.customers import query
from trade_crm.domain.customers.query import CustomerFilter, matching_ids, search_customers
from trade_crm.store import search


@pytest.fixture
def clustered_book(book, request):
    """1,500 customers without "ltd" that sort first, then 1,200 "… Ltd" ones: more hits than a plan samples,
    all of them late in name order, where a walk from the top of the name index finds none. Written once per
    engine; the tests that read it get a copy (tests/book_cache.py)."""
    def build() -> None:
        stamp = "2026-11-01 00:00:00"
        rows = [(f"Aaa Trading {i:05d}", "DE", f"2026-10-{1 + i % 28:02d} 00:00:00", stamp, stamp)
                for i in range(1_500)]
        rows += [(f"Zz Lighting {i:05d} Ltd", "CN", f"2026-09-{1 + i % 28:02d} 00:00:00", stamp, stamp)
                 for i in range(1_200)]
        with book.atomic():
            book.cursor().executemany("INSERT INTO customer (name, country, last_contact_at, created_at, "
                                      "updated_at) VALUES (?, ?, ?, ?, ?)", rows)
            search.rebuild_index(book)

    server = None if isinstance(book, SqliteDatabase) else request.getfixturevalue("postgres_server")
    cached_book(book, "clustered", build, server=server)
    return book


@pytest.mark.parametrize("list_hits", [0, 10**9])  # the hits listed and walked against, or all sorted
@pytest.mark.parametrize("text", ["ltd", "li", "lighting 0"])
@pytest.mark.parametrize(("sort", "descending"), [("name", False), ("name", True), ("last_contact", True)])
def test_a_page_of_a_search_is_the_sorted_matches_cut_to_the_page(clustered_book, clock, monkeypatch, list_hits,
                                                                  text, sort, descending):
    monkeypatch.setattr(query, "_LIST_HITS", list_hits)
    flt = CustomerFilter(text=text)
    day = clock.now().date()
    every = matching_ids(flt, today=day, now=clock.now(), sort=sort, descending=descending)
    assert len(every) >= 1_000
    for offset in (0, 64, 1_000):
        page = search_customers(flt, today=day, now=clock.now(), sort=sort, descending=descending,
                                offset=offset, limit=64)
        assert [row.id for row in page] == every[offset:offset + 64]


@pytest.mark.parametrize("sort", ["last_contact", "follow_up", "country"])
def test_customers_without_a_value_sort_first_ascending_and_last_descending_on_both_engines(db, clock, sort):
    stamp = "2026-11-01 00:00:00"
    rows = [("Has A", "DE", "2026-10-02 00:00:00", "2026-12-02", stamp), ("None B", None, None, None, stamp),
            ("Has C", "CN", "2026-10-01 00:00:00", "2026-12-01", stamp), ("None D", None, None, None, stamp)]
    with db.atomic():
        db.cursor().executemany("INSERT INTO customer (name, country, last_contact_at, follow_up_on, created_at, "
                                "updated_at) VALUES (?, ?, ?, ?, ?, ?)", [(*r, stamp) for r in rows])
    names = dict(db.execute_sql("SELECT id, name FROM customer").fetchall())
    day, flt = clock.now().date(), CustomerFilter()
    for descending, expected in ((False, ["None B", "None D", "Has C", "Has A"]),
                                 (True, ["Has A", "Has C", "None D", "None B"])):
        page = search_customers(flt, today=day, now=clock.now(), sort=sort, descending=descending)
        assert [row.name for row in page] == expected
        ids = matching_ids(flt, today=day, now=clock.now(), sort=sort, descending=descending)
        assert [names[i] for i in ids] == expected
        assert [query.customer_position(i, flt, today=day, now=clock.now(), sort=sort, descending=descending)
                for i in ids] == [0, 1, 2, 3]
