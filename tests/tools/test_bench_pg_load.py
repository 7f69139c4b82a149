"""The team load test (bench/bench_pg_load.py) on a small book: real logins under the team's rules, writes
through the domain, and a checker that finds lost updates and duplicates in the audit trail."""

from __future__ import annotations

import importlib.util
from datetime import date

import pytest

from bench.bench_pg_load import LOAD_DB, Outcome, check, prepare, role, run
from bench.pg_cache import BOOK_DB, ServerBook, clone
from tests.postgres_server import OWNER, OWNER_PASSWORD, TEMPLATE
from trade_crm.domain.clock import SystemClock
from trade_crm.domain.customers.records import create_customer
from trade_crm.store.models import database
from trade_crm.store.postgres import open_postgres

CUSTOMERS = 120


@pytest.fixture
def server_book(postgres_server):
    """A small stand-in for the kept server book: BOOK_DB with CUSTOMERS customers made by the domain."""
    postgres_server.execute(f"DROP DATABASE IF EXISTS {BOOK_DB} WITH (FORCE)")
    postgres_server.execute(f"CREATE DATABASE {BOOK_DB} OWNER {OWNER} TEMPLATE {TEMPLATE} STRATEGY FILE_COPY")
    db = open_postgres(postgres_server.url(OWNER, BOOK_DB), password=OWNER_PASSWORD)
    database.initialize(db)
    clock = SystemClock()
    for i in range(CUSTOMERS):
        create_customer(clock, name=f"Load Test Trading {i}", country="DE", city="Hamburg")
    db.close()
    yield ServerBook(postgres_server, CUSTOMERS, {})
    postgres_server.execute(f"DROP DATABASE IF EXISTS {BOOK_DB} WITH (FORCE)")


def test_people_work_under_the_rules_and_nothing_is_lost_or_doubled(server_book):
    rows = {row.metric: row for row in run(server_book, 2, 3, date.today())}

    assert rows["throughput, all operations"].value > 0
    for kind in ("search by name", "search, newest contact first", "open", "log", "edit", "hand over"):
        assert f"{kind}: p95" in rows, rows.keys()
    assert rows["failed operations"].value == 0, rows["failed operations"].note
    assert rows["lost updates (audit)"].value == 0 and rows["lost updates (audit)"].ok
    assert rows["duplicate entries (audit)"].value == 0 and rows["duplicate entries (audit)"].ok
    assert " 0 missing" in rows["duplicate entries (audit)"].note
    handover_module = importlib.util.find_spec("trade_crm.domain.team.handover")
    assert ("domain hand_over" in rows["hand over: p95"].note) == (handover_module is not None)


def test_the_check_counts_a_save_missing_from_the_audit_and_an_entry_written_twice(server_book):
    with clone(server_book, LOAD_DB) as dbname:
        since = prepare(server_book, dbname, 2)
        with server_book.server.admin(dbname) as conn:
            for _ in range(2):  # one marker, two entries: a duplicate (the audit trigger notes both)
                conn.execute("INSERT INTO interaction (customer_id, kind, occurred_at, summary, body, created_at) "
                             "VALUES (60, 'call', '2026-01-01 00:00:00', 'called back (load x:1)', '', "
                             "'2026-01-01 00:00:00')")
        told = Outcome(role(0, 2), saves=[(1, 99)], logged=["load x:1", "load x:2"])
        counts = check(server_book, dbname, [told], since)

    assert counts["lost updates"] == 1  # version 99 of customer 1 was never written
    assert counts["duplicate entries"] == 2  # in the audit and in the timeline
    assert counts["entries missing"] == 1  # load x:2
