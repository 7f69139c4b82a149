"""The audit trail on a real server: one entry per changed row, written by the database, read per customer."""

from __future__ import annotations

import json

from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer, delete_customers, update_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.domain.team import access
from trade_crm.domain.team.audit import AuditChange, FieldChange, changes_of, entries_of, last_change
from trade_crm.store.db import close_database, open_database


def test_a_managers_change_is_noted_field_by_field_and_shown_to_the_owner(team, clock):
    team.act("ann")
    cid = create_customer(clock, name="Acme", rating="B", contacts=[ContactInput(name="Li Wei")])
    team.act("mia")
    update_customer(cid, clock, rating="A", city="Hamburg")
    team.act("ann")
    newest = changes_of(cid)[0]
    assert (newest.actor, newest.table, newest.action) == ("mia", "customer", "update")
    assert set(newest.changes) == {FieldChange("rating", "B", "A"), FieldChange("city", "", "Hamburg")}
    assert last_change(cid) == newest
    assert [(c.actor, c.table, c.action, c.label) for c in changes_of(cid)[1:]] == [
        ("ann", "contact", "insert", "Li Wei"), ("ann", "customer", "insert", "Acme")]
    raw = entries_of(cid)[0]  # the server's clock, in UTC; only what changed (a save may bump a version too)
    assert raw.at.utcoffset().total_seconds() == 0
    assert {k: json.loads(raw.before)[k] for k in ("rating", "city")} == {"rating": "B", "city": ""}


def test_logging_a_call_is_one_entry_per_row_and_no_line_of_its_own(team, clock):
    team.act("ann")
    cid = create_customer(clock, name="Acme")
    before = len(entries_of(cid))
    log_interaction(cid, "call", "price agreed", clock)
    written = entries_of(cid)[: len(entries_of(cid)) - before]
    # the interaction's insert and the customer's last contact: one entry per changed row, neither shown
    assert sorted((e.tbl, e.action) for e in written) == [("customer", "update"), ("interaction", "insert")]
    assert [c.action for c in changes_of(cid)] == ["insert"]


def test_a_bulk_insert_writes_one_entry_per_row(team):
    team.sql("mia", "INSERT INTO customer (name, created_at, updated_at) "
                    "SELECT 'Bulk ' || n, '2026-11-01 00:00:00', '2026-11-01 00:00:00' FROM generate_series(1, 50) n")
    assert team.sql("mia", "SELECT count(*), count(DISTINCT row_id) FROM audit_entry").fetchone() == (50, 50)


def test_a_deleted_customer_keeps_its_history_and_its_children_are_not_noted_again(team, clock):
    team.act("ann")
    cid = create_customer(clock, name="Gone GmbH", contacts=[ContactInput(name="A", emails=("a@gone.test",))])
    log_interaction(cid, "email", "last words", clock)
    access.share(cid, "bob")
    delete_customers([cid])
    assert entries_of(cid) == []  # ann no longer sees the trail of a customer that is not there
    team.act("mia")
    deleted = [(e.tbl, e.action) for e in entries_of(cid) if e.action == "delete"]
    assert deleted == [("customer", "delete")]  # the contact, its email, the entry and the share went with it
    history = changes_of(cid)
    assert history[0] == AuditChange(history[0].id, history[0].at, "ann", "customer", cid, "delete", (), "Gone GmbH")
    assert ("customer_share", "insert", "bob") in [(c.table, c.action, c.label) for c in history]


def test_a_laptop_book_has_no_audit_trail(tmp_path, clock):
    db = open_database(tmp_path / "laptop.db")  # a file, whatever engine the folder's `db` fixture gives
    try:
        cid = create_customer(clock, name="Local")
        update_customer(cid, clock, rating="A")
        assert changes_of(cid) == [] and last_change(cid) is None
    finally:
        close_database(db)
