"""Prepare greetings: texts per customer and language, copy, mail draft, greeted ticks, template saving."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from PySide6.QtCore import Qt

from trade_crm.domain.clock import FixedClock
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import timeline
from trade_crm.domain.greetings.prepare import greeting_plan, mailto_url
from trade_crm.domain.mail.templates import get_template
from trade_crm.domain.reminders.sync import sync_reminders
from trade_crm.store.models import Reminder
from trade_crm.ui.reminders.greetings_dialog import GreetingsDialog


@pytest.fixture
def eid(db):
    clock = FixedClock.at("2026-03-16 09:00", "Asia/Shanghai")
    omar = create_customer(clock, name="Al-Farsi Trading", country="SA", rating="B", contacts=[
        ContactInput(name="Omar Al-Farsi", emails=("omar@alfarsi.example",), is_primary=True)])
    ana = create_customer(clock, name="Bravo Import LLC", country="SA", rating="B", preferred_language="en", contacts=[
        ContactInput(name="Ana Bravo")])
    create_customer(clock, name="Hamburg Tools GmbH", country="DE")
    (reminder,) = [r for r in sync_reminders(clock).new if r.kind == "greeting"]
    return clock, reminder, omar, ana


def _dialog(qtbot, eid, **kwargs):
    clock, reminder, *_ = eid
    dialog = GreetingsDialog(reminder.id, clock, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def test_lists_the_customers_with_text_in_their_language(qtbot, eid):
    dialog = _dialog(qtbot, eid)
    assert "Eid al-Fitr" in dialog.heading.text() and "Saudi Arabia" in dialog.heading.text()
    assert [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())] == [
        "Al-Farsi Trading", "Bravo Import LLC"]
    assert dialog.table.item(0, 3).text() == "العربية"
    assert "Omar Al-Farsi" in dialog.body_edit.toPlainText()
    assert "عيد فطر مبارك" in dialog.body_edit.toPlainText()
    assert dialog.to_label.text() == "Omar Al-Farsi <omar@alfarsi.example>"
    dialog.table.selectRow(1)
    assert dialog.body_edit.toPlainText().startswith("Dear Ana Bravo,")
    assert not dialog.mail_button.isEnabled()  # no email address on file
    assert dialog.progress_label.text() == "0 of 2 customers greeted"


def test_language_can_be_switched_for_one_customer(qtbot, eid):
    dialog = _dialog(qtbot, eid)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("fr"))
    assert dialog.body_edit.toPlainText().startswith("Cher/Chère Omar Al-Farsi")
    assert dialog.table.item(0, 3).text() == "Français"


def test_copy_and_mail_draft(qtbot, eid):
    copied, opened = [], []
    dialog = _dialog(qtbot, eid, copy_text=copied.append, open_url=opened.append)
    dialog.copy_button.click()
    assert copied == [dialog.body_edit.toPlainText()]
    dialog.mail_button.click()
    (url,) = opened
    assert url.scheme() == "mailto" and url.path() == "omar@alfarsi.example"
    text = url.toString(url.ComponentFormattingOption.FullyEncoded)
    assert "subject=" in text and "%0D%0A" in text
    assert unquote(text.split("body=")[1]).replace("\r\n", "\n") == dialog.body_edit.toPlainText()


def test_greeted_ticks_log_the_greeting_and_finish_the_reminder(qtbot, eid):
    _, reminder, omar, ana = eid
    dialog = _dialog(qtbot, eid)
    with qtbot.waitSignal(dialog.customer_greeted) as blocker:
        dialog.table.item(0, 0).setCheckState(Qt.CheckState.Checked)
    assert blocker.args == [omar]
    assert [e.summary for e in timeline(omar) if e.kind == "greeting"] == ["Eid al-Fitr greeting sent"]
    assert Reminder.get_by_id(reminder.id).state == "open"
    assert dialog.progress_label.text() == "1 of 2 customers greeted"
    assert not dialog.table.item(0, 0).flags() & Qt.ItemFlag.ItemIsUserCheckable
    dialog.table.selectRow(1)
    with qtbot.waitSignal(dialog.reminder_completed):
        dialog.greeted_button.click()
    assert Reminder.get_by_id(reminder.id).state == "done"
    assert greeting_plan(reminder.id).greeted_count == 2


def test_save_as_template_puts_the_name_placeholder_back(qtbot, eid):
    dialog = _dialog(qtbot, eid)
    dialog.table.selectRow(1)
    dialog.body_edit.setPlainText("Hi Ana Bravo, Eid Mubarak from all of us!")
    dialog.save_template_button.click()
    saved = get_template("greeting.eid_al_fitr", "en")
    assert saved.edited and saved.text == "Hi {contact.name|customer.name}, Eid Mubarak from all of us!"


def test_mailto_link_encodes_subject_and_body():
    assert mailto_url("a@b.example", "Happy Eid!", "Dear Omar,\nBest & regards") == (
        "mailto:a@b.example?subject=Happy%20Eid%21&body=Dear%20Omar%2C%0D%0ABest%20%26%20regards")
