"""Totals, lone numbers, repeated headers, title and date lines are ignored and listed; every row is counted."""

import pytest

from tests.exchange.importing.lists import HEADER, existing_acme, run
from trade_crm.exchange.importing.importer import ImportOptions, build_plan
from trade_crm.exchange.importing.junk import JunkFilter
from trade_crm.exchange.importing.layout.headers import ColumnMapping

TARGETS = ("company", "contact_name", "email", "phone", "country", "city", "website", "booth")
FILTER = JunkFilter(HEADER, [ColumnMapping(i, h, t) for i, (h, t) in enumerate(zip(HEADER, TARGETS, strict=True))])


@pytest.mark.parametrize(("cells", "reason"), [
    (["合计", "175"], "a total row"),
    (["总计：", "", "", "", "", "", "", "1,234"], "a total row"),
    (["小计", "12"], "a total row"),
    (["Total", "175", "", "", "", "", "", "3"], "a total row"),
    (["Summe", "17"], "a total row"),
    (["Gesamt", "17"], "a total row"),
    (["Total: 175"], "a total row"),
    (["Total"], "a total row"),  # the label of a total whose figure is in a column the list does not have
    (["合计"], "a total row"),
    (["175"], "only a number"),
    (["", "", "", "", "", "", "", "42"], "only a number"),
    (HEADER, "the header row repeated"),
    (["Exhibitors A–Z:"], "a title line"),
    (["", "", "", "", "Germany"], "a title line"),
    (["Stand: 1 March 2024"], "a date line"),
    (["", "2024-03-01"], "a date line"),
])
def test_no_one_rows_are_named_with_their_reason(cells, reason):
    assert FILTER.reason(cells).startswith(reason)


@pytest.mark.parametrize("cells", [
    ["TotalEnergies SE", "", "", "+33 1 47444546"],  # a company whose name begins with "Total"
    ["Summit Trading", "", "", "", "", "", "", "17"],
    ["Acme GmbH"],  # a company with nothing else known is a row to import
    ["", "", "", "+49 30 1234567"],  # a phone number alone is someone to call
    ["", "", "info@acme.de"],
    ["Company", "Anna", "anna@acme.de"],  # one cell that equals its header is not a header row
])
def test_rows_of_someone_are_never_ignored(cells):
    assert FILTER.reason(cells) is None


def test_a_list_with_a_title_a_repeated_header_and_a_total_imports_only_its_people(db, xlsx, clock):
    path = xlsx([HEADER,
                 ["Acme GmbH", "Anna", "anna@acme.de", "", "DE"],
                 ["Hall 5 exhibitors:"],
                 HEADER,
                 ["Beta Ltd", "Bob", "bob@beta.co.uk", "", "GB"],
                 ["", "", "", "", "", "", "", ""],
                 ["", "", "", "", "Spain", "", "", "B7"],  # something, but no one: refused with its reason
                 ["Acme GmbH", "Max", "max@acme.de", "", "DE"],
                 ["合计", "175"],
                 ["2024-03-01"]])
    plan, result = run(path, clock)
    assert [c.name for c in plan.customers] == ["Acme GmbH", "Beta Ltd"]
    assert [(o.row, o.outcome) for o in plan.outcomes] == [
        (2, "created"), (3, "ignored"), (4, "ignored"), (5, "created"), (7, "refused"), (8, "joined"),
        (9, "ignored"), (10, "ignored")]
    assert [o.reason for o in plan.ignored] == ['a title line ("Hall 5 exhibitors:")', "the header row repeated",
                                                'a total row ("合计 175")', 'a date line ("2024-03-01")']
    assert plan.outcomes[4].reason.startswith("this row has no company, name, email or phone")
    assert sum(plan.row_outcomes.values()) == plan.total_rows == 8
    assert result.row_outcomes == plan.row_outcomes and result.rows == 8
    assert db.execute_sql("SELECT count(*) FROM customer WHERE name IN ('175', '合计')").fetchone()[0] == 0


def test_skipped_and_merged_rows_are_counted_as_such(db, sheet, clock):
    acme = existing_acme(clock)
    path = sheet(("Acme", "", "max@acme-trading.de"), ("Acme", "Lena", "lena@acme-trading.de"), ("Gamma", "Gus"))
    merged = build_plan(path, ImportOptions())
    assert [(o.outcome, o.target) for o in merged.outcomes] == [("merged", acme), ("merged", acme), ("created", None)]
    skipped = build_plan(path, ImportOptions(on_duplicate="skip"))
    assert [o.outcome for o in skipped.outcomes] == ["skipped", "skipped", "created"]
    assert skipped.row_outcomes["skipped"] == 2
