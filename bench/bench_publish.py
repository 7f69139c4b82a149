"""Publishing the 100k bench book to a team server (#18 item 6): target <= 60 s, and the second publish.

A throwaway server from Debian's binaries (tests/postgres_server.py's, restarted with a server's memory
as bench_pg_search does), on loopback. Three databases with today's schema, each written by the same
login (the database owner, as a salesperson would: triggers and foreign keys on):

- floor: a raw COPY of the same rows (every table publish writes, ids as the laptop has them) and of the
  search documents with their token arrays: what any way of getting this book onto the server must do;
- publish: `domain.team.publish.publish`, the whole of it, into an empty book;
- again: the same publish a second time (nothing new: every row found through row_origin).

    .venv/bin/python -m bench.bench_publish            # alone (also a row group of `make bench`)
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from bench.bench_pg_search import restart_for_bench
from bench.book import CACHE_DIR, ensure_book
from bench.report import Row, render
from tests.postgres_server import OWNER, OWNER_PASSWORD, PostgresServer, start_server, stop_server
from trade_crm.domain.team.publish import publish
from trade_crm.domain.team.publish_rows import COLUMNS, array_text
from trade_crm.store import search
from trade_crm.store.db import close_database, open_database
from trade_crm.store.models import database
from trade_crm.store.pg_access import roles_sql
from trade_crm.store.postgres import open_postgres

TARGET_S = 60.0
SECTION = "publish a laptop book to a team server (PostgreSQL on loopback; x base: a raw COPY of the same rows)"
FLOOR_TABLES = ("tag", "custom_field", "customer", "contact", "contact_channel", "interaction", "opportunity",
                "orders", "reminder", "import_batch", "customer_tag", "custom_field_value")


def _columns(table: str) -> list[str]:
    if table in COLUMNS:
        return ["id", *COLUMNS[table]]
    return {"tag": ["id", "name"], "custom_field": ["id", "name", "kind", "choices", "position"],
            "customer_tag": ["customer_id", "tag_id"],
            "custom_field_value": ["id", "customer_id", "field_id", "value"]}[table]


@dataclass
class Spent:
    """Wall seconds, and CPU seconds of this process and of the server's backend: two shared cores make
    the wall time swing with the machine's load; the CPU seconds say what the work itself costs."""

    wall: float = 0.0
    client: float = 0.0
    server: float | None = None

    def note(self) -> str:
        server = f"{self.server:.1f}" if self.server is not None else "?"
        return f"CPU: client {self.client:.1f} s, server {server} s"


def _process_cpu(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def spent(target) -> Iterator[Spent]:
    pid = target.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    out = Spent()
    wall, client, server = time.perf_counter(), time.process_time(), _process_cpu(pid)
    yield out
    out.wall, out.client = time.perf_counter() - wall, time.process_time() - client
    after = _process_cpu(pid)
    out.server = after - server if after is not None and server is not None else None


def raw_copy(server: PostgresServer, dbname: str, sqlite_path: Path) -> Spent:
    """The floor: every row COPYed as it is, one transaction, as the owner over TCP."""
    src = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    target = open_postgres(server.url(OWNER, dbname), password=OWNER_PASSWORD, bind=False)
    try:
        with spent(target) as cost, target.atomic():
            cursor = target.cursor()
            for table in FLOOR_TABLES:
                columns = _columns(table)
                with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in src.execute(f"SELECT {', '.join(columns)} FROM {table}"):
                        copy.write_row(row)
            docs = src.execute("SELECT rowid, body FROM search_trigram").fetchall()
            with cursor.copy("COPY search_trigram (rowid, body) FROM STDIN") as copy:
                for row in docs:
                    copy.write_row(row)
            with cursor.copy("COPY search_words (rowid, tokens) FROM STDIN") as copy:
                for rowid, body in docs:
                    copy.write_row((rowid, array_text(search.short_tokens(body))))
        return cost
    finally:
        target.close()
        src.close()


def _rows_on(server: PostgresServer, dbname: str) -> int:
    with server.admin(dbname) as conn:
        return sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in FLOOR_TABLES)


def publish_rows(book_path: Path, log=print) -> list[Row]:
    """Start a server, time the floor, the first publish and a second one; stop the server. The book is
    copied first: publishing gives it an id (a setting row), and the cached book stays as built."""
    with tempfile.TemporaryDirectory(prefix="trade-crm-publish-") as folder:
        sqlite_path = Path(folder) / book_path.name
        source, copy = sqlite3.connect(book_path), sqlite3.connect(sqlite_path)
        try:  # the backup API: a consistent copy even while `make bench` holds the book open (its WAL)
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        return _measure(sqlite_path, log)


def _measure(sqlite_path: Path, log) -> list[Row]:
    server = start_server(os.environ)
    bound = database.obj
    try:
        restart_for_bench(server)
        server.execute(roles_sql())  # the team's group roles: step 11 grants them the tables
        server.create_role(OWNER, OWNER_PASSWORD)
        names = [server.create_database(OWNER) for _ in range(2)]
        for name in names:
            open_postgres(server.url(OWNER, name), password=OWNER_PASSWORD).close()  # today's schema (binds)
        database.initialize(bound)
        floor = raw_copy(server, names[0], sqlite_path)
        floor_s = floor.wall
        log(f"floor (raw COPY) {floor_s:.1f} s; {floor.note()}")
        source = open_database(sqlite_path, migrate=False)
        target = open_postgres(server.url(OWNER, names[1]), password=OWNER_PASSWORD, bind=False)
        try:
            now = datetime.now(timezone.utc)
            with spent(target) as first_cost:
                first = publish(source, target, now=now)
            first_s = first_cost.wall
            log(f"publish {first_s:.1f} s; {first_cost.note()}")
            with spent(target) as again_cost:
                again = publish(source, target, now=now)
            again_s = again_cost.wall
            log(f"second publish {again_s:.1f} s; {again_cost.note()}")
        finally:
            target.close()
            close_database(source)
        rows_floor, rows_published = _rows_on(server, names[0]), _rows_on(server, names[1])
    finally:
        database.initialize(bound)
        stop_server(server)
    customers = first.count("customer").created
    return [
        Row(SECTION, "raw COPY of the same rows (base)", floor_s, "s", ratio=1.0,
            note=f"{rows_floor:,} rows and {customers:,} search documents; {floor.note()}"),
        Row(SECTION, f"publish the {customers:,}-customer bench book", first_s, "s", ratio=first_s / floor_s,
            target=f"< {TARGET_S:g} s", ok=first_s < TARGET_S and rows_published == rows_floor,
            floor="a raw COPY of the same rows into the same schema",
            note=f"{rows_published:,} rows on the server"
                 + ("" if rows_published == rows_floor else f" (MISMATCH: floor has {rows_floor:,})")
                 + f"; {first_cost.note()}"),
        *[Row(SECTION, f"  {name}", seconds, "s", ratio=seconds / first_s) for name, seconds in first.phases],
        Row(SECTION, "publish again (nothing new)", again_s, "s", ratio=again_s / floor_s,
            ok=again.created == 0 and again.updated == 0,
            note=f"{again.created} created, {again.updated} updated; {again_cost.note()}"),
        *[Row(SECTION, f"  {name}", seconds, "s", ratio=seconds / again_s) for name, seconds in again.phases],
    ]


def publish_bench(ctx) -> list[Row]:
    """`make bench`'s rows (bench.cases.BENCHES)."""
    return publish_rows(ctx.book.path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_publish", description=__doc__)
    parser.add_argument("--customers", type=int, default=100_000, help="the bench book's size (default 100,000)")
    args = parser.parse_args(argv)
    book = ensure_book(args.customers, cache_dir=CACHE_DIR)
    print(render(publish_rows(book.path)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
