"""The bench's server book: the SQLite bench book copied into PostgreSQL once, its data folder kept.

Loading 1,000,000 customers and building their GIN indexes takes minutes, so the loaded server's data
folder is kept in .bench-cache/, named by the customer count, the schema version, the loader's version
and a digest of the source book: a new schema, loader or book loads again (and the stale folder goes), any other run
starts a server on the kept folder in a second or two. The search bench only reads the book
(`BOOK_DB`); the load test writes into a copy (`clone`) and drops it, so the kept one stays as loaded.

The book is the 100k bench book (.bench-cache/) copied in `copies` times with ids shifted (10 copies:
1,000,000 customers with the same spread of names and hits, ten of each): customers, contacts, channels,
tags and the search documents as SQLite built them (`search.short_tokens` makes the token arrays, the
bands come from the server's own bounds, each row carries its customer's sort keys, the rows go in name-band
order as `pg_search.rebalance` stores them), then the GIN indexes built once over the rows.
"""

from __future__ import annotations

import hashlib
import json
import os
import pwd
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.book import CACHE_DIR, Book
from tests.postgres_server import OWNER, OWNER_PASSWORD, PostgresServer, find_bin_dir, free_port, server_user
from trade_crm.store import migrations, pg_search, search
from trade_crm.store.pg_access import roles_sql
from trade_crm.store.postgres import open_postgres

BOOK_DB = "bench_book"
LOAD_VERSION = 5  # bump when `load` changes what it leaves (a kept folder of another version loads again)
# A server's memory for the size, durability off (a bench's throwaway cluster), on loopback.
SERVER_OPTIONS = ("-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=512MB "
                  "-c maintenance_work_mem=512MB -c work_mem=16MB -c effective_cache_size=4GB -c max_wal_size=4GB "
                  "-c max_connections=60 -c jit=off")
TABLES = ("customer", "contact", "contact_channel", "tag", "customer_tag")  # tags are copied once
SHIFTED = ("customer", "contact", "contact_channel")  # ids made new in each copy


@dataclass(frozen=True)
class ServerBook:
    server: PostgresServer
    customers: int
    stats: dict  # what the load measured (seconds per phase, sizes), kept beside the folder

    def url(self, dbname: str = BOOK_DB) -> str:
        return self.server.url(OWNER, dbname)


def book_digest(book: Book) -> str:
    """A digest of the source book's bytes (1-2 s for 450 MB), remembered beside it by size and mtime."""
    stat = book.path.stat()
    memo = book.path.with_suffix(".digest")
    stamp = f"{stat.st_size}:{stat.st_mtime_ns}"
    if memo.exists():
        known_stamp, _, known = memo.read_text().partition(" ")
        if known_stamp == stamp:
            return known.strip()
    with book.path.open("rb") as f:
        digest = hashlib.file_digest(f, "blake2b").hexdigest()[:16]
    memo.write_text(f"{stamp} {digest}")
    return digest


def folder_name(customers: int, digest: str) -> str:
    return f"pg-{customers}c-v{migrations.LATEST_VERSION}-l{LOAD_VERSION}-{digest}"


def _start(server: PostgresServer) -> None:
    """Start the server of `server.folder`'s data folder with the bench's settings."""
    command = [str(server.bin_dir / "pg_ctl"), "-D", str(server.data_dir), "-l", str(server.folder / "server.log"),
               "-o", f"-p {server.port} -k {server.socket_dir} -c listen_addresses={server.host} {SERVER_OPTIONS}",
               "-w", "-t", "120", "start"]
    server.socket_dir.mkdir(exist_ok=True)
    if server.run_as:
        command = ["runuser", "-u", server.run_as, "--", *command]
        account = pwd.getpwnam(server.run_as)
        os.chown(server.socket_dir, account.pw_uid, account.pw_gid)
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "LC_ALL": "C.UTF-8"})
    if result.returncode:
        log = server.folder / "server.log"
        tail = log.read_text(errors="replace")[-1500:] if log.exists() else ""
        raise RuntimeError(f"pg_ctl start failed: {result.stderr.strip() or result.stdout.strip()}\n{tail}")


def restart(server: PostgresServer) -> None:
    """Restart a test server (tests/postgres_server.py's settings) with the bench's: a server's memory."""
    server.stop()
    _start(server)


def _stop(server: PostgresServer) -> None:
    """A clean shutdown (a checkpoint), so the kept folder starts without recovery."""
    if (server.data_dir / "postmaster.pid").exists():
        command = [str(server.bin_dir / "pg_ctl"), "-D", str(server.data_dir), "-m", "fast", "-w", "-t", "120", "stop"]
        if server.run_as:
            command = ["runuser", "-u", server.run_as, "--", *command]
        subprocess.run(command, check=True, capture_output=True)


@contextmanager
def server_book(book: Book, copies: int, *, cache_dir: Path = CACHE_DIR, log=print) -> Iterator[ServerBook]:
    """A running server holding `book` copied `copies` times in BOOK_DB, loaded once and then reused."""
    bin_dir = find_bin_dir(os.environ)
    if bin_dir is None:
        raise RuntimeError("no PostgreSQL server binaries (initdb, pg_ctl) found")
    customers = int(book.stats["customers"]) * copies
    name = folder_name(customers, book_digest(book))
    folder = cache_dir / name
    if not (folder / "ready.json").exists():
        for stale in cache_dir.glob(f"pg-{customers}c-*"):
            shutil.rmtree(stale, ignore_errors=True)
        log(f"loading {customers:,} customers into a server kept in {folder} (once; later runs reuse it) ...")
        _build(bin_dir, folder, book, copies, log)
    server = PostgresServer(bin_dir, folder, free_port(), server_user())
    _start(server)
    try:
        yield ServerBook(server, customers, json.loads((folder / "ready.json").read_text()))
    finally:
        _stop(server)


def _build(bin_dir: Path, folder: Path, book: Book, copies: int, log) -> None:
    partial = folder.with_name(f"{folder.name}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    server = PostgresServer(bin_dir, partial, free_port(), server_user())
    server.start()  # initdb, then the tests' settings: restarted with the bench's
    try:
        server.stop()
        _start(server)
        server.execute(roles_sql())  # the team's group roles: step 11 grants them the tables
        server.create_role(OWNER, OWNER_PASSWORD)
        server.execute(f"CREATE DATABASE {BOOK_DB} OWNER {OWNER} TEMPLATE template0")
        open_postgres(server.url(OWNER, BOOK_DB), password=OWNER_PASSWORD).close()  # today's schema
        seconds = load(server, BOOK_DB, book.path, copies, log)
        with server.admin(BOOK_DB) as conn:
            size = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
            indexes = {index: conn.execute("SELECT pg_relation_size(%s)", (index,)).fetchone()[0]
                       for index in pg_search.GIN_INDEXES}
    finally:
        _stop(server)
    shutil.rmtree(partial / "socket", ignore_errors=True)
    stats = {"seconds": seconds, "database_bytes": size, "index_bytes": indexes, "copies": copies,
             "source": book.path.name, "loaded_at": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())}
    (partial / "ready.json").write_text(json.dumps(stats, indent=2))
    partial.replace(folder)


def load(server: PostgresServer, dbname: str, sqlite_path: Path, copies: int, log=print) -> dict[str, float]:
    """Copy the SQLite book in `copies` times (ids shifted), draw the sort bands' bounds, copy the search
    documents with their bands, then build the GIN indexes; seconds per phase."""
    src = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    seconds: dict[str, float] = {}
    with server.admin(dbname) as conn:
        conn.execute("SET session_replication_role = replica")  # no triggers (the reminders' log), no FK checks
        for index in pg_search.GIN_INDEXES:
            conn.execute(f"DROP INDEX {index}")
        started = time.perf_counter()
        shifts = {t: src.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0] for t in SHIFTED}
        for table in TABLES:
            pg_columns = {c for (c,) in conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = %s", (table,))}
            columns = [r[1] for r in src.execute(f"PRAGMA table_info({table})") if r[1] in pg_columns]
            rows = src.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            booleans = {c for (c,) in conn.execute("SELECT column_name FROM information_schema.columns "
                                                   "WHERE table_name = %s AND data_type = 'boolean'", (table,))}
            owners = {"id": table, "customer_id": "customer", "contact_id": "contact"}
            positions = [(i, owners[c]) for i, c in enumerate(columns) if owners.get(c) in shifts]
            flags = [i for i, c in enumerate(columns) if c in booleans]
            for copy in range(copies if table != "tag" else 1):
                with conn.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as out:
                    for row in rows:
                        row = list(row)
                        for i, owner in positions:
                            if row[i] is not None:
                                row[i] += copy * shifts[owner]
                        for i in flags:
                            row[i] = None if row[i] is None else bool(row[i])
                        out.write_row(row)
        for table in SHIFTED:  # the sequences past the copied ids, so new rows get new ones
            conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        conn.execute("ANALYZE customer")
        seconds["copy rows"] = time.perf_counter() - started
        log(f"rows copied in {seconds['copy rows']:.1f} s")
        started = time.perf_counter()
        _draw_bounds(server, dbname)
        bands = {cid: (nb, cb, name, contact) for cid, nb, cb, name, contact in conn.execute(
            "SELECT id, search_name_band(name), search_contact_band(last_contact_at), name, last_contact_at "
            "FROM customer")}
        docs = src.execute("SELECT rowid, body FROM search_trigram").fetchall()
        tokens = [search.short_tokens(body) for _, body in docs]
        seconds["bands and token arrays"] = time.perf_counter() - started
        started = time.perf_counter()
        ordered = sorted(((*bands[rowid + copy * shifts["customer"]], rowid + copy * shifts["customer"], i)
                          for copy in range(copies) for i, (rowid, _) in enumerate(docs)))  # in band order,
        keys = "name_band, contact_band, name, last_contact_at"  # the bands and the sort keys (steps 12 and 14)
        with conn.cursor().copy(f"COPY search_trigram (rowid, body, {keys}) FROM STDIN") as out:
            for name_band, contact_band, name, contact, rowid, i in ordered:  # as `pg_search.rebalance` stores them
                out.write_row((rowid, docs[i][1], name_band, contact_band, name, contact))
        with conn.cursor().copy(f"COPY search_words (rowid, tokens, {keys}) FROM STDIN") as out:
            for name_band, contact_band, name, contact, rowid, i in ordered:
                out.write_row((rowid, tokens[i], name_band, contact_band, name, contact))
        seconds["copy documents"] = time.perf_counter() - started
        log(f"documents copied in {seconds['copy documents']:.1f} s")
        for index, statement in pg_search.GIN_INDEXES.items():
            started = time.perf_counter()
            conn.execute(statement)
            seconds[f"build {index}"] = time.perf_counter() - started
            log(f"{index} built in {seconds[f'build {index}']:.1f} s")
        started = time.perf_counter()
        conn.execute("VACUUM ANALYZE")
        seconds["vacuum analyze"] = time.perf_counter() - started
    src.close()
    return seconds


def _draw_bounds(server: PostgresServer, dbname: str) -> None:
    """The bounds from the loaded customers, drawn by the app's own function (as its owner would)."""
    db = open_postgres(server.url(OWNER, dbname), password=OWNER_PASSWORD)
    try:
        with db.atomic():
            pg_search.draw_bounds(db)
    finally:
        db.close()


@contextmanager
def clone(book: ServerBook, name: str) -> Iterator[str]:
    """A writable copy of the kept book (a file copy of its folder), dropped afterwards."""
    book.server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    book.server.execute(f"CREATE DATABASE {name} OWNER {OWNER} TEMPLATE {BOOK_DB} STRATEGY FILE_COPY")
    try:
        yield name
    finally:
        book.server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
