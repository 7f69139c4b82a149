"""The Excel export: sheets, headers, real types, formula safety, scope, safe writing, chunked reads."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from openpyxl.utils.escape import unescape  # _x000D_ in the XML is a carriage return

from trade_crm.demo.book import load_demo
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.query import CustomerFilter
from trade_crm.domain.customers.records import create_customer, get_customer, update_customer
from trade_crm.domain.customers.timeline import log_interaction, timeline
from trade_crm.exchange.exporting import workbook as exporter
from trade_crm.exchange.exporting.columns import column_keys, headers, parse_sheets, sheet_of
from trade_crm.exchange.exporting.labels import label
from trade_crm.exchange.exporting.workbook import ExportCancelled, ExportError, customer_ids, export_workbook
from trade_crm.exchange.importing.importer import ImportOptions, build_plan, commit_import
from trade_crm.exchange.importing.readers import read_table
from trade_crm.store.db import close_database, open_database
from trade_crm.store.models import Customer, Order, database

TODAY = date(2026, 11, 23)
HOSTILE = {
    "name": "=HYPERLINK(\"http://evil.example\",\"Click\")",
    "city": "+cmd|' /C calc'!A0",
    "address": "-2+3",
    "notes": "@SUM(1+1)*cmd|' /C calc'!A0",
    "industry": "\tTabbed",
    "products": "\rCarriage",
}


@pytest.fixture
def book(db, clock) -> dict[str, int]:
    ids = {
        "mueller": create_customer(
            clock, name="Müller Maschinenbau GmbH", country="DE", city="München", rating="A", tags=["VIP", "Fair"],
            follow_up_on=date(2026, 12, 1), currency="EUR",
            contacts=[ContactInput(name="Jürgen Müller", title="Einkauf", emails=("j.mueller@mueller-mb.de",),
                                   phones=("+49 89 1234567",), is_primary=True, birthday=date(1975, 3, 14)),
                      ContactInput(name="Anna Schmidt", emails=("anna@mueller-mb.de",))]),
        "hostile": create_customer(
            clock, name="Hostile", country="CN", contacts=[ContactInput(name="=1+1", phones=("+8613812345678",),
                                                                        wechat="@wx_id")]),
        "lima": create_customer(clock, name="Lima Trading SAC", country="PE", rating="B"),
    }
    # As a careless import or an older version might have stored them: the domain would trim a tab.
    Customer.update(**HOSTILE).where(Customer.id == ids["hostile"]).execute()
    log_interaction(ids["mueller"], "email", "Sent the 2027 catalogue", clock,
                    occurred_at=clock.now() - timedelta(days=3), follow_up_on=date(2026, 12, 1))
    for day, amount, currency in ((date(2026, 3, 2), "1200.50", "EUR"), (date(2026, 6, 1), "800.25", "EUR")):
        Order.create(customer=ids["mueller"], ordered_on=day, amount=Decimal(amount), currency=currency,
                     reference="PI-1", created_at=clock.now())
    Order.create(customer=ids["lima"], ordered_on=date(2026, 5, 5), amount=Decimal("10"), currency="USD",
                 created_at=clock.now())
    Order.create(customer=ids["lima"], ordered_on=date(2026, 5, 6), amount=Decimal("20"), currency="EUR",
                 created_at=clock.now())
    return ids


def export(path, clock, flt=None, **options):
    ids = customer_ids(flt, today=TODAY, now=clock.now())
    return export_workbook(path, ids, zone=clock.zone, **options)


def records(ws) -> list[dict[str, object]]:
    """The data rows of an exported sheet as {column key: value}; text as Excel shows it."""
    rows = list(ws.iter_rows(values_only=True))
    keys = column_keys(sheet_of(ws.title), rows[0])
    return [{k: unescape(v) if isinstance(v, str) else v for k, v in zip(keys, row, strict=True)} for row in rows[1:]]


def rows_by_id(ws) -> dict[int, dict[str, object]]:
    return {row["id"]: row for row in records(ws)}


def test_export_writes_four_visible_sheets_with_frozen_bold_header_and_filter(book, clock, tmp_path):
    path = tmp_path / "book.xlsx"
    result = export(path, clock)
    assert result.rows == {"customers": 3, "contacts": 3, "interactions": 1, "orders": 4}
    wb = load_workbook(path)
    assert wb.sheetnames == ["Customers", "Contacts", "Interactions", "Orders"]
    for ws in wb.worksheets:
        assert ws.sheet_state == "visible"
        assert ws.freeze_panes == "C2"
        assert ws.auto_filter.ref.startswith("A1:")
        assert ws["A1"].value == "CRM ID" and ws["A1"].font.b
        widths = [ws.column_dimensions[letter].width for letter in "ABC"]
        assert all(6 <= w <= 52 for w in widths)
    assert wb["Customers"].auto_filter.ref == "A1:AB4"


def test_cells_are_real_excel_dates_and_numbers_in_the_users_time_zone(book, clock, tmp_path):
    path = tmp_path / "book.xlsx"
    export(path, clock)
    wb = load_workbook(path)
    mueller = rows_by_id(wb["Customers"])[book["mueller"]]
    assert mueller["id"] == book["mueller"]
    assert mueller["follow_up"] == datetime(2026, 12, 1)
    assert mueller["last_contact"] == datetime(2026, 11, 20, 9, 30)  # Shanghai wall clock, not UTC
    assert (mueller["orders"], mueller["order_total"], mueller["order_currency"]) == (2, None, "EUR 2,000.75")
    assert (mueller["country"], mueller["country_code"], mueller["tags"]) == ("Germany", "DE", "Fair, VIP")
    assert (mueller["contact"], mueller["email"], mueller["phone"]) == ("Jürgen Müller", "j.mueller@mueller-mb.de",
                                                                       "+49 89 1234567")
    lima = rows_by_id(wb["Customers"])[book["lima"]]
    assert (lima["orders"], lima["order_total"], lima["order_currency"]) == (2, None, "EUR 20.00; USD 10.00")
    ws = wb["Customers"]
    assert ws["M2"].is_date and ws["N2"].is_date and ws["M2"].number_format == "yyyy-mm-dd hh:mm"
    assert ws["P2"].data_type == "n" and ws["A2"].data_type == "n"
    contact = next(r for r in records(wb["Contacts"]) if r["name"] == "Jürgen Müller")
    assert contact["birthday"] == datetime(1975, 3, 14) and contact["primary"] is True
    order = rows_by_id(wb["Orders"])[book["mueller"]]
    assert wb["Orders"]["D2"].is_date and isinstance(order["amount"], float)


def test_text_that_looks_like_a_formula_is_stored_as_text_and_never_evaluated(book, clock, tmp_path):
    path = tmp_path / "book.xlsx"
    export(path, clock)
    wb = load_workbook(path)
    formulas = [c.coordinate for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []
    row = rows_by_id(wb["Customers"])[book["hostile"]]
    assert {key: row["company" if key == "name" else key] for key in HOSTILE} == HOSTILE
    contact = rows_by_id(wb["Contacts"])[book["hostile"]]
    assert (contact["name"], contact["phone"], contact["wechat"]) == ("=1+1", "+86 138 1234 5678", "@wx_id")
    customers = wb["Customers"]
    hostile_row = next(r for r in customers.iter_rows(min_row=2) if r[0].value == book["hostile"])
    assert hostile_row[1].quotePrefix  # Excel keeps it text even after the cell is edited
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        xml = b"".join(archive.read(n) for n in names if n.startswith("xl/worksheets/"))
        content_types = archive.read("[Content_Types].xml")
    assert b"<f>" not in xml and b"<f " not in xml
    assert not any("vba" in n.lower() for n in names) and b"macroEnabled" not in content_types


def test_headers_and_country_names_follow_the_ui_language(book, clock, tmp_path):
    path = tmp_path / "book.xlsx"
    export(path, clock, language="zh_CN", sheets=("customers", "orders"))
    wb = load_workbook(path)
    assert wb.sheetnames == ["客户", "订单"]
    assert [c.value for c in wb["客户"][1]][:5] == headers("customers", "zh")[:5] == ["客户编号", "公司", "其他名称", "国家",
                                                                                 "国家代码"]
    assert rows_by_id(wb["客户"])[book["mueller"]]["country"] == "德国"


def test_only_the_filtered_or_selected_customers_are_exported(book, clock, tmp_path):
    path = tmp_path / "de.xlsx"
    assert export(path, clock, CustomerFilter(countries=("DE",))).customers == 1
    assert set(rows_by_id(load_workbook(path)["Customers"])) == {book["mueller"]}
    export(path, clock, CustomerFilter(ids=(book["lima"], book["hostile"])), sheets=("orders",))
    wb = load_workbook(path)
    assert wb.sheetnames == ["Orders"]
    assert {r[0] for r in wb["Orders"].iter_rows(min_row=2, values_only=True)} == {book["lima"]}


def test_custom_fields_become_extra_customer_columns(book, clock, tmp_path):
    update_customer(book["lima"], clock, custom_fields={"Booth": "=12.1A"})
    path = tmp_path / "book.xlsx"
    export(path, clock, sheets=("customers",))
    ws = load_workbook(path)["Customers"]
    assert ws.cell(1, 29).value == "Booth"
    lima = next(r for r in ws.iter_rows(min_row=2) if r[0].value == book["lima"])
    assert lima[28].value == "=12.1A" and lima[28].data_type == "s"


def test_store_is_read_with_a_few_queries_per_chunk_not_per_customer(db, clock, tmp_path, monkeypatch):
    for n in range(30):
        create_customer(clock, name=f"Customer {n}", contacts=[ContactInput(name=f"P{n}", emails=(f"p{n}@x.com",))])
    calls = []
    real = database.obj.execute_sql
    monkeypatch.setattr(database.obj, "execute_sql", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    export(tmp_path / "book.xlsx", clock, chunk_size=10)
    # ids, custom fields, the rates and the currencies ordered in, then per chunk of 10: at most 8 set-based queries
    assert len(calls) <= 5 + 3 * 8


def test_progress_is_reported_and_a_cancel_leaves_the_old_file_untouched(book, clock, tmp_path):
    path = tmp_path / "book.xlsx"
    path.write_bytes(b"the previous export")
    seen = []

    def progress(stage, done, total):
        seen.append((stage, done, total))

    with pytest.raises(ExportCancelled):
        export(path, clock, progress=progress, cancel=lambda: len(seen) >= 2, chunk_size=1)
    assert path.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("book.db")] == ["book.xlsx"]
    export(path, clock, progress=progress, chunk_size=2)
    assert seen[-3:] == [("writing", 0, 3), ("writing", 2, 3), ("saving", 3, 3)]


def test_missing_folder_and_a_folder_as_target_give_clear_messages(book, clock, tmp_path):
    with pytest.raises(ExportError, match="folder .*missing.* does not exist"):
        export(tmp_path / "missing" / "book.xlsx", clock)
    with pytest.raises(ExportError, match="is a folder"):
        export(tmp_path, clock)


def test_a_file_locked_by_excel_gives_a_clear_message_and_no_half_file(book, clock, tmp_path, monkeypatch):
    path = tmp_path / "book.xlsx"
    path.write_bytes(b"open in Excel")

    def locked(src, dst):
        raise PermissionError(13, "The process cannot access the file because it is being used")

    monkeypatch.setattr(exporter.os, "replace", locked)
    with pytest.raises(ExportError, match="open in another program"):
        export(path, clock)
    assert path.read_bytes() == b"open in Excel"
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".part"]


def test_a_sheet_past_excels_row_limit_continues_on_a_second_sheet(book, clock, tmp_path, monkeypatch):
    monkeypatch.setattr(exporter, "MAX_ROWS", 3)  # header + 2 rows per sheet
    path = tmp_path / "book.xlsx"
    export(path, clock, sheets=("contacts",))
    wb = load_workbook(path)
    assert wb.sheetnames == ["Contacts", "Contacts (2)"]
    assert [ws.max_row for ws in wb.worksheets] == [3, 2]
    assert [r["name"] for ws in wb.worksheets for r in records(ws)] == ["Jürgen Müller", "Anna Schmidt", "=1+1"]


def test_parse_sheets_keeps_workbook_order_and_names_an_unknown_sheet():
    assert parse_sheets("orders, customers") == ("customers", "orders")
    with pytest.raises(ValueError, match='"invoices" is not a sheet'):
        parse_sheets("customers,invoices")


def test_demo_book_exports_every_customer_field_by_field(db, clock, tmp_path):
    summary = load_demo(clock, customers=60)
    path = tmp_path / "demo.xlsx"
    result = export(path, clock)
    assert result.rows == {"customers": 60, "contacts": summary.contacts, "interactions": summary.interactions,
                           "orders": summary.orders}
    wb = load_workbook(path)
    customers = rows_by_id(wb["Customers"])
    for customer_id, row in customers.items():
        stored = get_customer(customer_id)
        assert (row["company"], row["country_code"], row["city"] or "", row["rating"], row["stage"]) == (
            stored.name, stored.country, stored.city, stored.rating, label("stage", stored.lifecycle, "en"))
        assert (row["tags"] or "") == ", ".join(stored.tags)
        assert (row["notes"] or "") == stored.notes and (row["address"] or "") == stored.address
        primary = stored.primary_contact
        assert (row["contact"], row["email"] or "") == (primary.name if primary else None,
                                                        (primary.emails or [""])[0] if primary else "")
        follow = row["follow_up"].date() if row["follow_up"] else None
        assert follow == stored.follow_up_on
        if stored.last_contact_at:
            local = stored.last_contact_at.astimezone(clock.zone).replace(tzinfo=None)
            assert row["last_contact"] == local


# --- reading the export back ------------------------------------------------------------------------

def test_the_import_reader_reads_the_exported_text_back_unchanged(book, clock, tmp_path):
    path = tmp_path / "book.xlsx"
    export(path, clock)
    table = read_table(path, "Contacts")
    assert list(table.headers) == headers("contacts")
    cells = {row.cells[3]: row.cells for row in table.rows}
    assert cells["=1+1"][7] == "+86 138 1234 5678" and cells["=1+1"][9] == "@wx_id"  # text, not a number
    customers = {row.cells[0]: row.cells for row in read_table(path, "Customers").rows}
    assert customers[str(book["hostile"])][1] == HOSTILE["name"]


def _snapshot() -> dict[str, dict]:
    """Everything a round trip must keep, per customer name (ids differ in another database)."""
    out = {}
    for row in Customer.select(Customer.id):
        c = get_customer(row.id)
        contacts = sorted((p.name, p.title, p.birthday, p.is_primary, p.notes,
                           tuple(sorted((ch.kind, ch.value) for ch in p.channels))) for p in c.contacts)
        entries = sorted((e.kind, e.occurred_at, e.summary, e.body, e.contact_name, e.follow_up_on, e.amount,
                          e.currency) for e in timeline(row.id) if e.kind != "import")
        out[c.name] = {
            "fields": (c.country, c.city, c.address, c.website, c.source, c.industry, c.products, c.company_size,
                       c.rating, c.preferred_language, c.currency, c.notes, c.lost, c.follow_up_on),
            "tags": c.tags, "custom": c.custom_fields, "contacts": contacts, "timeline": entries}
    return out


def test_an_edited_export_imports_back_by_crm_id_as_updates_without_duplicates(book, clock, tmp_path):
    path, edited = tmp_path / "book.xlsx", tmp_path / "edited.xlsx"
    export(path, clock)
    before = {cid: get_customer(cid) for cid in book.values()}
    wb = load_workbook(path)
    ws = wb["Customers"]
    column = {key: index + 1 for index, key in enumerate(column_keys("customers", [c.value for c in ws[1]]))}
    row = next(r[0].row for r in ws.iter_rows(min_row=2) if r[0].value == book["mueller"])
    for key, value in (("city", "Hamburg"), ("rating", "B"), ("tags", "VIP, Key account"),
                       ("email", "einkauf@mueller-mb.de"), ("company", "Müller Maschinenbau AG")):
        ws.cell(row, column[key]).value = value
    wb.save(edited)
    commit_import(build_plan(edited, ImportOptions()), clock)
    assert sorted(c.id for c in Customer.select()) == sorted(book.values())  # no duplicates
    mueller = get_customer(book["mueller"])
    assert (mueller.name, mueller.city, mueller.rating, mueller.tags) == (
        "Müller Maschinenbau AG", "Hamburg", "B", ("Key account", "VIP"))
    assert "einkauf@mueller-mb.de" in mueller.primary_contact.emails
    assert mueller.notes == before[book["mueller"]].notes  # no "CRM ID: 1" or "Stage: new" in the notes
    for key in ("lima", "hostile"):
        unchanged = get_customer(book[key])
        assert (unchanged.name, unchanged.city, unchanged.notes, unchanged.tags, unchanged.contacts) == (
            before[book[key]].name, before[book[key]].city, before[book[key]].notes, before[book[key]].tags,
            before[book[key]].contacts)


def test_the_demo_book_round_trips_into_an_empty_database_field_by_field(tmp_path, clock):
    path = tmp_path / "demo.xlsx"
    source = open_database(tmp_path / "source.db")
    try:
        load_demo(clock, customers=60)
        expected = _snapshot()
        export(path, clock)
    finally:
        close_database(source)
    target = open_database(tmp_path / "empty.db")
    try:
        commit_import(build_plan(path, ImportOptions()), clock)
        actual = _snapshot()
    finally:
        close_database(target)
    assert sorted(actual) == sorted(expected)
    for name, data in expected.items():
        assert actual[name] == data, name
