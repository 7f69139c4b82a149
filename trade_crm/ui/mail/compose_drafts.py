"""What the compose dialog hands the outbox: one Draft per recipient (never one message to many behind BCC),
made from each recipient's merged preview, the Cc/Bcc typed, the files attached and the planned send time.

Plain Python over domain types (no widgets), so the dialog stays a thin view."""

from __future__ import annotations

import html as html_lib
import mimetypes
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from trade_crm.domain.customers.records import get_customer
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.mail.merge import Preview, Recipient, load_recipients
from trade_crm.domain.mail.messages import Address
from trade_crm.domain.mail.outgoing import Draft, OutgoingFile
from trade_crm.domain.text import normalize_email

_SPLIT = re.compile(r"[,;，；\s]+")


@dataclass(frozen=True)
class ContactEmail:
    """One address a picker offers: whose it is, and which customer."""

    customer_id: int
    customer_name: str
    contact_id: int
    contact_name: str
    email: str


def contact_emails(customer_ids: Iterable[int]) -> list[ContactEmail]:
    """Every email of every contact of the given customers, in the customers' order."""
    out = []
    for customer_id in dict.fromkeys(customer_ids):
        customer = get_customer(customer_id)
        for contact in customer.contacts:
            for email in contact.emails:
                out.append(ContactEmail(customer_id, customer.name, contact.id, contact.name, email))
    return out


def recipients_for(picked: Sequence[ContactEmail]) -> list[Recipient]:
    """One recipient (one message) per address picked, each with that contact's merge values."""
    out = []
    for item in picked:
        found = load_recipients([item.customer_id], contact_ids={item.customer_id: item.contact_id})
        if found:
            out.append(replace(found[0], email=item.email))
    return out


def parse_addresses(text: str, field: str) -> tuple[Address, ...]:
    """'a@x.com, b@y.com' -> addresses; a ValidationError naming the field and the word that is not one."""
    out = []
    for word in (w for w in _SPLIT.split(text or "") if w):
        email = normalize_email(word.strip("<>"))
        if email is None:
            raise ValidationError(field, f'"{word}" is not an email address')
        out.append(Address(email))
    return tuple(dict.fromkeys(out))


def simple_html(text: str) -> str:
    """A plain text as simple HTML: paragraphs and line breaks, special characters escaped, merge fields kept
    (they are filled in, escaped, per recipient)."""
    paragraphs = [p for p in re.split(r"\n\s*\n", (text or "").strip()) if p.strip()]
    body = "\n".join("<p>" + html_lib.escape(p, quote=False).replace("\n", "<br>\n") + "</p>" for p in paragraphs)
    return f'<div style="font-family: sans-serif; font-size: 14px;">\n{body}\n</div>' if body else ""


def outgoing_file(path: Path) -> OutgoingFile:
    """A file to attach as the outbox keeps it (read from disk when the message goes)."""
    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return OutgoingFile(str(path), path.name, path.stat().st_size, content_type)


def build_drafts(account_id: int, previews: Sequence[Preview], *, cc: tuple[Address, ...] = (),
                 bcc: tuple[Address, ...] = (), files: tuple[OutgoingFile, ...] = (), template: str = "",
                 purpose: str = "manual", send_at: Mapping[int, datetime | None] | None = None) -> list[Draft]:
    """A Draft per previewed recipient; `send_at` by position in `previews` (missing: as soon as allowed).
    A preview with an error, or a recipient without an address, is refused: nothing half-filled goes out."""
    drafts = []
    for number, item in enumerate(previews):
        who = item.recipient
        if not item.ok:
            raise ValidationError(item.error_field or "text", item.error)
        if not who.email:
            raise ValidationError("to", f"{who.label}: no email address")
        drafts.append(Draft(
            account_id, (Address(who.email, who.contact_name),), item.subject, item.text, cc=cc, bcc=bcc,
            html=item.html, attachments=files, customer_id=who.customer_id, contact_id=who.contact_id,
            template=template, purpose=purpose, send_at=(send_at or {}).get(number)))
    return drafts
