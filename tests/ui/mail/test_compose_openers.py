"""The ways into the compose dialog from the main window: the customer list's right-click menu, a contact's
address on the customer card, a follow-up reminder, and a greeting reminder's Send greetings… (the holiday's
template in each customer's language, one message per customer, never one BCC)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QUrl

from trade_crm.app import build_main_window
from trade_crm.domain.clock import FixedClock
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.mail.accounts import add_account
from trade_crm.domain.mail.outbox import outbox_entries
from trade_crm.domain.reminders.sync import sync_reminders
from trade_crm.ui.mail.compose_dialog import ComposeDialog


class NoRunner:
    """The outbox's runner stays out of these tests (tests/ui/mail/test_outbox_runner.py sends for real)."""

    def messages_queued(self, _ids=None) -> None:
        pass


@pytest.fixture
def eid(db):
    """An Eid al-Fitr greeting reminder over two Saudi customers, one without an email address."""
    clock = FixedClock.at("2026-03-16 09:00", "Asia/Shanghai")
    add_account("li.wei@sunrise-lighting.cn", host="imap.sunrise-lighting.cn", clock=clock,
                smtp_host="smtp.sunrise-lighting.cn")
    omar = create_customer(clock, name="Al-Farsi Trading", country="SA", rating="B", contacts=[
        ContactInput(name="Omar Al-Farsi", emails=("omar@alfarsi.example", "sales@alfarsi.example"),
                     is_primary=True),
        ContactInput(name="Layla Haddad", emails=("layla@alfarsi.example",))])
    ana = create_customer(clock, name="Bravo Import LLC", country="SA", rating="B", preferred_language="en", contacts=[
        ContactInput(name="Ana Bravo")])
    (reminder,) = [r for r in sync_reminders(clock).new if r.kind == "greeting"]
    return clock, reminder, omar, ana


@pytest.fixture
def window(qtbot, eid, db_path, tmp_path, monkeypatch):
    clock = eid[0]
    window = build_main_window(clock, db_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                               with_demo=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    monkeypatch.setattr(window.mail_controller.out, "runner", NoRunner())
    return window


def composer(window) -> ComposeDialog:
    [dialog] = [d for d in window.mail_controller.out.composers if d.isVisible()]
    return dialog


def test_send_greetings_on_a_greeting_reminder_composes_with_the_holidays_template(window, eid, qtbot):
    _, reminder, omar, ana = eid
    pane = window.reminders
    pane.select_reminders([reminder.id])
    assert pane.email_action.isVisible() and pane.email_action.text() == "Send greetings…"
    with qtbot.waitSignal(pane.send_greetings_requested):
        pane.email_action.trigger()
    dialog = composer(window)
    assert dialog.template_key() == "greeting.eid_al_fitr"
    assert [r.customer_id for r in dialog.recipients] == [omar, ana]
    dialog.refresh_previews()
    assert "No email address for Ana Bravo (Bravo Import LLC)." in dialog.form.body_error.text()
    assert not dialog.form.send_button.isEnabled()
    dialog.form.recipients_table.selectRow(1)
    dialog.on_remove_button_clicked()
    dialog.refresh_previews()
    assert dialog.form.send_button.isEnabled()
    assert "عيد" in dialog.previews[0].text and "Omar Al-Farsi" in dialog.previews[0].text  # Arabic: SA
    dialog.send()
    [entry] = outbox_entries()
    assert (entry.purpose, entry.customer_id, [a.email for a in entry.recipients]) == (
        "greeting:eid_al_fitr:2026", omar, ["omar@alfarsi.example"])
    assert "Omar Al-Farsi" in entry.text


def test_write_email_on_the_list_writes_one_message_per_selected_customer(window, eid, qtbot):
    _, _, omar, ana = eid
    out = window.mail_controller.out
    table = window.customer_list.table
    assert out.write_action in table.actions()
    listed = table.actions()
    assert listed.index(out.write_action) == listed.index(window.actions.log_interaction) + 1
    window.customer_list.select_customer(omar)
    out.write_action.trigger()
    dialog = composer(window)
    assert [(r.customer_id, r.email) for r in dialog.recipients] == [(omar, "omar@alfarsi.example")]
    picker = dialog.on_to_button_clicked()
    assert [c.email for c in picker.choices] == ["omar@alfarsi.example", "sales@alfarsi.example",
                                                 "layla@alfarsi.example"]


def test_a_contacts_address_on_the_card_composes_to_that_contact(window, eid, qtbot):
    _, _, omar, _ = eid
    window.customer_list.select_customer(omar)
    qtbot.waitUntil(lambda: window.timeline.customer_id() == omar)
    window.timeline.on_header_card_link_activated("mailto:layla@alfarsi.example")
    dialog = composer(window)
    assert [(r.contact_name, r.email) for r in dialog.recipients] == [("Layla Haddad", "layla@alfarsi.example")]


def test_other_links_on_the_card_open_as_before(window, eid, qtbot, monkeypatch):
    _, _, omar, _ = eid
    opened = []
    out = window.mail_controller.out
    window.customer_list.select_customer(omar)
    qtbot.waitUntil(lambda: window.timeline.customer_id() == omar)
    assert out.open_url(QUrl("https://wa.me/966500000000"), opened.append) is None
    assert out.open_url(QUrl("mailto:stranger@example.com"), opened.append) is None
    assert [u.toString() for u in opened] == ["https://wa.me/966500000000", "mailto:stranger@example.com"]
    assert out.composers == []


def test_write_email_on_a_follow_up_reminder_writes_to_its_customer(window, eid, qtbot):
    _, _, omar, _ = eid
    with qtbot.waitSignal(window.reminders.write_email_requested) as asked:
        window.reminders.write_email_requested.emit([omar])
    assert asked.args == [[omar]]
    dialog = composer(window)
    assert [r.customer_id for r in dialog.recipients] == [omar]


def test_a_greeting_already_in_the_outbox_is_not_composed_twice(window, eid, qtbot):
    _, reminder, omar, ana = eid
    out = window.mail_controller.out
    first = out.compose_greetings(reminder.id)
    first.form.recipients_table.selectRow(1)
    first.on_remove_button_clicked()
    assert len(first.send()) == 1
    again = out.compose_greetings(reminder.id)
    assert [r.customer_id for r in again.recipients] == [ana]
    assert "1 customer(s) left out" in window.statusBar().currentMessage()
    assert [e.customer_id for e in outbox_entries()] == [omar]
