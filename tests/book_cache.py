"""A book's contents built once per test session and engine, then copied into each test's empty book.

`load_demo` writes a few thousand rows and brings the search index along (1–3 s on a server book); a test
that only reads such a book gets the same rows for a copy's price: on SQLite the first built file's pages
(sqlite3's backup), on a server every table's rows and every sequence's position (COPY, binary). The first
test of each key still builds the book for real; the builds are deterministic, so the copy is what the
build would have written. A book that is not empty is built for real, as before.

    summary = demo_book(db, clock, customers=300, seed=2026)   # in place of demo.load_demo(clock, ...)
    cached_book(db, "clustered", build, server=server)         # build() fills the bound, empty book
"""

from __future__ import annotations

import atexit
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from peewee import SqliteDatabase

from tests.postgres_server import SHARED, PostgresServer
from trade_crm.demo import book as demo
from trade_crm.domain.clock import Clock


@dataclass
class _ServerRows:
    tables: dict[str, bytes] = field(default_factory=dict)  # each table's rows, COPY's binary format
    sequences: dict[str, tuple[int, bool]] = field(default_factory=dict)  # (last_value, is_called)


_built: dict[tuple, tuple[object, object]] = {}  # key -> (DemoSummary, a SQLite file's path or _ServerRows)
_folder = Path(tempfile.mkdtemp(prefix="trade-crm-book-cache-"))
atexit.register(shutil.rmtree, _folder, ignore_errors=True)


def demo_book(db, clock: Clock, *, customers: int = 300, seed: int = 2026, server: PostgresServer | None = None):
    """The demo book in `db` (empty, bound to the models), as `demo.load_demo(clock, customers, seed)` leaves
    it; `server` is the session's PostgreSQL (the `postgres_server` fixture) when `db` is the shared book."""
    return cached_book(db, ("demo", customers, seed, clock.now().isoformat()),
                       lambda: demo.load_demo(clock, customers=customers, seed=seed), server=server)


def cached_book(db, key: tuple | str, build: Callable[[], object], *, server: PostgresServer | None = None):
    """What `build()` returns, with `db` holding what it wrote: built for real the first time per engine and
    key (or when `db` is not empty), copied in afterwards."""
    sqlite = isinstance(db, SqliteDatabase)
    if not sqlite and server is None:
        raise ValueError("a server book's copy needs the postgres_server fixture")
    key = ("sqlite" if sqlite else "postgresql", key)
    if db.execute_sql("SELECT 1 FROM customer LIMIT 1").fetchone() is not None:  # not empty: for real
        return build()
    if key in _built:
        result, saved = _built[key]
        if sqlite:
            source = sqlite3.connect(saved)
            try:
                source.backup(db.connection())
            finally:
                source.close()
        else:
            _copy_in(server, saved)
        return result
    result = build()
    if sqlite:
        saved = _folder / f"book-{len(_built)}.db"
        target = sqlite3.connect(saved)
        try:
            db.connection().backup(target)
        finally:
            target.close()
    else:
        saved = _copy_out(server)
    _built[key] = (result, saved)
    return result


def _tables(conn: psycopg.Connection) -> list[str]:
    return [t for (t,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                                       "AND tablename <> 'schema_version' ORDER BY tablename")]


def _copy_out(server: PostgresServer) -> _ServerRows:
    saved = _ServerRows()
    with server.admin(SHARED) as conn:
        for table in _tables(conn):
            with conn.cursor().copy(f'COPY "{table}" TO STDOUT (FORMAT binary)') as copy:
                saved.tables[table] = b"".join(bytes(chunk) for chunk in copy)
        for (sequence,) in conn.execute("SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'"):
            saved.sequences[sequence] = conn.execute(f'SELECT last_value, is_called FROM "{sequence}"').fetchone()
    return saved


def _copy_in(server: PostgresServer, saved: _ServerRows) -> None:
    """Into the emptied shared book, in one transaction, triggers off (the rows are the audit trail's too)."""
    with server.admin(SHARED) as conn, conn.transaction():
        conn.execute("SET LOCAL session_replication_role = replica")
        for table, rows in saved.tables.items():
            with conn.cursor().copy(f'COPY "{table}" FROM STDIN (FORMAT binary)') as copy:
                copy.write(rows)
        for sequence, (last_value, is_called) in saved.sequences.items():
            conn.execute("SELECT setval(%s::regclass, %s, %s)", (f'"{sequence}"', last_value, is_called))
