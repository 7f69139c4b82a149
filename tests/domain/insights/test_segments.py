"""Lifecycle stages, Pareto tiers and RFM scores on crafted order histories."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from trade_crm.domain.customers.orders import delete_order, record_order
from trade_crm.domain.customers.query import CustomerFilter, count_customers, search_customers
from trade_crm.domain.customers.records import create_customer, set_rating, update_customer
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.insights.segment_settings import SegmentSettings
from trade_crm.domain.insights.segments import (
    OrderHistory,
    lifecycle_for,
    pareto_tiers,
    quintile_scores,
    recompute_segments,
    segment_histories,
    segment_of,
)
from trade_crm.domain.reminders.rules import compute_reminders
from trade_crm.domain.world.currency import set_rate
from trade_crm.store.models import Customer

ON = date(2026, 11, 23)  # the `clock` fixture's day


def test_pareto_cut_puts_the_first_80_percent_of_value_in_a_and_up_to_95_in_b():
    values = {1: 50, 2: 30, 3: 10, 4: 5, 5: 3, 6: 2, 7: 0}
    assert pareto_tiers(values) == {1: "A", 2: "A", 3: "B", 4: "B", 5: "C", 6: "C"}


def test_pareto_cut_gives_the_customer_who_crosses_the_line_the_higher_tier():
    assert pareto_tiers({1: 70, 2: 20, 3: 6, 4: 4}) == {1: "A", 2: "A", 3: "B", 4: "C"}
    assert pareto_tiers({1: 100}) == {1: "A"}
    assert pareto_tiers({}) == {}


def test_pareto_ties_are_broken_by_id_so_the_cut_is_stable():
    assert pareto_tiers({3: 10, 1: 10, 2: 10, 4: 10, 5: 10}) == {1: "A", 2: "A", 3: "A", 4: "A", 5: "B"}


def test_quintiles_score_1_to_5_and_ties_share_a_score():
    scores = quintile_scores({i: i for i in range(1, 11)})
    assert [scores[i] for i in range(1, 11)] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert set(quintile_scores({1: 7, 2: 7, 3: 7}).values()) == {1}
    days = quintile_scores({1: 3, 2: 400, 3: 30, 4: 90, 5: 10}, higher_is_better=False)
    assert days == {1: 5, 2: 1, 3: 3, 4: 2, 5: 4}


def _history(cid, orders, first_days_ago, last_days_ago, value=1000.0):
    return OrderHistory(cid, orders, ON - timedelta(days=first_days_ago), ON - timedelta(days=last_days_ago),
                        value, value)


def test_lifecycle_stages_from_crafted_histories():
    s = SegmentSettings()
    assert lifecycle_for(None, None, ON, s)[0] == "potential"
    assert lifecycle_for(_history(1, 1, 20, 20), "A", ON, s)[0] == "new"
    assert lifecycle_for(_history(1, 3, 90, 10), "B", ON, s)[0] == "returning"
    assert lifecycle_for(_history(1, 6, 400, 10), "A", ON, s)[0] == "loyal"
    assert lifecycle_for(_history(1, 6, 400, 10), "B", ON, s)[0] == "returning"  # not in the top tier
    assert lifecycle_for(_history(1, 6, 300, 10), "A", ON, s)[0] == "returning"  # under 12 months of orders


def test_dormant_is_the_reminder_rule_one_and_a_half_intervals_or_180_days_after_one_order():
    s = SegmentSettings()
    # Every 30 days (4 orders over 90 days): dormant once more than 45 days have passed.
    assert lifecycle_for(_history(1, 4, 135, 45), "B", ON, s)[0] == "returning"
    stage, since = lifecycle_for(_history(1, 4, 136, 46), "B", ON, s)
    assert (stage, since) == ("dormant", ON)
    assert lifecycle_for(_history(1, 1, 180, 180), None, ON, s)[0] == "new"
    assert lifecycle_for(_history(1, 1, 181, 181), None, ON, s)[0] == "dormant"
    assert lifecycle_for(_history(1, 8, 800, 200), "A", ON, s)[0] == "dormant"  # dormant wins over loyal


def test_thresholds_are_editable():
    s = SegmentSettings(loyal_months=6, loyal_tiers="AB", single_order_dormant_days=90)
    assert lifecycle_for(_history(1, 6, 200, 10), "B", ON, s)[0] == "loyal"
    assert lifecycle_for(_history(1, 1, 100, 100), None, ON, s)[0] == "dormant"
    assert lifecycle_for(_history(1, 1, 100, 100), None, ON, SegmentSettings())[0] == "new"
    with pytest.raises(ValidationError):
        SegmentSettings(tier_a_share=95, tier_b_share=80).checked()


def test_segment_histories_scores_rfm_and_tiers_together():
    histories = [_history(i, i, 30 * i, 5 * i, value=100.0 * i) for i in range(1, 11)]
    segments = segment_histories(histories, ON, SegmentSettings())
    best, worst = segments[10], segments[1]
    assert best.tier == "A" and best.rfm == "155"  # biggest and most frequent, but longest ago
    assert worst.tier == "C" and worst.rfm == "511"


def _book(clock):
    """Seven customers with crafted order histories (amounts in USD unless said)."""
    ids = {}
    ids["potential"] = create_customer(clock, name="Potential Co", country="DE")
    ids["new"] = create_customer(clock, name="New Co", country="DE")
    record_order(ids["new"], ON - timedelta(days=10), "1000", "USD", clock)
    ids["returning"] = create_customer(clock, name="Returning Co", country="FR")
    for days in (60, 30, 5):
        record_order(ids["returning"], ON - timedelta(days=days), "2000", "USD", clock)
    ids["loyal"] = create_customer(clock, name="Loyal GmbH", country="DE", rating="C")
    for days in range(480, 0, -60):  # 8 orders over 14 months
        record_order(ids["loyal"], ON - timedelta(days=days), "10000", "EUR", clock)
    ids["dormant"] = create_customer(clock, name="Dormant Ltd", country="GB")
    record_order(ids["dormant"], ON - timedelta(days=200), "3000", "USD", clock)
    ids["lost"] = create_customer(clock, name="Lost SA", country="ES")
    record_order(ids["lost"], ON - timedelta(days=20), "500", "USD", clock)
    update_customer(ids["lost"], clock, lost=True)
    ids["yen"] = create_customer(clock, name="Osaka KK", country="JP")
    record_order(ids["yen"], ON - timedelta(days=15), "9000000", "JPY", clock)
    return ids


def test_recompute_stores_stages_and_tiers_and_keeps_the_hand_set_rating(db, clock):
    set_rate("EUR", "1.10", date(2026, 11, 1), clock)
    ids = _book(clock)
    summary = recompute_segments(clock)
    stage = {name: Customer.get_by_id(cid).lifecycle for name, cid in ids.items()}
    assert stage == {"potential": "potential", "new": "new", "returning": "returning", "loyal": "loyal",
                     "dormant": "dormant", "lost": "new", "yen": "new"}
    assert summary.lifecycles == {"potential": 1, "new": 2, "returning": 1, "loyal": 1, "dormant": 1, "lost": 1}
    assert summary.missing_rates == ("JPY",)
    loyal = segment_of(ids["loyal"])
    assert loyal.tier == "A" and loyal.value_12m == pytest.approx(6 * 11000.0)  # two are over a year old
    assert Customer.get_by_id(ids["loyal"]).rating == "C"  # the hand-set rating is never overwritten
    assert segment_of(ids["lost"]).lifecycle == "lost"
    assert segment_of(ids["yen"]).tier is None  # no rate for JPY: no value to tier
    assert segment_of(ids["potential"]).tier is None and segment_of(ids["potential"]).orders == 0
    assert summary.tiers["A"] == 1 and sum(summary.tiers.values()) == 5


def test_currency_conversion_decides_the_tier(db, clock):
    euro = create_customer(clock, name="Euro GmbH", country="DE")
    dollar = create_customer(clock, name="Dollar Inc", country="US")
    record_order(euro, ON - timedelta(days=5), "1000", "EUR", clock)
    record_order(dollar, ON - timedelta(days=5), "1050", "USD", clock)
    set_rate("EUR", "1.00", date(2026, 11, 1), clock)
    recompute_segments(clock, SegmentSettings(tier_a_share=50, tier_b_share=95))
    assert (segment_of(dollar).tier, segment_of(euro).tier) == ("A", "B")
    set_rate("EUR", "1.10", date(2026, 11, 20), clock)
    recompute_segments(clock, SegmentSettings(tier_a_share=50, tier_b_share=95))
    assert (segment_of(euro).tier, segment_of(dollar).tier) == ("A", "B")


def test_a_second_recompute_writes_nothing_and_a_deleted_order_is_followed(db, clock):
    cid = create_customer(clock, name="Only Order Co", country="DE")
    order = record_order(cid, ON - timedelta(days=3), "100", "USD", clock)
    first = recompute_segments(clock)
    assert first.changed == 1
    assert recompute_segments(clock).changed == 0
    delete_order(order)
    assert recompute_segments(clock).changed == 1
    assert segment_of(cid).lifecycle == "potential" and segment_of(cid).orders == 0


def test_dormant_stage_and_dormant_reminders_agree(db, clock):
    _book(clock)
    for days in (100, 250, 400):
        cid = create_customer(clock, name=f"Quiet {days}", country="IT")
        record_order(cid, ON - timedelta(days=days + 100), "100", "USD", clock)
        record_order(cid, ON - timedelta(days=days), "100", "USD", clock)
    recompute_segments(clock)
    stage_ids = {c.id for c in Customer.select().where(Customer.lifecycle == "dormant", ~Customer.lost)}
    reminder_ids = {c.customer_id for c in compute_reminders(ON, clock.zone, rules=("dormant",))}
    assert stage_ids == reminder_ids and len(stage_ids) == 3


def test_rating_stays_when_the_tier_changes(db, clock):
    cid = create_customer(clock, name="Rated Co", country="DE", rating="B")
    record_order(cid, ON - timedelta(days=3), "100", "USD", clock)
    set_rating([cid], "D", clock)
    recompute_segments(clock)
    assert segment_of(cid).tier == "A" and Customer.get_by_id(cid).rating == "D"


def test_the_customer_list_filters_and_sorts_by_tier(db, clock):
    big, small, none = (create_customer(clock, name=n, country="DE") for n in ("Big", "Small", "None"))
    record_order(big, ON - timedelta(days=3), "9000", "USD", clock)
    record_order(small, ON - timedelta(days=3), "100", "USD", clock)
    recompute_segments(clock)
    rows = search_customers(CustomerFilter(tiers=("A",)), today=ON)
    assert [(r.id, r.tier) for r in rows] == [(big, "A")]
    assert count_customers(CustomerFilter(tiers=("",)), today=ON) == 1
    assert [r.id for r in search_customers(CustomerFilter(), today=ON, sort="tier")] == [big, small, none]
