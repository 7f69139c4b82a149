"""Benchmark of customer segments over the big book: stages, Pareto tiers and RFM for every customer.

The target (issue: know your customers): computing tiers, RFM and stages for the 100,000-customer book in
under 2 s, writes included. Everything runs inside a transaction that is rolled back (the demo exchange
rates too), so the cached book is left as it was for the other benchmarks.
Run alone with `python -m bench.bench_segments BOOK.db`.
"""

from __future__ import annotations

import time
from datetime import timedelta

TARGET_S = 2.0


def _timed(call):
    start = time.perf_counter()
    result = call()
    return result, time.perf_counter() - start


def bench_segments(db, clock) -> list[tuple[str, float | str, bool | None]]:
    """(label, seconds or text, target met or None) for the first recompute, a repeat, and the dashboard."""
    from trade_crm.demo.rates import seed_demo_rates
    from trade_crm.domain.clock import FixedClock, today
    from trade_crm.domain.insights.segment_settings import SegmentSettings
    from trade_crm.domain.insights.segments import order_histories, recompute_segments, segment_histories
    from trade_crm.domain.insights.stats import book_stats
    from trade_crm.domain.world.currency import rate_table

    day = today(clock)
    settings = SegmentSettings()
    with db.atomic() as transaction:
        seed_demo_rates(day, clock)
        table = rate_table()

        def compute():
            histories, _missing = order_histories(day, settings, table)
            return segment_histories(histories, day, settings)

        segments, compute_s = _timed(compute)
        first, first_s = _timed(lambda: recompute_segments(clock, settings))
        again, again_s = _timed(lambda: recompute_segments(clock, settings))
        clock_later = FixedClock(clock.now() + timedelta(days=1), clock.zone)
        later, later_s = _timed(lambda: recompute_segments(clock_later, settings))
        stats, stats_s = _timed(lambda: book_stats(clock))
        transaction.rollback()
    tiers = ", ".join(f"{t} {n:,}" for t, n in first.tiers.items())
    stages = ", ".join(f"{s} {n:,}" for s, n in first.lifecycles.items())
    return [
        ("customers in the book / with orders", f"{first.customers:,} / {first.ordering:,}", None),
        ("compute stages, tiers and RFM (no writes)", compute_s, compute_s < TARGET_S),
        ("recompute_segments, first run (writes every row)", first_s, first_s < TARGET_S),
        ("recompute_segments again (nothing changed)", again_s, again_s < TARGET_S),
        ("recompute_segments the next day", later_s, later_s < TARGET_S),
        ("dashboard figures (book_stats)", stats_s, None),
        ("tiers", tiers, None),
        ("stages", stages, None),
        ("changed rows: first / again / next day", f"{first.changed:,} / {again.changed:,} / {later.changed:,}", None),
        ("segments in memory", f"{len(segments):,}", None),
        ("top customer, 12-month value", f"{stats.top_customers[0].value_12m:,.0f} {stats.reporting}"
         if stats.top_customers else "-", None),
    ]


def bench_segment_rows(ctx) -> list:
    """The same figures as bench.report rows, for bench/cases.py BENCHES (ctx: bench.cases.Context)."""
    from zoneinfo import ZoneInfo

    from bench.report import Row
    from trade_crm.domain.clock import FixedClock

    clock = FixedClock(ctx.now + timedelta(hours=1, minutes=30), ZoneInfo("Asia/Shanghai"))
    rows = []
    for label, value, ok in bench_segments(ctx.db, clock):
        if isinstance(value, float):
            rows.append(Row("segments: stages, tiers, RFM", label, value * 1000, "ms",
                            target=f"< {TARGET_S * 1000:.0f} ms" if ok is not None else "", ok=ok))
        else:
            rows.append(Row("segments: stages, tiers, RFM", label, 0, "", note=value))
    return rows


if __name__ == "__main__":  # python -m bench.bench_segments BOOK.db
    import sys

    from trade_crm.domain.clock import SystemClock
    from trade_crm.store.db import open_database

    book = open_database(sys.argv[1])
    for label, value, ok in bench_segments(book, SystemClock()):
        shown = f"{value * 1000:.0f} ms" if isinstance(value, float) else value
        print(f"{label:<52} {shown}{'' if ok is None else ('  ok' if ok else '  MISS')}")
