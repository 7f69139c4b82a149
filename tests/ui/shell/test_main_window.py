"""The main window over a book: search, selection and timeline, delete and undo, bulk actions, counts,
filters, layout."""

from __future__ import annotations

import logging
import re
import sys
import threading
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QMessageBox, QWidget

from trade_crm.app import build_main_window, run_gui
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.query import CustomerFilter, matching_ids
from trade_crm.domain.customers.records import create_customer, customer_count, get_customer
from trade_crm.domain.customers.timeline import log_interaction, timeline
from trade_crm.logs import LOG_FILE_NAME
from trade_crm.ui.customers.customer_table_model import Column
from trade_crm.ui.shell.main_window import MainWindow


@pytest.fixture
def book(db, clock) -> dict[str, int]:
    ids = {}
    for name, country, rating, follow_up in (("Müller Maschinenbau GmbH", "DE", "A", date(2026, 11, 20)),
                                             ("Lima Trading SAC", "PE", "B", None),
                                             ("Gulf Tools LLC", "AE", None, date(2026, 12, 1))):
        ids[name] = create_customer(clock, name=name, country=country, rating=rating, follow_up_on=follow_up,
                                    contacts=[ContactInput(name=f"Buyer of {name}", emails=("buyer@example.com",))])
    log_interaction(ids["Müller Maschinenbau GmbH"], "email", "Sent the 2027 catalogue", clock,
                    occurred_at=clock.now() - timedelta(days=23))
    log_interaction(ids["Lima Trading SAC"], "call", "Asked for CIF Callao price", clock,
                    occurred_at=clock.now() - timedelta(days=2))
    return ids


def texts_in(widget: QWidget) -> list[str]:
    """Every text a person can read in `widget`: labels, buttons and item views' cells."""
    out = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, QLabel | QAbstractButton):
            out.append(child.text())
        if isinstance(child, QAbstractItemView) and child.model() is not None:
            model, stack = child.model(), [child.rootIndex()]
            while stack:
                parent = stack.pop()
                for row in range(model.rowCount(parent)):
                    for column in range(model.columnCount(parent)):
                        index = model.index(row, column, parent)
                        out.append(str(model.data(index, Qt.ItemDataRole.DisplayRole) or ""))
                        stack.append(index) if column == 0 else None
    return out


def shows(widget: QWidget, text: str) -> bool:
    return any(text in t for t in texts_in(widget))


def names_in(window: MainWindow) -> list[str]:
    model = window.customer_list.model
    return [model.data(model.index(r, Column.COMPANY)) for r in range(model.rowCount())]


def select(window: MainWindow, *names: str) -> None:
    pane = window.customer_list
    rows = [names_in(window).index(n) for n in names]
    pane._select_rows(rows, rows[0])


def test_typing_in_search_filters_the_list(qtbot, make_window, book):
    window = make_window()
    assert len(names_in(window)) == 3
    qtbot.keyClicks(window.customer_list.search_edit, "muller")
    qtbot.waitUntil(lambda: names_in(window) == ["Müller Maschinenbau GmbH"])
    assert "1 shown" in window.counts_label.text()
    window.customer_list.search_edit.clear()
    qtbot.waitUntil(lambda: len(names_in(window)) == 3)


def test_selecting_a_customer_shows_its_timeline(qtbot, make_window, book):
    window = make_window()
    select(window, "Lima Trading SAC")
    qtbot.waitUntil(lambda: shows(window.timeline, "Asked for CIF Callao price"))
    assert not shows(window.timeline, "Sent the 2027 catalogue")


def test_opening_a_customer_from_the_reminders_selects_it(make_window, book):
    window = make_window()
    window.reminders.open_customer_requested.emit(book["Gulf Tools LLC"])
    assert window.customer_list.current_id() == book["Gulf Tools LLC"]


def test_delete_then_undo_restores_the_customer_and_its_timeline(qtbot, make_window, book, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    window = make_window()
    lima = book["Lima Trading SAC"]
    select(window, "Lima Trading SAC")
    window.customer_list.table.setFocus()
    window.actions.delete.trigger()
    assert customer_count() == 2
    assert "Lima Trading SAC" not in names_in(window)
    window.actions.undo.trigger()
    assert customer_count() == 3
    assert get_customer(lima).contacts[0].name == "Buyer of Lima Trading SAC"
    assert [e.summary for e in timeline(lima)] == ["Asked for CIF Callao price"]
    assert window.customer_list.current_id() == lima
    qtbot.waitUntil(lambda: shows(window.timeline, "Asked for CIF Callao price"))


def test_delete_key_in_the_list_deletes_the_selected_customer(qtbot, make_window, book, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    select(window, "Gulf Tools LLC")
    window.customer_list.table.setFocus()
    qtbot.keyClick(window.customer_list.table, Qt.Key.Key_Delete)
    assert "Gulf Tools LLC" not in names_in(window)
    window.customer_list.search_edit.setFocus()
    window.customer_list.search_edit.setText("Lima")
    qtbot.keyClick(window.customer_list.search_edit, Qt.Key.Key_Home)
    qtbot.keyClick(window.customer_list.search_edit, Qt.Key.Key_Delete)
    assert window.customer_list.search_edit.text() == "ima"
    assert customer_count() == 2


def test_delete_asks_first_and_does_nothing_when_declined(make_window, book, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.No)
    window = make_window()
    select(window, "Gulf Tools LLC")
    window.actions.delete.trigger()
    assert customer_count() == 3
    assert window.undo_stack.count() == 0


def test_bulk_delete_of_several_customers_is_one_undo_step(make_window, book):
    window = make_window()
    select(window, "Gulf Tools LLC", "Lima Trading SAC")
    assert window.delete_selected()
    assert names_in(window) == ["Müller Maschinenbau GmbH"]
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert len(names_in(window)) == 3
    assert sorted(window.customer_list.selected_ids()) == sorted([book["Gulf Tools LLC"], book["Lima Trading SAC"]])


def test_deleting_every_customer_shows_the_first_run_page_until_undone(make_window, book):
    window = make_window()
    select(window, *book)
    assert window.delete_selected()
    assert window.stack.currentWidget() is window.first_run
    assert window.actions.undo.isEnabled()
    window.actions.undo.trigger()
    assert window.stack.currentWidget() is window.splitter and len(names_in(window)) == 3


def test_bulk_tag_and_untag_apply_to_the_selection_and_undo(make_window, book, clock):
    window = make_window()
    select(window, "Gulf Tools LLC", "Lima Trading SAC")
    assert window.tag_selected("canton-fair-2026")
    tagged = set(matching_ids(CustomerFilter(tag="canton-fair-2026"), today=date(2026, 11, 23)))
    assert tagged == {book["Gulf Tools LLC"], book["Lima Trading SAC"]}
    assert window.customer_list.filter_bar.tag_combo.findData("canton-fair-2026") >= 0
    window.undo_stack.undo()
    assert matching_ids(CustomerFilter(tag="canton-fair-2026"), today=date(2026, 11, 23)) == []
    window.undo_stack.redo()
    select(window, "Lima Trading SAC")
    assert window.tag_selected("canton-fair-2026", add=False)
    assert matching_ids(CustomerFilter(tag="canton-fair-2026"), today=date(2026, 11, 23)) == [book["Gulf Tools LLC"]]
    window.undo_stack.undo()
    assert len(matching_ids(CustomerFilter(tag="canton-fair-2026"), today=date(2026, 11, 23))) == 2


def test_bulk_set_rating_undoes_to_each_customers_own_rating(make_window, book):
    window = make_window()
    select(window, "Müller Maschinenbau GmbH", "Lima Trading SAC", "Gulf Tools LLC")
    assert window.rate_selected("C")
    assert {get_customer(i).rating for i in book.values()} == {"C"}
    window.actions.undo.trigger()
    assert [get_customer(book[n]).rating for n in ("Müller Maschinenbau GmbH", "Lima Trading SAC",
                                                   "Gulf Tools LLC")] == ["A", "B", None]


def test_status_bar_counts_customers_shown_and_overdue(qtbot, make_window, book):
    window = make_window()
    assert window.counts_label.text().startswith("3 customer")
    assert "3 shown" in window.counts_label.text() and "1 overdue" in window.counts_label.text()
    window.customer_list.filter_bar.overdue_check.setChecked(True)
    assert names_in(window) == ["Müller Maschinenbau GmbH"]
    assert "1 shown" in window.counts_label.text()


def test_active_filters_show_as_chips_that_clear_them(make_window, book):
    window = make_window()
    pane = window.customer_list
    pane.filter_bar.rating_combo.setCurrentIndex(pane.filter_bar.rating_combo.findData("B"))
    pane.filter_bar.overdue_check.setChecked(True)
    assert names_in(window) == []
    assert pane.chips.isVisibleTo(window) and pane.chips.labels() == ["Rating: B", "Follow-up overdue"]
    pane.chips.chip_cleared.emit("follow_up_overdue")
    assert names_in(window) == ["Lima Trading SAC"]
    pane.chips.clear_button.click()
    assert len(names_in(window)) == 3 and not pane.chips.isVisibleTo(window)


def test_saved_view_restores_its_filters(make_window, book):
    window = make_window()
    pane = window.customer_list
    pane.filter_bar.country_combo.set_code("PE")
    pane.save_view("Peru")
    pane.clear_filters()
    assert len(names_in(window)) == 3
    pane.apply_view("Peru")
    assert names_in(window) == ["Lima Trading SAC"]


def test_window_layout_and_sort_are_remembered(make_window, book, settings):
    window = make_window()
    window.resize(760, 560)  # fits the off-screen platform's 800x600 screen, so no clamping on restore
    window.customer_list.table.sortByColumn(Column.COMPANY, Qt.SortOrder.DescendingOrder)
    window.splitter.setSizes([500, 250])
    window.side_splitter.setSizes([200, 250])
    sizes = (window.splitter.sizes(), window.side_splitter.sizes())
    window.close()
    again = make_window()
    assert again.size() == window.size()
    assert (again.splitter.sizes(), again.side_splitter.sizes()) == sizes
    assert names_in(again)[0] == "Müller Maschinenbau GmbH"
    header = again.customer_list.table.horizontalHeader()
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_a_column_the_store_cannot_sort_by_keeps_the_current_order(make_window, book):
    window = make_window()
    assert not window.customer_list.model.is_sortable(Column.CONTACT)
    header = window.customer_list.table.horizontalHeader()
    before = names_in(window)
    header.setSortIndicator(Column.CONTACT, Qt.SortOrder.DescendingOrder)
    assert (header.sortIndicatorSection(), names_in(window)) == (Column.COMPANY, before)


def test_later_features_add_their_file_actions_in_one_place(make_window):
    window = make_window()
    action = QAction("Import a trade-show list…", window)
    triggered = []
    action.triggered.connect(lambda: triggered.append(True))
    window.add_file_action(action, toolbar=True, first_run="Excel or CSV from a fair")
    file_actions = window.actions.file_menu.actions()
    assert file_actions.index(action) < file_actions.index(window.actions.quit)
    button = next(b for b in window.first_run.findChildren(QAbstractButton) if "trade-show" in b.text())
    button.click()
    assert triggered == [True]


def test_the_duplicate_hint_link_opens_the_existing_customer_instead(qtbot, make_window, book, monkeypatch):
    from trade_crm.ui.customers.customer_dialog import CustomerDialog

    window = make_window()
    opened = []
    real_open = window.open_customer_dialog

    def spy(customer_id=None):
        opened.append(customer_id)
        return real_open(customer_id)

    monkeypatch.setattr(window, "open_customer_dialog", spy)
    new_form = window.open_customer_dialog(None)
    existing = book["Gulf Tools LLC"]
    new_form.duplicate_open_requested.emit(existing)
    assert opened == [None, existing]
    assert new_form.result() == CustomerDialog.DialogCode.Rejected
    assert window.customer_list.current_id() == existing


def test_the_tier_column_stands_beside_the_rating_on_first_start(make_window):
    header = make_window().customer_list.table.horizontalHeader()
    assert header.visualIndex(Column.TIER) == header.visualIndex(Column.RATING) + 1
    assert header.visualIndex(Column.FOLLOW_UP) == header.count() - 1  # the last column stretches


def test_run_gui_logs_its_start_to_the_log_folder_and_puts_the_hooks_back(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("TRADE_CRM_LOG_DIR", str(tmp_path / "logs"))
    bad = tmp_path / "book.db"
    bad.write_bytes(b"not a database" * 300)
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: None)
    monkeypatch.setattr("trade_crm.app.offer_backup_at_start", lambda *a, **k: False)
    hooks, handlers = (sys.excepthook, threading.excepthook), list(logging.getLogger().handlers)
    assert run_gui(bad) == 2
    text = (tmp_path / "logs" / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert re.search(r"INFO .* Trade CRM \S+ starting: Python \S+, Qt \S+ \(PySide6 \S+\)", text)
    assert f"ERROR [MainThread] trade_crm.app: the database {bad} could not be opened" in text
    assert "Trade CRM stopped" in text
    assert (sys.excepthook, threading.excepthook) == hooks and logging.getLogger().handlers == handlers


def test_help_menu_opens_the_log_folder(qtbot, db, db_path, clock, settings, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", opened.append)
    window = build_main_window(clock, db_path, settings, with_demo=False, log_dir=tmp_path / "logs")
    qtbot.addWidget(window)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    action = window.actions.open_log_folder
    assert action in help_menu.actions() and action.isVisible() and action.text() == "Open &log folder"
    action.trigger()
    assert opened == [QUrl.fromLocalFile(str(tmp_path / "logs"))] and (tmp_path / "logs").is_dir()
