from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from trade_crm.domain.clock import today
from trade_crm.domain.customers import create_customer
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.reminders import dismiss, due_reminders, mark_done, save_reminder, snooze
from trade_crm.store.models import Reminder


def _due(clock):
    return due_reminders(today(clock), clock.now())


def test_due_reminders_lists_overdue_first_and_skips_future(db, clock):
    customer = create_customer(clock, name="Hamburg Tools GmbH", country="DE")
    save_reminder("follow_up:1:2026-11-23", "follow_up", date(2026, 11, 23), "Follow up", clock,
                  customer_id=customer)
    save_reminder("follow_up:1:2026-11-20", "follow_up", date(2026, 11, 20), "Overdue follow up", clock,
                  customer_id=customer)
    save_reminder("birthday:9:2026-11-30", "birthday", date(2026, 11, 30), "Later", clock)
    due = _due(clock)
    assert [r.title for r in due] == ["Overdue follow up", "Follow up"]
    assert due[0].customer_name == "Hamburg Tools GmbH"
    assert due[0].customer_id == customer
    assert due[0].is_overdue(today(clock))
    assert not due[1].is_overdue(today(clock))


def test_save_reminder_inserts_once_by_key(db, clock):
    first = save_reminder("greeting:christmas:2026", "greeting", date(2026, 11, 23), "Christmas", clock,
                          payload={"customer_ids": [3, 4]})
    again = save_reminder("greeting:christmas:2026", "greeting", date(2026, 11, 23), "Changed", clock)
    assert first.created and not again.created
    assert first.id == again.id
    assert Reminder.select().count() == 1
    (due,) = _due(clock)
    assert due.title == "Christmas"
    assert due.customer_ids == (3, 4)
    assert due.customer_id is None and due.customer_name == ""


@pytest.mark.parametrize("finish", [mark_done, dismiss])
def test_a_finished_reminder_is_never_resurrected(db, clock, finish):
    saved = save_reminder("dormant:1:2026-11", "dormant", date(2026, 11, 23), "Dormant", clock)
    finish(saved.id, clock)
    again = save_reminder("dormant:1:2026-11", "dormant", date(2026, 11, 23), "Dormant", clock)
    assert not again.created
    assert _due(clock) == []
    assert Reminder.get_by_id(saved.id).state in ("done", "dismissed")


def test_done_and_dismissed_are_final(db, clock):
    saved = save_reminder("k", "follow_up", date(2026, 11, 23), "Call", clock)
    mark_done(saved.id, clock)
    mark_done(saved.id, clock)  # a second click is harmless
    with pytest.raises(ValidationError):
        dismiss(saved.id, clock)
    with pytest.raises(ValidationError):
        snooze(saved.id, clock.now() + timedelta(days=1), clock)


def test_snoozed_reminder_comes_back_when_its_time_passes(db, clock):
    saved = save_reminder("k", "follow_up", date(2026, 11, 22), "Call", clock)
    snooze(saved.id, clock.now() + timedelta(days=1), clock)
    assert _due(clock) == []
    clock.advance(timedelta(hours=23, minutes=59))
    assert _due(clock) == []
    clock.advance(timedelta(minutes=1))
    (due,) = _due(clock)
    assert due.state == "snoozed"
    mark_done(due.id, clock)
    assert _due(clock) == []


def test_snooze_refuses_the_past_and_naive_times(db, clock):
    saved = save_reminder("k", "follow_up", date(2026, 11, 23), "Call", clock)
    with pytest.raises(ValidationError) as err:
        snooze(saved.id, clock.now() - timedelta(minutes=1), clock)
    assert err.value.field == "snoozed_until"
    with pytest.raises(ValidationError):
        snooze(saved.id, datetime(2026, 12, 1, 9, 0), clock)
    assert Reminder.get_by_id(saved.id).state == "open"


def test_save_reminder_validates(db, clock):
    with pytest.raises(ValidationError) as err:
        save_reminder("k", "party", date(2026, 11, 23), "x", clock)
    assert err.value.field == "kind"
    with pytest.raises(ValidationError) as err:
        save_reminder("k", "follow_up", date(2026, 11, 23), "  ", clock)
    assert err.value.field == "title"
    with pytest.raises(NotFoundError):
        save_reminder("k", "follow_up", date(2026, 11, 23), "x", clock, customer_id=999)
    assert Reminder.select().count() == 0


def test_unknown_reminder_is_not_found(db, clock):
    with pytest.raises(NotFoundError):
        mark_done(42, clock)


def test_due_reminders_needs_an_aware_now(db, clock):
    with pytest.raises(ValidationError):
        due_reminders(date(2026, 11, 23), datetime(2026, 11, 23, 9))
    assert due_reminders(date(2026, 11, 23), datetime(2026, 11, 23, 9, tzinfo=timezone.utc)) == []
