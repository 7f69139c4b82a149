"""Country names as people type them in spreadsheets, mapped to ISO 3166 alpha-2 codes.

pycountry supplies the codes and the English names; country_names_zh supplies what no library has
(Chinese names, everyday English variants); CLDR (country_names_cldr, through babel) the names in
every other language ("Deutschland", "Ελλάδα", "Россия"), consulted only when the quick tables miss. Matching is exact after folding case, width, accents and
punctuation: a fuzzy guess that turns "Niger" into "Nigeria" is worse than asking the user.
Lookup tables are built on first use, not at import, because pycountry loads a large JSON file.
"""

from __future__ import annotations

import re
import unicodedata
import zoneinfo
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import pycountry
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from trade_crm.domain.world.country_names_cldr import cldr_names, own_names
from trade_crm.domain.world.country_names_zh import EN_VARIANTS, ZH_NAMES

__all__ = [
    "CountryChoice",
    "UnknownCountryError",
    "all_countries",
    "country_choices",
    "country_name",
    "country_own_names",
    "fold_country",
    "country_timezone",
    "normalize_country",
]

# Codes in use that ISO 3166 has not assigned (yet); phonenumbers knows them too.
_EXTRA_COUNTRIES = {"XK": "Kosovo"}

# pycountry's name where neither it nor a common_name is what people say.
_SHORT_NAMES = {
    "RU": "Russia",
    "BN": "Brunei",
    "CD": "DR Congo",
    "FM": "Micronesia",
    "PS": "Palestine",
    "VA": "Vatican City",
}

# The zone a salesperson means for countries spanning several; the rest use the first zone.tab row.
_MAIN_ZONES = {
    "US": "America/New_York", "CA": "America/Toronto", "RU": "Europe/Moscow", "BR": "America/Sao_Paulo",
    "AU": "Australia/Sydney", "MX": "America/Mexico_City", "ID": "Asia/Jakarta", "CN": "Asia/Shanghai",
    "KZ": "Asia/Almaty", "AR": "America/Argentina/Buenos_Aires", "CL": "America/Santiago",
    "CD": "Africa/Kinshasa", "EC": "America/Guayaquil", "ES": "Europe/Madrid", "PT": "Europe/Lisbon",
    "MN": "Asia/Ulaanbaatar", "NZ": "Pacific/Auckland", "UA": "Europe/Kyiv", "DE": "Europe/Berlin",
    "MY": "Asia/Kuala_Lumpur", "GL": "America/Nuuk", "PG": "Pacific/Port_Moresby", "XK": "Europe/Belgrade",
}

_DROP = re.compile(r"[.'’`´]")
_SPACE = re.compile(r"[\W_]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


class UnknownCountryError(ValueError):
    """A country text matched no code, name or variant; `text` is what the user gave."""

    field = "country"

    def __init__(self, text: str) -> None:
        super().__init__(f'unknown country "{text}"')
        self.text = text


def fold_country(text: str, *, keep_accents: bool = False) -> str:
    """Reduce a name to a comparison key: width, case, accents and punctuation do not matter."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("&", " and ")
    if not keep_accents:
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = _SPACE.sub(" ", _DROP.sub("", text)).strip()
    if _CJK.search(text):
        return text.replace(" ", "")
    if " " in text:  # not for the code ST (Sao Tome)
        text = re.sub(r"\bst\b", "saint", text)
    return text[4:] if text.startswith("the ") else text


def _english_names(country) -> list[str]:
    names = [getattr(country, attr, None) for attr in ("name", "official_name", "common_name")]
    names = [n for n in names if n]
    # "Korea, Republic of" is also written "Republic of Korea".
    for name in list(names):
        head, sep, tail = name.partition(", ")
        if sep and (tail.endswith(" of") or tail.endswith(" of the")):
            names.append(f"{tail} {head}")
    return names


@cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(codes, names): folded alpha-2/alpha-3 codes and folded names, each to alpha-2."""
    codes: dict[str, str] = {fold_country(code): code for code in _EXTRA_COUNTRIES}
    names: dict[str, str] = {fold_country(name): code for code, name in _EXTRA_COUNTRIES.items()}
    for country in pycountry.countries:
        codes[fold_country(country.alpha_2)] = country.alpha_2
        codes[fold_country(country.alpha_3)] = country.alpha_2
        for name in _english_names(country):
            names.setdefault(fold_country(name), country.alpha_2)
    for code, short in _SHORT_NAMES.items():
        names[fold_country(short)] = code
    for variant, code in EN_VARIANTS.items():
        names[fold_country(variant)] = code
    for code, zh_names in ZH_NAMES.items():
        for name in zh_names:
            names[fold_country(name)] = code
    return codes, names


def normalize_country(text: str | None) -> str | None:
    """Return the alpha-2 code for a code, or a name in English, Chinese or any CLDR language; None when blank.

    Raises UnknownCountryError when nothing matches exactly, so an import can report the row.
    """
    if text is None or not text.strip():
        return None
    key = fold_country(text)
    codes, names = _tables()
    code = codes.get(key) if len(key) in (2, 3) else None
    code = code or names.get(key) or _cldr_code(text, key, names)
    if code is None:
        raise UnknownCountryError(text.strip())
    return code


def common_country(text: str) -> str | None:
    """The alpha-2 code when `text` is an ISO code or a name in English or Chinese (the quick tables), else None.

    For guessing what a column holds from hundreds of values: it never builds the tables of every
    language (about a second, once), which only a value that is really a country's own name needs."""
    key = fold_country(text)
    codes, names = _tables()
    return (codes.get(key) if len(key) in (2, 3) else None) or names.get(key)


def _keep_accents(text: str) -> str:
    """fold_country without folding accents: "Nigēra" (Latvian for Niger) is not "Nigera"."""
    return fold_country(text, keep_accents=True)


def _cldr_code(text: str, key: str, names: dict[str, str]) -> str | None:
    """A name in any CLDR language. Typed with its accents it is taken as is; typed without them
    ("Osterreich") only when no other country's name is one letter away ("Nigera" is Nigeria misspelt)."""
    return cldr_names(_keep_accents).get(_keep_accents(text)) or _unaccented(key, names)


def _unaccented(key: str, names: dict[str, str]) -> str | None:
    code = cldr_names(fold_country).get(key)
    if code is None:
        return None
    near = process.extract(key, list(names), scorer=Levenshtein.distance, score_cutoff=1, limit=None)
    return None if any(names[name] != code for name, _, _ in near) else code


def country_name(code: str, language: str = "en") -> str:
    """Display name of an alpha-2 code in "en" or "zh"; an unknown code is shown as given."""
    code = code.strip().upper()
    if language == "zh" and code in ZH_NAMES:
        return ZH_NAMES[code][0]
    if code in _SHORT_NAMES:
        return _SHORT_NAMES[code]
    if code in _EXTRA_COUNTRIES:
        return _EXTRA_COUNTRIES[code]
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def all_countries(language: str = "en") -> list[tuple[str, str]]:
    """(code, display name) for every country, sorted by name, for combo boxes.

    Chinese names sort by code point, not pinyin; the UI can re-sort with a collator if it has one.
    """
    return list(_sorted_countries(language))


@cache
def _sorted_countries(language: str) -> tuple[tuple[str, str], ...]:
    codes = [c.alpha_2 for c in pycountry.countries] + list(_EXTRA_COUNTRIES)
    rows = [(code, country_name(code, language)) for code in codes]
    return tuple(sorted(rows, key=lambda row: (fold_country(row[1]), row[0])))


@dataclass(frozen=True)
class CountryChoice:
    """One entry of a country picker: its code, its name in the UI language, and every text it answers to."""

    code: str
    name: str
    aliases: tuple[str, ...]  # English and Chinese names, alpha-2 and alpha-3 (own names: country_own_names)


def country_choices(language: str = "en") -> list[CountryChoice]:
    """Every country with the names a user may type for it, in display-name order (built once, ~10 ms)."""
    return list(_choices(language))


@cache
def _choices(language: str) -> tuple[CountryChoice, ...]:
    out = []
    for code, name in _sorted_countries(language):
        country = pycountry.countries.get(alpha_2=code)
        aliases = [name, country_name(code, "en"), *ZH_NAMES.get(code, ()), code,
                   *([country.alpha_3, *_english_names(country)] if country else [])]
        out.append(CountryChoice(code, name, tuple(dict.fromkeys(aliases))))
    return tuple(out)


def country_own_names() -> dict[str, tuple[str, ...]]:
    """alpha-2 -> its names in its own official languages ("Deutschland", "Ελλάδα"); reads CLDR the
    first time (~0.4 s), so a picker asks for it when first used, not when built."""
    return own_names(tuple(code for code, _ in _sorted_countries("en")))


def _read_zone_tab(text: str) -> dict[str, str]:
    """First zone listed for each country in a zone.tab / zone1970.tab text."""
    first: dict[str, str] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) >= 3:
            for code in fields[0].split(","):
                first.setdefault(code, fields[2])
    return first


def _zone_tab_texts():
    # zone.tab first: it names each country's own zone (Oslo), zone1970.tab shares them (Berlin).
    for name in ("zone.tab", "zone1970.tab"):
        for folder in zoneinfo.TZPATH:
            path = Path(folder) / name
            if path.is_file():
                yield path.read_text(encoding="utf-8")
        try:
            yield resources.files("tzdata").joinpath("zoneinfo", name).read_text(encoding="utf-8")
        except (ModuleNotFoundError, FileNotFoundError, OSError):
            pass


@cache
def _country_zones() -> dict[str, str]:
    for text in _zone_tab_texts():
        zones = _read_zone_tab(text)
        if zones:
            return zones
    return {}


def country_timezone(code: str) -> str | None:
    """Main IANA zone of a country for showing a customer's local time; None if unknown."""
    code = code.strip().upper()
    return _MAIN_ZONES.get(code) or _country_zones().get(code)
