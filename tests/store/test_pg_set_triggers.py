"""Server step 15 (store/pg_set_triggers.py): inserted rows are noted once a statement, as the row triggers did."""

from __future__ import annotations

import json

STAMP = "'2026-11-01 00:00:00'"


def test_a_multi_row_insert_notes_every_row_with_its_customer_and_login(team):
    team.sql("ann", f"INSERT INTO customer (name, created_at, updated_at) VALUES ('Acme', {STAMP}, {STAMP})")
    cid = team.sql("ann", "SELECT id FROM customer").fetchone()[0]
    team.sql("ann", f"INSERT INTO contact (customer_id, name, created_at, updated_at) "
                    f"SELECT {cid}, 'Person ' || n, {STAMP}, {STAMP} FROM generate_series(1, 3) n")
    team.sql("ann", "INSERT INTO contact_channel (contact_id, kind, value, raw, position) "
                    "SELECT id, 'email', lower(replace(name, ' ', '')) || '@acme.test', '', 0 FROM contact")

    rows = team.sql("mia", "SELECT actor, tbl, row_id, customer_id, action, before, after FROM audit_entry "
                           "ORDER BY id").fetchall()
    assert [(r[0], r[1], r[3], r[4], r[5]) for r in rows] == [
        ("ann", "customer", cid, "insert", None), *[("ann", "contact", cid, "insert", None)] * 3,
        *[("ann", "contact_channel", cid, "insert", None)] * 3]
    channels = [json.loads(r[6]) for r in rows if r[1] == "contact_channel"]
    assert [c["value"] for c in channels] == ["person1@acme.test", "person2@acme.test", "person3@acme.test"]
    assert [r[2] for r in rows if r[1] == "contact_channel"] == [c["id"] for c in channels]
    assert team.sql("mia", "SELECT customer_id FROM reminder_change").fetchall() == [(cid,)]


def test_an_insert_of_no_rows_notes_nothing_and_a_tag_link_is_noted_without_a_row_id(team):
    team.sql("ann", f"INSERT INTO customer (name, created_at, updated_at) SELECT 'x', {STAMP}, {STAMP} WHERE FALSE")
    assert team.sql("mia", "SELECT count(*) FROM audit_entry").fetchone() == (0,)
    team.sql("ann", f"INSERT INTO customer (name, created_at, updated_at) VALUES ('Acme', {STAMP}, {STAMP})")
    cid = team.sql("ann", "SELECT id FROM customer").fetchone()[0]
    team.sql("ann", "INSERT INTO tag (name) VALUES ('VIP')")
    team.sql("ann", f"INSERT INTO customer_tag (customer_id, tag_id) SELECT {cid}, id FROM tag")
    assert team.sql("mia", "SELECT row_id, customer_id, action FROM audit_entry WHERE tbl = 'customer_tag'"
                    ).fetchall() == [(None, cid, "insert")]


def test_updates_and_deletes_are_still_noted_row_by_row(team):
    team.sql("ann", f"INSERT INTO customer (name, rating, created_at, updated_at) "
                    f"SELECT 'C' || n, 'B', {STAMP}, {STAMP} FROM generate_series(1, 2) n")
    team.sql("ann", "UPDATE customer SET rating = 'A'")
    team.sql("ann", "DELETE FROM customer WHERE name = 'C2'")
    assert team.sql("mia", "SELECT action, before, after FROM audit_entry WHERE action <> 'insert' ORDER BY id"
                    ).fetchall()[:2] == [("update", '{"rating": "B"}', '{"rating": "A"}')] * 2
    assert team.sql("mia", "SELECT count(*) FROM audit_entry WHERE action = 'delete'").fetchone() == (1,)
