"""The import wizard's file field takes a typed or pasted path, as the Browse button does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.import_export.test_wizard import HEADER, ROWS, write_xlsx
from trade_crm.ui.import_export.wizard import ImportWizard


def test_a_pasted_path_is_read_like_a_chosen_one(qtbot, db, clock, tmp_path):
    fair = write_xlsx(tmp_path / "fair list.xlsx", [HEADER, *ROWS])
    wizard = ImportWizard(clock, None)
    qtbot.addWidget(wizard)
    wizard.show()
    field = wizard.file_page.path_edit
    assert not field.isReadOnly()
    field.setFocus()
    field.setText(f'"{fair}"')  # Windows' "Copy as path" adds the quotes
    QTest.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.table is not None)
    assert wizard.file_page.path() == fair
    assert len(wizard.table.rows) == len(ROWS)
