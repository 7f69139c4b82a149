from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QToolButton

from trade_crm.domain.customers import create_customer
from trade_crm.domain.reminders import save_reminder
from trade_crm.store.models import Reminder
from trade_crm.ui.reminder_pane import ReminderPane


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
    tree = pane.tree
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def _listed_ids(pane):
    tree = pane.tree
    return [tree.topLevelItem(g).child(i).data(0, Qt.ItemDataRole.UserRole)
            for g in range(tree.topLevelItemCount()) for i in range(tree.topLevelItem(g).childCount())]


def _button(pane, name):
    button = pane.findChild(QToolButton, name)
    assert button is not None, name
    return button


def test_nothing_due_shows_the_empty_state(db, pane):
    assert pane.due_count() == 0
    assert pane.stack.currentWidget() is pane.empty_label
    assert pane.empty_label.text() == "Nothing due today"


def test_due_reminders_are_grouped_by_kind_with_counts_overdue_first(pane, reminders):
    pane.refresh()
    assert pane.due_count() == 3
    assert _groups(pane) == ["Follow-ups (2)", "Greetings (1)"]
    follow_ups = pane.tree.topLevelItem(0)
    assert follow_ups.child(0).text(0) == "Send price list — Lagos Trading"
    assert follow_ups.child(0).text(1) == "3 days overdue"
    assert follow_ups.child(1).text(1) == "Today"


def test_done_removes_the_item(pane, reminders, qtbot):
    ids, *_ = reminders
    pane.refresh()
    with qtbot.waitSignal(pane.reminders_changed):
        qtbot.mouseClick(_button(pane, f"done_{ids['call']}"), Qt.MouseButton.LeftButton)
    assert pane.due_count() == 2
    assert Reminder.get_by_id(ids["call"]).state == "done"
    assert ids["call"] not in _listed_ids(pane)
    assert _groups(pane) == ["Follow-ups (1)", "Greetings (1)"]


def test_snooze_one_day_hides_it_until_the_clock_passes(pane, reminders, clock, qtbot):
    ids, *_ = reminders
    pane.refresh()
    one_day = _button(pane, f"snooze_{ids['late']}").menu().actions()[0]
    with qtbot.waitSignal(pane.reminders_changed):
        one_day.trigger()
    assert ids["late"] not in _listed_ids(pane)
    clock.advance(timedelta(hours=23))
    pane.refresh()
    assert ids["late"] not in [r.id for r in pane.due()]
    clock.advance(timedelta(hours=1, minutes=1))
    pane.refresh()
    assert ids["late"] in _listed_ids(pane)


def test_snooze_to_a_picked_day_wakes_at_the_start_of_that_day(pane, reminders, clock):
    ids, *_ = reminders
    pane.refresh()
    pane.snooze_until_day(ids["call"], QDate(2026, 11, 26))
    row = Reminder.get_by_id(ids["call"])
    assert row.state == "snoozed"
    assert row.snoozed_until.astimezone(clock.zone).isoformat() == "2026-11-26T09:00:00+08:00"


def test_open_customer_emits_the_id(pane, reminders, qtbot):
    ids, hamburg, lagos = reminders
    pane.refresh()
    with qtbot.waitSignal(pane.open_customer_requested) as blocker:
        qtbot.mouseClick(_button(pane, f"open_{ids['late']}"), Qt.MouseButton.LeftButton)
    assert blocker.args == [lagos]
    with qtbot.waitSignal(pane.open_customer_requested) as blocker:
        qtbot.mouseClick(_button(pane, f"open_{ids['xmas']}"), Qt.MouseButton.LeftButton)
    assert blocker.args == [hamburg]  # a greeting opens the first customer it covers


def test_prepare_greetings_is_offered_only_on_greeting_reminders(pane, reminders, qtbot):
    ids, _hamburg, _lagos = reminders
    pane.refresh()
    assert pane.findChild(QToolButton, f"greet_{ids['late']}") is None
    with qtbot.waitSignal(pane.prepare_greetings_requested) as blocker:
        qtbot.mouseClick(_button(pane, f"greet_{ids['xmas']}"), Qt.MouseButton.LeftButton)
    assert blocker.args == [ids["xmas"]]
