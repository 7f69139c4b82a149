"""Run a bulk writer's INSERT batches in a second thread, in order, on the writing transaction's connection.

An import spends about as long building its rows in Python as SQLite spends storing them, and SQLite
lets go of Python's lock while it steps a statement. So the writer hands each finished batch here and
builds the next one while a second thread runs `executemany` on the same connection, in the same
transaction: the two overlap on a laptop's second core. The writer must not touch the connection itself
until `close()` returns (it has reserved its ids beforehand); `close()` waits for the last batch and raises
the first error a batch met, so the transaction is rolled back as it would have been.

A server book (psycopg) runs each batch as it comes, in the caller's thread: its round trips are already
pipelined where it matters (store/pg_pipeline.py).
"""

from __future__ import annotations

import queue
import threading
from types import TracebackType

from peewee import Database, SqliteDatabase

_DEPTH = 4  # batches waiting at most: the rows held in memory stay a few batches' worth


class StatementQueue:
    def __init__(self, db: Database):
        self._cursor = db.cursor()
        self._error: BaseException | None = None
        self._abandoned = False
        self._queue: queue.Queue[tuple[str, list] | None] = queue.Queue(maxsize=_DEPTH)
        self._thread: threading.Thread | None = None
        if isinstance(db, SqliteDatabase):
            self._thread = threading.Thread(target=self._run, name="bulk-insert", daemon=True)
            self._thread.start()

    def put(self, statement: str, rows: list) -> None:
        """Run `statement` for every row, after the batches put before it. `rows` is the queue's now:
        the caller starts a new list for its next batch."""
        if self._error is not None:
            raise self._error
        if not rows:
            return
        if self._thread is None:
            self._cursor.executemany(statement, rows)
        else:
            self._queue.put((statement, rows))

    def close(self) -> None:
        """Wait for every batch; raise the first error one met."""
        self._stop()
        if self._error is not None:
            raise self._error

    def _stop(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def _run(self) -> None:
        while (batch := self._queue.get()) is not None:
            if self._error is None and not self._abandoned:
                try:
                    self._cursor.executemany(*batch)
                except BaseException as exc:  # noqa: BLE001 - handed to the writer's thread by close()/put()
                    self._error = exc

    def __enter__(self) -> StatementQueue:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if kind is None:
            self.close()
        else:  # the writer failed or was cancelled: skip what is queued, the transaction rolls back
            self._abandoned = True
            self._stop()
