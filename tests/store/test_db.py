"""Opening the book: write transactions take the write lock when they begin, reads never wait for it."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date

import pytest

from trade_crm.domain.customers.query import CustomerFilter, search_customers
from trade_crm.domain.customers.records import create_customer


def test_a_transaction_takes_the_write_lock_when_it_begins_so_a_second_writer_waits(db, db_path):
    with closing(sqlite3.connect(db_path, timeout=0, isolation_level=None)) as other:
        with db.atomic():
            db.execute_sql("SELECT count(*) FROM customer").fetchone()  # only a read so far
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # free again after the commit
        other.execute("ROLLBACK")


def test_a_search_answers_while_another_process_holds_the_write_lock(db, db_path, clock):
    create_customer(clock, name="Müller Maschinenbau GmbH", country="DE")
    with closing(sqlite3.connect(db_path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE customer SET city = 'Berlin'")
        db.execute_sql("PRAGMA busy_timeout = 0")  # waiting for the lock would fail at once
        try:
            rows = search_customers(CustomerFilter(text="muller"), today=date(2026, 11, 23))
        finally:
            db.execute_sql("PRAGMA busy_timeout = 5000")
            other.execute("ROLLBACK")
    assert [r.name for r in rows] == ["Müller Maschinenbau GmbH"]
    assert rows[0].city == ""  # the other's uncommitted write is not seen


def test_needs_upgrade_says_yes_only_for_an_existing_older_book_and_never_touches_the_file(tmp_path):
    from tests.helpers import build_v1_book
    from trade_crm.store.db import close_database, needs_upgrade, open_database

    old = tmp_path / "old.db"
    build_v1_book(old)
    before = old.read_bytes()
    assert needs_upgrade(old)
    assert old.read_bytes() == before
    close_database(open_database(old, backup_dir=tmp_path / "backups"))
    assert not needs_upgrade(old)
    assert not needs_upgrade(tmp_path / "missing.db") and not (tmp_path / "missing.db").exists()
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all" * 100)
    assert not needs_upgrade(garbage)  # open_database gives the real error
