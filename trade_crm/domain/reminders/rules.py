"""What is due: pure functions of the store, a day and a time zone (DESIGN rule 6).

`compute_reminders(today, zone, settings)` runs every rule once over the whole book, with one query a
rule: follow-ups (followups.py), holiday greetings by customer country, closure notices for the user's own
country, contacts' birthdays and dormant customers. Nothing is written here; reminder_sync saves the
candidates by their stable keys.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Sequence
from datetime import date, timedelta, tzinfo
from functools import partial

from trade_crm.domain.bulk import collector_paused
from trade_crm.domain.greetings.occasions import (
    GreetingHoliday,
    closures,
    greeting_audience,
    greeting_holidays,
)
from trade_crm.domain.reminders.candidate import BY_DUE, BY_KEY, ReminderCandidate, SharedDays, plural
from trade_crm.domain.reminders.followups import follow_up_candidates, only_customers
from trade_crm.domain.reminders.settings import ReminderSettings
from trade_crm.domain.world.countries import country_name
from trade_crm.store.models import database
from trade_crm.store.sql import dialect

RULES = ("follow_up", "greeting", "notice", "birthday", "dormant")
CUSTOMER_RULES = ("follow_up", "birthday", "dormant")  # one customer's data decides each of their reminders


def _when(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"  # "Thu 19 Mar": the same in every locale, like the CLI


_GREETING_DAYS: dict[tuple, tuple[GreetingHoliday, ...]] = {}  # (country, first, last, rules) -> holidays
_GREETING_DAYS_KEPT = 4096


def _greeting_days(code: str, first: date, last: date, greeting_rules, which: str) -> tuple[GreetingHoliday, ...]:
    """greeting_holidays, kept for the day: a sync every 15 minutes that computes the greetings again
    (they span the book) asks the same of ~70 countries' calendars (20 ms on the 100k book)."""
    key = (code, first, last, which)
    made = _GREETING_DAYS.get(key)
    if made is None:
        if len(_GREETING_DAYS) >= _GREETING_DAYS_KEPT:
            _GREETING_DAYS.clear()
        made = _GREETING_DAYS[key] = tuple(greeting_holidays(code, first, last, greeting_rules))
    return made


def forget_greeting_days() -> None:
    """Forget the kept greeting holidays (the bench times a new day's first computation)."""
    _GREETING_DAYS.clear()


def greeting_candidates(today: date, end: date, settings: ReminderSettings) -> list[ReminderCandidate]:
    """One reminder per greeting holiday and country, listing the customers there to greet: by default
    those with a logged contact or a rating (the rule's audience can open it to all)."""
    lead = settings.holiday_lead_days
    countries = [code for (code,) in database.execute_sql(  # the index answers this one
        "SELECT DISTINCT country FROM customer WHERE country IS NOT NULL")]
    which = json.dumps(settings.greeting_rules, sort_keys=True, default=str)
    found = {code: hs for code in countries
             if (hs := _greeting_days(code, today, end + timedelta(days=lead), settings.greeting_rules, which))}
    if not found:
        return []
    marks = ",".join("?" * len(found))
    members: dict[str, list[int]] = {}
    known: dict[str, list[int]] = {}  # the default audience: someone we have been in touch with, or rated
    for cid, code, contacted in database.execute_sql(
            f"SELECT id, country, last_contact_at IS NOT NULL OR rating IS NOT NULL FROM customer "
            f"WHERE country IN ({marks}) AND lost = FALSE AND (rating IS NULL OR rating <> 'D') ORDER BY id",
            list(found)):
        members.setdefault(code, []).append(cid)
        if contacted:
            known.setdefault(code, []).append(cid)
    out = []
    for code, holidays in found.items():
        for h in holidays:
            audience = greeting_audience(settings.greeting_rules, h.greeting_id)
            ids = tuple((members if audience == "all" else known).get(code, ()))
            if not ids:
                continue
            where = country_name(code)
            out.append(ReminderCandidate(
                f"greeting:{code}:{h.greeting_id}:{h.on.isoformat()}", "greeting", h.on - timedelta(days=lead),
                f"{h.name} in {where} on {_when(h.on)}: greet {plural(len(ids), 'customer', 'customers')}",
                f"Prepare greetings for your customers in {where}.", customer_ids=ids,
                payload={"rule": "greeting", "greeting_id": h.greeting_id, "holiday": h.name, "country": code,
                         "on": h.on.isoformat(), "audience": audience}))
    return out


def closure_candidates(today: date, end: date, settings: ReminderSettings) -> list[ReminderCandidate]:
    """The user's own long holidays, 10 days ahead: time to tell customers about the closure."""
    if not settings.home_country:
        return []
    lead = settings.closure_lead_days
    out = []
    for c in closures(settings.home_country, today, end + timedelta(days=lead), settings.closure_min_days):
        out.append(ReminderCandidate(
            f"notice:closure:{c.country}:{c.first.isoformat()}", "notice", c.first - timedelta(days=lead),
            f"Tell customers about the closure: {c.name}, {_when(c.first)} – {_when(c.last)} ({c.days} days off)",
            "Send a closure notice, and agree on orders that must ship before the break.",
            payload={"rule": "closure", "country": c.country, "holiday": c.name, "first": c.first.isoformat(),
                     "last": c.last.isoformat(), "days": c.days}))
    return out


def _birthday_in(year: int, month: int, day: int) -> date:
    if month == 2 and day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, month, day)


BIRTH_DAYS_BY_INDEX = 2000  # at most this many birth dates are looked up in the birthday index


def _birth_days(month_days: list[str]) -> list[str] | None:
    """Every birth date ('YYYY-MM-DD') with one of `month_days` ('MM-DD') in the years the book's birthdays
    span, for the birthday index to find one by one (a few hundred look-ups instead of reading every
    contact); [] when no one has a birthday, None when there would be more than BIRTH_DAYS_BY_INDEX."""
    first, last = database.execute_sql(  # each alone, so each is one step in the index (of birthdays only)
        "SELECT (SELECT min(birthday) FROM contact WHERE birthday IS NOT NULL), "
        "(SELECT max(birthday) FROM contact WHERE birthday IS NOT NULL)").fetchone()
    if first is None:
        return []
    years = range(int(first[:4]), int(last[:4]) + 1)
    if len(years) * len(month_days) > BIRTH_DAYS_BY_INDEX:
        return None
    return [f"{year:04d}-{md}" for year in years for md in month_days  # no Feb 29 outside leap years: a
            if md != "02-29" or calendar.isleap(year)]  # server refuses the date, a file matches nothing


def birthday_candidates(today: date, end: date, settings: ReminderSettings,
                        only: Sequence[int] | None = None) -> list[ReminderCandidate]:
    """A contact's birthday, `birthday_lead_days` ahead (a day by default)."""
    lead = settings.birthday_lead_days
    days = [today + timedelta(days=n) for n in range((end - today).days + lead + 1)]
    wanted = {f"{d:%m-%d}" for d in days}
    if any(d.month == 2 and d.day == 28 and not calendar.isleap(d.year) for d in days):
        wanted.add("02-29")
    which, ids = only_customers("c.id", only)
    born = _birth_days(sorted(wanted))
    if born is None:  # too many days to look up one by one: one pass over every contact
        test = f"{dialect(database).month_day('ct.birthday')} IN ({','.join('?' * len(wanted))})"
        values = sorted(wanted)
    else:
        test, values = f"ct.birthday IN ({','.join('?' * len(born))})", born
    rows = database.execute_sql(
        "SELECT ct.id, ct.name, ct.birthday, c.id, c.name FROM contact ct JOIN customer c ON c.id = ct.customer_id "
        f"WHERE ct.birthday IS NOT NULL AND c.lost = FALSE AND {test}{which}", [*values, *ids]).fetchall() if values else []
    out = []
    for contact_id, person, born, cid, company in rows:
        month, day = int(born[5:7]), int(born[8:10])
        on = next((b for year in (today.year, today.year + 1)
                   if today <= (b := _birthday_in(year, month, day)) <= days[-1]), None)
        if on is None:
            continue
        who = person or "A contact"
        out.append(ReminderCandidate(
            f"birthday:contact:{contact_id}:{on.isoformat()}", "birthday", on - timedelta(days=lead),
            f"Birthday of {who} ({company}) on {_when(on)}", "Send a short personal note.", customer_id=cid,
            payload={"rule": "birthday", "contact_id": contact_id, "contact": person or "", "on": on.isoformat()}))
    return out


def dormant_candidates(today: date, end: date, settings: ReminderSettings,
                       only: Sequence[int] | None = None) -> list[ReminderCandidate]:
    """Customers whose time since the last order exceeds 1.5x their usual reorder interval (180 days
    after a single order)."""
    which, ids = only_customers("customer_id", only)
    single, factor = settings.single_order_dormant_days, settings.dormant_factor
    # Each customer's orders summed up as triggers keep them (store migration 16), not grouped here.
    # The same test as `dormancy`, in SQL, so only the dormant come back, each with the days from the last
    # order to its day but one (the same double arithmetic as dormancy(): (span / (n - 1)) * factor,
    # truncated); the day itself is added here, which is quicker than SQLite's date().
    sql = dialect(database)
    span, since = sql.days_between("g.last", "g.first"), sql.days_between("?", "g.last")
    rows = database.execute_sql(
        "SELECT g.customer_id, c.name, g.n, g.first, g.last, CASE WHEN g.n < 2 OR g.last = g.first THEN ? "
        f"ELSE {sql.truncate(f'{span} / (g.n - 1) * ?')} END FROM ("
        "  SELECT customer_id, order_count AS n, first_order_on AS first, last_order_on AS last"
        f"  FROM order_summary WHERE 1 = 1{which}) AS g "
        "JOIN customer c ON c.id = +g.customer_id "  # + : the summary first, each customer by its id
        f"WHERE c.lost = FALSE AND {since} > CASE WHEN g.n < 2 OR g.last = g.first "
        f"THEN ? ELSE ? * {span} / (g.n - 1) END",
        (single, factor, *ids, end.isoformat(), single, factor))  # streamed, not held at once
    make, shared, out = ReminderCandidate.maker(), SharedDays(), []
    say, pair, text = partial(_say_dormant, today, settings), shared.pair, shared.text  # bound once
    for cid, name, count, first, last, days in rows:
        last, day = pair(last)
        due = day + timedelta(days=days + 1)
        if due <= end:
            out.append(make((f"dormant:customer:{cid}:{last}", "dormant", due, cid, (), say, name, count, text(first),
                             last)))
    return out


def _say_dormant(today: date, settings: ReminderSettings, name: str, count: int, first_text: str, last_text: str
                 ) -> tuple[str, str, dict]:
    last = date.fromisoformat(last_text)
    _due, usual = dormancy(count, date.fromisoformat(first_text), last, settings)
    ago = (today - last).days
    if usual is None:
        detail = (f"Ordered once, {plural(ago, 'day', 'days')} ago ({last_text}); a single order is "
                  f"followed up after {settings.single_order_dormant_days} days.")
    else:
        detail = (f"Usually orders every {plural(usual, 'day', 'days')}; last order "
                  f"{plural(ago, 'day', 'days')} ago ({last_text}).")
    return (f"{name}: no order for {plural(ago, 'day', 'days')}", detail,
            {"rule": "dormant", "orders": count, "usual_days": usual, "last_order": last_text,
             "after": settings.single_order_dormant_days})


def dormancy(count: int, first: date, last: date, settings: ReminderSettings) -> tuple[date, int | None]:
    """(the first day the customer counts as dormant, their usual reorder interval in days or None)."""
    span = (last - first).days
    if count < 2 or span <= 0:
        return last + timedelta(days=settings.single_order_dormant_days + 1), None
    usual = span / (count - 1)
    return last + timedelta(days=int(usual * settings.dormant_factor) + 1), round(usual)


_RULES = {
    "follow_up": lambda today, end, zone, s, only: follow_up_candidates(today, end, zone, s, only),
    "greeting": lambda today, end, zone, s, only: greeting_candidates(today, end, s),
    "notice": lambda today, end, zone, s, only: closure_candidates(today, end, s),
    "birthday": lambda today, end, zone, s, only: birthday_candidates(today, end, s, only),
    "dormant": lambda today, end, zone, s, only: dormant_candidates(today, end, s, only),
}


def compute_reminders(today: date, zone: tzinfo, settings: ReminderSettings | None = None, *,
                      horizon_days: int = 0, rules: tuple[str, ...] = RULES,
                      only: Sequence[int] | None = None) -> list[ReminderCandidate]:
    """Every reminder due on or before `today + horizon_days`, as the user in `zone` sees it on `today`.

    With `only`, the CUSTOMER_RULES look at those customers alone (what a re-sync needs after they
    changed); the greetings and closure notices, which span the book, are computed whole.
    Sorted by due day, kind and key; the same book, day and settings always give the same list.
    """
    settings = settings or ReminderSettings.load()
    if only is not None and not only:
        rules = tuple(r for r in rules if r not in CUSTOMER_RULES)
    end = today + timedelta(days=max(0, horizon_days))
    out: list[ReminderCandidate] = []
    with collector_paused():  # tens of thousands of small objects, none cyclic: the collector would only slow this
        for rule in rules:
            out.extend(_RULES[rule](today, end, zone, settings, only))
    # By (due day, kind, key) as stable sorts, last key first: itemgetter keys are made in C, where a key
    # string per candidate (26 ms on the 100k book) or a tuple of a date and two strings cost more. Every key
    # starts with its kind and ":" (tests/domain/reminders/test_compact_rules.py checks every rule) and no kind
    # is another's prefix, so the keys' order is that of (kind, key): a sort by kind would move nothing (6 ms).
    out.sort(key=BY_KEY)
    out.sort(key=BY_DUE)
    return out
