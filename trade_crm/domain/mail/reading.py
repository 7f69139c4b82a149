"""Reading synced mail: one message whole (`mail_message`), the mail on a customer's timeline grouped by
thread (`customer_threads`), and what the timeline needs to know of its mail entries (`mail_entries`).

On a server a person reads only their own mailbox (store/pg_mail.py): a manager sees the timeline entries
a salesperson's mail made on a customer (subject, first lines, attachment names) and their threads, not the
messages themselves (`MailEntry.readable` is False, `mail_message` says there is no such message).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone

from trade_crm.domain.errors import NotFoundError
from trade_crm.domain.mail.messages import Address, AttachmentInfo, MailLocation
from trade_crm.store import sql_rows
from trade_crm.store.models import database

_STAMP = "%Y-%m-%d %H:%M:%S"


def _at(text: str | None) -> datetime | None:
    return datetime.strptime(text[:19], _STAMP).replace(tzinfo=timezone.utc) if text else None


@dataclass(frozen=True)
class ThreadMessage:
    """One message of a thread, as a list shows it."""

    id: int
    subject: str
    sender: Address
    sent_at: datetime
    direction: str
    auto: str
    attachments: int


@dataclass(frozen=True)
class LinkedCustomer:
    customer_id: int
    name: str
    interaction_id: int | None
    rule: str  # address, domain, thread, created


@dataclass(frozen=True)
class MailView:
    """A stored message whole: what the reader shows. The text is plain (HTML was made text by the sync);
    attachments are names and sizes, their content fetched from the server on demand (`locations`)."""

    id: int
    key: str
    message_id: str
    subject: str
    sender: Address
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    sent_at: datetime
    direction: str  # "in" or "out"
    text: str
    text_truncated: bool
    auto: str  # "", "auto_reply", "bounce"
    attachments: tuple[AttachmentInfo, ...]
    problems: tuple[str, ...]
    status: str  # matched, new_sender, unmatched, ignored, internal, never_log
    thread_key: str
    in_reply_to: str
    references: tuple[str, ...]
    customers: tuple[LinkedCustomer, ...]
    locations: tuple[MailLocation, ...]
    thread: tuple[ThreadMessage, ...]  # every stored message of its thread (itself included), oldest first


_VIEW_COLUMNS = ("id, key, message_id, subject, sender, sender_name, recipients, sent_at, direction, text, "
                 "text_truncated, auto, attachments, problems, status, thread_key, in_reply_to, refs")


def mail_message(message_id: int) -> MailView:
    """The whole of one stored message, with its customers, its copies and its thread."""
    row = database.execute_sql(f"SELECT {_VIEW_COLUMNS} FROM mail_message WHERE id = ?", (message_id,)).fetchone()
    if row is None:
        raise NotFoundError("mail message", message_id)
    (mid, key, header_id, subject, sender, sender_name, recipients, sent_at, direction, text, truncated, auto,
     attachments, problems, status, thread_key, in_reply_to, refs) = row
    recipients = json.loads(recipients or "[]")
    customers = tuple(LinkedCustomer(cid, name, iid, rule) for cid, name, iid, rule in database.execute_sql(
        "SELECT c.id, c.name, l.interaction_id, l.rule FROM mail_link l JOIN customer c ON c.id = l.customer_id "
        "WHERE l.message_id = ? ORDER BY c.id", (mid,)))
    locations = tuple(MailLocation(a, f, v, u) for a, f, v, u in database.execute_sql(
        "SELECT account_id, folder, uidvalidity, uid FROM mail_location WHERE message_id = ? "
        "ORDER BY account_id, folder, uidvalidity, uid", (mid,)))
    return MailView(
        mid, key, header_id, subject, Address(sender, sender_name),
        tuple(Address(e, n) for k, e, n in recipients if k == "to"),
        tuple(Address(e, n) for k, e, n in recipients if k == "cc"), _at(sent_at), direction, text, bool(truncated),
        auto, tuple(AttachmentInfo(a["name"], a["size"], a["content_type"], a["part"])
                    for a in json.loads(attachments or "[]")),
        tuple(json.loads(problems or "[]")), status, thread_key, in_reply_to, tuple(json.loads(refs or "[]")),
        customers, locations, thread_messages(thread_key))


def thread_messages(thread_key: str) -> tuple[ThreadMessage, ...]:
    """The stored messages of a thread (the connected person's own), oldest first."""
    return tuple(
        ThreadMessage(mid, subject, Address(sender, name), _at(sent), direction, auto, len(json.loads(files or "[]")))
        for mid, subject, sender, name, sent, direction, auto, files in database.execute_sql(
            "SELECT id, subject, sender, sender_name, sent_at, direction, auto, attachments FROM mail_message "
            "WHERE thread_key = ? ORDER BY sent_at, id", (thread_key,)))


@dataclass(frozen=True)
class MailEntry:
    """What the timeline knows of an entry a message made: the message (None where it is someone else's
    mailbox on a server), in or out, the thread it belongs to."""

    interaction_id: int
    message_id: int | None
    direction: str
    thread_key: str
    rule: str

    @property
    def readable(self) -> bool:
        return self.message_id is not None


def mail_entries(interaction_ids: list[int]) -> dict[int, MailEntry]:
    """The mail behind these timeline entries (those that are mail), in one query."""
    if not interaction_ids:
        return {}
    cond, param = sql_rows.in_values(sorted(set(interaction_ids)))
    return {iid: MailEntry(iid, mid, direction, thread, rule) for iid, mid, direction, thread, rule in database.execute_sql(
        "SELECT l.interaction_id, m.id, l.direction, l.thread_key, l.rule FROM mail_link l "
        f"LEFT JOIN mail_message m ON m.id = l.message_id WHERE l.interaction_id {cond}", (param,))}


@dataclass(frozen=True)
class ThreadEntry:
    interaction_id: int
    message_id: int | None  # None: someone else's mailbox (a server)
    occurred_at: datetime
    summary: str
    direction: str
    kind: str  # "email", or "note" for an auto-reply or a bounce


@dataclass(frozen=True)
class MailThread:
    """The mail entries of one thread on a customer's timeline, oldest first."""

    thread_key: str
    subject: str  # the first entry's
    entries: tuple[ThreadEntry, ...]

    @property
    def last_at(self) -> datetime:
        return self.entries[-1].occurred_at

    @property
    def incoming(self) -> int:
        return sum(1 for e in self.entries if e.direction == "in")


def customer_threads(customer_id: int) -> list[MailThread]:
    """The mail on a customer's timeline grouped by thread (Message-ID, References, In-Reply-To), the
    thread with the newest message first."""
    groups: dict[str, list[ThreadEntry]] = {}
    for iid, mid, occurred, summary, direction, kind, thread in database.execute_sql(
            "SELECT i.id, m.id, i.occurred_at, i.summary, l.direction, i.kind, l.thread_key FROM mail_link l "
            "JOIN interaction i ON i.id = l.interaction_id LEFT JOIN mail_message m ON m.id = l.message_id "
            "WHERE l.customer_id = ? ORDER BY i.occurred_at, i.id", (customer_id,)):
        groups.setdefault(thread, []).append(ThreadEntry(iid, mid, _at(occurred), summary, direction, kind))
    threads = [MailThread(key, entries[0].summary, tuple(entries)) for key, entries in groups.items()]
    threads.sort(key=lambda t: t.last_at, reverse=True)
    return threads
