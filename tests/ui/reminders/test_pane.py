from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QItemSelection, QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QMenu, QToolButton, QTreeView

from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.reminders.records import save_reminder
from trade_crm.store.models import Reminder, database
from trade_crm.ui.reminders.pane import PAGE, ReminderPane


@pytest.fixture
def reminders(db, clock):
    hamburg = create_customer(clock, name="Hamburg Tools GmbH", country="DE")
    lagos = create_customer(clock, name="Lagos Trading", country="NG")
    ids = {
        "call": save_reminder("follow_up:h", "follow_up", date(2026, 11, 23), "Call back", clock,
                              customer_id=hamburg).id,
        "late": save_reminder("follow_up:l", "follow_up", date(2026, 11, 20), "Send price list", clock,
                              customer_id=lagos).id,
        "xmas": save_reminder("greeting:xmas", "greeting", date(2026, 11, 23), "Christmas greetings", clock,
                              payload={"customer_ids": [hamburg]}).id,
        "later": save_reminder("birthday:x", "birthday", date(2026, 12, 1), "Not yet", clock).id,
    }
    return ids, hamburg, lagos


@pytest.fixture
def pane(qtbot, clock):
    widget = ReminderPane(clock)
    qtbot.addWidget(widget)
    widget.resize(520, 400)
    return widget


def _groups(pane):
    model = pane.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _rows(pane, group: int):
    model = pane.model
    parent = model.index(group, 0)
    return [(model.index(row, 0, parent).data(), model.index(row, 1, parent).data())
            for row in range(model.rowCount(parent))]


def _listed_ids(pane):
    return [r.id for r in pane.due()]


def _select(pane, *reminder_ids):
    pane.select_reminders(reminder_ids)
    assert pane.selected_ids() == sorted(reminder_ids, key=_listed_ids(pane).index)


def _bar_button(pane, action):
    button = pane.action_bar.widgetForAction(action)
    assert isinstance(button, QToolButton)
    return button


def test_nothing_due_shows_the_empty_state_once_the_first_sync_answered(db, pane):
    assert pane.due_count() == 0
    assert pane.stack.currentWidget() is pane.empty_label
    assert pane.empty_label.text() == "Loading…"  # not "Nothing due" while the book may have 84 overdue
    pane.set_synced()
    assert pane.empty_label.text() == "Nothing due today"


def test_due_reminders_are_grouped_by_kind_with_counts_overdue_first(pane, reminders):
    ids, *_ = reminders
    pane.refresh()
    assert pane.due_count() == 3
    assert pane.stack.currentIndex() == 1
    assert _groups(pane) == ["Follow-ups (2)", "Greetings (1)"]
    assert _rows(pane, 0) == [("Send price list — Lagos Trading", "3 days overdue"),
                              ("Call back — Hamburg Tools GmbH", "Today")]
    late = pane.model.reminder_index(ids["late"], 1)
    assert late.data(Qt.ItemDataRole.FontRole).bold()  # overdue is bold
    assert not pane.model.reminder_index(ids["call"], 1).data(Qt.ItemDataRole.FontRole)
    assert pane.model.reminder_index(ids["late"]).data(Qt.ItemDataRole.ToolTipRole) == \
        "Send price list — Lagos Trading"
    assert pane.tree.isFirstColumnSpanned(0, pane.model.index(0, 0).parent())  # the group title spans


def test_the_title_column_takes_the_width_the_due_column_needs_little(pane, reminders):
    pane.refresh()
    pane.show()
    header = pane.tree.header()
    assert header.sectionSize(0) > 2 * header.sectionSize(1)


def test_nothing_is_selected_so_the_actions_wait(pane, reminders):
    pane.refresh()
    assert pane.selected_ids() == []
    assert not pane.done_action.isEnabled() and not pane.snooze_action.isEnabled()
    assert not pane.open_action.isEnabled()


def test_done_removes_the_item_and_selects_the_next(pane, reminders, qtbot):
    ids, *_ = reminders
    pane.refresh()
    _select(pane, ids["late"])
    qtbot.mouseClick(_bar_button(pane, pane.done_action), Qt.MouseButton.LeftButton)
    assert pane.done_dialog.isVisible()  # a follow-up asks what happened first
    with qtbot.waitSignal(pane.reminders_changed):
        qtbot.mouseClick(pane.done_dialog.just_done_button, Qt.MouseButton.LeftButton)
    assert pane.due_count() == 2
    assert Reminder.get_by_id(ids["late"]).state == "done"
    assert ids["late"] not in _listed_ids(pane)
    assert _groups(pane) == ["Follow-ups (1)", "Greetings (1)"]
    assert pane.selected_ids() == [ids["call"]]  # ready for the next Done


def test_done_on_several_selected_rows_finishes_them_together(pane, reminders, qtbot):
    ids, *_ = reminders
    pane.refresh()
    _select(pane, ids["late"], ids["xmas"])
    with qtbot.waitSignal(pane.reminders_changed):
        pane.done_action.trigger()
    assert pane.due_count() == 1
    assert {Reminder.get_by_id(ids[k]).state for k in ("late", "xmas")} == {"done"}
    assert _listed_ids(pane) == [ids["call"]]


def test_snooze_one_day_hides_it_until_the_clock_passes(pane, reminders, clock, qtbot):
    ids, *_ = reminders
    pane.refresh()
    _select(pane, ids["late"])
    pane.snooze_menu.aboutToShow.emit()  # the menu is filled when it first opens
    one_day, one_week, _pick = pane.snooze_menu.actions()
    assert (one_day.text(), one_week.text()) == ("1 day", "1 week")
    with qtbot.waitSignal(pane.reminders_changed):
        one_day.trigger()
    assert ids["late"] not in _listed_ids(pane)
    clock.advance(timedelta(hours=23))
    pane.refresh()
    assert ids["late"] not in _listed_ids(pane)
    clock.advance(timedelta(hours=1, minutes=1))
    pane.refresh()
    assert ids["late"] in _listed_ids(pane)


def test_snooze_of_several_rows_is_one_change(pane, reminders, clock):
    ids, *_ = reminders
    pane.refresh()
    _select(pane, ids["late"], ids["call"])
    pane.snooze_for(pane.selected_ids(), timedelta(days=7))
    rows = [Reminder.get_by_id(ids[k]) for k in ("late", "call")]
    assert {r.state for r in rows} == {"snoozed"}
    assert rows[0].snoozed_until == rows[1].snoozed_until == clock.now() + timedelta(days=7)
    assert _listed_ids(pane) == [ids["xmas"]]


def test_snooze_to_a_picked_day_wakes_at_the_start_of_that_day(pane, reminders, clock):
    ids, *_ = reminders
    pane.refresh()
    _select(pane, ids["call"])
    pane.snooze_menu.aboutToShow.emit()
    pane.pick_menu.aboutToShow.emit()  # one calendar, made when "Pick a date…" first opens
    calendar = pane._calendar
    assert calendar.minimumDate() == QDate(2026, 11, 24)
    pane.pick_menu.aboutToShow.emit()
    assert pane._calendar is calendar
    calendar.clicked.emit(QDate(2026, 11, 26))
    row = Reminder.get_by_id(ids["call"])
    assert row.state == "snoozed"
    assert row.snoozed_until.astimezone(clock.zone).isoformat() == "2026-11-26T09:00:00+08:00"


def test_open_customer_emits_the_id(pane, reminders, qtbot):
    ids, hamburg, lagos = reminders
    pane.refresh()
    _select(pane, ids["late"])
    with qtbot.waitSignal(pane.open_customer_requested) as blocker:
        qtbot.mouseClick(_bar_button(pane, pane.open_action), Qt.MouseButton.LeftButton)
    assert blocker.args == [lagos]
    _select(pane, ids["xmas"])
    with qtbot.waitSignal(pane.open_customer_requested) as blocker:
        pane.open_action.trigger()
    assert blocker.args == [hamburg]  # a greeting opens the first customer it covers


def test_double_click_opens_the_customer(pane, reminders, qtbot):
    ids, _hamburg, lagos = reminders
    pane.refresh()
    pane.show()
    qtbot.waitExposed(pane)
    rect = pane.tree.visualRect(pane.model.reminder_index(ids["late"]))
    viewport = pane.tree.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # a double click starts with one
    with qtbot.waitSignal(pane.open_customer_requested) as blocker:
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [lagos]


def test_prepare_greetings_is_offered_only_on_greeting_reminders(pane, reminders, qtbot):
    ids, _hamburg, _lagos = reminders
    pane.refresh()
    _select(pane, ids["late"])
    assert not pane.greet_action.isEnabled() and not pane.greet_action.isVisible()
    _select(pane, ids["xmas"])
    assert pane.greet_action.isEnabled()
    with qtbot.waitSignal(pane.prepare_greetings_requested) as blocker:
        qtbot.mouseClick(_bar_button(pane, pane.greet_action), Qt.MouseButton.LeftButton)
    assert blocker.args == [ids["xmas"]]


def test_the_context_menu_offers_the_actions_for_the_row_under_the_pointer(pane, reminders, qtbot, monkeypatch):
    ids, *_ = reminders
    shown = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, _pos, _at=None: shown.append(menu))
    pane.refresh()
    pane.show()
    qtbot.waitExposed(pane)
    rect = pane.tree.visualRect(pane.model.reminder_index(ids["xmas"]))
    pane.on_tree_custom_context_menu_requested(rect.center())
    (menu,) = shown
    assert pane.selected_ids() == [ids["xmas"]]
    visible = [a.text() for a in menu.actions() if a.isVisible() and not a.isSeparator()]
    assert visible == ["Open customer", "Prepare greetings", "Done", "Snooze"]
    pane.on_tree_custom_context_menu_requested(QPoint(5, pane.tree.viewport().height() - 2))  # empty space
    assert shown == [menu]
    pane.on_tree_custom_context_menu_requested(rect.center())
    assert shown == [menu, menu]  # one menu, made once


def _many_due(clock, count: int) -> None:
    stamp = clock.now().strftime("%Y-%m-%d %H:%M:%S")
    rows = [(f"follow_up:bulk:{n}", "follow_up" if n % 3 else "dormant", (date(2026, 11, 23) - timedelta(days=n % 90))
             .isoformat(), f"Reminder {n}", "{}", stamp) for n in range(count)]
    with database.atomic():
        database.cursor().executemany(
            "INSERT INTO reminder (key, kind, due_on, title, payload, state, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, 'open', ?, ?)", [(*r, r[-1]) for r in rows])


def test_twenty_thousand_due_reminders_load_a_page_per_kind_with_no_widgets_per_row(db, clock, pane, qtbot):
    _many_due(clock, 20_000)
    pane.show()
    pane.refresh()
    qtbot.waitExposed(pane)
    assert pane.due_count() == 20_000  # the true total
    assert _groups(pane) == ["Follow-ups (13,333)", "Dormant customers (6,667)"]
    assert len(pane.due()) == 2 * PAGE  # what is loaded is bounded
    follow_ups = pane.model.index(0, 0)
    assert pane.model.rowCount(follow_ups) == PAGE + 1
    assert pane.model.index(PAGE, 0, follow_ups).data() == f"… and {13_333 - PAGE:,} more"
    assert pane.tree.isFirstColumnSpanned(PAGE, follow_ups)
    assert len(pane.findChildren(QTreeView)) == 1
    assert len(pane.findChildren(QToolButton)) < 10  # the action bar's buttons, none per row
    assert pane.tree.indexWidget(pane.model.index(0, 1, follow_ups)) is None
    # the most overdue first
    assert pane.model.index(0, 1, follow_ups).data() == "89 days overdue"


def test_the_more_row_loads_the_next_page(db, clock, pane):
    _many_due(clock, 3 * PAGE)
    pane.refresh()
    follow_ups = pane.model.index(0, 0)
    more = pane.model.index(PAGE, 0, follow_ups)
    assert pane.model.flags(more) & Qt.ItemFlag.ItemIsSelectable == Qt.ItemFlag.NoItemFlags
    pane.on_tree_double_clicked(more)
    follow_ups = pane.model.index(0, 0)
    assert pane.model.rowCount(follow_ups) == 2 * PAGE  # every follow-up, no "more" row left
    assert pane.model.rowCount(pane.model.index(1, 0)) == PAGE  # every dormant one


def test_done_on_a_whole_page_is_one_transaction(db, clock, pane, qtbot):
    _many_due(clock, 2 * PAGE)
    pane.refresh()
    selector = pane.tree.selectionModel()
    follow_ups = pane.model.index(0, 0)
    last = pane.model.index(pane.model.rowCount(follow_ups) - 1, 1, follow_ups)
    first = pane.model.index(0, 0, follow_ups)
    selector.select(QItemSelection(first, last), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    chosen = len(pane.selected_ids())
    statements = []
    database.connection().set_trace_callback(statements.append)
    try:
        with qtbot.waitSignal(pane.reminders_changed):
            pane.done_action.trigger()
    finally:
        database.connection().set_trace_callback(None)
    assert pane.due_count() == 2 * PAGE - chosen
    assert sum(s.startswith("BEGIN") for s in statements) == 1


def test_a_pane_filled_after_the_first_paint_says_loading_until_the_window_has_painted(qtbot, clock, reminders):
    ids, _hamburg, _lagos = reminders
    pane = ReminderPane(clock, fill_now=False)  # as run_gui builds it: nothing is read before the paint
    qtbot.addWidget(pane)
    assert pane.stack.currentWidget() is pane.empty_label and pane.empty_label.text() == "Loading…"
    assert _listed_ids(pane) == []
    pane.fill_after_first_paint(wait_ms=60_000)  # only the paint can fill it within the wait below
    pane.show()
    qtbot.waitUntil(lambda: bool(_listed_ids(pane)), timeout=5000)
    assert _listed_ids(pane) == [ids["late"], ids["call"], ids["xmas"]]
    assert pane.stack.currentWidget() is not pane.empty_label


def test_a_sync_that_answers_before_the_first_paint_fills_the_pane_once(qtbot, clock, reminders):
    ids, _hamburg, _lagos = reminders
    pane = ReminderPane(clock, fill_now=False)
    qtbot.addWidget(pane)
    pane.fill_after_first_paint(wait_ms=60_000)
    pane.set_synced()  # the sync's answer fills it and the paint has nothing left to do
    assert _listed_ids(pane) == [ids["late"], ids["call"], ids["xmas"]]
    refreshed = []
    pane.refresh = lambda: refreshed.append(True)
    pane.show()
    qtbot.waitExposed(pane)
    qtbot.wait(50)
    assert refreshed == []
