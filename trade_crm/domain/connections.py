"""The calling thread's own connection to the bound book, for work that runs on a worker thread.

peewee keeps connection state per thread: a worker opens its own connection on first use and must close
it when done, so that no connection outlives its thread. The UI's job runner and the reminder scheduler
use these functions instead of the database proxy itself (the UI never imports store.models).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from peewee import PeeweeException

from trade_crm.store.models import database

log = logging.getLogger(__name__)


@contextmanager
def worker_connection() -> Iterator[None]:
    """Around a job (the UI's job runner does this): the worker thread's own connection, opened by peewee
    on first use and always closed at the end, so a pool thread never keeps one between jobs.

    The book the job started on is closed too when another was bound meanwhile (a window switched books, a
    test ended): its connection would otherwise stay open in the pool thread until the garbage collector found
    it (a psycopg ResourceWarning in some later test)."""
    started = database.obj
    try:
        yield
    finally:
        for db in dict.fromkeys(db for db in (started, database.obj) if db is not None):
            if db.is_closed():
                continue
            try:
                db.close()  # this thread's connection only; the GUI thread's stays open
            except PeeweeException as exc:  # never hide the job's own outcome behind this
                log.warning("a worker's database connection did not close: %s", exc)


def close_thread_connection() -> None:
    """Close this thread's connection to the bound book, if any; other threads' connections stay open."""
    if database.obj is not None:
        database.close()


def workers_can_open_the_book() -> bool:
    """False for an in-memory database: it is private to its connection, so a worker would open an empty one."""
    db = database.obj
    return db is None or (getattr(db, "thread_safe", False) and db.database not in ("", ":memory:")
                          and "mode=memory" not in str(db.database))
