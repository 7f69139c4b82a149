"""A mail message -> IncomingMail (domain/mail/messages.py): subject, people, dates, ids, the text, the
attachments' names and sizes, whether it was sent by a machine, and what could not be read.

Two ways in, one result: `parse_message` reads a whole raw message (RFC 5322 bytes); `parse_parts` reads a big
one from what IMAP gave without fetching it whole (its header block, its BODYSTRUCTURE and the raw bytes of
the text part `text_parts_to_fetch` named). Both build the same MIME tree (parts.py) and make the same
choices on it, so the same message parses to the same IncomingMail either way.

Nothing here raises on what a mailbox holds: a broken header, a charset nobody knows, a part that never
ends become sentences in `problems` and the rest of the message is still read. A message with no
Message-ID is known by `content_hash`: a digest of what every copy of it has in common (From, To, Cc, the
Date header, the subject and the start of its text), never of what a server adds (Received, INTERNALDATE).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import UTC, datetime
from email.message import Message

from trade_crm.domain.mail.messages import (
    AUTO_BOUNCE,
    AUTO_NONE,
    AUTO_REPLY,
    Address,
    IncomingMail,
)
from trade_crm.exchange.mail.bodies import message_text
from trade_crm.exchange.mail.bodystructure import (
    TextPart,
    attachments_from_bodystructure,
    text_parts_to_fetch,
    tree,
)
from trade_crm.exchange.mail.choose import attachments, is_delivery_report, is_disposition_report, text_parts
from trade_crm.exchange.mail.headers import (
    clean_text,
    decode_words,
    message_ids,
    parse_addresses,
    parse_date,
    references,
)
from trade_crm.exchange.mail.parts import Part, read_header, scan

__all__ = ["TextPart", "attachments_from_bodystructure", "content_hash", "parse_message", "parse_parts",
           "text_parts_to_fetch"]

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)  # sent_at of a message with no readable date and no INTERNALDATE
MAX_PROBLEMS = 20
MANY_ADDRESSES = 1_000  # more recipients than this in one header is worth a note
BIG_ATTACHMENT = 25 * 1024 * 1024  # bytes, encoded; a note says it stays on the server
HASH_TEXT_CHARS = 2_000  # the text's start that goes into content_hash (whitespace removed)
AUTO_SUBJECTS = ("out of office", "automatic reply", "auto reply", "auto-reply", "autoreply", "auto response",
                 "abwesenheitsnotiz", "réponse automatique", "respuesta automática", "risposta automatica",
                 "自动回复", "自動回覆", "自动答复", "自動応答", "自動返信", "不在通知")
BOUNCE_SENDERS = frozenset({"mailer-daemon", "mailerdaemon", "mail-daemon"})
BOUNCE_SUBJECTS = ("undeliverable", "undelivered mail", "delivery status notification", "mail delivery failed",
                   "delivery failure", "returned mail", "failure notice", "系统退信", "退信")


def parse_message(raw: bytes, *, received_at: datetime | None = None, size: int | None = None) -> IncomingMail:
    """A whole raw message as IncomingMail; `received_at` (the server's INTERNALDATE) stands in for a missing
    or unreadable Date; `size` (RFC822.SIZE) tells a message that was cut short. Never raises."""
    problems: list[str] = []
    try:
        raw = bytes(raw) if not isinstance(raw, bytes) else raw
        start = raw.find(b"\n") + 1 if raw.startswith(b"From ") else 0  # an mbox separator line
        header, body, missing = read_header(raw, start, len(raw))
        if missing:
            problems.append("no blank line between the headers and the body")
        mime = scan(raw, header, body, problems)
        texts = []
        for part in text_parts(mime):
            stop = min(part.end, part.start + part.read_limit)
            texts.append((part, raw[part.start:stop], stop < part.end))
        short = size is not None and size > len(raw)
        if short:
            problems.append(f"only {len(raw)} of the message's {size} bytes were read")
        return _build(header, mime, texts, short, received_at, problems)
    except Exception as error:  # noqa: BLE001 - the promise is a result for every input; say what failed
        problems.append(f"the message could not be read ({type(error).__name__})")
        return _unreadable(raw, received_at, problems)


def parse_parts(header: bytes, bodystructure: object, texts: Mapping[str, bytes], *,
                received_at: datetime | None = None) -> IncomingMail:
    """A message fetched in parts: its header block (BODY.PEEK[HEADER]), its BODYSTRUCTURE, and the raw
    (still transfer-encoded) bytes of the parts text_parts_to_fetch named, keyed by part number (a partial
    fetch of the first TextPart.fetch_bytes is enough). Never raises."""
    problems: list[str] = []
    try:
        header = bytes(header or b"")
        message, _body, _missing = read_header(header, 0, len(header))
        mime = tree(bodystructure, problems)
        fetched = []
        for part in text_parts(mime):
            data = texts.get(part.number)
            if data is None:
                problems.append(f"the text (part {part.number}) was not fetched")
                continue
            data = bytes(data[:part.read_limit])
            fetched.append((part, data, len(data) < part.size))
        return _build(message, mime, fetched, False, received_at, problems)
    except Exception as error:  # noqa: BLE001 - as parse_message
        problems.append(f"the message could not be read ({type(error).__name__})")
        return _unreadable(header, received_at, problems)


def _all(message: Message, name: str) -> str | None:
    values = message.get_all(name)
    return ", ".join(str(value) for value in values) if values else None


def _auto(message: Message, mime: Part, sender: Address, subject: str) -> str:
    local = sender.email.partition("@")[0]
    folded = subject.casefold()
    if is_delivery_report(mime) or local in BOUNCE_SENDERS or (
            local == "postmaster" and folded.startswith(BOUNCE_SUBJECTS)):
        return AUTO_BOUNCE
    submitted = clean_text(str(message.get("auto-submitted", "")), 100).lower()
    if submitted and submitted != "no":
        return AUTO_REPLY
    for name in ("x-autoreply", "x-autorespond"):
        flag = message.get(name)
        if flag is not None and clean_text(str(flag), 20).lower() not in ("no", "false", "0"):
            return AUTO_REPLY
    if clean_text(str(message.get("precedence", "")), 40).lower() in ("auto_reply", "auto-reply"):
        return AUTO_REPLY
    if is_disposition_report(mime) or folded.startswith(AUTO_SUBJECTS):
        return AUTO_REPLY
    return AUTO_NONE


def content_hash(sender: Address, to: tuple[Address, ...], cc: tuple[Address, ...], date: str, subject: str,
                 text: str) -> str:
    """What every copy of one message has in common, as a digest (hex)."""
    body = "".join(text.split())[:HASH_TEXT_CHARS]
    fields = (sender.email, ",".join(a.email for a in to), ",".join(a.email for a in cc), date,
              " ".join(subject.casefold().split()), body)
    return hashlib.sha256("\x1f".join(fields).encode("utf-8", "surrogatepass")).hexdigest()


def _build(message: Message, mime: Part, texts: list[tuple[Part, bytes, bool]], short: bool,
           received_at: datetime | None, problems: list[str]) -> IncomingMail:
    hints = tuple(dict.fromkeys(part.charset for part in mime.walk() if part.charset))
    subject = clean_text(decode_words(message.get("subject"), where="the subject", hints=hints,
                                      problems=problems))
    senders = parse_addresses(_all(message, "from") or message.get("sender"), hints=hints, problems=problems)
    sender = senders[0] if senders else Address("")
    if not sender.email:
        problems.append("no sender address (From)")
    elif "@" not in sender.email:
        problems.append(f"a sender address without a domain: {sender.email[:80]}")
    recipients = []
    for name in ("to", "cc"):
        found = [a for a in parse_addresses(_all(message, name), hints=hints, problems=problems) if "@" in a.email]
        if len(found) > MANY_ADDRESSES:
            problems.append(f"{name.capitalize()} names {len(found)} addresses")
        recipients.append(tuple(found))
    date_header = message.get("date")
    sent_at = parse_date(date_header)
    if sent_at is None:
        problems.append("no Date header" if date_header is None else
                        f"a Date that could not be read: {clean_text(str(date_header), 60)}")
        if received_at is not None:
            sent_at = received_at.replace(tzinfo=UTC) if received_at.tzinfo is None else received_at.astimezone(UTC)
    text, truncated = message_text(texts, short, hints, problems)
    files = attachments(mime, problems)
    for item in files:
        if item.size > BIG_ATTACHMENT:
            problems.append(f"a {item.size / 1024 / 1024:.1f} MB attachment ({item.name[:60]}): listed, its content "
                            "stays on the server")
    ids = message_ids(message.get("message-id"))
    to, cc = recipients
    date_key = sent_at.isoformat() if sent_at is not None and date_header is not None else ""
    return IncomingMail(
        message_id=ids[0] if ids else "",
        content_hash=content_hash(sender, to, cc, date_key, subject, text),
        subject=subject,
        sender=sender,
        to=to,
        cc=cc,
        sent_at=sent_at or EPOCH,
        in_reply_to=next(iter(message_ids(message.get("in-reply-to"))), ""),
        references=references(_all(message, "references")),
        text=text,
        text_truncated=truncated,
        auto=_auto(message, mime, sender, subject),
        attachments=files,
        problems=_problems(problems),
    )


def _problems(problems: list[str]) -> tuple[str, ...]:
    unique = list(dict.fromkeys(clean_text(problem, 200) for problem in problems))
    if len(unique) > MAX_PROBLEMS:
        unique = [*unique[:MAX_PROBLEMS - 1], f"{len(unique) - MAX_PROBLEMS + 1} more problems"]
    return tuple(unique)


def _unreadable(raw: object, received_at: datetime | None, problems: list[str]) -> IncomingMail:
    data = raw if isinstance(raw, bytes) else b""
    digest = hashlib.sha256(data[:1024 * 1024] + str(len(data)).encode()).hexdigest()
    when = received_at if received_at is not None else EPOCH
    return IncomingMail(message_id="", content_hash=digest, subject="", sender=Address(""), to=(), cc=(),
                        sent_at=when if when.tzinfo else when.replace(tzinfo=UTC), problems=_problems(problems))
