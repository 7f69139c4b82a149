"""Settings › Reminders: the one country picker for "My own country", greeting rules by name."""

import pytest
from PySide6.QtCore import QSettings

from trade_crm.domain.greetings.occasions import load_greeting_rules
from trade_crm.domain.reminders.settings import ReminderSettings
from trade_crm.ui.common.country_combo import CountryPicker
from trade_crm.ui.reminders.settings_page import GREETING_ID_ROLE, ReminderSettingsPage


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def greeting_cells(page):
    return [(page.holiday_table.item(r, 0).text(), page.holiday_table.item(r, 0).data(GREETING_ID_ROLE))
            for r in range(page.holiday_table.rowCount())]


def test_own_country_is_picked_by_any_name_and_greetings_show_names_not_ids(qtbot, db, settings):
    page = ReminderSettingsPage(settings)
    qtbot.addWidget(page)
    assert isinstance(page.country_picker, CountryPicker)
    assert page.country_picker.currentText() == "China"  # the stored "CN", by name
    cells = greeting_cells(page)
    assert ("Lunar New Year", "lunar_new_year") in cells and ("Eid al-Fitr", "eid_al_fitr") in cells
    assert ("National Day", "national_day") in cells
    assert all("_" not in text for text, _ in cells)
    page.country_picker.setEditText("Việt Nam")
    assert page.save()
    assert ReminderSettings.load().home_country == "VN"
    assert set(load_greeting_rules()["greetings"]) >= {"lunar_new_year", "eid_al_fitr"}  # ids kept as they were


def test_a_greeting_added_by_name_gets_an_id_from_it(qtbot, db, settings):
    page = ReminderSettingsPage(settings)
    qtbot.addWidget(page)
    page.on_add_button_clicked()
    row = page.holiday_table.rowCount() - 1
    page.holiday_table.item(row, 0).setText("Women's Day")
    page.holiday_table.item(row, 1).setText("International Women's Day")
    assert page.save()
    assert load_greeting_rules()["greetings"]["women_s_day"] == ["International Women's Day"]
