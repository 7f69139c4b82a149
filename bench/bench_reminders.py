"""Benchmark of the reminder engine over a big book: `bench_reminders(db)` -> rows of (label, value, ...).

Targets (issue #17 item 2): computing every reminder for the 100,000-customer book within 250 ms, and a
re-sync with nothing new (every 15 minutes) within 20 ms, each beside its floor measured in the same run:
- compute all: the bare SQL the rules cannot do without, i.e. the due customers' ids and names by the
  (follow_up_on, lost) index and every customer's order count, first and last order day (dormancy);
- re-sync: the count of due reminders the pane and tray show after every sync anyway.
Everything runs inside one transaction that is rolled back, so the book is left as it was for the other
benchmarks. The first sync settles the book (every customer's follow-up day) as the app's first start does;
"compute all" is then timed as every sync of a new day runs it (median of 5 after a warm-up).
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from datetime import timedelta

from trade_crm.domain.clock import Clock, SystemClock, today
from trade_crm.domain.reminders.rules import compute_reminders, forget_greeting_days
from trade_crm.domain.reminders.settings import ReminderSettings
from trade_crm.domain.reminders.sync import count_due, preview_now, preview_reminders, sync_reminders

COMPUTE_TARGET_MS = 250.0
RESYNC_TARGET_MS = 20.0
COMPUTE_FLOOR = "bare SQL: due customers' names by the (follow_up_on, lost) index + orders per customer"
RESYNC_FLOOR = "SELECT count(*) of the due reminders"


def _timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def _median(fn, repeats: int) -> tuple[object, float]:
    result = fn()  # warm-up
    times = []
    for _ in range(repeats):
        result, seconds = _timed(fn)
        times.append(seconds)
    return result, statistics.median(times)


def _floor_compute(db, day) -> None:
    db.execute_sql("SELECT c.id, c.name FROM customer c WHERE c.follow_up_on <= ? AND c.lost = 0",
                   (day.isoformat(),)).fetchall()
    db.execute_sql("SELECT customer_id, count(*), min(ordered_on), max(ordered_on) FROM orders "
                   "GROUP BY customer_id").fetchall()


def bench_reminders(db, clock: Clock | None = None, repeats: int = 5) -> list[tuple]:
    """(label, value text, seconds or None, floor seconds or None): the rules, the syncs and the preview."""
    clock = clock or SystemClock()
    day, zone = today(clock), clock.zone
    customers = db.execute_sql("SELECT count(*) FROM customer").fetchone()[0]
    settings, load_s = _timed(ReminderSettings.load)
    first, first_s = _timed(lambda: compute_reminders(day, zone, settings))
    kinds = Counter(c.kind for c in first)
    rows: list[tuple] = [
        ("customers in the book", f"{customers:,}", None, None),
        ("compute all, first in the process, book not settled (holiday calendars cold)",
         f"{first_s + load_s:.3f} s", None, None),
        ("due today", f"{len(first):,} ({', '.join(f'{k} {n:,}' for k, n in sorted(kinds.items()))})", None, None),
    ]
    with db.atomic() as transaction:
        created, create_s = _timed(lambda: sync_reminders(clock, settings))
        rows.append(("first sync (settles the book, saves every reminder)",
                     f"{create_s:.3f} s for {len(created.new):,} new", None, None))
        # as a new day's first computation: the greeting holidays kept for the day are forgotten first
        again, again_s = _median(lambda: (forget_greeting_days(), compute_reminders(day, zone, settings))[1], repeats)
        _, floor_s = _median(lambda: _floor_compute(db, day), repeats)
        assert len(again) == len(first), "settled and unsettled compute must agree"
        rows.append(("compute all (as a new day's sync)", f"{again_s:.3f} s", again_s, floor_s))
        steady, steady_s = _median(lambda: sync_reminders(clock, settings), repeats)
        now = clock.now()
        _, count_s = _median(lambda: count_due(day, now), repeats)
        rows.append(("sync again, nothing new (every 15 min)", f"{steady_s:.4f} s, {len(steady.new)} new",
                     steady_s, count_s))
        ids = [i for (i,) in db.execute_sql("SELECT id FROM customer ORDER BY id LIMIT 20")]

        def edit_and_sync():
            db.execute_sql(f"UPDATE customer SET rating = CASE rating WHEN 'A' THEN 'B' ELSE 'A' END "
                           f"WHERE id IN ({','.join('?' * len(ids))})", ids)
            return sync_reminders(clock, settings)

        _, edited_s = _median(edit_and_sync, repeats)
        rows.append(("sync after 20 customers changed", f"{edited_s:.4f} s", None, None))
        transaction.rollback()
    items, preview_s = _timed(lambda: preview_reminders(day, preview_now(day, clock), zone, horizon_days=30))
    rows.append(("preview 30 days (trade-crm reminders --days 30)", f"{preview_s:.3f} s for {len(items):,} items",
                 None, None))
    week = [compute_reminders(day + timedelta(days=n), zone, settings, rules=("greeting",)) for n in range(7)]
    rows.append(("greeting reminders over the next 7 days", f"{sum(len(w) for w in week):,}", None, None))
    return rows


def incremental_matches_full(db, clock, days: int = 10) -> tuple[bool, str]:
    """Issue #17's check on the big book: over `days` days, with a few edits before each day's sync, the
    incremental sync leaves exactly the reminders and follow-up days a full sync then finds nothing to change
    in. Run on a copy of the clock, in a transaction that is rolled back."""
    clock = type(clock)(clock.now(), clock.zone)
    snapshot = ("SELECT key, kind, due_on, customer_id, title, detail, payload, state, snoozed_until FROM reminder "
                "ORDER BY key")
    follow_ups = "SELECT id, follow_up_on FROM customer ORDER BY id"
    mismatches, reminders = [], 0
    with db.atomic() as transaction:
        sync_reminders(clock)
        ids = [i for (i,) in db.execute_sql("SELECT id FROM customer WHERE lost = 0 ORDER BY id")]
        for step in range(days):
            clock.advance(timedelta(days=1))
            day = today(clock)
            picked = [ids[(step * 7919 + n * 104729) % len(ids)] for n in range(3)]
            db.execute_sql("UPDATE customer SET follow_up_on = ? WHERE id = ?", (day.isoformat(), picked[0]))
            db.execute_sql("UPDATE customer SET rating = CASE rating WHEN 'A' THEN 'C' ELSE 'A' END, "
                           "follow_up_on = NULL WHERE id = ?", (picked[1],))
            db.execute_sql("UPDATE contact SET birthday = ? WHERE customer_id = ?",
                           (f"1980-{day.month:02d}-{day.day:02d}", picked[2]))
            sync_reminders(clock)
            incremental = (db.execute_sql(snapshot).fetchall(), db.execute_sql(follow_ups).fetchall())
            full = sync_reminders(clock, full=True)
            after = (db.execute_sql(snapshot).fetchall(), db.execute_sql(follow_ups).fetchall())
            reminders = len(after[0])
            if (full.new, full.closed, full.settled) != ([], 0, 0) or after != incremental:
                mismatches.append(day.isoformat())
        transaction.rollback()
    if mismatches:
        return False, f"differs on {', '.join(mismatches)}"
    return True, f"{days} days, 3 edits before each day's sync: identical ({reminders:,} reminders on the last)"


def bench_reminder_rows(ctx) -> list:
    """The same figures as bench.report rows, for bench/cases.py BENCHES (ctx: bench.cases.Context)."""
    from zoneinfo import ZoneInfo  # lazy: bench.cases imports every bench module at start

    from bench.report import Row
    from trade_crm.domain.clock import FixedClock

    clock = FixedClock(ctx.now + timedelta(hours=1, minutes=30), ZoneInfo("Asia/Shanghai"))  # 09:30 in Shanghai
    targets = {"compute all (as a new day's sync)": (COMPUTE_TARGET_MS, COMPUTE_FLOOR),
               "sync again, nothing new (every 15 min)": (RESYNC_TARGET_MS, RESYNC_FLOOR)}
    rows = []
    for metric, value, seconds, floor_s in bench_reminders(ctx.db, clock):
        if metric in targets:
            target, floor = targets[metric]
            ms = seconds * 1000
            rows.append(Row("reminders", metric, ms, "ms", ratio=seconds / floor_s if floor_s else None,
                            target=f"<= {target:g} ms", ok=ms <= target, floor=floor,
                            note=f"floor {floor_s * 1000:.1f} ms"))
        else:
            rows.append(Row("reminders", metric, 0, "", note=value))
    same, note = incremental_matches_full(ctx.db, clock)
    rows.append(Row("reminders", "incremental sync == full sync over 10 days", 0, "", target="identical",
                    ok=same, note=note))
    return rows


if __name__ == "__main__":  # python -m bench.bench_reminders BOOK.db [YYYY-MM-DD HH:MM]
    import sys

    from trade_crm.domain.clock import FixedClock
    from trade_crm.store.db import open_database

    book = open_database(sys.argv[1])
    at = FixedClock.at(sys.argv[2], "Asia/Shanghai") if len(sys.argv) > 2 else None
    for label, value, seconds, floor_s in bench_reminders(book, at):
        ratio = f"  {seconds / floor_s:.2f} x floor ({floor_s * 1000:.1f} ms)" if floor_s else ""
        print(f"{label:<80} {value}{ratio}")
