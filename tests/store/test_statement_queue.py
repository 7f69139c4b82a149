"""store/statement_queue.py: batches run in order, in the writer's transaction, on both engines; the first
error reaches the writer and nothing of the transaction stays."""

from __future__ import annotations

import threading

import pytest
from peewee import SqliteDatabase

from trade_crm.store.statement_queue import StatementQueue

INSERT = "INSERT INTO tag (id, name) VALUES (?, ?)"


def names(db) -> list[str]:
    return [n for (n,) in db.execute_sql("SELECT name FROM tag ORDER BY id")]


def test_batches_run_in_the_order_they_were_put_inside_the_writers_transaction(book):
    with book.atomic():
        with StatementQueue(book) as out:
            for start in range(0, 1000, 100):
                out.put(INSERT, [(i + 1, f"tag {i:04d}") for i in range(start, start + 100)])
            out.put(INSERT, [])
            out.put("UPDATE tag SET name = name || ' (last)' WHERE id = ?", [(1000,)])
        assert len(names(book)) == 1000  # visible to the writer once the queue is closed
    assert names(book) == [f"tag {i:04d}" for i in range(999)] + ["tag 0999 (last)"]


def test_a_sqlite_book_runs_the_batches_in_a_second_thread(db):
    threads = []

    class Recorder(StatementQueue):
        def _run(self):
            threads.append(threading.current_thread())
            super()._run()

    with db.atomic(), Recorder(db) as out:
        out.put(INSERT, [(1, "vip")])
    assert isinstance(db, SqliteDatabase)
    assert threads and threads[0] is not threading.main_thread()


def test_the_first_error_reaches_the_writer_and_the_transaction_keeps_nothing(book):
    with pytest.raises(Exception, match="(?i)unique") as raised, book.atomic():
        with StatementQueue(book) as out:
            out.put(INSERT, [(1, "vip")])
            out.put(INSERT, [(2, "vip")])  # tag names are unique
            out.put(INSERT, [(3, "fair")])
    assert "IntegrityError" in type(raised.value).__name__ or "UniqueViolation" in type(raised.value).__name__
    assert names(book) == []


def test_a_writer_that_fails_meanwhile_leaves_nothing_and_stops_the_thread(book):
    class Cancelled(Exception):
        pass

    with pytest.raises(Cancelled), book.atomic():
        with StatementQueue(book) as out:
            out.put(INSERT, [(i, f"tag {i}") for i in range(1, 500)])
            raise Cancelled
    assert not [t for t in threading.enumerate() if t.name == "bulk-insert"]
    assert names(book) == []
