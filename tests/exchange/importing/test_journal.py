"""The typed journal: what each import records, stored in the JSON shape the first version wrote."""

from __future__ import annotations

import json
from datetime import date

from openpyxl import load_workbook

from tests.helpers import dump
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.exchange.exporting.workbook import customer_ids, export_workbook
from trade_crm.exchange.importing.importer import ImportOptions, build_plan, commit_import, undo_import
from trade_crm.exchange.importing.journal import Added, Changed, Deleted, Journal, Merged, TagLink
from trade_crm.store.models import ImportBatch

# The keys of a stored journal, as the first version wrote them (an exported book's; a list's had the first 11).
STORED_KEYS = ["created", "customers", "contacts", "channels", "customer_tags", "custom_values",
               "custom_value_updates", "interactions", "tags", "custom_fields", "merged", "orders", "contact_updates",
               "channel_updates", "interaction_updates", "order_updates", "deleted_channels", "removed_tags",
               "deleted_custom_values", "attachments"]  # attachments: a WhatsApp chat's media (exchange/chats)


def stored(batch_id: int) -> str:
    return ImportBatch.get_by_id(batch_id).journal


def test_every_kind_of_entry_survives_the_stored_form():
    journal = Journal([Added("customer", 7), Added("contact", 8), Added("contact_channel", 9), Added("tag", 3),
                       Added("custom_field", 4), Added("custom_field_value", 5), Added("interaction", 10),
                       Added("orders", 11), Added("attachment", 18), Changed("customer", 1, {"city": "Berlin", "updated_at": "2026-01-01"}),
                       Changed("contact", 2, {"title": ""}), Changed("contact_channel", 12, {"raw": "0171"}),
                       Changed("interaction", 13, {"summary": "old"}), Changed("orders", 14, {"amount": "1.50"}),
                       Changed("custom_field_value", 15, {"value": "H5"}),
                       Deleted("contact_channel", (16, 2, "email", "a@b.c", "", 0)),
                       Deleted("custom_field_value", (17, 1, 4, "x")), TagLink(1, 3), TagLink(1, 6, added=False),
                       Merged(1)])
    text = journal.to_json()
    assert list(json.loads(text)) == STORED_KEYS
    again = Journal.from_json(text)
    assert sorted(map(repr, again.entries)) == sorted(map(repr, journal.entries))
    assert again.to_json() == text


def test_a_row_changed_twice_is_stored_with_each_columns_value_before_the_first_change():
    """The stored form keeps one entry per row: undo must find what the row held before the batch."""
    journal = Journal([Changed("customer", 1, {"city": "", "updated_at": "2026-01-01"}),
                       Changed("customer", 1, {"last_contact_at": None, "updated_at": "2026-12-05"}),
                       Changed("custom_field_value", 5, {"value": "H5"}), Changed("custom_field_value", 5, {"value": "H6"})])
    again = Journal.from_json(journal.to_json())
    assert [e.previous for e in again.changed("customer")] == [
        {"city": "", "updated_at": "2026-01-01", "last_contact_at": None}]
    assert [e.previous for e in again.changed("custom_field_value")] == [{"value": "H5"}]


def test_a_missing_or_empty_stored_journal_reads_as_nothing_to_undo():
    for text in (None, "", "{}", '{"created": []}'):
        journal = Journal.from_json(text)
        assert journal.entries == [] and journal.merged == [] and journal.added("customer") == []


def test_a_list_import_journals_what_it_added_and_changed_and_undo_restores_the_book(db, xlsx, clock):
    acme = create_customer(clock, name="ACME Trading Co., Ltd.", country="DE", notes="old note",
                           custom_fields={"Booth": "H4"},
                           contacts=[ContactInput(name="Max Weber", emails=("max@acme-trading.de",))])
    before = dump(db, versions=False)
    path = xlsx([["Company", "Contact", "Email", "Phone", "City", "Booth"],
                 ["ACME Trading", "Max Weber", "max@acme-trading.de", "+49 30 5550100", "Berlin", "H5"],
                 ["ACME Trading", "Lena Kraus", "lena@acme-trading.de", "", "", ""],
                 ["New Co", "Nina", "nina@newco.com", "", "NYC", "C2"]], name="fair.xlsx")
    plan = build_plan(path, ImportOptions(source="Canton Fair 2026 Autumn", unmapped="custom",
                                          mapping={"Booth": "custom:Booth"}, overwrite=True))
    result = commit_import(plan, clock)
    text = stored(result.batch)
    assert list(json.loads(text)) == STORED_KEYS
    journal = Journal.from_json(text)
    assert journal.merged == [acme] and len(journal.added("customer")) == 1
    assert [e.id for e in journal.changed("customer")] == [acme]
    assert set(journal.changed("customer")[0].previous) >= {"city", "updated_at"}
    assert len(journal.added("contact")) == 1 and len(journal.added("contact_channel")) == 1  # Lena; Max's phone
    assert journal.added("tag") and journal.tag_links(True) == [(acme, journal.added("tag")[0])]
    assert [e.previous for e in journal.changed("custom_field_value")] == [{"value": "H4"}]
    undo_import(result.batch, clock)
    assert dump(db, versions=False) == before


def test_an_exported_book_journals_its_changes_and_deletions_and_undo_restores_the_book(db, clock, tmp_path):
    mueller = create_customer(clock, name="Müller Maschinenbau GmbH", country="DE", tags=["VIP", "Fair"],
                              custom_fields={"Booth": "H5 A1"},
                              contacts=[ContactInput(name="Jürgen Müller", emails=("j@mueller-mb.de",),
                                                     phones=("+49 89 1234567",), is_primary=True)])
    path = tmp_path / "book.xlsx"
    export_workbook(path, customer_ids(None, today=date(2026, 11, 23), now=clock.now()), zone=clock.zone)
    wb = load_workbook(path)
    customers, contacts = wb["Customers"], wb["Contacts"]
    header = [c.value for c in customers[1]]
    customers.cell(2, header.index("Tags") + 1).value = "VIP, Key account"
    customers.cell(2, header.index("Booth") + 1).value = None
    customers.cell(2, header.index("City") + 1).value = "Hamburg"
    contact_header = [c.value for c in contacts[1]]
    contacts.cell(2, contact_header.index("Phone") + 1).value = None
    contacts.cell(2, contact_header.index("Title") + 1).value = "Einkauf"
    wb.save(tmp_path / "edited.xlsx")
    before = dump(db, versions=False)

    plan = build_plan(tmp_path / "edited.xlsx", ImportOptions(), zone=clock.zone)
    assert plan.is_exported_book and plan.updates == 1
    result = commit_import(plan, clock)
    journal = Journal.from_json(stored(result.batch))
    assert journal.merged == [mueller] and journal.added("customer") == []
    assert [e.id for e in journal.changed("customer")] == [mueller]
    assert [row[2:5] for row in journal.deleted("contact_channel")] == [("phone", "+49891234567", "+49 89 1234567")]
    assert [row[3] for row in journal.deleted("custom_field_value")] == ["H5 A1"]
    assert len(journal.tag_links(False)) == 1 and len(journal.tag_links(True)) == 1 and len(journal.added("tag")) == 1
    assert [set(e.previous) for e in journal.changed("contact")] == [{"title", "updated_at"}]
    assert dump(db, versions=False) != before
    undo_import(result.batch, clock)
    assert dump(db, versions=False) == before
