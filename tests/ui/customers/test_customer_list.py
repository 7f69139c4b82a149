"""The customer list pane's start: the model is queried once, whatever sort the header starts with."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from trade_crm.domain.customers.records import create_customer
from trade_crm.ui.customers.customer_list import HEADER_KEY, CustomerListPane
from trade_crm.ui.customers.customer_table_model import Column, CustomerTableModel


@pytest.fixture
def counted_loads(monkeypatch):
    loads = []
    original = CustomerTableModel.reload

    def counting(self, *args, **kwargs):
        loads.append(self._sort)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(CustomerTableModel, "reload", counting)
    return loads


def test_a_first_start_loads_the_customers_once_sorted_by_company(qtbot, db, clock, tmp_path, counted_loads):
    create_customer(clock, name="Hamburg Tools GmbH", country="DE")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    pane = CustomerListPane(clock, settings)
    qtbot.addWidget(pane)
    assert counted_loads == ["name"]
    header = pane.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (Column.COMPANY, Qt.SortOrder.AscendingOrder)
    assert pane.model.rowCount() == 1


def test_a_restored_sort_loads_the_customers_once(qtbot, db, clock, tmp_path, counted_loads):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    first = CustomerListPane(clock, settings)
    qtbot.addWidget(first)
    first.table.horizontalHeader().setSortIndicator(Column.COUNTRY, Qt.SortOrder.DescendingOrder)
    first.save_state()
    assert settings.value(HEADER_KEY)
    counted_loads.clear()
    again = CustomerListPane(clock, settings)
    qtbot.addWidget(again)
    assert counted_loads == ["country"]
