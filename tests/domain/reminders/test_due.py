"""One definition of due: the follow-up day a sync settles, the overdue filter and the counts agree, and
done or snoozed follow-ups leave the overdue list (and come back with undo)."""

from __future__ import annotations

from datetime import date, timedelta

from trade_crm.domain.clock import FixedClock, today
from trade_crm.domain.customers.query import CustomerFilter, count_customers
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import log_interaction, timeline
from trade_crm.domain.reminders.complete import Outcome, complete_reminders, snooze_reminders, undo_completion
from trade_crm.domain.reminders.due import due_counts, due_status, due_text
from trade_crm.domain.reminders.records import due_reminders
from trade_crm.domain.reminders.sync import sync_reminders
from trade_crm.store.models import Customer, Reminder


def _overdue(clock) -> int:
    return count_customers(CustomerFilter(follow_up_overdue=True), today=today(clock), now=clock.now())


def _follow_up_on(cid: int) -> date | None:
    return Customer.get_by_id(cid).follow_up_on


def test_a_sync_gives_every_customer_with_a_cadence_a_follow_up_day(db):
    clock = FixedClock.at("2026-11-01 10:00", "Asia/Shanghai")
    rated = create_customer(clock, name="Hamburg Tools GmbH", country="DE", rating="A")
    unrated = create_customer(clock, name="Lima Imports SAC", country="PE")
    sync_reminders(clock)
    assert _follow_up_on(rated) == date(2026, 11, 15)  # created on the 1st, A: every 14 days
    assert _follow_up_on(unrated) is None


def test_a_contact_after_the_planned_day_moves_the_follow_up_by_the_cadence(db):
    clock = FixedClock.at("2026-11-01 10:00", "Asia/Shanghai")
    cid = create_customer(clock, name="Hamburg Tools GmbH", country="DE", rating="B")
    log_interaction(cid, "call", "Price agreed", clock, follow_up_on=date(2026, 11, 5))
    clock.advance(timedelta(days=10))
    sync_reminders(clock)
    assert _overdue(clock) == 1
    log_interaction(cid, "email", "Sent the catalogue", clock)
    sync_reminders(clock)
    assert _follow_up_on(cid) == date(2026, 12, 11)  # 11 Nov + 30 days (B)
    assert _overdue(clock) == 0
    assert not [r for r in due_reminders(today(clock), clock.now()) if r.kind == "follow_up"]


def test_every_overdue_customer_has_exactly_one_open_follow_up_and_the_counts_agree(db):
    clock = FixedClock.at("2026-10-01 10:00", "Asia/Shanghai")
    ids = [create_customer(clock, name=f"Customer {n}", country="DE", rating=rating)
           for n, rating in enumerate(["A", "B", "C", None, "A"])]
    log_interaction(ids[3], "call", "Call back", clock, follow_up_on=date(2026, 10, 20))
    log_interaction(ids[4], "call", "Later", clock, follow_up_on=date(2027, 1, 20))
    clock.advance(timedelta(days=40))
    sync_reminders(clock)
    day = today(clock)
    late = {c.id for c in Customer.select().where(Customer.follow_up_on < day, Customer.lost == False)}  # noqa: E712
    reminded = {r.customer_id for r in Reminder.select().where(
        Reminder.key.startswith("follow_up:customer:"), Reminder.state == "open", Reminder.due_on < day)}
    assert late == reminded == {ids[0], ids[1], ids[3]}
    counts = due_counts(day, clock.now())
    assert counts.overdue_customers == _overdue(clock) == 3
    assert counts.total == len(due_reminders(day, clock.now())) == sync_reminders(clock).due_count


def test_done_with_an_outcome_logs_it_sets_the_next_follow_up_and_undo_takes_it_back(db):
    clock = FixedClock.at("2026-11-01 10:00", "Asia/Shanghai")
    cid = create_customer(clock, name="Azoulay Building Materials", country="FR", rating="B")
    log_interaction(cid, "call", "Intro", clock, follow_up_on=date(2026, 11, 11))
    clock.advance(timedelta(days=20))
    sync_reminders(clock)
    (reminder,) = due_reminders(today(clock), clock.now())
    before = Customer.get_by_id(cid).last_contact_at
    done = complete_reminders([reminder.id], clock, Outcome("call", "They want 500 pcs"))
    assert _follow_up_on(cid) == today(clock) + timedelta(days=30)
    assert [e.summary for e in timeline(cid)][0] == "They want 500 pcs"
    assert _overdue(clock) == 0
    sync_reminders(clock)
    assert due_reminders(today(clock), clock.now()) == []
    undo_completion(done, clock)
    assert _follow_up_on(cid) == date(2026, 11, 11)
    assert [e.summary for e in timeline(cid)] == ["Intro"]
    assert Customer.get_by_id(cid).last_contact_at == before
    sync_reminders(clock)
    assert [r.id for r in due_reminders(today(clock), clock.now())] == [reminder.id]
    assert _overdue(clock) == 1


def test_just_done_without_a_cadence_clears_the_follow_up(db):
    clock = FixedClock.at("2026-11-01 10:00", "Asia/Shanghai")
    cid = create_customer(clock, name="Lima Imports SAC", country="PE")
    log_interaction(cid, "call", "Intro", clock, follow_up_on=date(2026, 11, 3))
    clock.advance(timedelta(days=5))
    sync_reminders(clock)
    (reminder,) = due_reminders(today(clock), clock.now())
    complete_reminders([reminder.id], clock)
    assert _follow_up_on(cid) is None
    assert [e.summary for e in timeline(cid)] == ["Intro"]  # "just done" logs nothing
    assert sync_reminders(clock).due_count == 0


def test_snooze_moves_the_follow_up_day_and_undo_puts_it_back(db):
    clock = FixedClock.at("2026-11-01 10:00", "Asia/Shanghai")
    cid = create_customer(clock, name="Azoulay Building Materials", country="FR", rating="B")
    log_interaction(cid, "call", "Intro", clock, follow_up_on=date(2026, 11, 3))
    clock.advance(timedelta(days=5))
    sync_reminders(clock)
    (reminder,) = due_reminders(today(clock), clock.now())
    done = snooze_reminders([reminder.id], clock.now() + timedelta(days=7), clock)
    assert _follow_up_on(cid) == date(2026, 11, 13)
    assert sync_reminders(clock).due_count == 0 and _overdue(clock) == 0
    undo_completion(done, clock)
    assert _follow_up_on(cid) == date(2026, 11, 3)
    assert Reminder.get_by_id(reminder.id).state == "open"
    assert sync_reminders(clock).due_count == 1


def test_done_on_a_greeting_logs_greeted_for_every_customer_it_covered(db):
    clock = FixedClock.at("2026-12-23 10:00", "Asia/Shanghai")
    ids = [create_customer(clock, name=f"Berlin Buyer {n}", country="DE", rating="B") for n in range(3)]
    sync_reminders(clock)
    greeting = next(r for r in due_reminders(today(clock), clock.now()) if r.kind == "greeting")
    done = complete_reminders([greeting.id], clock)
    assert [timeline(cid)[0].kind for cid in ids] == ["greeting"] * 3
    assert "Christmas" in timeline(ids[0])[0].summary
    undo_completion(done, clock)
    assert [timeline(cid) for cid in ids] == [[], [], []]
    assert Reminder.get_by_id(greeting.id).state == "open"


def test_an_event_is_due_ahead_but_overdue_only_after_the_event():
    friday = date(2026, 12, 4)
    assert due_text(date(2026, 12, 2), date(2026, 12, 5), friday) == "tomorrow"
    assert due_text(date(2026, 12, 3), friday, friday) == "today"
    assert due_text(date(2026, 12, 1), date(2026, 12, 7), friday) == "in 3 days"
    assert due_status(date(2026, 11, 30), date(2026, 12, 3), friday) == ("overdue", 1)
    assert due_text(date(2026, 11, 11), None, friday) == "23 days overdue"  # a follow-up: how late it is
