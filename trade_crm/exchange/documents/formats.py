"""How numbers print on a document: amounts through money.format_amount (the currency's minor unit), unit
prices with at least as many places as the currency and more when the price has them (USD 0.035), quantities
as given (1,000 or 12.5), and the amount in words that PIs carry ("SAY US DOLLARS ... ONLY")."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import get_currency_name

from trade_crm.domain.quotes.money import format_amount, minor_unit

__all__ = ["amount_in_words", "format_amount", "format_cbm", "format_decimal", "format_kg", "format_price",
           "format_quantity"]


def format_decimal(value: Decimal, places: int) -> str:
    return f"{value:,.{places}f}"


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def format_price(price: Decimal, currency: str) -> str:
    """0.035 USD -> "0.035"; 12.5 USD -> "12.50"; 1200 JPY -> "1,200"."""
    return format_decimal(price, max(minor_unit(currency), _places(price)))


def format_quantity(quantity: Decimal) -> str:
    """1000 -> "1,000"; 12.500 -> "12.5"."""
    return format_decimal(quantity, _places(quantity))


def format_cbm(cbm: Decimal) -> str:
    """Volume as freight forwarders and buyers read it: 3 places (55.23584 -> "55.236")."""
    return format_decimal(cbm.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP), 3)


def format_kg(kg: Decimal) -> str:
    """A weight to at most 2 places, no trailing zeros (1234.5 -> "1,234.5"; 211.006 -> "211.01")."""
    return format_quantity(kg.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


_ONES = ("ZERO ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE TEN ELEVEN TWELVE THIRTEEN FOURTEEN FIFTEEN "
         "SIXTEEN SEVENTEEN EIGHTEEN NINETEEN").split()
_TENS = "_ _ TWENTY THIRTY FORTY FIFTY SIXTY SEVENTY EIGHTY NINETY".split()
_SCALES = ((10**12, "TRILLION"), (10**9, "BILLION"), (10**6, "MILLION"), (1000, "THOUSAND"))


def _below_thousand(number: int) -> str:
    words = []
    if number >= 100:
        words.append(f"{_ONES[number // 100]} HUNDRED")
        number %= 100
        if number:
            words.append("AND")
    if number >= 20:
        words.append(_TENS[number // 10] + (f"-{_ONES[number % 10]}" if number % 10 else ""))
    elif number or not words:
        words.append(_ONES[number])
    return " ".join(words)


def number_in_words(number: int) -> str:
    """12345 -> "TWELVE THOUSAND THREE HUNDRED AND FORTY-FIVE" (British, as trade documents write it)."""
    words = []
    for scale, name in _SCALES:
        if number >= scale:
            words.append(f"{number_in_words(number // scale)} {name}")
            number %= scale
    if number or not words:
        words.append(_below_thousand(number))
    return " ".join(words)


def amount_in_words(amount: Decimal, currency: str) -> str:
    """12345.60 USD -> "SAY US DOLLARS TWELVE THOUSAND THREE HUNDRED AND FORTY-FIVE AND CENTS SIXTY ONLY"."""
    places = minor_unit(currency)
    whole = int(amount)
    name = get_currency_name(currency.upper(), count=2, locale="en").upper()
    text = f"SAY {name} {number_in_words(whole)}"
    if places:
        minor = int(((amount - whole) * 10**places).to_integral_value())
        if minor:
            text += f" AND {'CENTS' if places == 2 else 'FILS'} {number_in_words(minor)}"
    return text + " ONLY"
