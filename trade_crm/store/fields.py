"""Column types that keep the brief's time rules: instants are UTC, person-meant dates are dates."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

from peewee import DecimalField, TextField

_FORMAT = "%Y-%m-%d %H:%M:%S"


class UTCDateTimeField(TextField):
    """An instant, stored as sortable UTC text and returned timezone-aware.

    Naive datetimes are refused rather than guessed at: a naive value is the classic source of
    an off-by-eight-hours bug for a salesperson in Shenzhen writing to a buyer in Hamburg.
    """

    field_type = "TEXT"

    def db_value(self, value):
        if value is None:
            return None
        if isinstance(value, str):
            return value
        if value.tzinfo is None:
            raise ValueError(f"{self.name}: naive datetime {value!r}; pass an aware datetime")
        return value.astimezone(timezone.utc).strftime(_FORMAT)

    def python_value(self, value):
        if value is None or isinstance(value, datetime):
            return value
        return datetime.strptime(value[:19], _FORMAT).replace(tzinfo=timezone.utc)


class ExactDecimalField(DecimalField):
    """An exact decimal with a fixed number of places, read back as `Decimal` on both engines (SQLite keeps
    NUMERIC as a float of at most 15 significant digits, which `str` gives back exactly at these sizes)."""

    def __init__(self, *args, places: int, **kwargs):
        kwargs.setdefault("max_digits", 18)
        kwargs.setdefault("auto_round", True)
        super().__init__(*args, decimal_places=places, **kwargs)
        self.quantum = Decimal(1).scaleb(-places)

    def python_value(self, value):
        if value is None:
            return None
        return Decimal(str(value)).quantize(self.quantum)


class MoneyField(ExactDecimalField):
    """Amounts as exact decimals, never floats: 3 places for the currencies that have them (KWD, BHD, OMR, JOD,
    TND), read back with 2 where the third is 0 (USD 1,234.50 reads as before)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, places=3, **kwargs)

    def python_value(self, value):
        return None if value is None else money_value(value)


_MILLS, _CENT = Decimal("0.001"), Decimal("0.01")


def money_value(value: object) -> Decimal:
    """An amount as MoneyField keeps it: 3 places, read with 2 where the third is 0 (`str`, `Decimal` or a
    number that is exact in its shortest repr)."""
    exact = Decimal(str(value)).quantize(_MILLS)
    cents = exact.quantize(_CENT)
    return cents if cents == exact else exact
