"""The outbox: messages waiting to be sent, one recipient set each, kept in the book so they survive a restart
and go out when the laptop is back online.

Each message gets its Message-ID when it is queued, before any attempt: after a crash or a timeout the
sender asks the account's Sent folder for that id before trying again, so nothing goes twice. The user may
pause, edit, cancel and retry a message that has not gone; a planned follow-up (`cancel_on_reply`) is
cancelled when the customer writes back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from email.utils import make_msgid

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.mail.messages import Address
from trade_crm.domain.mail.outgoing import EDITABLE_STATES, Draft, OutboxEntry, OutboxState, OutgoingFile
from trade_crm.domain.text import normalize_email
from trade_crm.store.models import Customer, MailAccount, OutboxMessage, database

MAX_SUBJECT_CHARS = 998  # RFC 5322's line limit: a longer subject is a mistake, not a subject
_UNSET = object()


def _addresses(value: str) -> tuple[Address, ...]:
    return tuple(Address(email, name) for email, name in json.loads(value or "[]"))


def _addresses_json(addresses: Iterable[Address]) -> str:
    return json.dumps([[a.email, a.name] for a in addresses], ensure_ascii=False)


def _files(value: str) -> tuple[OutgoingFile, ...]:
    return tuple(OutgoingFile(**item) for item in json.loads(value or "[]"))


def _files_json(files: Iterable[OutgoingFile]) -> str:
    return json.dumps([{"path": f.path, "name": f.name, "size": f.size, "content_type": f.content_type}
                       for f in files], ensure_ascii=False)


def _entry(row: OutboxMessage) -> OutboxEntry:
    return OutboxEntry(
        row.id, row.account_id, row.customer_id, row.contact_id, row.message_id, _addresses(row.to_addrs),
        _addresses(row.cc_addrs), _addresses(row.bcc_addrs), row.subject, row.text, row.html,
        _files(row.attachments), row.template, row.purpose, row.in_reply_to, tuple(json.loads(row.refs or "[]")),
        bool(row.cancel_on_reply), OutboxState(row.state), row.send_at, row.next_attempt_at, row.attempts,
        row.last_error, row.sent_at, row.interaction_id, row.created_at, row.updated_at)


def _checked(draft: Draft, number: int, accounts: dict[int, str]) -> Draft:
    """The draft with its addresses normalised, or a ValidationError naming the message and the field."""
    where = f"message {number}"
    if draft.account_id not in accounts:
        raise ValidationError("account", f"{where}: no mail account {draft.account_id}")
    fields = {}
    for field in ("to", "cc", "bcc"):
        clean = []
        for address in getattr(draft, field):
            email = normalize_email(address.email)
            if email is None:
                raise ValidationError(field, f'{where}: "{address.email}" is not an email address')
            clean.append(Address(email, address.name.strip()))
        fields[field] = tuple(dict.fromkeys(clean))
    if not fields["to"] + fields["cc"] + fields["bcc"]:
        raise ValidationError("to", f"{where}: no recipient")
    subject = " ".join(draft.subject.split())
    if not subject:
        raise ValidationError("subject", f"{where}: the subject is empty")
    if len(subject) > MAX_SUBJECT_CHARS:
        raise ValidationError("subject", f"{where}: the subject is over {MAX_SUBJECT_CHARS} characters")
    if draft.send_at is not None and draft.send_at.tzinfo is None:
        raise ValidationError("send_at", f"{where}: a send time needs its time zone")
    return Draft(**{**draft.__dict__, **fields, "subject": subject})


def queue_drafts(drafts: Iterable[Draft], clock: Clock) -> list[OutboxEntry]:
    """Queue messages, all or none: every draft is checked before the first is written, and each gets its
    Message-ID (at the account's own domain) now."""
    drafts = list(drafts)
    accounts = {row.id: row.email for row in MailAccount.select(MailAccount.id, MailAccount.email)}
    checked = [_checked(draft, number, accounts) for number, draft in enumerate(drafts, start=1)]
    now = clock.now()
    rows = [{
        "account": d.account_id, "customer": d.customer_id, "contact": d.contact_id,
        "message_id": make_msgid(domain=accounts[d.account_id].rpartition("@")[2])[1:-1],
        "to_addrs": _addresses_json(d.to), "cc_addrs": _addresses_json(d.cc), "bcc_addrs": _addresses_json(d.bcc),
        "subject": d.subject, "text": d.text, "html": d.html, "attachments": _files_json(d.attachments),
        "template": d.template, "purpose": d.purpose, "in_reply_to": d.in_reply_to,
        "refs": json.dumps(list(d.references)), "cancel_on_reply": d.cancel_on_reply,
        "state": OutboxState.QUEUED.value, "send_at": d.send_at, "created_at": now, "updated_at": now,
    } for d in checked]
    with database.atomic():
        customer_ids = {d.customer_id for d in checked if d.customer_id is not None}
        if customer_ids:
            found = {c.id for c in Customer.select(Customer.id).where(Customer.id.in_(list(customer_ids)))}
            if customer_ids - found:
                raise NotFoundError("customer", min(customer_ids - found))
        ids = [OutboxMessage.insert(**row).execute() for row in rows]
    return outbox_entries(ids=ids)


def outbox_entries(states: Iterable[OutboxState] | None = None, customer_id: int | None = None,
                   ids: Iterable[int] | None = None) -> list[OutboxEntry]:
    """Entries in the order they were queued, optionally only some states, one customer's, or given ids."""
    query = OutboxMessage.select()
    if states is not None:
        query = query.where(OutboxMessage.state.in_([OutboxState(s).value for s in states]))
    if customer_id is not None:
        query = query.where(OutboxMessage.customer == customer_id)
    if ids is not None:
        query = query.where(OutboxMessage.id.in_(list(ids)))
    return [_entry(row) for row in query.order_by(OutboxMessage.id)]


def outbox_entry(entry_id: int) -> OutboxEntry:
    row = OutboxMessage.get_or_none(OutboxMessage.id == entry_id)
    if row is None:
        raise NotFoundError("outbox message", entry_id)
    return _entry(row)


def _move(ids: Iterable[int], clock: Clock, from_states: Iterable[OutboxState], to_state: OutboxState,
          **extra) -> int:
    """Move the given entries that are in one of `from_states`; the others are left as they are."""
    ids = list(ids)
    if not ids:
        return 0
    with database.atomic():
        return (OutboxMessage.update(state=to_state.value, updated_at=clock.now(), **extra)
                .where(OutboxMessage.id.in_(ids), OutboxMessage.state.in_([s.value for s in from_states]))
                .execute())


def pause_entries(ids: Iterable[int], clock: Clock) -> int:
    return _move(ids, clock, (OutboxState.QUEUED,), OutboxState.PAUSED)


def resume_entries(ids: Iterable[int], clock: Clock) -> int:
    return _move(ids, clock, (OutboxState.PAUSED,), OutboxState.QUEUED)


def cancel_entries(ids: Iterable[int], clock: Clock) -> int:
    return _move(ids, clock, EDITABLE_STATES, OutboxState.CANCELLED)


def retry_entries(ids: Iterable[int], clock: Clock) -> int:
    """A failed message goes back to the queue, its attempts counted afresh."""
    return _move(ids, clock, (OutboxState.FAILED,), OutboxState.QUEUED, attempts=0, next_attempt_at=None,
                 last_error="")


def edit_entry(entry_id: int, clock: Clock, *, subject: str | None = None, text: str | None = None,
               html: str | None = None, send_at: datetime | None | object = _UNSET) -> OutboxEntry:
    """Change a message that has not gone (queued, paused or failed): its subject, text, HTML or send time."""
    with database.atomic():
        entry = outbox_entry(entry_id)
        if entry.state not in EDITABLE_STATES:
            raise ValidationError("state", f"message {entry_id} is {entry.state.value}: it can no longer be changed")
        changes: dict = {"updated_at": clock.now()}
        if subject is not None:
            changes["subject"] = subject
        if text is not None:
            changes["text"] = text
        if html is not None:
            changes["html"] = html
        if send_at is not _UNSET:
            changes["send_at"] = send_at
        draft = Draft(entry.account_id, entry.to, changes.get("subject", entry.subject), "", entry.cc, entry.bcc,
                      send_at=changes.get("send_at", entry.send_at))
        accounts = {entry.account_id: ""}
        changes["subject"] = _checked(draft, entry_id, accounts).subject
        OutboxMessage.update(**changes).where(OutboxMessage.id == entry_id).execute()
    return outbox_entry(entry_id)


def cancel_on_reply(customer_id: int, clock: Clock) -> int:
    """The customer wrote back: their planned follow-ups that have not gone are cancelled. Returns how many."""
    with database.atomic():
        return (OutboxMessage.update(state=OutboxState.CANCELLED.value, updated_at=clock.now(),
                                     last_error="the customer replied")
                .where(OutboxMessage.customer == customer_id, OutboxMessage.cancel_on_reply == True,  # noqa: E712
                       OutboxMessage.state.in_([OutboxState.QUEUED.value, OutboxState.PAUSED.value]))
                .execute())
