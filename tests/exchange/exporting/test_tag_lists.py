"""The Tags cell of an exported book: tags holding a comma (or another separator) come back unchanged."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from tests.helpers import dump
from trade_crm.domain.customers.records import create_customer, get_customer
from trade_crm.exchange.exporting.columns import column_keys, join_tags, sheet_of, split_tags
from trade_crm.exchange.exporting.workbook import customer_ids, export_workbook
from trade_crm.exchange.importing.importer import ImportOptions, build_plan, commit_import

AWKWARD = ["Hamburg, DE", "广州，展会", "A; B", "两、三", 'Size 5" pipes', '"Quoted"', "line\nbreak", "VIP"]


@pytest.mark.parametrize("names", [[], ["VIP"], ["VIP", "Fair 2026"], AWKWARD, ['"', '""', ",", 'a"b,c']])
def test_split_tags_reads_back_what_join_tags_wrote(names):
    assert split_tags(join_tags(names)) == names


def test_tags_without_separators_are_written_as_before():
    assert join_tags(["Fair 2026", "VIP"]) == "Fair 2026, VIP"
    assert join_tags(["Hamburg, DE"]) == '"Hamburg, DE"'


@pytest.mark.parametrize("cell, names", [
    ("VIP, Key account", ["VIP", "Key account"]),
    ("VIP；展会、广州\nnew", ["VIP", "展会", "广州", "new"]),
    (' "Hamburg, DE" ,VIP,, ', ["Hamburg, DE", "VIP"]),
    ('"unclosed, VIP', ['"unclosed', "VIP"]),  # a quote typed by hand that never closes is only text
    ('"a" b, c', ['"a" b', "c"]),
])
def test_split_tags_reads_what_a_person_types(cell, names):
    assert split_tags(cell) == names


def test_an_exported_book_with_comma_tags_imports_back_unchanged(db, clock, tmp_path):
    tags = sorted(set(AWKWARD) - {"line\nbreak"}, key=str.casefold)  # a tag is one line
    customer = create_customer(clock, name="Hafen Logistik GmbH", country="DE", tags=tags)
    assert sorted(get_customer(customer).tags, key=str.casefold) == tags
    path = tmp_path / "book.xlsx"
    export_workbook(path, customer_ids(None, today=date(2026, 11, 23), now=clock.now()), zone=clock.zone)
    sheet = load_workbook(path)["Customers"]
    tags_column = column_keys(sheet_of("Customers"), [c.value for c in sheet[1]]).index("tags")
    assert '"Hamburg, DE"' in sheet.cell(2, tags_column + 1).value
    before = dump(db)

    plan = build_plan(path, ImportOptions())
    result = commit_import(plan, clock)

    assert (plan.updates, plan.unchanged, result.updated) == (0, 1, 0)
    assert dump(db) == before
    assert sorted(get_customer(customer).tags, key=str.casefold) == tags
