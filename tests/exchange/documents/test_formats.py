"""How numbers print on documents."""

from __future__ import annotations

from decimal import Decimal

from trade_crm.exchange.documents.formats import (
    amount_in_words,
    format_cbm,
    format_kg,
    format_price,
    format_quantity,
    number_in_words,
)


def test_unit_price_keeps_its_extra_places_and_the_currency_minimum():
    assert format_price(Decimal("0.0350"), "USD") == "0.035"
    assert format_price(Decimal("12.5000"), "USD") == "12.50"
    assert format_price(Decimal("1200"), "JPY") == "1,200"
    assert format_price(Decimal("1.2345"), "KWD") == "1.2345"


def test_quantity_prints_as_given_without_trailing_zeros():
    assert format_quantity(Decimal("1000.000")) == "1,000"
    assert format_quantity(Decimal("12.500")) == "12.5"


def test_volume_prints_to_three_places_and_weight_to_at_most_two():
    assert format_cbm(Decimal("55.23584")) == "55.236"
    assert format_cbm(Decimal("4.32")) == "4.320"
    assert format_kg(Decimal("211.006")) == "211.01" and format_kg(Decimal("1234.500")) == "1,234.5"


def test_numbers_in_words_as_trade_documents_write_them():
    assert number_in_words(0) == "ZERO"
    assert number_in_words(115) == "ONE HUNDRED AND FIFTEEN"
    assert number_in_words(2_000_021) == "TWO MILLION TWENTY-ONE"
    assert amount_in_words(Decimal("12345.60"), "USD") == (
        "SAY US DOLLARS TWELVE THOUSAND THREE HUNDRED AND FORTY-FIVE AND CENTS SIXTY ONLY")
    assert amount_in_words(Decimal("1063688"), "JPY") == (
        "SAY JAPANESE YEN ONE MILLION SIXTY-THREE THOUSAND SIX HUNDRED AND EIGHTY-EIGHT ONLY")
    assert amount_in_words(Decimal("100.000"), "EUR") == "SAY EUROS ONE HUNDRED ONLY"
