"""Money for quotations: `Decimal` end to end, amounts rounded to the currency's minor unit (JPY 0 places,
USD 2, KWD 3), as the buyer's bank and the PI must agree to the last unit.

CLDR (through babel, already a dependency) knows each ISO 4217 currency's digits; a hand table would drift.
Unit prices keep 4 places (a screw at USD 0.0350) and quantities 3; only amounts are rounded, half up as
invoices round.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from babel.numbers import get_currency_precision

from trade_crm.domain.errors import ValidationError

PRICE_PLACES = 4
QUANTITY_PLACES = 3
_HUNDRED = Decimal(100)


def minor_unit(currency: str) -> int:
    """Digits after the point in `currency`'s amounts (2 for an unknown code, as CLDR says)."""
    return get_currency_precision(currency.upper())


def round_money(amount: Decimal, currency: str) -> Decimal:
    return amount.quantize(Decimal(1).scaleb(-minor_unit(currency)), rounding=ROUND_HALF_UP)


def line_amount(quantity: Decimal, unit_price: Decimal, discount_percent: Decimal, currency: str) -> Decimal:
    """What a line costs the buyer: quantity × unit price less the discount, rounded once, at the end."""
    return round_money(quantity * unit_price * (_HUNDRED - discount_percent) / _HUNDRED, currency)


def format_amount(amount: Decimal, currency: str) -> str:
    """`12,345.60` for USD, `1,235` for JPY: digits a buyer's bank reads the same everywhere (no locale)."""
    places = minor_unit(currency)
    return f"{round_money(amount, currency):,.{places}f}"


def parse_decimal(value: object, field: str, *, places: int = PRICE_PLACES, minimum: Decimal | None = None) -> Decimal:
    """A number the user typed or a cell held ("1,234.50", 12, "0.035") as an exact Decimal; a float is refused
    (it has already lost the cents). Raises ValidationError naming `field`."""
    if isinstance(value, bool) or isinstance(value, float):
        raise ValidationError(field, f"{value!r} is a float; give the number as text or Decimal")
    if isinstance(value, Decimal | int):
        number = Decimal(value)
    else:
        text = str(value or "").strip().replace(" ", "").replace("\u00a0", "")
        whole, _, tail = text.partition(",")
        if "," in text and "." in text or text.count(",") > 1:
            text = text.replace(",", "")  # 1,234.50 or 1,234,567
        elif "," in text and len(tail) == 3 and whole.lstrip("-") not in ("", "0"):
            text = text.replace(",", "")  # 1,000 pcs
        elif "," in text:
            text = text.replace(",", ".")  # 12,5 or 0,035 from a European sheet
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValidationError(field, f"{value!r} is not a number") from None
    if not number.is_finite():
        raise ValidationError(field, f"{value!r} is not a number")
    if minimum is not None and number < minimum:
        raise ValidationError(field, f"{number} is below {minimum}")
    rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if rounded != number:
        raise ValidationError(field, f"{number} has more than {places} decimal places")
    return rounded
