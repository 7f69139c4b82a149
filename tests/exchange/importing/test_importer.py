from datetime import date

import pytest
from openpyxl import load_workbook

from tests.exchange.importing.lists import HEADER, existing_acme, run
from tests.helpers import dump
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.query import CustomerFilter, matching_ids
from trade_crm.domain.customers.records import create_customer, get_customer
from trade_crm.domain.customers.timeline import timeline
from trade_crm.exchange.exporting.workbook import customer_ids, export_workbook
from trade_crm.exchange.files import workbook
from trade_crm.exchange.importing import commit as import_commit
from trade_crm.exchange.importing import error_report
from trade_crm.exchange.importing import plan as import_plan
from trade_crm.exchange.importing.error_report import write_error_report
from trade_crm.exchange.importing.importer import (
    ImportCancelled,
    ImportOptions,
    build_plan,
    commit_import,
    import_history,
    plan_table,
)
from trade_crm.exchange.importing.layout import mappings
from trade_crm.exchange.importing.readers import read_table
from trade_crm.store import search


def search_ids(text):
    return matching_ids(CustomerFilter(text=text), today=date(2026, 11, 23))

def test_dry_run_counts_everything_and_writes_nothing(db, sheet, clock):
    existing_acme(clock)
    path = sheet(("Acme Trading Company Limited", "Anna", "anna@acme-trading.de", "", "Germany"),
                 ("Beta GmbH", "Bob", "bob@beta.de", "+49 30 1234567", "DE"),
                 ("Beta GmbH", "Bea", "bea@beta.de", "", "DE"),
                 ("", "", "", "", "Germany", "Berlin"),
                 ("Gamma", "Gus", "not-an-email", "", "DE"))
    before = dump(db)
    plan = build_plan(path, ImportOptions(source="Canton Fair 2026 Autumn"))
    assert plan.counts == {"rows": 5, "new_customers": 2, "new_contacts": 4, "merges": 1, "skips": 0,
                           "rows_with_problems": 2, "rows_not_imported": 1}
    assert [(p.row, p.column) for p in plan.problems] == [(5, ""), (6, "Email")]
    assert dump(db) == before


def test_rows_of_one_company_become_one_customer_and_names_tell_people_apart(db, sheet, clock):
    path = sheet(("深圳市华强电子有限公司", "张伟", "", "+86 755 8888 0000", "CN"),
                 ("深圳市华强电子有限公司", "张玮", "", "+86 755 8888 0000", "CN"),
                 ("深圳市华强电子有限公司", "张伟", "zw@hq-elec.cn", "", "CN"))
    _, result = run(path, clock)
    assert (result.created, result.contacts_created) == (1, 2)
    customer = get_customer(1)
    assert sorted(c.name for c in customer.contacts) == ["张伟", "张玮"]
    zhang_wei = next(c for c in customer.contacts if c.name == "张伟")
    assert zhang_wei.emails == ["zw@hq-elec.cn"] and zhang_wei.phones == ["+8675588880000"]


def test_an_import_records_source_tag_custom_fields_and_a_timeline_entry(db, sheet, clock):
    path = sheet(("Beta GmbH", "Bob", "bob@beta.de", "030 1234567", "Germany", "Berlin", "beta.de", "H5.1 A23"))
    _, result = run(path, clock, source="Canton Fair 2026 Autumn", tag="VIP")
    customer = get_customer(1)
    assert (customer.name, customer.country, customer.source) == ("Beta GmbH", "DE", "trade_show")
    assert customer.tags == ("Canton Fair 2026 Autumn", "VIP")
    assert customer.custom_fields == {"Booth": "H5.1 A23"}
    assert customer.contacts[0].phones == ["+49301234567"] and customer.contacts[0].is_primary
    (entry,) = timeline(1)
    assert (entry.kind, entry.summary) == ("import", "Imported from fair.xlsx")
    assert "Canton Fair 2026 Autumn" in entry.body
    (batch,) = import_history()
    assert (batch.id, batch.file_name, batch.source, batch.summary["created"]) == (
        result.batch, "fair.xlsx", "Canton Fair 2026 Autumn", 1)


def test_the_search_index_written_from_memory_is_what_a_rebuild_from_the_rows_gives(db, sheet, clock):
    existing_acme(clock)
    path = sheet(("ACME Trading Co Ltd", "Lena Kraus", "lena@acme-trading.de", "0049 30 5550100", "DE", "Munich"),
                 ("Beta GmbH", "Bob", "bob@beta.de", "030 1234567 / 555-CALL-ME", "Germany", "Berlin", "beta.de"),
                 ("Beta GmbH", "Bea Brandt", "bea@beta.de", "", "DE"),
                 ("深圳市华强电子有限公司", "张伟", "", "+86 755 8888 0000", "CN", "深圳", "", "H5.1 A23"))
    run(path, clock, source="Canton Fair 2026 Autumn", tag="VIP")
    written = dump(db)
    search.rebuild_index(db)
    rebuilt = dump(db)
    assert [(rowid, sorted(body.split())) for rowid, body in written["search_trigram"]] == [
        (rowid, sorted(body.split())) for rowid, body in rebuilt["search_trigram"]]
    assert search_ids("5550100") == search_ids("lena") == [1]
    assert (search_ids("华强"), search_ids("vip beta"), search_ids("555-call")) == ([3], [2], [2])


def test_a_merge_fills_empty_fields_adds_contacts_and_never_overwrites(db, sheet, clock):
    acme = existing_acme(clock)
    path = sheet(("ACME Trading Co Ltd", "Max Weber", "max@acme-trading.de", "+49 30 5550100", "DE", "Munich",
                  "www.acme-trading.de"),
                 ("ACME Trading Co Ltd", "Lena Kraus", "lena@acme-trading.de", "", "DE"))
    plan, result = run(path, clock)
    assert (result.created, result.merged, result.contacts_created) == (0, 1, 1)
    assert plan.customers[0].match.rule == "email"
    customer = get_customer(acme)
    assert (customer.city, customer.website, customer.name) == ("Berlin", "www.acme-trading.de", "ACME Trading Co., Ltd.")
    max_weber = next(c for c in customer.contacts if c.name == "Max Weber")
    assert max_weber.emails == ["max@acme-trading.de"] and max_weber.phones == ["+49305550100"]
    assert {c.name for c in customer.contacts} == {"Max Weber", "Lena Kraus"}


def test_overwrite_replaces_filled_fields_when_asked(db, sheet, clock):
    acme = existing_acme(clock)
    run(sheet(("Acme", "", "max@acme-trading.de", "", "DE", "Munich")), clock, overwrite=True)
    assert get_customer(acme).city == "Munich"


def test_fuzzy_company_name_matches_only_in_the_same_country(db, sheet, clock):
    existing_acme(clock)
    plan = build_plan(sheet(("Acme Trading Company Limited", "", "", "", "Germany"),
                            ("Acme Trading Company Limited", "", "", "", "France")), ImportOptions())
    matched = [(c.fields.get("country"), c.match.rule if c.match else None) for c in plan.customers]
    assert matched == [("DE", "name"), ("FR", None)]


@pytest.mark.parametrize(("policy", "created", "merged", "skipped"), [
    ("merge", 0, 1, 0), ("skip", 0, 0, 1), ("create", 1, 0, 0)])
def test_the_default_policy_applies_to_every_match(db, sheet, clock, policy, created, merged, skipped):
    existing_acme(clock)
    _, result = run(sheet(("Acme", "", "max@acme-trading.de")), clock, on_duplicate=policy)
    assert (result.created, result.merged, result.skipped) == (created, merged, skipped)


def test_a_decision_for_one_match_overrides_the_policy(db, sheet, clock):
    existing_acme(clock)
    create_customer(clock, name="Beta GmbH", country="DE", contacts=[ContactInput(emails=("b@beta.de",))])
    path = sheet(("Acme", "", "max@acme-trading.de"), ("Beta", "", "b@beta.de"))
    _, result = run(path, clock, on_duplicate="merge", decisions={3: "skip"})
    assert (result.merged, result.skipped) == (1, 1)


def test_reimporting_the_same_file_creates_no_new_customers(db, sheet, clock):
    path = sheet(("Beta GmbH", "Bob", "bob@beta.de", "030 1234567", "DE"), ("Gamma", "Gus", "", "", "FR"),
                 ("", "Solo Person", "solo@gmail.com"))
    _, first = run(path, clock)
    before = db.execute_sql("SELECT count(*) FROM customer").fetchone()[0]
    _, second = run(path, clock)
    assert (first.created, second.created, second.merged, second.contacts_created) == (3, 0, 3, 0)
    assert db.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == before == 3


def test_cancel_during_commit_writes_nothing(db, sheet, clock):
    path = sheet(*[(f"Company {i}", "", f"c{i}@co{i}.com") for i in range(450)])
    plan = build_plan(path, ImportOptions())
    before = dump(db)
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 1  # let the first 200 rows be written, then cancel

    with pytest.raises(ImportCancelled):
        commit_import(plan, clock, cancel=cancel)
    assert dump(db) == before
    assert import_history() == []


def test_a_failure_in_the_middle_of_the_commit_rolls_everything_back(db, sheet, clock, monkeypatch):
    plan = build_plan(sheet(("A", "", "a@a.com"), ("B", "", "b@b.com"), ("C", "", "c@c.com")), ImportOptions())
    before = dump(db)
    original = import_commit.ListWriter.create
    seen = []

    def failing(self, planned):
        seen.append(planned)
        if len(seen) == 3:
            raise RuntimeError("disk full")
        return original(self, planned)

    monkeypatch.setattr(import_commit.ListWriter, "create", failing)
    with pytest.raises(RuntimeError):
        commit_import(plan, clock)
    assert dump(db) == before


def test_progress_is_reported_by_stage(db, sheet, clock):
    seen = []
    plan = build_plan(sheet(("A", "", "a@a.com")), ImportOptions(), progress=lambda *a: seen.append(a))
    commit_import(plan, clock, progress=lambda *a: seen.append(a))
    assert [s for s, _, _ in seen] == ["reading", "reading", "cleaning", "matching", "matching", "writing"]
    assert seen[-1] == ("writing", 1, 1)


def test_a_saved_mapping_is_suggested_again_for_the_same_headers(db, xlsx, clock):
    path = xlsx([["Firma", "Mail", "Stand"], ["Acme", "a@acme.de", "B12"]])
    plan = build_plan(path, ImportOptions(mapping={"Firma": "company", "Stand": "custom:Messestand"}))
    mappings.save_mapping("Messe Berlin", plan.headers, plan.columns)
    again = build_plan(xlsx([["Firma", "Mail", "Stand"], ["Beta", "b@beta.de", "C1"]], name="next.xlsx"))
    assert again.saved_mapping == "Messe Berlin"
    assert [(c.target, c.custom_name, c.origin) for c in again.columns] == [
        ("company", "", "saved"), ("email", "", "saved"), ("custom", "Messestand", "saved")]
    assert [m.name for m in mappings.list_mappings()] == ["Messe Berlin"]


def test_the_error_report_can_be_fixed_and_imported_again(db, sheet, clock, tmp_path):
    plan = build_plan(sheet(("Good Co", "", "good@good.com"), ("", "", "", "", "DE", "Berlin"),
                            ("Bad Co", "", "bad at bad.com", "00491701234567")), ImportOptions())
    report = tmp_path / "fix-me.xlsx"
    assert write_error_report(plan, report) == 2
    book = load_workbook(report)
    ws = book.active
    assert [c.value for c in ws[1]] == [*HEADER, "Import problems"]
    assert ws["C3"].value == "bad at bad.com" and ws["D3"].value == "00491701234567"
    assert "Email: \"bad at bad.com\" is not an email address" in ws["I3"].value
    ws["A2"] = "Fixed Co"
    ws["C3"] = "bad@bad.com"
    book.save(report)
    fixed = build_plan(report, ImportOptions())
    assert fixed.problems == ()
    assert [c.target for c in fixed.columns][-1] == "ignore"
    assert fixed.new_customers == 2


@pytest.mark.parametrize(("name", "encoding", "delimiter"), [("gbk.csv", "gbk", ","), ("utf16.txt", "utf-16", "\t")])
def test_gbk_and_utf16_lists_import_with_correct_chinese(db, clock, tmp_path, name, encoding, delimiter):
    text = "\n".join(delimiter.join(r) for r in (["公司名称", "联系人", "手机", "国家", "备注"],
                                                 ["义乌市华强五金有限公司", "陈静", "138 1234 5678", "中国", "要样品"]))
    (tmp_path / name).write_bytes(text.encode(encoding))
    run(tmp_path / name, clock)
    customer = get_customer(1)
    assert (customer.name, customer.country, customer.notes) == ("义乌市华强五金有限公司", "CN", "要样品")
    assert (customer.contacts[0].name, customer.contacts[0].phones) == ("陈静", ["+8613812345678"])


def test_quoted_company_names_are_stored_as_typed_and_still_match_their_unquoted_spelling(db, sheet, clock):
    names = ["ООО «Стройимпорт»", "„Baustoffe Nord“ GmbH", "「華強」照明有限公司", '"Acme" Trading Ltd']
    _, result = run(sheet(*[(n, "", f"buyer{i}@firm{i}.com", "", "DE") for i, n in enumerate(names)]), clock)
    assert result.created == 4
    assert sorted(get_customer(i).name for i in range(1, 5)) == sorted(names)
    plan = build_plan(sheet(("ООО Стройимпорт", "", "", "", "DE"), name="again.xlsx"), ImportOptions())
    (again,) = plan.customers
    assert (again.action, again.match.customer_name) == ("merge", "ООО «Стройимпорт»")  # the stored name stays


@pytest.fixture
def reads(monkeypatch):
    """How often the workbook's sheets were listed and its cells read."""
    seen = {"list_sheets": 0, "read_grids": 0}
    for name in seen:
        real = getattr(workbook, name)

        def counted(*args, _real=real, _name=name, **kwargs):
            seen[_name] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(workbook, name, counted)
    return seen


def test_an_ordinary_workbook_is_read_once(db, sheet, clock, reads):
    path = sheet(("Acme", "Max", "max@acme.de"))
    assert build_plan(path, ImportOptions()).new_customers == 1
    assert reads == {"list_sheets": 1, "read_grids": 1}
    table = read_table(path)  # the wizard reads, then plans (again after each change) from what was read
    plan_table(table, ImportOptions(), path=str(path))
    plan_table(table, ImportOptions(on_duplicate="skip"), path=str(path))
    assert reads == {"list_sheets": 2, "read_grids": 2}


def test_an_exported_book_is_read_once_and_planned_by_crm_id(db, clock, tmp_path, reads):
    existing_acme(clock)
    path = tmp_path / "book.xlsx"
    export_workbook(path, customer_ids(None, today=date(2026, 11, 23), now=clock.now()), zone=clock.zone)
    reads.update(list_sheets=0, read_grids=0)
    plan = build_plan(path, ImportOptions(), zone=clock.zone)
    assert plan.is_exported_book and plan.unchanged == 1
    assert reads == {"list_sheets": 1, "read_grids": 1}
    table = read_table(path)
    assert plan_table(table, ImportOptions(), path=str(path), zone=clock.zone).is_exported_book
    assert reads == {"list_sheets": 2, "read_grids": 2}


def test_the_error_reports_problem_column_is_the_one_a_reimport_ignores():
    assert error_report.PROBLEM_COLUMN == import_plan.PROBLEM_COLUMN == "Import problems"
