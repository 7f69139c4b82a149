"""The import wizard's first page: a CSV whose text reads plausibly in two encodings offers both, with a sample;
a file the readers refuse is shown as its one line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool

from trade_crm.ui.import_export.wizard import ImportWizard

GREEK = "Company,Email\nΆλφα Εμπορική ΑΕ,a@alfa.gr\nΒήτα Λτδ,b@beta.gr\n"


@pytest.fixture(autouse=True)
def no_job_left_running():
    yield
    QThreadPool.globalInstance().waitForDone(10_000)


def open_wizard(qtbot, clock, path) -> ImportWizard:
    wizard = ImportWizard(clock, path)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.table is not None or bool(wizard.file_page.status_label.styleSheet()))
    return wizard


def test_a_csv_that_reads_in_two_encodings_offers_the_other_with_a_sample(qtbot, db, clock, tmp_path):
    path = tmp_path / "greek.csv"
    path.write_bytes(GREEK.encode("iso8859_7"))  # "Ά" is 0xB6 here, "¶" in Windows-1253
    wizard = open_wizard(qtbot, clock, path)
    page = wizard.file_page
    assert wizard.table.encoding == "iso8859_7" and wizard.table.rows[0].cells[0] == "Άλφα Εμπορική ΑΕ"
    assert page.form.isRowVisible(page.encoding_combo)
    items = {page.encoding_combo.itemData(i): page.encoding_combo.itemText(i)
             for i in range(page.encoding_combo.count())}
    assert items == {"iso8859_7": "iso8859_7 (used): Άλφα Εμπορική ΑΕ,a@alfa.gr",
                     "cp1253": "cp1253: ¶λφα Εμπορική ΑΕ,a@alfa.gr"}
    page.encoding_combo.setCurrentIndex(page.encoding_combo.findData("cp1253"))
    page.encoding_combo.activated.emit(page.encoding_combo.currentIndex())
    qtbot.waitUntil(lambda: wizard.table is not None and wizard.table.encoding == "cp1253")
    assert wizard.table.rows[0].cells[0] == "¶λφα Εμπορική ΑΕ"  # what the person asked for
    assert page.encoding_combo.currentData() == "cp1253"


def test_a_file_in_one_plain_encoding_shows_no_choice(qtbot, db, clock, tmp_path):
    path = tmp_path / "utf8.csv"
    path.write_text("Company,Email\nMüller GmbH,m@mueller.de\n", encoding="utf-8")
    wizard = open_wizard(qtbot, clock, path)
    assert not wizard.file_page.form.isRowVisible(wizard.file_page.encoding_combo)


def test_a_refused_workbook_is_shown_as_its_one_line(qtbot, db, clock, tmp_path):
    from tests.integration.hostile_cases import sheet_xml, xlsx

    path = tmp_path / "far.xlsx"
    path.write_bytes(xlsx(sheet_xml(extra=b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')))
    wizard = open_wizard(qtbot, clock, path)
    assert wizard.table is None
    assert wizard.file_page.status_label.text().startswith("far.xlsx: sheet Customers has a value as far out as "
                                                           "XFD1048576")
