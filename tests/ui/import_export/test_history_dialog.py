"""File > Import history: every import with its counts, and Undo (asked first, in the right order)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QThreadPool

from trade_crm.domain.customers.records import customer_count
from trade_crm.exchange.importing.importer import ImportOptions, build_plan, commit_import
from trade_crm.ui.import_export import history_dialog as import_history_dialog
from trade_crm.ui.import_export.history_dialog import ImportHistoryDialog


@pytest.fixture(autouse=True)
def no_job_left_running():
    yield
    QThreadPool.globalInstance().waitForDone(10_000)


def write_xlsx(path: Path, rows: list[list]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def run_import(path: Path, clock, **options) -> int:
    return commit_import(build_plan(path, ImportOptions(**options)), clock).batch


@pytest.fixture
def two_imports(db, clock, tmp_path) -> tuple[int, int]:
    first = run_import(write_xlsx(tmp_path / "canton.xlsx", [["Company", "Email"], ["Beta GmbH", "bob@beta.de"],
                                                             ["Gamma AG", "gus@gamma.de"]]),
                       clock, source="Canton Fair 2026 Autumn")
    second = run_import(write_xlsx(tmp_path / "hannover.xlsx", [["Company", "Email", "City"],
                                                                ["Beta GmbH", "bob@beta.de", "Berlin"],
                                                                ["Delta SA", "d@delta.fr", "Lyon"]]),
                        clock, source="Hannover Messe 2027")
    return first, second


@pytest.fixture
def dialog(qtbot, db, clock):
    def make() -> ImportHistoryDialog:
        widget = ImportHistoryDialog(clock)
        qtbot.addWidget(widget)
        widget.show()
        return widget
    return make


def cells(dialog: ImportHistoryDialog, row: int) -> list[str]:
    return [dialog.table.item(row, c).text() for c in range(dialog.table.columnCount())]


def test_the_history_lists_every_import_newest_first(dialog, two_imports):
    widget = dialog()
    assert widget.table.rowCount() == 2
    assert cells(widget, 0) == ["2026-11-23 09:30", "hannover.xlsx", "Hannover Messe 2027", "1", "1", "0", "0",
                                "Imported"]
    assert cells(widget, 1)[1:4] == ["canton.xlsx", "Canton Fair 2026 Autumn", "2"]
    assert widget.undo_button.isEnabled()


def test_an_empty_history_says_how_to_import(dialog, db):
    widget = dialog()
    assert widget.empty_label.isVisible() and not widget.table.isVisible()
    assert not widget.undo_button.isEnabled()


def test_undo_asks_first_then_removes_the_import_and_marks_it_undone(qtbot, dialog, two_imports, monkeypatch):
    widget = dialog()
    asked = []
    monkeypatch.setattr(import_history_dialog, "confirm", lambda parent, title, text: asked.append(text) or False)
    widget.undo_button.click()
    assert "hannover.xlsx" in asked[0] and customer_count() == 3
    monkeypatch.setattr(import_history_dialog, "confirm", lambda *args: True)
    with qtbot.waitSignal(widget.import_undone, timeout=10_000) as undone:
        widget.undo_button.click()
    assert undone.args == [two_imports[1]]
    assert customer_count() == 2
    assert cells(widget, 0)[-1] == "Undone 2026-11-23 09:30"
    widget.table.selectRow(0)
    assert not widget.undo_button.isEnabled()
    assert widget.message_label.text() == "Import undone: 1 customer(s) removed, 1 restored."


def test_an_import_a_later_one_merged_into_must_wait_its_turn(qtbot, dialog, two_imports, monkeypatch):
    widget = dialog()
    monkeypatch.setattr(import_history_dialog, "confirm", lambda *args: True)
    widget.table.selectRow(1)  # the Canton Fair import; Hannover merged into its Beta GmbH
    widget.undo_button.click()
    qtbot.waitUntil(lambda: "first" in widget.message_label.text())
    assert widget.message_label.text().endswith(f"undo import {two_imports[1]} first")
    assert customer_count() == 3
