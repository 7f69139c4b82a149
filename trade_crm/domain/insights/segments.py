"""Know your customers: lifecycle stage, A/B/C value tier and RFM scores, computed from the orders.

The rules (thresholds in segment_settings.py, editable):

- **potential**: no order yet; **new**: one order; **returning**: two or more.
- **loyal**: orders spread over `loyal_months` (12) or more, and in a top tier (`loyal_tiers`, "A").
- **dormant**: the reminder engine's churn rule (`reminder_rules.dormancy`): longer without an order
  than 1.5x the usual reorder interval, or 180 days after a single order. Dormant wins over the others.
- **lost**: set by hand (`customer.lost`); never set or cleared here.
- **tier** A/B/C: the Pareto rule over the last `tier_months` (12) months' order value in the reporting
  currency: the biggest customers making up the first 80 % of the value are A, the next ones up to 95 %
  are B, the rest C. Customers without orders in that period have no tier. A hand-set rating is a
  separate field and is never touched.
- **RFM**: recency (days since the last order), frequency (orders) and monetary (all-time value), each
  scored 1-5 by quintile among the customers who ever ordered; 5 is best, ties share a score.

`recompute_segments(clock)` does it set-based for the whole book (one grouped query over the orders,
one over the customers, then Python), and writes only what changed, in one transaction: the stage to
`customer.lifecycle`, the rest to `customer_segment`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from trade_crm.domain.bulk import collector_paused
from trade_crm.domain.clock import Clock, today
from trade_crm.domain.insights.segment_settings import SegmentSettings
from trade_crm.domain.reminders.rules import dormancy
from trade_crm.domain.reminders.settings import ReminderSettings
from trade_crm.domain.world.currency import RateTable, rate_table
from trade_crm.store.models import database
from trade_crm.store.settings import SettingKey
from trade_crm.store.sql import dialect, upsert

TIERS = ("A", "B", "C")
STAGES = ("potential", "new", "returning", "loyal", "dormant", "lost")
COMPUTED = SettingKey("segments.computed", dict, {}, "When segments were last computed")


@dataclass(frozen=True)
class OrderHistory:
    """One customer's orders, summed up; values in the reporting currency."""

    customer_id: int
    orders: int
    first: date
    last: date
    value_window: float = 0.0  # the tier period (last 12 months)
    value_total: float = 0.0


@dataclass(frozen=True)
class Segment:
    customer_id: int
    lifecycle: str
    tier: str | None = None
    recency: int | None = None  # RFM scores, 1-5
    frequency: int | None = None
    monetary: int | None = None
    orders: int = 0
    first_order: date | None = None
    last_order: date | None = None
    value_12m: float = 0.0
    value_total: float = 0.0
    dormant_on: date | None = None  # the day the churn rule calls them dormant

    @property
    def rfm(self) -> str:
        return "".join(str(s) for s in (self.recency, self.frequency, self.monetary)) if self.recency else ""


@dataclass(frozen=True)
class SegmentSummary:
    on: date
    reporting: str
    customers: int
    ordering: int  # customers with at least one order
    changed: int  # customers whose stage or segment changed
    tiers: dict[str, int]
    lifecycles: dict[str, int]
    missing_rates: tuple[str, ...]  # currencies left out of the values: no exchange rate


# --- the pure rules ------------------------------------------------------------------------------

def pareto_tiers(values: Mapping[int, float], a_share: float = 0.80, b_share: float = 0.95) -> dict[int, str]:
    """A/B/C by the Pareto rule: sorted by value (ties by id), a customer is A while the value before
    them is under `a_share` of the total, B while under `b_share`, else C. Zero values get no tier."""
    ranked = sorted(((v, cid) for cid, v in values.items() if v > 0), key=lambda p: (-p[0], p[1]))
    total = sum(v for v, _ in ranked)
    out, before = {}, 0.0
    a_cut, b_cut = total * a_share, total * b_share
    for value, cid in ranked:
        out[cid] = "A" if before < a_cut else "B" if before < b_cut else "C"
        before += value
    return out


def quintile_scores(values: Mapping[int, float], *, higher_is_better: bool = True) -> dict[int, int]:
    """1-5 by quintile of rank: the top fifth scores 5. Equal values share a score."""
    ordered = sorted(values.values())
    n = len(ordered)
    out = {}
    for cid, value in values.items():
        worse = bisect_left(ordered, value) if higher_is_better else n - bisect_right(ordered, value)
        out[cid] = min(5, 1 + 5 * worse // n)
    return out


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last_day in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last_day))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def lifecycle_for(history: OrderHistory | None, tier: str | None, on: date, settings: SegmentSettings,
                  churn: ReminderSettings | None = None) -> tuple[str, date | None]:
    """(stage, the day they count as dormant) for one customer's history, as seen on `on`."""
    if history is None or history.orders == 0:
        return "potential", None
    churn = churn or churn_settings(settings)
    dormant_on, _usual = dormancy(history.orders, history.first, history.last, churn)
    if on >= dormant_on:
        return "dormant", dormant_on
    if tier and tier in settings.loyal_tiers and _add_months(history.first, settings.loyal_months) <= history.last:
        return "loyal", dormant_on
    return ("returning" if history.orders >= 2 else "new"), dormant_on


def churn_settings(settings: SegmentSettings) -> ReminderSettings:
    """The reminder engine's settings with these dormancy thresholds: one churn rule for both."""
    return replace(ReminderSettings(), single_order_dormant_days=settings.single_order_dormant_days,
                   dormant_factor=settings.dormant_factor)


def segment_histories(histories: Iterable[OrderHistory], on: date, settings: SegmentSettings
                      ) -> dict[int, Segment]:
    """The segment of every customer in `histories` (customers without orders are simply potential)."""
    by_id = {h.customer_id: h for h in histories if h.orders > 0}
    tiers = pareto_tiers({cid: h.value_window for cid, h in by_id.items()},
                         settings.tier_a_share / 100, settings.tier_b_share / 100)
    recency = quintile_scores({cid: (on - h.last).days for cid, h in by_id.items()}, higher_is_better=False)
    frequency = quintile_scores({cid: h.orders for cid, h in by_id.items()})
    monetary = quintile_scores({cid: h.value_total for cid, h in by_id.items()})
    churn = churn_settings(settings)
    out = {}
    for cid, h in by_id.items():
        tier = tiers.get(cid)
        stage, dormant_on = lifecycle_for(h, tier, on, settings, churn)
        out[cid] = Segment(cid, stage, tier, recency[cid], frequency[cid], monetary[cid], h.orders, h.first,
                           h.last, h.value_window, h.value_total, dormant_on)
    return out


# --- the book ------------------------------------------------------------------------------------

def order_histories(on: date, settings: SegmentSettings, table: RateTable
                    ) -> tuple[list[OrderHistory], tuple[str, ...]]:
    """Every ordering customer's history, and the currencies that could not be converted."""
    since = _add_months(on, -settings.tier_months).isoformat()
    merged: dict[int, list] = {}
    missing: set[str] = set()
    sum_of = dialect(database).sum_or_zero
    for cid, currency, n, first, last, total, window in database.obj.execute_sql(
            f"SELECT customer_id, currency, count(*), min(ordered_on), max(ordered_on), {sum_of('amount')}, "
            f"{sum_of('CASE WHEN ordered_on > ? THEN amount END')} FROM orders GROUP BY customer_id, currency",
            (since,)):
        factor = table.factor(currency)
        if factor is None:
            missing.add(currency)
            factor = 0.0
        row = merged.get(cid)
        if row is None:
            merged[cid] = [n, first, last, window * factor, total * factor]
        else:
            row[0] += n
            row[1], row[2] = min(row[1], first), max(row[2], last)
            row[3] += window * factor
            row[4] += total * factor
    histories = [OrderHistory(cid, n, date.fromisoformat(first), date.fromisoformat(last), window, total)
                 for cid, (n, first, last, window, total) in merged.items()]
    return histories, tuple(sorted(missing))


_SEGMENT_COLUMNS = ("customer_id", "tier", "recency", "frequency", "monetary", "orders", "first_order",
                    "last_order", "value_12m", "value_total", "dormant_on")


def _row(s: Segment) -> tuple:
    return (s.customer_id, s.tier, s.recency, s.frequency, s.monetary, s.orders,
            s.first_order.isoformat() if s.first_order else None, s.last_order.isoformat() if s.last_order else None,
            s.value_12m, s.value_total, s.dormant_on.isoformat() if s.dormant_on else None)


def recompute_segments(clock: Clock, settings: SegmentSettings | None = None) -> SegmentSummary:
    """Recompute every customer's stage, tier and RFM; write what changed, in one transaction."""
    settings = settings or SegmentSettings.load()
    on = today(clock)
    db = database.obj
    with collector_paused(), db.atomic():  # ~100k small tuples, none cyclic
        table = rate_table()
        histories, missing = order_histories(on, settings, table)
        segments = segment_histories(histories, on, settings)
        stored = {r[0]: r for r in db.execute_sql(f"SELECT {', '.join(_SEGMENT_COLUMNS)} FROM customer_segment")}
        stages: Counter[str] = Counter()
        stage_updates = []
        for cid, current, lost in db.execute_sql("SELECT id, lifecycle, lost FROM customer"):
            segment = segments.get(cid)
            stage = segment.lifecycle if segment else "potential"
            stages["lost" if lost else stage] += 1
            if stage != current:
                stage_updates.append((stage, cid))
        rows = [_row(s) for s in segments.values()]
        changed_rows = [r for r in rows if stored.get(r[0]) != r]
        gone = [(cid,) for cid in stored if cid not in segments]
        cursor = db.cursor()
        cursor.executemany("UPDATE customer SET lifecycle = ? WHERE id = ?", stage_updates)
        cursor.executemany("DELETE FROM customer_segment WHERE customer_id = ?", gone)
        upsert(db, "customer_segment", _SEGMENT_COLUMNS[:1], _SEGMENT_COLUMNS, changed_rows)
        COMPUTED.write({"on": on.isoformat(), "reporting": table.reporting, "missing_rates": list(missing)})
    tiers = Counter(s.tier for s in segments.values() if s.tier)
    changed = len({cid for _stage, cid in stage_updates} | {r[0] for r in changed_rows} | {g[0] for g in gone})
    return SegmentSummary(on, table.reporting, sum(stages.values()), len(segments), changed,
                          {t: tiers.get(t, 0) for t in TIERS}, {s: stages.get(s, 0) for s in STAGES}, missing)


def last_computed() -> dict:
    """{"on": day, "reporting": code, "missing_rates": [...]} of the last recompute; {} when never."""
    return COMPUTED.read()


def segment_of(customer_id: int) -> Segment | None:
    """The stored segment of one customer (None when they are unknown)."""
    row = database.obj.execute_sql(
        f"SELECT c.id, CASE WHEN c.lost THEN 'lost' ELSE c.lifecycle END, "
        f"{', '.join('s.' + c for c in _SEGMENT_COLUMNS[1:])} FROM customer c "
        "LEFT JOIN customer_segment s ON s.customer_id = c.id WHERE c.id = ?", (customer_id,)).fetchone()
    if row is None:
        return None
    cid, stage, tier, r, f, m, orders, first, last, v12, vtotal, dormant_on = row
    def as_day(text: str | None) -> date | None:
        return date.fromisoformat(text) if text else None

    return Segment(cid, stage, tier, r, f, m, orders or 0, as_day(first), as_day(last), v12 or 0.0, vtotal or 0.0,
                   as_day(dormant_on))
