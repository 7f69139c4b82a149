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

import binascii
import hashlib
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from email.message import Message

from trade_crm.domain.mail.messages import (
    AUTO_BOUNCE,
    AUTO_NONE,
    AUTO_REPLY,
    TEXT_CAP_CHARS,
    Address,
    IncomingMail,
)
from trade_crm.exchange.mail.bodystructure import (
    TextPart,
    attachments_from_bodystructure,
    text_parts_to_fetch,
    tree,
)
from trade_crm.exchange.mail.charsets import decode
from trade_crm.exchange.mail.headers import (
    clean_text,
    decode_words,
    message_ids,
    parse_addresses,
    parse_date,
    references,
)
from trade_crm.exchange.mail.html_text import html_to_text
from trade_crm.exchange.mail.parts import (
    Part,
    attachments,
    choose_text,
    is_delivery_report,
    is_disposition_report,
    read_header,
    scan,
)

__all__ = ["TextPart", "attachments_from_bodystructure", "content_hash", "parse_message", "parse_parts",
           "text_parts_to_fetch"]

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)  # sent_at of a message with no readable date and no INTERNALDATE
MAX_PROBLEMS = 20
MANY_ADDRESSES = 1_000  # more recipients than this in one header is worth a note
BIG_ATTACHMENT = 25 * 1024 * 1024  # bytes, encoded; a note says it stays on the server
HASH_TEXT_CHARS = 2_000  # the text's start that goes into content_hash (whitespace removed)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_BASE64_KEEP = re.compile(rb"[^A-Za-z0-9+/=]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]")
_BLANK_RUNS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
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
        chosen = choose_text(mime)
        data, cut = None, False
        if chosen is not None:
            stop = min(chosen.end, chosen.start + chosen.read_limit)
            data, cut = raw[chosen.start:stop], stop < chosen.end
        if size is not None and size > len(raw):
            problems.append(f"only {len(raw)} of the message's {size} bytes were read")
            cut = True
        return _build(header, mime, chosen, data, cut, received_at, problems)
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
        chosen = choose_text(mime)
        data, cut = None, False
        if chosen is not None:
            data = texts.get(chosen.number)
            if data is None:
                problems.append(f"the text (part {chosen.number}) was not fetched")
            else:
                data = bytes(data[:chosen.read_limit])
                cut = 0 < len(data) < chosen.size
        return _build(message, mime, chosen, data, cut, received_at, problems)
    except Exception as error:  # noqa: BLE001 - as parse_message
        problems.append(f"the message could not be read ({type(error).__name__})")
        return _unreadable(bytes(header or b""), received_at, problems)


def _transfer_decode(data: bytes, encoding: str, where: str, cut: bool, problems: list[str]) -> bytes:
    if encoding == "base64":
        data = data.translate(None, b" \t\r\n")
        if _BASE64_KEEP.search(data):
            data = _BASE64_KEEP.sub(b"", data)
        data = data.rstrip(b"=")
        if len(data) % 4 == 1:
            data = data[:-1]
        try:
            return binascii.a2b_base64(data + b"=" * (-len(data) % 4))
        except (binascii.Error, ValueError):
            problems.append(f"{where}: base64 that could not be decoded")
            return b""
    if encoding == "quoted-printable":
        if cut:
            data = re.sub(rb"=[0-9A-Fa-f]?\Z", b"", data)
        return binascii.a2b_qp(data)
    if encoding and encoding not in ("7bit", "8bit", "binary") and not encoding.startswith("x-"):
        problems.append(f"{where}: unknown transfer encoding {encoding[:40]}, read as it is")
    elif encoding.startswith("x-"):
        problems.append(f"{where}: transfer encoding {encoding[:40]} not decoded")
    return data


def _plain_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    text = _TRAILING_SPACE.sub("\n", text)
    return _BLANK_RUNS.sub("\n\n", text).strip()


def _read_text(chosen: Part, data: bytes, cut: bool, hints: tuple[str, ...], problems: list[str],
               ) -> tuple[str, bool]:
    where = f"the text (part {chosen.number})"
    body = _transfer_decode(data, chosen.encoding, where, cut, problems)
    charset = chosen.charset
    if not charset and chosen.subtype == "html":
        found = _META_CHARSET.search(body[:4096])
        charset = found.group(1).decode("ascii") if found else ""
    text, problem = decode(body, charset, where=where, hints=hints)
    if cut:
        text = text.rstrip("\ufffd")  # a character the partial read cut in two
    elif problem:
        problems.append(problem)
    if chosen.subtype == "html":
        text = html_to_text(text, TEXT_CAP_CHARS + 1)
    text = _plain_text(text)
    truncated = cut
    if len(text) > TEXT_CAP_CHARS:
        text, truncated = text[:TEXT_CAP_CHARS], True
    return text, truncated


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
    for name in ("x-autoreply", "x-autorespond", "x-autorespond"):
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


def _build(message: Message, mime: Part, chosen: Part | None, data: bytes | None, cut: bool,
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
    text, truncated = ("", False)
    if chosen is not None and data is not None:
        text, truncated = _read_text(chosen, data, cut, hints, problems)
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


def _unreadable(raw: bytes, received_at: datetime | None, problems: list[str]) -> IncomingMail:
    digest = hashlib.sha256(raw[:1024 * 1024] + str(len(raw)).encode()).hexdigest()
    when = received_at if received_at is not None else EPOCH
    return IncomingMail(message_id="", content_hash=digest, subject="", sender=Address(""), to=(), cc=(),
                        sent_at=when if when.tzinfo else when.replace(tzinfo=UTC), problems=_problems(problems))
