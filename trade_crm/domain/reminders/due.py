"""What "due" means, defined once: the customer list's overdue filter, the status bar, the reminder pane,
the tray badge and `trade-crm reminders` all count with the functions here, so they tell the same numbers.

A customer's follow-up day is `customer.follow_up_on`, which the engine keeps true (`settle_follow_ups`,
run by every sync): the day planned by hand or with a logged interaction, unless a contact was logged on
or after it; then, or when none is planned, the last contact (or the day the customer was added) plus
the cadence of their rating or their own; none when no cadence applies. A lost customer has none.
The follow-up is due on that day and overdue after it (`OVERDUE_CUSTOMERS_SQL`, kept beside the customer
list's filters because customers may not import reminders). Every customer whose day has come has one open
follow-up reminder for that day ("follow_up:customer:ID:DAY"), and no other customer has one.

An event reminder (a holiday greeting, a birthday) is raised some days ahead: it is due from then, but
"overdue" only after the event itself (`due_status`).

Days of stored instants are taken in the user's zone at its current UTC offset (`sql.local_day`:
SQLite's `date(x, '+480 minutes')`): one SQL expression over the whole book, off by an hour at most around a DST change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone, tzinfo
from typing import Any

from trade_crm.domain.customers.query import OVERDUE_CUSTOMERS_SQL
from trade_crm.domain.reminders.settings import SYNC_BASIS, ReminderSettings
from trade_crm.store.models import database
from trade_crm.store.sql import day_shift, dialect

CUSTOMER_FOLLOW_UP = "follow_up:customer:"  # the key prefix of a customer's follow-up reminder
_STAMP = "%Y-%m-%d %H:%M:%S"
def due_by_kind(day: str, stamp: str) -> dict[str, int]:
    """How many reminders are due by kind: open ones due by `day` (the small (kind, due_on) index of open
    reminders, grouped in index order) and snoozed ones whose `stamp` has come (their own index). One
    query with an OR, or a UNION of the two, read the whole reminder table instead."""
    counts = dict(database.execute_sql(
        "SELECT kind, count(*) FROM reminder WHERE state = 'open' AND due_on <= ? GROUP BY kind", (day,)))
    for kind, n in database.execute_sql(
            "SELECT kind, count(*) FROM reminder WHERE state = 'snoozed' AND snoozed_until <= ? GROUP BY kind",
            (stamp,)):
        counts[kind] = counts.get(kind, 0) + n
    return counts


def _offset(zone: tzinfo, now: datetime) -> str:
    shift = now.astimezone(zone).utcoffset()
    return day_shift(int(shift.total_seconds() // 60) if shift else 0)


def _cadence_sql(settings: ReminderSettings) -> tuple[str, list[Any]]:
    """SQL for the customer's keep-in-touch cadence in days (0: none)."""
    parts, params = [], []
    own: dict[int, list[int]] = {}
    for cid, days in settings.customer_cadence.items():
        own.setdefault(days, []).append(cid)
    for days, ids in sorted(own.items()):
        parts.append(f"WHEN c.id IN ({','.join('?' * len(ids))}) THEN ?")
        params += [*ids, days]
    for rating, days in sorted(settings.cadence.items()):
        parts.append("WHEN c.rating = ? THEN ?")
        params += [rating, max(0, days)]
    if not parts:
        return "0", []
    return f"(CASE {' '.join(parts)} ELSE 0 END)", params


@dataclass(frozen=True)
class FollowUpSql:
    """SQL expressions over `customer c` (each with its parameters, in order of use)."""

    planned: tuple[str, list[Any]]  # 1 when the planned day stands (no contact logged on or after it)
    cadence: tuple[str, list[Any]]  # days
    since: tuple[str, list[Any]]  # the day the cadence counts from
    day: tuple[str, list[Any]]  # the follow-up day, 'YYYY-MM-DD' or NULL


def follow_up_sql(settings: ReminderSettings, zone: tzinfo, now: datetime) -> FollowUpSql:
    """The customer's follow-up day as SQL, by the rule in the module docstring."""
    shift, sql = _offset(zone, now), dialect(database)
    planned = ("(c.follow_up_on IS NOT NULL AND (c.last_contact_at IS NULL "
               f"OR {sql.local_day('c.last_contact_at')} < c.follow_up_on))", [shift])
    cadence = _cadence_sql(settings)
    since = (sql.local_day("coalesce(c.last_contact_at, c.created_at)"), [shift])
    day = (f"(CASE WHEN c.lost THEN NULL WHEN {planned[0]} THEN c.follow_up_on "
           f"WHEN {cadence[0]} > 0 THEN {sql.add_days(since[0], cadence[0])} END)",
           [*planned[1], *cadence[1], *since[1], *cadence[1]])
    return FollowUpSql(planned, cadence, since, day)


def settle_basis(settings: ReminderSettings, zone: tzinfo, now: datetime) -> dict[str, str]:
    """What a settled follow-up day depends on besides the customer's own row (not the day: the rule
    reads only the zone's offset): the same basis as the last sync means every customer not changed
    since (store/changes.py) still holds the day the rule gives."""
    return {"zone": str(zone), "offset": _offset(zone, now), "settings": settings.fingerprint()}


def follow_ups_settled(settings: ReminderSettings, zone: tzinfo, now: datetime) -> bool:
    """True when `customer.follow_up_on` holds the rule's day for every customer not changed since the
    last sync, so the (follow_up_on, lost) index can pick the due ones."""
    stored = SYNC_BASIS.read()
    return {k: stored.get(k) for k in ("zone", "offset", "settings")} == settle_basis(settings, zone, now)


def settle_follow_ups(settings: ReminderSettings, zone: tzinfo, now: datetime,
                      only: Sequence[int] | None = None) -> int:
    """Write each customer's follow-up day where it differs from the rule (a logged contact moved it, a
    cadence applies to a customer without one); how many changed. Lost customers are left as they are.
    With `only`, just those customers (the others are settled already)."""
    if only is not None and not only:
        return 0
    day, params = follow_up_sql(settings, zone, now).day
    which = f" AND c.id IN ({','.join('?' * len(only))})" if only is not None else ""
    cursor = database.execute_sql(
        f"UPDATE customer AS c SET follow_up_on = {day} WHERE c.lost = FALSE AND "
        f"{dialect(database).is_distinct('c.follow_up_on', day)}{which}",
        [*params, *params, *(only or ())])
    return cursor.rowcount


@dataclass(frozen=True)
class DueCounts:
    """How much is due on a day: every due reminder by kind, and the customers whose follow-up is late."""

    by_kind: Mapping[str, int]
    overdue_customers: int

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())


def due_counts(today: date, now: datetime) -> DueCounts:
    """The numbers the pane, the tray and the status bar show (two indexed queries)."""
    stamp = now.astimezone(timezone.utc).strftime(_STAMP)
    by_kind = due_by_kind(today.isoformat(), stamp)
    overdue = database.execute_sql(f"SELECT count(*) FROM customer c WHERE {OVERDUE_CUSTOMERS_SQL}",
                                   (today.isoformat(),)).fetchone()[0]
    return DueCounts(by_kind, overdue)


EVENT_KINDS = ("greeting", "birthday")


def event_day(kind: str, payload: Mapping[str, Any]) -> date | None:
    """The day of the event a greeting or birthday reminder is for (None for other kinds)."""
    if kind not in EVENT_KINDS:
        return None
    try:
        return date.fromisoformat(str(payload["on"]))
    except (KeyError, ValueError):
        return None


def due_status(due_on: date, event: date | None, today: date) -> tuple[str, int]:
    """("overdue", days late) | ("today", 0) | ("ahead", days to go). An event counts from its own day,
    anything else from its due day."""
    day = event or due_on
    delta = (day - today).days
    if delta < 0:
        return "overdue", -delta
    return ("today", 0) if delta == 0 else ("ahead", delta)


def due_text(due_on: date, event: date | None, today: date) -> str:
    """The same in English words, as the command line prints it."""
    state, days = due_status(due_on, event, today)
    if state == "today":
        return "today"
    if state == "ahead":
        return "tomorrow" if days == 1 else f"in {days} days"
    return f"{days} day{'s' if days != 1 else ''} overdue"
