"""The wizard says why it took a sheet and what each column's values look like (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from tests.exchange.importing.realistic import bilingual_list, five_sheet_workbook
from trade_crm.ui.import_export.wizard import MAPPING, ImportWizard


@pytest.fixture(autouse=True)
def no_job_left_running():
    yield
    QThreadPool.globalInstance().waitForDone(10_000)


@pytest.fixture
def open_wizard(qtbot, db, clock):
    def make(path: Path) -> ImportWizard:
        wizard = ImportWizard(clock, path)
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitUntil(lambda: wizard.table is not None)
        return wizard
    return make


def test_the_first_page_says_why_it_took_the_sheet_and_lets_the_user_switch(qtbot, open_wizard, tmp_path):
    wizard = open_wizard(five_sheet_workbook(tmp_path / "show.xlsx"))
    page = wizard.file_page
    assert wizard.table.sheet == "Exhibitors" and page.sheet_combo.currentData() == "Exhibitors"
    assert page.sheet_label.isVisible()
    text = page.sheet_label.text()
    assert "40 of 40 rows look like contacts" in text and "“Events” 0 of 108" in text
    page.sheet_combo.setCurrentIndex(page.sheet_combo.findData("Events"))
    page.sheet_combo.activated.emit(page.sheet_combo.currentIndex())
    qtbot.waitUntil(lambda: wizard.table is not None and wizard.table.sheet == "Events")
    assert not page.sheet_label.isVisible()  # the user's own pick needs no reason


def test_the_mapping_page_shows_the_evidence_beside_each_choice(open_wizard, tmp_path):
    wizard = open_wizard(bilingual_list(tmp_path / "bilingual.xlsx", count=6))
    wizard.next_button.click()
    assert wizard.stack.currentIndex() == MAPPING
    page = wizard.mapping_page
    table = page.mapping_table
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    english, chinese = rows["Company Name (English)"], rows["公司名称（中文）"]
    assert table.cellWidget(english, 2).currentData() == "company"
    assert table.cellWidget(chinese, 2).currentData() == "alt_name"
    assert table.cellWidget(chinese, 2).currentText() == "Other name"
    assert table.item(english, 3).text() == "100% look like company names"
    assert table.item(rows["E-mail"], 3).text() == "100% look like email addresses"
    assert "Other name" in [page.preview.horizontalHeaderItem(c).text() for c in range(page.preview.columnCount())]
