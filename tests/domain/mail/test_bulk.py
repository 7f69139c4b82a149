"""Bulk, one by one: a greeting reminder or a customer list becomes one draft per recipient in their language at
their morning, queued in one transaction; a recipient without an email or a merge value is a problem, and the
same greeting is never queued twice for a customer."""

from __future__ import annotations

from datetime import datetime, time, timezone

import pytest

from tests.domain.mail.helpers import account
from trade_crm.domain.clock import FixedClock
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.mail.bulk import AT_NOW, plan_bulk, plan_greeting, queue_plan
from trade_crm.domain.mail.merge import MY_NAME
from trade_crm.domain.mail.outbox import cancel_entries, outbox_entries
from trade_crm.domain.mail.planning import SEND_WINDOW, PlanSettings, account_plan_settings
from trade_crm.domain.mail.templates import TemplateNotFoundError
from trade_crm.domain.reminders.sync import sync_reminders
from trade_crm.store.models import MailAccount

EID_MONDAY = FixedClock.at("2026-03-16 09:00", "Asia/Shanghai")  # 04:00 in Riyadh; Eid al-Fitr on the 19th/20th


@pytest.fixture
def eid(db):
    clock = EID_MONDAY
    omar = create_customer(clock, name="Al-Farsi Trading", country="SA", rating="B", contacts=[
        ContactInput(name="Omar Al-Farsi", emails=("omar@alfarsi.example",), is_primary=True)])
    ana = create_customer(clock, name="Bravo Import LLC", country="SA", rating="B", preferred_language="en", contacts=[
        ContactInput(name="Ana Bravo")])
    zaid = create_customer(clock, name="Zaid Foods", country="SA", rating="A", preferred_language="en", contacts=[
        ContactInput(name="Zaid Haddad", emails=("zaid@zaidfoods.example",))])
    (reminder,) = [r for r in sync_reminders(clock).new if r.kind == "greeting"]
    box = account(clock)
    return clock, reminder, box, omar, ana, zaid


def test_a_greeting_reminder_becomes_one_message_per_recipient_at_their_morning(eid):
    clock, reminder, box, omar, ana, zaid = eid
    MY_NAME.write("Ann Lee")
    plan = plan_greeting(reminder.id, box.id, clock)
    assert [i.recipient.customer_id for i in plan.items] == [omar, zaid]
    assert [(p.customer_id, p.field) for p in plan.problems] == [(ana, "email")]  # listed, not dropped
    arabic, english = plan.items
    assert arabic.language == "ar" and "عيد فطر مبارك" in arabic.draft.text and "Omar Al-Farsi" in arabic.draft.text
    assert english.draft.subject == "Eid Mubarak!" and english.draft.text.startswith("Dear Zaid Haddad,")
    assert english.draft.to[0].email == "zaid@zaidfoods.example" and english.draft.template == "greeting.eid_al_fitr/en"
    assert arabic.zone == "Asia/Riyadh" and arabic.local_send_at.time() == time(9)
    assert english.local_send_at.date() == arabic.local_send_at.date() and english.local_send_at.time() == time(9, 0, 20)
    assert {i.draft.purpose for i in plan.items} == {"greeting:eid_al_fitr:2026"}
    result = queue_plan(plan, clock)
    assert [e.customer_id for e in result.entries] == [omar, zaid]
    assert [e.send_at for e in result.entries] == [i.draft.send_at for i in plan.items]


def test_queueing_the_same_greeting_twice_queues_it_once(eid):
    clock, reminder, box, omar, _ana, zaid = eid
    first = plan_greeting(reminder.id, box.id, clock)
    second = plan_greeting(reminder.id, box.id, clock)  # made before the first is queued: a second window
    queue_plan(first, clock)
    again = queue_plan(second, clock)
    assert again.entries == () and again.duplicates == (omar, zaid)
    third = plan_greeting(reminder.id, box.id, clock)
    assert third.items == () and [d.customer_id for d in third.duplicates] == [omar, zaid]
    assert len(outbox_entries()) == 2
    cancel_entries([e.id for e in outbox_entries() if e.customer_id == zaid], clock)
    assert [i.recipient.customer_id for i in plan_greeting(reminder.id, box.id, clock).items] == [zaid]


def test_a_customer_greeted_already_is_not_mailed(eid):
    clock, reminder, box, omar, _ana, zaid = eid
    log_interaction(zaid, "greeting", "Eid greeting by phone", clock)
    plan = plan_greeting(reminder.id, box.id, clock)
    assert [i.recipient.customer_id for i in plan.items] == [omar]
    assert [(d.customer_id, d.message) for d in plan.duplicates] == [(zaid, "Zaid Foods: greeted already")]


def test_a_chaser_takes_the_latest_quotation_and_a_customer_without_one_is_a_problem(db):
    clock = FixedClock.at("2026-11-16 07:00", "Asia/Shanghai")
    hans = create_customer(clock, name="Müller Haustechnik GmbH", country="DE", contacts=[
        ContactInput(name="Hans Müller", emails=("hans@mueller.example",))])
    rosa = create_customer(clock, name="Rosa Lighting", country="US", contacts=[
        ContactInput(name="Rosa Diaz", emails=("rosa@rosa.example",))])
    log_interaction(hans, "quotation", "Q-118: 500 LED panels", clock,
                    occurred_at=datetime(2026, 11, 2, 3, 0, tzinfo=timezone.utc))
    box = account(clock)
    plan = plan_bulk([hans, rosa, 424242], "quotation_chaser", box.id, clock)
    (item,) = plan.items
    assert item.language == "de" and "Angebot vom 2026-11-02" in item.draft.text
    assert item.local_send_at.isoformat() == "2026-11-16T09:00:00+01:00"
    assert [(p.customer_id, p.field) for p in plan.problems] == [(rosa, "entry.date"), (424242, "customer")]
    assert "Rosa Diaz (Rosa Lighting)" in plan.problems[0].message


def test_send_now_or_at_a_given_time_and_bad_input(db):
    clock = FixedClock.at("2026-11-16 07:00", "Asia/Shanghai")
    hans = create_customer(clock, name="Müller Haustechnik GmbH", country="DE", contacts=[
        ContactInput(name="Hans Müller", emails=("hans@mueller.example",))])
    box = account(clock)
    assert plan_bulk([hans], "greeting.default", box.id, clock, at=AT_NOW, extra={"holiday.name": "Fest"}
                     ).items[0].draft.send_at is None
    at = datetime(2026, 11, 20, 8, 30, tzinfo=timezone.utc)
    assert plan_bulk([hans], "blank", box.id, clock, at=at).problems[0].field == "subject"  # blank: no subject
    assert plan_bulk([hans], "thank_you_fair", box.id, clock, at=at, extra={"fair.name": "Canton Fair"}
                     ).items[0].draft.send_at == at
    with pytest.raises(TemplateNotFoundError):
        plan_bulk([hans], "newsletter", box.id, clock)
    with pytest.raises(ValidationError):
        plan_bulk([hans], "blank", box.id + 1, clock)
    with pytest.raises(ValidationError):
        plan_bulk([hans], "blank", box.id, clock, at="tomorrow")


def test_the_accounts_pace_and_cap_and_the_books_window_shape_the_plan(db):
    clock = FixedClock.at("2026-11-16 07:00", "Asia/Shanghai")
    qq = account(clock, "li@qq.com", provider="qq")
    assert account_plan_settings(qq.id) == PlanSettings(time(9), time(11), 20, 500)  # QQ's cap: 500 a day
    MailAccount.update(daily_cap=2, send_interval_seconds=90).where(MailAccount.id == qq.id).execute()
    SEND_WINDOW.write("08:00-08:30")
    assert account_plan_settings(qq.id) == PlanSettings(time(8), time(8, 30), 90, 2)
    people = [create_customer(clock, name=f"Buyer {n}", country="DE", contacts=[
        ContactInput(name=f"Buyer {n}", emails=(f"b{n}@buyer{n}.example",))]) for n in range(3)]
    plan = plan_bulk(people, "thank_you_fair", qq.id, clock, extra={"fair.name": "Canton Fair"})
    assert [i.local_send_at.isoformat() for i in plan.items] == [
        "2026-11-16T08:00:00+01:00", "2026-11-16T08:01:30+01:00", "2026-11-17T08:00:00+01:00"]
    SEND_WINDOW.write("late")  # a broken setting falls back to the default window
    assert account_plan_settings(qq.id).window_start == time(9)
