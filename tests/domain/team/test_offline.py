"""On a trip: the laptop's copy of the user's customers, the outbox, and applying it exactly once.

The server is the tests' real PostgreSQL (the login owns the book, so `owner = current_user` is crm_owner);
the copy is a SQLite file beside a laptop book in tmp_path.
"""

from __future__ import annotations

from datetime import date

import pytest
from peewee import IntegrityError

from tests.postgres_server import MANAGER, SHARED
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.query import CustomerFilter, search_customers
from trade_crm.domain.customers.records import (
    create_customer,
    delete_customers,
    get_customer,
    tag_customers,
    update_customer,
)
from trade_crm.domain.customers.timeline import log_interaction, timeline
from trade_crm.domain.errors import DomainError
from trade_crm.domain.team.offline import copy_state, has_copy, open_copy_as_book, sync
from trade_crm.domain.team.outbox import CUSTOMER, INTERACTION, queue_customer, queue_interaction, queued_ids
from trade_crm.store import trip_copy
from trade_crm.store.db import close_database, open_database
from trade_crm.store.errors import ServerGoneError
from trade_crm.store.models import database


class LaptopSlept(Exception):
    """The laptop went away between the server's commit and the outbox's mark."""


@pytest.fixture
def book_path(tmp_path):
    return tmp_path / "trade-crm.db"


@pytest.fixture
def server(pg_db, postgres_server):
    """The server book bound, with a way back to it after the copy was bound offline."""
    class Server:
        db = pg_db
        admin = postgres_server

        def bind(self):
            database.initialize(pg_db)

        def count(self, sql: str) -> int:
            with postgres_server.admin(SHARED) as conn:
                return conn.execute(sql).fetchone()[0]

        def kill(self):
            pid = pg_db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
            postgres_server.execute(f"SELECT pg_terminate_backend({pid})")
    return Server()


def own(server, customer_id: int, owner: str = MANAGER) -> None:  # pg_db's login: the user
    server.admin.execute(f"UPDATE customer SET owner = '{owner}' WHERE id = {customer_id}", SHARED)


def seed(server, clock) -> tuple[int, int]:
    mine = create_customer(clock, name="Müller Haustechnik GmbH", country="DE", tags=["Canton Fair 2026"],
                           contacts=[ContactInput(name="Jürgen Müller", emails=("j@mueller.de",),
                                                  phones=("+49 89 1234567",))])
    log_interaction(mine, "call", "wants 2,000 valves by March", clock)
    theirs = create_customer(clock, name="Someone Else's Ltd", country="GB")
    own(server, mine)
    own(server, theirs, "bob")
    return mine, theirs


def test_the_copy_holds_the_users_own_customers_with_everything_around_them(server, book_path, clock):
    mine, theirs = seed(server, clock)
    shared = create_customer(clock, name="Shared Trading Co", country="AE")
    own(server, shared, "bob")
    server.admin.execute(f"INSERT INTO customer_share (customer_id, person) VALUES ({shared}, '{MANAGER}')", SHARED)
    url = server.db.database
    result = sync(book_path, url, clock)
    assert (result.refresh.customers, result.refresh.interactions) == (2, 1)
    assert result.refresh.synced_at == clock.now()
    assert has_copy(book_path, url) and copy_state(trip_copy.copy_path(book_path, url)).queued == 0
    copy = open_copy_as_book(book_path, url)  # offline: the copy is the book
    try:
        detail = get_customer(mine)
        assert detail.tags == ("Canton Fair 2026",) and detail.contacts[0].name == "Jürgen Müller"
        assert [e.summary for e in timeline(mine)] == ["wants 2,000 valves by March"]
        rows = search_customers(CustomerFilter(text="muller"), today=date(2026, 11, 23))
        assert [r.id for r in rows] == [mine]  # the copy's search index was rebuilt
        with pytest.raises(DomainError):
            get_customer(theirs)  # bob's customer is not on this laptop
        assert get_customer(shared).name == "Shared Trading Co"
    finally:
        copy.close()
        server.bind()


def test_entries_logged_offline_show_as_queued_and_reach_the_server_once(server, book_path, clock):
    mine, _ = seed(server, clock)
    url = server.db.database
    sync(book_path, url, clock)
    copy = open_copy_as_book(book_path, url)
    try:
        on_known = queue_interaction(mine, "meeting", "met at the fair, price list given", clock)
        new = queue_customer(clock, name="Al Noor Trading LLC", country="AE",
                             contacts=[ContactInput(name="Omar", emails=("omar@alnoor.ae",))], tags=["Dubai"])
        on_new = queue_interaction(new.local_id, "email", "sent the catalogue", clock,
                                   follow_up_on=date(2026, 12, 1))
        assert queued_ids(CUSTOMER) == {new.local_id}
        assert queued_ids(INTERACTION) == {on_known.local_id, on_new.local_id}
        assert get_customer(new.local_id).name == "Al Noor Trading LLC"  # the view shows it at once
        state = copy_state(trip_copy.copy_path(book_path, url))
        assert state.queued == 3 and state.synced_at == clock.now()
    finally:
        copy.close()
        server.bind()
    result = sync(book_path, url, clock)
    assert (result.outbox.applied, result.outbox.already, result.outbox.pending) == (3, 0, 0)
    assert server.count("SELECT count(*) FROM row_origin") == 3
    server_new = server.count("SELECT id FROM customer WHERE name = 'Al Noor Trading LLC'")
    assert get_customer(server_new).contacts[0].name == "Omar" and get_customer(server_new).tags == ("Dubai",)
    assert [e.summary for e in timeline(server_new)] == ["sent the catalogue"]
    assert get_customer(server_new).follow_up_on == date(2026, 12, 1)
    assert sorted(e.summary for e in timeline(mine)) == ["met at the fair, price list given",
                                                         "wants 2,000 valves by March"]
    assert result.refresh.customers == 2  # the new customer is the user's own, so the copy has it now
    again = sync(book_path, url, clock)
    assert (again.outbox.applied, again.outbox.already) == (0, 0)
    assert server.count("SELECT count(*) FROM interaction") == 3


def test_an_entry_whose_acknowledgement_was_lost_is_not_applied_twice(server, book_path, clock):
    mine, _ = seed(server, clock)
    url = server.db.database
    sync(book_path, url, clock)
    copy = open_copy_as_book(book_path, url)
    queue_interaction(mine, "call", "confirmed the sample order", clock)
    queue_interaction(mine, "note", "samples ship Friday", clock)
    copy.close()
    server.bind()

    def lose_the_ack(entry):
        server.kill()  # the connection dies after the server's commit, before the laptop marks the entry
        raise LaptopSlept(entry.uid)

    with pytest.raises(LaptopSlept):
        sync(book_path, url, clock, after_commit=lose_the_ack)
    assert server.count("SELECT count(*) FROM interaction WHERE summary = 'confirmed the sample order'") == 1
    result = sync(book_path, url, clock)  # a new connection; the first entry is found in row_origin
    assert (result.outbox.applied, result.outbox.already, result.outbox.pending) == (1, 1, 0)
    assert server.count("SELECT count(*) FROM interaction WHERE summary = 'confirmed the sample order'") == 1
    assert server.count("SELECT count(*) FROM interaction WHERE summary = 'samples ship Friday'") == 1


def test_a_server_that_goes_away_during_the_apply_keeps_the_entry_queued(server, book_path, clock):
    mine, _ = seed(server, clock)
    url = server.db.database
    sync(book_path, url, clock)
    copy = open_copy_as_book(book_path, url)
    queue_interaction(mine, "call", "asked for a discount", clock)
    copy.close()
    server.bind()
    fired = []

    def hook(event):
        if not fired and event.sql.startswith('INSERT INTO "interaction"'):
            fired.append(True)
            server.kill()
    server.db.query_hooks.append(hook)
    try:
        with pytest.raises(ServerGoneError):
            sync(book_path, url, clock)
    finally:
        server.db.query_hooks.clear()
    assert server.count("SELECT count(*) FROM row_origin") == 0
    assert copy_state(trip_copy.copy_path(book_path, url)).queued == 1
    result = sync(book_path, url, clock)
    assert result.outbox.applied == 1
    assert server.count("SELECT count(*) FROM interaction WHERE summary = 'asked for a discount'") == 1


def test_an_entry_the_server_refuses_stays_queued_with_a_line_and_the_copy_waits(server, book_path, clock):
    mine, _ = seed(server, clock)
    url = server.db.database
    sync(book_path, url, clock)
    copy = open_copy_as_book(book_path, url)
    queue_interaction(mine, "call", "no answer", clock)
    copy.close()
    server.bind()
    server.admin.execute(f"DELETE FROM customer WHERE id = {mine}", SHARED)  # a colleague deleted it meanwhile
    result = sync(book_path, url, clock)
    assert (result.outbox.applied, result.outbox.pending) == (0, 1)
    assert "no customer with id" in result.outbox.problems[0]
    assert result.refresh.synced_at is None  # the queued entry's row stays in the copy's views


def test_a_copy_is_made_from_a_team_servers_book_only(book_path, clock):
    laptop = open_database(book_path)  # not the `db` fixture: that one runs on both engines
    try:
        with pytest.raises(DomainError, match="team server"):
            sync(book_path, "postgresql://ann@crm.example.com/trade_book", clock)
    finally:
        close_database(laptop)
    with pytest.raises(DomainError, match="no copy"):
        open_copy_as_book(book_path, "postgresql://ann@crm.example.com/trade_book")


def test_the_copy_is_one_file_per_server_beside_the_book(book_path):
    a = trip_copy.copy_path(book_path, "postgresql://ann@a.example.com/book")
    b = trip_copy.copy_path(book_path, "postgresql://ann@b.example.com/book")
    assert a.parent == book_path.parent and a != b and "ann" not in a.name



def test_offline_the_servers_rows_are_read_only_and_a_customer_made_on_the_trip_stays_editable(server, book_path,
                                                                                              clock):
    mine, _ = seed(server, clock)
    url = server.db.database
    sync(book_path, url, clock)
    copy = open_copy_as_book(book_path, url)
    try:
        for write in (lambda: update_customer(mine, clock, name="Renamed GmbH"),
                      lambda: tag_customers([mine], "VIP"),
                      lambda: delete_customers([mine])):
            with pytest.raises(IntegrityError, match="read-only copy"):
                write()
        assert get_customer(mine).name == "Müller Haustechnik GmbH"
        new = queue_customer(clock, name="Al Noor Trading", country="AE")
        update_customer(new.local_id, clock, name="Al Noor Trading LLC", tags=["Dubai"])  # still the laptop's
        assert copy_state(trip_copy.copy_path(book_path, url)).queued == 1
    finally:
        copy.close()
        server.bind()
    sync(book_path, url, clock)
    assert server.count("SELECT count(*) FROM customer WHERE name = 'Al Noor Trading LLC'") == 1
    assert server.count("SELECT count(*) FROM customer WHERE name = 'Renamed GmbH'") == 0
