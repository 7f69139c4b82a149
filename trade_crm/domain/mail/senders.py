"""New senders: mail from outside that no customer matched waits here for triage (issue #19 item 3).

Each sender once (by address), with how many messages and when the last came. The user either ignores
the sender (their later mail stays unlogged and off the list), or creates a customer from a message: the
proposal takes the company from the domain and the signature, the country from the ccTLD or the phone's
calling code, the contact's name from the display name and a phone from the signature. Creating it puts
the sender's waiting messages on the new customer's timeline, in the same transaction.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

import phonenumbers
import pycountry

from trade_crm.domain.clock import Clock
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.mail import timeline as mail_timeline
from trade_crm.domain.mail.matching import RULE_CREATED, Match
from trade_crm.domain.mail.messages import Address, AttachmentInfo, IncomingMail
from trade_crm.domain.mail.rules import company_label, is_free_mail, registered_domain
from trade_crm.domain.text import clean_line
from trade_crm.store import sql_rows
from trade_crm.store.models import MailMessage, MailSender, database

NEW, IGNORED, CREATED = "new", "ignored", "created"
_STAMP = "%Y-%m-%d %H:%M:%S"


@dataclass(frozen=True)
class SendersNoted:
    added: int  # senders that joined the list
    ignored: frozenset[str]  # addresses of the batch whose sender was ignored before


@dataclass(frozen=True)
class NewSender:
    id: int
    email: str
    name: str
    state: str  # new, ignored, created
    messages: int
    first_seen_at: datetime
    last_seen_at: datetime
    last_message_id: int | None
    last_subject: str
    customer_id: int | None


@dataclass(frozen=True)
class CustomerProposal:
    """What "Create customer from this mail" fills in; every field may be changed before creating."""

    sender_id: int
    message_id: int | None
    company: str
    country: str | None  # ISO alpha-2
    contact_name: str
    email: str
    phone: str
    website: str
    country_from: str  # "domain", "phone" or "" (how the country was found)


def note_senders(rows: Sequence[tuple[int, IncomingMail]], clock: Clock) -> SendersNoted:
    """Count these messages' senders on the list (new ones join it as "new"). The caller holds the transaction."""
    if not rows:
        return SendersNoted(0, frozenset())
    by_email: dict[str, list[tuple[int, IncomingMail]]] = {}
    for mid, mail in rows:
        by_email.setdefault(mail.sender.email, []).append((mid, mail))
    cond, param = sql_rows.in_values(sorted(by_email))
    known = {email: (sid, state, last) for sid, email, state, last in database.execute_sql(
        f"SELECT id, email, state, last_seen_at FROM mail_sender WHERE email {cond}", (param,))}
    inserts, updates = [], []
    for email, mails in by_email.items():
        newest_id, newest = max(mails, key=lambda r: (_stamp(r[1].sent_at), r[0]))
        first = min(_stamp(m.sent_at) for _mid, m in mails)
        name = next((clean_line(m.sender.name) for _mid, m in mails if m.sender.name), "")
        if email in known:
            sid, _state, last = known[email]
            later = _stamp(newest.sent_at) >= (last or "")
            updates.append((len(mails), _stamp(newest.sent_at) if later else last,
                            newest_id if later else None, name, sid))
        else:
            inserts.append((email, name, NEW, newest_id, len(mails), first, _stamp(newest.sent_at)))
    cursor = database.cursor()
    if inserts:
        cursor.executemany("INSERT INTO mail_sender (email, name, state, last_message_id, messages, first_seen_at, "
                           "last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)", inserts)
    if updates:
        cursor.executemany(
            "UPDATE mail_sender SET messages = messages + ?, last_seen_at = ?, "
            "last_message_id = coalesce(?, last_message_id), name = CASE WHEN name = '' THEN ? ELSE name END "
            "WHERE id = ?", updates)
    return SendersNoted(len(inserts), frozenset(e for e, (_i, state, _l) in known.items() if state == IGNORED))


def _stamp(when: datetime) -> str:
    when = when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when.astimezone(timezone.utc)
    return when.strftime(_STAMP)


def _parse(text: str | None) -> datetime | None:
    return datetime.strptime(text[:19], _STAMP).replace(tzinfo=timezone.utc) if text else None


def new_senders(*, state: str = NEW, limit: int | None = None) -> list[NewSender]:
    """The senders waiting for triage (or those ignored, or made customers), the latest mail first. A waiting
    sender whose address has since become a contact's (a customer made or edited by hand) is not listed."""
    known = (" AND NOT EXISTS (SELECT 1 FROM contact_channel ch WHERE ch.kind = 'email' AND ch.value = s.email)"
             if state == NEW else "")
    sql = ("SELECT s.id, s.email, s.name, s.state, s.messages, s.first_seen_at, s.last_seen_at, s.last_message_id, "
           "coalesce(m.subject, ''), s.customer_id FROM mail_sender s LEFT JOIN mail_message m "
           f"ON m.id = s.last_message_id WHERE s.state = ?{known} ORDER BY s.last_seen_at DESC, s.id DESC")
    params: list = [state]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [_sender(row) for row in database.execute_sql(sql, params)]


def _sender(row) -> NewSender:
    sid, email, name, state, messages, first, last, last_id, subject, customer_id = row
    return NewSender(sid, email, name, state, messages, _parse(first), _parse(last), last_id, subject, customer_id)


def get_sender(sender_id: int) -> NewSender:
    row = database.execute_sql(
        "SELECT s.id, s.email, s.name, s.state, s.messages, s.first_seen_at, s.last_seen_at, s.last_message_id, "
        "coalesce(m.subject, ''), s.customer_id FROM mail_sender s LEFT JOIN mail_message m "
        "ON m.id = s.last_message_id WHERE s.id = ?", (sender_id,)).fetchone()
    if row is None:
        raise NotFoundError("new sender", sender_id)
    return _sender(row)


def ignore_sender(sender_id: int) -> NewSender:
    """Ignore this sender: off the list, and their later mail is stored without a triage entry."""
    with database.atomic():
        get_sender(sender_id)
        MailSender.update(state=IGNORED).where(MailSender.id == sender_id).execute()
        database.execute_sql("UPDATE mail_message SET status = 'ignored' WHERE status = 'new_sender' AND sender = "
                             "(SELECT email FROM mail_sender WHERE id = ?)", (sender_id,))
    return get_sender(sender_id)


def restore_sender(sender_id: int) -> NewSender:
    """Put an ignored sender back on the list."""
    with database.atomic():
        get_sender(sender_id)
        MailSender.update(state=NEW).where(MailSender.id == sender_id, MailSender.state == IGNORED).execute()
    return get_sender(sender_id)


# --- "Create customer from this mail" -----------------------------------------------------------------------

# ccTLDs used as generic names (a .io startup is not in the British Indian Ocean Territory)
_GENERIC_CC = frozenset({"io", "ai", "co", "me", "tv", "cc", "ws", "fm", "gg", "to", "sh", "ac", "la", "im", "ly"})
_COMPANY_WORDS = re.compile(
    r"(\b(ltd|limited|llc|l\.l\.c|inc|corp|corporation|co\.|company|gmbh|ag|kg|s\.?a\.?s?|s\.?r\.?l|s\.?l|b\.?v|"
    r"n\.?v|plc|pty|oy|ab|as|a/s|spa|s\.p\.a|sarl|srl|ooo|ltda|jsc|pte|bhd|trading|industr\w*|group|"
    r"enterprises?|imports?|exports?|manufactur\w*)\b|有限公司|公司|集团|株式会社|有限会社|ООО|ОАО|АО|شركة)",
    re.IGNORECASE)
_PHONE_LINE = re.compile(r"(tel|phone|mob|mobile|cell|whatsapp|fax|电话|手机|電話|手機|тел)\w*\.?\s*[:：]?\s*"
                         r"(\+?[\d][\d\s().\-/]{6,}\d)", re.IGNORECASE)
_PHONE_ANY = re.compile(r"(\+\d[\d\s().\-/]{6,}\d)")
SIGNATURE_LINES = 15
PROPOSAL_MESSAGES = 10  # how many of a sender's latest messages a proposal reads for a signature


def _signature(text: str) -> list[str]:
    """The last lines of the message before any quote: where a signature is."""
    lines = []
    for raw in (text or "").replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if line.startswith(">") or re.match(r"^(on .{0,200} wrote:|-{2,}\s*original message)", line, re.I):
            break
        if line:
            lines.append(line)
    return lines[-SIGNATURE_LINES:]


def _company_from(lines: list[str], domain_label: str) -> str:
    for line in lines:
        if len(line) <= 80 and _COMPANY_WORDS.search(line) and "@" not in line and "http" not in line.lower():
            return clean_line(line.strip("-–—|*_ "))
    for line in lines:  # the domain's name spelled out in the signature ("ACME Lighting")
        if domain_label and domain_label.lower() in line.lower().replace(" ", "") and "@" not in line and len(line) <= 60:
            return clean_line(line)
    return ""


def _phone_from(lines: list[str]) -> str:
    for pattern in (_PHONE_LINE, _PHONE_ANY):
        for line in lines:
            found = pattern.search(line)
            if found:
                return clean_line(found.group(found.lastindex or 0))
    return ""


def _country_of_domain(domain: str) -> str | None:
    tld = domain.rpartition(".")[2].lower()
    if len(tld) != 2 or tld in _GENERIC_CC:
        return None
    code = "GB" if tld == "uk" else tld.upper()
    return code if pycountry.countries.get(alpha_2=code) else None


def _country_of_phone(phone: str) -> str | None:
    if not phone.startswith("+"):
        return None
    try:
        region = phonenumbers.region_code_for_number(phonenumbers.parse(phone, None))
    except phonenumbers.NumberParseException:
        return None
    return region if region and region != "ZZ" else None


def _display_name(name: str, email: str) -> str:
    name = clean_line(name).strip("'\"")
    if not name or "@" in name:
        return ""
    if "," in name and name.count(",") == 1:  # "Müller, Hans"
        last, first = (p.strip() for p in name.split(","))
        name = f"{first} {last}"
    return name


def propose_customer(sender_id: int, message_id: int | None = None) -> CustomerProposal:
    """What a customer made from this sender's mail would hold (their last message, or `message_id`)."""
    sender = get_sender(sender_id)
    mid = message_id or sender.last_message_id
    if message_id is not None:
        texts = [r.text for r in MailMessage.select(MailMessage.text).where(MailMessage.id == message_id)]
    else:  # the sender's latest messages: a short reply has no signature, the first inquiry may
        texts = [r.text for r in MailMessage.select(MailMessage.text).where(MailMessage.sender == sender.email)
                 .order_by(MailMessage.sent_at.desc(), MailMessage.id.desc()).limit(PROPOSAL_MESSAGES)]
    domain = sender.email.rpartition("@")[2]
    free = is_free_mail(domain)
    label = "" if free else company_label(domain)
    signatures = [_signature(text) for text in texts]
    company = next((c for c in (_company_from(lines, label) for lines in signatures) if c), "")
    if not company and label:
        company = label.replace("-", " ").title() if label.isascii() else label
    name = _display_name(sender.name, sender.email)
    phone = next((p for p in (_phone_from(lines) for lines in signatures) if p), "")
    country, how = (None if free else _country_of_domain(domain)), "domain"
    if country is None:
        country, how = _country_of_phone(phone), "phone"
    if not company:
        company = name or sender.email
    return CustomerProposal(sender.id, mid, company, country, name, sender.email, phone,
                            "" if free else registered_domain(domain), how if country else "")


def create_customer_from_mail(sender_id: int, clock: Clock, *, company: str | None = None,
                              country: str | None = None, contact_name: str | None = None,
                              phone: str | None = None, website: str | None = None,
                              message_id: int | None = None) -> int:
    """Create a customer from a sender's mail (the proposal, with any field given instead), mark the sender
    created, and put their waiting messages on the new customer's timeline: one transaction. The new
    customer's id."""
    proposal = propose_customer(sender_id, message_id)
    sender = get_sender(sender_id)
    if sender.state == CREATED and sender.customer_id is not None:
        raise ValidationError("sender", f"{sender.email} is customer {sender.customer_id} already")
    name = clean_line(company if company is not None else proposal.company)
    if not name:
        raise ValidationError("company", "give the company a name")
    phone_text = proposal.phone if phone is None else phone
    contact = ContactInput(name=contact_name if contact_name is not None else proposal.contact_name,
                           emails=(sender.email,), phones=(phone_text,) if phone_text else (), is_primary=True)
    with database.atomic():
        customer_id = create_customer(
            clock, contacts=[contact], name=name, source="other",
            country=proposal.country if country is None else country,
            website=proposal.website if website is None else website)
        file_sender_mail(sender_id, customer_id, clock)
    return customer_id


def file_sender_mail(sender_id: int, customer_id: int, clock: Clock) -> int:
    """Mark the sender made customer `customer_id` and put their waiting incoming messages (for triage,
    ignored or unmatched) on its timeline, with the contact holding their address (else the primary one).
    How many entries were made. The caller holds the transaction (with the customer's creation)."""
    sender = get_sender(sender_id)
    MailSender.update(state=CREATED, customer=customer_id).where(MailSender.id == sender_id).execute()
    waiting = list(database.execute_sql(
        "SELECT id, thread_key FROM mail_message WHERE sender = ? AND status IN ('new_sender', 'ignored', "
        "'unmatched') AND direction = 'in' ORDER BY sent_at, id", (sender.email,)))
    if not waiting:
        return 0
    row = database.execute_sql(
        "SELECT p.id FROM contact p WHERE p.customer_id = ? ORDER BY CASE WHEN EXISTS (SELECT 1 FROM "
        "contact_channel ch WHERE ch.contact_id = p.id AND ch.kind = 'email' AND ch.value = ?) THEN 0 ELSE 1 END, "
        "p.is_primary DESC, p.id", (customer_id, sender.email)).fetchone()
    match = (Match(customer_id, RULE_CREATED, row[0] if row else None, sender.email),)
    made = mail_timeline.log_messages([mail_timeline.LogItem(mid, stored_mail(mid), "in", thread, match)
                                       for mid, thread in waiting], clock)
    cond, param = sql_rows.in_values([mid for mid, _thread in waiting])
    database.execute_sql(f"UPDATE mail_message SET status = 'matched' WHERE id {cond}", (param,))
    return made


def stored_mail(message_id: int) -> IncomingMail:
    """A stored message back as the IncomingMail it was made from (what the timeline entry needs)."""
    row = MailMessage.get_by_id(message_id)
    recipients = json.loads(row.recipients or "[]")
    return IncomingMail(
        message_id=row.message_id, content_hash=row.key.removeprefix("hash:"), subject=row.subject,
        sender=Address(row.sender, row.sender_name),
        to=tuple(Address(e, n) for k, e, n in recipients if k == "to"),
        cc=tuple(Address(e, n) for k, e, n in recipients if k == "cc"),
        sent_at=row.sent_at, in_reply_to=row.in_reply_to, references=tuple(json.loads(row.refs or "[]")),
        text=row.text, text_truncated=bool(row.text_truncated), auto=row.auto,
        attachments=tuple(AttachmentInfo(a["name"], a["size"], a["content_type"], a["part"])
                          for a in json.loads(row.attachments or "[]")),
        problems=tuple(json.loads(row.problems or "[]")))
