"""What a salesperson logs on a trip, queued in the laptop's copy and applied on the server exactly once.

Offline, the app runs on the copy of the user's customers (store/trip_copy.py). A timeline entry or a new
customer logged there is written into the copy (so the views show it at once, marked as queued) and, in the
same transaction, into the copy's outbox: a uid made here, the entry as JSON, when. On reconnect
`apply_outbox` sends the entries in the order they were made. Each is applied in one server transaction
that also records (this laptop's device id, table, uid) in the server's `row_origin`: an entry whose
commit reached the server but whose acknowledgement never came back (the laptop slept, the network
dropped) is found there at the next sync and marked, not applied a second time.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, datetime, timezone
from typing import Any

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


def _contact_payload(contact: ContactInput) -> dict[str, Any]:
    data = asdict(contact)
    data["birthday"] = contact.birthday.isoformat() if contact.birthday else None
    data["emails"], data["phones"] = list(contact.emails), list(contact.phones)
    return data


def _contact_input(data: dict[str, Any]) -> ContactInput:
    values = dict(data)
    values["birthday"] = date.fromisoformat(values["birthday"]) if values.get("birthday") else None
    values["emails"], values["phones"] = tuple(values.get("emails", ())), tuple(values.get("phones", ()))
    return ContactInput(**values)


def queue_customer(clock: Clock, *, contacts: tuple[ContactInput, ...] | list[ContactInput] = (),
                   tags: tuple[str, ...] | list[str] = (), **values: Any) -> QueuedEntry:
    """A new customer logged offline: into the copy (validated as create_customer validates) and the outbox,
    in one transaction. The copy is the bound book."""
    uid = uuid.uuid4().hex
    with database.atomic():
        local_id = create_customer(clock, contacts=contacts, tags=tags, **values)
        payload = {"values": {k: (v.isoformat() if isinstance(v, date) else v) for k, v in values.items()},
                   "contacts": [_contact_payload(c) for c in contacts], "tags": list(tags)}
        trip_copy.add_to_outbox(database.obj, uid, CUSTOMER, payload, local_id, _stamp(clock.now()))
    return QueuedEntry(uid, CUSTOMER, local_id)


def queue_interaction(customer_id: int, kind: str, summary: str, clock: Clock, *, body: str = "",
                      contact_id: int | None = None, follow_up_on: date | None = None,
                      occurred_at: datetime | None = None) -> QueuedEntry:
    """A timeline entry logged offline on a customer of the copy (one from the server, or one queued)."""
    uid = uuid.uuid4().hex
    when = occurred_at or clock.now()
    with database.atomic():
        local_id = log_interaction(customer_id, kind, summary, clock, occurred_at=when, body=body,
                                   contact_id=contact_id, follow_up_on=follow_up_on)
        customer_uid = trip_copy.outbox_uid_of_local(database.obj, CUSTOMER, customer_id)
        payload = {
            "customer_id": None if customer_uid else customer_id,
            "customer_uid": customer_uid,
            # a contact of a queued customer has no id on the server yet: the entry goes without it
            "contact_id": None if customer_uid else contact_id,
            "kind": kind, "summary": summary, "body": body, "occurred_at": _stamp(when),
            "follow_up_on": follow_up_on.isoformat() if follow_up_on else None,
        }
        trip_copy.add_to_outbox(database.obj, uid, INTERACTION, payload, local_id, _stamp(clock.now()))
    return QueuedEntry(uid, INTERACTION, local_id)


def queued_ids(kind: str) -> set[int]:
    """The copy's rows of this kind ("customer", "interaction") still waiting for the server."""
    return trip_copy.queued_local_ids(database.obj, kind)


def _apply_one(entry: trip_copy.OutboxRow, origin: str, clock: Clock) -> int:
    """The entry's row on the server (the caller holds the transaction)."""
    data = entry.payload
    if entry.kind == CUSTOMER:
        customer_id = create_customer(clock, contacts=[_contact_input(c) for c in data["contacts"]],
                                      tags=data["tags"], **data["values"])
        trip_copy.claim_customer(database.obj, customer_id)
        return customer_id
    customer_id = data["customer_id"]
    if customer_id is None:
        customer_id = trip_copy.applied_row_id(database.obj, origin, CUSTOMER, data["customer_uid"])
        if customer_id is None:
            raise DomainError("its customer, also logged offline, is not on the server yet")
    occurred = datetime.strptime(data["occurred_at"], STAMP).replace(tzinfo=timezone.utc)
    follow_up = date.fromisoformat(data["follow_up_on"]) if data["follow_up_on"] else None
    return log_interaction(customer_id, data["kind"], data["summary"], clock, occurred_at=occurred,
                           body=data["body"], contact_id=data["contact_id"], follow_up_on=follow_up)


def _apply_in_transaction(entry: trip_copy.OutboxRow, origin: str, clock: Clock) -> tuple[int, bool]:
    """(the server's row id, whether this call made it). One server transaction: the row and its origin."""
    with database.atomic("IMMEDIATE"):
        row_id = trip_copy.applied_row_id(database.obj, origin, entry.kind, entry.uid)
        if row_id is not None:
            return row_id, False
        row_id = _apply_one(entry, origin, clock)
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
                row_id, made = _apply_in_transaction(entry, origin, clock)
            except IntegrityError:  # another sync of this laptop recorded the same uid first
                row_id, made = _apply_in_transaction(entry, origin, clock)
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
