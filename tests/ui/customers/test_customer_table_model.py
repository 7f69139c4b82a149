"""The customer list model pages rows in from the store, sorts and filters by re-querying, and
formats local time, last contact and follow-ups for the reader."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QTableView

from trade_crm.domain.customers import query as customer_query
from trade_crm.domain.customers.query import CustomerFilter
from trade_crm.domain.customers.records import create_customer, update_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.store import search
from trade_crm.ui.customers.customer_table_model import PAGE_SIZE, Column, CustomerTableModel, warning_colour

Display = Qt.ItemDataRole.DisplayRole


def _fill_book(db, count: int) -> None:
    """`count` minimal customers straight into the tables, then one index rebuild: seconds, not minutes."""
    stamp = "2026-11-01 00:00:00"
    codes = ("DE", "US", "CN", "FR", "BR", "IN", "AE", "PE")
    rows = [(f"Customer {i:06d}", codes[i % len(codes)], stamp, stamp) for i in range(count)]
    with db.atomic():
        db.cursor().executemany(
            "INSERT INTO customer (name, country, created_at, updated_at) VALUES (?, ?, ?, ?)", rows)
        search.rebuild_index(db)


@pytest.fixture
def store_calls(monkeypatch):
    """Count the model's calls into the store (search_customers and count_customers)."""
    calls = {"search": [], "count": 0}
    real_search, real_count = customer_query.search_customers, customer_query.count_customers

    def counting_search(flt, **kwargs):
        calls["search"].append(kwargs)
        return real_search(flt, **kwargs)

    def counting_count(flt, **kwargs):
        calls["count"] += 1
        return real_count(flt, **kwargs)

    monkeypatch.setattr(customer_query, "search_customers", counting_search)
    monkeypatch.setattr(customer_query, "count_customers", counting_count)
    return calls


def _names(model: CustomerTableModel) -> list[str]:
    return [model.data(model.index(r, Column.COMPANY), Display) for r in range(model.rowCount())]


def test_model_over_100000_customers_answers_without_fetching_every_row(qtbot, db, clock, store_calls):
    _fill_book(db, 100_000)
    model = CustomerTableModel(clock)
    model.reload()
    assert model.total() == 100_000
    assert model.rowCount() == PAGE_SIZE
    assert len(store_calls["search"]) == 1 and store_calls["search"][0]["limit"] == PAGE_SIZE
    for row in range(model.rowCount()):
        for column in Column:
            model.data(model.index(row, column), Display)
            model.data(model.index(row, column), Qt.ItemDataRole.ForegroundRole)
    assert len(store_calls["search"]) == 1
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE_SIZE
    assert store_calls["search"][-1]["offset"] == PAGE_SIZE and len(store_calls["search"]) == 2

    view = QTableView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    assert model.rowCount() < 1000, "showing the list must not page in the whole book"


def test_search_filter_over_100000_customers_requeries_one_page(db, clock, store_calls):
    _fill_book(db, 100_000)
    model = CustomerTableModel(clock)
    model.reload()
    model.set_filter(CustomerFilter(text="04242"))
    assert _names(model) == ["Customer 004242"] + [f"Customer 04242{d}" for d in range(10)]
    assert model.total() == 11
    assert not model.canFetchMore(QModelIndex())
    assert store_calls["count"] == 2 and len(store_calls["search"]) == 2


def test_sort_by_a_column_requeries_in_that_order(db, clock):
    for name, rating in (("Beta", "B"), ("alpha", "C"), ("Gamma", "A")):
        create_customer(clock, name=name, rating=rating)
    model = CustomerTableModel(clock)
    model.reload()
    assert _names(model) == ["alpha", "Beta", "Gamma"]
    model.sort(Column.COMPANY, Qt.SortOrder.DescendingOrder)
    assert _names(model) == ["Gamma", "Beta", "alpha"]
    model.sort(Column.RATING, Qt.SortOrder.AscendingOrder)
    assert _names(model) == ["Gamma", "Beta", "alpha"]


def test_country_column_shows_local_time_greyed_outside_working_hours(db, clock):
    # 09:30 in Shanghai is 02:30 in Berlin (winter) and 09:30 in China.
    create_customer(clock, name="Berlin Buyer", country="DE")
    create_customer(clock, name="Shanghai Buyer", country="CN")
    model = CustomerTableModel(clock)
    model.reload()
    berlin, shanghai = (model.index(r, Column.COUNTRY) for r in range(2))
    assert model.data(berlin, Display) == "DE · 02:30"
    assert model.data(shanghai, Display) == "CN · 09:30"
    assert isinstance(model.data(berlin, Qt.ItemDataRole.ForegroundRole), QColor)
    assert model.data(shanghai, Qt.ItemDataRole.ForegroundRole) is None
    assert "Germany" in model.data(berlin, Qt.ItemDataRole.ToolTipRole)


def test_last_contact_reads_as_days_ago(db, clock):
    customer = create_customer(clock, name="Lima Trading", country="PE")
    create_customer(clock, name="Never Called")
    log_interaction(customer, "call", "Asked for the price list", clock, occurred_at=clock.now() - timedelta(days=23))
    model = CustomerTableModel(clock)
    model.reload()
    texts = {model.data(model.index(r, Column.COMPANY), Display): model.data(model.index(r, Column.LAST_CONTACT),
                                                                             Display) for r in range(2)}
    assert texts["Lima Trading"] == "23 days ago"
    assert texts["Never Called"] == "never"


def test_overdue_follow_up_uses_the_palette_warning_colour(db, clock):
    create_customer(clock, name="Late", follow_up_on=date(2026, 11, 20))
    create_customer(clock, name="Later", follow_up_on=date(2026, 12, 20))
    model = CustomerTableModel(clock)
    model.reload()
    late, later = model.index(0, Column.FOLLOW_UP), model.index(1, Column.FOLLOW_UP)
    assert model.data(late, Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(later, Qt.ItemDataRole.ForegroundRole) is None
    assert "Overdue by 3 days" in model.data(late, Qt.ItemDataRole.ToolTipRole)


def test_warning_colour_reads_on_light_and_dark_palettes():
    light, dark = QPalette(), QPalette()
    light.setColor(QPalette.ColorRole.Base, QColor("white"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    assert warning_colour(light).lightness() < 128 < warning_colour(dark).lightness()


def test_refresh_customer_updates_its_row_in_place_and_drops_it_when_it_no_longer_matches(db, clock):
    first = create_customer(clock, name="Alpha", rating="A")
    create_customer(clock, name="Bravo", rating="A")
    model = CustomerTableModel(clock)
    model.set_filter(CustomerFilter(ratings=("A",)))
    update_customer(first, clock, name="Alpha Industries")
    model.refresh_customer(first)
    assert _names(model) == ["Alpha Industries", "Bravo"]
    update_customer(first, clock, rating="B")
    model.refresh_customer(first)
    assert _names(model) == ["Bravo"] and model.total() == 1
    assert model.row_of(first) is None
