"""The figures of the dashboard and of `trade-crm stats`: one frozen value, read from the stored segments.

Stages and tiers come from `customer.lifecycle` and `customer_segment` (kept by segments.py), so call
`recompute_segments` first when the book changed. Money is in the reporting currency; amounts in a
currency without an exchange rate are left out and named in `missing_rates`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.customers.timeline import CONTACT_KINDS
from trade_crm.domain.insights.pipeline import CLOSED_PERIODS, DEFAULT_PERIOD, closed_since, in_period_sql
from trade_crm.domain.insights.segments import STAGES, TIERS, last_computed
from trade_crm.domain.world.currency import RateTable, rate_table
from trade_crm.store.models import OPPORTUNITY_STAGES, database
from trade_crm.store.sql import day_shift, dialect

TOP_COUNTRIES = 15
TOP_CUSTOMERS = 20
WEEKS = 12
MONTHS = 12
CLOSED_DAYS = CLOSED_PERIODS[DEFAULT_PERIOD]  # by default won and lost deals count for a year after they closed
NO_TIER = ""


@dataclass(frozen=True)
class Bucket:
    key: str  # a country code, tier ("" = none), or stage
    count: int
    value: float = 0.0


@dataclass(frozen=True)
class StageTotal:
    stage: str
    count: int
    value: float  # in the reporting currency
    weighted: float  # value x probability


@dataclass(frozen=True)
class Period:
    start: date  # a Monday (weeks) or the 1st (months)
    count: int
    value: float = 0.0


@dataclass(frozen=True)
class CustomerFigure:
    id: int
    name: str
    country: str | None
    rating: str | None
    tier: str | None
    lifecycle: str
    value_12m: float
    value_total: float
    orders: int
    last_order: date | None
    rfm: str


@dataclass(frozen=True)
class BookStats:
    on: date
    reporting: str
    customers: int
    countries: tuple[Bucket, ...]
    tiers: tuple[Bucket, ...]
    lifecycles: tuple[Bucket, ...]
    pipeline: tuple[StageTotal, ...]
    follow_ups: tuple[Period, ...]
    orders: tuple[Period, ...]
    top_customers: tuple[CustomerFigure, ...]
    dormant: tuple[CustomerFigure, ...]
    dormant_count: int
    missing_rates: tuple[str, ...]
    segments_on: str  # the day the stored stages and tiers were computed ("" = never)
    pipeline_period: str = DEFAULT_PERIOD  # the funnel: open deals + those closed in it (pipeline.CLOSED_PERIODS)


def _month_start(day: date, back: int = 0) -> date:
    month = day.year * 12 + day.month - 1 - back
    return date(month // 12, month % 12 + 1, 1)


def _countries() -> tuple[Bucket, ...]:
    rows = database.obj.execute_sql(
        "SELECT country, count(*) FROM customer WHERE country IS NOT NULL GROUP BY country "
        "ORDER BY 2 DESC, 1 LIMIT ?", (TOP_COUNTRIES,)).fetchall()
    return tuple(Bucket(code, n) for code, n in rows)


def _tiers(customers: int) -> tuple[Bucket, ...]:
    found = {tier: (n, value) for tier, n, value in database.obj.execute_sql(
        f"SELECT tier, count(*), {dialect(database).sum_or_zero('value_12m')} FROM customer_segment "
        "WHERE tier IS NOT NULL GROUP BY tier")}
    out = [Bucket(t, *found.get(t, (0, 0.0))) for t in TIERS]
    return (*out, Bucket(NO_TIER, customers - sum(b.count for b in out)))


def _lifecycles() -> tuple[Bucket, ...]:
    found = dict(database.obj.execute_sql(
        "SELECT CASE WHEN lost THEN 'lost' ELSE lifecycle END, count(*) FROM customer GROUP BY 1"))
    return tuple(Bucket(stage, found.get(stage, 0)) for stage in STAGES)


def _pipeline(on: date, table: RateTable, missing: set[str], period: str) -> tuple[StageTotal, ...]:
    sums: dict[str, list] = {stage: [0, 0.0, 0.0] for stage in OPPORTUNITY_STAGES}
    condition, params = in_period_sql(closed_since(on, period))
    sum_of = dialect(database).sum_or_zero
    for stage, currency, n, value, weighted in database.obj.execute_sql(
            f"SELECT o.stage, o.currency, count(*), {sum_of('o.value')}, "
            f"{sum_of('o.value * coalesce(o.probability, 0) / 100.0')} "
            f"FROM opportunity o WHERE {condition} GROUP BY o.stage, o.currency", params):
        row = sums.setdefault(stage, [0, 0.0, 0.0])
        factor = table.factor(currency)
        if factor is None:
            missing.add(currency)
            factor = 0.0
        row[0] += n
        row[1] += value * factor
        row[2] += weighted * factor
    return tuple(StageTotal(stage, n, round(v, 2), round(w, 2)) for stage, (n, v, w) in sums.items())


def _follow_ups(clock: Clock, on: date) -> tuple[Period, ...]:
    monday = on - timedelta(days=on.weekday())
    first = monday - timedelta(weeks=WEEKS - 1)
    offset = clock.now().astimezone(clock.zone).utcoffset() or timedelta(0)
    kinds = sorted(CONTACT_KINDS - {"order"})
    counts = [0] * WEEKS
    for day, n in database.obj.execute_sql(
            f"SELECT {dialect(database).local_day('occurred_at')}, count(*) FROM interaction "
            f"WHERE occurred_at >= ? AND kind IN ({','.join('?' * len(kinds))}) GROUP BY 1",
            [day_shift(int(offset.total_seconds() // 60)), (first - timedelta(days=1)).isoformat(), *kinds]):
        week = (date.fromisoformat(day) - first).days // 7
        if 0 <= week < WEEKS:
            counts[week] += n
    return tuple(Period(first + timedelta(weeks=w), counts[w]) for w in range(WEEKS))


def _orders(on: date, table: RateTable, missing: set[str]) -> tuple[Period, ...]:
    months = [_month_start(on, back) for back in range(MONTHS - 1, -1, -1)]
    sums = {m.isoformat()[:7]: [0, 0.0] for m in months}
    sql = dialect(database)
    for month, currency, n, amount in database.obj.execute_sql(
            f"SELECT {sql.year_month('ordered_on')}, currency, count(*), {sql.sum_or_zero('amount')} FROM orders "
            "WHERE ordered_on >= ? AND ordered_on <= ? GROUP BY 1, 2", (months[0].isoformat(), on.isoformat())):
        factor = table.factor(currency)
        if factor is None:
            missing.add(currency)
            factor = 0.0
        sums[month][0] += n
        sums[month][1] += amount * factor
    return tuple(Period(m, sums[m.isoformat()[:7]][0], round(sums[m.isoformat()[:7]][1], 2)) for m in months)


_FIGURE_SQL = (
    "SELECT c.id, c.name, c.country, c.rating, s.tier, CASE WHEN c.lost THEN 'lost' ELSE c.lifecycle END, "
    "coalesce(s.value_12m, 0), coalesce(s.value_total, 0), coalesce(s.orders, 0), s.last_order, "
    "s.recency, s.frequency, s.monetary FROM customer c ")


def _figures(sql: str, params: tuple = ()) -> tuple[CustomerFigure, ...]:
    out = []
    for cid, name, country, rating, tier, stage, v12, vtotal, orders, last, r, f, m in database.obj.execute_sql(
            _FIGURE_SQL + sql, params):
        out.append(CustomerFigure(cid, name, country, rating, tier, stage, v12, vtotal, orders,
                                  date.fromisoformat(last) if last else None, f"{r}{f}{m}" if r else ""))
    return tuple(out)


def top_customers(limit: int = TOP_CUSTOMERS) -> tuple[CustomerFigure, ...]:
    """The biggest customers by the last 12 months' order value."""
    return _figures("JOIN customer_segment s ON s.customer_id = c.id WHERE s.value_12m > 0 "
                    "ORDER BY s.value_12m DESC, c.id LIMIT ?", (limit,))


def dormant_customers(limit: int | None = 50) -> tuple[CustomerFigure, ...]:
    """Dormant customers (not marked lost), the most valuable first."""
    return _figures("JOIN customer_segment s ON s.customer_id = c.id WHERE c.lifecycle = 'dormant' AND NOT c.lost "
                    "ORDER BY s.value_total DESC, c.id LIMIT ?", (dialect(database).NO_LIMIT if limit is None else limit,))


def book_stats(clock: Clock, *, dormant_limit: int | None = 50, period: str = DEFAULT_PERIOD) -> BookStats:
    """Every figure of the dashboard; the funnel counts open deals and those closed in `period`."""
    on = today(clock)
    table = rate_table()
    missing: set[str] = set(last_computed().get("missing_rates", []))
    customers = database.obj.execute_sql("SELECT count(*) FROM customer").fetchone()[0]
    lifecycles = _lifecycles()
    pipeline = _pipeline(on, table, missing, period)
    orders = _orders(on, table, missing)
    return BookStats(
        on=on, reporting=table.reporting, customers=customers, countries=_countries(), tiers=_tiers(customers),
        lifecycles=lifecycles, pipeline=pipeline, follow_ups=_follow_ups(clock, on), orders=orders,
        top_customers=top_customers(), dormant=dormant_customers(dormant_limit),
        dormant_count=next(b.count for b in lifecycles if b.key == "dormant"),
        missing_rates=tuple(sorted(missing)), segments_on=last_computed().get("on", ""), pipeline_period=period)
