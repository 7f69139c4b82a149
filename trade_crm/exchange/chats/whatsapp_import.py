"""A WhatsApp chat onto a customer's timeline: one `whatsapp` entry a day, media attached, undoable.

`plan_chat` groups the chat's messages by day (the phone's wall time is the user's zone) and compares
each day with the customer's stored WhatsApp entries by message (domain/chats/day_text.message_key):
a day with no stored message is new; a stored day the later export has more messages for "grew" and
gets them (its entry keeps what it had, the new messages join in time order, media attach to it); a
day already there is left alone. `commit_chat` writes it all in one transaction with an ImportBatch
and its journal (importing/history.py undoes it like any import); the customer's last contact follows.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timezone, tzinfo
from itertools import groupby
from pathlib import Path

from trade_crm.domain.attachments.records import NewFile, attach_files
from trade_crm.domain.chats.day_text import DayMessage, day_body, keys_of, message_key, read_day
from trade_crm.domain.chats.days import ChatDay, StoredDay, stored_days, write_days
from trade_crm.domain.chats.matching import ChatMatch
from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import ValidationError
from trade_crm.exchange.chats.chat_file import read_media
from trade_crm.exchange.chats.chat_match import match_chat
from trade_crm.exchange.chats.whatsapp import Chat, ChatMessage
from trade_crm.exchange.importing.journal import Added, Changed, Journal, Merged
from trade_crm.exchange.importing.writer import utc_stamp
from trade_crm.store import sql_rows
from trade_crm.store.models import database

SOURCE = "whatsapp"
SNIPPET = 60


@dataclass(frozen=True)
class PlannedDay:
    day: date
    status: str  # "new", "grown" or "present"
    messages: tuple[ChatMessage, ...]  # the chat's messages of this day
    new: tuple[ChatMessage, ...]  # those not in the book yet
    stored: StoredDay | None  # the entry a grown or present day already has

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(f for m in self.new for f in m.files)


@dataclass(frozen=True)
class ChatPlan:
    chat: Chat
    customer: ChatMatch | None
    candidates: tuple[ChatMatch, ...]  # to pick from when no one customer matched
    days: tuple[PlannedDay, ...]
    zone: tzinfo

    def count(self, status: str) -> int:
        return sum(d.status == status for d in self.days)

    @property
    def new_messages(self) -> int:
        return sum(len(d.new) for d in self.days)

    @property
    def files_found(self) -> tuple[str, ...]:
        return tuple(f for d in self.days for f in d.files if f in self.chat.media_in_file)

    @property
    def files_missing(self) -> tuple[str, ...]:
        return tuple(f for d in self.days for f in d.files if f not in self.chat.media_in_file)

    @property
    def notes(self) -> tuple[str, ...]:
        """What the summary says besides the counts: each a line naming the file."""
        chat, out = self.chat, []
        if chat.order_note:
            out.append(chat.order_note)
        if chat.continuation_lines:
            out.append(f"{chat.continuation_lines:,} lines without a date and time kept as part of the message "
                       "before them")
        if chat.skipped_lines:
            out.append(f"{len(chat.skipped_lines):,} lines before the first message not imported (line "
                       f"{', '.join(map(str, chat.skipped_lines[:5]))}{', …' if len(chat.skipped_lines) > 5 else ''})")
        if chat.bad_dates:
            out.append(f"{len(chat.bad_dates):,} lines with a date that does not exist kept as part of the message "
                       f"before them (line {', '.join(map(str, chat.bad_dates[:5]))})")
        if chat.lossy:
            out.append(f"some characters could not be read as {chat.encoding} and were replaced")
        missing = self.files_missing
        if missing and chat.source.is_zip:
            out.append(f"{len(missing):,} media files the chat names are not in the zip, not attached: "
                       + ", ".join(missing[:5]) + (", …" if len(missing) > 5 else ""))
        elif missing:
            out.append(f"{len(missing):,} media files named; a .txt export holds none (export with media for them)")
        omitted = sum(m.omitted for d in self.days for m in d.new)
        if omitted:
            out.append(f"{omitted:,} media the export left out (\"without media\")")
        return tuple(out)


@dataclass(frozen=True)
class ChatImportResult:
    batch: int | None
    customer_id: int
    days_created: int
    days_grown: int
    days_present: int
    messages: int
    files_attached: int
    files_missing: tuple[str, ...]


def plan_chat(chat: Chat, zone: tzinfo, *, customer_id: int | None = None) -> ChatPlan:
    """Match the chat to a customer (or take `customer_id`) and sort its days into new, grown and present."""
    customer, candidates = match_chat(chat, customer_id)
    by_day = [(day, tuple(group)) for day, group in groupby(sorted(chat.messages, key=lambda m: m.at),
                                                             key=lambda m: m.at.date())]
    stored = stored_days(customer.customer_id, by_day[0][0], by_day[-1][0], zone) if customer else {}
    days = []
    for day, messages in by_day:
        entry, new = _compare(messages, stored.get(day, []))
        status = "new" if entry is None else ("grown" if new else "present")
        days.append(PlannedDay(day, status, messages, new, entry))
    return ChatPlan(chat, customer, candidates, tuple(days), zone)


def _compare(messages: tuple[ChatMessage, ...], stored: list[StoredDay]) -> tuple[StoredDay | None, tuple]:
    """The stored entry of this chat's day (the one sharing most messages) and the messages it lacks."""
    if not stored:
        return None, messages
    keys = [message_key(_time(m), m.author, m.text) for m in messages]
    best, best_common, best_have = None, 0, Counter()
    for entry in stored:
        have = keys_of(entry.body)
        common = sum((have & Counter(keys)).values())
        if common > best_common:
            best, best_common, best_have = entry, common, have
    if best is None:
        return None, messages
    new = []
    for message, key in zip(messages, keys, strict=True):
        if best_have[key]:
            best_have[key] -= 1
        else:
            new.append(message)
    return best, tuple(new)


def _time(m: ChatMessage) -> str:
    return f"{m.at.hour:02d}:{m.at.minute:02d}"


def _day_message(m: ChatMessage) -> DayMessage:
    return DayMessage(_time(m), m.author, m.text, m.files, m.omitted)


def _summary(plan: ChatPlan, messages: list[DayMessage]) -> str:
    """"Ahmed Khan · 12 messages: the first words": who the chat is with (the matched contact, else the name
    the export gives), how many messages, how the day began."""
    chat, match = plan.chat, plan.customer
    other = (match.contact_name if match and match.contact_name else "") or chat.title or ", ".join(chat.participants[:3])
    first = next((" ".join(m.text.split()) for m in messages if m.text.strip()), "")
    if len(first) > SNIPPET:
        first = first[: SNIPPET - 1] + "…"
    return f"{other} · {len(messages)} messages" + (f": {first}" if first else "")


def _chat_day(plan: ChatPlan, day: PlannedDay) -> ChatDay:
    if day.stored is None:
        messages = [_day_message(m) for m in day.messages]
        last = max(m.at for m in day.messages)
    else:  # the entry keeps what it had; the new messages join it in time order
        messages = sorted(read_day(day.stored.body) + [_day_message(m) for m in day.new], key=lambda m: m.time)
        last = max(m.at for m in day.new)
    when = last.replace(tzinfo=plan.zone).astimezone(timezone.utc)
    if day.stored is not None and day.stored.occurred_at > when:
        when = day.stored.occurred_at
    return ChatDay(day.day, when, _summary(plan, messages), day_body(messages))


def commit_chat(plan: ChatPlan, clock: Clock, attachments_root: Path | None = None) -> ChatImportResult:
    """Write the plan in one transaction with its import batch; nothing when every day is already there."""
    if plan.customer is None:
        raise ValidationError("customer", f"{plan.chat.file_name}: no customer in the book matches this chat "
                                          "(its phone number or name); choose the customer to import it for")
    customer_id = plan.customer.customer_id
    new = [d for d in plan.days if d.status == "new"]
    grown = [d for d in plan.days if d.status == "grown"]
    present = plan.count("present")
    if not new and not grown:
        return ChatImportResult(None, customer_id, 0, 0, present, 0, 0, ())
    now = utc_stamp(clock.now())
    with database.atomic():
        batch = sql_rows.insert_returning_id("import_batch", {
            "file_name": plan.chat.file_name, "source": SOURCE, "tag": "", "created_at": now})
        written = write_days(customer_id, [_chat_day(plan, d) for d in new],
                             [(d.stored.interaction_id, _chat_day(plan, d)) for d in grown if d.stored], clock,
                             contact_id=plan.customer.contact_id)
        journal = Journal()
        for interaction_id in written.created:
            journal.record(Added("interaction", interaction_id))
        for interaction_id, previous in written.previous:
            journal.record(Changed("interaction", interaction_id, {k: _stored(v) for k, v in previous.items()}))
        if written.last_contact_after != written.last_contact_before:
            journal.record(Changed("customer", customer_id, {"last_contact_at": _stored(written.last_contact_before)}))
        journal.record(Merged(customer_id))
        entry_of = dict(zip([d.day for d in new], written.created, strict=True))
        entry_of.update({d.day: d.stored.interaction_id for d in grown if d.stored})
        attached = attach_media(plan, entry_of, customer_id, clock, attachments_root, journal)
        summary = {"created": 0, "merged": 1, "customer_id": customer_id, "days_created": len(new),
                   "days_grown": len(grown), "days_present": present, "messages": plan.new_messages,
                   "files_attached": attached, "files_missing": len(plan.files_missing)}
        database.execute_sql("UPDATE import_batch SET summary = ?, journal = ? WHERE id = ?",
                             (json.dumps(summary), journal.to_json(), batch))
    return ChatImportResult(batch, customer_id, len(new), len(grown), present, plan.new_messages, attached,
                            plan.files_missing)


def attach_media(plan: ChatPlan, entry_of: dict[date, int], customer_id: int, clock: Clock,
                 root: Path | None, journal: Journal) -> int:
    """The media the zip holds, attached to their day's entry (stored once by content), a day at a time so
    only one day's media are in memory. Returns how many were attached."""
    count = 0
    for day in plan.days:
        names = [f for f in day.files if f in plan.chat.media_in_file] if day.day in entry_of else []
        if not names:
            continue
        if root is None:
            raise ValidationError("attachments", f"{plan.chat.file_name}: no folder to keep its media in")
        files = [NewFile(read_media(plan.chat.source, name) or b"", name) for name in names]
        for info in attach_files(root, customer_id, files, clock, interaction_id=entry_of[day.day], source=SOURCE):
            journal.record(Added("attachment", info.id))
            count += 1
    return count


def _stored(value: object) -> object:
    return utc_stamp(value) if isinstance(value, datetime) else value
