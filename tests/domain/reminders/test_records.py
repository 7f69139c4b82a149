from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from trade_crm.domain.clock import today
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.reminders.records import (
    dismiss,
    due_counts,
    due_reminders,
    mark_done,
    mark_done_many,
    save_reminder,
    snooze,
    snooze_many,
)
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


def _book(clock):
    """Follow-ups due 1..5 days ago, dormant 1..3 days ago, one greeting, one future and one done."""
    customer = create_customer(clock, name="Hamburg Tools GmbH", country="DE")
    ids = {}
    for n in range(1, 6):
        ids[f"f{n}"] = save_reminder(f"follow_up:{n}", "follow_up", date(2026, 11, 23) - timedelta(days=n),
                                     f"Follow up {n}", clock, customer_id=customer).id
    for n in range(1, 4):
        ids[f"d{n}"] = save_reminder(f"dormant:{n}", "dormant", date(2026, 11, 23) - timedelta(days=n),
                                     f"Dormant {n}", clock).id
    ids["g"] = save_reminder("greeting:x", "greeting", date(2026, 11, 23), "Greetings", clock,
                             payload={"customer_ids": [customer, "7", "x"]}).id
    ids["future"] = save_reminder("birthday:later", "birthday", date(2026, 12, 1), "Later", clock).id
    ids["done"] = save_reminder("follow_up:done", "follow_up", date(2026, 11, 1), "Done", clock).id
    mark_done(ids["done"], clock)
    return ids, customer


def test_due_counts_count_what_due_reminders_lists_by_kind(db, clock):
    _book(clock)
    counts = due_counts(today(clock), clock.now())
    assert counts == {"follow_up": 5, "dormant": 3, "greeting": 1}
    assert sum(counts.values()) == len(_due(clock))


def test_due_reminders_can_keep_the_most_overdue_few_of_each_kind(db, clock):
    ids, customer = _book(clock)
    few = due_reminders(today(clock), clock.now(), limit_per_kind=2)
    assert [r.id for r in few] == [ids["f5"], ids["f4"], ids["d3"], ids["d2"], ids["g"]]  # overdue first
    assert few[0].customer_name == "Hamburg Tools GmbH"
    assert few[-1].customer_ids == (customer, 7)  # the payload's ids, parsed
    assert few[0].customer_ids == ()
    assert due_reminders(today(clock), clock.now(), limit_per_kind=0) == []
    assert due_reminders(today(clock), clock.now(), limit_per_kind=100) == _due(clock)


def test_a_snoozed_reminder_counts_once_its_time_has_come(db, clock):
    ids, _ = _book(clock)
    snooze(ids["f1"], clock.now() + timedelta(hours=2), clock)
    assert due_counts(today(clock), clock.now())["follow_up"] == 4
    clock.advance(timedelta(hours=2))
    assert due_counts(today(clock), clock.now())["follow_up"] == 5
    assert ids["f1"] in [r.id for r in due_reminders(today(clock), clock.now(), limit_per_kind=5)]


def test_mark_done_many_finishes_the_open_ones_and_leaves_the_finished(db, clock):
    ids, _ = _book(clock)
    dismiss(ids["f2"], clock)
    changed = mark_done_many([ids["f1"], ids["f2"], ids["d1"], ids["done"], 999], clock)
    assert changed == 2
    states = {k: Reminder.get_by_id(ids[k]).state for k in ("f1", "f2", "d1", "done")}
    assert states == {"f1": "done", "f2": "dismissed", "d1": "done", "done": "done"}
    assert mark_done_many([], clock) == 0


def test_snooze_many_hides_them_all_until_the_same_time(db, clock):
    ids, _ = _book(clock)
    until = clock.now() + timedelta(days=1)
    assert snooze_many((ids["f1"], ids["g"], ids["done"]), until, clock) == 2
    rows = [Reminder.get_by_id(ids[k]) for k in ("f1", "g")]
    assert [(r.state, r.snoozed_until) for r in rows] == [("snoozed", until), ("snoozed", until)]
    assert Reminder.get_by_id(ids["done"]).state == "done"
    with pytest.raises(ValidationError) as err:
        snooze_many([ids["f2"]], clock.now(), clock)
    assert err.value.field == "snoozed_until"
    with pytest.raises(ValidationError):
        mark_done_many(["one"], clock)


@pytest.mark.sqlite_only("counts BEGIN and COMMIT with sqlite3's trace callback")
def test_many_at_once_is_one_transaction_even_past_the_statement_chunk(db, clock):
    stamp = clock.now().strftime("%Y-%m-%d %H:%M:%S")
    with db.atomic():
        db.cursor().executemany(
            "INSERT INTO reminder (key, kind, due_on, title, state, created_at, updated_at) "
            "VALUES (?, 'follow_up', '2026-11-20', 'Call', 'open', ?, ?)",
            [(f"k{n}", stamp, stamp) for n in range(1_200)])
    ids = [r.id for r in _due(clock)]
    statements = []
    db.connection().set_trace_callback(statements.append)
    try:
        assert mark_done_many(ids, clock) == 1_200
    finally:
        db.connection().set_trace_callback(None)
    assert [s.split()[0] for s in statements if s.split()[0] in ("BEGIN", "COMMIT")] == ["BEGIN", "COMMIT"]
    assert due_counts(today(clock), clock.now()) == {}
