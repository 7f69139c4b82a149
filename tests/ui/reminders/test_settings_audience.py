"""Settings › Reminders: each greeting says whether it also goes to leads nobody has spoken to yet."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from trade_crm.domain.greetings.occasions import GREETING_RULES, greeting_audience, load_greeting_rules
from trade_crm.ui.reminders.settings_page import AUDIENCE_COLUMN, GREETING_ID_ROLE, ReminderSettingsPage


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def _row(page: ReminderSettingsPage, gid: str) -> int:
    return next(r for r in range(page.holiday_table.rowCount()) if page.holiday_table.item(r, 0).data(GREETING_ID_ROLE) == gid)


def test_a_greeting_opened_to_all_customers_is_saved_and_shown_checked_again(qtbot, db, settings):
    page = ReminderSettingsPage(settings)
    qtbot.addWidget(page)
    item = page.holiday_table.item(_row(page, "christmas"), AUDIENCE_COLUMN)
    assert item.checkState() == Qt.CheckState.Unchecked  # by default: only customers someone is in touch with
    item.setCheckState(Qt.CheckState.Checked)
    assert page.save()
    rules = load_greeting_rules()
    assert greeting_audience(rules, "christmas") == "all"
    assert greeting_audience(rules, "diwali") == "contacted"
    again = ReminderSettingsPage(settings)
    qtbot.addWidget(again)
    assert again.holiday_table.item(_row(again, "christmas"), AUDIENCE_COLUMN).checkState() == Qt.CheckState.Checked


def test_a_page_saved_unchanged_keeps_the_provided_list(qtbot, db, settings):
    page = ReminderSettingsPage(settings)
    qtbot.addWidget(page)
    assert page.save()
    assert GREETING_RULES.read() == {}
