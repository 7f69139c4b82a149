"""A re-sync computes only what changed (store/changes.py), yet leaves exactly what a full sync leaves:
checked on the demo book and on a bigger generated one over twelve days, with edits between the syncs."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from trade_crm.demo.book import load_demo
from trade_crm.domain.clock import FixedClock, today
from trade_crm.domain.customers.contacts import ContactInput, update_contact
from trade_crm.domain.customers.orders import record_order
from trade_crm.domain.customers.records import update_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.domain.reminders.rules import compute_reminders
from trade_crm.domain.reminders.settings import (
    SYNC_BASIS,
    ReminderSettings,
    save_reminder_settings,
    set_customer_cadence,
)
from trade_crm.domain.reminders.sync import sync_reminders
from trade_crm.store.changes import changed_customers
from trade_crm.store.models import database


def _reminders() -> list[tuple]:
    return database.execute_sql(
        "SELECT key, kind, due_on, customer_id, title, detail, payload, state, snoozed_until FROM reminder "
        "ORDER BY key").fetchall()


def _follow_up_days() -> list[tuple]:
    return database.execute_sql("SELECT id, follow_up_on FROM customer ORDER BY id").fetchall()


def _pick(sql: str, params=()) -> list[int]:
    return [i for (i,) in database.execute_sql(sql, params)]


def _candidates(day: date, clock: FixedClock) -> list[tuple]:
    return [(c.key, c.title, c.detail, dict(c.payload), c.due_on, c.all_customer_ids)
            for c in compute_reminders(day, clock.zone, ReminderSettings.load())]


def _edit(step: int, clock: FixedClock) -> str:
    """One kind of change a user makes between two syncs, by the domain functions the window calls."""
    day = today(clock)
    alive = _pick("SELECT id FROM customer WHERE lost = FALSE ORDER BY id")
    who = alive[(step * 37) % len(alive)]
    kind = step % 8
    if kind == 0:
        update_customer(who, clock, follow_up_on=day + timedelta(days=step % 3))
        return "follow-up moved"
    if kind == 1:
        lost = _pick("SELECT id FROM customer WHERE lost = TRUE ORDER BY id")
        if step % 3 == 0 and lost:
            update_customer(lost[0], clock, lost=False)
            return "customer won back"
        update_customer(alive[(step * 11) % len(alive)], clock, lost=True)
        return "customer lost"
    if kind == 2:
        contacts = _pick("SELECT id FROM contact ORDER BY id")
        update_contact(contacts[(step * 13) % len(contacts)],
                       ContactInput(name="Wang Li", birthday=date(1980, (day + timedelta(days=1)).month,
                                                                   (day + timedelta(days=1)).day)), clock)
        return "birthday changed"
    if kind == 3:
        save_reminder_settings(cadence={"A": 7 + step, "B": 20})
        return "rule settings changed"
    if kind == 4:
        log_interaction(who, "quotation", "Quoted 5,000 pcs", clock, valid_until=day + timedelta(days=1))
        return "quotation sent"
    if kind == 5:
        record_order(who, day - timedelta(days=400), "1200", "USD", clock)
        return "old order recorded"
    if kind == 6:
        set_customer_cadence(who, 3)
        return "own cadence set"
    slow = _pick("SELECT id FROM customer WHERE lost = FALSE AND rating = 'C' AND follow_up_on > ? "  # not due yet,
                 "AND last_contact_at < ? ORDER BY id", (day.isoformat(), str(day - timedelta(days=20))))  # due as A
    # the planned day dropped: the A cadence from the last contact makes it due now
    update_customer(slow[step % len(slow)], clock, rating="A", country="DE", follow_up_on=None)
    return "rating and country changed"


@pytest.mark.parametrize("customers", [120, 1500])
def test_incremental_sync_leaves_what_a_full_sync_leaves_over_ten_days(db, customers):
    clock = FixedClock.at("2026-12-14 09:30", "Asia/Shanghai")  # Christmas greetings fall due meanwhile
    load_demo(clock, customers=customers)
    sync_reminders(clock)  # the first start: settles the book, computes everything
    for step in range(24):  # twelve days, two syncs a day, an edit before each
        if step % 2 == 0 and step:
            clock.advance(timedelta(days=1))  # the day rolls over
        else:
            clock.advance(timedelta(minutes=15))
        what = _edit(step, clock)
        assert changed_customers(10_000) or what in ("rule settings changed", "own cadence set"), what
        day = today(clock)
        indexed = _candidates(day, clock)  # follow-ups picked by the index where the book is settled
        basis = SYNC_BASIS.read()
        SYNC_BASIS.write({})
        assert _candidates(day, clock) == indexed, f"day {day}, after: {what}"  # by a pass over every row
        SYNC_BASIS.write(basis)
        sync_reminders(clock)
        after_incremental, days_incremental = _reminders(), _follow_up_days()
        full = sync_reminders(clock, full=True)
        assert (full.new, full.closed, full.settled) == ([], 0, 0), f"day {day}, after: {what}"
        assert _reminders() == after_incremental, f"day {day}, after: {what}"
        assert _follow_up_days() == days_incremental, f"day {day}, after: {what}"
        assert changed_customers(10_000) == []


def test_a_sync_with_nothing_changed_computes_nothing_and_raises_nothing(db, monkeypatch):
    clock = FixedClock.at("2026-12-01 09:30", "Asia/Shanghai")
    load_demo(clock, customers=60)
    first = sync_reminders(clock)
    calls = []
    monkeypatch.setattr("trade_crm.domain.reminders.sync.compute_reminders",
                        lambda *a, **k: calls.append(k) or compute_reminders(*a, **k))
    clock.advance(timedelta(minutes=15))
    again = sync_reminders(clock)
    assert calls == [] and again.new == [] and again.due_count == first.due_count
    customer = _pick("SELECT id FROM customer WHERE lost = FALSE ORDER BY id LIMIT 1")[0]
    log_interaction(customer, "call", "Called about the samples", clock)
    assert changed_customers(100) == [customer]
    sync_reminders(clock)
    assert calls and all(k["only"] == [customer] for k in calls)  # only the one changed customer, rule by rule
    calls.clear()
    clock.advance(timedelta(days=1))
    sync_reminders(clock)
    assert calls and all(k["only"] is None for k in calls)  # a new day computes everything


def test_the_change_set_sees_writes_by_any_path_and_a_sync_clears_it(db):
    clock = FixedClock.at("2026-12-01 09:30", "Asia/Shanghai")
    load_demo(clock, customers=20)
    sync_reminders(clock)
    assert changed_customers(100) == []
    a, b, c = _pick("SELECT id FROM customer ORDER BY id LIMIT 3")
    database.execute_sql("UPDATE customer SET notes = 'x' WHERE id = ?", (a,))  # not read by any rule
    assert changed_customers(100) == []
    database.execute_sql("UPDATE contact SET birthday = '1980-01-02' WHERE customer_id = ?", (a,))
    assert changed_customers(100) == [a]
    database.execute_sql("INSERT INTO interaction (customer_id, kind, summary, occurred_at, created_at) "
                         "VALUES (?, 'call', 'x', '2026-12-01 01:00:00', '2026-12-01 01:00:00')", (b,))
    assert changed_customers(100) == sorted({a, b})  # an added row: after the table's mark
    sync_reminders(clock)
    assert changed_customers(100) == []
    newest = _pick("SELECT max(id) FROM interaction")[0]
    database.execute_sql("DELETE FROM interaction WHERE id = ?", (newest,))  # SQLite may reuse the newest id
    database.execute_sql("INSERT INTO interaction (id, customer_id, kind, summary, occurred_at, created_at) "
                         "VALUES (?, ?, 'call', 'x', '2026-12-01 02:00:00', '2026-12-01 02:00:00')", (newest, c))
    assert c in changed_customers(100)  # a deleted id given again to a new row is still seen as new
    sync_reminders(clock)
    assert changed_customers(100) == []
