"""Which public holidays are worth a greeting, country by country, and when the user's own country closes.

The dates come from the `holidays` library (moving feasts included: Eid, Diwali, Lunar New Year); which
of them deserve a greeting is a curated list kept as data in resources/greetings/holidays.json, and an
edited copy of it can be stored in the book. Bank holidays, observed days and minor observances are
never prompts: only names on the list match. By default a greeting goes only to customers someone has
been in touch with (a logged contact, or a rating given): a fair list of strangers is not greeted;
the rules' "audience" opens a greeting to all.
"""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from trade_crm.domain.errors import ValidationError
from trade_crm.resources import resource_path
from trade_crm.store.settings import SettingKey

if TYPE_CHECKING:
    import holidays

# The key keeps its "reminders." name: books already store the rules under it.
GREETING_RULES = SettingKey("reminders.greeting_holidays", dict, {}, "Holidays worth a greeting")
_PARENS = re.compile(r"\s*\(([^)]*)\)")
_NOT_THE_DAY = ("observed", "in lieu", "substitute", "additional")
AUDIENCES = ("contacted", "all")  # see greeting_audience
CLUSTER_GAP_DAYS = 3  # "Eid al-Fitr Holiday" on four days in a row is one Eid, greeted once


@dataclass(frozen=True)
class GreetingHoliday:
    """One holiday in one country worth a greeting: `on` is its first day."""

    country: str
    greeting_id: str  # "eid_al_fitr", "national_day", ...: picks the template
    name: str  # the library's English name, e.g. "German Unity Day"
    on: date


@dataclass(frozen=True)
class Closure:
    """A long run of days off in the user's own country (weekends and bridge days included)."""

    country: str
    name: str
    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


# --- the curated list -----------------------------------------------------------------------------

@cache
def _default_rules_text() -> str:
    return resource_path("greetings", "holidays.json").read_text(encoding="utf-8")


def default_greeting_rules() -> dict[str, Any]:
    return json.loads(_default_rules_text())


def check_greeting_rules(rules: Mapping[str, Any]) -> dict[str, Any]:
    """The rules in canonical form, or a ValidationError naming what is wrong."""
    greetings = rules.get("greetings")
    if not isinstance(greetings, Mapping) or not greetings:
        raise ValidationError("greetings", "list at least one greeting with its holiday names")
    out: dict[str, Any] = {"greetings": {}, "countries": {}, "closures": dict(rules.get("closures") or {})}
    for gid, names in greetings.items():
        if not re.fullmatch(r"[a-z][a-z0-9_]*", str(gid)):
            raise ValidationError("greetings", f'"{gid}" is not a greeting id (lower case, digits, _)')
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise ValidationError(f"greetings.{gid}", "give a list of holiday names")
        out["greetings"][gid] = [n.strip() for n in names]
    for country, names in (rules.get("countries") or {}).items():
        if not isinstance(names, Mapping):
            raise ValidationError(f"countries.{country}", "map holiday names to a greeting id or null")
        out["countries"][str(country).upper()] = {str(n): g for n, g in names.items()}
    audience = rules.get("audience") or {}
    if not isinstance(audience, Mapping) or any(a not in AUDIENCES for a in audience.values()):
        raise ValidationError("audience", f"map a greeting id to one of {', '.join(AUDIENCES)}")
    out["audience"] = {str(g): a for g, a in audience.items() if a != "contacted" and g in out["greetings"]}
    return out


def greeting_audience(rules: Mapping[str, Any] | None, greeting_id: str) -> str:
    """Who a greeting goes to: "contacted" (the default: customers with a logged contact or a rating, not
    leads nobody has spoken to yet) or "all" customers in the country."""
    audience = (rules or {}).get("audience") or {}
    return "all" if isinstance(audience, Mapping) and audience.get(greeting_id) == "all" else "contacted"


def load_greeting_rules() -> dict[str, Any]:
    """The book's edited list if it has one, else the curated defaults."""
    stored = GREETING_RULES.read()
    if stored:
        try:
            return check_greeting_rules(stored)
        except ValidationError:
            pass
    return default_greeting_rules()


def save_greeting_rules(rules: Mapping[str, Any] | None) -> None:
    """Store an edited list (validated); None goes back to the curated defaults."""
    GREETING_RULES.write({} if rules is None else check_greeting_rules(rules))


# --- matching holiday names -----------------------------------------------------------------------

def normalize_holiday_name(name: str) -> str | None:
    """"Eid al-Adha Holiday (estimated)" -> "eid al-adha"; an observed or in-lieu day -> None."""
    for note in _PARENS.findall(name):
        if any(word in note.lower() for word in _NOT_THE_DAY):
            return None
    text = _PARENS.sub("", name).strip()
    text = re.sub(r"\s+holiday$", "", text, flags=re.IGNORECASE)
    return text.casefold() or None


@dataclass(frozen=True)
class _Matcher:
    names: Mapping[str, str]
    countries: Mapping[str, Mapping[str, str | None]]

    def greeting_of(self, country: str, name: str) -> str | None:
        key = normalize_holiday_name(name)
        if key is None:
            return None
        local = self.countries.get(country, {})
        if key in local:
            return local[key]
        return self.names.get(key)


_MATCHED: list[tuple[Mapping[str, Any], _Matcher]] = []  # the last rules (a copy) and their matcher


def _matcher(rules: Mapping[str, Any]) -> _Matcher:
    """The matcher of `rules`, kept while the rules stay equal: greeting_holidays asks for it once per
    country (~70 on a big book), and making it normalizes every listed name (15 ms a computation)."""
    if _MATCHED and _MATCHED[0][0] == rules:
        return _MATCHED[0][1]
    made = _make_matcher(rules)
    _MATCHED[:] = [(copy.deepcopy(rules), made)]  # a copy: the caller's dict may be edited in place later
    return made


def _make_matcher(rules: Mapping[str, Any]) -> _Matcher:
    names = {}
    for gid, holiday_names in rules.get("greetings", {}).items():
        for name in holiday_names:
            names.setdefault(normalize_holiday_name(name) or name.casefold(), gid)
    countries = {
        code.upper(): {normalize_holiday_name(n) or n.casefold(): g for n, g in table.items()}
        for code, table in (rules.get("countries") or {}).items()
    }
    return _Matcher(names, countries)


@cache
def _calendar(country: str, first_year: int, last_year: int, language: str = "") -> holidays.HolidayBase | None:
    """The country's public holidays, named in English (or in `language`); None for a country the
    library does not know, or does not name in `language`."""
    import holidays  # lazy: start-up, the library takes ~40 ms to import and no first paint needs it

    try:
        probe = holidays.country_holidays(country)
    except NotImplementedError:
        return None
    supported = getattr(probe, "supported_languages", ())
    if language and language not in supported:
        return None
    language = language or ("en_US" if "en_US" in supported else None)
    return holidays.country_holidays(country, years=range(first_year, last_year + 1), language=language)


def country_calendar(country: str, first_year: int, last_year: int) -> holidays.HolidayBase | None:
    """The country's public holidays and weekend (`.weekend`: weekday numbers, Fri-Sat in the Gulf) for those
    years, named in English; None for a country the `holidays` library does not know. Cached."""
    return _calendar(country.upper(), first_year, last_year)


def greeting_of_holiday(country: str, name: str, rules: Mapping[str, Any] | None = None) -> str | None:
    """The greeting id a holiday of `country` called `name` (the library's English name) is greeted with, if any."""
    return _matcher(rules if rules is not None else default_greeting_rules()).greeting_of(country.upper(), name)


def greeting_holidays(country: str, start: date, end: date,
                      rules: Mapping[str, Any] | None = None) -> list[GreetingHoliday]:
    """Greeting holidays in `country` whose first day falls in [start, end], in date order."""
    calendar = _calendar(country.upper(), start.year - 1, end.year)
    if calendar is None:
        return []
    matcher = _matcher(rules if rules is not None else default_greeting_rules())
    seen: dict[str, list[tuple[date, str]]] = {}
    for day, names in sorted(calendar.items()):
        if not start - timedelta(days=14) <= day <= end:
            continue
        for name in names.split("; "):
            gid = matcher.greeting_of(country.upper(), name)
            if gid:
                seen.setdefault(gid, []).append((day, _PARENS.sub("", name).strip()))
    out = []
    for gid, days in seen.items():
        previous = None
        for day, name in days:
            if previous is None or (day - previous).days > CLUSTER_GAP_DAYS:
                if start <= day <= end:
                    out.append(GreetingHoliday(country.upper(), gid, re.sub(r"\s+Holiday$", "", name), day))
            previous = day
    return sorted(out, key=lambda h: (h.on, h.greeting_id))


def closures(country: str, start: date, end: date, min_days: int = 5) -> list[Closure]:
    """Runs of at least `min_days` days off (holidays, bridge days, weekends) starting in [start, end]."""
    calendar = _calendar(country.upper(), start.year - 1, end.year + 1)
    if calendar is None:
        return []
    out = []
    day = start - timedelta(days=min_days * 3)
    while day <= end:
        if calendar.is_working_day(day):
            day += timedelta(days=1)
            continue
        first, names = day, Counter()
        while not calendar.is_working_day(day):
            for name in calendar.get_list(day):
                key = normalize_holiday_name(name)
                if key and not key.startswith("day off"):
                    names[_PARENS.sub("", name).strip()] += 1
            day += timedelta(days=1)
        last = day - timedelta(days=1)
        if names and (last - first).days + 1 >= min_days and start <= first <= end:
            out.append(Closure(country.upper(), names.most_common(1)[0][0], first, last))
    return out


def _library_name(name: str) -> str:
    """A library name as the rules show it: no "(observed)" or "Holiday" tail."""
    return re.sub(r"\s+Holiday$", "", _PARENS.sub("", name).strip())


def holiday_name(country: str, on: date, english: str, language: str, until: date | None = None) -> str:
    """The name of the holiday `english` on `on` (or the first day up to `until` that has it) in
    `country`, in `language` ("zh": Simplified Chinese) where the holidays library has it
    ("National Day" -> "国庆节"), else `english` as it is."""
    language = {"zh": "zh_CN", "en": "en_US"}.get(language.split("_")[0], language) if language else ""
    day = on
    while day <= (until or on):
        english_days = _calendar(country.upper(), day.year, day.year)
        local_days = _calendar(country.upper(), day.year, day.year, language) if language else None
        if english_days is None or local_days is None:
            return english
        names, local = english_days.get_list(day), local_days.get_list(day)
        matching = [i for i, name in enumerate(names) if _library_name(name) == english]
        if matching and len(names) == len(local):
            return _library_name(local[matching[0]])
        day += timedelta(days=1)
    return english
