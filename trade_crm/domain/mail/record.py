"""Store a batch of synced messages, match them to customers and put them on the timeline: `record_mail`.

One transaction per call, and idempotent: a message is stored once by its key (the Message-ID, else a
content hash), however many folders, accounts or re-syncs bring it; each copy's location (account, folder,
UIDVALIDITY, UID) is remembered, so a resumed sync skips what it has (`known_locations`). A batch that fails
stores nothing.

For each new message, in this order (domain/mail/rules.py, matching.py):
1. a participant on the never-log list: stored without its subject, text or attachments, logged nowhere;
2. every participant is the user's own (an account's address, an own domain): internal, kept the same way;
3. its outside addresses name customers (a contact channel, else a company domain): one timeline entry per
   customer (timeline.py says what the entry holds and what it moves); an auto-reply or a bounce that names
   nobody joins the customers of the message it answers (In-Reply-To/References);
4. else an incoming message from outside that is not automatic puts its sender on the New senders list
   (domain/mail/senders.py), unless the sender was ignored.
A message a customer wrote (not an auto-reply) cancels their planned follow-ups (sequences.cancel_follow_ups).

Set-based: a batch of 500 costs a fixed number of queries (existing keys, thread parents, three for the
customers, the inserts), not one per message.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from trade_crm.domain.clock import Clock
from trade_crm.domain.mail import timeline as mail_timeline
from trade_crm.domain.mail.matching import RULE_THREAD, Match, customer_index
from trade_crm.domain.mail.messages import AUTO_NONE, IncomingMail, MailLocation
from trade_crm.domain.mail.rules import Participants, load_participants
from trade_crm.domain.mail.senders import note_senders
from trade_crm.domain.mail.sequences import cancel_follow_ups
from trade_crm.store import sql_rows
from trade_crm.store.models import database

MATCHED, NEW_SENDER, UNMATCHED, INTERNAL, NEVER_LOG, IGNORED = (
    "matched", "new_sender", "unmatched", "internal", "never_log", "ignored")
STATUSES = (MATCHED, NEW_SENDER, UNMATCHED, INTERNAL, NEVER_LOG, IGNORED)
IN, OUT = "in", "out"
_STAMP = "%Y-%m-%d %H:%M:%S"


@dataclass(frozen=True)
class RecordReport:
    """What one `record_mail` call did. `stored` + `duplicates` = the items given; each stored message is
    counted once more in one of matched / new_sender_messages / unmatched / internal / never_logged."""

    stored: int = 0  # new messages
    duplicates: int = 0  # copies of a message stored already (or twice in the batch): no second entry
    matched: int = 0  # new messages put on at least one customer's timeline
    entries: int = 0  # timeline entries made (a message on two customers makes two)
    new_senders: int = 0  # senders that joined the New senders list
    new_sender_messages: int = 0  # messages left for triage (their sender new or already waiting)
    unmatched: int = 0  # from or to nobody the book knows, not for triage (outgoing, automatic, ignored sender)
    internal: int = 0  # among the user's own addresses only
    never_logged: int = 0  # a participant on the never-log list
    problems: int = 0  # new messages with something that could not be read
    locations: int = 0  # copies whose location was new
    follow_ups_cancelled: int = 0  # planned follow-ups cancelled because the customer wrote (sequences.py)


@dataclass
class _New:
    mail: IncomingMail
    id: int = 0
    direction: str = IN
    status: str = UNMATCHED
    thread_key: str = ""
    matches: tuple[Match, ...] = ()


def known_locations(account_id: int, folder: str, uidvalidity: int) -> set[int]:
    """The UIDs of this folder (at this UIDVALIDITY) whose message is stored: a resumed sync skips them."""
    return {uid for (uid,) in database.execute_sql(
        "SELECT uid FROM mail_location WHERE account_id = ? AND folder = ? AND uidvalidity = ?",
        (account_id, folder, uidvalidity))}


def record_mail(items: Sequence[tuple[IncomingMail, MailLocation | None]], *, clock: Clock) -> RecordReport:
    """Store, match and log a batch of messages with where each copy was found (one transaction)."""
    items = list(items)
    if not items:
        return RecordReport()
    with database.atomic():
        participants = load_participants()
        first_copy: dict[str, IncomingMail] = {}
        for mail, _location in items:
            first_copy.setdefault(mail.key, mail)
        existing = _existing_ids(list(first_copy))
        fresh = [_New(mail) for key, mail in first_copy.items() if key not in existing]
        fresh.sort(key=lambda n: (utc_text(n.mail.sent_at), n.mail.key))  # a thread's parent before its replies
        parents = _thread_parents(fresh)
        for new in fresh:
            _classify(new, participants)
        index = customer_index({a.email for n in fresh if n.status == UNMATCHED for a in _outside(n, participants)},
                               participants.own_domains)
        for new in fresh:
            _thread(new, parents)
            if new.status == UNMATCHED:
                new.matches = tuple(index.matches(a.email for a in _outside(new, participants)))
        _inherit_thread_customers(fresh, parents)
        allowed = mail_timeline.editable({m.customer_id for n in fresh for m in n.matches})
        for new in fresh:
            named = bool(new.matches)  # a customer the person may not write to (a server's pool): not new
            new.matches = tuple(m for m in new.matches if m.customer_id in allowed)
            if new.matches:
                new.status = MATCHED
            elif (new.status == UNMATCHED and not named and new.direction == IN and new.mail.auto == AUTO_NONE
                  and new.mail.sender.email):  # a From nobody could read is no one to triage
                new.status = NEW_SENDER
        _insert_messages(fresh, clock)
        ids = {**existing, **{n.mail.key: n.id for n in fresh}}
        locations = sql_rows.insert_ignore(
            "mail_location", ("account_id", "folder", "uidvalidity", "uid", "message_id"),
            [(loc.account_id, loc.folder, loc.uidvalidity, loc.uid, ids[mail.key]) for mail, loc in items
             if loc is not None])  # a message just sent, whose copy's place the server did not say
        entries = mail_timeline.log_messages(
            [mail_timeline.LogItem(n.id, n.mail, n.direction, n.thread_key, n.matches) for n in fresh if n.matches],
            clock)
        senders = note_senders([(n.id, n.mail) for n in fresh if n.status == NEW_SENDER], clock)
        cancelled = cancel_follow_ups(_replies(fresh), clock)
        for new in fresh:
            if new.status == NEW_SENDER and new.mail.sender.email in senders.ignored:
                new.status = IGNORED
        _set_status([n for n in fresh if n.status == IGNORED], IGNORED)
    counts = defaultdict(int)
    for new in fresh:
        counts[new.status] += 1
    return RecordReport(
        stored=len(fresh), duplicates=len(items) - len(fresh), matched=counts[MATCHED], entries=entries,
        new_senders=senders.added, new_sender_messages=counts[NEW_SENDER],
        unmatched=counts[UNMATCHED] + counts[IGNORED], internal=counts[INTERNAL], never_logged=counts[NEVER_LOG],
        problems=sum(1 for n in fresh if n.mail.problems), locations=max(locations, 0), follow_ups_cancelled=cancelled)


def _replies(fresh: list[_New]) -> dict[int, datetime]:
    """customer id -> the newest message they wrote in this batch (not an auto-reply): it cancels their follow-ups."""
    replies: dict[int, datetime] = {}
    for new in fresh:
        if new.direction == IN and new.mail.auto == AUTO_NONE:
            for match in new.matches:
                replies[match.customer_id] = max(replies.get(match.customer_id, new.mail.sent_at), new.mail.sent_at)
    return replies


def _existing_ids(keys: list[str]) -> dict[str, int]:
    # a list condition, not a join with the list: on a server the key index (owner, key) is then probed per
    # key; a join there hashed the whole table (265 ms a batch at 20,000 messages)
    cond, param = sql_rows.in_values(keys)
    return {key: mid for mid, key in database.execute_sql(f"SELECT id, key FROM mail_message WHERE key {cond}",
                                                          (param,))}


def _outside(new: _New, participants: Participants) -> list:
    """The participants that are not the user's own (each address once)."""
    seen, out = set(), []
    for address in new.mail.participants:
        if address.email and address.email not in seen and not participants.is_own(address.email):
            seen.add(address.email)
            out.append(address)
    return out


def _classify(new: _New, participants: Participants) -> None:
    mail = new.mail
    new.direction = OUT if mail.sender.email and participants.is_own(mail.sender.email) else IN
    addresses = [a.email for a in mail.participants if a.email]
    if any(participants.never_log(e) for e in addresses):
        new.status = NEVER_LOG
    elif mail.sender.email and all(participants.is_own(e) for e in addresses):  # an unreadable From: not ours
        new.status = INTERNAL


def _thread_parents(fresh: list[_New]) -> dict[str, tuple[int, str]]:
    """Stored messages the batch refers to (In-Reply-To, References): Message-ID -> (id, thread key)."""
    wanted = {ref for n in fresh for ref in (n.mail.in_reply_to, *n.mail.references) if ref}
    wanted -= {n.mail.message_id for n in fresh}
    if not wanted:
        return {}
    cond, param = sql_rows.in_values(sorted(wanted))
    return {mid: (rid, thread) for rid, mid, thread in database.execute_sql(
        f"SELECT id, message_id, thread_key FROM mail_message WHERE message_id <> '' AND message_id {cond}",
        (param,))}


def _thread(new: _New, parents: dict[str, tuple[int, str]]) -> None:
    """The thread a message joins: that of the first message it refers to that the book knows, else the
    root its References name, else its own. Called in order of sending, so a parent in the batch is known."""
    mail = new.mail
    refs = [r for r in (*mail.references, mail.in_reply_to) if r]
    for ref in refs:
        if ref in parents:
            new.thread_key = parents[ref][1]
            break
    else:
        new.thread_key = refs[0] if refs else (mail.message_id or mail.key)
    if mail.message_id:
        parents.setdefault(mail.message_id, (0, new.thread_key))


def _inherit_thread_customers(fresh: list[_New], parents: dict[str, tuple[int, str]]) -> None:
    """An auto-reply or a bounce that names no customer (a mailer-daemon's, an assistant's) joins the
    customers of the message it answers."""
    orphans = [n for n in fresh if n.mail.auto != AUTO_NONE and not n.matches and n.status == UNMATCHED]
    if not orphans:
        return
    in_batch = {n.mail.message_id: n for n in fresh if n.mail.message_id}
    stored_ids = {parents[r][0] for n in orphans for r in (n.mail.in_reply_to, *n.mail.references)
                  if r in parents and parents[r][0]}
    linked: dict[int, list[int]] = defaultdict(list)
    if stored_ids:
        values = sql_rows.value_list(sorted(stored_ids), alias="p")
        for message_id, customer_id in database.execute_sql(
                f"SELECT l.message_id, l.customer_id FROM {values.sql} JOIN mail_link l ON l.message_id = p.value "
                "ORDER BY 1, 2", (values.param,)):
            linked[message_id].append(customer_id)
    for orphan in orphans:
        customers: dict[int, Match] = {}
        for ref in (orphan.mail.in_reply_to, *orphan.mail.references):
            if ref in in_batch:
                for m in in_batch[ref].matches:
                    customers.setdefault(m.customer_id, Match(m.customer_id, RULE_THREAD))
            elif ref in parents:
                for customer_id in linked.get(parents[ref][0], ()):
                    customers.setdefault(customer_id, Match(customer_id, RULE_THREAD))
        orphan.matches = tuple(customers.values())


def _insert_messages(fresh: list[_New], clock: Clock) -> None:
    if not fresh:
        return
    first = sql_rows.reserve_ids("mail_message", len(fresh))
    now = clock.now().strftime(_STAMP)
    rows = []
    for offset, new in enumerate(fresh):
        new.id = first + offset
        rows.append(_row(new, now))
    database.cursor().executemany(
        f"INSERT INTO mail_message (id, {', '.join(_COLUMNS)}) VALUES (?, {', '.join('?' * len(_COLUMNS))})", rows)


_COLUMNS = ("key", "message_id", "subject", "sender", "sender_name", "recipients", "sent_at", "direction",
            "in_reply_to", "refs", "thread_key", "text", "text_truncated", "auto", "attachments", "problems", "status",
            "created_at")


def _row(new: _New, now: str) -> tuple:
    mail = new.mail
    private = new.status in (NEVER_LOG, INTERNAL)  # kept only so a re-sync knows it: no subject, text or files
    recipients = [("to", a.email, a.name) for a in mail.to] + [("cc", a.email, a.name) for a in mail.cc]
    attachments = [] if private else [{"name": a.name, "size": a.size, "content_type": a.content_type,
                                       "part": a.part} for a in mail.attachments]
    return (new.id, mail.key, mail.message_id, "" if private else mail.subject, mail.sender.email, mail.sender.name,
            json.dumps(recipients, ensure_ascii=False), utc_text(mail.sent_at), new.direction, mail.in_reply_to,
            json.dumps(list(mail.references), ensure_ascii=False), new.thread_key, "" if private else mail.text,
            bool(mail.text_truncated) and not private, mail.auto, json.dumps(attachments, ensure_ascii=False),
            json.dumps(list(mail.problems), ensure_ascii=False), new.status, now)


def utc_text(when: datetime) -> str:
    """An instant as the book stores it (UTC text); a naive one is taken as UTC (the parser gives aware ones)."""
    when = when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when.astimezone(timezone.utc)
    return when.strftime(_STAMP)


def _set_status(news: list[_New], status: str) -> None:
    if news:
        database.cursor().executemany("UPDATE mail_message SET status = ? WHERE id = ?", [(status, n.id) for n in news])

