"""Names in any script draw with a real glyph where the system has a font for it (Qt's fallback; the app
ships no fonts, the README names the Linux packages)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontDatabase, QTextLayout
from PySide6.QtWidgets import QTableView

from trade_crm.domain.customers.records import create_customer
from trade_crm.ui.customers.customer_table_model import Column, CustomerTableModel

NAMES = {"Noto Sans Ethiopic": "ኢትዮጵያ ንግድ ኃ.የተ.የግ.ማ", "Noto Sans Thai": "บริษัท ไทยเทรด จำกัด"}


def missing_glyphs(text: str, font) -> int:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return sum(1 for run in layout.glyphRuns() for glyph in run.glyphIndexes() if glyph == 0)


@pytest.mark.parametrize("family", sorted(NAMES))
def test_a_name_in_the_list_falls_back_to_a_font_that_covers_its_script(qtbot, db, clock, family):
    if family not in QFontDatabase.families():
        pytest.skip(f"{family} is not installed (apt-get install fonts-noto-core)")
    create_customer(clock, name=NAMES[family], country="ET" if "Ethiopic" in family else "TH")
    model = CustomerTableModel(clock)
    model.reload()
    shown = model.data(model.index(0, Column.COMPANY))
    assert shown == NAMES[family]
    view = QTableView()  # its font is the one the list draws with
    qtbot.addWidget(view)
    assert missing_glyphs(shown, view.font()) == 0
