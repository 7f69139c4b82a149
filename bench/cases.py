"""The bench functions. Each takes the run's context and returns report rows; BENCHES runs in order.

Times are medians of several runs after a warm-up run, through the same domain functions the
customer list calls (so a page includes fetching its primary contacts and tags).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone

from peewee import SqliteDatabase

from bench.bench_backup import backup_rows
from bench.bench_duplicates import duplicates_rows
from bench.bench_export import export_rows
from bench.bench_gui import gui_rows
from bench.bench_import import import_bench
from bench.bench_reminders import bench_reminder_rows
from bench.bench_search_input import search_input_rows
from bench.bench_segments import bench_segment_rows
from bench.book import Book
from bench.report import Row, median_seconds, timing
from trade_crm.demo import book as demo
from trade_crm.domain.customers.query import CustomerFilter, count_customers, search_customers

SEARCH_TARGET_MS = 10.0
SIZE_TARGET_KB = 4.5  # per customer, the whole file
SEARCH_FLOOR = "unfiltered first page (same run)"
SEED_TARGET_ROWS_PER_SECOND = 50_000


@dataclass(frozen=True)
class Context:
    book: Book
    db: SqliteDatabase
    repeats: int = 11

    @property
    def today(self) -> date:
        return self.book.built_on

    @property
    def now(self) -> datetime:
        return datetime.combine(self.today, datetime.min.time(), tzinfo=timezone.utc)

    @property
    def customers(self) -> int:
        return int(self.book.stats["customers"])


def measure(ctx: Context, call: Callable[[], object]) -> float:
    """Median seconds of `ctx.repeats` calls after one warm-up call."""
    return median_seconds(call, ctx.repeats)


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: the smallest value with at least `share` of the values at or below it."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))  # ceil
    return ordered[int(rank) - 1]


# --- seeding -----------------------------------------------------------------------------------------

def seed_rows(ctx: Context) -> list[Row]:
    stats, seconds = ctx.book.stats, ctx.book.stats["seconds"]
    rate = stats["rows_per_second"]
    section = "seed (measured when the cached book was built, " + stats["built_on"] + ")"
    return [
        Row(section, "insert rate, all rows incl. search index", rate, "rows/s",
            target=f"> {SEED_TARGET_ROWS_PER_SECOND:,}", ok=rate > SEED_TARGET_ROWS_PER_SECOND,
            note=f"{stats['rows']:,} rows in {seconds['total']:.1f} s, one transaction"),
        Row(section, "rows written", stats["rows"], "rows",
            note=(f"{stats['customers']:,} customers, {stats['contacts']:,} contacts, {stats['channels']:,} channels, "
                  f"{stats['interactions']:,} timeline, {stats['orders']:,} orders, "
                  f"{stats['opportunities']:,} opportunities, {stats['tag_links']:,} tags; "
                  f"{stats['countries']} countries")),
        *(Row(section, f"  {phase}", seconds[phase], "s", ratio=seconds[phase] / seconds["total"])
          for phase in ("generate", "write", "index", "commit")),
    ]


# --- search ------------------------------------------------------------------------------------------

def search_queries(today: date) -> list[tuple[str, str]]:
    """20 mixed queries a salesperson types, each known to exist in the demo book."""
    newest_fair = demo.fair_tags(today)[-1][1].rsplit(" ", 1)[0].lower()  # "canton fair 2026"
    return [
        ("刘凯", "2-char Chinese name"), ("张伟", "2-char Chinese name"), ("王", "1 CJK character"),
        ("m", "1 Latin letter"), ("li", "Latin 2-letter prefix"), ("an", "Latin 2-letter prefix"),
        ("mueller@", "partial email"), ("@gmail", "partial email"), ("1512", "phone fragment"),
        ("+9715", "phone fragment"), ("华强照明", "Chinese fragment"), ("有限公司", "Chinese fragment"),
        ("محمد", "Arabic fragment"), ("شركة", "Arabic fragment"), ("Иванов", "Cyrillic fragment"),
        ("ООО", "Cyrillic fragment"), ("muller", "accent-folded (Müller)"), ("Şahin", "Turkish name"),
        (newest_fair, "three terms (a tag)"), ("led", "product word"),
    ]


def search_rows(ctx: Context) -> list[Row]:
    section = f"search: first 50 hits of {ctx.customers:,} customers (x base: unfiltered first page)"
    base = measure(ctx, lambda: search_customers(CustomerFilter(), today=ctx.today, now=ctx.now))
    rows, by_name, by_recent = [], [], []
    for text, kind in search_queries(ctx.today):
        flt = CustomerFilter(text=text)
        hits = count_customers(flt, today=ctx.today, now=ctx.now)
        name_s = measure(ctx, lambda f=flt: search_customers(f, today=ctx.today, now=ctx.now))
        recent_s = measure(ctx, lambda f=flt: search_customers(f, today=ctx.today, now=ctx.now,
                                                                   sort="last_contact", descending=True))
        by_name.append(name_s)
        by_recent.append(recent_s)
        row = timing(section, f"  {text}  ({kind})", name_s, base, target_ms=SEARCH_TARGET_MS,
                     note=f"{hits:,} hits; newest contact first {recent_s * 1000:.2f} ms")
        if not hits:  # a query that finds nothing measures nothing: the book or the query list is off
            row = replace(row, ok=False, note="no hits: this query no longer fits the book")
        rows.append(row)
    summary = [
        timing(section, "unfiltered first page (base)", base),
        timing(section, "p50, sorted by name", percentile(by_name, 0.5), base),
        replace(timing(section, "search p95, sorted by name", percentile(by_name, 0.95), base,
                       target_ms=SEARCH_TARGET_MS), floor=SEARCH_FLOOR),
        timing(section, "max, sorted by name", max(by_name), base, target_ms=SEARCH_TARGET_MS),
        timing(section, "p50, newest contact first", percentile(by_recent, 0.5), base),
        replace(timing(section, "search p95, newest contact first", percentile(by_recent, 0.95), base,
                       target_ms=SEARCH_TARGET_MS), floor=SEARCH_FLOOR),
    ]
    return summary + rows


# --- the customer list ---------------------------------------------------------------------------------

def list_rows(ctx: Context) -> list[Row]:
    section = "customer list pages of 50 (x base: first page by name)"
    deep = min(50_000, ctx.customers // 2)

    def page(sort: str, descending: bool, offset: int) -> float:
        return measure(ctx, lambda: search_customers(CustomerFilter(), today=ctx.today, now=ctx.now, sort=sort,
                                                     descending=descending, offset=offset))

    base = page("name", False, 0)
    return [
        timing(section, "first page, by name", base, base),
        timing(section, f"page at offset {deep:,}, by name", page("name", False, deep), base),
        timing(section, "first page, newest contact first", page("last_contact", True, 0), base),
        timing(section, f"page at offset {deep:,}, newest contact first", page("last_contact", True, deep), base),
        timing(section, "first page, by country", page("country", False, 0), base),
        timing(section, "first page, by rating (no index: sorts)", page("rating", False, 0), base),
    ]


# --- counts ------------------------------------------------------------------------------------------

def count_rows(ctx: Context) -> list[Row]:
    section = "counts (x base: all customers)"

    def count(flt: CustomerFilter) -> tuple[float, int]:
        total = count_customers(flt, today=ctx.today, now=ctx.now)
        return measure(ctx, lambda: count_customers(flt, today=ctx.today, now=ctx.now)), total

    base, everyone = count(CustomerFilter())
    cases = [
        ("country DE", CustomerFilter(countries=("DE",))),
        ("text '@gmail'", CustomerFilter(text="@gmail")),
        ("text 'm'", CustomerFilter(text="m")),
        ("follow-up overdue", CustomerFilter(follow_up_overdue=True)),
        ("rating A, not contacted 90 days", CustomerFilter(ratings=("A",), not_contacted_days=90)),
    ]
    rows = [timing(section, "all customers (base)", base, base, note=f"{everyone:,}")]
    for label, flt in cases:
        seconds, total = count(flt)
        rows.append(timing(section, label, seconds, base, note=f"{total:,}"))
    return rows


# --- size --------------------------------------------------------------------------------------------

def size_rows(ctx: Context) -> list[Row]:
    """The file as a user's book is after migration 8 (VACUUMed: bench/book.py), per customer, against
    the same file without the search index's pages: the tables and their indexes alone."""
    section = "database size (VACUUMed, as migration 8 leaves a book)"
    # The pages the book holds, whether still in the -wal or already in the file: a bench that wrote and rolled
    # back (the reminder sync) leaves a -wal that is not the book's size.
    pages, free, page_size = (ctx.db.execute_sql(f"PRAGMA {name}").fetchone()[0]
                              for name in ("page_count", "freelist_count", "page_size"))
    size = (pages - free) * page_size
    per_customer = size / ctx.customers / 1000
    written = ctx.book.stats.get("bytes_before_vacuum")
    written_note = f"; {written / 1e6:,.1f} MB as written, before VACUUM" if written else ""
    try:
        parts = dict(ctx.db.execute_sql(
            "SELECT CASE WHEN name LIKE 'search%' THEN 'search index' WHEN name LIKE 'interaction%' THEN 'timeline' "
            "ELSE 'other tables and indexes' END, sum(pgsize) FROM dbstat GROUP BY 1").fetchall())
    except Exception:  # dbstat is optional in SQLite builds
        parts = {}
    floor = size - parts.get("search index", 0)
    rows = [
        Row(section, "book size per customer", per_customer, "kB", ratio=size / floor if parts else None,
            target=f"<= {SIZE_TARGET_KB:g} kB", ok=per_customer <= SIZE_TARGET_KB,
            floor="the same book without the search index (tables and indexes alone)" if parts else "",
            note=f"{per_customer:.3f} kB; floor {floor / ctx.customers / 1000:.3f} kB" if parts else ""),
        Row(section, "database file", size / 1e6, "MB", note=f"{per_customer:.2f} kB per customer{written_note}"),
    ]
    for label in ("search index", "timeline", "other tables and indexes"):
        if parts:
            rows.append(Row(section, f"  {label}", parts.get(label, 0) / 1e6, "MB", ratio=parts.get(label, 0) / size))
    return rows


def export_bench(ctx: Context) -> list[Row]:
    return export_rows(ctx.book.path)


BENCHES: list[Callable[[Context], list[Row]]] = [
    seed_rows,
    search_rows,
    search_input_rows,
    list_rows,
    count_rows,
    size_rows,
    gui_rows,
    bench_reminder_rows,
    bench_segment_rows,
    import_bench,
    export_bench,
    backup_rows,
    duplicates_rows,
]
