"""Which customer a chat belongs to: the phone number in the file's name or among the participants
(phonenumbers reads it; the book's phone and WhatsApp channels hold E.164), else a contact's name; else
the person picks. Several customers matching is no match: the person picks among them. A chat that
names a number no contact has matches no one (a participant's name is weaker evidence than the number).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from trade_crm.domain.chats.matching import ChatMatch, customers_by_contact_name, customers_by_phone
from trade_crm.domain.customers.records import get_customer
from trade_crm.domain.world.phones import normalize_phone
from trade_crm.exchange.chats.whatsapp import Chat

_PHONE = re.compile(r"\+?\d[\d \u00a0\u202f().-]{5,}\d")


def phones_in(texts: Iterable[str]) -> list[str]:
    """The E.164 numbers written in these texts ("+49 170 1234567", "+971 50 123 4567")."""
    out: dict[str, None] = {}
    for text in texts:
        for found in _PHONE.findall(text or ""):
            phone = normalize_phone(found)
            if phone.e164:
                out.setdefault(phone.e164)
    return list(out)


def match_chat(chat: Chat, customer_id: int | None = None) -> tuple[ChatMatch | None, tuple[ChatMatch, ...]]:
    """(the customer, the candidates to pick from when it is not one): chosen, by phone, or by name."""
    if customer_id is not None:
        customer = get_customer(customer_id)  # NotFoundError names the id
        return ChatMatch(customer.id, customer.name, None, "", "chosen", ""), ()
    phones = phones_in([chat.title, *chat.participants])
    found = customers_by_phone(phones)
    if len(found) == 1:
        return found[0], ()
    if found or phones:  # the chat names a number: a name is no better evidence than that number
        return None, tuple(found)
    found = customers_by_contact_name([chat.title] if chat.title else chat.participants)
    if len(found) == 1:
        return found[0], ()
    return None, tuple(found)
