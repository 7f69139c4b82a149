"""File › Quit really quits (close-to-tray is for the close button), the tray's Today's reminders shows the
pane, View › Language saves the choice and restarts the same command, and the Chinese title names the app once."""

from __future__ import annotations

import sys
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from trade_crm.app import build_main_window, relaunch, restart_command, set_display_name
from trade_crm.domain.customers.records import create_customer
from trade_crm.ui.reminders.scheduler import ReminderScheduler
from trade_crm.ui.reminders.tray import CLOSE_EXPLAINED_KEY, create_notifier
from trade_crm.ui.shell.reminder_controller import ReminderController
from trade_crm.ui.shell.settings_dialog import LANGUAGE


@pytest.fixture
def tray_app(qtbot, db, db_path, clock, settings, monkeypatch):
    """The full window (with its Dashboard tab) and a tray notifier, as run_gui builds them."""
    create_customer(clock, name="Nordic Lights AB", country="SE", follow_up_on=date(2026, 11, 20))
    quits = []
    monkeypatch.setattr(QCoreApplication, "quit", lambda: quits.append(True))
    window = build_main_window(clock, db_path, settings, with_demo=False)
    qtbot.addWidget(window)
    notifier = create_notifier(window, tray_available=True)
    scheduler = ReminderScheduler(clock, window, debounce_ms=10)
    controller = ReminderController(window, clock, settings, notifier, scheduler)
    window.show()
    qtbot.waitExposed(window)
    yield window, notifier, controller, quits
    scheduler.shutdown()
    notifier.hide()


# offscreen has no tray window to watch and cannot raise a window
TRAY = pytest.mark.qt_log_ignore("systemTrayWindowChanged", "This plugin does not support raise")


@TRAY
def test_the_close_button_hides_to_the_tray_and_says_so_once(tray_app, settings):
    window, notifier, _controller, quits = tray_app
    event = QCloseEvent()
    QApplication.sendEvent(window, event)
    assert not event.isAccepted() and window.isHidden() and not quits
    assert "Ctrl+Q" in notifier.last_message[1] and settings.value(CLOSE_EXPLAINED_KEY, type=bool)


@TRAY
def test_file_quit_ends_the_app_even_with_close_to_tray_on(tray_app):
    window, _notifier, controller, quits = tray_app
    assert controller.close_to_tray.enabled()
    window.actions.quit.trigger()
    assert quits == [True]
    assert not window.isVisible() and window.quitting


@TRAY
def test_todays_reminders_in_the_tray_shows_the_customers_tab_and_focuses_the_pane(tray_app, qtbot):
    window, notifier, _controller, _quits = tray_app
    tabs = window.customer_list.parentWidget().parentWidget()
    tabs.setCurrentIndex(2)  # the Dashboard, where the pane is hidden
    assert not window.reminders.isVisible()
    notifier.reminders_action.trigger()
    assert tabs.currentWidget() is window.customer_list
    assert window.reminders.isVisible()
    qtbot.waitUntil(lambda: window.reminders.tree.hasFocus())


def test_view_language_saves_the_choice_and_restarts_when_asked(make_window, settings, monkeypatch):
    quits = []
    monkeypatch.setattr(QCoreApplication, "quit", lambda: quits.append(True))
    window = make_window(language="en")
    assert window.actions.languages["en"].isChecked()
    assert [a.text() for a in window.actions.language_menu.actions()] == ["English", "中文"]
    monkeypatch.setattr(window, "confirm_restart", lambda: False)
    window.actions.languages["zh_CN"].trigger()
    assert LANGUAGE.read(QSettings(settings.fileName(), QSettings.Format.IniFormat)) == "zh_CN"
    assert not window.restart_requested and not quits and window.isVisible()
    monkeypatch.setattr(window, "confirm_restart", lambda: True)
    window.actions.languages["zh_CN"].trigger()
    assert window.restart_requested and quits == [True]


def test_choosing_the_language_already_shown_asks_nothing(make_window, monkeypatch):
    window = make_window(language="en")
    monkeypatch.setattr(window, "confirm_restart", lambda: pytest.fail("nothing to restart for"))
    window.actions.languages["en"].trigger()
    assert not window.restart_requested


def test_restart_command_starts_the_same_program_with_the_same_arguments():
    python = "/usr/bin/python3"
    assert restart_command(["/venv/bin/trade-crm", "--db", "b.db"], python, False) == (
        python, ["/venv/bin/trade-crm", "--db", "b.db"])
    assert restart_command(["/src/trade_crm/__main__.py", "gui"], python, False) == (
        python, ["-m", "trade_crm", "gui"])
    assert restart_command(["C:/venv/Scripts/trade-crm-gui.exe"], python, False) == (
        "C:/venv/Scripts/trade-crm-gui.exe", [])
    assert restart_command(["/opt/trade-crm/trade-crm", "--db", "b.db"], "/opt/trade-crm/trade-crm", True) == (
        "/opt/trade-crm/trade-crm", ["--db", "b.db"])


def test_relaunch_really_starts_the_command(tmp_path, qtbot):
    marker = tmp_path / "started"
    script = tmp_path / "again.py"
    script.write_text(f"import sys\nopen({str(marker)!r}, 'w').write(' '.join(sys.argv[1:]))\n")
    assert relaunch(restart_command([str(script), "--db", "b.db"], sys.executable, False))
    qtbot.waitUntil(lambda: marker.exists() and marker.read_text() != "", timeout=20_000)
    assert marker.read_text() == "--db b.db"


def test_the_chinese_title_names_the_app_once(chinese, make_window):  # noqa: F811
    window = make_window(language="zh_CN")
    app = QGuiApplication.instance()
    before = app.applicationDisplayName()
    try:
        set_display_name(app)
        # Qt appends the display name unless the title already ends with it.
        assert window.windowTitle().endswith(app.applicationDisplayName())
        assert "外贸" in window.windowTitle()
    finally:
        app.setApplicationDisplayName(before)
