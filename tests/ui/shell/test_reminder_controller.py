"""The running app's reminder wiring: start-up recompute into the pane and the in-window bar,
book changes trigger a recompute, greetings open from the pane, and the calendar export."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication

from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.ui.reminders.greetings_dialog import GreetingsDialog
from trade_crm.ui.reminders.scheduler import ReminderScheduler
from trade_crm.ui.reminders.tray import BarNotifier, create_notifier
from trade_crm.ui.shell.main_window import MainWindow
from trade_crm.ui.shell.reminder_controller import ReminderController


@pytest.fixture
def app_parts(qtbot, db, db_path, clock, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    overdue = create_customer(clock, name="Müller Maschinenbau GmbH", country="DE", rating="A",
                              follow_up_on=date(2026, 11, 20),
                              contacts=[ContactInput(name="Jürgen Müller", emails=("jm@mm.de",))])
    window = MainWindow(clock, db_path, settings)
    qtbot.addWidget(window)
    notifier = create_notifier(window, tray_available=False)
    scheduler = ReminderScheduler(clock, window, debounce_ms=10)
    controller = ReminderController(window, clock, settings, notifier, scheduler)
    window.show()
    qtbot.waitExposed(window)
    yield window, notifier, scheduler, controller, overdue
    scheduler.shutdown()


def test_without_a_tray_the_bar_sits_in_the_window_and_closing_is_not_intercepted(app_parts):
    window, notifier, _scheduler, controller, _ = app_parts
    assert isinstance(notifier, BarNotifier)
    assert window.centralWidget().isAncestorOf(notifier.bar)
    assert not controller.close_to_tray.enabled()
    event = QCloseEvent()
    QApplication.sendEvent(window, event)
    assert event.isAccepted()


def test_start_fills_the_pane_and_says_what_fell_due_while_away(app_parts, qtbot):
    window, notifier, scheduler, _controller, overdue = app_parts
    assert window.reminders.due_count() == 0
    with qtbot.waitSignal(scheduler.away_reminders_found) as blocker:
        scheduler.start()
    assert [r.customer_id for r in blocker.args[0]] == [overdue]
    assert window.reminders.due_count() == 1
    assert notifier.due_count == 1
    assert notifier.bar.isVisibleTo(window)
    assert "away" in notifier.last_message[0]


def test_logging_the_follow_up_call_recomputes_and_clears_the_reminder(app_parts, qtbot, clock):
    window, _notifier, scheduler, _controller, overdue = app_parts
    scheduler.recompute("start", at_start=True)
    assert window.reminders.due_count() == 1
    log_interaction(overdue, "call", "Agreed the 2027 price list", clock,
                    follow_up_on=date(2026, 12, 7))
    with qtbot.waitSignal(scheduler.reminders_updated) as blocker:
        window.on_timeline_interaction_logged(overdue)  # what the quick-log bar triggers
    assert blocker.args == [0]
    assert window.reminders.due_count() == 0


def test_a_greeting_reminder_opens_the_greetings_dialog(app_parts, qtbot, clock, monkeypatch):
    window, _notifier, scheduler, controller, _ = app_parts
    create_customer(clock, name="Hamburg Tools GmbH", country="DE",
                    contacts=[ContactInput(name="Anna Schmidt", emails=("anna@ht.de",))])
    clock.advance(timedelta(days=30))  # 2026-12-23: Christmas in DE is within the 3-day lead
    scheduler.recompute("midnight")
    greetings = [r for r in window.reminders.due() if r.kind == "greeting"]
    assert greetings, [r.title for r in window.reminders.due()]
    opened = []
    monkeypatch.setattr(GreetingsDialog, "open", lambda self: opened.append(self))
    window.reminders.prepare_greetings_requested.emit(greetings[0].id)
    assert len(opened) == 1 and opened[0].parent() is window


def test_calendar_export_writes_the_coming_reminders(app_parts, tmp_path):
    window, _notifier, scheduler, controller, _ = app_parts
    scheduler.recompute("start", at_start=True)
    target = tmp_path / "reminders.ics"
    count = controller.export_calendar(target)
    text = target.read_text(encoding="utf-8")
    assert count >= 1
    assert text.startswith("BEGIN:VCALENDAR") and text.count("BEGIN:VEVENT") == count
    assert controller.export_action in window.actions.file_menu.actions()


def test_a_failed_calendar_export_says_why(app_parts, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    _window, _notifier, _scheduler, controller, _ = app_parts
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    assert controller.export_calendar(tmp_path / "no such folder" / "r.ics") == 0
    assert len(shown) == 1 and "no such folder" in shown[0]



def test_the_list_is_queried_again_only_when_a_sync_moved_follow_ups_or_a_new_day_began(
        app_parts, qtbot, clock, monkeypatch):
    window, _notifier, scheduler, _controller, _ = app_parts
    reloads = []
    original = window.customer_list.reload
    monkeypatch.setattr(window.customer_list, "reload", lambda *a, **k: reloads.append(1) or original(*a, **k))
    scheduler.recompute("start", at_start=True)  # the A customer's follow-up day is settled: the list follows
    first = len(reloads)
    scheduler.recompute("safety_net")  # nothing moved, same day: the list and its scroll stay
    assert len(reloads) == first
    clock.advance(timedelta(days=1))
    scheduler.recompute("midnight")  # a new day: overdue colours and "N days ago" change
    assert len(reloads) == first + 1
