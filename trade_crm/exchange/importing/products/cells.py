"""A product list's cells as a person typed them, read into ProductInput values.

"USD 2.50", "$2.5", "2.50 USD", "¥12", "1,000 pcs", "10.5 kgs", "60*40*35", "60 x 40 x 35 cm": the number and,
for a price, the currency it names. Exact decimals only (money.parse_decimal); a bad cell is a
ValidationError naming the product field, which the plan turns into a row problem naming the column.
"""

from __future__ import annotations

import re
from decimal import Decimal

from trade_crm.domain.errors import ValidationError
from trade_crm.domain.quotes.money import QUANTITY_PLACES, parse_decimal

_SYMBOLS = {"us$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "CNY", "￥": "CNY", "rmb": "CNY", "元": "CNY",
            "hk$": "HKD", "a$": "AUD", "c$": "CAD", "₽": "RUB", "₹": "INR"}
_CODE_AROUND = re.compile(r"^\s*([A-Za-z]{3})\s*(?=[-+\d.,])|(?<=[\d.])\s*([A-Za-z]{3})\s*$")
_QUANTITY_WORDS = re.compile(r"\s*(pcs|pc|pieces|piece|sets|set|units|unit|ctns|ctn|cartons|carton|个|只|件|套|箱|台|米|"
                             r"kgs|kg|公斤|千克|cbm|m3|m³|立方|cm|厘米)\.?\s*$", re.IGNORECASE)
_DIMENSIONS = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(?:cm)?\s*[*xX×✕✖/]\s*(\d+(?:[.,]\d+)?)\s*(?:cm)?\s*[*xX×✕✖/]\s*"
                         r"(\d+(?:[.,]\d+)?)\s*(?:cm|厘米)?\s*$", re.IGNORECASE)
_TAG_SPLIT = re.compile(r"[,;，；、|/]")


def money(text: str, field: str) -> tuple[Decimal, str | None]:
    """A price or cost cell: its exact number and the currency it names (None when it names none)."""
    value = text.strip()
    currency = None
    for symbol, code in sorted(_SYMBOLS.items(), key=lambda item: -len(item[0])):
        if value.lower().startswith(symbol) or value.lower().endswith(symbol):
            currency = code
            value = value[len(symbol):] if value.lower().startswith(symbol) else value[:-len(symbol)]
            break
    match = _CODE_AROUND.search(value)
    if match:
        currency = (match.group(1) or match.group(2)).upper()
        value = value[:match.start()] + value[match.end():] if match.group(2) else value[match.end():]
    if currency in ("RMB",):
        currency = "CNY"
    return parse_decimal(value.strip(), field), currency


def quantity(text: str, field: str) -> Decimal:
    """A count or a measure with its unit word dropped ("1,000 pcs", "10.5kg", "0.084 cbm")."""
    return parse_decimal(_QUANTITY_WORDS.sub("", text.strip()), field, places=6)


def whole(text: str, field: str) -> Decimal:
    number = quantity(text, field)
    if number != number.to_integral_value():
        raise ValidationError(field, f'"{text}" is not a whole number')
    return parse_decimal(number, field, places=QUANTITY_PLACES)


def dimensions(text: str) -> tuple[Decimal, Decimal, Decimal]:
    """A carton size "60*40*35" / "60 x 40 x 35 cm" as length, width, height in cm."""
    match = _DIMENSIONS.match(text.replace("，", ","))
    if match is None:
        raise ValidationError("carton_size", f'"{text}" is not a carton size like 60*40*35 (cm)')
    return tuple(parse_decimal(part, "carton_size", places=1) for part in match.groups())  # type: ignore[return-value]


def tags(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.strip() for t in _TAG_SPLIT.split(text) if t.strip()))


def hs_code(text: str) -> str:
    """An HS code as typed; a number Excel kept ("9405420000") is the same text."""
    return " ".join(text.split())
