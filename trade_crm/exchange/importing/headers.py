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
from dataclasses import dataclass
from functools import cache

from trade_crm.domain.duplicates.matching import looks_like_company
from trade_crm.domain.errors import ValidationError
from trade_crm.exchange.importing.header_synonyms import GENERIC_WORDS, LAYOUTS, QUALIFIERS, SYNONYMS

FIELDS: dict[str, str] = {
    "company": "Company", "contact_name": "Contact name", "first_name": "First name",
    "middle_name": "Middle name", "last_name": "Last name", "title": "Job title", "email": "Email",
    "phone": "Phone", "whatsapp": "WhatsApp", "wechat": "WeChat", "skype": "Skype", "linkedin": "LinkedIn",
    "country": "Country", "city": "City", "address": "Address", "website": "Website",
    "products": "Products", "notes": "Notes", "booth": "Booth", "source": "Source", "tags": "Tags",
    "industry": "Industry", "company_size": "Company size", "rating": "Rating", "birthday": "Birthday",
    "met_on": "Date met", "hall": "Hall", "deleted": "Deleted flag",
}
SPECIAL_TARGETS = {"custom": "Custom field", "ignore": "Ignore"}
UNMAPPED_CHOICES = ("notes", "custom")
IDENTITY_FIELDS = frozenset({"company", "contact_name", "first_name", "last_name", "email", "phone", "whatsapp"})

_PUNCT = re.compile(r"[\s\-_./:：·•,，;；|()（）\[\]【】{}<>《》'\"“”‘’?？!！]+")
_REQUIRED = re.compile(r"[*＊]|\(required\)|（必填）|\(必填\)|必填")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_TYPE_LABEL = re.compile(r"^(e ?mail|phone|address|website|organization|im|relation|event|custom field)"
                         r" \d+ (type|label)$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_NUMBERISH = re.compile(r"^(?=.*\d)[+(]?[\d\s().\-/+eE:]{4,}$")
_URL = re.compile(r"^(https?://|www\.)", re.I)
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?%?$|^\d+ days?, \d")
_SALUTATIONS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madam", "mx", "herr", "frau",
                          "先生", "女士", "小姐", "prefix"})


@dataclass(frozen=True)
class ColumnMapping:
    """One column of the file and what it feeds. `origin`: auto, layout, content, saved, user, default."""

    index: int
    header: str
    target: str
    custom_name: str = ""
    origin: str = "auto"

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


def lookup(header: str) -> str | None:
    """The field a header means, or None when it is not a header we know."""
    key = fold_header(header)
    if not key:
        return None
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


# --- content ------------------------------------------------------------------------------------

def looks_like_data(cell: str) -> bool:
    """An email, a number, a date or a web address: a value, not a header."""
    text = cell.strip()
    return bool(_EMAIL.match(text) or _NUMBERISH.match(text) or _URL.match(text) or _NUMBER.match(text))


def _content_target(values: list[str], header_blank: bool) -> str | None:
    filled = [v.strip() for v in values if v and v.strip()]
    if not filled:
        return None
    share = lambda test: sum(1 for v in filled if test(v)) / len(filled)  # noqa: E731
    if share(lambda v: bool(_EMAIL.match(v))) >= 0.8:
        return "email"
    if share(lambda v: v.casefold().rstrip(".") in _SALUTATIONS) >= 0.8:
        return "notes"  # "Title" holding Mr./Mrs. is a salutation, not a job title
    if header_blank and share(lambda v: bool(_URL.match(v))) >= 0.8:
        return "website"
    if header_blank and len(filled) >= 3 and all(v.isdigit() for v in filled):
        numbers = [int(v) for v in filled]
        if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            return "ignore"  # a running row number (a pandas index, 序号)
    return None


def auto_map(headers: Sequence[str], samples: Sequence[Sequence[str]], *, blank: Sequence[bool] = (),
             unmapped: str = "notes") -> tuple[ColumnMapping, ...]:
    """Map every column by its header, then by what it holds; the rest go to `unmapped`."""
    folded = {fold_header(h) for h in headers}
    overrides: dict[str, str] = {}
    for required, layout in LAYOUTS:
        if required <= folded:
            overrides.update(layout)
    out = []
    for index, header in enumerate(headers):
        values = [row[index] if index < len(row) else "" for row in samples]
        is_blank = blank[index] if index < len(blank) else not header.strip()
        target, origin = overrides.get(fold_header(header)), "layout"
        if target is None:
            target, origin = (None if is_blank else lookup(header)), "auto"
        sniffed = _content_target(values, is_blank)
        if sniffed and (target is None or (target == "title" and sniffed == "notes")):
            target, origin = sniffed, "content"
        if target is None:
            target, origin = unmapped, "default"
        out.append(ColumnMapping(index, header, target, origin=origin))
    return _company_in_name_column(out, samples)


def _company_in_name_column(columns: list[ColumnMapping], samples) -> tuple[ColumnMapping, ...]:
    """An exhibitor list's "Name" is the company: with no company column, a name column whose values
    carry legal forms (GmbH, Ltd., 有限公司) feeds the company."""
    if any(c.target == "company" for c in columns):
        return tuple(columns)
    for position, column in enumerate(columns):
        if column.target != "contact_name":
            continue
        values = [row[column.index] for row in samples if column.index < len(row) and row[column.index].strip()]
        if values and sum(looks_like_company(v) for v in values) >= 0.3 * len(values):
            columns[position] = ColumnMapping(column.index, column.header, "company", origin="content")
            break
    return tuple(columns)


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
        changed[column.index] = ColumnMapping(column.index, column.header, target, custom, origin)
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
    return best if best is not None else first_plain
