"""The outbox's book side: messages queued all or none with their Message-ID fixed, and the user's moves
(pause, resume, edit, cancel, retry) allowed only where a message has not gone."""

from datetime import timedelta

import pytest

from tests.domain.mail.helpers import account
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.mail import accounts
from trade_crm.domain.mail.messages import Address
from trade_crm.domain.mail.outbox import (
    cancel_entries,
    cancel_on_reply,
    edit_entry,
    outbox_entries,
    outbox_entry,
    pause_entries,
    queue_drafts,
    resume_entries,
    retry_entries,
)
from trade_crm.domain.mail.outgoing import Draft, OutboxState, OutgoingFile
from trade_crm.store.models import OutboxMessage


def draft(account_id, to="hans@mueller-haustechnik.de", **kwargs):
    return Draft(account_id, (Address(to, "Hans Müller"),), kwargs.pop("subject", "Merry Christmas"),
                 kwargs.pop("text", "Dear Hans,\nMerry Christmas!"), **kwargs)


def test_queued_messages_keep_everything_and_get_a_message_id_at_the_accounts_domain(db, clock):
    acc = account(clock)
    customer = create_customer(clock, name="Müller Haustechnik GmbH", country="DE")
    send_at = clock.now() + timedelta(days=2)
    [entry] = queue_drafts([draft(acc.id, to=" Hans@Mueller-Haustechnik.DE ", customer_id=customer,
                                  cc=(Address("buyer@mueller-haustechnik.de"),), send_at=send_at,
                                  attachments=(OutgoingFile("/tmp/catalog.pdf", "catalog.pdf", 1200,
                                                            "application/pdf"),),
                                  template="greeting_christmas/de", purpose="greeting:christmas:2026",
                                  cancel_on_reply=True)], clock)
    assert entry.state is OutboxState.QUEUED and entry.attempts == 0
    assert entry.message_id.endswith("@sunrise-lighting.cn") and "<" not in entry.message_id
    assert entry.to == (Address("hans@mueller-haustechnik.de", "Hans Müller"),)
    assert entry.recipients[1].email == "buyer@mueller-haustechnik.de"
    assert entry.send_at == send_at and entry.customer_id == customer and entry.cancel_on_reply
    assert entry.attachments[0].name == "catalog.pdf" and entry.purpose == "greeting:christmas:2026"
    assert outbox_entry(entry.id) == entry


@pytest.mark.parametrize(("field", "bad"), [
    ("to", {"to": "not an address"}), ("subject", {"subject": "  "}), ("account", {"account_id": 999}),
])
def test_one_bad_draft_queues_nothing_and_names_the_message_and_field(db, clock, field, bad):
    acc = account(clock)
    good = draft(acc.id)
    bad_draft = draft(bad.get("account_id", acc.id), **{k: v for k, v in bad.items() if k != "account_id"})
    with pytest.raises(ValidationError) as refused:
        queue_drafts([good, bad_draft], clock)
    assert refused.value.field == field and "message 2" in str(refused.value)
    assert OutboxMessage.select().count() == 0


def test_pause_resume_cancel_and_retry_move_only_the_messages_that_have_not_gone(db, clock):
    acc = account(clock)
    first, second, third = queue_drafts([draft(acc.id), draft(acc.id), draft(acc.id)], clock)
    OutboxMessage.update(state="sent").where(OutboxMessage.id == third.id).execute()
    assert pause_entries([first.id, third.id], clock) == 1
    assert outbox_entry(first.id).state is OutboxState.PAUSED
    assert resume_entries([first.id], clock) == 1
    assert cancel_entries([second.id, third.id], clock) == 1  # the sent one stays sent
    assert [e.state for e in outbox_entries()] == [OutboxState.QUEUED, OutboxState.CANCELLED, OutboxState.SENT]
    OutboxMessage.update(state="failed", attempts=5, last_error="550 no such user").where(
        OutboxMessage.id == first.id).execute()
    assert retry_entries([first.id], clock) == 1
    again = outbox_entry(first.id)
    assert (again.state, again.attempts, again.last_error) == (OutboxState.QUEUED, 0, "")
    assert [e.id for e in outbox_entries(states=[OutboxState.CANCELLED])] == [second.id]


def test_editing_changes_a_waiting_message_and_refuses_a_sent_one(db, clock):
    acc = account(clock)
    entry, sent = queue_drafts([draft(acc.id), draft(acc.id)], clock)
    later = clock.now() + timedelta(hours=3)
    edited = edit_entry(entry.id, clock, subject="Season's greetings", text="Dear Hans,\nall the best", send_at=later)
    assert (edited.subject, edited.text, edited.send_at, edited.message_id) == (
        "Season's greetings", "Dear Hans,\nall the best", later, entry.message_id)
    with pytest.raises(ValidationError):
        edit_entry(entry.id, clock, subject=" ")
    OutboxMessage.update(state="sent").where(OutboxMessage.id == sent.id).execute()
    with pytest.raises(ValidationError) as refused:
        edit_entry(sent.id, clock, text="too late")
    assert refused.value.field == "state"


def test_a_reply_cancels_only_that_customers_planned_follow_ups(db, clock):
    acc = account(clock)
    hans = create_customer(clock, name="Müller Haustechnik GmbH")
    omar = create_customer(clock, name="Al Noor Trading LLC")
    chaser, plain, other = queue_drafts([
        draft(acc.id, customer_id=hans, cancel_on_reply=True), draft(acc.id, customer_id=hans),
        draft(acc.id, customer_id=omar, cancel_on_reply=True)], clock)
    assert cancel_on_reply(hans, clock) == 1
    assert [outbox_entry(i).state for i in (chaser.id, plain.id, other.id)] == [
        OutboxState.CANCELLED, OutboxState.QUEUED, OutboxState.QUEUED]


def test_an_accounts_sending_side_is_kept_and_checked(db, clock):
    acc = account(clock)
    changed = accounts.update_account(acc.id, smtp_host="SMTP.exmail.qq.com", smtp_port=465, signature="Ann Li\nSales",
                                      send_interval_seconds=30, daily_cap=400)
    assert (changed.smtp_host, changed.smtp_security, changed.signature, changed.daily_cap) == (
        "smtp.exmail.qq.com", "ssl", "Ann Li\nSales", 400)
    for field, value in (("smtp_port", 70000), ("smtp_security", "none"), ("daily_cap", -1)):
        with pytest.raises(ValidationError) as refused:
            accounts.update_account(acc.id, **{field: value})
        assert refused.value.field == field
