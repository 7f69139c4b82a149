"""Saving what the rules propose: raised once by key, done and dismissed for good, snoozes that come
back, moved follow-ups that close the stale one, and a read-only preview that matches the window."""

from __future__ import annotations

from datetime import date, timedelta

from trade_crm.domain.clock import FixedClock, today
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.domain.reminders.records import dismiss, due_reminders, mark_done, save_reminder, snooze
from trade_crm.domain.reminders.sync import preview_now, preview_reminders, sync_reminders
from trade_crm.store.models import Reminder


def _book(clock):
    a = create_customer(clock, name="Hamburg Tools GmbH", country="DE", rating="A")
    log_interaction(a, "email", "Sent catalogue", clock)
    return a


def test_a_reminder_due_while_the_app_was_closed_is_raised_once_at_the_next_start(db):
    clock = FixedClock.at("2026-11-01 10:00", "Asia/Shanghai")
    a = _book(clock)
    assert sync_reminders(clock).new == []
    clock.advance(timedelta(days=16))  # "closed" for two weeks
    first = sync_reminders(clock)
    assert [(r.key, r.customer_name, r.due_on) for r in first.new] == [
        (f"follow_up:customer:{a}:2026-11-15", "Hamburg Tools GmbH", date(2026, 11, 15))]
    assert first.due_count == 1
    again = sync_reminders(clock)
    assert again.new == [] and again.due_count == 1


def test_done_and_dismissed_never_return(db):
    clock = FixedClock.at("2026-11-01 10:00", "Asia/Shanghai")
    _book(clock)
    b = create_customer(clock, name="Lima Imports SAC", country="PE", rating="A")
    log_interaction(b, "call", "Intro", clock)
    clock.advance(timedelta(days=14))
    first, second = sync_reminders(clock).new
    mark_done(first.id, clock)
    dismiss(second.id, clock)
    for _ in range(3):
        clock.advance(timedelta(hours=8))
        result = sync_reminders(clock)
        assert result.new == [] and result.due_count == 0
    assert {r.state for r in Reminder.select()} == {"done", "dismissed"}


def test_snooze_brings_the_reminder_back_at_the_right_time(db):
    clock = FixedClock.at("2026-11-15 09:00", "Asia/Shanghai")
    clock.advance(timedelta(days=-14))
    _book(clock)
    clock.advance(timedelta(days=14))
    (reminder,) = sync_reminders(clock).new
    wake = FixedClock.at("2026-11-16 09:00", "Asia/Shanghai").instant
    snooze(reminder.id, wake, clock)
    clock.instant = wake - timedelta(minutes=1)
    result = sync_reminders(clock)
    assert result.new == [] and result.due_count == 0
    clock.instant = wake
    back = sync_reminders(clock)
    assert [r.id for r in back.new] == [reminder.id] and back.due_count == 1
    assert Reminder.get_by_id(reminder.id).state == "open"
    assert sync_reminders(clock).new == []


def test_logging_contact_closes_the_stale_follow_up_and_the_next_one_is_new(db):
    clock = FixedClock.at("2026-11-01 10:00", "Asia/Shanghai")
    a = _book(clock)
    clock.advance(timedelta(days=14))
    (old,) = sync_reminders(clock).new
    log_interaction(a, "call", "Called them", clock)
    result = sync_reminders(clock)
    assert result.closed == 1 and result.due_count == 0
    assert Reminder.get_by_id(old.id).state == "done"
    clock.advance(timedelta(days=14))
    (new,) = sync_reminders(clock).new
    assert new.key == f"follow_up:customer:{a}:2026-11-29" and new.id != old.id


def test_reminders_saved_by_hand_are_left_alone(db):
    clock = FixedClock.at("2026-11-01 10:00", "Asia/Shanghai")
    save_reminder("manual:call-hans", "follow_up", date(2026, 11, 1), "Call Hans about the fair", clock)
    result = sync_reminders(clock)
    assert result.due_count == 1 and result.closed == 0
    assert Reminder.get(Reminder.key == "manual:call-hans").state == "open"


def test_preview_lists_exactly_what_the_window_shows_after_a_sync(db):
    clock = FixedClock.at("2026-03-01 10:00", "Asia/Shanghai")
    for n, code in enumerate(("SA", "AE", "DE", "US")):
        c = create_customer(clock, name=f"Customer {code}", country=code, rating="ABCA"[n])
        log_interaction(c, "email", "Hello", clock)
    save_reminder("manual:visit", "follow_up", date(2026, 3, 10), "Plan the visit", clock)
    clock.instant = FixedClock.at("2026-03-16 08:00", "Asia/Shanghai").instant
    before = preview_reminders(today(clock), preview_now(today(clock), clock), clock.zone)
    sync_reminders(clock)
    (done_one,) = [r for r in due_reminders(today(clock), clock.now()) if r.key.startswith("greeting:AE")]
    mark_done(done_one.id, clock)
    window = [r.key for r in due_reminders(today(clock), clock.now())]
    after = [i.key for i in preview_reminders(today(clock), preview_now(today(clock), clock), clock.zone)]
    assert sorted(after) == sorted(window)
    assert sorted(i.key for i in before) == sorted(window + [done_one.key])
    assert {i.kind for i in before} == {"follow_up", "greeting"}


def test_preview_of_another_day_writes_nothing(db):
    clock = FixedClock.at("2026-11-01 10:00", "Asia/Shanghai")
    _book(clock)
    items = preview_reminders(date(2026, 12, 22), preview_now(date(2026, 12, 22), clock), clock.zone)
    assert [i.kind for i in items] == ["follow_up", "greeting"]
    assert items[1].title == "Christmas Day in Germany on Fri 25 Dec: greet 1 customer"
    assert Reminder.select().count() == 0


def test_dormant_reminders_follow_the_saved_dormancy_rule(db):
    from trade_crm.domain.customers.orders import record_order
    from trade_crm.domain.insights.segment_settings import SegmentSettings

    clock = FixedClock.at("2026-11-23 10:00", "Asia/Shanghai")
    once = create_customer(clock, name="Lima Imports SAC", country="PE", rating="C")
    record_order(once, date(2026, 3, 1), "1000", "USD", clock)  # one order, 267 days ago

    def dormant():
        return [r.key for r in sync_reminders(clock).new if r.key.startswith("dormant:")]

    SegmentSettings(single_order_dormant_days=300).save()
    assert dormant() == []
    SegmentSettings(single_order_dormant_days=200).save()
    assert dormant() == [f"dormant:customer:{once}:2026-03-01"]
