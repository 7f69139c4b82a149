"""Preparing greetings from a holiday reminder: who to greet, in which language, and ticking them off.

Ticking a customer as greeted logs a "greeting" on their timeline (which also restarts their keep-in-touch
cadence); when every customer of the reminder is greeted, the reminder is done.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from urllib.parse import quote

from trade_crm.domain.clock import Clock
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.greetings.templates import customer_language
from trade_crm.store.models import Reminder, database

GREETED_SINCE_DAYS = 7  # a greeting logged up to a week before the reminder was due counts


@dataclass(frozen=True)
class GreetingRecipient:
    customer_id: int
    company: str
    country: str
    contact_id: int | None
    contact_name: str
    email: str
    language: str  # template language: the customer's preferred one, else their country's
    greeted: bool


@dataclass(frozen=True)
class GreetingPlan:
    reminder_id: int
    greeting_id: str
    holiday: str
    country: str
    on: date | None
    state: str
    recipients: tuple[GreetingRecipient, ...]

    @property
    def greeted_count(self) -> int:
        return sum(r.greeted for r in self.recipients)


def _payload(row: Reminder) -> dict:
    try:
        data = json.loads(row.payload or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _greeting_reminder(reminder_id: int) -> Reminder:
    row = Reminder.get_or_none(Reminder.id == reminder_id)
    if row is None:
        raise NotFoundError("reminder", reminder_id)
    if row.kind != "greeting":
        raise ValidationError("kind", "greetings are prepared from a holiday reminder")
    return row


def greeting_plan(reminder_id: int) -> GreetingPlan:
    """The customers a holiday reminder lists, with their contact, email, language and greeted tick."""
    row = _greeting_reminder(reminder_id)
    data = _payload(row)
    ids = [i for i in data.get("customer_ids", []) if isinstance(i, int)]
    ticked = {i for i in data.get("greeted", []) if isinstance(i, int)}
    since = datetime.combine(row.due_on - timedelta(days=GREETED_SINCE_DAYS), time(0), tzinfo=timezone.utc)
    recipients = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for cid, company, country, preferred, contact_id, person, email, logged in database.execute_sql(
                "SELECT c.id, c.name, coalesce(c.country, ''), c.preferred_language, ct.id, coalesce(ct.name, ''), "
                " (SELECT ch.value FROM contact_channel ch WHERE ch.contact_id = ct.id AND ch.kind = 'email' "
                "  ORDER BY ch.position, ch.id LIMIT 1), "
                " EXISTS (SELECT 1 FROM interaction i WHERE i.customer_id = c.id AND i.kind = 'greeting' "
                "  AND i.occurred_at >= ?) "
                "FROM customer c LEFT JOIN contact ct ON ct.id = (SELECT id FROM contact WHERE customer_id = c.id "
                "  ORDER BY is_primary DESC, id LIMIT 1) "
                f"WHERE c.id IN ({marks}) ORDER BY c.name COLLATE NOCASE, c.id",
                [since.strftime("%Y-%m-%d %H:%M:%S"), *chunk]):
            recipients.append(GreetingRecipient(
                customer_id=cid, company=company, country=country, contact_id=contact_id, contact_name=person,
                email=email or "", language=customer_language(preferred, country),
                greeted=cid in ticked or bool(logged)))
    recipients.sort(key=lambda r: (r.company.casefold(), r.customer_id))
    on = data.get("on")
    return GreetingPlan(reminder_id=row.id, greeting_id=str(data.get("greeting_id", "default")),
                        holiday=str(data.get("holiday", row.title)), country=str(data.get("country", "")),
                        on=date.fromisoformat(on) if isinstance(on, str) else None, state=row.state,
                        recipients=tuple(recipients))


def mark_greeted(reminder_id: int, customer_id: int, clock: Clock, *, contact_id: int | None = None) -> bool:
    """Log the greeting on the customer's timeline; True when that was the last one (the reminder is done)."""
    row = _greeting_reminder(reminder_id)
    data = _payload(row)
    ids = [i for i in data.get("customer_ids", []) if isinstance(i, int)]
    if customer_id not in ids:
        raise ValidationError("customer", f"customer {customer_id} is not on this greeting list")
    holiday = str(data.get("holiday", "Holiday"))
    with database.atomic():
        log_interaction(customer_id, "greeting", f"{holiday} greeting sent", clock, contact_id=contact_id)
        greeted = sorted({*(i for i in data.get("greeted", []) if isinstance(i, int)), customer_id})
        data["greeted"] = greeted
        done = set(ids) <= {r.customer_id for r in greeting_plan(reminder_id).recipients if r.greeted} | set(greeted)
        changes = {"payload": json.dumps(data, ensure_ascii=False, sort_keys=True), "updated_at": clock.now()}
        if done and row.state not in ("done", "dismissed"):
            changes.update(state="done", snoozed_until=None)
        Reminder.update(**changes).where(Reminder.id == reminder_id).execute()
    return done


def mailto_url(email: str, subject: str, body: str) -> str:
    """A mailto: link (RFC 6068) that opens a draft with this subject and body in the mail app."""
    def enc(text: str) -> str:
        return quote(text.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")
    return f"mailto:{quote(email.strip(), safe='@.+-_')}?subject={enc(subject)}&body={enc(body)}"
