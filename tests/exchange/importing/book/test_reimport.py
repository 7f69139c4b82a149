"""An exported book imported back: by CRM ID as updates, with its sheets, undoable, into any book."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tests.helpers import dump
from trade_crm.cli import commands
from trade_crm.cli.parser import run
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer, delete_customers, get_customer
from trade_crm.domain.customers.timeline import log_interaction, timeline
from trade_crm.exchange.exporting.columns import column_keys, sheet_of
from trade_crm.exchange.exporting.workbook import customer_ids, export_workbook
from trade_crm.exchange.importing.error_report import write_error_report
from trade_crm.exchange.importing.importer import ImportOptions, build_plan, commit_import, undo_import
from trade_crm.store.db import close_database, open_database
from trade_crm.store.models import Contact, Customer, Order

TODAY = date(2026, 11, 23)


@pytest.fixture
def book(db, clock) -> dict[str, int]:
    ids = {
        "mueller": create_customer(
            clock, name="Müller Maschinenbau GmbH", country="DE", city="München", rating="A", tags=["VIP", "Fair"],
            follow_up_on=date(2026, 12, 1), currency="EUR", notes="Prefers email.",
            custom_fields={"Booth": "H5 A1"},
            contacts=[ContactInput(name="Jürgen Müller", title="Einkauf", emails=("j.mueller@mueller-mb.de",),
                                   phones=("+49 89 1234567",), is_primary=True),
                      ContactInput(name="Anna Schmidt", emails=("anna@mueller-mb.de",))]),
        "stroy": create_customer(clock, name="ООО «Стройимпорт»", country="RU", city="Москва",
                                 contacts=[ContactInput(name="Иван Петров", phones=("+7 495 123-45-67",))]),
        "lima": create_customer(clock, name="Lima Trading SAC", country="PE", rating="B"),
    }
    log_interaction(ids["mueller"], "email", "Sent the 2027 catalogue", clock,
                    occurred_at=clock.now() - timedelta(days=3))
    Order.create(customer=ids["mueller"], ordered_on=date(2026, 3, 2), amount=Decimal("1200.50"), currency="EUR",
                 reference="PI-1", created_at=clock.now())
    return ids


def export(path, clock, **options):
    export_workbook(path, customer_ids(None, today=TODAY, now=clock.now()), zone=clock.zone, **options)
    return path


class Sheets:
    """An exported workbook to edit by CRM ID and column key, as a user would in Excel."""

    def __init__(self, path):
        self.path, self.wb = path, load_workbook(path)

    def keys(self, title):
        ws = self.wb[title]
        return {k: i + 1 for i, k in enumerate(column_keys(sheet_of(title), [c.value for c in ws[1]])) if k}

    def row(self, title, column, value):
        ws = self.wb[title]
        index = self.keys(title)[column]
        return next(r[0].row for r in ws.iter_rows(min_row=2) if r[index - 1].value == value)

    def set(self, sheet, row, /, **values):
        keys = self.keys(sheet)
        for key, value in values.items():
            self.wb[sheet].cell(row, keys[key]).value = value

    def add(self, sheet, /, **values):
        row = self.wb[sheet].max_row + 1
        self.set(sheet, row, **values)
        return row

    def save(self, path):
        self.wb.save(path)
        return path


def reimport(path, clock, **options):
    plan = build_plan(path, ImportOptions(**options), zone=clock.zone)
    return plan, commit_import(plan, clock)


def test_an_edited_export_applies_on_every_sheet_and_undo_restores_the_book_exactly(db, book, clock, tmp_path):
    sheets = Sheets(export(tmp_path / "book.xlsx", clock))
    mueller = sheets.row("Customers", "id", book["mueller"])
    sheets.set("Customers", mueller, city="Hamburg", rating="", tags="VIP, Key account", follow_up=None,
               notes="Prefers email.\nVisits in May.", email="einkauf@mueller-mb.de")
    booth = sheets.wb["Customers"].cell(mueller, [c.value for c in sheets.wb["Customers"][1]].index("Booth") + 1)
    booth.value = "H6 B2"
    anna = sheets.row("Contacts", "name", "Anna Schmidt")
    sheets.set("Contacts", anna, title="CEO", phone="+49 170 1234567", primary=True)
    sheets.add("Contacts", id=book["lima"], company="Lima Trading SAC", name="Rosa Quispe", email="rosa@lima.pe")
    entry = sheets.row("Interactions", "summary", "Sent the 2027 catalogue")
    sheets.set("Interactions", entry, summary="Sent the 2027 catalogue and prices")
    sheets.add("Interactions", id=book["lima"], company="Lima Trading SAC", kind="call", summary="Asked for samples",
               occurred=datetime(2026, 11, 22, 15, 0), contact="Rosa Quispe")
    sheets.set("Orders", sheets.row("Orders", "id", book["mueller"]), amount=1300)
    sheets.add("Orders", id=book["lima"], ordered_on=date(2026, 11, 1), amount=99.5, currency="USD")
    edited = sheets.save(tmp_path / "edited.xlsx")
    before = dump(db, versions=False)

    plan, result = reimport(edited, clock)
    assert (plan.updates, plan.unchanged, plan.new_customers) == (2, 1, 0)
    assert (result.created, result.merged, result.updated, result.unchanged, result.contacts_created) == (0, 2, 2, 1, 1)
    m = get_customer(book["mueller"])
    assert (m.city, m.rating, m.tags, m.follow_up_on, m.notes) == (
        "Hamburg", None, ("Key account", "VIP"), None, "Prefers email.\nVisits in May.")
    assert m.custom_fields == {"Booth": "H6 B2"}
    assert m.primary_contact.name == "Anna Schmidt" and m.primary_contact.title == "CEO"
    assert m.primary_contact.phones == ["+491701234567"]
    jurgen = next(c for c in m.contacts if c.name == "Jürgen Müller")
    assert jurgen.emails == ["einkauf@mueller-mb.de"] and not jurgen.is_primary
    assert [e.summary for e in timeline(book["mueller"]) if e.kind == "email"] == ["Sent the 2027 catalogue and prices"]
    assert Order.get(Order.customer == book["mueller"]).amount == Decimal("1300.00")
    lima = get_customer(book["lima"])
    assert [c.name for c in lima.contacts] == ["Rosa Quispe"]
    call = next(e for e in timeline(book["lima"]) if e.kind == "call")
    assert (call.contact_name, call.occurred_at) == ("Rosa Quispe", datetime(2026, 11, 22, 7, 0, tzinfo=timezone.utc))
    assert lima.last_contact_at == call.occurred_at
    assert [(o.amount, o.currency) for o in Order.select().where(Order.customer == book["lima"])] == [
        (Decimal("99.50"), "USD")]
    assert dump(db, versions=False) != before

    undo_import(result.batch, clock)
    assert dump(db, versions=False) == before


def test_an_order_in_dinars_keeps_its_third_decimal_out_and_back(db, book, clock, tmp_path):
    Order.create(customer=book["lima"], ordered_on=date(2026, 6, 1), amount=Decimal("353.704"), currency="KWD",
                 created_at=clock.now())
    sheets = Sheets(export(tmp_path / "book.xlsx", clock))
    cell = sheets.wb["Orders"].cell(sheets.row("Orders", "currency", "KWD"), sheets.keys("Orders")["amount"])
    assert (cell.value, cell.number_format) == (353.704, "#,##0.00#")  # Excel shows the third decimal too
    sheets.add("Orders", id=book["stroy"], ordered_on=date(2026, 11, 2), amount=1234.567, currency="BHD")
    plan, result = reimport(sheets.save(tmp_path / "edited.xlsx"), clock)
    assert [(o.amount, o.currency) for o in Order.select().where(Order.customer == book["lima"])] == [
        (Decimal("353.704"), "KWD")]  # unchanged: not rounded to 353.70 and taken for an edit
    assert [(o.amount, o.currency) for o in Order.select().where(Order.customer == book["stroy"])] == [
        (Decimal("1234.567"), "BHD")]


def test_untouched_cells_change_nothing_and_read_only_columns_are_ignored(db, book, clock, tmp_path):
    sheets = Sheets(export(tmp_path / "book.xlsx", clock))
    row = sheets.row("Customers", "id", book["lima"])
    sheets.set("Customers", row, stage="loyal", orders=99, order_total=1e6, last_contact=datetime(2020, 1, 1),
               created=datetime(2020, 1, 1), country="Chile")
    edited = sheets.save(tmp_path / "edited.xlsx")
    before = dump(db)
    plan, result = reimport(edited, clock)
    assert (plan.updates, plan.unchanged, result.updated, result.created) == (0, 3, 0, 0)
    assert dump(db) == before  # no notes "Stage: loyal", no import entry where nothing changed
    warnings = {(p.column, p.severity) for p in plan.problems}
    assert warnings == {("Stage", "warning"), ("Country", "warning")}
    assert any("ISO code" in p.message for p in plan.problems)


def test_a_tag_given_with_the_import_goes_to_every_customer_of_the_file(db, book, clock, tmp_path):
    before = dump(db, versions=False)
    plan, result = reimport(export(tmp_path / "book.xlsx", clock), clock, tag="Checked 2026")
    assert (result.updated, result.created) == (3, 0)
    assert all("Checked 2026" in get_customer(i).tags for i in book.values())
    undo_import(result.batch, clock)
    assert dump(db, versions=False) == before


def test_unchanged_text_stored_untidily_is_not_taken_for_an_edit(db, book, clock, tmp_path):
    Customer.update(industry="\tTools ", notes="line 1\r\nline 2").where(Customer.id == book["lima"]).execute()
    before = dump(db)
    plan, _ = reimport(export(tmp_path / "book.xlsx", clock), clock)
    assert plan.unchanged == 3 and dump(db) == before


def test_guillemets_and_quotes_in_names_survive_the_round_trip(db, book, clock, tmp_path):
    names = ["ООО «Стройимпорт» „Nord“", "「華強」照明", '"Quoted" Ltd', "«Весна»"]
    sheets = Sheets(export(tmp_path / "book.xlsx", clock))
    sheets.set("Customers", sheets.row("Customers", "id", book["stroy"]), company=names[0])
    for name in names[1:]:
        sheets.add("Customers", company=name, country_code="RU")
    reimport(sheets.save(tmp_path / "edited.xlsx"), clock)
    assert get_customer(book["stroy"]).name == names[0]
    assert {c.name for c in Customer.select()} >= set(names)


def test_a_new_row_without_id_is_added_once_however_often_the_file_is_imported(db, book, clock, tmp_path):
    sheets = Sheets(export(tmp_path / "book.xlsx", clock))
    sheets.add("Interactions", id=book["stroy"], kind="wechat", summary="Price list sent",
               occurred=datetime(2026, 11, 20, 10, 0))
    sheets.add("Orders", id=book["stroy"], ordered_on=date(2026, 10, 1), amount=500, currency="CNY")
    edited = sheets.save(tmp_path / "edited.xlsx")
    reimport(edited, clock)
    plan, result = reimport(edited, clock)
    assert [e.summary for e in timeline(book["stroy"]) if e.kind == "wechat"] == ["Price list sent"]
    assert Order.select().where(Order.customer == book["stroy"]).count() == 1
    assert get_customer(book["stroy"]).lifecycle == "new"  # its first order
    assert (plan.unchanged, result.updated) == (3, 0)


def test_rows_without_a_crm_id_go_through_the_ordinary_matching(db, book, clock, tmp_path):
    sheets = Sheets(export(tmp_path / "book.xlsx", clock))
    sheets.add("Customers", company="Mueller MB", email="anna@mueller-mb.de", city="Augsburg", website="mueller-mb.de")
    sheets.add("Customers", company="Nuevo Cliente SAC", country_code="PE", contact="Luis", email="luis@nuevo.pe")
    sheets.add("Contacts", company="Nuevo Cliente SAC", name="Ana", email="ana@nuevo.pe", title="Gerente")
    plan, result = reimport(sheets.save(tmp_path / "edited.xlsx"), clock)
    merged = next(c for c in plan.customers if c.match and c.match.rule == "email")
    assert (merged.action, merged.match.customer_id) == ("merge", book["mueller"])
    assert (result.created, result.merged, result.updated) == (1, 1, 0)
    m = get_customer(book["mueller"])
    assert (m.name, m.city, m.website) == ("Müller Maschinenbau GmbH", "München", "mueller-mb.de")  # a fill
    new = get_customer(Customer.get(Customer.name == "Nuevo Cliente SAC").id)
    assert sorted((c.name, c.title, c.is_primary) for c in new.contacts) == [("Ana", "Gerente", False),
                                                                          ("Luis", "", True)]


def test_a_customer_deleted_since_the_export_comes_back_as_a_new_one(db, book, clock, tmp_path):
    path = export(tmp_path / "book.xlsx", clock)
    delete_customers([book["lima"]])
    plan, result = reimport(path, clock)
    assert (result.created, result.unchanged) == (1, 2)
    assert Customer.get(Customer.name == "Lima Trading SAC").rating == "B"
    assert Customer.select().count() == 3


def test_the_crm_ids_of_another_book_never_overwrite_this_ones(db, book, clock, tmp_path):
    path = export(tmp_path / "theirs.xlsx", clock)
    mine = open_database(tmp_path / "mine.db")
    try:
        ids = [create_customer(clock, name=name, country="FR") for name in ("Alpha SARL", "Beta SAS", "Gamma SA")]
        plan, result = reimport(path, clock)
        assert any("another Trade CRM book" in n for n in plan.notices)
        assert [get_customer(i).name for i in ids] == ["Alpha SARL", "Beta SAS", "Gamma SA"]
        assert result.created == 3 and Customer.select().count() == 6
    finally:
        close_database(mine)


def test_restoring_an_export_into_an_empty_book_keeps_every_id_and_exports_the_same(db, book, clock, tmp_path):
    first = export(tmp_path / "first.xlsx", clock)
    empty = open_database(tmp_path / "empty.db")
    try:
        nothing = dump(empty)
        plan, result = reimport(first, clock)
        assert plan.book.keep_ids and result.created == 3
        assert sorted(c.id for c in Customer.select()) == sorted(book.values())
        second = export(tmp_path / "second.xlsx", clock)
        undo_import(result.batch, clock)
        assert dump(empty) == nothing
    finally:
        close_database(empty)
    a, b = load_workbook(first), load_workbook(second)
    for title in ("Customers", "Contacts", "Orders"):
        assert list(a[title].values) == list(b[title].values), title
    restored = [r for r in b["Interactions"].values if r[4] != "Import"]  # the kind, as a word
    assert list(a["Interactions"].values) == restored


def test_a_failure_or_a_cancel_in_the_middle_of_the_commit_writes_nothing(db, book, clock, tmp_path, monkeypatch):
    from trade_crm.exchange.importing.book import commit as export_import_commit
    from trade_crm.exchange.importing.importer import ImportCancelled

    sheets = Sheets(export(tmp_path / "book.xlsx", clock))
    for key in book:
        sheets.set("Customers", sheets.row("Customers", "id", book[key]), city="Somewhere")
    plan = build_plan(sheets.save(tmp_path / "edited.xlsx"), ImportOptions(), zone=clock.zone)
    before = dump(db)
    with pytest.raises(ImportCancelled):
        commit_import(plan, clock, cancel=lambda: True)
    assert dump(db) == before
    real, calls = export_import_commit.BookWriter.write, []

    def failing(self, entity, editor):
        calls.append(entity.key)
        if len(calls) == 2:
            raise OSError("disk full")
        return real(self, entity, editor)

    monkeypatch.setattr(export_import_commit.BookWriter, "write", failing)
    with pytest.raises(OSError):
        commit_import(plan, clock)
    assert dump(db) == before and db.execute_sql("SELECT count(*) FROM import_batch").fetchone()[0] == 0


def test_a_chinese_export_imports_back_by_id(db, book, clock, tmp_path):
    sheets = Sheets(export(tmp_path / "book.xlsx", clock, language="zh_CN"))
    assert sheets.wb.sheetnames[0] == "客户"
    sheets.set("客户", sheets.row("客户", "id", book["stroy"]), city="Санкт-Петербург")
    plan, result = reimport(sheets.save(tmp_path / "edited.xlsx"), clock)
    assert (result.updated, result.created) == (1, 0) and get_customer(book["stroy"]).city == "Санкт-Петербург"


def test_a_contact_row_moved_to_another_customer_is_refused(db, book, clock, tmp_path):
    sheets = Sheets(export(tmp_path / "book.xlsx", clock))
    sheets.set("Contacts", sheets.row("Contacts", "name", "Anna Schmidt"), id=book["lima"], title="CEO")
    plan, _ = reimport(sheets.save(tmp_path / "edited.xlsx"), clock)
    assert [p.severity for p in plan.problems] == ["error"] and "belongs to customer" in plan.problems[0].message
    anna = Contact.get(Contact.name == "Anna Schmidt")
    assert (anna.customer_id, anna.title) == (book["mueller"], "")


def test_problem_rows_of_an_exported_book_are_reported_on_their_sheets(db, book, clock, tmp_path):
    sheets = Sheets(export(tmp_path / "book.xlsx", clock))
    sheets.set("Contacts", sheets.row("Contacts", "name", "Anna Schmidt"), email="anna at mueller")
    plan = build_plan(sheets.save(tmp_path / "edited.xlsx"), ImportOptions())
    assert [(p.sheet, p.column) for p in plan.problems] == [("Contacts", "Email")]
    assert write_error_report(plan, tmp_path / "fix.xlsx") == 1
    report = load_workbook(tmp_path / "fix.xlsx")
    assert report.sheetnames == ["Contacts"]
    assert [c.value for c in report["Contacts"][2]][3] == "Anna Schmidt"
    assert build_plan(tmp_path / "fix.xlsx", ImportOptions()).is_exported_book


def test_as_a_list_an_exported_book_is_read_like_any_other(db, book, clock, tmp_path):
    plan = build_plan(export(tmp_path / "book.xlsx", clock), ImportOptions(by_crm_id=False))
    assert not plan.is_exported_book and plan.sheet in ("Customers", "Contacts", "Interactions", "Orders")


# --- the command line ---------------------------------------------------------------------------

@pytest.fixture
def import_command(monkeypatch):
    if "imports" not in commands.MODULES:
        monkeypatch.setattr(commands, "MODULES", (*commands.MODULES, "imports"))


def test_the_cli_recognises_an_exported_book_and_reports_updates(import_command, db, db_location, book, clock, tmp_path,
                                                                 capsys):
    sheets = Sheets(export(tmp_path / "book.xlsx", clock))
    sheets.set("Customers", sheets.row("Customers", "id", book["lima"]), city="Cusco")
    edited = sheets.save(tmp_path / "edited.xlsx")
    close_database(db)
    assert run([*("import", str(edited), "--db", db_location, "--dry-run", "--json")], clock=clock) == 0
    report = json.loads(capsys.readouterr().out)
    assert {k: report[k] for k in ("batch", "created", "merged", "skipped", "contacts_created", "updated",
                                   "unchanged", "errors")} == {
        "batch": None, "created": 0, "merged": 1, "skipped": 0, "contacts_created": 0, "updated": 1, "unchanged": 2,
        "errors": []}
    assert run(["import", str(edited), "--db", db_location], clock=clock) == 0
    out = capsys.readouterr().out
    assert "updated 1, unchanged 2" in out and "same CRM ID" in out
    assert run(["import", "undo", "1", "--db", db_location], clock=clock) == 0
    assert "0 customers removed, 1 restored" in capsys.readouterr().out


def test_the_other_name_goes_out_and_comes_back_by_crm_id(db, book, clock, tmp_path):
    sheets = Sheets(export(tmp_path / "book.xlsx", clock))
    assert "alt_name" in sheets.keys("Customers")
    sheets.set("Customers", sheets.row("Customers", "id", book["lima"]), alt_name="利马贸易")
    plan, result = reimport(sheets.save(tmp_path / "edited.xlsx"), clock)
    assert (result.updated, result.created) == (1, 0)
    assert get_customer(book["lima"]).alt_name == "利马贸易"
    again = Sheets(export(tmp_path / "again.xlsx", clock))
    ws = again.wb["Customers"]
    row = again.row("Customers", "id", book["lima"])
    assert ws.cell(row, again.keys("Customers")["alt_name"]).value == "利马贸易"
    undo_import(result.batch, clock)
    assert get_customer(book["lima"]).alt_name == ""
