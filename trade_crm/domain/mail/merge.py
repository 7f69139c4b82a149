"""Merge fields: `{contact.first_name}`, `{customer.name}`, `{holiday.name}`, `{my.signature}` ... filled in per
recipient, with a clear error instead of a mail that reads "Dear ,".

Syntax: `{namespace.field}`; alternatives separated by "|" take the first that has a value
(`{contact.first_name|customer.name}`), and a quoted last alternative is a literal (`{contact.first_name|"friend"}`).
`{{` and `}}` are literal braces. An unknown field is refused (UnknownFieldError) when a template is saved and
when it is merged; a recipient with no value for a field (and no alternative that has one) is refused for that
recipient (MissingValueError), naming the field and the recipient. `{my.signature}` alone may be empty.

Where "my" comes from: the book's settings MY_NAME, MY_COMPANY and MY_SIGNATURE (Settings), the sending
account's address, and its own signature when it has one (it wins over MY_SIGNATURE).
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from trade_crm.domain.errors import ValidationError
from trade_crm.domain.greetings.occasions import holiday_name
from trade_crm.domain.greetings.templates import customer_language
from trade_crm.domain.text import clean_block, clean_line
from trade_crm.domain.world.countries import country_name
from trade_crm.store.models import Contact, ContactChannel, Customer, MailAccount
from trade_crm.store.settings import SettingKey

MY_NAME = SettingKey("mail.my_name", str, "", "My name (signs the mail)")
MY_COMPANY = SettingKey("mail.my_company", str, "", "My company")
MY_SIGNATURE = SettingKey("mail.my_signature", str, "", "My signature (when the account has none)")

# Every field, with what it holds (English; the UI translates it).
FIELDS: dict[str, str] = {
    "contact.first_name": "The contact's first name (a Chinese, Japanese or Korean name: the whole name)",
    "contact.last_name": "The contact's last name",
    "contact.name": "The contact's full name",
    "contact.title": "The contact's job title",
    "contact.email": "The contact's email address",
    "customer.name": "The customer's company name",
    "customer.country": "The customer's country, in the mail's language",
    "customer.city": "The customer's city",
    "holiday.name": "The holiday's name, in the mail's language where known",
    "holiday.date": "The holiday's date (YYYY-MM-DD)",
    "entry.summary": "The quotation or sample entry a follow-up is about",
    "entry.date": "That entry's date (YYYY-MM-DD)",
    "fair.name": "The trade fair a thank-you is about",
    "my.name": "Your name (Settings)",
    "my.company": "Your company (Settings)",
    "my.email": "The sending account's address",
    "my.signature": "The account's signature, else yours from Settings (may be empty)",
}
OPTIONAL_FIELDS = frozenset({"my.signature"})
# The first wave's greeting placeholders, as merge fields (domain/mail/templates.py reads old edits with them).
LEGACY_PLACEHOLDERS = {"{name}": "{contact.name|customer.name}", "{holiday}": "{holiday.name}",
                       "{company}": "{customer.name}"}

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
_FIELD = re.compile(r"[a-z_]+\.[a-z_]+")
_LITERAL = re.compile(r'"([^"]*)"')
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


class MergeError(ValidationError):
    """A template that cannot be filled in: `merge_field` names the field, `recipient` who it was for ("" when
    the template itself is wrong)."""

    def __init__(self, merge_field: str, recipient: str, message: str):
        super().__init__(merge_field, f"{recipient}: {message}" if recipient else message)
        self.merge_field = merge_field
        self.recipient = recipient


class UnknownFieldError(MergeError):
    """`{merge_field}` is no merge field."""


class MissingValueError(MergeError):
    """The recipient has no value for `{merge_field}` (and no alternative in the template has one)."""


@dataclass(frozen=True)
class Recipient:
    """Who a mail goes to: a customer, the contact it is addressed to (None: the company), and the address."""

    customer_id: int
    customer_name: str
    country: str  # alpha-2, "" unknown
    city: str
    language: str  # the template language (templates.customer_language)
    contact_id: int | None
    contact_name: str
    contact_title: str
    email: str  # "" = no address: a problem, never dropped silently

    @property
    def label(self) -> str:
        """'Contact Name (Company)' or the company alone: how an error or a preview names the recipient."""
        name = self.contact_name.strip()
        return f"{name} ({self.customer_name})" if name else (self.customer_name or f"customer {self.customer_id}")


@dataclass(frozen=True)
class Sender:
    """The "my" fields: who signs the mail."""

    name: str = ""
    company: str = ""
    email: str = ""
    signature: str = ""


@dataclass(frozen=True)
class Holiday:
    """The holiday a greeting is for: its English name, the day and the country it falls in (to name it in the
    recipient's language)."""

    name: str
    on: date | None = None
    country: str = ""


@dataclass(frozen=True)
class MergedMail:
    subject: str
    text: str
    html: str = ""


@dataclass(frozen=True)
class Preview:
    """One recipient's mail as it would go out, or why it cannot (`error`; the texts are then empty)."""

    recipient: Recipient
    subject: str = ""
    text: str = ""
    html: str = ""
    error: str = ""
    error_field: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


# --- parsing ----------------------------------------------------------------------------------------

def _alternatives(inner: str, recipient: str) -> list[str]:
    parts = [part.strip() for part in inner.split("|")]
    for i, part in enumerate(parts):
        if _LITERAL.fullmatch(part) and i == len(parts) - 1 and i > 0:
            continue
        if not _FIELD.fullmatch(part) or part not in FIELDS:
            raise UnknownFieldError(part or "{}", recipient, f'{{{inner}}} is not a merge field (use one of '
                                    f'{", ".join("{" + f + "}" for f in FIELDS)})')
    return parts


def fields_in(text: str) -> tuple[str, ...]:
    """The merge fields `text` uses, in order, each once (UnknownFieldError for one that is not a field)."""
    out: list[str] = []
    for match in _TOKEN.finditer(text or ""):
        if match.group(1) is not None:
            out += [p for p in _alternatives(match.group(1), "") if not _LITERAL.fullmatch(p)]
    return tuple(dict.fromkeys(out))


def check_template_fields(text: str, *, part: str = "text") -> None:
    """Refuse a template text with an unknown field (or a stray brace), before it is saved."""
    stripped = _TOKEN.sub("", text or "")
    if "{" in stripped or "}" in stripped:
        raise UnknownFieldError(part, "", f'a lone "{{" or "}}" in the {part}: write {{{{ or }}}} for a brace')
    fields_in(text)


# --- values -----------------------------------------------------------------------------------------

def split_name(name: str) -> tuple[str, str]:
    """(first, last) of a person's name: "Anna Maria Schmidt" -> ("Anna", "Schmidt"); a CJK name is kept whole
    as the first name ("王伟": a Chinese buyer is not addressed by the given name alone)."""
    name = " ".join((name or "").split())
    if not name or _CJK.search(name):
        return name, ""
    words = [w for w in name.split(" ") if w.rstrip(".").lower() not in ("mr", "mrs", "ms", "miss", "dr", "herr", "frau")]
    if not words:
        return name, ""
    return words[0], (words[-1] if len(words) > 1 else "")


def merge_values(recipient: Recipient, sender: Sender, *, language: str = "", holiday: Holiday | None = None,
                 extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """Every field's value for this recipient ("" = none). `language` names the country and the holiday;
    `extra` fills "entry.*" and "fair.*" (and may override any other)."""
    language = language or recipient.language
    first, last = split_name(recipient.contact_name)
    values = {
        "contact.first_name": first, "contact.last_name": last, "contact.name": recipient.contact_name.strip(),
        "contact.title": recipient.contact_title.strip(), "contact.email": recipient.email,
        "customer.name": recipient.customer_name.strip(),
        "customer.country": country_name(recipient.country, "zh" if language == "zh" else "en") if recipient.country else "",
        "customer.city": recipient.city.strip(),
        "holiday.name": "", "holiday.date": "", "entry.summary": "", "entry.date": "", "fair.name": "",
        "my.name": sender.name.strip(), "my.company": sender.company.strip(), "my.email": sender.email,
        "my.signature": sender.signature.strip("\n"),
    }
    if holiday is not None:
        name = holiday.name
        if holiday.on is not None and holiday.country and language and language != "en":
            name = holiday_name(holiday.country, holiday.on, holiday.name, language)
        values["holiday.name"] = name
        values["holiday.date"] = holiday.on.isoformat() if holiday.on else ""
    for field, value in (extra or {}).items():
        if field not in FIELDS:
            raise UnknownFieldError(field, recipient.label, f"{field} is not a merge field")
        values[field] = str(value or "").strip()
    return values


# --- merging ----------------------------------------------------------------------------------------

def merge_text(text: str, values: Mapping[str, str], *, recipient: str = "", escape_html: bool = False) -> str:
    """`text` with its fields filled from `values` (merge_values); MissingValueError for a field without a value,
    UnknownFieldError for one that is not a field."""
    def replace(match: re.Match) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        parts = _alternatives(match.group(1), recipient)
        for part in parts:
            literal = _LITERAL.fullmatch(part)
            value = literal.group(1) if literal else values.get(part, "")
            if value or (not literal and part in OPTIONAL_FIELDS and part == parts[-1]):
                return html_lib.escape(value) if escape_html else value
        field = parts[0]
        hint = " or ".join("{" + p + "}" for p in parts)
        raise MissingValueError(field, recipient, f"no value for {hint}: fill it in, or write the mail by hand")
    merged = _TOKEN.sub(replace, text or "")
    return merged if escape_html else "\n".join(line.rstrip() for line in merged.rstrip().split("\n"))


def merge_mail(subject: str, text: str, html: str, values: Mapping[str, str], *, recipient: str = "") -> MergedMail:
    """Subject, text and HTML merged for one recipient (the first error raised)."""
    return MergedMail(merge_text(subject, values, recipient=recipient).replace("\n", " "),
                      merge_text(text, values, recipient=recipient),
                      merge_text(html, values, recipient=recipient, escape_html=True) if html else "")


def preview(subject: str, text: str, html: str, recipients: Sequence[Recipient], sender: Sender, *,
            holiday: Holiday | None = None, extra: Mapping[str, str] | None = None) -> list[Preview]:
    """Each recipient's mail, or the reason it cannot be filled in (never raises a MergeError)."""
    out = []
    for recipient in recipients:
        try:
            values = merge_values(recipient, sender, holiday=holiday, extra=extra)
            mail = merge_mail(subject, text, html, values, recipient=recipient.label)
        except MergeError as exc:
            out.append(Preview(recipient, error=str(exc), error_field=exc.merge_field))
        else:
            out.append(Preview(recipient, mail.subject, mail.text, mail.html))
    return out


# --- reading the book -------------------------------------------------------------------------------

def sender_profile(account_id: int | None = None) -> Sender:
    """The "my" fields: the settings, the account's address and its signature (which wins over MY_SIGNATURE)."""
    email = signature = ""
    if account_id is not None:
        row = MailAccount.get_or_none(MailAccount.id == account_id)
        if row is not None:
            email, signature = row.email, row.signature or ""
    return Sender(MY_NAME.read().strip(), MY_COMPANY.read().strip(), email, signature or MY_SIGNATURE.read())


def save_sender_profile(*, name: str, company: str, signature: str) -> Sender:
    """Store the user's name, company and default signature (the settings behind my.*)."""
    MY_NAME.write(clean_line(name))
    MY_COMPANY.write(clean_line(company))
    MY_SIGNATURE.write(clean_block(signature))
    return sender_profile()


_CHUNK = 500  # ids per IN (...): well under SQLite's variable limit


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


def load_recipients(customer_ids: Iterable[int], *, contact_ids: Mapping[int, int] | None = None) -> list[Recipient]:
    """One recipient per customer (in the order given, each once): the contact `contact_ids` names for it, else
    its primary contact if it has an email, else its first contact with an email, else its primary (or first)
    contact; with that contact's first email. A customer without a contact is addressed as the company, with no
    email (the caller lists it as a problem). Unknown customer ids are left out. A few queries per 500 customers."""
    ids = list(dict.fromkeys(customer_ids))
    customers: dict[int, Customer] = {}
    contacts: dict[int, list[Contact]] = {}
    emails: dict[int, str] = {}
    for chunk in _chunks(ids):
        customers.update((c.id, c) for c in Customer.select().where(Customer.id.in_(chunk)))
        for contact in (Contact.select().where(Contact.customer.in_(chunk))
                        .order_by(Contact.is_primary.desc(), Contact.id)):
            contacts.setdefault(contact.customer_id, []).append(contact)
    contact_list = [c.id for people in contacts.values() for c in people]
    for chunk in _chunks(contact_list):
        for channel in (ContactChannel.select(ContactChannel.contact, ContactChannel.value)
                        .where(ContactChannel.contact.in_(chunk), ContactChannel.kind == "email")
                        .order_by(ContactChannel.position, ContactChannel.id)):
            emails.setdefault(channel.contact_id, channel.value)
    out = []
    for cid in ids:
        customer = customers.get(cid)
        if customer is None:
            continue
        people = contacts.get(cid, [])
        wanted = (contact_ids or {}).get(cid)
        contact = next((p for p in people if p.id == wanted), None) if wanted else None
        contact = contact or next((p for p in people if p.id in emails), None) or (people[0] if people else None)
        out.append(Recipient(
            customer_id=cid, customer_name=customer.name, country=customer.country or "", city=customer.city or "",
            language=customer_language(customer.preferred_language, customer.country),
            contact_id=contact.id if contact else None, contact_name=contact.name if contact else "",
            contact_title=contact.title if contact else "", email=emails.get(contact.id, "") if contact else ""))
    return out
