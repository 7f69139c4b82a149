"""The customer list model pages rows in from the store, sorts and filters by re-querying, and
formats local time, last contact and follow-ups for the reader."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QThreadPool
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QTableView

from trade_crm.domain.customers import query as customer_query
from trade_crm.domain.customers.query import CustomerFilter
from trade_crm.domain.customers.records import create_customer, update_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.store import search
from trade_crm.ui.customers.customer_table_model import (
    MAX_PAGES,
    PAGE_SIZE,
    Column,
    CustomerTableModel,
    warning_colour,
)

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
    assert model.total() == 100_000 and model.rowCount() == 100_000  # one count: the view scrolls over all
    assert len(store_calls["search"]) == 1 and store_calls["search"][0]["limit"] == PAGE_SIZE
    for row in range(PAGE_SIZE):
        for column in Column:
            model.data(model.index(row, column), Display)
            model.data(model.index(row, column), Qt.ItemDataRole.ForegroundRole)
    assert len(store_calls["search"]) == 1 and store_calls["count"] == 1
    assert not model.canFetchMore(QModelIndex())
    assert model.data(model.index(PAGE_SIZE, Column.COMPANY), Display) == f"Customer {PAGE_SIZE:06d}"
    assert store_calls["search"][-1]["offset"] == PAGE_SIZE and len(store_calls["search"]) == 2

    view = QTableView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    assert model.held_rows() < 1000, "showing the list must not page in the whole book"


def test_scrolling_to_the_end_of_100000_customers_holds_a_window_of_pages(qtbot, db, clock, store_calls):
    _fill_book(db, 100_000)
    model = CustomerTableModel(clock)
    model.reload()
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    bar = view.verticalScrollBar()
    for step in range(0, 101, 5):  # dragging the scroll bar from the top to the end
        bar.setValue(bar.maximum() * step // 100)
        view.viewport().repaint()
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.currentIndex().row() == 99_999
    assert model.data(model.index(99_999, Column.COMPANY), Display) == "Customer 099999"
    assert model.customer_id(99_999) == 100_000
    assert 0 < model.held_rows() <= MAX_PAGES * PAGE_SIZE, "far pages are dropped as the view moves on"
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert model.data(view.currentIndex(), Display) == "Customer 000000"
    assert max(call["limit"] for call in store_calls["search"]) == PAGE_SIZE  # page by page, never all


def test_search_filter_over_100000_customers_requeries_one_page(db, clock, store_calls):
    _fill_book(db, 100_000)
    model = CustomerTableModel(clock)
    model.reload()
    model.set_filter(CustomerFilter(text="04242"))
    assert _names(model) == ["Customer 004242"] + [f"Customer 04242{d}" for d in range(10)]
    assert model.total() == 11
    assert not model.canFetchMore(QModelIndex())
    assert store_calls["count"] == 2 and len(store_calls["search"]) == 2


def test_a_typed_search_shows_the_first_page_and_its_count_follows(qtbot, db, clock, store_calls):
    _fill_book(db, 2_000)
    model = CustomerTableModel(clock)
    model.reload()
    with qtbot.waitSignal(model.total_changed, timeout=10_000):
        model.set_filter(CustomerFilter(text="customer"), count_later=True)
        assert model.known_total() is None  # not counted yet: no number to show
        assert model.rowCount() == PAGE_SIZE and model.canFetchMore(QModelIndex())
        assert model.data(model.index(0, Column.COMPANY), Display) == "Customer 000000"
    assert model.known_total() == model.rowCount() == 2_000
    assert not model.canFetchMore(QModelIndex())
    assert model.data(model.index(1_999, Column.COMPANY), Display) == "Customer 001999"


def test_a_count_for_an_outdated_search_never_lands(qtbot, db, clock):
    _fill_book(db, 2_000)
    model = CustomerTableModel(clock)
    model.reload()
    totals = []
    model.total_changed.connect(lambda: totals.append(model.known_total()))
    model.set_filter(CustomerFilter(text="customer"), count_later=True)
    QCoreApplication.processEvents()  # the first page is shown: its count starts on a worker thread
    assert QThreadPool.globalInstance().waitForDone(10_000)  # and has come back, its result queued
    model.set_filter(CustomerFilter(text="customer 0001"), count_later=True)  # the next keystroke
    qtbot.waitUntil(lambda: model.known_total() is not None, timeout=10_000)
    assert totals == [model.total()] and model.rowCount() == model.total() < 2_000


def test_sorting_keeps_the_count_and_reads_one_page(db, clock, store_calls):
    _fill_book(db, 500)
    model = CustomerTableModel(clock)
    model.reload()
    model.sort(Column.COMPANY, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, Column.COMPANY), Display) == "Customer 000499"
    assert model.data(model.index(499, Column.COMPANY), Display) == "Customer 000000"
    assert store_calls["count"] == 1 and model.total() == 500


def test_selected_ids_of_a_long_selection_come_from_one_query(db, clock, store_calls):
    _fill_book(db, 3_000)
    model = CustomerTableModel(clock)
    model.reload()
    calls = len(store_calls["search"])
    assert model.customer_ids([0, 1, 2_999]) == [1, 2, 3_000]
    assert model.customer_ids(list(range(3_000))) == list(range(1, 3_001))
    assert len(store_calls["search"]) - calls <= 1 and model.held_rows() <= MAX_PAGES * PAGE_SIZE


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
