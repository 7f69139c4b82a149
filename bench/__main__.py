"""python -m bench [--quick] [--rebuild] [--customers N] [--no-server]: build (once) the big book, then time it.

Then the same book on a PostgreSQL server (bench/pg_cache.py: loaded once, kept in .bench-cache):
search over 1,000,000 customers (the 100k book ten times; --quick: the 10k book once) and the team
load test (bench/bench_pg_load.py). Without PostgreSQL's server binaries those rows are left out
with one line.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import sys
import time
from pathlib import Path

from bench.bench_catalog import catalog_bench
from bench.bench_documents import documents_bench
from bench.bench_mail import mail_bench
from bench.bench_mail_plan import mail_plan_bench
from bench.bench_publish import publish_bench
from bench.bench_whatsapp import whatsapp_bench
from bench.book import CACHE_DIR, ensure_book
from bench.cases import BENCHES, Context
from bench.report import render, write_readme_table
from trade_crm.store.db import close_database, open_database

FULL_BOOK = 100_000
README = Path(__file__).resolve().parent.parent / "README.md"
QUICK_BOOK = 10_000
SERVER_COPIES = 10  # the server book: the 100k book ten times, 1,000,000 customers
LOAD_PROCESSES, LOAD_SECONDS = 20, 60  # the team load test: 20 salespeople for a minute (--quick: 4 for 10 s)


def server_rows(book, *, quick: bool, repeats: int) -> list:
    """The PostgreSQL rows: search over the server book, then the load test on a copy of it."""
    # lazy: psycopg and the server's helpers load only when the server rows run
    from bench import bench_pg_load, bench_pg_search
    from bench.pg_cache import server_book
    from tests.postgres_server import find_bin_dir

    if find_bin_dir(os.environ) is None:
        print("PostgreSQL rows left out: no server binaries (initdb, pg_ctl); apt-get install postgresql")
        return []
    with server_book(book, 1 if quick else SERVER_COPIES) as server:
        rows = bench_pg_search.server_rows(server, book, min(repeats, 7))
        processes, seconds = (4, 10) if quick else (LOAD_PROCESSES, LOAD_SECONDS)
        return rows + bench_pg_load.run(server, processes, seconds, book.built_on)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help=f"a {QUICK_BOOK:,}-customer book, for a fast check")
    parser.add_argument("--customers", type=int, help="book size (default: 100,000, or 10,000 with --quick)")
    parser.add_argument("--rebuild", action="store_true", help="build the cached book again")
    parser.add_argument("--write-readme", action="store_true",
                        help="put the headline figures (rows with a floor) into README.md's performance table")
    parser.add_argument("--repeats", type=int, default=11, help="timed runs per figure (median reported)")
    parser.add_argument("--no-server", action="store_true", help="leave out the PostgreSQL rows")
    args = parser.parse_args(argv)
    customers = args.customers or (QUICK_BOOK if args.quick else FULL_BOOK)

    started = time.perf_counter()
    book = ensure_book(customers, cache_dir=CACHE_DIR, rebuild=args.rebuild)
    db = open_database(book.path)
    try:
        context = Context(book=book, db=db, repeats=args.repeats)
        rows = [row for bench in (*BENCHES, publish_bench, mail_plan_bench) for row in bench(context)]
    finally:
        close_database(db)
    rows += mail_bench(context)  # its own book and Dovecot (binds the models to that book, so after the rest)
    rows += whatsapp_bench(context)  # its own books too
    rows += catalog_bench(context)  # its own book of 20,000 products (#21)
    rows += documents_bench(context)  # no book: a 50-line PI to PDF
    if not args.no_server:
        rows += server_rows(book, quick=args.quick, repeats=args.repeats)
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
