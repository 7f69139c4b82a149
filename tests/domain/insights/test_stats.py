"""The dashboard's figures: countries, tiers, stages, the pipeline funnel, weekly follow-ups, monthly orders."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from trade_crm.domain.customers.orders import record_order
from trade_crm.domain.customers.records import create_customer, update_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.domain.insights.pipeline import create_opportunity
from trade_crm.domain.insights.segments import recompute_segments
from trade_crm.domain.insights.stats import book_stats, dormant_customers, top_customers
from trade_crm.domain.world.currency import set_rate
from trade_crm.store.models import Opportunity

ON = date(2026, 11, 23)  # a Monday, the `clock` fixture's day (09:30 in Shanghai)


def test_countries_are_the_top_15_by_customers(db, clock):
    codes = ["DE", "FR", "IT", "ES", "PL", "NL", "BE", "AT", "CH", "SE", "NO", "DK", "FI", "IE", "PT", "GR"]
    for n, code in enumerate(codes):
        for i in range(n + 1):
            create_customer(clock, name=f"{code} customer {i}", country=code)
    create_customer(clock, name="Nowhere Ltd")
    stats = book_stats(clock)
    assert len(stats.countries) == 15
    assert stats.countries[0].key == "GR" and stats.countries[0].count == 16
    assert "DE" not in {b.key for b in stats.countries}  # the 16th country
    assert stats.customers == sum(range(1, 17)) + 1


def test_orders_per_month_are_converted_into_the_reporting_currency(db, clock):
    cid = create_customer(clock, name="Euro GmbH", country="DE")
    set_rate("EUR", "1.10", date(2026, 11, 1), clock)
    record_order(cid, date(2026, 11, 2), "1000", "EUR", clock)
    record_order(cid, date(2026, 11, 20), "500", "USD", clock)
    record_order(cid, date(2025, 12, 31), "100", "USD", clock)
    record_order(cid, date(2025, 11, 30), "999", "USD", clock)  # 12 months back is December 2025
    record_order(cid, date(2026, 10, 5), "1000", "JPY", clock)
    stats = book_stats(clock)
    months = {p.start: (p.count, p.value) for p in stats.orders}
    assert len(stats.orders) == 12 and stats.orders[0].start == date(2025, 12, 1)
    assert months[date(2026, 11, 1)] == (2, pytest.approx(1600.0))
    assert months[date(2025, 12, 1)] == (1, 100.0)
    assert months[date(2026, 10, 1)] == (1, 0.0)
    assert stats.missing_rates == ("JPY",)


def test_follow_ups_count_contacts_per_week_in_the_users_days(db, clock):
    cid = create_customer(clock, name="Weekly Co", country="DE")
    # Sunday 2026-11-22 23:30 in Shanghai is still last week, though in UTC it is 15:30 the same Sunday;
    # Monday 00:30 in Shanghai (Sunday 16:30 UTC) belongs to this week.
    log_interaction(cid, "call", "Late call", clock, occurred_at=datetime(2026, 11, 22, 15, 30, tzinfo=timezone.utc))
    log_interaction(cid, "email", "Early mail", clock, occurred_at=datetime(2026, 11, 22, 16, 30, tzinfo=timezone.utc))
    log_interaction(cid, "note", "Not a contact", clock, occurred_at=datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc))
    log_interaction(cid, "visit", "Old visit", clock, occurred_at=datetime(2026, 9, 8, 8, tzinfo=timezone.utc))
    weeks = book_stats(clock).follow_ups
    assert len(weeks) == 12 and weeks[-1].start == ON and weeks[0].start == ON - timedelta(weeks=11)
    assert (weeks[-1].count, weeks[-2].count) == (1, 1)
    assert weeks[0].count == 1  # the week of 2026-09-07, the first of the twelve


def test_pipeline_funnel_sums_open_deals_and_the_last_years_closed_ones(db, clock):
    cid = create_customer(clock, name="Deal Co", country="DE")
    set_rate("EUR", "2", date(2026, 11, 1), clock)
    create_opportunity(cid, "A", clock, stage="inquiry", value="100", currency="USD", probability=10)
    create_opportunity(cid, "B", clock, stage="inquiry", value="100", currency="EUR", probability=50)
    create_opportunity(cid, "C", clock, stage="won", value="1000", currency="USD", probability=100)
    old = create_opportunity(cid, "D", clock, stage="won", value="5000", currency="USD", probability=100)
    Opportunity.update(closed_on=ON - timedelta(days=400)).where(Opportunity.id == old).execute()
    funnel = {s.stage: s for s in book_stats(clock).pipeline}
    assert list(funnel) == ["inquiry", "quotation", "sample", "negotiation", "won", "lost"]
    assert (funnel["inquiry"].count, funnel["inquiry"].value, funnel["inquiry"].weighted) == (2, 300.0, 110.0)
    assert (funnel["won"].count, funnel["won"].value) == (1, 1000.0)


def test_top_and_dormant_lists_come_from_the_stored_segments(db, clock):
    big = create_customer(clock, name="Big", country="DE", rating="C")
    small = create_customer(clock, name="Small", country="FR")
    quiet = create_customer(clock, name="Quiet", country="IT")
    lost = create_customer(clock, name="Gone", country="ES")
    record_order(big, ON - timedelta(days=3), "9000", "USD", clock)
    record_order(small, ON - timedelta(days=3), "100", "USD", clock)
    record_order(quiet, ON - timedelta(days=200), "5000", "USD", clock)
    record_order(lost, ON - timedelta(days=300), "7000", "USD", clock)
    update_customer(lost, clock, lost=True)
    recompute_segments(clock)
    assert [f.id for f in top_customers()] == [big, lost, quiet, small]
    top = top_customers()[0]
    assert (top.tier, top.rating, top.lifecycle, top.orders) == ("A", "C", "new", 1)
    assert [f.id for f in dormant_customers()] == [quiet]  # lost customers are not churn warnings
    stats = book_stats(clock)
    assert stats.dormant_count == 1 and stats.segments_on == "2026-11-23"
    assert {b.key: b.count for b in stats.lifecycles}["lost"] == 1
