"""Copy a big write's pages from the WAL into the book file after it is committed, not inside the commit.

A 10,000-row import dirties some 13,000 pages of a 100,000-customer book. With SQLite's automatic
checkpoint the COMMIT itself would copy them into the book file and sync it (a quarter of a second on a
laptop's disk) before the import could say "done", although the write is already durable: the WAL was
synced at COMMIT (`synchronous = full`). So a bulk write turns the automatic checkpoint off for its
transaction and, once committed, a background thread checkpoints on its own connection (PASSIVE: it never
blocks a reader or the next writer, and what a reader still needs is copied by the next checkpoint).
Closing the book waits for it (store/db.py), so no thread outlives the file it writes.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from peewee import SqliteDatabase

log = logging.getLogger(__name__)

_pending: dict[str, list[threading.Thread]] = {}
_lock = threading.Lock()


@contextmanager
def checkpoint_after(db: SqliteDatabase) -> Iterator[None]:
    """Around one bulk write transaction on `db`: no checkpoint inside its COMMIT, one in the background
    after it. An in-memory book has no WAL: nothing to do."""
    path = db.database
    if path == ":memory:" or not path:
        yield
        return
    before = db.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0]
    db.execute_sql("PRAGMA wal_autocheckpoint = 0")
    try:
        yield
    finally:
        db.execute_sql(f"PRAGMA wal_autocheckpoint = {int(before)}")
        if before > 0:
            start_checkpoint(path)


def start_checkpoint(path: str) -> threading.Thread:
    thread = threading.Thread(target=_checkpoint, args=(path,), name="wal-checkpoint", daemon=True)
    with _lock:
        _pending.setdefault(path, []).append(thread)
    thread.start()
    return thread


def _checkpoint(path: str) -> None:
    try:
        connection = sqlite3.connect(path, timeout=5)
        try:
            connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        finally:
            connection.close()
    except sqlite3.Error as exc:  # a book closed and deleted meanwhile; the next checkpoint does the work
        log.info("background checkpoint of %s skipped: %s", path, exc)
    finally:
        with _lock:
            threads = _pending.get(path, [])
            if threading.current_thread() in threads:
                threads.remove(threading.current_thread())
            if not threads:
                _pending.pop(path, None)


def wait_for_checkpoints(path: str | None = None) -> None:
    """Wait for the background checkpoints of this book (all books when None): before it is closed."""
    with _lock:
        threads = [t for p, ts in _pending.items() if path is None or p == path for t in ts]
    for thread in threads:
        thread.join()
