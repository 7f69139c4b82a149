"""The send plan: when each message of a bulk run goes out.

Each recipient gets a send time in their own morning (default 09:00-11:00 in the customer's time zone: the
country's main zone, domain/world/countries.country_timezone), on a working day of their country: not on its
weekend (the country's own: Fri-Sat in Saudi Arabia, Sat-Sun in Germany; the `holidays` library knows them and
the Chinese make-up working days), not on its public holidays, except the day of the holiday a greeting is for
(a Christmas greeting may go out on Christmas morning, even a Saturday). The account's throttle keeps
`interval_seconds` between any two of its messages, and its daily cap (counted per day of the user's own
calendar) spills what is over to the recipient's next allowed morning.

`plan_sends` is a pure function of its inputs and the clock: the same requests, clock and settings give the
same plan. Requests are placed earliest window first (ties in the order given), each at the earliest free
moment of its window.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.greetings.occasions import country_calendar, default_greeting_rules, greeting_of_holiday
from trade_crm.domain.world.countries import country_timezone
from trade_crm.store.models import MailAccount
from trade_crm.store.settings import SettingKey

SEND_WINDOW = SettingKey("mail.send_window", str, "09:00-11:00", "Send bulk mail in the customer's morning between")
DEFAULT_INTERVAL_SECONDS = 20
DEFAULT_WINDOW = (time(9), time(11))
HORIZON_DAYS = 60  # a recipient with no allowed morning within this many days is a problem, not a guess
# What a provider lets one mailbox send a day (conservative: the published limits of a free account).
PROVIDER_DAILY_CAPS = {"gmail": 500, "qq": 500, "outlook": 300, "netease163": 200, "netease126": 200, "yeah": 200,
                       "exmail": 500, "aliyun": 500, "yahoo": 500}
OTHER_DAILY_CAP = 200
SATURDAY_SUNDAY = frozenset({5, 6})

WEEKEND, HOLIDAY, CAP, FULL = "weekend", "holiday", "cap", "full"


@dataclass(frozen=True)
class PlanSettings:
    window_start: time = DEFAULT_WINDOW[0]  # the recipient's local time
    window_end: time = DEFAULT_WINDOW[1]
    interval_seconds: int = DEFAULT_INTERVAL_SECONDS
    daily_cap: int = 500  # messages per day of the user's calendar (clock.zone)
    horizon_days: int = HORIZON_DAYS


@dataclass(frozen=True)
class PlanRequest:
    ref: Hashable  # the caller's handle (a customer id, an index): PlannedSend.ref
    country: str  # alpha-2, "" unknown (the user's own zone and a Sat-Sun weekend then)
    zone: str = ""  # an IANA zone when the caller knows better than the country's main one
    greeting_id: str = ""  # the greeting this mail is: its holiday's day is allowed
    not_before: datetime | None = None  # UTC; e.g. a follow-up N days after the quotation


@dataclass(frozen=True)
class Skip:
    """A day the recipient's mail did not go out on, and why: weekend, holiday (`name`), cap (the account's daily
    cap was reached), full (the throttle left no free moment in the window)."""

    day: date
    reason: str
    name: str = ""


@dataclass(frozen=True)
class PlannedSend:
    ref: Hashable
    send_at: datetime | None  # UTC; None: no allowed morning within the horizon (a problem for the caller)
    local: datetime | None  # the same instant in the recipient's zone
    zone: str
    skipped: tuple[Skip, ...] = ()


def provider_daily_cap(provider: str) -> int:
    """The daily cap a provider preset implies (Gmail 500, QQ 500, Outlook 300, NetEase 200 ...; other 200)."""
    return PROVIDER_DAILY_CAPS.get(provider, OTHER_DAILY_CAP)


def parse_window(text: str) -> tuple[time, time]:
    """"09:00-11:00" -> (09:00, 11:00); a ValidationError for anything else (end after start, same day)."""
    try:
        start, end = (time.fromisoformat(part.strip()) for part in text.split("-"))
    except ValueError:
        raise ValidationError("send_window", f'"{text}" is not a window like 09:00-11:00') from None
    if end <= start:
        raise ValidationError("send_window", "the window ends after it starts, on the same day")
    return start, end


def account_plan_settings(account_id: int) -> PlanSettings:
    """The account's throttle and cap (its own, else its provider's) and the book's send window."""
    row = MailAccount.get_or_none(MailAccount.id == account_id)
    if row is None:
        raise NotFoundError("mail account", account_id)
    try:
        start, end = parse_window(SEND_WINDOW.read())
    except ValidationError:
        start, end = DEFAULT_WINDOW
    cap = row.daily_cap or provider_daily_cap(row.provider)
    return PlanSettings(start, end, max(0, int(row.send_interval_seconds)), int(cap))


@cache
def _zone(name: str) -> tzinfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def recipient_zone(country: str, zone: str, fallback: tzinfo) -> tuple[tzinfo, str]:
    """(zone, its name) for a recipient: the given IANA zone, else the country's main one, else `fallback`."""
    for name in (zone, country_timezone(country) if country else None):
        found = _zone(name) if name else None
        if found is not None:
            return found, name
    return fallback, str(getattr(fallback, "key", fallback))


class _Days:
    """Which local days of one country are closed, and why (memoised per plan)."""

    def __init__(self, country: str, first_year: int, last_year: int, rules: Mapping[str, Any]):
        self.country = country.upper()
        self.calendar = country_calendar(self.country, first_year, last_year) if self.country else None
        self.weekend = frozenset(self.calendar.weekend) if self.calendar is not None else SATURDAY_SUNDAY
        self.workdays = frozenset(getattr(self.calendar, "weekend_workdays", ()) or ()) if self.calendar else frozenset()
        self.rules = rules
        self.memo: dict[tuple[date, str], Skip | None] = {}

    def closed(self, day: date, greeting_id: str) -> Skip | None:
        key = (day, greeting_id)
        if key not in self.memo:
            self.memo[key] = self._closed(day, greeting_id)
        return self.memo[key]

    def _closed(self, day: date, greeting_id: str) -> Skip | None:
        names = self.calendar.get_list(day) if self.calendar is not None else []
        if greeting_id and any(greeting_of_holiday(self.country, name, self.rules) == greeting_id for name in names):
            return None  # the greeting's own holiday
        if names:
            return Skip(day, HOLIDAY, names[0])
        if day.weekday() in self.weekend and day not in self.workdays:
            return Skip(day, WEEKEND)
        return None


class _Slots:
    """The account's taken send times: `interval` apart, at most `cap` a day of the user's calendar."""

    def __init__(self, taken: Sequence[datetime], interval: timedelta, cap: int, zone: tzinfo):
        self.times = sorted(t.astimezone(timezone.utc) for t in taken)
        self.interval, self.cap, self.zone = interval, cap, zone
        self.per_day = Counter(self._day(t) for t in self.times)

    def _day(self, instant: datetime) -> date:
        return instant.astimezone(self.zone).date()

    def _next_midnight(self, instant: datetime) -> datetime:
        day = self._day(instant) + timedelta(days=1)
        return datetime.combine(day, time(0), tzinfo=self.zone).astimezone(timezone.utc)

    def first_free(self, low: datetime, high: datetime) -> tuple[datetime | None, str]:
        """The earliest moment in [low, high) the throttle and the cap allow; else (None, CAP or FULL)."""
        t, capped = low, False
        while t < high:
            if self.per_day[self._day(t)] >= self.cap:
                t, capped = self._next_midnight(t), True
                continue
            i = bisect.bisect_left(self.times, t)
            if i > 0 and t - self.times[i - 1] < self.interval:
                t = self.times[i - 1] + self.interval
                continue
            if i < len(self.times) and self.times[i] - t < self.interval:
                t = self.times[i] + self.interval
                continue
            return t, ""
        return None, CAP if capped else FULL

    def take(self, instant: datetime) -> None:
        bisect.insort(self.times, instant)
        self.per_day[self._day(instant)] += 1


def _window(day: date, zone: tzinfo, settings: PlanSettings) -> tuple[datetime, datetime]:
    return (datetime.combine(day, settings.window_start, tzinfo=zone).astimezone(timezone.utc),
            datetime.combine(day, settings.window_end, tzinfo=zone).astimezone(timezone.utc))


def plan_sends(requests: Sequence[PlanRequest], clock: Clock, *, settings: PlanSettings = PlanSettings(),
               taken: Sequence[datetime] = (), rules: Mapping[str, Any] | None = None) -> list[PlannedSend]:
    """A send time for each request (in the order given): the recipient's first allowed morning from now (or its
    `not_before`) with a free moment under the account's throttle and daily cap. `taken` are the account's
    send times planned already (its queued outbox); `rules` the greeting rules (default: the curated list)."""
    if settings.interval_seconds < 0 or settings.daily_cap < 1:
        raise ValidationError("daily_cap", "the throttle needs a daily cap of at least 1 and a non-negative interval")
    now = clock.now().astimezone(timezone.utc)
    rules = rules if rules is not None else default_greeting_rules()
    last_year = (now + timedelta(days=settings.horizon_days + 1)).year
    slots = _Slots(taken, timedelta(seconds=settings.interval_seconds), settings.daily_cap, clock.zone)
    calendars: dict[str, _Days] = {}
    prepared = []
    for index, request in enumerate(requests):
        zone, zone_name = recipient_zone(request.country, request.zone, clock.zone)
        start = max(now, request.not_before.astimezone(timezone.utc)) if request.not_before else now
        country = (request.country or "").upper()
        if country not in calendars:
            calendars[country] = _Days(country, now.year, max(last_year, start.year + 1), rules)
        first_day = start.astimezone(zone).date()
        low, high = _window(first_day, zone, settings)
        if start >= high:
            first_day += timedelta(days=1)
        prepared.append((_window(first_day, zone, settings)[0], index, request, zone, zone_name, start, first_day))
    planned: dict[int, PlannedSend] = {}
    for _, index, request, zone, zone_name, start, first_day in sorted(prepared, key=lambda p: (p[0], p[1])):
        days = calendars[(request.country or "").upper()]
        skipped: list[Skip] = []
        result = None
        for offset in range(settings.horizon_days + 1):
            day = first_day + timedelta(days=offset)
            closed = days.closed(day, request.greeting_id)
            if closed is not None:
                skipped.append(closed)
                continue
            low, high = _window(day, zone, settings)
            moment, why = slots.first_free(max(low, start), high)
            if moment is None:
                skipped.append(Skip(day, why))
                continue
            slots.take(moment)
            result = PlannedSend(request.ref, moment, moment.astimezone(zone), zone_name, tuple(skipped))
            break
        planned[index] = result or PlannedSend(request.ref, None, None, zone_name, tuple(skipped))
    return [planned[i] for i in range(len(requests))]
