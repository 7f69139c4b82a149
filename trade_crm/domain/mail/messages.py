"""A message as the mail sync hands it to the book: parsed, plain, engine- and protocol-free.

exchange/mail reads a mailbox and makes these; domain/mail stores them, matches them to customers and puts
them on the timeline. Keeping the seam here lets each side be tested without the other (a domain test makes
an IncomingMail by hand; an exchange test parses real bytes from a real server).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

TEXT_CAP_CHARS = 20_000  # the text kept per message: enough for a long inquiry, not for a newsletter archive


@dataclass(frozen=True)
class Address:
    """One participant: the address folded to lower case (the part that identifies), the display name as sent."""

    email: str
    name: str = ""

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2]


@dataclass(frozen=True)
class AttachmentInfo:
    """What the timeline shows of an attachment; the content stays on the server until asked for (by `part`)."""

    name: str
    size: int  # bytes, as the server reports the part (encoded size where it does not say)
    content_type: str
    part: str  # the IMAP body part number, e.g. "2" or "1.2"


AUTO_NONE = ""
AUTO_REPLY = "auto_reply"  # Auto-Submitted, out-of-office, X-Autoreply …
AUTO_BOUNCE = "bounce"  # a delivery status notification or a mailer-daemon message


@dataclass(frozen=True)
class IncomingMail:
    """A parsed message. `message_id` is the Message-ID without angle brackets, lower-cased ('' when missing);
    `content_hash` identifies a message without one (same message in two folders or accounts = same hash)."""

    message_id: str
    content_hash: str
    subject: str
    sender: Address
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    sent_at: datetime  # UTC, aware; the Date header, else the server's INTERNALDATE
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    text: str = ""  # the text part, or the HTML part converted to text; at most TEXT_CAP_CHARS
    text_truncated: bool = False
    auto: str = AUTO_NONE
    attachments: tuple[AttachmentInfo, ...] = ()
    problems: tuple[str, ...] = ()  # what could not be read ("unknown charset x-foo in the text part"): shown, never fatal

    @property
    def key(self) -> str:
        """What makes two copies one entry: the Message-ID, else the content hash."""
        return f"id:{self.message_id}" if self.message_id else f"hash:{self.content_hash}"

    @property
    def participants(self) -> tuple[Address, ...]:
        return (self.sender, *self.to, *self.cc)


@dataclass(frozen=True)
class MailLocation:
    """Where a copy of a message lives on a server: what fetches its attachments later, and what makes a
    re-sync skip it."""

    account_id: int
    folder: str
    uidvalidity: int
    uid: int
