"""The text tables of data.py parsed once: cultures (names), countries (companies, cities, phones, mail),
product lines and the sentences a timeline is made of. Items are comma-separated, "native|Latin"."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import phonenumbers

from trade_crm.demo import data


def _items(text: str, sep: str = ",") -> tuple[str, ...]:
    parts = re.split(rf"(?<!\\){re.escape(sep)}", text)
    return tuple(p.replace("\\" + sep, sep).strip() for p in parts if p.strip())


def pair(item: str) -> tuple[str, str]:
    native, _, latin = item.partition("|")
    return native, latin or native


def _gendered(item: str) -> tuple[tuple[str, str], tuple[str, str]]:
    native, latin = pair(item)
    nm, _, nf = native.partition("/")
    lm, _, lf = latin.partition("/")
    return (nm, lm), (nf or nm, lf or lm)


@dataclass(frozen=True)
class Culture:
    key: str
    order: str
    latin: float  # share written in Latin letters (0 for Latin-script cultures: native is Latin)
    sep: str
    male: tuple[tuple[str, str], ...]
    female: tuple[tuple[str, str], ...]
    family: tuple[tuple[tuple[str, str], tuple[str, str]], ...]
    middle_m: tuple[str, ...]
    middle_f: tuple[str, ...]


@dataclass(frozen=True)
class Country:
    code: str
    cultures: tuple[tuple[float, Culture], ...]  # cumulative share
    lang: str
    biz: dict[str, tuple[tuple[str, str], ...]]
    words: tuple[tuple[str, str], ...]
    companies: tuple[str, ...]
    cities: tuple[tuple[str, str], ...]
    port: str
    tld: str
    mail: tuple[str, ...]
    currencies: tuple[str, ...]
    street: str
    titles: tuple[str, ...]
    phone: dict[str, tuple[int, str, int, Callable[[str], bool]]]  # kind -> see _phone_template


@cache
def _cultures() -> dict[str, Culture]:
    out = {}
    for key, spec in data.CULTURES.items():
        order = str(spec["order"])
        out[key] = Culture(
            key=key, order=order, latin=float(spec.get("latin", 0.0)),
            sep=str(spec.get("sep", "" if order == "eastern" and "latin" in spec else " ")),
            male=tuple(pair(i) for i in _items(str(spec["m"]))),
            female=tuple(pair(i) for i in _items(str(spec["f"]))),
            family=tuple(_gendered(i) for i in _items(str(spec["family"]))),
            middle_m=_items(str(spec.get("middle_m", ""))), middle_f=_items(str(spec.get("middle_f", ""))),
        )
    return out


def _phone_template(code: str, kind: str) -> tuple[int, str, int, Callable[[str], bool]]:
    """phonenumbers' example number of that kind, how many trailing digits to vary, and a validity test.

    The test is phonenumbers' own rule for a region (the general pattern and the kind's pattern match
    the national number), without its per-call overhead: ~1 µs instead of ~20 µs per number.
    """
    kind_type = phonenumbers.PhoneNumberType.MOBILE if kind == "mobile" else phonenumbers.PhoneNumberType.FIXED_LINE
    example = phonenumbers.example_number_for_type(code, kind_type)
    national = phonenumbers.national_significant_number(example)
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(code)
    desc = metadata.mobile if kind == "mobile" else metadata.fixed_line
    general = re.compile(metadata.general_desc.national_number_pattern)
    specific = re.compile(desc.national_number_pattern)

    def valid(digits: str) -> bool:
        return bool(general.fullmatch(digits) and specific.fullmatch(digits))

    return example.country_code, national, 6 if len(national) >= 9 else 5, valid


@cache
def countries() -> dict[str, Country]:
    cultures = _cultures()
    out = {}
    for code, spec in data.COUNTRIES.items():
        shares = [(c.partition(":")[0], float(c.partition(":")[2] or 100)) for c in _items(str(spec["cul"]))]
        total, running, cumulative = sum(s for _, s in shares), 0.0, []
        for key, share in shares:
            running += share / total
            cumulative.append((running, cultures[key]))
        biz_lang = str(spec["biz"])
        biz = {line: tuple(pair(i) for i in _items(data.BIZ[biz_lang][line])) for line in data.LINES}
        titles = data.TITLES.get(str(spec["lang"]), "") or data.TITLES.get(biz_lang, "")
        out[code] = Country(
            code=code, cultures=tuple(cumulative), lang=str(spec["lang"]), biz=biz,
            words=tuple(pair(i) for i in _items(data.WORDS[str(spec.get("words", "en"))])),
            companies=_items(str(spec["co"])), cities=tuple(pair(i) for i in _items(str(spec["cities"]))),
            port=str(spec["port"]), tld=str(spec["tld"]), mail=_items(str(spec["mail"])),
            currencies=_items(str(spec["cur"])), street=str(spec.get("street", "")),
            titles=_items(titles) + _items(data.TITLES["en"]) if titles else _items(data.TITLES["en"]),
            phone={kind: _phone_template(code, kind) for kind in ("mobile", "fixed")},
        )
    return out


@cache
def lines() -> dict[str, dict[str, tuple[str, ...]]]:
    return {line: {k: _items(v) for k, v in spec.items()} for line, spec in data.PRODUCT_LINES.items()}


@cache
def sentences() -> dict[str, tuple[str, ...]]:
    out = {kind: _items(text, ";") for kind, text in data.SUMMARIES.items()}
    out["_notes"] = _items(data.NOTES, ";")
    out["_order_notes"] = _items(data.ORDER_NOTES, ";")
    out["_qty"] = _items(data.QUANTITIES)
    return out
