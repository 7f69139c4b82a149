"""Bulk, one by one: a greeting reminder or a list of customers, a template and an account become one message
per recipient, each in the recipient's language and at its planned send time (planning.py), queued in the
outbox in one transaction.

Nothing is dropped silently: a customer without an email address, one a merge field has no value for, or one
with no allowed morning in sight is listed as a problem; a customer the same purpose (this year's Christmas
greeting) is queued or sent for already is listed as a duplicate and not queued again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.greetings.occasions import load_greeting_rules
from trade_crm.domain.greetings.prepare import greeting_plan
from trade_crm.domain.mail.merge import Holiday, MergeError, Recipient, load_recipients, sender_profile
from trade_crm.domain.mail.messages import Address
from trade_crm.domain.mail.outbox import queue_drafts
from trade_crm.domain.mail.outgoing import Draft, OutboxEntry, OutboxState
from trade_crm.domain.mail.planning import PlanRequest, account_plan_settings, plan_sends
from trade_crm.domain.mail.templates import (
    QUOTATION_CHASER,
    SAMPLE_FOLLOW_UP,
    MailTemplate,
    get_template,
    greeting_key,
    render_template,
    template_kind,
)
from trade_crm.store.models import Interaction, MailAccount, OutboxMessage, Reminder, database

AT_LOCAL_MORNING, AT_NOW = "local-morning", "now"
# A purpose is queued once per customer: an entry in any of these states stands for it.
HOLDING_STATES = tuple(s.value for s in OutboxState if s is not OutboxState.CANCELLED)
ENTRY_KINDS = {QUOTATION_CHASER: "quotation", SAMPLE_FOLLOW_UP: "sample"}  # the entry a chaser is about


@dataclass(frozen=True)
class BulkProblem:
    """A customer left out of the run and why: `field` is "email", a merge field ("contact.first_name"),
    "send_at" (no allowed morning within the plan's horizon), "customer" (no such customer) or "purpose"
    (a duplicate: queued or sent already)."""

    customer_id: int
    customer_name: str
    field: str
    message: str


@dataclass(frozen=True)
class BulkItem:
    recipient: Recipient
    draft: Draft
    language: str  # the template language used
    local_send_at: datetime | None  # the planned time in the recipient's zone (None: as soon as the pace allows)
    zone: str


@dataclass(frozen=True)
class BulkPlan:
    template_key: str
    account_id: int
    purpose: str
    items: tuple[BulkItem, ...]
    problems: tuple[BulkProblem, ...]
    duplicates: tuple[BulkProblem, ...]

    @property
    def drafts(self) -> tuple[Draft, ...]:
        return tuple(item.draft for item in self.items)


@dataclass(frozen=True)
class QueueResult:
    entries: tuple[OutboxEntry, ...]
    duplicates: tuple[int, ...]  # customer ids queued meanwhile by someone else for the same purpose: left out


def greeting_purpose(greeting_id: str, year: int) -> str:
    """The purpose key of a greeting: "greeting:christmas:2026" is queued once per customer."""
    return f"greeting:{greeting_id}:{year}"


def queued_for(purpose: str, customer_ids: Iterable[int]) -> set[int]:
    """The customers with an outbox entry for `purpose` that is not cancelled."""
    ids = list(customer_ids)
    if not purpose or not ids:
        return set()
    return {row.customer_id for row in OutboxMessage.select(OutboxMessage.customer).where(
        OutboxMessage.purpose == purpose, OutboxMessage.customer.in_(ids), OutboxMessage.state.in_(HOLDING_STATES))}


def _taken(account_id: int, clock: Clock) -> list[datetime]:
    """The account's planned send times still ahead (what its queue holds): the plan keeps its pace with them."""
    since = clock.now() - timedelta(days=1)
    return [row.send_at for row in OutboxMessage.select(OutboxMessage.send_at).where(
        OutboxMessage.account == account_id, OutboxMessage.send_at.is_null(False), OutboxMessage.send_at >= since,
        OutboxMessage.state.in_([OutboxState.QUEUED.value, OutboxState.PAUSED.value]))]


def entry_values(customer_id: int, kind: str, clock: Clock) -> dict[str, str]:
    """entry.summary and entry.date of the customer's latest timeline entry of `kind` ("quotation", "sample");
    {} when there is none (a chaser template then names the missing field)."""
    row = (Interaction.select().where(Interaction.customer == customer_id, Interaction.kind == kind)
           .order_by(Interaction.occurred_at.desc(), Interaction.id.desc()).first())
    if row is None:
        return {}
    return {"entry.summary": row.summary, "entry.date": row.occurred_at.astimezone(clock.zone).date().isoformat()}


def _at(at: str | datetime) -> str | datetime:
    if isinstance(at, datetime):
        if at.tzinfo is None:
            raise ValidationError("at", "a send time needs its time zone")
        return at.astimezone(timezone.utc)
    if at not in (AT_LOCAL_MORNING, AT_NOW):
        raise ValidationError("at", f'"{at}" is not {AT_LOCAL_MORNING}, {AT_NOW} or a time')
    return at


def plan_bulk(customer_ids: Sequence[int], template_key: str, account_id: int, clock: Clock, *,
              at: str | datetime = AT_LOCAL_MORNING, holiday: Holiday | None = None, greeting_id: str = "",
              purpose: str = "manual", extra: Mapping[str, str] | None = None,
              contact_ids: Mapping[int, int] | None = None, not_before: datetime | None = None,
              cancel_on_reply: bool = False, skip_customers: Mapping[int, str] | None = None,
              taken: Sequence[datetime] = ()) -> BulkPlan:
    """One draft per customer from `template_key` in the customer's language, with its send time: the customer's
    next allowed morning (`at` = "local-morning"), as soon as the pace allows ("now"), or a given instant.
    Nothing is written; `queue_plan` queues the result. `purpose` other than "manual" is queued once per
    customer; `skip_customers` lists customers to leave out with the reason (greeted already); `taken` are send
    times of other plans about to be queued on the same account (the pace counts them)."""
    at = _at(at)
    get_template(template_key)  # an unknown key fails before anything else
    if MailAccount.get_or_none(MailAccount.id == account_id) is None:
        raise ValidationError("account", f"no mail account {account_id}")
    sender = sender_profile(account_id)
    ids = list(dict.fromkeys(customer_ids))
    recipients = {r.customer_id: r for r in load_recipients(ids, contact_ids=contact_ids)}
    holding = queued_for(purpose, ids) if purpose != "manual" else set()
    problems: list[BulkProblem] = []
    duplicates: list[BulkProblem] = []
    ready: list[tuple[Recipient, Draft, str]] = []
    entry_kind = ENTRY_KINDS.get(template_kind(template_key))
    versions: dict[str, MailTemplate] = {}  # the template per language, read once
    for cid in ids:
        recipient = recipients.get(cid)
        if recipient is None:
            problems.append(BulkProblem(cid, "", "customer", f"no customer with id {cid}"))
            continue
        if cid in (skip_customers or {}):
            duplicates.append(BulkProblem(cid, recipient.customer_name, "purpose", skip_customers[cid]))
            continue
        if cid in holding:
            duplicates.append(BulkProblem(cid, recipient.customer_name, "purpose",
                                          f"{recipient.label}: queued or sent already ({purpose})"))
            continue
        if not recipient.email:
            problems.append(BulkProblem(cid, recipient.customer_name, "email",
                                        f"{recipient.label}: no email address on file"))
            continue
        values = dict(extra or {})
        if entry_kind and "entry.date" not in values:
            values = {**entry_values(cid, entry_kind, clock), **values}
        if recipient.language not in versions:
            versions[recipient.language] = get_template(template_key, recipient.language)
        tpl = versions[recipient.language]
        try:
            mail = render_template(template_key, recipient, sender, holiday=holiday, extra=values, template=tpl)
        except MergeError as exc:
            problems.append(BulkProblem(cid, recipient.customer_name, exc.merge_field, str(exc)))
            continue
        language = tpl.language
        if not mail.subject.strip():
            problems.append(BulkProblem(cid, recipient.customer_name, "subject",
                                        f"{recipient.label}: the template {template_key} has no subject"))
            continue
        draft = Draft(account_id, (Address(recipient.email, recipient.contact_name),), mail.subject, mail.text,
                      html=mail.html, customer_id=cid, contact_id=recipient.contact_id,
                      template=f"{template_key}/{language}", purpose=purpose, cancel_on_reply=cancel_on_reply)
        ready.append((recipient, draft, language))
    items = _schedule(ready, account_id, clock, at, greeting_id, not_before, problems, taken)
    return BulkPlan(template_key, account_id, purpose, tuple(items), tuple(problems), tuple(duplicates))


def _schedule(ready: list[tuple[Recipient, Draft, str]], account_id: int, clock: Clock, at: str | datetime,
              greeting_id: str, not_before: datetime | None, problems: list[BulkProblem],
              taken: Sequence[datetime]) -> list[BulkItem]:
    if at == AT_NOW or isinstance(at, datetime):
        send_at = None if at == AT_NOW else at
        return [BulkItem(r, Draft(**{**d.__dict__, "send_at": send_at}), lang, None, "") for r, d, lang in ready]
    requests = [PlanRequest(i, r.country, greeting_id=greeting_id, not_before=not_before)
                for i, (r, _d, _lang) in enumerate(ready)]
    plan = plan_sends(requests, clock, settings=account_plan_settings(account_id), taken=[*_taken(account_id, clock), *taken],
                      rules=load_greeting_rules())
    items = []
    for (recipient, draft, language), send in zip(ready, plan, strict=True):
        if send.send_at is None:
            problems.append(BulkProblem(recipient.customer_id, recipient.customer_name, "send_at",
                                        f"{recipient.label}: no working morning in sight to send on"))
            continue
        items.append(BulkItem(recipient, Draft(**{**draft.__dict__, "send_at": send.send_at}), language,
                              send.local, send.zone))
    return items


def plan_greeting(reminder_id: int, account_id: int, clock: Clock, *, at: str | datetime = AT_LOCAL_MORNING,
                  customer_ids: Iterable[int] | None = None, taken: Sequence[datetime] = ()) -> BulkPlan:
    """The greeting a holiday reminder is for, to each customer it lists (or those of `customer_ids` among
    them) who is not greeted yet, at their morning; the holiday's own day is allowed."""
    plan = greeting_plan(reminder_id)
    wanted = set(customer_ids) if customer_ids is not None else None
    people = [r for r in plan.recipients if wanted is None or r.customer_id in wanted]
    year = (plan.on or clock.now().astimezone(clock.zone).date()).year
    return plan_bulk(
        [r.customer_id for r in people], greeting_key(plan.greeting_id), account_id, clock, at=at,
        holiday=Holiday(plan.holiday, plan.on, plan.country), greeting_id=plan.greeting_id,
        purpose=greeting_purpose(plan.greeting_id, year),
        skip_customers={r.customer_id: f"{r.company}: greeted already" for r in people if r.greeted}, taken=taken)


def plan_greetings(reminder_ids: Iterable[int], account_id: int, clock: Clock, *,
                   at: str | datetime = AT_LOCAL_MORNING) -> list[BulkPlan]:
    """plan_greeting for several reminders (Christmas in twelve countries), one pace for all of them."""
    plans: list[BulkPlan] = []
    for reminder_id in reminder_ids:
        taken = [i.draft.send_at for p in plans for i in p.items if i.draft.send_at is not None]
        plans.append(plan_greeting(reminder_id, account_id, clock, at=at, taken=taken))
    return plans


def find_greeting_reminders(key: str) -> list[int]:
    """The open greeting reminders `key` names, soonest first: a reminder id ("42"), a reminder key
    ("greeting:SA:eid_al_fitr:2026-03-20"), a greeting id ("christmas": every country's) or "SA:eid_al_fitr"."""
    key = key.strip()
    query = Reminder.select(Reminder.id, Reminder.key).where(Reminder.kind == "greeting",
                                                             Reminder.state.not_in(["done", "dismissed"]))
    if key.isdigit():
        return [row.id for row in query.where(Reminder.id == int(key))]
    found = []
    for row in query.order_by(Reminder.due_on, Reminder.id):
        parts = row.key.split(":")  # greeting:<country>:<greeting id>:<day>
        if len(parts) != 4:
            continue
        if key.startswith("greeting:"):
            if row.key == key:
                found.append(row.id)
        elif key.casefold() in (parts[2], f"{parts[1]}:{parts[2]}".casefold()):
            found.append(row.id)
    return found


def queue_plans(plans: Sequence[BulkPlan], clock: Clock) -> list[QueueResult]:
    """queue_plan for each plan, all in one transaction."""
    with database.atomic():
        return [queue_plan(plan, clock) for plan in plans]


def queue_plan(plan: BulkPlan, clock: Clock) -> QueueResult:
    """Queue the plan's drafts in one transaction; a customer queued for the same purpose since the plan was
    made (another window, another laptop of a team) is left out, never queued twice."""
    with database.atomic():
        holding = queued_for(plan.purpose, [i.recipient.customer_id for i in plan.items]) if plan.purpose != "manual" else set()
        drafts = [item.draft for item in plan.items if item.recipient.customer_id not in holding]
        entries = queue_drafts(drafts, clock) if drafts else []
    return QueueResult(tuple(entries), tuple(sorted(holding)))

