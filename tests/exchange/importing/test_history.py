"""Undo and the import history: an undo puts the book back exactly, whatever journal its batch stored."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from tests.exchange.importing.lists import existing_acme, run
from tests.helpers import dump
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer, get_customer, update_customer
from trade_crm.domain.errors import EditConflict, ValidationError
from trade_crm.exchange.importing.importer import import_history, undo_import
from trade_crm.store.sql_rows import insert_returning_id


def test_import_then_undo_leaves_exactly_the_rows_and_values_there_were(db, sheet, clock):
    existing_acme(clock)
    before = dump(db, versions=False)
    path = sheet(("ACME Trading Co Ltd", "Lena Kraus", "lena@acme-trading.de", "+49 30 5550100", "DE", "", "acme.de",
                  "B1"), ("New Co", "Nina", "nina@newco.com", "", "US", "NYC", "", "C2"))
    _, result = run(path, clock, source="Fair", tag="VIP", unmapped="custom")
    assert dump(db, versions=False) != before
    undone = undo_import(result.batch, clock)
    assert (undone.customers_removed, undone.customers_restored) == (1, 1)
    assert dump(db, versions=False) == before
    assert import_history()[0].undone_at is not None


def test_undo_after_a_merge_restores_the_customers_old_values(db, sheet, clock):
    acme = existing_acme(clock)
    old = get_customer(acme)
    _, result = run(sheet(("Acme", "Lena", "max@acme-trading.de", "", "DE", "", "acme.de")), clock)
    assert get_customer(acme).website == "acme.de"
    undo_import(result.batch, clock)
    assert get_customer(acme) == replace(old, version=3)  # the import's save and the undo's: versions only go up
    with pytest.raises(ValidationError, match="already undone"):
        undo_import(result.batch, clock)


def test_an_import_merged_into_by_a_later_one_is_undone_last(db, sheet, clock):
    path = sheet(("Beta GmbH", "Bob", "bob@beta.de"))
    _, first = run(path, clock)
    _, second = run(sheet(("Beta GmbH", "Bea", "bea@beta.de"), name="second.xlsx"), clock)
    with pytest.raises(ValidationError, match=f"undo import {second.batch} first"):
        undo_import(first.batch, clock)
    undo_import(second.batch, clock)
    undo_import(first.batch, clock)
    assert db.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 0


NOW = "2026-11-23 01:30:00"


def one(db, sql, *args):
    return db.execute_sql(sql, args).fetchone()[0]


def store_batch(db, journal: dict) -> int:
    """An ImportBatch row as an earlier version stored it, its journal the JSON object given."""
    return insert_returning_id("import_batch", {"file_name": "old.xlsx", "source": "", "tag": "", "created_at": NOW,
                                                "summary": "{}", "journal": json.dumps(journal)}, db=db)


def test_a_batch_an_earlier_version_stored_from_an_exported_book_is_undone_exactly(db, clock):
    acme = create_customer(clock, name="Acme GmbH", country="DE", city="Berlin", tags=["Fair"],
                           custom_fields={"Booth": "H5", "Hall": "3"},
                           contacts=[ContactInput(name="Max Weber", emails=("max@acme.de",),
                                                  phones=("+49 30 5550100",))])
    before = dump(db, versions=False)
    updated_at = one(db, "SELECT updated_at FROM customer WHERE id = ?", acme)
    max_id = one(db, "SELECT id FROM contact WHERE customer_id = ?", acme)
    phone = db.execute_sql("SELECT id, contact_id, kind, value, raw, position FROM contact_channel "
                           "WHERE kind = 'phone'").fetchone()
    fair = one(db, "SELECT id FROM tag WHERE name = 'Fair'")
    booth, hall = (db.execute_sql("SELECT v.id, v.customer_id, v.field_id, v.value FROM custom_field_value v "
                                  "JOIN custom_field f ON f.id = v.field_id WHERE f.name = ?", (name,)).fetchone()
                   for name in ("Booth", "Hall"))
    # What that import did, row by row, as the old writer did it:
    db.execute_sql("INSERT INTO customer (id, name, created_at, updated_at) VALUES (100, 'New Co', ?, ?)", (NOW, NOW))
    db.execute_sql("INSERT INTO contact (id, customer_id, name, created_at, updated_at) VALUES (101, 100, 'Nina', ?, ?)",
                   (NOW, NOW))
    db.execute_sql("UPDATE customer SET city = 'Hamburg', updated_at = ? WHERE id = ?", (NOW, acme))
    db.execute_sql("INSERT INTO contact (id, customer_id, name, created_at, updated_at) VALUES (50, ?, 'Lena', ?, ?)",
                   (acme, NOW, NOW))
    db.execute_sql("INSERT INTO contact_channel (id, contact_id, kind, value) VALUES (60, ?, 'email', 'm@acme.de')",
                   (max_id,))
    db.execute_sql("DELETE FROM contact_channel WHERE id = ?", (phone[0],))
    db.execute_sql("UPDATE contact SET title = 'CEO' WHERE id = ?", (max_id,))
    db.execute_sql("INSERT INTO tag (id, name) VALUES (70, 'VIP')")
    db.execute_sql("INSERT INTO customer_tag (customer_id, tag_id) VALUES (?, 70)", (acme,))
    db.execute_sql("DELETE FROM customer_tag WHERE customer_id = ? AND tag_id = ?", (acme, fair))
    db.execute_sql("INSERT INTO custom_field (id, name, position) VALUES (80, 'Size', 9)")
    db.execute_sql("INSERT INTO custom_field_value (id, customer_id, field_id, value) VALUES (81, ?, 80, 'big')", (acme,))
    db.execute_sql("UPDATE custom_field_value SET value = 'H6' WHERE id = ?", (booth[0],))
    db.execute_sql("DELETE FROM custom_field_value WHERE id = ?", (hall[0],))
    db.execute_sql("INSERT INTO interaction (id, customer_id, kind, occurred_at, summary, created_at) "
                   "VALUES (90, ?, 'import', ?, 'Imported from old.xlsx', ?)", (acme, NOW, NOW))
    db.execute_sql("INSERT INTO orders (id, customer_id, ordered_on, amount, currency, created_at) "
                   "VALUES (95, ?, '2026-11-01', '99.50', 'USD', ?)", (acme, NOW))
    batch = store_batch(db, {
        "created": [100], "customers": {str(acme): {"city": "Berlin", "updated_at": updated_at}}, "contacts": [50],
        "channels": [60], "customer_tags": [[acme, 70]], "custom_values": [81],
        "custom_value_updates": {str(booth[0]): "H5"}, "interactions": [90], "tags": [70], "custom_fields": [80],
        "merged": [acme], "orders": [95], "contact_updates": {str(max_id): {"title": ""}}, "channel_updates": {},
        "interaction_updates": {}, "order_updates": {}, "deleted_channels": [list(phone)],
        "removed_tags": [[acme, fair]], "deleted_custom_values": [list(hall)]})
    assert dump(db, versions=False) != before

    undone = undo_import(batch, clock)
    assert (undone.customers_removed, undone.customers_restored) == (1, 1)
    assert dump(db, versions=False) == before


def test_a_batch_an_earlier_version_stored_from_a_list_is_undone_exactly(db, clock):
    acme = create_customer(clock, name="Acme GmbH", country="DE")
    before = dump(db, versions=False)
    db.execute_sql("INSERT INTO customer (id, name, created_at, updated_at) VALUES (100, 'New Co', ?, ?)", (NOW, NOW))
    db.execute_sql("INSERT INTO tag (id, name) VALUES (70, 'Canton Fair')")
    db.execute_sql("INSERT INTO customer_tag (customer_id, tag_id) VALUES (100, 70), (?, 70)", (acme,))
    db.execute_sql("UPDATE customer SET website = 'acme.de' WHERE id = ?", (acme,))
    batch = store_batch(db, {  # the 11 keys a list's import wrote
        "created": [100], "customers": {str(acme): {"website": ""}}, "contacts": [], "channels": [],
        "customer_tags": [[acme, 70]], "custom_values": [], "custom_value_updates": {}, "interactions": [],
        "tags": [70], "custom_fields": [], "merged": [acme]})
    undo_import(batch, clock)
    assert dump(db, versions=False) == before
    assert get_customer(acme).website == ""


def test_an_import_and_its_undo_move_the_version_so_a_form_opened_before_sees_them(db, sheet, clock):
    acme = existing_acme(clock)
    opened = get_customer(acme)
    _, result = run(sheet(("Acme", "Lena", "max@acme-trading.de", "", "DE", "", "acme.de")), clock)
    with pytest.raises(EditConflict) as err:  # the import filled the website this form is about to change
        update_customer(acme, clock, base=opened, website="acme-trading.de")
    assert (err.value.conflicts[0].field, err.value.conflicts[0].theirs) == ("website", "acme.de")
    undo_import(result.batch, clock)
    assert get_customer(acme).version == opened.version + 2
