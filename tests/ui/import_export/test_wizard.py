"""The import wizard: file and sheet, mapping with a live preview, the dry-run review, commit, summary, undo."""

from __future__ import annotations

import sqlite3
from functools import partial
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QThreadPool

from tests.helpers import dump, make_xlsx
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer, customer_count, get_customer
from trade_crm.exchange.importing.importer import import_history
from trade_crm.exchange.importing.layout import mappings
from trade_crm.store.models import Customer
from trade_crm.ui.import_export import jobs as import_jobs
from trade_crm.ui.import_export import wizard as import_wizard
from trade_crm.ui.import_export.wizard import FILE, MAPPING, PROGRESS, REVIEW, SUMMARY, ImportWizard

HEADER = ["Company", "Contact", "Email", "Phone", "Country", "City", "Booth", "Firma Notiz"]
ROWS = [["Acme Trading Company Limited", "Anna", "anna@acme-trading.de", "", "Germany", "", "H1", "met twice"],
        ["Beta GmbH", "Bob", "bob@beta.de", "+49 30 1234567", "DE", "Berlin", "H5.1 A23", "wants samples"],
        ["Beta GmbH", "Bea", "bea@beta.de", "", "DE", "", "", ""],
        ["", "", "", "", "Germany", "Berlin", "", ""],
        ["Gamma", "Gus", "not-an-email", "", "DE", "", "", ""]]


write_xlsx = partial(make_xlsx, sheet="Exhibitors")


@pytest.fixture(autouse=True)
def no_job_left_running():
    yield
    QThreadPool.globalInstance().waitForDone(10_000)


@pytest.fixture
def acme(db, clock) -> int:
    return create_customer(clock, name="ACME Trading Co., Ltd.", country="DE", city="Berlin",
                           contacts=[ContactInput(name="Max Weber", emails=("max@acme-trading.de",))])


@pytest.fixture
def fair(tmp_path) -> Path:
    return write_xlsx(tmp_path / "fair.xlsx", [HEADER, *ROWS])


@pytest.fixture
def make_wizard(qtbot, db, clock):
    def make(path: Path | None = None) -> ImportWizard:
        wizard = ImportWizard(clock, path)
        qtbot.addWidget(wizard)
        wizard.show()
        if path is not None:
            qtbot.waitUntil(lambda: wizard.table is not None or bool(wizard.file_page.status_label.styleSheet()))
        return wizard
    return make


def to_review(qtbot, wizard: ImportWizard) -> None:
    wizard.next_button.click()
    assert wizard.stack.currentIndex() == MAPPING
    wizard.next_button.click()
    assert wizard.stack.currentIndex() == REVIEW
    qtbot.waitUntil(lambda: wizard.next_button.isEnabled())


def preview_headers(wizard: ImportWizard) -> list[str]:
    table = wizard.mapping_page.preview
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def choose_target(wizard: ImportWizard, header: str, target: str) -> None:
    """Pick `target` in the "Imports as" combo of the column `header`, as a user would."""
    page = wizard.mapping_page
    row = [c.header for c in page.columns].index(header)
    combo = page.mapping_table.cellWidget(row, 2)
    combo.setCurrentIndex(combo.findData(target))
    combo.activated.emit(combo.currentIndex())


def test_choosing_a_file_reads_it_in_the_background_and_offers_its_sheets(make_wizard, tmp_path):
    path = write_xlsx(tmp_path / "two.xlsx", [["Instructions: fill in the second sheet"]],
                      sheet="Read me", more={"Exhibitors": [HEADER, *ROWS]})
    wizard = make_wizard(path)
    assert wizard.table.sheet == "Exhibitors"
    page = wizard.file_page
    assert [page.sheet_combo.itemData(i) for i in range(page.sheet_combo.count())] == ["Read me", "Exhibitors"]
    assert page.sheet_combo.currentData() == "Exhibitors" and page.sheet_combo.isEnabled()
    assert "5 data row(s), 8 column(s); headers in row 1." in page.status_label.text()
    assert wizard.next_button.isEnabled()


def test_a_mapping_change_updates_the_preview_at_once(make_wizard, fair, db):
    wizard = make_wizard(fair)
    wizard.next_button.click()
    page = wizard.mapping_page
    assert {c.header: c.target for c in page.columns}["Firma Notiz"] == "notes"
    assert "Notes" in preview_headers(wizard)
    notes_column = preview_headers(wizard).index("Notes")
    assert page.preview.item(0, notes_column).text() == "Firma Notiz: met twice"
    choose_target(wizard, "Firma Notiz", "custom")
    assert "Firma Notiz (custom field)" in preview_headers(wizard) and "Notes" not in preview_headers(wizard)
    column = preview_headers(wizard).index("Firma Notiz (custom field)")
    assert page.preview.item(0, column).text() == "met twice"
    choose_target(wizard, "City", "ignore")
    assert "City" not in preview_headers(wizard)
    assert wizard.mapping_page.options().mapping["City"] == "ignore"


def test_nothing_is_ignored_unless_the_user_says_so(make_wizard, tmp_path):
    path = write_xlsx(tmp_path / "odd.xlsx", [["Company", "Lieblingsfarbe", "Hobby"], ["Beta GmbH", "blau", "Golf"]])
    wizard = make_wizard(path)
    wizard.next_button.click()
    page = wizard.mapping_page
    assert [c.target for c in page.columns] == ["company", "notes", "notes"]
    combo = page.mapping_table.cellWidget(1, 2)
    assert combo.currentText() == "— add to the notes —"
    assert combo.findData("ignore") >= 0 and combo.findData("custom") >= 0
    page.unmapped_combo.setCurrentIndex(page.unmapped_combo.findData("custom"))
    page.unmapped_combo.activated.emit(page.unmapped_combo.currentIndex())
    assert [c.target for c in page.columns] == ["company", "custom", "custom"]
    assert "Hobby (custom field)" in preview_headers(wizard)


def test_a_saved_mapping_is_suggested_again_for_a_file_with_the_same_headers(make_wizard, fair, tmp_path):
    wizard = make_wizard(fair)
    wizard.next_button.click()
    choose_target(wizard, "Firma Notiz", "custom")
    assert wizard.mapping_page.save_mapping_as("Canton exhibitors")
    assert mappings.find_mapping(tuple(HEADER)).name == "Canton exhibitors"
    wizard.reject()
    again = make_wizard(write_xlsx(tmp_path / "next fair.xlsx", [HEADER, *ROWS[:2]]))
    again.next_button.click()
    page = again.mapping_page
    assert page.saved_combo.currentText() == "Canton exhibitors"
    assert {c.header: c.target for c in page.columns}["Firma Notiz"] == "custom"
    page.saved_combo.setCurrentIndex(0)  # "(automatic)"
    page.saved_combo.activated.emit(0)
    assert {c.header: c.target for c in page.columns}["Firma Notiz"] == "notes"


def test_a_file_with_no_known_column_cannot_go_on_until_one_is_mapped(make_wizard, tmp_path):
    # Plain words: neither the headers nor the values say company (with "Beta GmbH" the values would).
    path = write_xlsx(tmp_path / "plain.xlsx", [["Eintrag", "Wert"], ["Beta", "Berlin"], ["Gamma", "Köln"]])
    wizard = make_wizard(path)
    wizard.next_button.click()
    assert not wizard.next_button.isEnabled()
    assert "No column is a company" in wizard.mapping_page.notice_label.text()
    choose_target(wizard, "Eintrag", "company")
    assert wizard.next_button.isEnabled() and not wizard.mapping_page.notice_label.isVisible()


def test_the_review_is_a_dry_run_with_counts_matches_and_problems(qtbot, make_wizard, fair, db, acme):
    before = dump(db, versions=False)
    wizard = make_wizard(fair)
    wizard.file_page.source_edit.setText("Canton Fair 2026 Autumn")
    to_review(qtbot, wizard)
    page = wizard.review_page
    counts = {key: label.text() for key, label in page.count_labels.items()}
    assert counts == {"new_customers": "2", "new_contacts": "4", "merges": "1", "skips": "0",
                      "rows_with_problems": "2", "rows_not_imported": "1"}
    assert [page.tabs.tabText(i) for i in range(3)] == [
        "Matches in your book (1)", "Will be created (2)", "Problems (2)"]
    created = page.created
    assert [[created.index(r, c).data() for c in range(5)] for r in range(created.rowCount())] == [
        ["3, 4", "Beta GmbH", "DE", 2, ""], ["6", "Gamma", "DE", 1, ""]]
    assert page.rows_label.text() == ("Rows read: 5 = 2 new customers + 1 into customers in your book + 1 joined "
                                      "another row of the file + 0 skipped + 1 not imported + 0 ignored (totals, "
                                      "titles, repeated headers).")
    model = page.duplicates
    assert [model.index(0, c).data() for c in range(model.columnCount())] == [
        "2", "Acme Trading Company Limited", "ACME Trading Co., Ltd.", "Same company domain acme-trading.de",
        "Notes, +1 contact(s)", "Merge"]
    problems = page.problems
    assert [[problems.index(r, c).data() for c in range(5)] for r in range(problems.rowCount())] == [
        ["Exhibitors", 5, "", "Not imported",
         "this row has no company, name, email or phone, so there is nothing to import it as"],
        ["Exhibitors", 6, "Email", "Imported", '"not-an-email" is not an email address; kept in the notes']]
    assert wizard.next_button.text() == "Import"
    assert dump(db, versions=False) == before and customer_count() == 1


def test_the_review_lists_ignored_rows_and_customers_kept_apart_from_an_alike_one(qtbot, make_wizard, tmp_path):
    path = write_xlsx(tmp_path / "councils.xlsx", [
        ["Company", "Email", "Website"], ["Stadt Neustadt", "info@neustadt.de", "neustadt.de"],
        ["Stadt Neustedt", "info@neustedt.de", "neustedt.de"], ["合计", "2"]])
    wizard = make_wizard(path)
    to_review(qtbot, wizard)
    page = wizard.review_page
    created = page.created
    assert [created.index(r, created.ALIKE).data() for r in range(2)] == ["", "row 2: Stadt Neustadt"]
    assert "different company domains" in created.index(1, created.ALIKE).data(Qt.ItemDataRole.ToolTipRole)
    problems = page.problems
    assert [problems.index(0, c).data() for c in range(5)] == [
        "Exhibitors", 4, "", "Ignored", 'a total row ("合计 2")']
    assert "+ 1 ignored" in page.rows_label.text()


def test_each_match_can_be_merged_skipped_or_created_and_a_default_applies_to_all(qtbot, make_wizard, fair, acme):
    wizard = make_wizard(fair)
    to_review(qtbot, wizard)
    page = wizard.review_page
    page.duplicates.setData(page.duplicates.index(0, page.duplicates.ACTION), "skip")
    qtbot.waitUntil(lambda: wizard.plan is not None and wizard.plan.skips == 1)
    assert page.count_labels["merges"].text() == "0" and page.count_labels["skips"].text() == "1"
    assert page.duplicates.index(0, page.duplicates.ACTION).data() == "Skip"
    page.policy_combo.setCurrentIndex(page.policy_combo.findData("create"))
    page.policy_combo.activated.emit(page.policy_combo.currentIndex())
    qtbot.waitUntil(lambda: wizard.plan is not None and wizard.plan.new_customers == 3)
    assert page.decisions == {} and page.count_labels["skips"].text() == "0"
    page.duplicates_view.selectRow(0)
    page.action_buttons["merge"].click()
    qtbot.waitUntil(lambda: wizard.plan is not None and wizard.plan.merges == 1)


def test_a_merge_fills_empty_fields_and_overwrites_only_when_asked(qtbot, make_wizard, tmp_path, acme):
    path = write_xlsx(tmp_path / "fair.xlsx", [["Company", "Email", "City", "Website"],
                                               ["Acme Trading", "max@acme-trading.de", "Munich", "acme-trading.de"]])
    wizard = make_wizard(path)
    to_review(qtbot, wizard)
    page = wizard.review_page
    assert page.duplicates.index(0, page.duplicates.FILLS).data() == "Website"
    page.overwrite_box.setChecked(True)
    qtbot.waitUntil(lambda: wizard.plan is not None and wizard.plan.options.overwrite)
    assert page.duplicates.index(0, page.duplicates.FILLS).data() == "City, Website"
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() == SUMMARY)
    assert get_customer(acme).city == "Munich"


def test_import_then_undo_from_the_summary_restores_the_book(qtbot, make_wizard, fair, db, acme, monkeypatch):
    before = dump(db, versions=False)
    wizard = make_wizard(fair)
    wizard.file_page.source_edit.setText("Canton Fair 2026 Autumn")
    wizard.file_page.tag_edit.setText("VIP")
    to_review(qtbot, wizard)
    with qtbot.waitSignal(wizard.import_committed, timeout=10_000) as committed:
        wizard.next_button.click()
    assert wizard.stack.currentIndex() == SUMMARY
    batch = committed.args[0]
    summary = wizard.summary_page
    assert {k: label.text() for k, label in summary.count_labels.items()} == {
        "created": "2", "merged": "1", "skipped": "0", "contacts_created": "4", "not_imported": "1"}
    assert summary.rows_label.text().startswith("Rows read: 5 = 2 new customers + 1 into customers in your book")
    assert "“Canton Fair 2026 Autumn”" in summary.source_label.text() and "“VIP”" in summary.source_label.text()
    beta = get_customer(Customer.get(Customer.name == "Beta GmbH").id)
    assert beta.source == "trade_show" and set(beta.tags) == {"Canton Fair 2026 Autumn", "VIP"}
    assert wizard.close_button.text() == "Close" and not wizard.back_button.isVisible()
    monkeypatch.setattr(import_wizard, "confirm", lambda *args: True)
    with qtbot.waitSignal(wizard.import_undone, timeout=10_000) as undone:
        summary.undo_button.click()
    assert undone.args == [batch]
    assert dump(db, versions=False) == before
    assert not summary.undo_button.isEnabled() and "2 customer(s) removed, 1 restored" in summary.status_label.text()
    assert import_history()[0].undone_at is not None


def test_cancel_during_the_import_writes_nothing(qtbot, make_wizard, tmp_path, db, acme, monkeypatch):
    rows = [[f"Company {n} Ltd", f"Person {n}", f"p{n}@company{n}.com", "", "DE", "", "", ""] for n in range(250)]
    path = write_xlsx(tmp_path / "big.xlsx", [HEADER, *rows])
    before = dump(db)
    wizard = make_wizard(path)
    real_commit = import_jobs.commit_import

    def commit_waiting_for_cancel(plan, clock, *, progress, cancel):
        def report_then_wait(stage, done, total):
            progress(stage, done, total)
            if 0 < done < total:  # 200 customers are written inside the transaction: wait for Cancel here
                wizard.jobs["commit"].context.wait_cancelled(10)
        return real_commit(plan, clock, progress=report_then_wait, cancel=cancel)

    monkeypatch.setattr(import_jobs, "commit_import", commit_waiting_for_cancel)
    to_review(qtbot, wizard)
    wizard.next_button.click()
    assert wizard.stack.currentIndex() == PROGRESS and not wizard.close_button.isEnabled()
    qtbot.waitUntil(lambda: wizard.progress_page.bar.value() == 200)
    assert wizard.progress_page.message.text() == "Writing customer 200 of 250…"
    wizard.progress_page.cancel_button.click()
    qtbot.waitUntil(lambda: wizard.stack.currentIndex() == REVIEW)
    assert wizard.review_page.status_label.text() == "The import was cancelled. Nothing was written."
    assert dump(db) == before and import_history() == []
    assert wizard.next_button.isEnabled()  # the user may try again


def test_a_cancel_that_comes_after_the_commit_reports_the_import(qtbot, make_wizard, fair, monkeypatch):
    wizard = make_wizard(fair)
    real_commit = import_jobs.commit_import

    def commit_then_cancel(plan, clock, *, progress, cancel):
        result = real_commit(plan, clock, progress=progress, cancel=cancel)
        wizard.jobs["commit"].cancel()  # too late: the transaction has committed
        return result

    monkeypatch.setattr(import_jobs, "commit_import", commit_then_cancel)
    to_review(qtbot, wizard)
    with qtbot.waitSignal(wizard.import_committed, timeout=10_000):
        wizard.next_button.click()
    assert wizard.stack.currentIndex() == SUMMARY and customer_count() == 3


def test_the_error_report_holds_the_problem_rows_and_what_was_wrong(qtbot, make_wizard, fair, tmp_path, monkeypatch):
    wizard = make_wizard(fair)
    to_review(qtbot, wizard)
    target = tmp_path / "out" / "to fix"
    target.parent.mkdir()
    monkeypatch.setattr(import_wizard, "ask_save_path", lambda *args: target)
    wizard.review_page.report_button.click()
    qtbot.waitUntil(lambda: "Saved 2 row(s) to fix" in wizard.review_page.status_label.text())
    sheet = load_workbook(target.with_suffix(".xlsx")).active
    rows = [[c or "" for c in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == [*HEADER, "Import problems"]
    assert rows[2][:3] == ["Gamma", "Gus", "not-an-email"]
    assert rows[2][-1] == 'Email: "not-an-email" is not an email address; kept in the notes'


def encrypted_workbook(path: Path) -> None:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512 + "EncryptedPackage".encode("utf-16-le"))


def fifty_one_megabytes(path: Path) -> None:
    with path.open("wb") as out:
        out.truncate(51 * 1024 * 1024)


BAD_FILES = {
    "empty.csv": (lambda p: p.write_bytes(b""), "the file is empty"),
    "renamed.xlsx": (lambda p: p.write_text("Company,Email\nBeta,bob@beta.de\n"), 'the name ends in ".xlsx"'),
    "locked.xlsx": (encrypted_workbook, "protected by a password"),
    "broken.xlsx": (lambda p: p.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 50), "damaged"),
    "huge.csv": (fifty_one_megabytes, "files up to 50 MB can be imported"),
    "page.xls": (lambda p: p.write_text("<html><table><tr><td>Company</td></tr></table></html>"), "web page"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_gets_a_clear_message_and_nothing_is_written(make_wizard, tmp_path, db, name):
    make, expected = BAD_FILES[name]
    make(tmp_path / name)
    before = dump(db)
    wizard = make_wizard(tmp_path / name)
    assert wizard.table is None
    assert expected in wizard.file_page.status_label.text() and name in wizard.file_page.status_label.text()
    assert not wizard.next_button.isEnabled()
    assert dump(db) == before


def test_a_million_empty_rows_read_as_the_few_that_hold_data(make_wizard, tmp_path):
    path = tmp_path / "padded.csv"
    path.write_text("Company,Email\nBeta GmbH,bob@beta.de\n" + ",\n" * 1_000_000)
    wizard = make_wizard(path)
    assert wizard.table is not None and len(wizard.table.rows) == 1


def test_back_returns_to_earlier_pages_and_cancel_closes(qtbot, make_wizard, fair):
    wizard = make_wizard(fair)
    to_review(qtbot, wizard)
    wizard.back_button.click()
    assert wizard.stack.currentIndex() == MAPPING
    wizard.back_button.click()
    assert wizard.stack.currentIndex() == FILE and not wizard.back_button.isVisible()
    wizard.close_button.click()
    assert not wizard.isVisible()


def test_every_import_first_leaves_a_backup_copy_of_the_book(qtbot, make_wizard, fair, db_path, acme):
    wizard = make_wizard(fair)
    to_review(qtbot, wizard)
    with qtbot.waitSignal(wizard.import_committed, timeout=10_000):
        wizard.next_button.click()
    copies = list((db_path.parent / "backups").glob("pre-import-*.db"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as copy:
        assert copy.execute("SELECT count(*) FROM customer").fetchone() == (1,)  # acme only: before the import


def test_a_backup_that_fails_stops_the_import(qtbot, make_wizard, fair, db, acme, monkeypatch):
    from trade_crm.store.backup import BackupError

    def full_disk(*args):
        raise BackupError("cannot write the backup: No space left on device")

    monkeypatch.setattr(import_jobs, "back_up_open_book", full_disk)
    before = dump(db)
    wizard = make_wizard(fair)
    to_review(qtbot, wizard)
    wizard.next_button.click()
    qtbot.waitUntil(lambda: "No space left" in wizard.review_page.status_label.text(), timeout=10_000)
    assert dump(db) == before
