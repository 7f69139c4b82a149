"""A team server that goes away in the middle of a write: one line, nothing half-written, the app carries on.

The backend is killed from a second (superuser) connection, as a restarted server or a dropped network
would leave it, at a chosen statement of a real domain write.
"""

from __future__ import annotations

import pytest

from tests.postgres_server import SHARED
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer, customer_count
from trade_crm.domain.customers.timeline import log_interaction, timeline
from trade_crm.store.errors import SERVER_GONE, ServerGoneError


def rows(server, table: str) -> int:
    with server.admin(SHARED) as conn:
        return conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]


def kill_backend_at(db, server, starts: str) -> list[str]:
    """Terminate this connection's backend right after the first statement that starts with `starts`."""
    pid = db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    fired: list[str] = []

    def hook(event) -> None:
        if not fired and event.sql.lstrip().upper().startswith(starts.upper()):
            fired.append(event.sql)
            server.execute(f"SELECT pg_terminate_backend({pid})")

    db.query_hooks.append(hook)
    return fired


def test_a_server_killed_mid_transaction_is_one_line_and_nothing_is_saved(pg_db, postgres_server, clock):
    fired = kill_backend_at(pg_db, postgres_server, 'INSERT INTO "contact"')
    with pytest.raises(ServerGoneError) as caught:
        create_customer(clock, name="Müller Haustechnik GmbH", country="DE",
                        contacts=[ContactInput(name="Jürgen Müller", emails=("j@mueller.de",))])
    assert fired and str(caught.value) == SERVER_GONE
    assert (rows(postgres_server, "customer"), rows(postgres_server, "contact")) == (0, 0)
    assert not pg_db.in_transaction()
    pg_db.query_hooks.clear()
    customer_id = create_customer(clock, name="Acme Ltd", country="GB")  # the book connects again by itself
    assert customer_count() == 1 and rows(postgres_server, "customer") == 1 and customer_id


def test_a_commit_that_finds_the_server_gone_is_one_line_and_nothing_is_saved(pg_db, postgres_server, clock):
    customer_id = create_customer(clock, name="Acme Ltd", country="GB")
    pid = pg_db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    with pytest.raises(ServerGoneError), pg_db.atomic():
        log_interaction(customer_id, "call", "price for 2,000 pcs", clock)
        postgres_server.execute(f"SELECT pg_terminate_backend({pid})")
    assert rows(postgres_server, "interaction") == 0
    assert timeline(customer_id) == []  # a new connection reads the server again
    log_interaction(customer_id, "call", "price for 2,000 pcs", clock)
    assert [entry.summary for entry in timeline(customer_id)] == ["price for 2,000 pcs"]


def test_a_read_or_a_write_after_the_server_went_away_between_statements_connects_again(pg_db, postgres_server,
                                                                                       clock):
    create_customer(clock, name="Acme Ltd", country="GB")
    for _ in range(2):
        pid = pg_db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
        postgres_server.execute(f"SELECT pg_terminate_backend({pid})")
        assert customer_count() == 1  # a read outside a transaction is asked again on a new connection
    pid = pg_db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    postgres_server.execute(f"SELECT pg_terminate_backend({pid})")
    create_customer(clock, name="Beta GmbH", country="DE")  # its BEGIN found the dead connection: nothing sent
    assert rows(postgres_server, "customer") == 2
