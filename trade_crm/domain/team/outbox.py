"""What a salesperson logs on a trip, queued in the laptop's copy and applied on the server exactly once.

Offline, the app runs on the copy of the user's customers (store/trip_copy.py) with the usual domain
functions. A new customer or timeline entry written there is in the views at once, and SQLite's own
triggers put it in the copy's outbox in the same transaction (a uid made here, the entry as JSON, when);
everything else the server has is read-only there. On reconnect `apply_outbox` sends the entries in the
order they were made: a timeline entry as its JSON says, a new customer as the copy holds it then (with
its contacts, channels and tags: it may have been edited on the trip). Each is applied in one server
transaction that also records (this laptop's device id, table, uid) in the server's `row_origin`: an
entry whose commit reached the server but whose acknowledgement never came back (the laptop slept, the
network dropped) is found there at the next sync and marked, not applied a second time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timezone

from peewee import IntegrityError

from trade_crm.domain.clock import Clock
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.domain.errors import DomainError
from trade_crm.store import trip_copy
from trade_crm.store.models import database

log = logging.getLogger(__name__)

CUSTOMER, INTERACTION = "customer", "interaction"
STAMP = "%Y-%m-%d %H:%M:%S"
READ_ONLY = trip_copy.READ_ONLY


@dataclass(frozen=True)
class QueuedEntry:
    uid: str
    kind: str
    local_id: int  # the row in the copy that shows it until the server has it


@dataclass(frozen=True)
class ApplyResult:
    applied: int  # entries the server took in this sync
    already: int  # entries the server had already (their acknowledgement had been lost)
    pending: int  # entries still queued (each has a line in `problems`)
    problems: tuple[str, ...] = ()


def _stamp(instant: datetime) -> str:
    return instant.astimezone(timezone.utc).strftime(STAMP)


def _queued(kind: str, local_id: int) -> QueuedEntry:
    uid = trip_copy.outbox_uid_of_local(database.obj, kind, local_id)
    if uid is None:
        raise DomainError("the book open is not a copy opened offline, so nothing was queued")
    return QueuedEntry(uid, kind, local_id)


def queue_customer(clock: Clock, **kwargs) -> QueuedEntry:
    """A new customer logged offline (create_customer's arguments), on the copy bound as the book."""
    return _queued(CUSTOMER, create_customer(clock, **kwargs))


def queue_interaction(customer_id: int, kind: str, summary: str, clock: Clock, **kwargs) -> QueuedEntry:
    """A timeline entry logged offline (log_interaction's arguments), on the copy bound as the book."""
    return _queued(INTERACTION, log_interaction(customer_id, kind, summary, clock, **kwargs))


def queued_ids(kind: str) -> set[int]:
    """The copy's rows of this kind ("customer", "interaction") still waiting for the server."""
    return trip_copy.queued_local_ids(database.obj, kind)


def _contact_input(contact: dict) -> ContactInput:
    channels = contact["channels"]
    values = {kind: next((v for k, v in channels if k == kind), "") for kind in ("whatsapp", "wechat", "skype",
                                                                               "linkedin")}
    birthday = date.fromisoformat(contact["birthday"]) if contact["birthday"] else None
    return ContactInput(name=contact["name"], title=contact["title"], notes=contact["notes"], birthday=birthday,
                        is_primary=bool(contact["is_primary"]),
                        emails=tuple(v for k, v in channels if k == "email"),
                        phones=tuple(v for k, v in channels if k == "phone"), **values)


def _server_customer(copy, origin: str, local_id: int) -> int:
    """The server's id of a customer the copy names: one from the server, or one queued and applied before."""
    uid = trip_copy.outbox_uid_of_local(copy, CUSTOMER, local_id, pending_only=False)
    if uid is None:
        return local_id  # the copy holds the server's ids
    server_id = trip_copy.applied_row_id(database.obj, origin, CUSTOMER, uid)
    if server_id is None:
        raise DomainError("its customer, also logged offline, is not on the server yet")
    return server_id


def _apply_one(copy, entry: trip_copy.OutboxRow, origin: str, clock: Clock) -> int:
    """The entry's row on the server (the caller holds the transaction)."""
    if entry.kind == CUSTOMER:
        found = trip_copy.queued_customer(copy, entry.local_id)
        if found is None:
            raise DomainError("it was deleted on this computer before it was sent")
        values, contacts, tags = found
        values["follow_up_on"] = date.fromisoformat(values["follow_up_on"]) if values["follow_up_on"] else None
        values["lost"] = bool(values["lost"])
        values.pop("lifecycle", None)
        customer_id = create_customer(clock, contacts=[_contact_input(c) for c in contacts], tags=tags, **values)
        trip_copy.claim_customer(database.obj, customer_id)
        return customer_id
    data = entry.payload
    own_customer = trip_copy.outbox_uid_of_local(copy, CUSTOMER, data["customer_id"], pending_only=False) is None
    occurred = datetime.strptime(data["occurred_at"][:19], STAMP).replace(tzinfo=timezone.utc)
    return log_interaction(
        _server_customer(copy, origin, data["customer_id"]), data["kind"], data["summary"], clock,
        occurred_at=occurred, body=data["body"] or "",
        # a contact of a customer queued on the trip has no id on the server: the entry goes without it
        contact_id=data["contact_id"] if own_customer else None,
        follow_up_on=date.fromisoformat(data["follow_up_on"]) if data["follow_up_on"] else None,
        valid_until=date.fromisoformat(data["valid_until"]) if data["valid_until"] else None)


def _apply_in_transaction(copy, entry: trip_copy.OutboxRow, origin: str, clock: Clock) -> tuple[int, bool]:
    """(the server's row id, whether this call made it). One server transaction: the row and its origin."""
    with database.atomic("IMMEDIATE"):
        row_id = trip_copy.applied_row_id(database.obj, origin, entry.kind, entry.uid)
        if row_id is not None:
            return row_id, False
        row_id = _apply_one(copy, entry, origin, clock)
        trip_copy.record_applied(database.obj, origin, entry.kind, entry.uid, row_id)
    return row_id, True


def apply_outbox(copy, clock: Clock, *,
                 after_commit: Callable[[trip_copy.OutboxRow], None] | None = None) -> ApplyResult:
    """Send the copy's queued entries to the server book (the bound one), in order, each exactly once.

    `copy` is the copy's own connection (store.trip_copy.open_copy). An entry the server refuses (its
    customer was deleted there meanwhile) stays queued with a line saying why; the others go on. A server
    that stops answering ends the sync (store.errors.ServerGoneError); what was committed is kept.
    `after_commit` (tests) runs between the server's commit and the copy's mark."""
    origin = trip_copy.get_meta(copy, "device_id")
    applied = already = 0
    problems: list[str] = []
    for entry in trip_copy.outbox_rows(copy):
        try:
            try:
                row_id, made = _apply_in_transaction(copy, entry, origin, clock)
            except IntegrityError:  # another sync of this laptop recorded the same uid first
                row_id, made = _apply_in_transaction(copy, entry, origin, clock)
        except DomainError as exc:
            problems.append(f"{entry.kind} logged {entry.created_at} UTC: {exc}")
            log.warning("an outbox entry was refused by the server: %s", exc)
            continue
        if after_commit is not None:
            after_commit(entry)
        trip_copy.mark_applied(copy, entry.uid, row_id, _stamp(clock.now()))
        applied += made
        already += not made
    return ApplyResult(applied, already, len(problems), tuple(problems))
