"""Duplicate customers over the big book: the whole-book search, the hint while typing, a merge and its undo.

`duplicates_rows(ctx)` returns report rows for `python -m bench` (registered in bench/cases.py BENCHES);
run alone with `python -m bench.bench_duplicates BOOK.db`. Targets (issue: clean book): finding every
group of probable duplicates among 100,000 customers in under 10 s (median of 3 runs after a warm-up),
and the hint in the new-customer dialog within 100 ms (it runs in a worker after the typing pause). The
merge and undo run inside a transaction that is rolled back, so the cached book is left as it was.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter

from bench.report import Row, timing

FIND_TARGET_MS = 10_000.0
HINT_TARGET_MS = 100.0
RUNS = 3


def _median(call, runs: int) -> tuple[float, object]:
    result = call()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def duplicates_rows(ctx) -> list[Row]:
    from trade_crm.domain.clock import FixedClock
    from trade_crm.domain.customers.contacts import ContactInput
    from trade_crm.domain.duplicates.merge import merge_customers
    from trade_crm.domain.duplicates.merge_undo import undo_merge
    from trade_crm.domain.duplicates.scan import find_duplicates, probable_duplicates

    section = f"duplicates over {ctx.customers:,} customers (x base: finding all groups)"
    find_s, scan = _median(find_duplicates, RUNS)
    sizes = Counter(len(g.ids) for g in scan.groups)
    rules = Counter(g.reason.rule for g in scan.groups)
    rows = [timing(section, "find every group of probable duplicates", find_s, find_s, target_ms=FIND_TARGET_MS,
                   note=f"{len(scan.groups):,} groups ({', '.join(f'{r} {n:,}' for r, n in rules.most_common())}); "
                        f"sizes {', '.join(f'{s}: {n:,}' for s, n in sorted(sizes.items()))}")]
    samples = [(m.name, m.country) for g in scan.groups[::max(1, len(scan.groups) // 20)] for m in g.members[:1]][:20]
    typed = [((name, country), {}) for name, country in samples] + [
        (("New Company Ltd", "DE"), {"website": "www.example-new.de"}),
        (("Someone", None), {"contacts": [ContactInput(emails=("buyer@gmail.com",), phones=("+49 30 1234567",))]})]
    hint_times = []
    for args, kwargs in typed:
        seconds, _ = _median(lambda a=args, k=kwargs: probable_duplicates(*a, **k), 3)
        hint_times.append(seconds)
    hint_times.sort()
    p95 = hint_times[max(0, int(len(hint_times) * 0.95) - 1)]
    rows.append(timing(section, "hint while typing a new customer, p95", p95, find_s, target_ms=HINT_TARGET_MS,
                       note=f"{len(hint_times)} typed customers; p50 {statistics.median(hint_times) * 1000:.1f} ms"))
    group = max(scan.groups[:200], key=lambda g: len(g.ids)) if scan.groups else None
    if group is not None:
        clock = FixedClock.at(f"{ctx.today.isoformat()} 10:00")
        with ctx.db.atomic() as transaction:
            start = time.perf_counter()
            result = merge_customers(group.ids[0], list(group.ids[1:]), clock)
            merged_s = time.perf_counter() - start
            start = time.perf_counter()
            undo_merge(result.merge_id, clock)
            undo_s = time.perf_counter() - start
            transaction.rollback()
        moved = sum(result.moved.values())
        rows += [timing(section, f"merge {len(group.ids)} customers (one transaction)", merged_s, find_s,
                        note=f"{moved:,} rows moved"),
                 timing(section, "undo that merge", undo_s, find_s)]
    return rows


def main(argv: list[str]) -> int:
    from datetime import date

    from bench.book import Book
    from bench.cases import Context
    from bench.report import render
    from trade_crm.store.db import close_database, open_database

    database = open_database(argv[0])
    try:
        customers = database.execute_sql("SELECT count(*) FROM customer").fetchone()[0]
        book = Book(argv[0], {"customers": customers, "built_on": date.today().isoformat()})
        rows = duplicates_rows(Context(book=book, db=database))
    finally:
        close_database(database)
    print(render(rows))
    return 1 if any(row.ok is False for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
