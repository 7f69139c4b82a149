"""A demo book built once per test session and engine, then copied into each test's empty book.

`load_demo` writes a few thousand rows and brings the search index along (1–3 s on a server book); a test
that only reads the demo book gets the same rows for a copy's price: on SQLite the first built file's pages
(sqlite3's backup), on a server every table's rows and every sequence's position (COPY, binary). The first
test of each (engine, size, seed, clock) still loads the demo for real, and the demo is deterministic: the
copy is what `load_demo` would have written. A book that is not empty loads the demo for real, as before.

    summary = demo_book(db, clock, customers=300, seed=2026)   # in place of demo.load_demo(clock, ...)
"""

from __future__ import annotations

import atexit
import shutil
import sqlite3
import tempfile
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
_folder = Path(tempfile.mkdtemp(prefix="trade-crm-demo-cache-"))
atexit.register(shutil.rmtree, _folder, ignore_errors=True)


def demo_book(db, clock: Clock, *, customers: int = 300, seed: int = 2026, server: PostgresServer | None = None):
    """The demo book in `db` (empty, bound to the models), as `demo.load_demo(clock, customers, seed)` leaves
    it; `server` is the session's PostgreSQL (the `postgres_server` fixture) when `db` is the shared book."""
    sqlite = isinstance(db, SqliteDatabase)
    if not sqlite and server is None:
        raise ValueError("a server book's demo needs the postgres_server fixture")
    key = ("sqlite" if sqlite else "postgresql", customers, seed, clock.now().isoformat())
    if db.execute_sql("SELECT 1 FROM customer LIMIT 1").fetchone() is not None:  # not empty: append, for real
        return demo.load_demo(clock, customers=customers, seed=seed)
    if key in _built:
        summary, saved = _built[key]
        if sqlite:
            source = sqlite3.connect(saved)
            try:
                source.backup(db.connection())
            finally:
                source.close()
        else:
            _copy_in(server, saved)
        return summary
    summary = demo.load_demo(clock, customers=customers, seed=seed)
    if sqlite:
        saved = _folder / f"demo-{len(_built)}.db"
        target = sqlite3.connect(saved)
        try:
            db.connection().backup(target)
        finally:
            target.close()
    else:
        saved = _copy_out(server)
    _built[key] = (summary, saved)
    return summary


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
