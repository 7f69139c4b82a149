"""Notifications: the tray backend where a tray exists, the in-window bar where none does (offscreen)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon

from trade_crm.domain.reminders.records import DueReminder
from trade_crm.ui.reminders.tray import (
    BarNotifier,
    CloseToTray,
    Notifier,
    TrayNotifier,
    badge_icon,
    create_notifier,
    raised_message,
)


def _reminder(n: int, customer_id: int | None = 7) -> DueReminder:
    return DueReminder(id=n, key=f"k{n}", kind="follow_up", due_on=date(2026, 11, 23), title=f"Follow up {n}",
                       detail="", customer_id=customer_id, customer_name="ACME", state="open")


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def test_without_a_tray_the_factory_falls_back_to_the_bar(qtbot):
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen has none
    notifier = create_notifier()
    assert isinstance(notifier, BarNotifier) and not notifier.is_tray
    qtbot.addWidget(notifier.bar)
    assert notifier.bar.isHidden()


def test_bar_shows_what_fell_due_while_away_and_opens_the_customer(qtbot):
    notifier = BarNotifier()
    qtbot.addWidget(notifier.bar)
    notifier.bar.show()
    notifier.show_away([_reminder(1)])
    assert notifier.bar.isVisible()
    assert notifier.bar.title_label.text() == "1 reminder while you were away"
    assert notifier.bar.open_button.isVisible()
    with qtbot.waitSignal(notifier.customer_requested) as blocker:
        notifier.bar.open_button.click()
    assert blocker.args == [7]
    assert not notifier.bar.isVisible()


def test_several_reminders_offer_the_list_instead_of_one_customer(qtbot):
    notifier = BarNotifier()
    qtbot.addWidget(notifier.bar)
    notifier.bar.show()
    notifier.show_raised([_reminder(n) for n in range(1, 6)])
    assert notifier.last_message == ("5 reminders due", "Follow up 1\nFollow up 2\nFollow up 3\nand 2 more")
    assert not notifier.bar.open_button.isVisible()
    with qtbot.waitSignal(notifier.reminders_requested):
        notifier.bar.list_button.click()


def test_away_message_counts_in_words():
    assert raised_message([_reminder(1), _reminder(2), _reminder(3), _reminder(4)], away=True)[0] == \
        "4 reminders while you were away"
    assert raised_message([_reminder(1)])[0] == "Reminder due"


def test_badge_draws_the_count_on_the_icon(qtbot):
    plain = QIcon()
    image = badge_icon(plain, 4).pixmap(64, 64).toImage()
    assert image.pixelColor(56, 8) == QColor("#d93025") or image.pixelColor(50, 12).red() > 200
    assert badge_icon(plain, 0).pixmap(64, 64).toImage().pixelColor(56, 8) != QColor("#d93025")


@pytest.mark.qt_log_ignore("systemTrayWindowChanged")  # offscreen has no tray window to watch
def test_tray_notifier_counts_and_routes_clicks(qtbot):
    notifier = TrayNotifier(base_icon=QIcon())
    notifier.set_due_count(3)
    assert notifier.icon.toolTip() == "Trade CRM: 3 due"
    assert [a.text() for a in notifier.menu.actions() if a.text()] == ["Open Trade CRM", "Today's reminders", "Quit"]
    notifier.show_raised([_reminder(1, customer_id=42)])
    with qtbot.waitSignal(notifier.customer_requested) as blocker:
        notifier.icon.messageClicked.emit()
    assert blocker.args == [42]
    with qtbot.waitSignal(notifier.quit_requested):
        notifier.quit_action.trigger()
    notifier.hide()


class FakeTray(Notifier):
    is_tray = True


def test_closing_hides_to_the_tray_and_says_so_the_first_time(qtbot, settings):
    window, notifier = QMainWindow(), FakeTray()
    qtbot.addWidget(window)
    CloseToTray(window, notifier, settings)
    window.show()
    window.close()
    assert window.isHidden() and notifier.last_message[0] == "Trade CRM is still running"
    notifier.last_message = ("", "")
    window.show()
    window.close()
    assert window.isHidden() and notifier.last_message == ("", "")


def test_without_a_tray_closing_closes_as_usual(qtbot, settings):
    window, notifier = QMainWindow(), BarNotifier()
    qtbot.addWidget(window)
    qtbot.addWidget(notifier.bar)
    closer = CloseToTray(window, notifier, settings)
    assert not closer.enabled()
    window.show()
    assert window.close()


def test_close_to_tray_can_be_turned_off(qtbot, settings):
    window, notifier = QMainWindow(), FakeTray()
    qtbot.addWidget(window)
    closer = CloseToTray(window, notifier, settings)
    closer.set_enabled(False)
    window.show()
    assert window.close()


def test_reminder_settings_page_saves_cadence_lead_country_tray_and_greetings(qtbot, db, settings):
    from trade_crm.domain.greetings.occasions import load_greeting_rules
    from trade_crm.domain.reminders.settings import ReminderSettings
    from trade_crm.ui.reminders.settings_page import ReminderSettingsPage

    page = ReminderSettingsPage(settings)
    qtbot.addWidget(page)
    page.cadence_spins["A"].setValue(10)
    page.lead_spin.setValue(5)
    page.country_picker.setEditText("vn")
    page.tray_check.setChecked(False)
    page.on_add_button_clicked()
    row = page.holiday_table.rowCount() - 1
    page.holiday_table.item(row, 0).setText("womens_day")
    page.holiday_table.item(row, 1).setText("International Women's Day")
    with qtbot.waitSignal(page.settings_saved):
        assert page.save()
    loaded = ReminderSettings.load()
    assert (loaded.cadence["A"], loaded.holiday_lead_days, loaded.home_country) == (10, 5, "VN")
    assert load_greeting_rules()["greetings"]["womens_day"] == ["International Women's Day"]
    assert settings.value("tray/close_to_tray", True, type=bool) is False
    page.country_picker.setEditText("1")
    assert not page.save() and page.error_label.text() == "give a two-letter country code"
