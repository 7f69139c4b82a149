"""Country names in every language CLDR has, read from the locale data babel ships.

A trade-show list from Hamburg says "Deutschland", one from Athens "Ελλάδα"; pycountry knows only
English. babel's locale files are full pickles (about a millisecond each to load), so this reads
only the language-level locales ("de", "sr_Latn", not "de_AT": a regional variant seldom renames a
country) without inherited data, once per process, when a name is first not found in the quick
tables of countries.py. Measured: about 0.4-0.6 s cold for ~390 locales; a lookup after that is a
dict access.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import cache

import pycountry

log = logging.getLogger(__name__)


def _language_locales() -> list[str]:
    """"de", "el", "sr_Latn", "zh_Hant": no territory part, so no regional copies of the same names."""
    from babel import localedata  # lazy: start-up, babel (~12 ms) is needed only when a name is not found

    out = []
    for name in localedata.locale_identifiers():
        parts = name.split("_")
        if len(parts) == 1 or (len(parts) == 2 and len(parts[1]) == 4 and parts[1].istitle()):
            out.append(name)
    return sorted(out)


def _territories(locale: str, countries: frozenset[str]) -> dict[str, str]:
    from babel import localedata  # lazy: start-up, as above

    try:
        names = localedata.load(locale, merge_inherited=False).get("territories", {})
    except (OSError, ValueError, KeyError):  # a locale file babel lists but cannot read
        return {}
    return {code: name for code, name in names.items() if code in countries}


@cache
def _all_names() -> tuple[tuple[str, str, str], ...]:
    """(locale, alpha-2, name) for every territory name of every language-level locale."""
    started = time.perf_counter()
    # Countries only: CLDR's "EU", "UN" and "EZ" (eurozone) are territories too, not where a customer is.
    countries = frozenset(c.alpha_2 for c in pycountry.countries) | {"XK"}
    rows = tuple((locale, code, name) for locale in _language_locales()
                 for code, name in _territories(locale, countries).items())
    log.info("CLDR country names: %d names read in %.2f s", len(rows), time.perf_counter() - started)
    return rows


@cache
def cldr_names(fold: Callable[[str], str]) -> dict[str, str]:
    """Folded name -> alpha-2 over all languages; a name two countries share ("Kongo") is left out."""
    found: dict[str, str] = {}
    clashes: set[str] = set()
    for _locale, code, name in _all_names():
        key = fold(name)
        if not key:
            continue
        if found.setdefault(key, code) != code:
            clashes.add(key)
    for key in clashes:
        del found[key]
    return found


@cache
def own_names(codes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """alpha-2 -> the country's names in its own official languages ("CH": Schweiz, Suisse, Svizzera...)."""
    from babel.languages import get_official_languages  # lazy: start-up, as above

    wanted: dict[str, set[str]] = {}
    for code in codes:
        for language in get_official_languages(code, de_facto=True):
            wanted.setdefault(language, set()).add(code)
    out: dict[str, list[str]] = {}
    for locale, code, name in _all_names():
        if code in wanted.get(locale, ()) and name not in out.setdefault(code, []):
            out[code].append(name)
    return {code: tuple(names) for code, names in out.items() if names}
