"""python -m bench [--quick] [--rebuild] [--customers N]: build (once) the big book, then time it."""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import sys
import time
from pathlib import Path

from bench.bench_publish import publish_bench
from bench.book import CACHE_DIR, ensure_book
from bench.cases import BENCHES, Context
from bench.report import render, write_readme_table
from trade_crm.store.db import close_database, open_database

FULL_BOOK = 100_000
README = Path(__file__).resolve().parent.parent / "README.md"
QUICK_BOOK = 10_000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help=f"a {QUICK_BOOK:,}-customer book, for a fast check")
    parser.add_argument("--customers", type=int, help="book size (default: 100,000, or 10,000 with --quick)")
    parser.add_argument("--rebuild", action="store_true", help="build the cached book again")
    parser.add_argument("--write-readme", action="store_true",
                        help="put the headline figures (rows with a floor) into README.md's performance table")
    parser.add_argument("--repeats", type=int, default=11, help="timed runs per figure (median reported)")
    args = parser.parse_args(argv)
    customers = args.customers or (QUICK_BOOK if args.quick else FULL_BOOK)

    started = time.perf_counter()
    book = ensure_book(customers, cache_dir=CACHE_DIR, rebuild=args.rebuild)
    db = open_database(book.path)
    try:
        context = Context(book=book, db=db, repeats=args.repeats)
        rows = [row for bench in (*BENCHES, publish_bench) for row in bench(context)]
    finally:
        close_database(db)
    print(f"Trade CRM bench: {customers:,} customers, {book.path.name}; SQLite {sqlite3.sqlite_version}, "
          f"Python {platform.python_version()}, {platform.machine()}")
    print(render(rows))
    if args.write_readme:
        heading = (f"`make bench` on {platform.machine()}, {os.cpu_count()} cores, {customers:,} customers, "
                   f"{time.strftime('%Y-%m-%d')}; SQLite {sqlite3.sqlite_version}, Python {platform.python_version()}.")
        write_readme_table(README, rows, heading)
    missed = [row for row in rows if row.ok is False]
    print(f"\n{len(missed)} target(s) missed" if missed else "\nall targets met", end="")
    print(f"; bench ran {time.perf_counter() - started:.1f} s")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
