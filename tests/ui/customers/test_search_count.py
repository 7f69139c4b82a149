"""Typing a search shows the first page at once; the count follows, with "…" until it arrives, and a count
for an earlier keystroke never lands next to the rows of a later one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool

from tests.helpers import fill_book
from trade_crm.domain.customers.query import (
    CustomerFilter,
    count_customers,
    customer_position,
    search_customers,
)
from trade_crm.ui.customers.customer_table_model import PAGE_SIZE
from trade_crm.ui.shell import main_window
from trade_crm.ui.shell.main_window import MainWindow


def make_window(qtbot, db_path, clock, tmp_path) -> MainWindow:
    window = MainWindow(clock, db_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    return window


def shown(window: MainWindow) -> str:
    return window.counts_label.text().split(" · ")[1]


def counted(text: str, clock) -> int:
    return count_customers(CustomerFilter(text=text), today=clock.now().date(), now=clock.now())


def test_typing_shows_an_ellipsis_until_the_count_arrives(qtbot, db, db_path, clock, tmp_path):
    fill_book(db, 1_500)
    window = make_window(qtbot, db_path, clock, tmp_path)
    pane = window.customer_list
    assert shown(window) == "1,500 shown"
    expected = counted("customer 001", clock)
    first = search_customers(CustomerFilter(text="customer 001"), today=clock.now().date(), limit=1)[0]
    assert PAGE_SIZE < expected < 1_500
    pane.search_edit.setText("customer 001")
    pane.apply_filter()
    assert shown(window) == "… shown"  # the old 1,500 must not stand next to the new rows
    assert pane.model.data(pane.model.index(0, 0)) == first.name
    qtbot.waitUntil(lambda: shown(window) != "… shown", timeout=10_000)
    assert shown(window) == f"{expected:,} shown" and pane.model.rowCount() == expected


def test_a_short_result_is_counted_at_once(qtbot, db, db_path, clock, tmp_path):
    fill_book(db, 1_500)
    window = make_window(qtbot, db_path, clock, tmp_path)
    expected = counted("customer 00104", clock)
    assert 0 < expected < PAGE_SIZE
    window.customer_list.search_edit.setText("customer 00104")
    window.customer_list.apply_filter()
    assert shown(window) == f"{expected} shown"  # one page holds them all: nothing to wait for


def test_the_count_of_an_earlier_keystroke_never_lands(qtbot, db, db_path, clock, tmp_path):
    fill_book(db, 1_500)
    window = make_window(qtbot, db_path, clock, tmp_path)
    pane = window.customer_list
    seen = []
    pane.shown_changed.connect(lambda: seen.append(shown(window)))  # after the status bar's own update
    pane.search_edit.setText("customer")
    pane.apply_filter()
    QCoreApplication.processEvents()  # the first page is painted: its count starts on a worker thread
    assert QThreadPool.globalInstance().waitForDone(10_000)  # and comes back, its result queued
    pane.search_edit.setText("customer 001")  # typed before that result was delivered
    pane.apply_filter()
    expected = counted("customer 001", clock)
    assert PAGE_SIZE < expected < 1_500
    qtbot.waitUntil(lambda: shown(window) != "… shown", timeout=10_000)
    qtbot.wait(100)  # were the first count to land, it would have by now
    assert seen == ["… shown", "… shown", f"{expected:,} shown"]
    assert pane.model.rowCount() == expected


def test_a_typed_search_keeps_the_shown_customer_when_it_still_matches(qtbot, db, db_path, clock, tmp_path):
    fill_book(db, 1_500)
    window = make_window(qtbot, db_path, clock, tmp_path)
    pane = window.customer_list
    target = pane.model.customer_id(1_200)  # "Customer 001200": past the first page of the search below
    assert pane.select_customer(target)
    flt = CustomerFilter(text="customer 001")
    position = customer_position(target, flt, today=clock.now().date(), now=clock.now())
    assert position is not None and position >= PAGE_SIZE
    pane.search_edit.setText("customer 001")
    pane.apply_filter()
    qtbot.waitUntil(lambda: pane.current_id() == target, timeout=10_000)
    assert pane.table.currentIndex().row() == position and pane.selected_ids() == [target]


def test_typing_does_not_count_the_whole_book_again(qtbot, db, db_path, clock, tmp_path, monkeypatch):
    fill_book(db, 1_500)
    window = make_window(qtbot, db_path, clock, tmp_path)
    pane = window.customer_list
    counts = []
    monkeypatch.setattr(main_window, "customer_count", lambda: counts.append(1) or 1_500)
    pane.search_edit.setText("customer 001")
    pane.apply_filter()
    qtbot.waitUntil(lambda: shown(window) != "… shown", timeout=10_000)
    assert counts == []  # a search changes what is shown, not the book: its count stands
    assert window.counts_label.text() == f"1,500 customer(s) · {counted('customer 001', clock):,} shown"
    pane.filter_bar.overdue_check.setChecked(True)  # a filter chosen recounts as before
    assert counts == [1]
