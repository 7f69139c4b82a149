"""store/pg_pipeline.py: a transaction's writes sent by a second thread, in order, errors raised as the book raises them."""

from __future__ import annotations

import pytest
from peewee import OperationalError

from trade_crm.store import pg_pipeline
from trade_crm.store.errors import AccessDenied
from trade_crm.store.pg_pipeline import Pipeline, run_in_pipeline

STAMP = "2026-11-01 00:00:00"


def test_statements_and_copies_run_in_the_order_they_were_queued_inside_the_callers_transaction(pg_db, monkeypatch):
    monkeypatch.setattr(pg_pipeline, "PIECE_BYTES", 64)  # several COPY statements for one table
    with pg_db.atomic():
        pipe = Pipeline(pg_db)
        pipe.execute("CREATE TEMP TABLE piped (n INTEGER, label TEXT) ON COMMIT DROP")
        with pipe.copy("COPY piped (n, label) FROM STDIN") as out:
            for n in range(1, 201):
                out.write_row((n, f"row\t{n}\n" if n % 50 == 0 else f"row {n}"))
        pipe.execute("INSERT INTO piped (n, label) SELECT max(n) + 1, ? FROM piped", ("after the copy",))
        counted = pipe.result("SELECT count(*), max(n), min(label) FROM piped")
        pipe.execute("DELETE FROM piped WHERE n > ?", (100,))
        pipe.drain()
        rows = pg_db.execute_sql("SELECT count(*), max(n) FROM piped").fetchone()
        tricky = pg_db.execute_sql("SELECT label FROM piped WHERE n = 50").fetchone()[0]
        pipe.close()

    assert counted.result() == [(201, 201, "after the copy")]
    assert rows == (100, 100) and tricky == "row\t50\n"


def test_a_failed_statement_stops_the_queue_and_is_raised_as_the_book_raises_it(team):
    ann = team.act("ann")
    ann.execute_sql("INSERT INTO customer (name, owner, created_at, updated_at) VALUES ('Mine', 'ann', ?, ?)",
                    (STAMP, STAMP))
    with pytest.raises(AccessDenied, match="neither yours nor shared"), ann.atomic():
        pipe = Pipeline(ann)
        try:
            pipe.execute("INSERT INTO customer (name, owner, created_at, updated_at) VALUES ('Bob''s', 'bob', ?, ?)",
                         (STAMP, STAMP))  # the policy refuses: the customer would be bob's
            pipe.execute("INSERT INTO customer (name, owner, created_at, updated_at) VALUES ('Later', 'ann', ?, ?)",
                         (STAMP, STAMP))
            pipe.drain()
        finally:
            pipe.abort()

    assert [r[0] for r in team.sql("mia", "SELECT name FROM customer ORDER BY id")] == ["Mine"]
    assert ann.execute_sql("SELECT count(*) FROM customer").fetchone() == (1,)  # the connection works again


def test_an_error_on_this_side_drops_what_was_queued_and_the_transaction_rolls_back(pg_db):
    class Stop(Exception):
        pass

    def work(pipe: Pipeline) -> None:
        pipe.execute("INSERT INTO tag (name) VALUES ('first')")
        with pipe.copy("COPY tag (name) FROM STDIN") as out:
            out.write_row(("second",))
            raise Stop

    with pytest.raises(Stop), pg_db.atomic():
        run_in_pipeline(pg_db, work)

    assert pg_db.execute_sql("SELECT count(*) FROM tag").fetchone() == (0,)
    assert run_in_pipeline(pg_db, lambda pipe: pipe.result("SELECT 41 + 1")).result() == [(42,)]


def test_a_server_gone_mid_queue_is_peewees_operational_error(pg_db, postgres_server):
    backend = pg_db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    with pytest.raises(OperationalError), pg_db.atomic():
        pipe = Pipeline(pg_db)
        try:
            pipe.execute("INSERT INTO tag (name) VALUES ('before')")
            pipe.drain()
            with postgres_server.admin() as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (backend,))
            pipe.execute("INSERT INTO tag (name) VALUES ('after')")
            pipe.drain()
        finally:
            pipe.abort()

    assert pg_db.execute_sql("SELECT count(*) FROM tag").fetchone() == (0,)  # a new connection; nothing kept
