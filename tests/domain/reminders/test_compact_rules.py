"""The quicker paths of the reminder rules give what the plain ones give: a birthday found by the birthday
index as by reading every contact, a dormant customer's day from SQL as `dormancy` says, and a candidate
whose texts are made when read equal to one given its texts."""

from __future__ import annotations

import copy
import pickle
from datetime import date, timedelta

import pytest
from peewee import SqliteDatabase

from tests.book_cache import demo_book
from trade_crm.demo.book import load_demo
from trade_crm.domain.clock import FixedClock, today
from trade_crm.domain.reminders import rules
from trade_crm.domain.reminders.candidate import ReminderCandidate, SharedDays
from trade_crm.domain.reminders.rules import compute_reminders, dormancy
from trade_crm.domain.reminders.settings import ReminderSettings
from trade_crm.store.models import database


def _everything(day: date, clock: FixedClock, **kwargs) -> list[tuple]:
    return [(c.key, c.kind, c.due_on, c.title, c.detail, dict(c.payload), c.all_customer_ids)
            for c in compute_reminders(day, clock.zone, ReminderSettings.load(), **kwargs)]


def test_birthdays_by_the_index_are_those_found_by_reading_every_contact(db, monkeypatch):
    clock = FixedClock.at("2026-02-27 09:30", "Asia/Shanghai")  # across 28 Feb: a 29 Feb birthday counts
    load_demo(clock, customers=300)
    (leap,) = database.execute_sql("SELECT min(ct.id) FROM contact ct JOIN customer c ON c.id = ct.customer_id "
                                   "WHERE c.lost = FALSE").fetchone()
    database.execute_sql("UPDATE contact SET birthday = '1984-02-29' WHERE id = ?", (leap,))
    days = [today(clock) + timedelta(days=n) for n in range(0, 40, 3)]
    by_index = [_everything(day, clock, rules=("birthday",), horizon_days=2) for day in days]
    monkeypatch.setattr(rules, "BIRTH_DAYS_BY_INDEX", 0)  # every look-up falls back to the pass over all
    assert [_everything(day, clock, rules=("birthday",), horizon_days=2) for day in days] == by_index
    keys = {key for found in by_index for key, *_rest in found}
    assert f"birthday:contact:{leap}:2026-02-28" in keys and len(keys) > 1


def test_no_birthday_in_the_book_finds_none(db):
    clock = FixedClock.at("2026-02-27 09:30", "Asia/Shanghai")
    assert compute_reminders(today(clock), clock.zone, ReminderSettings.load(), rules=("birthday",)) == []


@pytest.mark.parametrize("factor", [1.5, 1.3, 2.0])
def test_a_dormant_customers_day_from_sql_is_the_day_dormancy_gives(db, factor, request):
    clock = FixedClock.at("2026-12-04 09:30", "Asia/Shanghai")
    server = None if isinstance(db, SqliteDatabase) else request.getfixturevalue("postgres_server")
    demo_book(db, clock, customers=400, seed=2026, server=server)  # load_demo's book, built once per engine
    settings = ReminderSettings(dormant_factor=factor)
    found = compute_reminders(today(clock), clock.zone, settings, rules=("dormant",), horizon_days=60)
    assert found
    orders = {cid: (n, date.fromisoformat(first), date.fromisoformat(last)) for cid, n, first, last in
              database.execute_sql("SELECT customer_id, count(*), min(ordered_on), max(ordered_on) FROM orders "
                                   "GROUP BY customer_id")}
    for candidate in found:
        due, usual = dormancy(*orders[candidate.customer_id], settings)
        assert candidate.due_on == due
        assert candidate.payload["usual_days"] == usual
    end = today(clock) + timedelta(days=60)
    lost = {cid for (cid,) in database.execute_sql("SELECT id FROM customer WHERE lost = TRUE")}
    expected = {cid for cid, facts in orders.items() if cid not in lost and dormancy(*facts, settings)[0] <= end}
    assert {c.customer_id for c in found} == expected


def test_a_candidate_told_its_facts_equals_one_given_its_texts():
    def say(name: str, days: int) -> tuple[str, str, dict]:
        return f"Keep in touch with {name}", f"Every {days} days.", {"every": days}

    made = ReminderCandidate.told(say, ("Acme", 30), "follow_up:customer:7:2026-12-04", "follow_up",
                                  date(2026, 12, 4), 7)
    given = ReminderCandidate("follow_up:customer:7:2026-12-04", "follow_up", date(2026, 12, 4),
                              "Keep in touch with Acme", "Every 30 days.", customer_id=7, payload={"every": 30})
    assert made == given and hash(made) == hash(given)
    assert made.texts() == given.texts() == ("Keep in touch with Acme", "Every 30 days.", {"every": 30})
    assert made.all_customer_ids == (7,)
    assert made != ReminderCandidate(made.key, "follow_up", made.due_on, "Follow up with Acme", customer_id=7)
    quick = ReminderCandidate.maker()((made.key, "follow_up", made.due_on, 7, (), say, "Acme", 30))
    assert isinstance(quick, ReminderCandidate) and quick == made and quick.texts() == made.texts()
    assert copy.copy(given) == given and pickle.loads(pickle.dumps(given)) == given  # one tuple, copied as it is


def test_shared_days_give_one_object_per_day():
    shared = SharedDays()
    first, again = shared.text("2026-12-04"), shared.text("".join(["2026-", "12-04"]))
    assert first is again and shared.day(first) is shared.day(again) == date(2026, 12, 4)


def test_greeting_holidays_kept_for_the_day_follow_a_change_of_the_greeting_rules(db):
    from trade_crm.domain.customers.records import create_customer
    from trade_crm.domain.greetings.occasions import load_greeting_rules, save_greeting_rules

    clock = FixedClock.at("2026-03-16 09:00", "Asia/Shanghai")
    create_customer(clock, name="Rated SA", country="SA", rating="C")
    rules.forget_greeting_days()
    first = _everything(today(clock), clock, rules=("greeting",))
    assert [key for key, *_ in first] == ["greeting:SA:eid_al_fitr:2026-03-19"]
    assert _everything(today(clock), clock, rules=("greeting",)) == first  # kept: the same answer
    edited = load_greeting_rules()
    edited["greetings"] = {gid: names for gid, names in edited["greetings"].items() if gid != "eid_al_fitr"}
    save_greeting_rules(edited)
    assert _everything(today(clock), clock, rules=("greeting",)) == []  # other rules: asked again


def test_every_key_starts_with_its_kind_so_the_keys_order_is_that_of_kind_and_key(db):
    """compute_reminders sorts by key then due day alone: that is the (due day, kind, key) order only while
    each rule's keys start with "<kind>:" and no kind is another's prefix."""
    clock = FixedClock.at("2026-12-20 09:30", "Asia/Shanghai")
    load_demo(clock, customers=300)
    found = compute_reminders(today(clock), clock.zone, ReminderSettings(), horizon_days=60)  # home: CN
    assert {c.kind for c in found} == set(rules.RULES)  # every rule has a say here
    assert all(c.key.startswith(c.kind + ":") for c in found)
    assert not any(a != b and a.startswith(b) for a in rules.RULES for b in rules.RULES)
    assert [(c.due_on, c.kind, c.key) for c in found] == sorted((c.due_on, c.kind, c.key) for c in found)
