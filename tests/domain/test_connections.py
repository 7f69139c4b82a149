"""A worker thread's own connection to the book: opened on first use, closed when its work ends, and
never the GUI thread's."""

from __future__ import annotations

import threading

from peewee import SqliteDatabase

from trade_crm.domain.connections import close_thread_connection, worker_connection, workers_can_open_the_book
from trade_crm.store.models import Customer, database


def _in_thread(work):
    result = {}
    thread = threading.Thread(target=lambda: result.setdefault("value", work()))
    thread.start()
    thread.join()
    return result["value"]


def test_a_worker_connection_is_closed_when_the_work_ends_and_the_gui_one_stays_open(db):
    def work():
        with worker_connection():
            Customer.select().count()
            inside = db.is_closed()
        return inside, db.is_closed()

    assert _in_thread(work) == (False, True)
    assert not db.is_closed()


def test_a_worker_closes_the_book_it_started_on_when_another_was_bound_meanwhile(db, tmp_path):
    other = SqliteDatabase(str(tmp_path / "other.db"))

    def work():
        with worker_connection():
            Customer.select().count()  # this thread's connection to `db`
            database.initialize(other)  # the window (or the next test) binds another book
        return db.is_closed(), other.is_closed()

    try:
        assert _in_thread(work) == (True, True)
    finally:
        database.initialize(db)
    assert not db.is_closed()


def test_closing_the_thread_connection_leaves_other_threads_connected(db):
    def work():
        Customer.select().count()
        close_thread_connection()
        return db.is_closed()

    assert _in_thread(work) is True
    assert not db.is_closed()


def test_workers_can_open_a_book_file_but_not_an_in_memory_database(db):
    assert workers_can_open_the_book()
    database.initialize(SqliteDatabase(":memory:"))
    try:
        assert not workers_can_open_the_book()
    finally:
        database.initialize(db)
