"""The reminder scheduler under pytest-qt: jobs fire on a fake clock, with no real waiting."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from trade_crm.domain.clock import FixedClock
from trade_crm.domain.customers import create_customer
from trade_crm.domain.reminder_sync import sync_reminders
from trade_crm.domain.timeline import log_interaction
from trade_crm.ui.scheduler import ReminderScheduler


class FakeMonotonic:
    def __init__(self):
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value


@pytest.fixture
def make_scheduler(qtbot):
    made = []

    def make(clock, **kwargs):
        scheduler = ReminderScheduler(clock, **kwargs)
        made.append(scheduler)
        return scheduler

    yield make
    for scheduler in made:
        scheduler.shutdown()


def _a_customer_contacted(clock, days_ago: int) -> int:
    then = FixedClock(clock.now() - timedelta(days=days_ago), clock.zone)
    customer = create_customer(then, name="Hamburg Tools GmbH", country="DE", rating="A")
    log_interaction(customer, "email", "Sent catalogue", then)
    return customer


def _started(qtbot, scheduler, signal_name="reminders_updated"):
    with qtbot.waitSignal(getattr(scheduler, signal_name), timeout=2000) as blocker:
        scheduler.start()
    return blocker.args


def test_start_reports_what_fell_due_while_the_app_was_closed(qtbot, db, make_scheduler):
    clock = FixedClock.at("2026-11-16 08:30", "Asia/Shanghai")
    customer = _a_customer_contacted(clock, 16)
    scheduler = make_scheduler(clock)
    (away,) = _started(qtbot, scheduler, "away_reminders_found")
    assert [r.customer_id for r in away] == [customer]
    assert scheduler.last_result.due_count == 1
    assert scheduler.job_ids() == ["midnight", "safety_net", "wake_check"]  # the start job ran once
    with qtbot.assertNotEmitted(scheduler.reminders_raised):
        scheduler.recompute("again")


def test_midnight_job_runs_at_the_users_local_midnight(qtbot, db, make_scheduler):
    clock = FixedClock.at("2026-11-14 23:50", "Asia/Shanghai")
    _a_customer_contacted(clock, 13)  # due tomorrow, in the user's calendar
    scheduler = make_scheduler(clock, monotonic=FakeMonotonic())
    assert _started(qtbot, scheduler) == [0]
    assert scheduler.next_run_time("midnight") == datetime.fromisoformat("2026-11-15T00:00:00+08:00")
    clock.advance(timedelta(minutes=10, seconds=5))
    with qtbot.waitSignal(scheduler.reminders_raised, timeout=1000) as blocker:
        scheduler.process_due_jobs()
    (raised,) = blocker.args
    assert [r.title for r in raised] == ["Keep in touch with Hamburg Tools GmbH"]


def test_midnight_follows_daylight_saving_time(qtbot, db, make_scheduler):
    clock = FixedClock.at("2026-03-28 20:00", "Europe/Berlin")
    scheduler = make_scheduler(clock)
    _started(qtbot, scheduler)
    assert scheduler.next_run_time("midnight").isoformat() == "2026-03-29T00:00:00+01:00"
    clock.advance(timedelta(hours=4, minutes=1))
    scheduler.process_due_jobs()
    assert scheduler.next_run_time("midnight").isoformat() == "2026-03-30T00:00:00+02:00"
    clock.advance(timedelta(days=1))
    scheduler.process_due_jobs()
    assert scheduler.next_run_time("midnight").isoformat() == "2026-03-31T00:00:00+02:00"


def test_safety_net_catches_changes_nobody_announced(qtbot, db, make_scheduler):
    clock = FixedClock.at("2026-11-16 08:30", "Asia/Shanghai")
    monotonic = FakeMonotonic()
    scheduler = make_scheduler(clock, monotonic=monotonic)
    _started(qtbot, scheduler)
    _a_customer_contacted(clock, 20)  # written behind the scheduler's back (another window, an import)
    for _ in range(15):  # the wake check runs every minute on the way
        clock.advance(timedelta(minutes=1))
        monotonic.value += 60
        scheduler.process_due_jobs()
        if scheduler.last_result.due_count:
            break
    assert scheduler.last_result.due_count == 1 and len(scheduler.last_result.new) == 1
    assert clock.now() == FixedClock.at("2026-11-16 08:45", "Asia/Shanghai").now()
    assert scheduler.wakes == 0


def test_waking_from_sleep_is_detected_by_the_wall_clock_jump(qtbot, db, make_scheduler):
    clock, monotonic = FixedClock.at("2026-11-16 08:30", "Asia/Shanghai"), FakeMonotonic()
    scheduler = make_scheduler(clock, monotonic=monotonic)
    _started(qtbot, scheduler)
    clock.advance(timedelta(seconds=61))
    monotonic.value += 61
    scheduler.process_due_jobs()
    assert scheduler.wakes == 0
    clock.advance(timedelta(hours=9))  # the lid was closed overnight: the monotonic clock stood still
    monotonic.value += 1
    with qtbot.waitSignal(scheduler.reminders_updated, timeout=1000):
        scheduler.process_due_jobs()
    assert scheduler.wakes == 1


def test_data_changes_are_debounced_into_one_recompute(qtbot, db, make_scheduler):
    clock = FixedClock.at("2026-11-16 08:30", "Asia/Shanghai")
    calls = []

    def counting_sync(c):
        calls.append(c.now())
        return sync_reminders(c)

    scheduler = make_scheduler(clock, sync=counting_sync, debounce_ms=5)
    _started(qtbot, scheduler)
    customer = _a_customer_contacted(clock, 30)
    with qtbot.waitSignal(scheduler.reminders_raised, timeout=1000) as blocker:
        for _ in range(3):
            scheduler.data_changed()
    assert len(calls) == 2  # the start, then one for the burst
    assert [r.customer_id for r in blocker.args[0]] == [customer]
