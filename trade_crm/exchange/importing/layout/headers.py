"""Column headers: where the header row is, and which CRM field each column feeds.

A column's target is a field name from FIELDS, or "notes" (appended to the customer's notes as
"Header: value"), "custom" (a custom field named after the header, or "custom:Other Name"), or
"ignore" (only by the user's choice, for row numbers, or for the type labels that Google and
Outlook exports put beside each value). Nothing is dropped unless the mapping says so.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from trade_crm.domain.errors import ValidationError
from trade_crm.exchange.importing.layout.evidence import Evidence, column_evidence, sample_values, shape
from trade_crm.exchange.importing.layout.header_synonyms import (
    GENERIC_WORDS,
    LANGUAGE_MARKS,
    QUALIFIERS,
    SYNONYMS,
)

FIELDS: dict[str, str] = {
    "company": "Company", "alt_name": "Other name", "contact_name": "Contact name", "first_name": "First name",
    "middle_name": "Middle name", "last_name": "Last name", "title": "Job title", "email": "Email",
    "phone": "Phone", "whatsapp": "WhatsApp", "wechat": "WeChat", "skype": "Skype", "linkedin": "LinkedIn",
    "country": "Country", "city": "City", "address": "Address", "website": "Website",
    "products": "Products", "notes": "Notes", "booth": "Booth", "source": "Source", "tags": "Tags",
    "industry": "Industry", "company_size": "Company size", "rating": "Rating", "birthday": "Birthday",
    "met_on": "Date met", "hall": "Hall", "deleted": "Deleted flag",
}
SPECIAL_TARGETS = {"custom": "Custom field", "ignore": "Ignore"}
UNMAPPED_CHOICES = ("notes", "custom")
IDENTITY_FIELDS = frozenset({"company", "alt_name", "contact_name", "first_name", "last_name", "email", "phone", "whatsapp"})

_PUNCT = re.compile(r"[\s\-_./:：·•,，;；|()（）\[\]【】{}<>《》'\"“”‘’?？!！]+")
_REQUIRED = re.compile(r"[*＊]|\(required\)|（必填）|\(必填\)|必填")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_TYPE_LABEL = re.compile(r"^(e ?mail|phone|address|website|organization|im|relation|event|custom field)"
                         r" \d+ (type|label)$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_NUMBERISH = re.compile(r"^(?=.*\d)[+(]?[\d\s().\-/+eE:]{4,}$")
_URL = re.compile(r"^(https?://|www\.)", re.I)
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?%?$|^\d+ days?, \d")
_BRACKETS = re.compile(r"\s*[(（\[【][^)）\]】]*[)）\]】]\s*")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


@dataclass(frozen=True)
class ColumnMapping:
    """One column of the file and what it feeds. `origin`: auto, layout, content, saved, user, default.
    `evidence`: what its values look like ("92% company names"), for the mapping page."""

    index: int
    header: str
    target: str
    custom_name: str = ""
    origin: str = "auto"
    evidence: Evidence | None = field(default=None, compare=False)

    @property
    def label(self) -> str:
        if self.target == "custom":
            return f"Custom field “{self.custom_name or self.header}”"
        return FIELDS.get(self.target) or SPECIAL_TARGETS.get(self.target, self.target)


def fold_header(text: str) -> str:
    """The comparison key of a header: width, case, punctuation and required marks do not matter."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = _PUNCT.sub(" ", _REQUIRED.sub(" ", text)).strip()
    return text.replace(" ", "") if _CJK.search(text) else text


@cache
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for target, names in SYNONYMS.items():
        for name in names:
            key = fold_header(name)
            table.setdefault(key, target)
            table.setdefault(" ".join(w for w in key.split() if not w.isdigit()), target)  # "address 2 ..."
    return table


def _lookup_key(key: str) -> str | None:
    table = _table()
    if key in table:
        return table[key]
    if _TYPE_LABEL.match(key):
        return "ignore"
    words = key.split()
    for drop in (QUALIFIERS, QUALIFIERS | GENERIC_WORDS):
        kept = [w for w in words if w not in drop and not w.isdigit()]
        if kept and kept != words and " ".join(kept) in table:
            return table[" ".join(kept)]
    return None


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


@cache
def header_match(header: str) -> tuple[str | None, float]:
    """(the field a header means, how sure: 1.0 as written, 0.9 once a language mark, a bracket,
    a plural or camelCase is read through), or (None, 0.0) for a header we do not know.

    "Company Name (English)", "公司名称（中文）", "Company (EN)", "Exhibitors" and Salesforce's
    "MailingCity" are all read."""
    key = fold_header(header)
    if not key:
        return None, 0.0
    found = _lookup_key(key)
    if found is not None:
        return found, 1.0
    stripped = _BRACKETS.sub(" ", header).strip()
    for variant in (_CAMEL.sub(" ", header), stripped, _CAMEL.sub(" ", stripped)):
        folded = fold_header(variant)
        words = [w for w in folded.split() if w not in LANGUAGE_MARKS]
        if _CJK.search(folded):
            for mark in LANGUAGE_MARKS:
                folded = folded.removesuffix(mark).removeprefix(mark)
            words = [folded]
        for candidate in (" ".join(words), " ".join(_singular(w) for w in words)):
            if candidate and (found := _lookup_key(candidate)) is not None:
                return found, 0.9
    return None, 0.0


def lookup(header: str) -> str | None:
    """The field a header means, or None when it is not a header we know."""
    return header_match(header)[0]


def parse_target(text: str) -> tuple[str, str]:
    """ "email" -> ("email", ""); "custom:Booth size" -> ("custom", "Booth size"); else ValidationError."""
    name, _, custom = text.strip().partition(":")
    name = name.strip().lower().replace(" ", "_").replace("-", "_")
    aliases = {"name": "contact_name", "contact": "contact_name", "mobile": "phone", "tel": "phone",
               "e_mail": "email", "note": "notes", "skip": "ignore", "tag": "tags", "position": "title"}
    name = aliases.get(name, name)
    if name not in FIELDS and name not in SPECIAL_TARGETS:
        choices = ", ".join([*FIELDS, "custom", "custom:NAME", "ignore"])
        raise ValidationError("--map", f'"{text}" is not a field; use one of {choices}')
    if custom and name != "custom":
        raise ValidationError("--map", f'only "custom:" takes a name, not "{text}"')
    return name, custom.strip()


def looks_like_data(cell: str) -> bool:
    """An email, a number, a date or a web address: a value, not a header."""
    text = cell.strip()
    return bool(_EMAIL.match(text) or _NUMBERISH.match(text) or _URL.match(text) or _NUMBER.match(text))


def apply_overrides(columns: Sequence[ColumnMapping], overrides: Mapping[str, str],
                    origin: str = "user") -> tuple[ColumnMapping, ...]:
    """Change the target of columns named in `overrides` (header -> target text)."""
    by_header = {fold_header(c.header): c for c in columns}
    by_header.update({c.header: c for c in columns})
    changed = {c.index: c for c in columns}
    for header, target_text in overrides.items():
        column = by_header.get(header) or by_header.get(fold_header(header))
        if column is None:
            known = ", ".join(f'"{c.header}"' for c in columns)
            raise ValidationError("--map", f'the file has no column "{header}"; its columns are {known}')
        target, custom = parse_target(target_text)
        changed[column.index] = ColumnMapping(column.index, column.header, target, custom, origin, column.evidence)
    return tuple(changed[c.index] for c in columns)


# --- the header row -----------------------------------------------------------------------------

def _row_score(row: Sequence[str]) -> tuple[int, int, int]:
    """(known headers, plain text cells, data-like cells) of one row."""
    known = texty = data = 0
    for cell in row:
        text = cell.strip()
        if not text:
            continue
        if looks_like_data(text) or len(text) > 60:
            data += 1
        else:
            texty += 1
            known += lookup(text) not in (None, "ignore")
    return known, texty, data


def find_header_row(rows: Sequence[Sequence[str]], limit: int = 30) -> int | None:
    """Index of the header row among the first `limit` rows, or None when the sheet has none.

    Title rows, logos and instruction blocks are single cells and are passed over; the row that
    names the most known fields wins, else the first row of two or more short text cells with no
    data below it looking like headers.
    """
    best, best_known = None, 0
    first_plain = None
    single_column = max((sum(1 for c in row if c.strip()) for row in rows[:limit]), default=0) == 1
    for index, row in enumerate(rows[:limit]):
        known, texty, data = _row_score(row)
        if texty + data < 2 and not single_column:
            continue
        if known > best_known and known >= data:
            best, best_known = index, known
        if first_plain is None and texty >= (1 if single_column else 2) and data == 0:
            first_plain = index
    if best is None and first_plain is not None and _is_data_row(rows[first_plain], rows[first_plain + 1:limit]):
        return None  # a headerless list whose first row is all text: "Acme GmbH | Maria Weber | Germany"
    return best if best is not None else first_plain


def _is_data_row(row: Sequence[str], below: Sequence[Sequence[str]]) -> bool:
    """Whether a row of unknown words is a first data row: two or more of its cells have the shape
    (company, person, country, date) that the same column has below it."""
    if not below:
        return False
    alike = 0
    for index, cell in enumerate(row):
        kind = shape(cell) if cell.strip() else "text"
        if kind in ("text", "number"):
            continue
        column = column_evidence(sample_values(below, index, 30))
        alike += column.share(kind) >= 0.5
    return alike >= 2
