"""Done and Snooze in the running window: Done on a follow-up asks what happened, logs it and moves the
follow-up, so the customer leaves the overdue count; Snooze moves the day; Ctrl+Z takes either back."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt

from trade_crm.domain.clock import FixedClock, today
from trade_crm.domain.customers.query import CustomerFilter, count_customers
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import timeline
from trade_crm.domain.reminders.sync import sync_reminders
from trade_crm.ui.reminders.pane import ReminderPane
from trade_crm.ui.reminders.scheduler import ReminderScheduler
from trade_crm.ui.reminders.tray import create_notifier
from trade_crm.ui.shell.main_window import MainWindow
from trade_crm.ui.shell.reminder_controller import ReminderController


@pytest.fixture
def app(qtbot, db, db_path, clock, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    azoulay = create_customer(clock, name="Azoulay Building Materials", country="FR", rating="B",
                              follow_up_on=date(2026, 11, 11))
    window = MainWindow(clock, db_path, settings)
    qtbot.addWidget(window)
    scheduler = ReminderScheduler(clock, window, debounce_ms=10)
    ReminderController(window, clock, settings, create_notifier(window, tray_available=False), scheduler)
    window.show()
    qtbot.waitExposed(window)
    scheduler.recompute("start", at_start=True)
    yield window, azoulay
    scheduler.shutdown()


def _overdue(clock) -> int:
    return count_customers(CustomerFilter(follow_up_overdue=True), today=today(clock), now=clock.now())


def _select_only_reminder(window):
    (reminder,) = window.reminders.due()
    window.reminders.select_reminders([reminder.id])
    return reminder


def _ctrl_z(qtbot, window):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_done_asks_what_happened_logs_it_and_the_customer_is_no_longer_overdue(app, qtbot, clock):
    window, azoulay = app
    window.customer_list.select_row(0)
    card = window.timeline.header_card.follow_up_label
    qtbot.waitUntil(lambda: "(overdue)" in card.text())
    assert "1 overdue" in window.counts_label.text() and _overdue(clock) == 1
    _select_only_reminder(window)
    window.reminders.done_action.trigger()
    dialog = window.reminders.done_dialog
    assert dialog.isVisible() and "Next follow-up" in dialog.next_label.text()
    assert not dialog.log_button.isEnabled()  # nothing to log yet: "Just done" or a few words
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("whatsapp"))
    qtbot.keyClicks(dialog.summary_edit, "Wants 500 pcs, order next week")
    with qtbot.waitSignal(window.reminders.customers_changed):
        qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)
    entry = timeline(azoulay)[0]
    assert (entry.kind, entry.summary) == ("whatsapp", "Wants 500 pcs, order next week")
    assert _overdue(clock) == 0 and "overdue" not in window.counts_label.text()
    assert "(overdue)" not in card.text()  # the header card shows the next follow-up day
    assert window.reminders.due() == []
    assert window.undo_stack.canUndo()
    _ctrl_z(qtbot, window)
    assert timeline(azoulay) == []
    assert _overdue(clock) == 1 and "1 overdue" in window.counts_label.text()
    assert "(overdue)" in card.text()
    assert [r.customer_id for r in window.reminders.due()] == [azoulay]


def test_snooze_moves_the_follow_up_and_ctrl_z_brings_it_back(app, qtbot, clock):
    window, azoulay = app
    reminder = _select_only_reminder(window)
    window.reminders.snooze_for([reminder.id], timedelta(days=7))
    assert _overdue(clock) == 0 and window.reminders.due() == []
    assert window.undo_stack.undoText().startswith("Snooze")
    _ctrl_z(qtbot, window)
    assert _overdue(clock) == 1
    assert [r.id for r in window.reminders.due()] == [reminder.id]


def test_done_on_a_greeting_logs_greeted_for_each_customer_it_covered_at_once(qtbot, db):
    clock = FixedClock.at("2026-12-23 10:00", "Europe/Berlin")
    ids = [create_customer(clock, name=f"Berlin Buyer {n}", country="DE", rating="C") for n in range(2)]
    sync_reminders(clock)
    pane = ReminderPane(clock)
    qtbot.addWidget(pane)
    (greeting,) = [r for r in pane.due() if r.kind == "greeting"]
    pane.select_reminders([greeting.id])
    with qtbot.waitSignal(pane.customers_changed) as blocker:
        pane.done_action.trigger()  # no question for a greeting: it is done for everyone it covered
    assert sorted(blocker.args[0]) == sorted(ids)
    assert [(timeline(cid)[0].kind, timeline(cid)[0].summary) for cid in ids] == [
        ("greeting", "Greeted for Christmas Day")] * 2
