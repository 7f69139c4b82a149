"""Exchange rates kept by the user: conversion, a clear error for a missing rate, rebasing, demo rates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from trade_crm.domain.customers.orders import record_order
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.world.currency import (
    MissingRateError,
    convert,
    delete_rate,
    missing_rates,
    rate_table,
    rates,
    reporting_currency,
    seed_rates,
    set_rate,
    set_rates,
    set_reporting_currency,
)


def test_converts_through_the_rate_and_back(db, clock):
    set_rate("eur", "1.08", date(2026, 11, 1), clock)
    set_rate("CNY", Decimal("0.138"), date(2026, 10, 15), clock)
    assert reporting_currency() == "USD"
    assert convert(100, "EUR") == Decimal("108.00")
    assert convert(Decimal("108"), "USD", "EUR") == Decimal("100.00")
    assert convert(1000, "CNY", "EUR") == Decimal("127.78")  # 1000 x 0.138 / 1.08
    assert convert(5, "USD", "USD") == Decimal("5.00")
    assert [(r.currency, r.as_of) for r in rates()] == [("CNY", date(2026, 10, 15)), ("EUR", date(2026, 11, 1))]


def test_a_missing_rate_is_named_in_the_error(db, clock):
    with pytest.raises(MissingRateError) as caught:
        convert(100, "JPY")
    assert caught.value.currency == "JPY"
    assert "no exchange rate for JPY" in str(caught.value)
    assert "1 JPY = … USD" in str(caught.value)
    with pytest.raises(MissingRateError, match="GBP"):
        convert(100, "USD", "GBP")


@pytest.mark.parametrize("rate", ["0", "-1", "abc", "nan", "inf"])
def test_a_rate_must_be_a_positive_number(db, clock, rate):
    with pytest.raises(ValidationError) as caught:
        set_rate("EUR", rate, date(2026, 11, 1), clock)
    assert caught.value.field == "rate"


def test_bad_codes_and_the_reporting_currency_itself_are_refused(db, clock):
    with pytest.raises(ValidationError, match="3-letter"):
        set_rate("EURO", "1.1", date(2026, 11, 1), clock)
    with pytest.raises(ValidationError, match="reporting currency"):
        set_rate("USD", "1", date(2026, 11, 1), clock)


def test_changing_the_reporting_currency_rebases_every_rate_keeping_the_older_date(db, clock):
    set_rates([("EUR", "1.25", date(2026, 11, 1)), ("CNY", "0.125", date(2026, 10, 1))], clock)
    set_reporting_currency("EUR", clock)
    table = rate_table()
    assert table.reporting == "EUR"
    assert table.rates["USD"].rate == Decimal("0.8") and table.rates["USD"].as_of == date(2026, 11, 1)
    assert table.rates["CNY"].rate == Decimal("0.1") and table.rates["CNY"].as_of == date(2026, 10, 1)
    assert "EUR" not in table.rates
    assert convert(100, "USD") == Decimal("80.00")


def test_a_new_reporting_currency_needs_a_rate_first(db, clock):
    set_rate("EUR", "1.1", date(2026, 11, 1), clock)
    with pytest.raises(MissingRateError, match="GBP"):
        set_reporting_currency("GBP", clock)
    assert reporting_currency() == "USD"


def test_missing_rates_lists_currencies_in_use_without_a_rate(db, clock):
    cid = create_customer(clock, name="Osaka Trading KK", country="JP")
    record_order(cid, date(2026, 10, 1), "500000", "JPY", clock)
    record_order(cid, date(2026, 10, 2), "100", "USD", clock)
    record_order(cid, date(2026, 10, 3), "100", "EUR", clock)
    set_rate("EUR", "1.1", date(2026, 11, 1), clock)
    assert missing_rates() == ["JPY"]
    delete_rate("EUR")
    assert sorted(missing_rates()) == ["EUR", "JPY"]


def test_seeded_rates_come_from_a_per_dollar_table_and_keep_existing_rates(db, clock):
    set_rate("GBP", "1.5", date(2026, 10, 1), clock)
    table = {"USD": 1, "EUR": 0.5, "CNY": 8, "GBP": 0.8}
    assert seed_rates(table, date(2026, 11, 1), clock) == 2  # EUR and CNY; GBP is the user's own
    assert convert(Decimal("8"), "CNY") == Decimal("1.00")
    assert convert(Decimal("0.5"), "EUR") == Decimal("1.00")
    assert convert(Decimal("2"), "GBP") == Decimal("3.00")
    assert seed_rates(table, date(2026, 11, 2), clock) == 0
