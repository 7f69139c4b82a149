"""Benchmark of the reminder engine over a big book: `bench_reminders(db)` -> rows of (label, value).

The target (issue: reminders that never miss): computing every reminder for the 100,000-customer book in
under a second. The sync figures are measured inside a transaction that is rolled back, so the book is
left as it was for the other benchmarks.
"""

from __future__ import annotations

import time
from collections import Counter
from datetime import timedelta

from trade_crm.domain.clock import Clock, SystemClock, today
from trade_crm.domain.reminders.rules import compute_reminders
from trade_crm.domain.reminders.settings import ReminderSettings
from trade_crm.domain.reminders.sync import preview_now, preview_reminders, sync_reminders


def _timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def bench_reminders(db, clock: Clock | None = None) -> list[tuple[str, str]]:
    """Time the reminder rules, the first and a repeated sync, and the command line's preview."""
    clock = clock or SystemClock()
    day, zone = today(clock), clock.zone
    customers = db.execute_sql("SELECT count(*) FROM customer").fetchone()[0]
    settings, load_s = _timed(ReminderSettings.load)
    first, first_s = _timed(lambda: compute_reminders(day, zone, settings))
    again, again_s = _timed(lambda: compute_reminders(day, zone, settings))
    kinds = Counter(c.kind for c in first)
    rows = [
        ("reminders: customers in the book", f"{customers:,}"),
        ("reminders: compute all (first run, holiday calendars cold)", f"{first_s + load_s:.3f} s"),
        ("reminders: compute all (again)", f"{again_s:.3f} s"),
        ("reminders: due today", f"{len(again):,} ({', '.join(f'{k} {n:,}' for k, n in sorted(kinds.items()))})"),
        ("reminders: target", "compute all < 1 s: " + ("met" if min(first_s, again_s) < 1.0 else "MISSED")),
    ]
    with db.atomic() as transaction:
        created, create_s = _timed(lambda: sync_reminders(clock, settings))
        steady, steady_s = _timed(lambda: sync_reminders(clock, settings))
        transaction.rollback()
    rows += [
        ("reminders: first sync (saves every reminder)", f"{create_s:.3f} s for {len(created.new):,} new"),
        ("reminders: sync again (every 15 min)", f"{steady_s:.3f} s, {len(steady.new)} new"),
    ]
    items, preview_s = _timed(lambda: preview_reminders(day, preview_now(day, clock), zone, horizon_days=30))
    rows.append(("reminders: preview 30 days (trade-crm reminders --days 30)",
                 f"{preview_s:.3f} s for {len(items):,} items"))
    week = [compute_reminders(day + timedelta(days=n), zone, settings, rules=("greeting",)) for n in range(7)]
    rows.append(("reminders: greeting reminders over the next 7 days", f"{sum(len(w) for w in week):,}"))
    return rows


def bench_reminder_rows(ctx) -> list:
    """The same figures as bench.report rows, for bench/cases.py BENCHES (ctx: bench.cases.Context)."""
    from zoneinfo import ZoneInfo

    from bench.report import Row
    from trade_crm.domain.clock import FixedClock

    clock = FixedClock(ctx.now + timedelta(hours=1, minutes=30), ZoneInfo("Asia/Shanghai"))  # 09:30 in Shanghai
    rows = []
    for label, value in bench_reminders(ctx.db, clock):
        metric = label.removeprefix("reminders: ")
        if value.endswith(" s") and metric.startswith("compute all"):
            seconds = float(value[:-2])
            rows.append(Row("reminders", metric, seconds * 1000, "ms", target="< 1000 ms", ok=seconds < 1.0))
        elif metric != "target":
            rows.append(Row("reminders", metric, 0, "", note=value))
    return rows


if __name__ == "__main__":  # python -m bench.bench_reminders BOOK.db [YYYY-MM-DD HH:MM]
    import sys

    from trade_crm.domain.clock import FixedClock
    from trade_crm.store.db import open_database

    book = open_database(sys.argv[1])
    at = FixedClock.at(sys.argv[2], "Asia/Shanghai") if len(sys.argv) > 2 else None
    for label, value in bench_reminders(book, at):
        print(f"{label:<62} {value}")
