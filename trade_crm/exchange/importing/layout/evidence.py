"""What a column's values look like: emails, web addresses, phones, countries, companies, people, dates.

A header says what a column should hold; the values say what it does hold. Each value of a sample
(the first SAMPLE non-empty ones, so a 10,000-row file costs no more than a 200-row one) gets one
shape; a column's evidence is the share of each shape, which headers.py adds to what the header
says when it chooses the column's field, and which the mapping page shows ("92% look like company
names"). Whether a row looks like a contact at all serves the choice of the sheet (sheets.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from trade_crm.domain.duplicates.matching import looks_like_company
from trade_crm.domain.world.countries import common_country

SAMPLE = 200
KINDS = ("email", "website", "phone", "country", "company", "person", "date", "number", "text")
# Which fields a shape supports: a phone-shaped column fits Phone, WhatsApp and WeChat alike.
SUPPORTS: dict[str, tuple[str, ...]] = {
    "email": ("email",), "website": ("website", "linkedin"), "phone": ("phone", "whatsapp", "wechat"),
    "country": ("country",), "company": ("company", "alt_name"), "person": ("contact_name",),
}
# Shapes a person would not mistake (an email is an email whatever the header says).
STRICT = frozenset({"email", "website", "phone"})

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")
_URL = re.compile(r"^(?:https?://|www\.)\S+$|^[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:com|net|org|de|cn|uk|co|"
                  r"io|eu|fr|it|es|nl|ru|in|jp|br|au|ca|pl|tr|ch|at|be|se|info|biz)(?:/\S*)?$", re.I)
_PHONE_CHARS = re.compile(r"^\+?[\d\s().\-/]+(?:\s*(?:ext\.?|x|#)\s*\d{1,5})?$", re.I)
_DATE = re.compile(r"^(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|"
                   r"\d{1,2}\.? [A-Za-z]{3,9}\.? \d{4}|[A-Za-z]{3,9}\.? \d{1,2},? \d{4})"
                   r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_IP = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")
_NUMBER = re.compile(r"^[+-]?[\d,. ]*\d%?$")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_DOTTED = re.compile(r"\b((?:[A-Za-z]\.){2,})")  # S.A. / S.p.A. / e.V. -> sa / spa / ev
_PERSON_WORD = re.compile(r"^(?:[A-Z][a-z\u00e0-\u024f'’\-]+|[A-Z]\.|[A-Z][A-Z'\-]+|"
                          r"(?:van|von|de|der|den|da|di|du|la|le|bin|al|el|dos|das|del|y)|"
                          r"[\u0400-\u042f][\u0430-\u044f\-]+)$")
_SALUTATION = re.compile(r"^(?:mr|mrs|ms|miss|dr|prof|herr|frau|sr|sra)\.?\s+", re.I)
_CJK_PERSON = re.compile(r"^[\u3400-\u9fff]{2,4}(?:先生|女士|小姐|经理|总)?$")
_ORG_WORDS = frozenset({
    "trading", "trade", "industries", "industry", "industrial", "group", "international", "technology",
    "technologies", "tech", "solutions", "systems", "services", "enterprises", "enterprise", "holding",
    "holdings", "manufacturing", "import", "imports", "export", "exports", "supply", "supplies", "electronics",
    "bank", "sparkasse", "volksbank", "stadt", "gemeinde", "landkreis", "university", "universität", "college",
    "institute", "hotel", "association", "verband", "ministry", "council", "hospital", "foundation", "stiftung",
    "partners", "logistics", "distribution", "products", "machinery", "engineering", "consulting", "agency",
    "store", "shop", "studio", "works", "factory", "imp", "exp", "&",
})
_ORG_CJK = ("公司", "集团", "厂", "商行", "店", "局", "院", "会", "中心", "银行", "大学", "协会", "研究所", "工作室")


@dataclass(frozen=True)
class Evidence:
    """The strongest shape of a column's sampled values and its share (0..1)."""

    kind: str
    share: float
    sampled: int = 0

    @property
    def percent(self) -> int:
        return round(self.share * 100)


@dataclass(frozen=True)
class ColumnEvidence:
    shares: dict[str, float]  # kind -> share of the sampled values
    sampled: int
    script: str  # "cjk", "latin" or "" (mixed, none): which script the values are written in

    def share(self, kind: str) -> float:
        return self.shares.get(kind, 0.0)

    def support(self, field: str) -> float:
        """How much the values support `field` (0..1): the share of the shapes that fit it."""
        return sum(self.shares.get(kind, 0.0) for kind, fields in SUPPORTS.items() if field in fields)

    def strongest(self, among: Iterable[str] = KINDS) -> Evidence | None:
        kinds = [k for k in among if k != "text" and self.shares.get(k)]
        if not kinds:
            return None
        kind = max(kinds, key=lambda k: self.shares[k])
        return Evidence(kind, self.shares[kind], self.sampled)


@lru_cache(maxsize=4096)
def _is_country(text: str) -> bool:
    if len(text) < 2 or len(text) > 40 or (len(text) <= 3 and not text.isupper()):
        return False
    # The quick tables (ISO codes, English and Chinese names) only: looking hundreds of sampled company and
    # person names up in every language would build those tables (about a second) for nothing.
    return common_country(text) is not None


def is_company(text: str) -> bool:
    """A legal form (GmbH, Ltd., S.A., 有限公司) or an organisation's word (Trading, Bank, Stadt, 集团)."""
    if _CJK.search(text):
        return any(word in text for word in _ORG_CJK)
    folded = _DOTTED.sub(lambda m: m.group(1).replace(".", "") + " ", text)
    if looks_like_company(folded):
        return True
    return any(word in _ORG_WORDS for word in re.split(r"[\s,.()/]+", folded.casefold()))


def is_person(text: str) -> bool:
    """Two to four capitalised words ("Maria van der Berg", "Dr. Li Wei"), or a two-to-four-character
    Chinese name: the shape of a person's name, not proof of one."""
    if _CJK.search(text):
        return bool(_CJK_PERSON.match(text)) and not any(word in text for word in _ORG_CJK)
    words = _SALUTATION.sub("", text).replace(",", " ").split()
    if not 2 <= len(words) <= 4 or len(text) > 40:
        return False
    return all(_PERSON_WORD.match(w) for w in words) and sum(len(w) > 2 for w in words) >= 1


def shape(value: str) -> str:
    """One value's shape, the most telling first: email, website, date, phone, number, country, company,
    person or text."""
    text = value.strip()
    if "@" in text and _EMAIL.match(text):
        return "email"
    if _URL.match(text):
        return "website"
    if text[:1].isdigit() or text[:1] in "+(":
        if _DATE.match(text):
            return "date"
        if _IP.match(text):
            return "number"
        digits = sum(c.isdigit() for c in text)
        plain = text.isdigit() and digits < 10 and text[0] != "0"  # an ID or an amount, not a number to call
        if _PHONE_CHARS.match(text) and 7 <= digits <= 15 and not plain:
            return "phone"
        if _NUMBER.match(text):
            return "number"
    elif _DATE.match(text):
        return "date"
    if _is_country(text):
        return "country"
    if is_company(text):
        return "company"
    if is_person(text):
        return "person"
    return "text"


def sample_values(rows: Sequence[Sequence[str]], index: int, limit: int = SAMPLE) -> list[str]:
    """The first `limit` non-empty values of a column."""
    out = []
    for row in rows:
        if index < len(row) and row[index] and row[index].strip():
            out.append(row[index].strip())
            if len(out) >= limit:
                break
    return out


def column_evidence(values: Sequence[str]) -> ColumnEvidence:
    if not values:
        return ColumnEvidence({}, 0, "")
    counts = Counter(shape(v) for v in values)
    cjk = sum(1 for v in values if _CJK.search(v))
    latin = sum(1 for v in values if not _CJK.search(v) and _LATIN.search(v))
    written = cjk + latin  # a number or a dash under a list of names is in no script: it does not count
    script = "cjk" if written and cjk >= 0.7 * written else "latin" if written and latin >= 0.7 * written else ""
    return ColumnEvidence({k: n / len(values) for k, n in counts.items()}, len(values), script)


def row_is_contact(cells: Sequence[str]) -> bool:
    """A row with an email, a phone number, a web address or a company's name in it."""
    return any(cell and cell.strip() and shape(cell) in ("email", "phone", "website", "company") for cell in cells)
