"""An export a boss can read: words for codes in either language, international phones, a total per
currency, the list's order and columns; and the same file still imports back by CRM ID."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tests.helpers import dump
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.query import CustomerFilter
from trade_crm.domain.customers.records import create_customer, get_customer
from trade_crm.domain.customers.timeline import log_interaction, timeline
from trade_crm.domain.world.currency import set_rate
from trade_crm.exchange.exporting.columns import column_keys, headers, sheet_of
from trade_crm.exchange.exporting.labels import code_of, label
from trade_crm.exchange.exporting.workbook import ExportError, customer_ids, export_workbook
from trade_crm.exchange.importing.importer import ImportOptions, build_plan, commit_import
from trade_crm.store.models import INTERACTION_KINDS, LIFECYCLES, SOURCES, Customer, Order, database

TODAY = date(2026, 11, 23)


@pytest.fixture
def book(db, clock) -> dict[str, int]:
    ids = {
        "bauer": create_customer(
            clock, name="Bauer Baustoffe GmbH", country="DE", rating="A", source="trade_show", preferred_language="de",
            contacts=[ContactInput(name="Eva Bauer", phones=("+49 30 1234567",), whatsapp="+49 1512 3456789",
                                   is_primary=True)]),
        "azoulay": create_customer(
            clock, name="Azoulay Building Materials", country="FR", source="website", preferred_language="French",
            contacts=[ContactInput(name="Luc Azoulay", phones=("+33 1 23 45 67 89",))]),
        "chen": create_customer(clock, name="Chen Trading", country="CN", rating="C", source="referral"),
    }
    log_interaction(ids["bauer"], "call", "Asked for the price list", clock)
    Customer.update(lifecycle="dormant").where(Customer.id == ids["bauer"]).execute()
    for customer, amount, currency in (("bauer", "1200.50", "EUR"), ("bauer", "800", "EUR"), ("bauer", "99.90", "USD"),
                                       ("chen", "5000", "CNY")):
        Order.create(customer=ids[customer], ordered_on=date(2026, 5, 5), amount=Decimal(amount), currency=currency,
                     created_at=clock.now())
    return ids


def export(path, clock, flt=None, *, sort=None, descending=False, **options):
    ids = customer_ids(flt, today=TODAY, now=clock.now(), sort=sort, descending=descending)
    export_workbook(path, ids, zone=clock.zone, **options)
    return load_workbook(path)


def records(ws) -> list[dict]:
    rows = list(ws.iter_rows(values_only=True))
    keys = column_keys(sheet_of(ws.title), rows[0])
    return [dict(zip(keys, row, strict=True)) for row in rows[1:]]


def by_name(ws) -> dict[str, dict]:
    return {row["company"]: row for row in records(ws)}


@pytest.mark.parametrize(("language", "words"), [
    ("en", ("Dormant", "Trade show", "German", "Website inquiry", "French", "Referral", "Potential")),
    ("zh_CN", ("沉睡客户", "展会", "德语", "网站询盘", "法语", "转介绍", "潜在客户")),
])
def test_stage_source_and_language_are_words_in_the_books_language(book, clock, tmp_path, language, words):
    wb = export(tmp_path / "book.xlsx", clock, language=language)
    rows = by_name(wb.worksheets[0])
    bauer, azoulay, chen = (rows[n] for n in ("Bauer Baustoffe GmbH", "Azoulay Building Materials", "Chen Trading"))
    assert (bauer["stage"], bauer["source"], bauer["language"], bauer["rating"]) == (*words[:3], "A")
    assert (azoulay["source"], azoulay["language"], azoulay["rating"]) == (words[3], words[4], None)
    assert (chen["source"], chen["stage"], chen["language"], chen["rating"]) == (words[5], words[6], None, "C")


def test_every_stage_source_and_kind_word_reads_back_to_its_code_in_either_language():
    for language in ("en", "zh"):
        for kind in INTERACTION_KINDS:
            assert code_of("kind", label("kind", kind, language)) == kind
        for stage in LIFECYCLES:
            assert code_of("stage", label("stage", stage, language)) == stage
        for source in SOURCES:
            assert code_of("source", label("source", source, language)) == source
    assert code_of("language", "中文") == "zh" and code_of("language", " german ") == "de"
    assert code_of("language", "Klingon") == "Klingon" and code_of("company", "Dormant") == "Dormant"


def test_phones_are_written_in_international_format_on_both_sheets(book, clock, tmp_path):
    wb = export(tmp_path / "book.xlsx", clock)
    assert by_name(wb["Customers"])["Bauer Baustoffe GmbH"]["phone"] == "+49 30 1234567"
    assert by_name(wb["Customers"])["Azoulay Building Materials"]["phone"] == "+33 1 23 45 67 89"
    eva = next(r for r in records(wb["Contacts"]) if r["name"] == "Eva Bauer")
    assert (eva["phone"], eva["whatsapp"]) == ("+49 30 1234567", "+49 1512 3456789")


def test_order_totals_are_converted_to_the_reporting_currency_with_the_rate_date(book, clock, tmp_path):
    set_rate("EUR", "1.08", date(2026, 11, 1), clock)
    set_rate("CNY", "0.14", date(2026, 10, 15), clock)
    wb = export(tmp_path / "book.xlsx", clock)
    header = [c.value for c in wb["Customers"][1]]
    assert "Order total in USD (rates of 2026-10-15)" in header and "Order amounts by currency" in header
    rows = by_name(wb["Customers"])
    bauer, chen = rows["Bauer Baustoffe GmbH"], rows["Chen Trading"]
    assert (bauer["orders"], bauer["order_total"], bauer["order_currency"]) == (
        3, 2260.44, "EUR 2,000.50; USD 99.90")  # 2,000.50 x 1.08 + 99.90
    assert (chen["orders"], chen["order_total"], chen["order_currency"]) == (1, 700, "CNY 5,000.00")
    azoulay = rows["Azoulay Building Materials"]
    assert (azoulay["orders"], azoulay["order_total"], azoulay["order_currency"]) == (0, None, None)
    chinese = export(tmp_path / "zh.xlsx", clock, language="zh")
    assert "订单总额（USD，汇率日期 2026-10-15）" in [c.value for c in chinese["客户"][1]]
    # Only the rates the exported customers need date the header.
    only_bauer = export(tmp_path / "bauer.xlsx", clock, CustomerFilter(ids=(book["bauer"],)), sheets=("customers",))
    assert "Order total in USD (rates of 2026-11-01)" in [c.value for c in only_bauer["Customers"][1]]


def test_a_currency_without_a_rate_leaves_its_totals_empty_and_the_header_says_so(book, clock, tmp_path):
    set_rate("EUR", "1.08", date(2026, 11, 1), clock)
    wb = export(tmp_path / "book.xlsx", clock)
    assert "Order total in USD (rates of 2026-11-01; none for CNY)" in [c.value for c in wb["Customers"][1]]
    rows = by_name(wb["Customers"])
    assert (rows["Chen Trading"]["order_total"], rows["Chen Trading"]["order_currency"]) == (None, "CNY 5,000.00")
    assert rows["Bauer Baustoffe GmbH"]["order_total"] == 2260.44


def test_rows_follow_the_lists_sort_on_every_sheet(book, clock, tmp_path):
    wb = export(tmp_path / "book.xlsx", clock, sort="name", descending=True)
    assert [r["company"] for r in records(wb["Customers"])] == [
        "Chen Trading", "Bauer Baustoffe GmbH", "Azoulay Building Materials"]
    assert [r["id"] for r in records(wb["Orders"])] == [book["chen"], book["bauer"], book["bauer"], book["bauer"]]
    assert [r["name"] for r in records(wb["Contacts"])] == ["Eva Bauer", "Luc Azoulay"]


def test_only_the_lists_columns_are_written_after_the_crm_id(book, clock, tmp_path):
    database.obj.execute_sql("INSERT INTO customer_segment (customer_id, tier) VALUES (?, 'A')", (book["chen"],))
    wb = export(tmp_path / "book.xlsx", clock, sheets=("customers",), columns=("company", "stage", "country",
                                                                                "follow_up", "tier"), language="zh")
    rows = list(wb["客户"].iter_rows(values_only=True))
    assert rows[0] == tuple(headers("customers", "zh")[i] for i in (0, 1, 7, 3, 13, 27))
    assert rows[0][-1] == "价值分级" and [r[-1] for r in rows[1:]] == [None, None, "A"]
    with pytest.raises(ExportError, match='"bogus" is not a column'):
        export(tmp_path / "other.xlsx", clock, columns=("company", "bogus"))


def test_a_chinese_export_with_words_and_phones_imports_back_unchanged_then_edited(db, book, clock, tmp_path):
    before = dump(db)
    path = tmp_path / "book.xlsx"
    wb = export(path, clock, language="zh_CN")
    plan = build_plan(path, ImportOptions(), zone=clock.zone)
    assert (plan.updates, plan.unchanged, plan.problems) == (0, 3, ())  # "French" shown as 法语 is no edit
    ws = wb["客户"]
    keys = column_keys("customers", [c.value for c in ws[1]])
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == book["chen"])
    row[keys.index("source")].value = "展会"
    row[keys.index("language")].value = "西班牙语"
    row[keys.index("phone")].value = "+86 138 1234 5678"
    call = next(r for r in wb["跟进记录"].iter_rows(min_row=2) if r[0].value == book["bauer"])
    assert call[4].value == "电话"
    call[4].value = "拜访"  # the kind, as the Chinese book words it
    wb.save(tmp_path / "edited.xlsx")
    plan = build_plan(tmp_path / "edited.xlsx", ImportOptions(), zone=clock.zone)
    assert (plan.updates, plan.unchanged) == (2, 1)
    commit_import(plan, clock)
    assert [e.kind for e in timeline(book["bauer"]) if e.summary == "Asked for the price list"] == ["visit"]
    chen = get_customer(book["chen"])
    assert (chen.source, chen.preferred_language) == ("trade_show", "es")
    assert chen.primary_contact.phones == ["+8613812345678"]
    assert get_customer(book["azoulay"]).preferred_language == "French"
    assert dump(db) != before
