"""One raw row + the column mapping -> clean customer fields, one contact, and the row's problems.

Text is trimmed, full-width letters and digits folded, and put in NFC; nothing here filters by
"word characters", so Devanagari vowel signs, Thai and Arabic marks survive. Emails are lower-cased
and validated, phones read to E.164 with the row's country (the text is kept when a number cannot
be read), countries in any language or ISO become codes. A value that cannot be used where
its column says is kept in the notes and reported, so no cell of the file is lost. A number that
phonenumbers can read but that cannot exist (+91848484848, area code 111, 12345678900) is kept as
typed with a warning; a row another program flagged deleted is listed and not imported; the day a
trade-show card was collected becomes `fields["met_on"]` (a date) for the commit's "Met at" entry.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import phonenumbers

from trade_crm.domain.customers.records import clean_customer_fields
from trade_crm.domain.duplicates.matching import same_person
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.text import clean_block, clean_line, normalize_email, split_emails
from trade_crm.domain.world.countries import UnknownCountryError, normalize_country
from trade_crm.domain.world.phones import Phone, normalize_phone, number_doubt, split_phones
from trade_crm.exchange.files.dates import parse_date
from trade_crm.exchange.importing.layout.headers import ColumnMapping, lookup
from trade_crm.exchange.importing.plan import PlannedContact, RowProblem
from trade_crm.store.models import RATINGS

PLACEHOLDERS = frozenset({"n/a", "na", "#n/a", "nan", "none", "null", "nil", "-", "--", "—", "/", "?", "tbd",
                          "no tel_number", "no email", "no phone", "no website", "无", "暂无", "没有", "空"})
_PLACEHOLDER_CHARS = max(map(len, PLACEHOLDERS))  # casefold never shortens a text: a longer one is none
SINGLE = ("company", "alt_name", "contact_name", "first_name", "middle_name", "last_name", "title", "country", "city",
          "website", "industry", "company_size", "rating", "source", "birthday", "booth", "wechat", "skype",
          "linkedin", "whatsapp", "met_on", "deleted")
DELETED_MARKS = frozenset({"true", "yes", "y", "1", "x", "deleted", "removed", "是", "已删除", "删除", "√", "✓", "✔"})
NOT_DELETED = frozenset({"false", "no", "n", "0", "active", "否", "未删除", "正常"})
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_E164 = re.compile(r"^\+\d{7,15}$")
_SCIENTIFIC = re.compile(r"^\d(?:\.\d+)?e\+?\d+$", re.I)
_EMAIL_INSIDE = re.compile(r"[^\s<>()\"',;:@]+@[^\s<>()\"',;:@]+\.[^\s<>()\"',;:@]{2,}")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ONE_LINE = re.compile(r"[^\n\r\x0b\x0c\x1c-\x1e]*")  # what str.splitlines() leaves whole, in ASCII
_TAG_SPLIT = re.compile(r"\s*(?::::|[,;、|\n，；])\s*")
# What the column loop does with a cell, by its column's target (a one-value field, one of several, ...)
_SINGLE, _MULTI, _NOTES, _CUSTOM, _BOOTH, _HALL, _OTHER = range(7)
_KINDS = {t: _SINGLE for t in SINGLE} | {t: _MULTI for t in ("email", "phone", "address", "products", "tags")} | {
    "notes": _NOTES, "custom": _CUSTOM, "booth": _BOOTH, "hall": _HALL}


@dataclass(frozen=True)
class CleanRow:
    row: int
    name: str  # the customer's name: the company, else the person, else an email or phone
    fields: dict = field(default_factory=dict)  # customer fields, already valid
    contact: PlannedContact | None = None
    tags: tuple[str, ...] = ()
    custom: dict = field(default_factory=dict)
    notes: str = ""
    problems: tuple[RowProblem, ...] = ()
    is_company: bool = False  # the name is a company's, not a person's or an address's

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def fold_width(text: str) -> str:
    """One line: full-width letters, digits and spaces folded, whitespace folded, NFC."""
    if text.isascii() and "  " not in text and "\t" not in text and "\n" not in text and "\r" not in text:
        return text.strip()
    return clean_line(text.translate(_FULL_WIDTH))


class RowCleaner:
    """Cleans the rows of one sheet; caches what repeats (countries, phones) across rows."""

    def __init__(self, sheet: str, columns: Sequence[ColumnMapping], *, default_country: str | None = None):
        self.sheet = sheet
        self.columns = [c for c in columns if c.target != "ignore"]
        self.default_country = default_country
        self._countries: dict[str, str | None] = {}
        self._phones: dict[tuple[str, str | None], tuple[Phone, str | None]] = {}
        self._dates: dict[str, date | str] = {}  # text -> the date, or why it is none
        self._plain_notes = {c.index: lookup(c.header) == "notes" for c in self.columns}
        self._columns = [(c.index, c.target, c.header, c.custom_name, _KINDS.get(c.target, _OTHER))
                         for c in self.columns]

    def _country(self, text: str) -> str | None:
        if text not in self._countries:
            try:
                self._countries[text] = normalize_country(text)
            except UnknownCountryError:
                self._countries[text] = None
        return self._countries[text]

    def _checked_phone(self, text: str, region: str | None) -> tuple[Phone, str | None]:
        """The number read, and why it may not exist (None when it looks real)."""
        key = (text, region)
        if key not in self._phones:
            phone = normalize_phone(text, region)
            self._phones[key] = (phone, number_doubt(phone, region))
        return self._phones[key]

    def _date(self, text: str) -> date | str:
        if text not in self._dates:
            try:
                self._dates[text] = parse_date(text)
            except ValueError as exc:
                self._dates[text] = str(exc)
        return self._dates[text]

    def clean(self, number: int, cells: Sequence[str]) -> CleanRow:
        problems: list[RowProblem] = []
        notes: list[str] = []
        contact_notes: list[str] = []
        values: dict[str, str] = {}  # a one-value field's target -> its value (width folded), and its header
        headers: dict[str, str] = {}
        multi: dict[str, list[tuple[str, str]]] = {"email": [], "phone": [], "address": [], "products": [],
                                                   "tags": []}
        custom: dict[str, str] = {}

        def problem(column: str, message: str, severity: str = "warning") -> None:
            problems.append(RowProblem(self.sheet, number, column, message, severity))

        width = len(cells)
        for index, target, header, custom_name, kind in self._columns:
            raw = cells[index] if index < width else ""
            if not raw:
                continue
            plain = raw.isascii() and "\n" not in raw and "\r" not in raw
            if plain:  # a cell: trimmed, width folded, NFC
                value = raw.strip()
            else:
                value = clean_block(raw.translate(_FULL_WIDTH))
            if not value or (len(value) <= _PLACEHOLDER_CHARS and value.casefold() in PLACEHOLDERS):
                continue
            if kind == _SINGLE:
                # fold_width(value), without the call where it would only trim again
                folded = value if plain and "  " not in value and "\t" not in value else fold_width(value)
                if target in values:  # a second column for a one-value field: keep it in the notes
                    if folded.casefold() != values[target].casefold():
                        notes.append(f"{header}: {value}")
                else:
                    values[target], headers[target] = folded, header
            elif kind == _MULTI:
                multi[target].append((value, header))
            elif kind == _NOTES:
                notes.append(value if self._plain_notes.get(index) else f"{header}: {value}")
            elif kind == _CUSTOM:
                custom[custom_name or header] = value
            elif kind == _BOOTH:
                custom.setdefault("Booth", value)
            elif kind == _HALL:
                custom.setdefault("Hall", value)
            else:
                notes.append(f"{header}: {value}")

        get = values.get
        fields: dict = {}
        company, alt_name = get("company", "") or get("alt_name", ""), get("alt_name", "")  # a lone other name
        if alt_name and alt_name.casefold() != company.casefold():  # ... is the name
            fields["alt_name"] = alt_name
        name = get("contact_name", "") or self._join_name(get("first_name", ""), get("middle_name", ""),
                                                          get("last_name", ""))
        if name and company and name.casefold() == company.casefold():
            name = ""
        if flag := get("deleted", ""):
            if flag.casefold() in DELETED_MARKS:
                problem(headers["deleted"], f'the file marks this row deleted ({headers["deleted"]}: '
                                            f'{flag}), so it is not imported', "error")
            elif flag.casefold() not in NOT_DELETED:
                notes.append(f"{headers['deleted']}: {flag}")
        if met_on := get("met_on", ""):
            met = self._date(met_on)
            if isinstance(met, date):
                fields["met_on"] = met
            else:
                problem(headers["met_on"], f"{met}; kept in the notes")
                notes.append(f"{headers['met_on']}: {met_on}")
        country = self._resolve_country(values, headers, multi["address"], notes, problem)
        if country:
            fields["country"] = country
        for key in ("city", "website", "industry", "company_size"):
            if value := get(key, ""):
                fields[key] = value
        if multi["address"]:
            address = self._join_address([v for v, _ in multi["address"]])
            if address:
                fields["address"] = address
        if multi["products"]:
            products = "; ".join(dict.fromkeys(fold_width(v) for v, _ in multi["products"]))
            if products:
                fields["products"] = products
        if rating := get("rating", ""):
            if rating.upper() in RATINGS:
                fields["rating"] = rating.upper()
            else:
                problem(headers["rating"], f'"{rating}" is not a rating ({", ".join(RATINGS)}); kept in the notes')
                notes.append(f"{headers['rating']}: {rating}")
        tags = [t.strip().lstrip("*").strip() for v, _ in multi["tags"] for t in _TAG_SPLIT.split(v)]
        if source := get("source", ""):
            try:
                fields["source"] = clean_customer_fields({"source": source}, creating=False)["source"]
            except ValidationError:
                tags.append(source)  # "Canton Fair 2025" in a Source column is a trade show: a tag

        emails = self._emails(multi["email"], contact_notes, problem) if multi["email"] else []
        phones = self._phones_of(multi["phone"], country, contact_notes, problem) if multi["phone"] else []
        whatsapp = None
        if typed := get("whatsapp", ""):
            phone = self._checked_phone(typed, country)[0]
            if phone.e164:
                whatsapp = (phone.e164, phone.raw)
            else:
                problem(headers["whatsapp"], f'cannot read WhatsApp number "{typed}"; kept in the notes')
                contact_notes.append(f"WhatsApp: {typed}")
        if not country and phones and _E164.match(phones[0][0]) and (country := region_of(phones[0][0])):
            fields["country"] = country  # no country in the row: the phone's country code says it
        birthday = None
        if typed := get("birthday", ""):
            try:
                birthday = parse_date(typed)
            except ValueError as exc:
                problem(headers["birthday"], f"{exc}; kept in the notes")
                contact_notes.append(f"{headers['birthday']}: {typed}")
        wechat, skype, linkedin = get("wechat", ""), get("skype", ""), get("linkedin", "")
        has_person = bool(name or emails or phones or whatsapp or wechat or skype or linkedin)
        if has_person:
            contact = PlannedContact(
                name=name, title=get("title", ""), emails=tuple(emails), phones=tuple(phones), whatsapp=whatsapp,
                wechat=wechat, skype=skype, linkedin=linkedin, birthday=birthday, notes="\n".join(contact_notes),
                row=number)
        else:
            contact = None
            if contact_notes:
                notes.append("\n".join(contact_notes))  # no person to hold them: the customer does
        label = company or name or (emails[0] if emails else "") or (phones[0][1] if phones else "") or (
            whatsapp[1] if whatsapp else "") or wechat or skype or linkedin
        if not label:
            problem("", "this row has no company, name, email or phone, so there is nothing to import it as",
                    "error")
        return CleanRow(number, label, fields, contact, tuple(dict.fromkeys(t for t in tags if t)) if tags else (),
                        custom, "\n".join(notes), tuple(problems), is_company=bool(company))

    # --- pieces -----------------------------------------------------------------------------------

    @staticmethod
    def _join_name(first: str, middle: str, last: str) -> str:
        if _CJK.search(first + last) and not middle:
            return f"{last}{first}"  # 姓 + 名
        return " ".join(p for p in (first, middle, last) if p)

    @staticmethod
    def _join_address(parts: list[str]) -> str:
        if len(parts) == 1 and parts[0].isascii() and _ONE_LINE.fullmatch(parts[0]):  # as most rows have it
            return fold_width(parts[0].strip())
        out: list[str] = []
        for part in parts:
            text = ", ".join(line.strip() for line in part.splitlines() if line.strip())
            if text and not any(text.casefold() in o.casefold() for o in out):
                out = [o for o in out if o.casefold() not in text.casefold()] + [text]
        return fold_width(", ".join(out))

    def _resolve_country(self, values, headers, addresses, notes, problem) -> str | None:
        text = values.get("country", "")
        if text:
            code = self._country(text)
            if code is None:
                problem(headers["country"], f'unknown country "{text}"; kept in the notes')
                notes.append(f"{headers['country']}: {text}")
            return code or self.default_country
        for value, _ in addresses:  # "Ackerstraße 29, 10115 Berlin, Germany"
            tail = re.split(r"[,\n]", value)[-1].strip()
            if tail and len(tail) > 1 and (code := self._country(tail)):
                return code
        return self.default_country

    def _emails(self, values, contact_notes, problem) -> list[str]:
        found: list[str] = []
        for value, header in values:
            for part in split_emails(value):
                email = normalize_email(part)
                if email is None and (inside := _EMAIL_INSIDE.search(part)):
                    email = normalize_email(inside.group())
                if email is None:
                    problem(header, f'"{part}" is not an email address; kept in the notes')
                    contact_notes.append(f"{header}: {part}")
                elif email not in found:
                    found.append(email)
        return found

    def _phones_of(self, values, country, contact_notes, problem) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        for value, header in values:
            for part in split_phones(value):
                phone, doubt = self._checked_phone(part, country)
                if phone.e164 and doubt:
                    problem(header, f'"{part}" {doubt}; kept as typed')
                    if all(phone.raw != v for v, _ in found):
                        found.append((phone.raw, phone.raw))
                    continue
                if phone.e164:
                    if all(phone.e164 != v for v, _ in found):
                        found.append((phone.e164, phone.raw))
                    continue
                if not any(c.isdigit() for c in part):
                    problem(header, f'"{part}" is not a phone number; kept in the notes')
                    contact_notes.append(f"{header}: {part}")
                    continue
                if _SCIENTIFIC.match(phone.raw):
                    problem(header, f'Excel turned this phone number into "{part}" and its last digits are lost; '
                                    "kept as typed. Format the column as text in Excel and type the number again")
                else:
                    where = f" for {country}" if country else " (no country in this row)"
                    problem(header, f'cannot read "{part}" as a phone number{where}; kept as typed')
                if all(phone.raw != v for v, _ in found):
                    found.append((phone.raw, phone.raw))
        return found


def region_of(e164: str) -> str | None:
    """The country of an E.164 number (used when a row names no country)."""
    try:
        return phonenumbers.region_code_for_number(phonenumbers.parse(e164, None))
    except phonenumbers.NumberParseException:
        return None


def shared_email_problems(sheet: str, rows: Sequence[CleanRow]) -> list[RowProblem]:
    """One email given for two differently named people: both rows are kept, and the later one says so
    (a shared inbox such as info@ or a typo; the user decides)."""
    first: dict[str, tuple[str, int]] = {}  # email -> (the first name given with it, its row)
    problems = []
    for row in rows:
        contact = row.contact
        if contact is None or not contact.name:
            continue
        for email in contact.emails:
            seen = first.setdefault(email, (contact.name, row.row))
            if seen[1] != row.row and not same_person(seen[0], contact.name):
                problems.append(RowProblem(
                    sheet, row.row, "",
                    f'{email} is also the email of "{seen[0]}" (row {seen[1]}), not only of "{contact.name}"; '
                    "check which person it belongs to"))
                break
    return problems
