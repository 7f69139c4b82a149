"""The list's country filter is the one country picker: any name or code finds the country; junk is undone."""

from PySide6.QtCore import Qt

from trade_crm.domain.customers.query import CustomerFilter
from trade_crm.ui.customers.filter_bar import FilterBar


def test_the_country_filter_takes_an_own_language_name_a_chinese_name_or_a_code(qtbot):
    bar = FilterBar("en")
    qtbot.addWidget(bar)
    for typed in ("Deutschland", "德国", "de"):
        bar.country_combo.setCurrentIndex(0)
        with qtbot.waitSignal(bar.filter_changed):
            bar.country_combo.lineEdit().setText(typed)
            qtbot.keyClick(bar.country_combo.lineEdit(), Qt.Key.Key_Return)
        assert bar.apply_to(CustomerFilter()).countries == ("DE",)
        assert bar.country_combo.currentText() == "Germany"


def test_text_that_names_no_country_puts_the_choice_back(qtbot):
    bar = FilterBar("zh")
    qtbot.addWidget(bar)
    assert bar.country_combo.itemText(0) == "Any country"
    bar.country_combo.lineEdit().setText("Atlantis")
    qtbot.keyClick(bar.country_combo.lineEdit(), Qt.Key.Key_Return)
    assert bar.country_combo.currentText() == "Any country"
    assert bar.apply_to(CustomerFilter()).countries == ()
