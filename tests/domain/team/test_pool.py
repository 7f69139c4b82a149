"""The public pool on a real server: stale customers go back, claims race safely, the cap holds."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from tests.team_people import NOW, add_customers
from trade_crm.domain.clock import FixedClock
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.team.handover import TeamError, hand_over
from trade_crm.domain.team.pool import (
    DailyPoolRule,
    PoolSettings,
    claim,
    cutoff_for,
    pool_customers,
    release,
    release_stale,
    run_pool_rule,
    save_pool_settings,
)
from trade_crm.store.models import Customer, Interaction

TODAY = date(2026, 11, 23)


def owner_of(customer_id: int) -> str | None:
    return Customer.get_by_id(customer_id).owner


def entries(customer_id: int) -> list[str]:
    return [i.summary for i in Interaction.select().where(Interaction.customer == customer_id,
                                                           Interaction.kind == "handover").order_by(Interaction.id)]


def test_the_cutoff_is_the_start_of_the_day_n_days_ago_in_the_users_zone():
    assert cutoff_for(TODAY, 30, ZoneInfo("Asia/Shanghai")) == datetime(2026, 10, 23, 16, 0, tzinfo=timezone.utc)


def test_customers_not_followed_up_for_n_days_or_never_contacted_go_back_to_the_pool(staff):
    day = timedelta(days=1)
    cutoff = cutoff_for(TODAY, 30)
    stale = add_customers(1, "ann", last_contact=cutoff - timedelta(seconds=1), prefix="stale")[0]
    fresh = add_customers(1, "ann", last_contact=cutoff, prefix="fresh")[0]
    never_old = add_customers(1, "bob", created=cutoff - day, prefix="never old")[0]
    never_new = add_customers(1, "bob", created=cutoff + day, prefix="never new")[0]
    pooled = add_customers(1, None, prefix="pooled")[0]
    result = release_stale(staff["mia"], TODAY, days=30, now=NOW)
    assert sorted(c.id for c in result.customers) == [stale, never_old]
    assert {c.id: c.owner for c in result.customers} == {stale: "ann", never_old: "bob"}
    assert [owner_of(i) for i in (stale, fresh, never_old, never_new, pooled)] == [None, "ann", None, "bob", None]
    assert entries(stale) == ["Returned to the pool: not followed up for 30 days (owner ann)"]
    assert entries(never_old) == ["Returned to the pool: not followed up for 30 days (owner bob)"]
    assert entries(fresh) == entries(pooled) == []
    assert release_stale(staff["mia"], TODAY, days=30, now=NOW).count == 0  # nothing twice


def test_a_call_logged_keeps_the_customer_and_a_handover_restarts_the_clock(staff, clock):
    called, handed = add_customers(2, "ann")
    log_interaction(called, "call", "Talked prices", clock, occurred_at=NOW - timedelta(days=2))
    hand_over(staff["mia"], "ann", "bob", customer_ids=[handed], by="mia", now=NOW - timedelta(days=3))
    assert release_stale(staff["mia"], TODAY, days=30, now=NOW).count == 0
    assert (owner_of(called), owner_of(handed)) == ("ann", "bob")
    later = TODAY + timedelta(days=40)
    assert sorted(c.id for c in release_stale(staff["mia"], later, days=30, now=NOW).customers) == [called, handed]


def test_a_dry_run_lists_and_changes_nothing(staff):
    ids = add_customers(3, "ann")
    result = release_stale(staff["mia"], TODAY, days=30, now=NOW, dry_run=True)
    assert (result.dry_run, [c.id for c in result.customers]) == (True, ids)
    assert {owner_of(i) for i in ids} == {"ann"} and Interaction.select().count() == 0


def test_a_salespersons_run_returns_only_their_own(staff):
    ann_ids = add_customers(2, "ann")
    bob_ids = add_customers(2, "bob")
    result = release_stale(staff["ann"], TODAY, days=30, now=NOW, owner="ann")
    assert [c.id for c in result.customers] == ann_ids
    assert {owner_of(i) for i in bob_ids} == {"bob"}
    # written while still hers: under the server's rules a salesperson adds entries to her own customers only
    assert entries(ann_ids[0]) == ["Returned to the pool: not followed up for 30 days (owner ann)"]


def test_the_scheduler_rule_runs_only_when_switched_on_and_for_the_logins_own(staff, pg_db):
    ann_ids = add_customers(1, "ann")
    bob_ids = add_customers(1, "bob")
    clock = FixedClock(NOW)
    assert run_pool_rule(staff["ann"], clock) is None  # off by default
    save_pool_settings(enabled=True, days=30, claim_cap=10)
    assert PoolSettings.load() == PoolSettings(True, 30, 10)
    assert [c.id for c in run_pool_rule(staff["ann"], clock).customers] == ann_ids
    assert owner_of(bob_ids[0]) == "bob"
    assert [c.id for c in run_pool_rule(staff["mia"], clock).customers] == bob_ids  # a manager: everyone's


def test_pool_settings_are_checked(pg_db):
    with pytest.raises(ValidationError, match="days"):
        save_pool_settings(days=0)
    with pytest.raises(ValidationError, match="claim_cap"):
        save_pool_settings(claim_cap=-1)


def test_claiming_takes_a_pool_customer_with_a_timeline_entry(staff):
    pooled = add_customers(2, None)
    assert [c.id for c in pool_customers(staff["bob"])] == pooled
    result = claim(staff["bob"], pooled[0], "bob", 5, now=NOW)
    assert (result.customer_id, result.person, result.owned) == (pooled[0], "bob", 1)
    assert owner_of(pooled[0]) == "bob" and entries(pooled[0]) == ["Claimed from the pool by bob"]
    assert [c.id for c in pool_customers(staff["bob"])] == [pooled[1]]


def test_a_customer_someone_owns_cannot_be_claimed(staff):
    ann_id = add_customers(1, "ann")[0]
    with pytest.raises(TeamError, match="not in the pool: ann claimed it first"):
        claim(staff["bob"], ann_id, "bob", 5, now=NOW)
    with pytest.raises(TeamError, match="is bob's already"):
        claim(staff["mia"], add_customers(1, "bob")[0], "bob", 5, now=NOW)
    with pytest.raises(NotFoundError):
        claim(staff["bob"], 987654, "bob", 5, now=NOW)
    assert owner_of(ann_id) == "ann"


def test_two_people_claiming_one_customer_at_once_exactly_one_wins(staff):
    """Both UPDATEs start while the customer is in the pool; ann's waits on bob's row lock, then finds it taken."""
    for _round in range(5):
        customer = add_customers(1, None)[0]
        barrier = threading.Barrier(2)
        outcome: dict[str, str] = {}

        def attempt(person: str, customer: int = customer, barrier: threading.Barrier = barrier,
                    outcome: dict[str, str] = outcome) -> None:
            barrier.wait()
            try:
                claim(staff[person], customer, person, 100, now=NOW)
                outcome[person] = "won"
            except TeamError as exc:
                outcome[person] = str(exc)
            finally:
                staff[person].close()  # this thread's connection

        threads = [threading.Thread(target=attempt, args=(p,)) for p in ("ann", "bob")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        winners = [p for p, text in outcome.items() if text == "won"]
        assert len(winners) == 1, outcome
        loser = ({"ann", "bob"} - set(winners)).pop()
        assert outcome[loser] == f"customer {customer} is not in the pool: {winners[0]} claimed it first"
        assert owner_of(customer) == winners[0] and entries(customer) == [f"Claimed from the pool by {winners[0]}"]


def test_concurrent_claims_never_take_one_person_past_the_cap(staff):
    add_customers(3, "bob")
    pooled = add_customers(8, None)
    barrier = threading.Barrier(len(pooled))
    results: list[str] = []
    lock = threading.Lock()

    def attempt(customer: int) -> None:
        db = staff["bob"]
        barrier.wait()
        try:
            claim(db, customer, "bob", 5, now=NOW)
            text = "won"
        except TeamError as exc:
            text = str(exc)
        finally:
            db.close()
        with lock:
            results.append(text)

    threads = [threading.Thread(target=attempt, args=(c,)) for c in pooled]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count("won") == 2
    assert results.count("bob owns 5 customers, the most one person may hold before claiming from the pool (5); "
                         "hand some back first") == 6
    assert Customer.select().where(Customer.owner == "bob").count() == 5


def test_putting_customers_back_by_hand(staff):
    ann_ids = add_customers(2, "ann")
    assert release(staff["ann"], ann_ids, by="ann", now=NOW) == ann_ids
    assert {owner_of(i) for i in ann_ids} == {None}
    assert entries(ann_ids[0]) == ["Put back into the pool by ann"]
    with pytest.raises(ValidationError, match="not owned by anyone"):
        release(staff["ann"], ann_ids, by="ann", now=NOW)


def test_a_laptop_book_has_no_pool(sqlite_db):
    with pytest.raises(TeamError, match="needs a book on a team server"):
        release_stale(sqlite_db, TODAY, days=30, now=NOW)
    with pytest.raises(TeamError, match="needs a book on a team server"):
        claim(sqlite_db, 1, "bob", 5, now=NOW)
    assert run_pool_rule(sqlite_db, FixedClock(NOW)) is None


def test_the_daily_rule_runs_once_a_day_before_the_work_it_wraps(staff, pg_db):
    stale = add_customers(1, "ann")[0]
    save_pool_settings(enabled=True, days=30)
    rule, synced = DailyPoolRule(), []
    sync = rule.before(lambda clock: synced.append(clock.now()) or len(synced))
    clock = FixedClock(NOW)
    assert sync(clock) == 1 and owner_of(stale) is None  # the book's owner runs it as a manager: everyone's
    assert rule.last_result.count == 1 and rule.last_day == TODAY
    Customer.update(owner="ann").where(Customer.id == stale).execute()
    clock.advance(timedelta(hours=3))
    assert sync(clock) == 2 and owner_of(stale) == "ann"  # the same day: not again
    clock.advance(timedelta(days=1))
    assert sync(clock) == 3 and owner_of(stale) == "ann"  # ran, but the change of hands today restarted its days
    clock.advance(timedelta(days=31))
    assert sync(clock) == 4 and owner_of(stale) is None


def test_a_failing_rule_never_stops_the_reminders_and_is_tried_again(caplog):
    calls = []

    def broken(db, clock):
        calls.append(clock.now())
        raise TeamError("the server went away")

    sync = DailyPoolRule(broken).before(lambda clock: "synced")
    assert sync(FixedClock(NOW)) == "synced" and sync(FixedClock(NOW)) == "synced"
    assert len(calls) == 2 and "the pool rule did not run: the server went away" in caplog.text


def test_the_daily_rule_does_nothing_on_a_laptop_book(sqlite_db):
    rule = DailyPoolRule()
    assert rule(FixedClock(NOW)) is None and rule.last_result is None


def test_the_database_refuses_a_claim_for_someone_else_in_one_line(staff):
    pooled = add_customers(1, None)[0]
    with pytest.raises(TeamError, match=f"^the team server refused: customer {pooled} is in the pool: ann may claim "
                                        "it only for themselves; nothing was changed$"):
        claim(staff["ann"], pooled, "bob", 5, now=NOW)
    assert owner_of(pooled) is None and entries(pooled) == []


def test_a_customer_only_shared_with_her_cannot_be_put_back_by_her(staff):
    anns = add_customers(1, "ann")[0]
    staff["mia"].execute_sql("INSERT INTO customer_share (customer_id, person) VALUES (?, 'bob')", (anns,))
    with pytest.raises(TeamError, match=f"^the team server refused: customer {anns} belongs to ann: only a manager "
                                        "may hand it over; nothing was changed$"):
        release(staff["bob"], [anns], by="bob", now=NOW)
    assert owner_of(anns) == "ann" and entries(anns) == []
