"""A matched message on the customer's timeline, and what it moves.

One entry per message per customer: its subject as the summary, its first lines and the names of its
attachments as the body, at the time it was sent, with the contact whose address it was. A mail entry is
an `email` interaction, except an auto-reply or a bounce: a `note` (logged, never contact).

What it moves (domain/reminders reads the rows, nothing else needs telling):
- incoming mail from the customer sets the last contact (the newest wins), and so does outgoing mail: the
  keep-in-touch cadence counts from the last contact, so it starts again;
- the "no reply to quotation" chaser asks for a reply: an outgoing mail does not close it
  (domain/reminders/followups.py skips entries whose `mail_link.direction` is "out"), a reply does;
- an auto-reply or a bounce moves nothing.
The customer's search document gains the entry's text (store/search.py), in the same transaction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from trade_crm.domain.clock import Clock
from trade_crm.domain.mail.matching import Match
from trade_crm.domain.mail.messages import AUTO_NONE, IncomingMail
from trade_crm.domain.team.access import is_manager, on_server
from trade_crm.domain.text import clean_block, clean_line
from trade_crm.store import search, sql_rows
from trade_crm.store.models import database

EXCERPT_LINES = 8
EXCERPT_CHARS = 600
NO_SUBJECT = "(no subject)"
_STAMP = "%Y-%m-%d %H:%M:%S"
# Where the quoted message starts: "On Mon, ... wrote:", "-----Original Message-----", 发件人: / From: blocks
_QUOTE_START = re.compile(
    r"^(on .{0,200} wrote:|-{2,}\s*original message\s*-{2,}|-{2,}\s*原始邮件\s*-{2,}|"
    r"(from|发件人|寄件者|von|de|от)\s*[:：].{0,200}$|在.{0,80}写道[:：]?)", re.IGNORECASE)


def excerpt(text: str) -> str:
    """The first lines of a message as the timeline shows them: no quoted text, no blank lines, at most
    EXCERPT_LINES lines and EXCERPT_CHARS characters."""
    lines: list[str] = []
    for raw in (text or "").replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if _QUOTE_START.match(line) or line == "--":  # a reply's quote, or the signature's start
            break
        if not line or line.startswith(">"):
            continue
        lines.append(clean_line(line))
        if len(lines) >= EXCERPT_LINES:
            break
    out = "\n".join(lines)
    return out if len(out) <= EXCERPT_CHARS else out[:EXCERPT_CHARS - 1].rstrip() + "…"


def entry_texts(mail: IncomingMail) -> tuple[str, str]:
    """(summary, body) of the timeline entry a message makes."""
    summary = clean_line(mail.subject) or NO_SUBJECT
    body = excerpt(mail.text)
    if mail.attachments:
        names = ", ".join(clean_line(a.name) for a in mail.attachments if a.name)
        if names:
            body = f"{body}\n📎 {names}" if body else f"📎 {names}"
    return summary, clean_block(body)


def editable(customer_ids: set[int]) -> set[int]:
    """The customers the connected person may add timeline entries to (on a server a salesperson's own or
    shared ones, not the pool's nor someone else's); all of them on a laptop book."""
    if not customer_ids or not on_server() or is_manager():
        return set(customer_ids)
    cond, param = sql_rows.in_values(sorted(customer_ids))
    return {cid for (cid,) in database.execute_sql(
        f"SELECT id FROM customer WHERE id {cond} AND team_access(id, current_user) >= 2", (param,))}


@dataclass(frozen=True)
class LogItem:
    """A stored message to put on the timelines of the customers it matched."""

    message_id: int
    mail: IncomingMail
    direction: str  # "in" or "out"
    thread_key: str
    matches: tuple[Match, ...]


def log_messages(items: Sequence[LogItem], clock: Clock) -> int:
    """Put stored messages on their customers' timelines; how many entries were made. The caller holds the
    transaction."""
    links = [(item.message_id, item.mail, item.direction, item.thread_key, m) for item in items for m in item.matches]
    if not links:
        return 0
    first = sql_rows.reserve_ids("interaction", len(links))
    now = clock.now().astimezone(timezone.utc).strftime(_STAMP)
    entries, link_rows = [], []
    newest: dict[int, str] = {}
    for offset, (mid, mail, direction, thread_key, match) in enumerate(links):
        summary, body = entry_texts(mail)
        when = _utc(mail.sent_at)
        kind = "email" if mail.auto == AUTO_NONE else "note"
        entries.append((first + offset, match.customer_id, match.contact_id, kind, when, summary, body, now))
        link_rows.append((mid, match.customer_id, first + offset, direction, match.rule, thread_key))
        if mail.auto == AUTO_NONE and when > newest.get(match.customer_id, ""):
            newest[match.customer_id] = when
    cursor = database.cursor()
    cursor.executemany("INSERT INTO interaction (id, customer_id, contact_id, kind, occurred_at, summary, body, "
                       "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", entries)
    cursor.executemany("INSERT INTO mail_link (message_id, customer_id, interaction_id, direction, rule, thread_key) "
                       "VALUES (?, ?, ?, ?, ?, ?)", link_rows)

    def last_contact() -> None:
        if newest:
            database.cursor().executemany(
                "UPDATE customer SET last_contact_at = ? WHERE id = ? "
                "AND (last_contact_at IS NULL OR last_contact_at < ?)",
                [(when, cid, when) for cid, when in sorted(newest.items())])

    whole = search.indexes_whole_mail(database.obj)
    texts: dict[int, list[str]] = {}
    for (_id, customer_id, _contact, _kind, _when, summary, body, _now), link in zip(entries, links, strict=True):
        texts.setdefault(customer_id, []).extend(v for v in (summary, body, link[1].text if whole else "") if v)
    search.add_to_documents(database.obj, texts, between=last_contact)
    return len(links)


def _utc(when: datetime) -> str:
    when = when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when.astimezone(timezone.utc)
    return when.strftime(_STAMP)
