from decimal import Decimal

import pytest

from trade_crm.domain.errors import ValidationError
from trade_crm.domain.quotes.money import format_amount, line_amount, minor_unit, parse_decimal, round_money


def test_amounts_round_to_each_currencys_minor_unit():
    assert minor_unit("JPY") == 0 and minor_unit("usd") == 2 and minor_unit("KWD") == 3
    assert round_money(Decimal("1234.5"), "JPY") == Decimal("1235")
    assert round_money(Decimal("2.345"), "USD") == Decimal("2.35")
    assert round_money(Decimal("1.2345"), "KWD") == Decimal("1.235")


def test_a_line_is_rounded_once_after_the_discount():
    assert line_amount(Decimal(1000), Decimal("0.0350"), Decimal(5), "USD") == Decimal("33.25")
    assert line_amount(Decimal(3), Decimal("333.3333"), Decimal(0), "JPY") == Decimal("1000")


def test_amounts_print_with_grouping_and_the_currencys_places():
    assert format_amount(Decimal("12345.6"), "USD") == "12,345.60"
    assert format_amount(Decimal("1234.5"), "KWD") == "1,234.500"
    assert format_amount(Decimal("98765"), "JPY") == "98,765"


@pytest.mark.parametrize(("text", "number"), [
    ("1,000", "1000"), ("12,5", "12.5"), ("0,035", "0.035"), ("1,234.50", "1234.50"), ("1 234,5", "1234.5"),
    (7, "7"), (Decimal("0.0350"), "0.035"),
])
def test_typed_numbers_become_exact_decimals(text, number):
    assert parse_decimal(text, "unit_price") == Decimal(number)


@pytest.mark.parametrize("bad", ["abc", 1.5, "NaN", "0.00001"])
def test_a_bad_number_names_its_field(bad):
    with pytest.raises(ValidationError) as caught:
        parse_decimal(bad, "unit_price")
    assert caught.value.field == "unit_price"


def test_a_number_below_the_minimum_is_refused():
    with pytest.raises(ValidationError, match="below 0"):
        parse_decimal("-1", "quantity", minimum=Decimal(0))
