"""Row-level security on a real server: what ann and bob (sales) and mia (manager) each read and write.

Every refusal here is the database's (a policy, a missing right, a trigger of store/pg_access.py), reached
through the app's own connection; the app only words it.
"""

from __future__ import annotations

import pytest

from tests.postgres_server import OWNER, OWNER_PASSWORD
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer, get_customer, update_customer
from trade_crm.domain.customers.timeline import log_interaction, timeline
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.team import access
from trade_crm.store import pg_access
from trade_crm.store.db import close_database, open_database
from trade_crm.store.errors import AccessDenied, DatabaseError
from trade_crm.store.postgres import open_postgres


@pytest.fixture
def book(team, clock):
    """ann owns A (with a contact and a call), bob owns B and B2 (B2 shared with ann), P is in the pool."""
    ids = {}
    team.act("ann")
    ids["A"] = create_customer(clock, name="Ann's Acme", rating="B",
                               contacts=[ContactInput(name="Ann Buyer", emails=("buyer@acme.test",))])
    log_interaction(ids["A"], "call", "first call", clock)
    team.act("bob")
    ids["B"] = create_customer(clock, name="Bob's Beta", tags=["VIP"])
    ids["B2"] = create_customer(clock, name="Bob's Shared")
    access.share(ids["B2"], "ann")
    team.act("mia")
    ids["P"] = create_customer(clock, name="Pool Pte")
    team.sql("mia", "UPDATE customer SET owner = NULL WHERE id = ?", (ids["P"],))
    return ids


def visible(team, name, table="customer", column="id"):
    return {row[0] for row in team.sql(name, f"SELECT {column} FROM {table}")}


def test_each_person_sees_what_the_contract_says(team, book):
    a, b, b2, p = book["A"], book["B"], book["B2"], book["P"]
    assert visible(team, "ann") == {a, b2, p}
    assert visible(team, "bob") == {b, b2, p}
    assert visible(team, "mia") == {a, b, b2, p}
    # children follow their customer: ann's contact and call are hers (and mia's), not bob's
    assert visible(team, "bob", "contact", "customer_id") == set()
    assert visible(team, "bob", "contact_channel", "value") == set()
    assert visible(team, "bob", "interaction", "customer_id") == set()
    assert visible(team, "mia", "interaction", "customer_id") == {a}
    assert visible(team, "ann", "customer_tag", "customer_id") == set()  # bob's VIP tag on B
    assert visible(team, "ann", "customer_share", "person") == {"ann"}
    # the audit trail is read as its customer is
    assert {r[0] for r in team.sql("ann", "SELECT DISTINCT customer_id FROM audit_entry")} == {a, b2, p}
    assert {r[0] for r in team.sql("mia", "SELECT DISTINCT customer_id FROM audit_entry")} == {a, b, b2, p}


def test_a_new_customer_belongs_to_whoever_created_it(team, book):
    owners = dict(team.sql("mia", "SELECT id, owner FROM customer"))
    assert owners == {book["A"]: "ann", book["B"]: "bob", book["B2"]: "bob", book["P"]: None}


def test_a_salesperson_cannot_reach_someone_elses_customer(team, book, clock):
    a = book["A"]
    team.act("bob")
    # invisible to bob: the server filters the row out of his UPDATE and DELETE, nothing changes
    assert team.sql("bob", "UPDATE customer SET name = 'mine now' WHERE id = ?", (a,)).rowcount == 0
    assert team.sql("bob", "DELETE FROM customer WHERE id = ?", (a,)).rowcount == 0
    with pytest.raises(NotFoundError):
        update_customer(a, clock, name="mine now")
    # a new row under ann's customer is refused by the policy, in the database
    with pytest.raises(AccessDenied, match="timeline entry: its customer is neither yours nor shared"):
        team.sql("bob", "INSERT INTO interaction (customer_id, kind, occurred_at, summary, body, created_at) "
                        "VALUES (?, 'call', '2026-11-23 01:00:00', 'x', '', '2026-11-23 01:00:00')", (a,))
    with pytest.raises(access.AccessDenied, match=f"customer {a} belongs to ann: ask ann to share it"):
        with access.refusals_named(a):
            team.sql("bob", "INSERT INTO orders (customer_id, ordered_on, amount, currency, reference, notes, "
                            "created_at) VALUES (?, '2026-11-01', 10, 'USD', '', '', '2026-11-23 01:00:00')", (a,))
    # the search documents are readable by every salesperson (see store/pg_access.READ_BY_ALL), not writable
    assert team.sql("bob", "DELETE FROM search_trigram WHERE rowid = ?", (a,)).rowcount == 0
    assert team.sql("mia", "SELECT count(*) FROM search_trigram WHERE rowid = ?", (a,)).fetchone()[0] == 1
    assert team.sql("mia", "SELECT name FROM customer WHERE id = ?", (a,)).fetchone()[0] == "Ann's Acme"
    assert [e.summary for e in (team.act("mia") and timeline(a))] == ["first call"]


def test_only_a_manager_gives_a_customer_to_someone_else(team, book):
    a = book["A"]
    with pytest.raises(AccessDenied, match=f"customer {a} is yours: only a manager may hand it over to bob") as refused:
        team.sql("ann", "UPDATE customer SET owner = 'bob' WHERE id = ?", (a,))
    assert refused.value.reason == "rule"
    # a sharee may edit, not take: B2 is bob's, shared with ann
    team.sql("ann", "UPDATE customer SET notes = 'ann was here' WHERE id = ?", (book["B2"],))
    with pytest.raises(AccessDenied, match=f"customer {book['B2']} belongs to bob: only a manager"):
        team.sql("ann", "UPDATE customer SET owner = 'ann' WHERE id = ?", (book["B2"],))
    # mia hands ann's customer over to bob
    assert team.sql("mia", "UPDATE customer SET owner = 'bob' WHERE id = ?", (a,)).rowcount == 1
    assert a in visible(team, "bob") and a not in visible(team, "ann")
    assert visible(team, "bob", "interaction", "customer_id") == {a}


def test_the_pool_is_claimed_or_released_never_edited_in_place(team, book):
    p, a = book["P"], book["A"]
    with pytest.raises(AccessDenied, match=f"customer {p} is in the pool: claim it before changing it"):
        team.sql("bob", "UPDATE customer SET notes = 'quietly' WHERE id = ?", (p,))
    with pytest.raises(AccessDenied, match="may claim it only for themselves"):
        team.sql("bob", "UPDATE customer SET owner = 'ann' WHERE id = ?", (p,))
    with pytest.raises(AccessDenied, match="claim it first"):  # no new timeline entry on a pool customer
        team.sql("bob", "INSERT INTO interaction (customer_id, kind, occurred_at, summary, body, created_at) "
                        "VALUES (?, 'call', '2026-11-23 01:00:00', 'x', '', '2026-11-23 01:00:00')", (p,))
    # what the app computes for every customer it sees may change without a claim
    team.sql("bob", "UPDATE customer SET lifecycle = 'dormant' WHERE id = ?", (p,))
    assert team.sql("bob", "UPDATE customer SET owner = 'bob' WHERE id = ?", (p,)).rowcount == 1  # claim
    assert p not in visible(team, "ann")
    assert team.sql("ann", "UPDATE customer SET owner = NULL WHERE id = ?", (a,)).rowcount == 1  # release
    assert a in visible(team, "bob")


def test_the_timeline_is_append_only_for_salespeople(team, book, clock):
    a = book["A"]
    team.act("ann")
    log_interaction(a, "email", "sent the price list", clock)
    entry = timeline(a)[0].interaction_id
    with pytest.raises(AccessDenied, match="may not change a timeline entry"):
        team.sql("ann", "DELETE FROM interaction WHERE id = ?", (entry,))
    with pytest.raises(AccessDenied, match="timeline entries are append-only"):
        team.sql("ann", "UPDATE interaction SET summary = 'edited' WHERE id = ?", (entry,))
    assert team.sql("mia", "DELETE FROM interaction WHERE id = ?", (entry,)).rowcount == 1


def test_nobody_writes_the_audit_trail_but_its_triggers(team, book):
    for name in ("ann", "mia"):
        with pytest.raises(AccessDenied, match="may not change a audit trail") as refused:
            team.sql(name, "INSERT INTO audit_entry (at, actor, tbl, action) VALUES ('x', 'ann', 'customer', 'x')")
        assert refused.value.reason == "right"
        with pytest.raises(AccessDenied):
            team.sql(name, "DELETE FROM audit_entry")
        with pytest.raises(AccessDenied):
            team.sql(name, "UPDATE audit_entry SET actor = 'nobody'")


def test_only_the_owner_or_a_manager_shares_a_customer(team, book, clock):
    a, b2 = book["A"], book["B2"]
    team.act("mia")
    assert (access.me(), access.is_manager(), access.access_to(a).level) == ("mia", True, "manager")
    team.act("ann")
    assert (access.me(), access.is_manager(), access.access_to(a).level) == ("ann", False, "own")
    with pytest.raises(access.AccessDenied, match=f"only the customer's owner \\(bob\\) or a manager may share customer {b2}"):
        access.share(b2, "mia")
    with pytest.raises(AccessDenied):  # the database says the same without the app's check
        team.sql("ann", "INSERT INTO customer_share (customer_id, person) VALUES (?, 'mia')", (b2,))
    assert access.share(a, "bob") == access.Share(a, "bob", True)
    team.act("bob")
    assert get_customer(a).name == "Ann's Acme"
    log_interaction(a, "call", "bob called for ann", clock)
    assert access.access_to(a) == access.Access(a, "ann", "shared")
    team.act("ann")
    access.unshare(a, "bob")
    assert a not in visible(team, "bob")


def test_a_salesperson_creates_customers_only_for_themselves(team):
    with pytest.raises(AccessDenied, match="refused to save this customer"):
        team.sql("ann", "INSERT INTO customer (name, created_at, updated_at, owner) "
                        "VALUES ('For Bob', 'x', 'x', 'bob')")
    team.sql("mia", "INSERT INTO customer (name, created_at, updated_at, owner) VALUES ('For Bob', 'x', 'x', 'bob')")
    assert visible(team, "bob", "customer", "name") == {"For Bob"}


def test_step_11_without_the_group_roles_names_who_must_create_them(postgres_server, monkeypatch):
    monkeypatch.setattr(pg_access, "GROUPS", ("trade_crm_not_made_yet", pg_access.MANAGERS))
    name = postgres_server.create_database(OWNER)
    try:
        with pytest.raises(DatabaseError, match="no role trade_crm_not_made_yet, and this login may not create "
                                                "roles: ask the server's administrator to run `trade-crm team setup`"):
            open_postgres(postgres_server.url(OWNER, name), password=OWNER_PASSWORD)
        with postgres_server.admin(name) as conn:  # nothing half-made: the schema is one transaction
            assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0] == 0
    finally:
        postgres_server.drop_database(name)


def test_a_laptop_book_has_one_user_who_may_do_everything(tmp_path, clock):
    db = open_database(tmp_path / "laptop.db")  # a file, whatever engine the folder's `db` fixture gives
    try:
        cid = create_customer(clock, name="Local")
        assert (access.me(), access.is_manager(), access.access_to(cid)) == (None, True, access.Access(cid, None, "own"))
        with pytest.raises(ValidationError, match="sharing needs a book on a team server"):
            access.share(cid, "bob")
    finally:
        close_database(db)


def test_a_bulk_writer_may_move_a_sequence_past_the_ids_it_picked_but_not_the_audit_trails(team):
    assert team.sql("ann", "SELECT setval('customer_id_seq', 1000)").fetchone()[0] == 1000
    with pytest.raises(AccessDenied):
        team.sql("mia", "SELECT setval('audit_entry_id_seq', 1000)")
