"""A WhatsApp message prepared from the mail templates: the contact's number as wa.me wants it, the template's
text filled in for that contact (the same merge fields as email), the click-to-chat link with the text
prefilled, and the timeline entry once the user says they sent it.

WhatsApp itself sends the message: the app only opens https://wa.me/<digits>?text=... and cannot know whether
it went, so nothing is logged until the user confirms. A greeting template is logged as kind "greeting" (the
holiday's reminder counts the customer as greeted), any other as kind "whatsapp".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

from trade_crm.domain.clock import Clock
from trade_crm.domain.customers.contacts import ContactView, contacts_of
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.mail.merge import Holiday, load_recipients, sender_profile
from trade_crm.domain.mail.templates import (
    GREETING,
    GREETING_DEFAULT,
    get_template,
    render_template,
    template_kind,
)
from trade_crm.domain.text import clean_block
from trade_crm.domain.world.phones import format_phone, normalize_phone
from trade_crm.store.models import Customer

DEFAULT_TEMPLATE = GREETING_DEFAULT
_NON_DIGIT = re.compile(r"\D")


@dataclass(frozen=True)
class WhatsAppMessage:
    """What to send: to `number` (E.164 digits, no "+"), `text` filled in, the wa.me `link` carrying it, in the
    template's `language`; who it is for and from which template."""

    number: str
    text: str
    link: str
    language: str
    customer_id: int = 0
    contact_id: int | None = None
    contact_name: str = ""
    template_key: str = ""


def whatsapp_number(value: str, country: str | None = None, *, field: str = "whatsapp") -> str:
    """The number wa.me wants: E.164 digits without "+" ("+971 50 123 4567" -> "971501234567"); a number
    without "+" is read in `country` (alpha-2). ValidationError naming `field` for one that is not a valid
    phone number (a possible length is not enough: WhatsApp would open a chat with nobody)."""
    phone = normalize_phone(value or "", (country or "").strip().upper() or None)
    if not phone.e164 or not phone.valid:
        shown = (value or "").strip() or "(empty)"
        where = f" for {country.upper()}" if country and not shown.startswith("+") else ""
        raise ValidationError(field, f'"{shown}" is not a valid phone number{where}: WhatsApp needs the full '
                              "number, with its country code")
    return phone.e164[1:]


def wa_link(number: str, text: str = "") -> str:
    """https://wa.me/<digits>?text=<the text, UTF-8, percent-encoded>; no text, no query."""
    digits = _NON_DIGIT.sub("", number or "")
    if not digits:
        raise ValidationError("whatsapp", f'"{number}" has no digits to open a WhatsApp chat with')
    link = f"https://wa.me/{digits}"
    return f"{link}?text={quote(text, safe='')}" if text else link


def whatsapp_numbers(contact: ContactView) -> list[str]:
    """A contact's numbers to message, WhatsApp channel first, then the phones (E.164, each once)."""
    return list(dict.fromkeys(contact.values("whatsapp") + contact.values("phone")))


def reachable_contacts(customer_id: int) -> list[ContactView]:
    """The customer's contacts with a WhatsApp or phone number, primary first."""
    return [c for c in contacts_of(customer_id) if whatsapp_numbers(c)]


def _contact(customer_id: int, contact_id: int | None) -> ContactView:
    contacts = contacts_of(customer_id)
    if contact_id is not None:
        contact = next((c for c in contacts if c.id == contact_id), None)
        if contact is None:
            raise ValidationError("contact", f"contact {contact_id} does not belong to customer {customer_id}")
        if not whatsapp_numbers(contact):
            raise ValidationError("contact", f"{contact.name or f'contact {contact_id}'} has no WhatsApp or phone "
                                  "number: add one to the contact first")
        return contact
    reachable = [c for c in contacts if whatsapp_numbers(c)]
    if not reachable:
        raise ValidationError("contact", f"no contact of customer {customer_id} has a WhatsApp or phone number: "
                              "add one to a contact first")
    return reachable[0]  # contacts_of lists the primary contact first


def whatsapp_message(customer_id: int, contact_id: int | None = None, template_key: str = DEFAULT_TEMPLATE,
                     language: str | None = None, *, holiday: Holiday | None = None,
                     extra: Mapping[str, str] | None = None, text: str | None = None) -> WhatsAppMessage:
    """The template's text (never its subject) filled in for the contact (`contact_id`, else the primary or
    first contact with a number), in `language` or the customer's; a MergeError (a missing value, naming the
    field and the recipient) propagates. `text`: the user's own edit of it, sent instead (the link follows)."""
    customer = Customer.get_or_none(Customer.id == customer_id)
    if customer is None:
        raise NotFoundError("customer", customer_id)
    contact = _contact(customer_id, contact_id)
    number = whatsapp_number(whatsapp_numbers(contact)[0], customer.country)
    recipient = load_recipients([customer_id], contact_ids={customer_id: contact.id})[0]
    template = get_template(template_key, language or recipient.language)
    if text is None:
        text = render_template(template_key, recipient, sender_profile(), holiday=holiday, extra=extra,
                               template=template).text
    text = clean_block(text)
    return WhatsAppMessage(number, text, wa_link(number, text), template.language, customer_id, contact.id,
                           contact.name, template.key)


def log_whatsapp_sent(customer_id: int, contact_id: int | None, text: str, clock: Clock, *,
                      template_key: str = "", number: str = "") -> int:
    """Log the message the user says they sent on WhatsApp: kind "greeting" for a greeting template (the
    holiday's reminder counts it), else kind "whatsapp"; the text is the entry's body. One transaction
    (log_interaction's); returns the entry's id."""
    text = clean_block(text)
    if not text:
        raise ValidationError("text", "the message is empty: there is nothing to log")
    greeting = bool(template_key) and template_kind(template_key) == GREETING
    to = f" to {format_phone('+' + _NON_DIGIT.sub('', number))}" if _NON_DIGIT.sub("", number) else ""
    summary = f"Greeting sent on WhatsApp{to}" if greeting else f"WhatsApp message sent{to}"
    return log_interaction(customer_id, "greeting" if greeting else "whatsapp", summary, clock, body=text,
                           contact_id=contact_id)
