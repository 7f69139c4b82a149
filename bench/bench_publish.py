"""Publishing the 100k bench book to a team server (#18 item 6): target <= 60 s, and the second publish.

A throwaway server from Debian's binaries (tests/postgres_server.py's, restarted with bench/pg_cache.py's
settings: a server's memory, durability off), on loopback, today's schema in each database:

- floor: a raw COPY of the same rows (every table publish writes, ids as the laptop has them) and of the
  search documents with their token arrays, by the database's owner in one transaction: what any way of
  getting this book onto the server must do. Every customer table is under row-level security, which COPY
  FROM refuses to anyone but a superuser, so the floor stages each table in a temporary table and moves it
  with one INSERT ... SELECT, as publish does (triggers, foreign keys and indexes all on);
- publish: `domain.team.publish.publish`, the whole of it, into an empty book, by a salesperson (a member of
  trade_crm_sales: not the owner, not a manager; row-level security checks every row). Into an empty book it
  is a bulk load (server step 20, store/pg_bulk.py: indexes built and foreign keys checked once at the end),
  which the floor is not: since step 20 the publish takes less server time than its floor;
- again: the same publish a second time (nothing new: every row found through row_origin);
- `--breakdown`: where the floor's time goes, the superuser's COPY of the same rows into a fresh copy of the
  schema without each kind of server work in turn (the row triggers step 15 replaced, the audit trail, the
  reminders' change log, the search bands' triggers, the GIN indexes, foreign keys and triggers, all of
  them): wall, the server backend's CPU, the WAL written; and the publish by the owner (no policies to check).

    .venv/bin/python -m bench.bench_publish [--quick | --book FILE] [--breakdown]   # also rows of `make bench`
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

from bench import pg_cache
from bench.book import CACHE_DIR, ensure_book
from bench.report import Row, render
from tests.postgres_server import OWNER, OWNER_PASSWORD, PostgresServer, start_server, stop_server
from trade_crm.domain.team.publish import publish
from trade_crm.domain.team.publish_rows import COLUMNS, array_text
from trade_crm.store import pg_access, pg_search, pg_set_triggers, pg_steps, search
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


def _wal_lsn(target) -> str:
    return target.execute_sql("SELECT pg_current_wal_insert_lsn()::text").fetchone()[0]


def _wal_mb(conn, before: str) -> float:
    return float(conn.execute("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), %s::pg_lsn)",
                              (before,)).fetchone()[0]) / 2**20


def copy_rows(cursor, src: sqlite3.Connection, *, staged: bool, per_table: dict[str, float] | None = None) -> None:
    """Every row publish writes, COPYed as the laptop has it (ids too), then the search documents with their
    token arrays. `staged`: through a temporary table and one INSERT ... SELECT per table, as any login but a
    superuser must (COPY FROM refuses a table under row-level security, and every customer table is one); the
    staged documents get their sort bands in the INSERT (pg_search.band_values_sql), as publish gives them."""
    bands = dict(cursor.execute("SELECT sort, bounds FROM search_band").fetchall())
    bands_sql = pg_search.band_values_sql("c")
    bands = [bands.get("name"), bands.get("last_contact")]
    def one(table: str, columns: list[str], rows) -> None:
        started = time.perf_counter()
        names = ", ".join(columns)
        into = f"floor_stage_{table}" if staged else table
        if staged:
            cursor.execute(f"CREATE TEMP TABLE {into} AS SELECT {names} FROM {table} WITH NO DATA")
        with cursor.copy(f"COPY {into} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        if staged and table.startswith("search_"):  # the documents' sort bands in the same INSERT, as publish
            cursor.execute(f"INSERT INTO {table} ({names}, name_band, contact_band) SELECT d.{columns[0]}, "
                           f"d.{columns[1]}, {bands_sql} FROM {into} d JOIN customer c ON c.id = d.rowid", bands)
        elif staged:
            cursor.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {into}")
        if staged:
            cursor.execute(f"DROP TABLE {into}")
        if per_table is not None:
            per_table[table] = time.perf_counter() - started

    for table in FLOOR_TABLES:
        columns = _columns(table)
        one(table, columns, src.execute(f"SELECT {', '.join(columns)} FROM {table}"))
    docs = src.execute("SELECT rowid, body FROM search_trigram").fetchall()
    one("search_trigram", ["rowid", "body"], docs)
    one("search_words", ["rowid", "tokens"], ((rowid, array_text(search.short_tokens(body))) for rowid, body in docs))


def raw_copy(server: PostgresServer, dbname: str, sqlite_path: Path) -> Spent:
    """The floor: every row COPYed as it is, one transaction, as the owner over TCP (staged: row-level security)."""
    src = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    target = open_postgres(server.url(OWNER, dbname), password=OWNER_PASSWORD, bind=False)
    try:
        with spent(target) as cost, target.atomic():
            copy_rows(target.cursor(), src, staged=True)
        return cost
    finally:
        target.close()
        src.close()


def _rows_on(server: PostgresServer, dbname: str) -> int:
    with server.admin(dbname) as conn:
        return sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in FLOOR_TABLES)


def publish_rows(book_path: Path, log=print, *, breakdown: bool = False) -> list[Row]:
    """Start a server, time the floor, the first publish and a second one (and with `breakdown`, the floor
    without each kind of server work); stop the server. The book is copied first: publishing gives it an id
    (a setting row), and the cached book stays as built."""
    with tempfile.TemporaryDirectory(prefix="trade-crm-publish-") as folder:
        sqlite_path = Path(folder) / book_path.name
        # read-only: a writable connection may checkpoint the book on close, and its new bytes give it a new
        # digest, which makes bench/pg_cache.py load the 1,000,000-customer server book again
        source, copy = sqlite3.connect(f"file:{book_path}?mode=ro", uri=True), sqlite3.connect(sqlite_path)
        try:  # the backup API: a consistent copy even while `make bench` holds the book open (its WAL)
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        return _measure(sqlite_path, log, breakdown)


def _measure(sqlite_path: Path, log, breakdown: bool) -> list[Row]:
    server = start_server(os.environ)
    bound = database.obj
    try:
        pg_cache.restart(server)
        server.execute(roles_sql())  # the team's group roles: step 11 grants them the tables
        server.create_role(OWNER, OWNER_PASSWORD)
        template = server.create_database(OWNER)
        open_postgres(server.url(OWNER, template), password=OWNER_PASSWORD).close()  # today's schema (binds)
        database.initialize(bound)
        names = [_clone(server, template) for _ in range(2)]
        seller = server.person(SELLER)  # a salesperson: not the owner, not a manager (row-level security)
        load = _load()
        floor = raw_copy(server, names[0], sqlite_path)
        floor_s = floor.wall
        log(f"floor (raw COPY) {floor_s:.1f} s; {floor.note()}; load {load}")
        source = open_database(sqlite_path, migrate=False)
        target = open_postgres(seller.url(names[1]), password=seller.password, bind=False)
        try:
            now = datetime.now(timezone.utc)
            with spent(target) as first_cost:
                first = publish(source, target, now=now)
            first_s = first_cost.wall
            log(f"publish {first_s:.1f} s; {first_cost.note()}; load {_load()}")
            with spent(target) as again_cost:
                again = publish(source, target, now=now)
            again_s = again_cost.wall
            log(f"second publish {again_s:.1f} s; {again_cost.note()}")
        finally:
            target.close()
            close_database(source)
        rows_floor, rows_published = _rows_on(server, names[0]), _rows_on(server, names[1])
        for name in names:
            server.execute(f"DROP DATABASE {name}")
        parts = breakdown_rows(server, template, sqlite_path, log) if breakdown else []
        if breakdown:
            parts.append(_owner_publish(server, template, sqlite_path, first_s, log))
    finally:
        database.initialize(bound)
        stop_server(server)
    customers = first.count("customer").created
    return [
        Row(SECTION, "raw COPY of the same rows (base)", floor_s, "s", ratio=1.0,
            note=f"{rows_floor:,} rows and {customers:,} search documents, as the owner; {floor.note()}; "
                 f"load average {load}"),
        Row(SECTION, f"publish the {customers:,}-customer bench book", first_s, "s", ratio=first_s / floor_s,
            target=f"< {TARGET_S:g} s", ok=first_s < TARGET_S and rows_published == rows_floor,
            floor="a raw COPY of the same rows into the same schema",
            note=f"{rows_published:,} rows on the server, as a salesperson"
                 + ("" if rows_published == rows_floor else f" (MISMATCH: floor has {rows_floor:,})")
                 + f"; {first_cost.note()}"),
        *[Row(SECTION, f"  {name}", seconds, "s", ratio=seconds / first_s) for name, seconds in first.phases],
        Row(SECTION, "publish again (nothing new)", again_s, "s", ratio=again_s / floor_s,
            ok=again.created == 0 and again.updated == 0,
            note=f"{again.created} created, {again.updated} updated; {again_cost.note()}"),
        *[Row(SECTION, f"  {name}", seconds, "s", ratio=seconds / again_s) for name, seconds in again.phases],
        *parts,
    ]


SELLER = "bench_seller"
BREAKDOWN = "where a raw COPY's time goes (the superuser's COPY of the same rows; x base: the schema as it is)"
# (label, statements run as the superuser on the copy first, statements run in the COPY's transaction first)
VARIANTS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("the schema as it is (base)", (), ()),
    ("row triggers for inserts (steps 9 and 11, before step 15)",
     tuple(pg_set_triggers.row_trigger_statements(pg_steps.V9_WATCHED)), ()),
    ("without the audit triggers", tuple(f"ALTER TABLE {t} DISABLE TRIGGER team_audit_inserted"
                                          for t in pg_access.AUDITED), ()),
    ("without the reminders' change log", tuple(f"ALTER TABLE {t} DISABLE TRIGGER {t}_change_inserted"
                                                 for t in pg_steps.V9_WATCHED), ()),
    ("without the search bands' triggers", ("ALTER TABLE search_trigram DISABLE TRIGGER search_trigram_bands",
                                             "ALTER TABLE search_words DISABLE TRIGGER search_words_bands"), ()),
    ("without the search GIN indexes", tuple(f"DROP INDEX {index}" for index in pg_search.GIN_INDEXES), ()),
    ("without foreign keys nor triggers (session_replication_role = replica)", (),
     ("SET LOCAL session_replication_role = replica",)),
    ("bare: no triggers, no foreign key checks, no GIN indexes",
     tuple(f"DROP INDEX {index}" for index in pg_search.GIN_INDEXES), ("SET LOCAL session_replication_role = replica",)),
)


def breakdown_rows(server: PostgresServer, template: str, sqlite_path: Path, log) -> list[Row]:
    """The floor's COPY once per variant, each into a fresh copy of the schema, in one run: wall, the server
    backend's CPU, the WAL written, and the tables' seconds."""
    rows, base = [], None
    src = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    try:
        for label, setup, session in VARIANTS:
            name = _clone(server, template)
            with server.admin(name) as conn:
                for statement in setup:
                    conn.execute(statement)
            with server.admin(name) as conn:
                conn.autocommit = False
                pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
                for statement in session:
                    conn.execute(statement)
                before = conn.execute("SELECT pg_current_wal_insert_lsn()::text").fetchone()[0]
                tables: dict[str, float] = {}
                wall, cpu = time.perf_counter(), _process_cpu(pid)
                copy_rows(conn.cursor(), src, staged=False, per_table=tables)
                conn.commit()
                wall, cpu_after = time.perf_counter() - wall, _process_cpu(pid)
                wal = _wal_mb(conn, before)
            server.execute(f"DROP DATABASE {name}")
            base = base or wall
            server_cpu = cpu_after - cpu if cpu is not None and cpu_after is not None else float("nan")
            slowest = sorted(tables.items(), key=lambda kv: -kv[1])[:4]
            note = (f"server CPU {server_cpu:.1f} s, WAL {wal:,.0f} MB; load {_load()}; "
                    + ", ".join(f"{t} {s:.1f}" for t, s in slowest))
            log(f"{label}: {wall:.1f} s; {note}")
            rows.append(Row(BREAKDOWN, label, wall, "s", ratio=wall / base, note=note))
    finally:
        src.close()
    return rows


def _owner_publish(server: PostgresServer, template: str, sqlite_path: Path, seller_s: float, log) -> Row:
    """The same publish by the database's owner (its policies are `true`): what the salesperson's row-level
    security checks cost. The book published before keeps its id: into a fresh database, all is new again."""
    name = _clone(server, template)
    source = open_database(sqlite_path, migrate=False)
    target = open_postgres(server.url(OWNER, name), password=OWNER_PASSWORD, bind=False)
    try:
        with spent(target) as cost:
            publish(source, target, now=datetime.now(timezone.utc))
    finally:
        target.close()
        close_database(source)
        server.execute(f"DROP DATABASE {name}")
    log(f"publish as the owner {cost.wall:.1f} s; {cost.note()}; load {_load()}")
    return Row(BREAKDOWN, "publish as the owner instead of a salesperson (no row-level security checks)",
               cost.wall, "s", note=f"{cost.wall / seller_s:.2f} x the salesperson's publish; {cost.note()}; "
                                    f"load {_load()}")


def _clone(server: PostgresServer, template: str) -> str:
    name = server.create_database(OWNER, template=template)
    return name


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def publish_bench(ctx) -> list[Row]:
    """`make bench`'s rows (bench.cases.BENCHES)."""
    return publish_rows(ctx.book.path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_publish", description=__doc__)
    parser.add_argument("--customers", type=int, default=100_000, help="the bench book's size (default 100,000)")
    parser.add_argument("--quick", action="store_true", help="the 10,000-customer book")
    parser.add_argument("--book", type=Path, help="a laptop book to publish instead of the bench book")
    parser.add_argument("--breakdown", action="store_true",
                        help="also time the floor without each kind of server work (triggers, keys, GIN indexes)")
    args = parser.parse_args(argv)
    path = args.book or ensure_book(10_000 if args.quick else args.customers, cache_dir=CACHE_DIR).path
    print(render(publish_rows(path, breakdown=args.breakdown)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
