"""The demo book's rates: its generator's own table, so a demo book's figures add up."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from trade_crm.demo.rates import seed_demo_rates
from trade_crm.domain.world.currency import convert


def test_demo_rates_cover_the_demo_currencies_against_the_reporting_one(db, clock):
    assert seed_demo_rates(date(2026, 11, 1), clock) > 30
    assert convert(Decimal("7.2"), "CNY") == Decimal("1.00")
    assert convert(Decimal("0.92"), "EUR") == Decimal("1.00")
    assert seed_demo_rates(date(2026, 11, 1), clock) == 0  # existing rates are kept
