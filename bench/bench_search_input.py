"""Odd input in the search box: 10,000-character queries of several shapes must answer in under 50 ms.

A pasted document is cut to `search.MAX_QUERY_CHARS` characters and `search.MAX_TERMS` distinct terms
(store/search.py), so its cost is that of a long ordinary query. Each figure is a page of 50 hits and
the count shown above the list, as the customer list asks for them.
Run alone with `python -m bench.bench_search_input BOOK.db`.
"""

from __future__ import annotations

import random
import sys
from datetime import date, datetime, timezone

from bench.report import Row, median_seconds, timing
from trade_crm.domain.customers.query import CustomerFilter, count_customers, search_customers

TARGET_MS = 50.0
LENGTH = 10_000


def hostile_queries(length: int = LENGTH) -> list[tuple[str, str]]:
    """(query, what it is): each `length` characters long."""
    rng = random.Random(15)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = " ".join("".join(rng.choice(letters) for _ in range(rng.randint(1, 6))) for _ in range(length))
    return [
        (("muller " * length)[:length], "one word repeated"),
        (words[:length], "random 1-6 letter words"),
        (" ".join(rng.choice(letters) for _ in range(length))[:length], "single letters"),
        ("x" * length, "one 10,000-letter word"),
        (("有限公司刘凯" * length)[:length], "Chinese, no spaces"),
        (("ab\x00c\ud800d " * length)[:length], "NULs and lone surrogates"),
    ]


def search_input_rows(ctx) -> list[Row]:
    section = f"search: {LENGTH:,}-character queries, page of 50 + count ({ctx.customers:,} customers)"
    return _rows(section, ctx.today, ctx.now, ctx.repeats)


def _rows(section: str, today: date, now: datetime, repeats: int) -> list[Row]:
    rows = []
    for text, kind in hostile_queries():
        flt = CustomerFilter(text=text)

        def page_and_count(f=flt):
            search_customers(f, today=today, now=now)
            return count_customers(f, today=today, now=now)

        seconds = median_seconds(page_and_count, repeats)
        rows.append(timing(section, f"  {kind}", seconds, target_ms=TARGET_MS,
                           note=f"{page_and_count():,} hits"))
    return rows


if __name__ == "__main__":
    from bench.report import render
    from trade_crm.store.db import close_database, open_database

    database = open_database(sys.argv[1])
    try:
        today = date.today()
        print(render(_rows("search: hostile queries", today, datetime.now(timezone.utc), 5)))
    finally:
        close_database(database)
