"""A server book's writes run in order on a second thread, inside the caller's transaction (#18 item 6).

A publish (domain/team/publish.py) prepares a table's rows on this side (reading the laptop's book, mapping
ids, formatting COPY data), then the server inserts them (COPY into a staging table, one INSERT ... SELECT
under row-level security with its audit trail). Done one after the other, each side waits for the other most
of the time: for the 100k bench book ~19 s of this side's CPU and ~44 s of the server's, in turns. Through a
`Pipeline` the statements and COPY data go to a queue that a second thread sends on the same connection, in
order, while this thread prepares the next table: the server then works all along, and a publish takes about
the server's time instead of the sum.

- `execute(sql, params)` queues a statement (the domain's `?` placeholders, as `PostgresBook.execute_sql`);
  `result(sql, params)` queues one and returns a `Future` of its rows.
- `copy(sql)` is a context manager giving a psycopg `Copy` that formats rows here (the same text the
  connection's own COPY would send) and queues the data in pieces of `PIECE_BYTES`, each piece one COPY
  statement. At most `PENDING_BYTES` wait in the queue: a side that runs ahead waits for the server.
- `drain()` waits until everything queued has run; before this thread uses the connection itself (a read
  whose answer it needs) it must drain. The connection is psycopg's, shared: its lock would also keep two
  statements from mixing, but only the order of the queue keeps the writes in the order they were asked.
- A statement that fails stops the queue: what was queued after it is dropped, and the error is raised here
  at the next `execute`, `copy` or `drain`, as `PostgresBook.execute_sql` would have raised it (a refusal as
  `AccessDenied`, a server gone as peewee's OperationalError). The caller's transaction is then rolled back as
  usual; `close()` (also after an error of this side's, a cancel) first lets the statement that runs finish
  and drops the rest, so nothing else uses the connection while it rolls back.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import contextmanager
from typing import Any

import psycopg
from peewee import Database, InterfaceError, OperationalError
from psycopg.copy import Copy, Writer

from trade_crm.store.errors import AccessDenied
from trade_crm.store.pg_book import refusal, to_pyformat

PIECE_BYTES = 4 * 2**20  # COPY data sent as one statement
PENDING_BYTES = 128 * 2**20  # COPY data formatted ahead of the server at most (the server is the slower side)


class _Pieces(Writer):
    """Formatted COPY data handed to the pipeline in pieces of about PIECE_BYTES."""

    def __init__(self, pipeline: Pipeline, sql: str):
        self._pipeline, self._sql = pipeline, sql
        self._buffer = bytearray()

    def write(self, data) -> None:
        self._buffer += data
        if len(self._buffer) >= PIECE_BYTES:
            self._send()

    def finish(self, exc: BaseException | None = None) -> None:
        if exc is None and self._buffer:
            self._send()

    def _send(self) -> None:
        piece = bytes(self._buffer)
        self._buffer.clear()
        self._pipeline._queue_copy(self._sql, piece)


class Pipeline:
    """The statements of one transaction sent by a second thread, in the order they were asked (above)."""

    def __init__(self, db: Database):
        self._conn: psycopg.Connection = db.connection()  # this thread's, in the caller's transaction
        self._format_cursor = self._conn.cursor()  # only its adapters are used: formatting does no I/O
        self._jobs: queue.Queue[Callable[[psycopg.Cursor], None] | None] = queue.Queue()
        self._pending = 0  # bytes of COPY data queued and not yet sent
        self._cond = threading.Condition()
        self._error: BaseException | None = None
        self._stopped = False
        self._thread = threading.Thread(target=self._work, name="server-pipeline", daemon=True)
        self._thread.start()

    # --- this side ---

    def execute(self, sql: str, params: Sequence | None = None) -> None:
        statement = to_pyformat(sql)
        self._put(lambda cur: cur.execute(statement, params))

    def result(self, sql: str, params: Sequence | None = None) -> Future:
        statement, found = to_pyformat(sql), Future()

        def run(cur: psycopg.Cursor) -> None:
            try:
                found.set_result(cur.execute(statement, params).fetchall())
            except BaseException as exc:
                found.set_exception(exc)
                raise

        self._put(run)
        return found

    @contextmanager
    def copy(self, sql: str) -> Iterator[Copy]:
        """A `Copy` to write rows to (`write_row`), formatted here and sent by the pipeline's thread."""
        self._raise_error()
        with Copy(self._format_cursor, binary=False, writer=_Pieces(self, to_pyformat(sql))) as out:
            yield out

    def drain(self) -> None:
        """Wait until every statement queued has run; raise the first error."""
        self._raise_error()
        done = threading.Event()

        def mark(cur: psycopg.Cursor) -> None:
            with self._cond:
                done.set()
                self._cond.notify_all()

        self._jobs.put(mark)
        with self._cond:
            while not done.is_set() and self._error is None and self._thread.is_alive():
                self._cond.wait(0.5)
        self._raise_error()

    def close(self) -> None:
        """Stop the thread: after what is queued when all went well, else after the statement that runs."""
        if self._error is not None or not self._thread.is_alive():
            self._stopped = True
        self._jobs.put(None)
        self._thread.join()

    def abort(self) -> None:
        """Drop what is queued; wait for the statement that runs (the caller rolls back next)."""
        self._stopped = True
        with self._cond:
            self._cond.notify_all()
        self.close()

    # --- internals ---

    def _queue_copy(self, sql: str, piece: bytes) -> None:
        size = len(piece)
        with self._cond:
            while self._pending > PENDING_BYTES and self._error is None and not self._stopped:
                self._cond.wait(0.5)
            self._pending += size
        self._raise_error()

        def run(cur: psycopg.Cursor) -> None:
            try:
                with cur.copy(sql) as copy:
                    copy.write(piece)
            finally:
                with self._cond:
                    self._pending -= size
                    self._cond.notify_all()

        self._put(run)

    def _put(self, job: Callable[[psycopg.Cursor], None]) -> None:
        self._raise_error()
        self._jobs.put(job)

    def _raise_error(self) -> None:
        if self._error is not None:
            raise _as_raised(self._error)

    def _work(self) -> None:
        cur = self._conn.cursor()
        while True:
            job = self._jobs.get()
            if job is None:
                return
            if self._stopped or self._error is not None:
                continue  # dropped: the caller rolls back
            try:
                job(cur)
            except BaseException as exc:  # handed to the caller's thread by _raise_error
                with self._cond:
                    self._error = exc
                    self._cond.notify_all()


def _as_raised(exc: BaseException) -> BaseException:
    """A psycopg error as PostgresBook.execute_sql raises it: a refusal as one AccessDenied line, a server gone
    (or a broken connection) as peewee's OperationalError / InterfaceError; others as they are."""
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return AccessDenied(*refusal(exc))
    if isinstance(exc, psycopg.OperationalError):
        return OperationalError(str(exc))
    if isinstance(exc, psycopg.InterfaceError):
        return InterfaceError(str(exc))
    return exc


def run_in_pipeline(db: Database, work: Callable[[Pipeline], Any]) -> Any:
    """`work(pipeline)`, then wait for the pipeline; on any error the pipeline is stopped before it propagates."""
    pipeline = Pipeline(db)
    try:
        value = work(pipeline)
        pipeline.drain()
    except BaseException:
        pipeline.abort()
        raise
    pipeline.close()
    return value
