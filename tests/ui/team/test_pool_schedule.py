"""The pool rule rides on the reminder scheduler: once a day, at start and after midnight, before the sync."""

from __future__ import annotations

from datetime import timedelta

from tests.team_people import NOW, add_customers
from trade_crm.domain.clock import FixedClock, today
from trade_crm.domain.reminders.sync import SyncResult, sync_reminders
from trade_crm.domain.team.pool import DailyPoolRule, save_pool_settings
from trade_crm.store.models import Customer
from trade_crm.ui.reminders.scheduler import ReminderScheduler


def test_the_scheduler_runs_the_pool_rule_at_start_and_again_after_midnight(qtbot, staff):
    stale = add_customers(1, "ann")[0]
    save_pool_settings(enabled=True, days=30)
    clock = FixedClock(NOW)
    syncs = []

    def reminders(clock) -> SyncResult:  # the app's reminder sync, noting whom the customer belonged to by then
        syncs.append(Customer.get_by_id(stale).owner)
        return sync_reminders(clock)

    rule = DailyPoolRule()
    scheduler = ReminderScheduler(clock, sync=rule.before(reminders), run_in_worker=False)
    try:
        with qtbot.waitSignal(scheduler.reminders_updated, timeout=2000):
            scheduler.start(after_first_paint=False)
        assert syncs == [None] and rule.last_result.count == 1  # back in the pool before the sync read it
        Customer.update(owner="ann").where(Customer.id == stale).execute()  # a hand-made owner: no entry
        scheduler.recompute("safety net")
        assert syncs == [None, "ann"]  # the same day: the rule does not run again
        clock.advance(timedelta(days=31))
        scheduler.process_due_jobs()  # midnight (and the other jobs) of a later day
        assert syncs[-1] is None and rule.last_day == today(clock)
    finally:
        scheduler.shutdown()
