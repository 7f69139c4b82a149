"""The list follows the user: a saved customer is selected and scrolled to even past the loaded pages, a search
that hides the shown customer clears the detail pane, and its position comes from the domain query."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSettings

from tests.helpers import fill_book
from trade_crm.domain.customers.query import CustomerFilter, customer_position, search_customers
from trade_crm.domain.customers.records import create_customer
from trade_crm.ui.customers import customer_list
from trade_crm.ui.customers.customer_table_model import PAGE_SIZE
from trade_crm.ui.shell.main_window import MainWindow

BOOK = 5 * PAGE_SIZE  # five pages: the first is loaded at start, the new customer sorts after the last


def visible_in_table(window: MainWindow, customer_id: int) -> bool:
    pane = window.customer_list
    row = pane.model.row_of(customer_id)
    rect = pane.table.visualRect(pane.model.index(row, 0))
    return row is not None and pane.table.viewport().rect().intersects(rect)


def test_position_is_where_the_paged_list_shows_the_customer(db, clock):
    fill_book(db, 300)
    last = create_customer(clock, name="Zeta Last Trading", country="FR")
    day, now = clock.now().date(), clock.now()
    assert customer_position(last, CustomerFilter(), today=day, now=now) == 300
    assert customer_position(last, CustomerFilter(), today=day, now=now, descending=True) == 0
    assert customer_position(last, CustomerFilter(countries=("DE",)), today=day, now=now) is None
    page = search_customers(CustomerFilter(text="customer"), today=day, now=now, offset=120, limit=1)
    assert customer_position(page[0].id, CustomerFilter(text="customer"), today=day, now=now) == 120


def test_a_new_customer_sorting_past_the_loaded_pages_is_selected_and_scrolled_to(qtbot, db, db_path, clock,
                                                                                   tmp_path):
    fill_book(db, BOOK)
    window = MainWindow(clock, db_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.customer_list.model.held_rows() < BOOK
    dialog = window.open_customer_dialog(None)
    customer = create_customer(clock, name="Zhejiang Last Import Co", country="CN")
    dialog.customer_saved.emit(customer)
    dialog.close()
    assert window.customer_list.current_id() == customer
    assert window.customer_list.selected_ids() == [customer]
    assert window.actions.delete.isEnabled()
    assert visible_in_table(window, customer)


def test_a_customer_saved_outside_the_search_clears_it_and_is_shown(qtbot, db, db_path, clock, tmp_path):
    create_customer(clock, name="Hamburg Tools GmbH", country="DE")
    window = MainWindow(clock, db_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.customer_list.search_edit.setText("hamburg")
    window.customer_list.apply_filter()
    customer = create_customer(clock, name="Lyon Textiles SA", country="FR")
    window.on_customer_dialog_customer_saved(customer)
    assert window.customer_list.search_edit.text() == ""
    assert window.customer_list.current_id() == customer


def test_a_search_that_hides_the_shown_customer_clears_the_detail_pane(qtbot, db, db_path, clock, tmp_path):
    hamburg = create_customer(clock, name="Hamburg Tools GmbH", country="DE")
    create_customer(clock, name="Lyon Textiles SA", country="FR")
    window = MainWindow(clock, db_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    pane = window.customer_list
    pane.select_customer(hamburg)
    assert pane.current_id() == hamburg and window.actions.edit_customer.isEnabled()
    with qtbot.waitSignal(pane.current_customer_changed, check_params_cb=lambda cid: cid is None):
        pane.search_edit.setText("lyon")
        pane.apply_filter()
    assert pane.current_id() is None
    assert not window.actions.edit_customer.isEnabled() and not window.actions.delete.isEnabled()


def test_a_search_that_keeps_the_customer_far_down_keeps_the_detail_pane(qtbot, db, db_path, clock, tmp_path,
                                                                         monkeypatch):
    fill_book(db, BOOK)
    last = create_customer(clock, name="Zz Customer Trading", country="DE")
    window = MainWindow(clock, db_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    pane = window.customer_list
    assert pane.select_customer(last)
    monkeypatch.setattr(customer_list, "FOLLOW_ROWS", PAGE_SIZE)  # "far" for this small book
    changes = []
    pane.current_customer_changed.connect(changes.append)
    pane.search_edit.setText("customer")
    pane.apply_filter()
    qtbot.waitUntil(lambda: pane.model.known_total() is not None)  # where it stands comes with the count
    assert None not in changes  # still in the results, only not loaded: the pane keeps showing it
    assert pane.model.held_rows() <= 2 * PAGE_SIZE  # and the search did not load through to it


def test_a_reload_keeps_a_selection_far_down_and_reads_only_its_pages(qtbot, db, db_path, clock, tmp_path):
    fill_book(db, BOOK)
    window = MainWindow(clock, db_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    pane = window.customer_list
    pane.select_row(4 * PAGE_SIZE + 1)
    selection = pane.table.selectionModel()
    below = pane.model.index(4 * PAGE_SIZE + 2, 0)
    selection.select(below, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    chosen, current = pane.selected_ids(), pane.current_id()
    assert len(chosen) == 2 and current == chosen[0]
    create_customer(clock, name="Aaa First Trading", country="DE")  # every row moves down one
    pane.reload()
    assert pane.selected_ids() == chosen and pane.current_id() == current
    assert pane.table.currentIndex().row() == 4 * PAGE_SIZE + 2
    assert pane.model.held_rows() <= 2 * PAGE_SIZE  # the first page and the selection's, not all between
