"""Money in one reporting currency, through a table of exchange rates the user keeps (the app is offline).

Each rate says what one unit of a currency is worth in the reporting currency, and the day it was
taken ("1 EUR = 1.08 USD, as of 2026-11-01"). Changing the reporting currency rebases the table, so
the user only ever reads rates against the currency they report in.

`convert(amount, currency, to)` raises `MissingRateError` naming the currency without a rate; bulk
figures (tiers, dashboard) use a `RateTable` and leave out what cannot be converted, saying which
currencies were missing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import DomainError, ValidationError
from trade_crm.store.models import database
from trade_crm.store.settings import SettingKey
from trade_crm.store.sql import upsert

REPORTING_CURRENCY = SettingKey("currency.reporting", str, "USD", "Reporting currency")
_CODE = re.compile(r"^[A-Z]{3}$")
_PLACES = Decimal("0.000001")


class MissingRateError(DomainError):
    """No exchange rate is known for `currency`; the message says where to add one."""

    def __init__(self, currency: str, to: str):
        super().__init__(f"no exchange rate for {currency}: add one (1 {currency} = … {to}) under "
                         f"Exchange rates, or with `trade-crm rates set {currency} RATE`")
        self.currency = currency
        self.to = to


@dataclass(frozen=True)
class ExchangeRate:
    currency: str
    rate: Decimal  # one unit of `currency` in the reporting currency
    as_of: date


@dataclass(frozen=True)
class RateTable:
    """The rates against `reporting`, for converting many amounts without a query each."""

    reporting: str
    rates: dict[str, ExchangeRate]

    def factor(self, currency: str) -> float | None:
        """What one unit of `currency` is worth in the reporting currency (float, for sums); None: unknown."""
        if currency == self.reporting:
            return 1.0
        rate = self.rates.get(currency)
        return float(rate.rate) if rate else None

    def convert(self, amount: Decimal | float | int, currency: str, to: str | None = None) -> Decimal:
        """`amount` of `currency` in `to` (default: the reporting currency), to the cent."""
        to = (to or self.reporting).upper()
        currency = currency.upper()
        value = Decimal(str(amount))
        if currency == to:
            return value.quantize(Decimal("0.01"))
        base = value if currency == self.reporting else value * self.rate(currency)
        out = base if to == self.reporting else base / self.rate(to)
        return out.quantize(Decimal("0.01"))

    def rate(self, currency: str) -> Decimal:
        """One unit of `currency` in the reporting currency; MissingRateError when there is none."""
        if currency == self.reporting:
            return Decimal(1)
        rate = self.rates.get(currency)
        if rate is None:
            raise MissingRateError(currency, self.reporting)
        return rate.rate


def check_code(code: str, field: str = "currency") -> str:
    code = (code or "").strip().upper()
    if not _CODE.match(code):
        raise ValidationError(field, f'"{code}" is not a 3-letter currency code')
    return code


def parse_rate(value: object) -> Decimal:
    try:
        rate = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation as exc:
        raise ValidationError("rate", f'"{value}" is not a number') from exc
    if not rate.is_finite() or rate <= 0:
        raise ValidationError("rate", "an exchange rate is a number above zero")
    return rate.quantize(_PLACES) if rate >= _PLACES else rate


def reporting_currency() -> str:
    code = REPORTING_CURRENCY.read().strip().upper()
    return code if _CODE.match(code) else REPORTING_CURRENCY.default


def rates() -> list[ExchangeRate]:
    """Every stored rate, by currency code."""
    return [ExchangeRate(code, Decimal(rate), date.fromisoformat(as_of)) for code, rate, as_of in
            database.obj.execute_sql("SELECT currency, rate, as_of FROM exchange_rate ORDER BY currency")]


def rate_table() -> RateTable:
    return RateTable(reporting_currency(), {r.currency: r for r in rates()})


def convert(amount: Decimal | float | int, currency: str, to: str | None = None) -> Decimal:
    """`amount` of `currency` in `to` (default: the reporting currency); MissingRateError names a gap."""
    return rate_table().convert(amount, currency, to)


_KEY, _COLUMNS = ("currency",), ("currency", "rate", "as_of", "updated_at")


def set_rate(currency: str, rate: object, as_of: date, clock: Clock) -> ExchangeRate:
    """Store 1 `currency` = `rate` reporting-currency units, as of `as_of`."""
    code = check_code(currency)
    if code == reporting_currency():
        raise ValidationError("currency", f"{code} is the reporting currency: its rate is always 1")
    value = parse_rate(rate)
    with database.obj.atomic():
        upsert(database.obj, "exchange_rate", _KEY, _COLUMNS,
               [(code, str(value), as_of.isoformat(), clock.now().strftime("%Y-%m-%d %H:%M:%S"))])
    return ExchangeRate(code, value, as_of)


def set_rates(table: list[tuple[str, object, date]], clock: Clock, *, replace_all: bool = False) -> None:
    """Store several rates in one transaction (the rates dialog's Save); `replace_all` drops the others."""
    checked = [(check_code(code), parse_rate(rate), as_of) for code, rate, as_of in table]
    reporting = reporting_currency()
    for code, _rate, _as_of in checked:
        if code == reporting:
            raise ValidationError("currency", f"{code} is the reporting currency: its rate is always 1")
    stamp = clock.now().strftime("%Y-%m-%d %H:%M:%S")
    with database.obj.atomic():
        if replace_all:
            database.obj.execute_sql("DELETE FROM exchange_rate")
        upsert(database.obj, "exchange_rate", _KEY, _COLUMNS,
               [(code, str(rate), as_of.isoformat(), stamp) for code, rate, as_of in checked])


def delete_rate(currency: str) -> None:
    with database.obj.atomic():
        database.obj.execute_sql("DELETE FROM exchange_rate WHERE currency = ?", (check_code(currency),))


def set_reporting_currency(currency: str, clock: Clock) -> None:
    """Report in `currency` from now on, rebasing every rate through its rate against the old one.

    A rebased rate keeps the older of its two dates: it is no fresher than either rate it came from.
    """
    code = check_code(currency)
    old = reporting_currency()
    if code == old:
        return
    table = rate_table()
    pivot = table.rates.get(code)
    if pivot is None and table.rates:
        raise MissingRateError(code, old)
    stamp = clock.now().strftime("%Y-%m-%d %H:%M:%S")
    rebased = []
    if pivot is not None:
        rebased.append((old, str(parse_rate(Decimal(1) / pivot.rate)), pivot.as_of.isoformat(), stamp))
        for other in table.rates.values():
            if other.currency != code:
                rebased.append((other.currency, str(parse_rate(other.rate / pivot.rate)),
                                min(other.as_of, pivot.as_of).isoformat(), stamp))
    with database.obj.atomic():
        database.obj.execute_sql("DELETE FROM exchange_rate")
        database.obj.cursor().executemany(
            "INSERT INTO exchange_rate (currency, rate, as_of, updated_at) VALUES (?, ?, ?, ?)", rebased)
        REPORTING_CURRENCY.write(code)


def currencies_in_use() -> list[str]:
    """Currencies of orders and opportunities, most used first (what the rates table should cover)."""
    rows = database.obj.execute_sql(
        "SELECT currency, sum(n) FROM (SELECT currency, count(*) AS n FROM orders GROUP BY currency "
        "UNION ALL SELECT currency, count(*) FROM opportunity GROUP BY currency) AS used GROUP BY currency "
        "ORDER BY 2 DESC, 1").fetchall()
    return [code for code, _n in rows if code]


def missing_rates() -> list[str]:
    """Currencies in use that have no rate against the reporting currency."""
    table = rate_table()
    return [code for code in currencies_in_use() if table.factor(code) is None]


def seed_rates(per_usd: Mapping[str, float], as_of: date, clock: Clock) -> int:
    """Rates from a table of units per US dollar, for the currencies that have no rate yet.

    For a generated book (the demo's own table) whose figures must add up: real rates are the user's to
    keep, so existing ones are left alone. The number of rates added.
    """
    reporting = reporting_currency()
    per_reporting = per_usd.get(reporting)
    if per_reporting is None:
        return 0
    known = {r.currency for r in rates()}
    table = [(code, Decimal(str(per_reporting)) / Decimal(str(units)), as_of)
             for code, units in sorted(per_usd.items()) if code != reporting and code not in known]
    set_rates(table, clock)
    return len(table)
