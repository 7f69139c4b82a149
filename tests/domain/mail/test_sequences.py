"""Sequences light: a quotation or sample entry gets one follow-up mail N days later at the customer's morning,
cancelled when the customer writes back (not by an auto-reply, not by an older message synced late)."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from tests.domain.mail.helpers import account, at, mail
from trade_crm.domain.clock import FixedClock
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.mail.messages import AUTO_REPLY
from trade_crm.domain.mail.outbox import outbox_entry
from trade_crm.domain.mail.outgoing import OutboxState
from trade_crm.domain.mail.record import record_mail
from trade_crm.domain.mail.sequences import schedule_follow_up

QUOTED = datetime(2026, 11, 20, 2, 0, tzinfo=timezone.utc)  # Friday, 10:00 in Ningbo


@pytest.fixture
def quoted(db):
    clock = FixedClock.at("2026-11-20 10:30", "Asia/Shanghai")
    hans = create_customer(clock, name="Müller Haustechnik GmbH", country="DE", contacts=[
        ContactInput(name="Hans Müller", emails=("hans@mueller-haustechnik.de",))])
    entry = log_interaction(hans, "quotation", "Q-118: 500 LED panels", clock, occurred_at=QUOTED)
    return clock, hans, entry, account(clock)


def test_a_quotation_gets_its_chaser_a_week_later_at_the_customers_morning(quoted):
    clock, hans, entry, box = quoted
    follow_up = schedule_follow_up(entry, box.id, clock)
    local = follow_up.send_at.astimezone(ZoneInfo("Europe/Berlin"))
    assert local.date().isoformat() == "2026-11-27" and local.time() == time(9)  # Friday + 7 days, 09:00 Berlin
    assert follow_up.cancel_on_reply and follow_up.purpose == f"sequence:{entry}"
    assert follow_up.customer_id == hans and "Angebot vom 2026-11-20" in follow_up.text
    assert follow_up.template == "quotation_chaser/de"
    assert schedule_follow_up(entry, box.id, clock).id == follow_up.id  # once per entry
    two_days = schedule_follow_up(log_interaction(hans, "sample", "Samples by DHL", clock), box.id, clock, days=3)
    assert two_days.send_at.astimezone(local.tzinfo).date().isoformat() == "2026-11-23"  # Fri + 3 = Mon
    assert "Muster" in two_days.subject


def test_only_quotations_and_samples_get_a_follow_up(quoted):
    clock, hans, entry, box = quoted
    note = log_interaction(hans, "note", "Called about the catalogue", clock)
    with pytest.raises(ValidationError) as caught:
        schedule_follow_up(note, box.id, clock)
    assert caught.value.field == "kind"
    with pytest.raises(ValidationError):
        schedule_follow_up(entry, box.id, clock, days=0)


def test_a_reply_from_the_customer_cancels_the_follow_up_an_auto_reply_does_not(quoted):
    clock, _hans, entry, box = quoted
    follow_up = schedule_follow_up(entry, box.id, clock)
    sent = clock.now() + timedelta(hours=2)
    away = record_mail([(mail("Out of office", auto=AUTO_REPLY, sent_at=sent), at(box.id))], clock=clock)
    assert away.follow_ups_cancelled == 0 and outbox_entry(follow_up.id).state is OutboxState.QUEUED
    old = record_mail([(mail("Last year's order", sent_at=clock.now() - timedelta(days=300)), at(box.id))],
                      clock=clock)
    assert old.matched == 1 and old.follow_ups_cancelled == 0  # written before the follow-up was planned
    reply = record_mail([(mail("Re: Q-118", sent_at=sent), at(box.id))], clock=clock)
    assert reply.follow_ups_cancelled == 1
    cancelled = outbox_entry(follow_up.id)
    assert cancelled.state is OutboxState.CANCELLED and cancelled.last_error == "the customer replied"
