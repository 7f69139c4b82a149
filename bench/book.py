"""The benchmark's customer book: built once with the demo generator's bulk writer, then reused.

The file name carries the book's size, seed, the generator's version and the schema version, so a
change to any of them builds a new book (and the old one is removed) instead of benchmarking a stale
file or migrating a 400 MB copy. The build's own timings are stored beside it as JSON, so every later
run still reports the insert rate. The built file is then VACUUMed: a user's existing book is compacted
like that by migration 8, and a bulk write leaves index pages part-filled that the size row should not
count (the size before it is kept in the JSON).
"""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from trade_crm.demo import book as demo
from trade_crm.store import migrations, search
from trade_crm.store.db import close_database, open_database

CACHE_DIR = Path(__file__).resolve().parents[1] / ".bench-cache"
SEED = 2026
CONTACTS_PER_CUSTOMER = 3
INTERACTIONS_PER_CUSTOMER = 10.0


@dataclass(frozen=True)
class Book:
    path: Path
    stats: dict  # what build() measured: counts, seconds per phase, rows/s, when and where

    @property
    def built_on(self) -> date:
        return date.fromisoformat(self.stats["built_on"])


def book_name(customers: int) -> str:
    return (f"book-{customers}c-s{SEED}-g{demo.GENERATOR_VERSION}-v{migrations.LATEST_VERSION}.db")


def ensure_book(customers: int, *, cache_dir: Path = CACHE_DIR, rebuild: bool = False,
                log=print) -> Book:
    """The cached book of this size, building it first when missing, stale or `rebuild` is asked."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / book_name(customers)
    stats_path = path.with_suffix(".json")
    if rebuild or not path.exists() or not stats_path.exists():
        _remove_stale(cache_dir, customers, keep=path)
        log(f"building the {customers:,}-customer book in {path} (once; later runs reuse it) ...")
        stats = build(path, customers)
        partial_stats = stats_path.with_name(f"{stats_path.name}.{os.getpid()}.partial")
        partial_stats.write_text(json.dumps(stats, indent=2, ensure_ascii=False), encoding="utf-8")
        partial_stats.replace(stats_path)
        log(f"built in {stats['seconds']['total']:.1f} s, {stats['rows_per_second']:,.0f} rows/s")
    return Book(path, json.loads(stats_path.read_text(encoding="utf-8")))


def _remove_stale(cache_dir: Path, customers: int, keep: Path) -> None:
    """Books of this size from another generator or schema version, and partial files left by a
    build that died (over a day old: a build in progress elsewhere keeps its own)."""
    day_ago = time.time() - 86_400
    for old in cache_dir.glob(f"book-{customers}c-*"):
        if ".partial" in old.name:
            try:
                if old.stat().st_mtime < day_ago:
                    old.unlink(missing_ok=True)
            except FileNotFoundError:  # its build just finished
                pass
        elif not old.name.startswith(keep.stem):
            old.unlink(missing_ok=True)


class _Timed:
    """Wraps the generator to tell generation time from write time."""

    def __init__(self, chunks: Iterable[demo.BookRows]) -> None:
        self.chunks, self.seconds = chunks, 0.0

    def __iter__(self) -> Iterator[demo.BookRows]:
        iterator = iter(self.chunks)
        while True:
            start = time.perf_counter()
            chunk = next(iterator, None)
            self.seconds += time.perf_counter() - start
            if chunk is None:
                return
            yield chunk


def build(path: Path, customers: int, today: date | None = None) -> dict:
    """Generate and write the book into a fresh file at `path`, timing each phase."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")  # two builds at once must not share it
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    today = today or date.today()
    spec = demo.BookSpec(customers=customers, seed=SEED, contacts=(CONTACTS_PER_CUSTOMER, CONTACTS_PER_CUSTOMER),
                         interactions=INTERACTIONS_PER_CUSTOMER)
    db = open_database(partial)
    try:
        started = time.perf_counter()
        with db.atomic():
            chunks = _Timed(demo.generate_book(spec, today))
            summary = demo.write_book(db, chunks, index=False)
            written = time.perf_counter()
            search.rebuild_index(db)
            indexed = time.perf_counter()
    finally:
        close_database(db)
    closed = time.perf_counter()
    before_vacuum = partial.stat().st_size
    con = sqlite3.connect(partial)
    try:
        con.execute("VACUUM")
    finally:
        con.close()
    vacuumed = time.perf_counter()
    partial.replace(path)
    total = closed - started
    rows = summary.rows
    return {
        "customers": summary.customers, "contacts": summary.contacts, "channels": summary.channels,
        "interactions": summary.interactions, "orders": summary.orders, "opportunities": summary.opportunities,
        "tag_links": summary.tag_links, "countries": summary.countries, "rows": rows,
        "seconds": {
            "generate": round(chunks.seconds, 3), "write": round(written - started - chunks.seconds, 3),
            "index": round(indexed - written, 3), "commit": round(closed - indexed, 3), "total": round(total, 3),
            "vacuum": round(vacuumed - closed, 3),
        },
        "bytes_before_vacuum": before_vacuum,
        "rows_per_second": round(rows / total),
        "index_docs_per_second": round(summary.customers / (indexed - written)),
        "built_on": today.isoformat(), "generator": demo.GENERATOR_VERSION, "schema": migrations.LATEST_VERSION,
        "sqlite": sqlite3.sqlite_version, "python": platform.python_version(), "machine": platform.machine(),
    }
