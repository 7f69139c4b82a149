"""A message to send, as the compose dialog, a greeting run or a sequence hands it to the outbox, and an
outbox entry as the outbox shows it: plain, engine- and protocol-free.

domain/mail/outbox.py keeps them in the book; exchange/mail sends them over SMTP. Keeping the seam here lets
each side be tested without the other (a domain test queues a Draft by hand; an exchange test sends an
OutboxEntry to a real server).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from trade_crm.domain.mail.messages import Address


class OutboxState(StrEnum):
    QUEUED = "queued"  # waiting for its send time (send_at) and the account's pace
    SENDING = "sending"  # handed to the server; after a crash, the Sent folder says whether it went
    SENT = "sent"
    FAILED = "failed"  # a permanent refusal, or temporary ones until the retries ran out: `last_error` says
    PAUSED = "paused"
    CANCELLED = "cancelled"


EDITABLE_STATES = frozenset({OutboxState.QUEUED, OutboxState.PAUSED, OutboxState.FAILED})


@dataclass(frozen=True)
class OutgoingFile:
    """A file to attach, read from disk when the message is sent (its size checked against the server's limit)."""

    path: str
    name: str
    size: int
    content_type: str = "application/octet-stream"


@dataclass(frozen=True)
class Draft:
    """One message for the outbox; `send_at` (UTC) is the earliest it may go, None as soon as the pace allows."""

    account_id: int
    to: tuple[Address, ...]
    subject: str
    text: str
    cc: tuple[Address, ...] = ()
    bcc: tuple[Address, ...] = ()
    html: str = ""
    attachments: tuple[OutgoingFile, ...] = ()
    customer_id: int | None = None
    contact_id: int | None = None
    template: str = ""  # "key/language" of the template it was made from
    purpose: str = ""  # "manual", "greeting:<key>:<year>", "sequence:<interaction id>" …
    send_at: datetime | None = None
    in_reply_to: str = ""
    references: tuple[str, ...] = ()
    cancel_on_reply: bool = False  # a planned follow-up: a reply from the customer cancels it


@dataclass(frozen=True)
class OutboxEntry:
    id: int
    account_id: int
    customer_id: int | None
    contact_id: int | None
    message_id: str  # without angle brackets; fixed when queued
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    bcc: tuple[Address, ...]
    subject: str
    text: str
    html: str
    attachments: tuple[OutgoingFile, ...]
    template: str
    purpose: str
    in_reply_to: str
    references: tuple[str, ...]
    cancel_on_reply: bool
    state: OutboxState
    send_at: datetime | None
    next_attempt_at: datetime | None
    attempts: int
    last_error: str
    sent_at: datetime | None
    interaction_id: int | None
    created_at: datetime
    updated_at: datetime

    @property
    def recipients(self) -> tuple[Address, ...]:
        return self.to + self.cc + self.bcc
