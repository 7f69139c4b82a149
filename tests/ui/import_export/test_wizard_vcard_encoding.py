"""The import wizard's first page for a vCard whose text names no charset: the guessed code page is
shown with the others it reads almost as well in, and choosing one reads the cards again with it."""

from __future__ import annotations

import quopri

import pytest
from PySide6.QtCore import QThreadPool

from trade_crm.ui.import_export.wizard import ImportWizard


@pytest.fixture(autouse=True)
def no_job_left_running():
    yield
    QThreadPool.globalInstance().waitForDone(10_000)


def test_a_vcard_without_charset_offers_the_code_pages_it_reads_in(qtbot, db, clock, tmp_path):
    qp = quopri.encodestring("Małgorzata".encode("cp1250"))  # "ł" is 0xB3 in Windows-1250 and ISO 8859-2
    path = tmp_path / "phone.vcf"
    path.write_bytes(b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:" + qp
                     + b"\r\nEMAIL:m@firma.pl\r\nEND:VCARD\r\n")
    wizard = ImportWizard(clock, path)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.table is not None)
    page = wizard.file_page
    assert wizard.table.encoding == "cp1250" and wizard.table.rows[0].cells[0] == "Małgorzata"
    assert page.form.isRowVisible(page.encoding_combo)
    items = [page.encoding_combo.itemText(i) for i in range(page.encoding_combo.count())]
    assert items == ["Central European (Windows-1250) (used): Małgorzata",
                         "Central European (ISO 8859-2): Małgorzata"]
    assert any("a guess from its bytes" in notice for notice in wizard.table.notices)
    page.encoding_combo.setCurrentIndex(page.encoding_combo.findData("iso8859_2"))
    page.encoding_combo.activated.emit(page.encoding_combo.currentIndex())
    qtbot.waitUntil(lambda: wizard.table is not None and wizard.table.encoding == "iso8859_2")
    assert page.encoding_combo.currentData() == "iso8859_2"
    assert not any("a guess" in notice for notice in wizard.table.notices)  # the person chose it
    wizard.grab().save("/tmp/h14d/wizard_vcard.png")
