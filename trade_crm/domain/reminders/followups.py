"""Follow-up rules: the planned follow-up day, the keep-in-touch cadence, unanswered and expired quotations.

Each rule is one set-based query over the whole book (no query per customer), then a pass in Python
for what SQL cannot say cheaply: the user's calendar day of an instant, in their time zone.

- The customer's follow-up day, as domain/reminders/due.py defines it: the planned day
  (`customer.follow_up_on`, set by hand or from an interaction's "next follow-up") unless the customer
  was contacted on or after it; otherwise the cadence of their rating (A 14, B 30, C 90 days; or their
  own) from the last logged contact: logging a call moves the next follow-up, no manual step.
- A quotation that is still the newest contact `quotation_reply_days` later needs a chaser.
- A quotation past its validity, with no order and no newer quotation since, needs a follow-up.

Follow-up keys hold the due day ("follow_up:customer:7:2026-11-23"), so a follow-up that moves is a new
reminder; the reminder for the old day is closed when the rules stop proposing it (see reminder_sync).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, tzinfo
from functools import partial

from trade_crm.domain.reminders.candidate import (
    LocalDays,
    ReminderCandidate,
    SharedDays,
    day_start_utc,
    plural,
)
from trade_crm.domain.reminders.due import CUSTOMER_FOLLOW_UP, follow_up_sql, follow_ups_settled
from trade_crm.domain.reminders.settings import ReminderSettings
from trade_crm.store.changes import CHANGED_IDS_SQL
from trade_crm.store.models import CONTACT_KINDS, database
from trade_crm.store.sql import dialect


def only_customers(column: str, only: Sequence[int] | None) -> tuple[str, list[int]]:
    """An extra condition that keeps a rule to the given customers (none: the whole book)."""
    if only is None:
        return "", []
    return f" AND {column} IN ({','.join('?' * len(only))})", list(only)


def _planned_and_cadence(today: date, end: date, zone: tzinfo, settings: ReminderSettings,
                         only: Sequence[int] | None = None) -> list[ReminderCandidate]:
    """One reminder per customer whose follow-up day (domain/reminders/due.py) is on or before `end`."""
    noon = datetime.combine(today, time(12), tzinfo=zone)
    if only is None and follow_ups_settled(settings, zone, noon):  # the index picks them: 31k of 100k
        return (_settled(today, end, noon, settings)
                + _by_the_rule(today, end, zone, settings, noon, f" AND c.id IN ({CHANGED_IDS_SQL})", []))
    which, ids = only_customers("c.id", only)
    return _by_the_rule(today, end, zone, settings, noon, which, ids)


def _by_the_rule(today: date, end: date, zone: tzinfo, settings: ReminderSettings, noon: datetime, which: str,
                 ids: list[int]) -> list[ReminderCandidate]:
    """The customers picked by `which` whose follow-up day, by the rule in SQL, is on or before `end`."""
    sql = follow_up_sql(settings, zone, noon)
    rows = database.execute_sql(
        f"SELECT * FROM (SELECT c.id, c.name, c.rating, {sql.day[0]} AS due, {sql.planned[0]}, {sql.cadence[0]}, "
        f"{sql.since[0]}, c.last_contact_at IS NOT NULL FROM customer c WHERE c.lost = FALSE{which}) AS f WHERE due <= ?",
        [*sql.day[1], *sql.planned[1], *sql.cadence[1], *sql.since[1], *ids, end.isoformat()])  # streamed
    own, told, key, out = settings.customer_cadence, ReminderCandidate.told, CUSTOMER_FOLLOW_UP, []
    shared = SharedDays()
    for cid, name, rating, due_text, planned, days, since_text, contacted in rows:
        due_text, since_text = shared.text(due_text), shared.text(since_text)
        out.append(told(_say_follow_up, (today, name, due_text, planned, days, since_text, contacted,
                                         "own" if cid in own else rating), f"{key}{cid}:{due_text}", "follow_up",
                        shared.day(due_text), cid))
    return out


def _settled(today: date, end: date, noon: datetime, settings: ReminderSettings) -> list[ReminderCandidate]:
    """The customers not changed since the last sync whose day has come: their `follow_up_on` is the rule's
    day (settled), so the index picks them and the facts the texts need wait until the texts are read."""
    shift = noon.utcoffset()
    shift = timedelta(minutes=int(shift.total_seconds() // 60)) if shift else timedelta(0)
    # The index picks the ids; the rows are then read in id order, each table page once (46 vs 61 ms on
    # 100k after a sync, whose written pages crowd the page cache: in the index's order pages are read again).
    rows = database.execute_sql(
        "SELECT id, name, rating, follow_up_on, last_contact_at, created_at FROM customer "
        "WHERE id IN (SELECT id FROM customer WHERE follow_up_on <= ? AND lost = FALSE) "
        f"AND id NOT IN ({CHANGED_IDS_SQL})",
        (end.isoformat(),))
    told, key, pair = ReminderCandidate.told, CUSTOMER_FOLLOW_UP, SharedDays().pair
    say = partial(_say_settled, today, shift, settings)  # what every candidate shares, bound once
    out = []
    for cid, name, rating, due_text, last, created in rows:
        due_text, due = pair(due_text)
        out.append(told(say, (cid, name, rating, due_text, last, created), f"{key}{cid}:{due_text}", "follow_up",
                        due, cid))
    return out


def _say_settled(today: date, shift: timedelta, settings: ReminderSettings, cid: int, name: str, rating: str | None,
                 due_text: str, last: str | None, created: str) -> tuple[str, str, dict]:
    """The texts of a settled follow-up: the facts `follow_up_sql` gives, worked out in Python."""
    def day_of(stored: str) -> str:  # SQLite's date(stored, '+N minutes')
        return (datetime.fromisoformat(stored[:19]) + shift).date().isoformat()

    planned = last is None or day_of(last) < due_text  # follow_up_on is set: it is due_text
    own = settings.customer_cadence
    days = own[cid] if cid in own else (settings.cadence.get(rating, 0) if rating is not None else 0)
    return _say_follow_up(today, name, due_text, planned, days, day_of(last or created), last is not None,
                          "own" if cid in own else rating)


def _say_follow_up(today: date, name: str, due_text: str, planned: int, days: int, since_text: str,
                   contacted: int, basis: str | None) -> tuple[str, str, dict]:
    # a planned day that is also the cadence's day is said as cadence
    if planned and not (days and date.fromisoformat(since_text) + timedelta(days=days) == date.fromisoformat(due_text)):
        return _say_planned(name, due_text)
    return _say_cadence(today, name, days, since_text, contacted, basis)


def _say_planned(name: str, due_text: str) -> tuple[str, str, dict]:
    return f"Follow up with {name}", "The follow-up day you planned.", {"rule": "planned", "on": due_text}


def _say_cadence(today: date, name: str, days: int, since_text: str, contacted: int, basis: str | None
                 ) -> tuple[str, str, dict]:
    ago = (today - date.fromisoformat(since_text)).days
    what = f"last contact {plural(ago, 'day', 'days')} ago" if contacted else "no contact logged yet"
    who = "their own cadence" if basis == "own" else f"{basis} customers"
    return (f"Keep in touch with {name}", f"Every {plural(days, 'day', 'days')} ({who}); {what}.",
            {"rule": "cadence", "every": days, "since": since_text, "contacted": bool(contacted), "basis": basis})


# A quotation entry whose quotation (domain/quotes) was accepted, rejected, superseded or ordered is settled:
# no chaser follows it up. An entry no quotation row names (logged by hand) is chased as before.
SETTLED_QUOTATION = (" AND NOT EXISTS (SELECT 1 FROM quotation q WHERE q.interaction_id = i.id "
                     "AND q.status IN ('accepted', 'rejected', 'superseded', 'ordered'))")


def _unanswered_quotations(today: date, end: date, zone: tzinfo, settings: ReminderSettings,
                           only: Sequence[int] | None = None) -> list[ReminderCandidate]:
    wait = settings.quotation_reply_days
    which, ids = only_customers("i.customer_id", only)
    # The quotations sent in the window that are still their customer's newest contact: the quotations' index
    # (store migration 19) read once, whole or for the `only` customers, and the customer of each in the
    # window, by its id (13 vs 21 ms on 100k with the customers by their last contact first).
    window = (day_start_utc(end - timedelta(days=wait - 1), zone),
              day_start_utc(today - timedelta(days=wait + settings.quotation_expiry_window), zone))
    rows = database.execute_sql(
        "SELECT i.id, c.id, c.name, i.occurred_at FROM interaction i CROSS JOIN customer c "
        "WHERE i.kind = 'quotation' AND i.occurred_at < ? AND i.occurred_at >= ? AND c.id = i.customer_id "
        f"AND c.last_contact_at = i.occurred_at AND c.lost = FALSE{SETTLED_QUOTATION}{which}",
        (*window, *ids)).fetchall()
    rows = sorted(rows + _quotations_followed_by_sent_mail(window, which, ids))
    out, seen = [], set()
    days_of = LocalDays(zone, (r[3] for r in rows))
    for interaction_id, cid, name, occurred in rows:
        if cid in seen:
            continue
        seen.add(cid)
        sent = days_of.of(occurred)
        due = sent + timedelta(days=wait)
        out.append(ReminderCandidate(
            f"follow_up:quotation:{interaction_id}:{due.isoformat()}", "follow_up", due,
            f"No reply to the quotation sent to {name}",
            f"Quotation sent on {sent.isoformat()}; nothing logged since.", customer_id=cid,
            payload={"rule": "quotation_reply", "interaction_id": interaction_id, "sent": sent.isoformat()}))
    return out


def _quotations_followed_by_sent_mail(window: tuple[str, str], which: str, ids: list[int]) -> list[tuple]:
    """The quotations in the window after which only mail the user sent was logged (#19): still unanswered.
    Mail out is contact (it restarts the cadence) but no reply; the rule above sees only a quotation that is
    the newest contact. Read only in a book that holds mail sent to customers."""
    if database.execute_sql("SELECT 1 FROM mail_link WHERE direction = 'out' LIMIT 1").fetchone() is None:
        return []
    later = ("SELECT 1 FROM interaction j WHERE j.customer_id = i.customer_id AND j.occurred_at > i.occurred_at "
             f"AND j.kind IN ({','.join('?' * len(CONTACT_KINDS))})")
    sent = "SELECT 1 FROM mail_link ml WHERE ml.interaction_id = j.id AND ml.direction = 'out'"
    return database.execute_sql(
        "SELECT i.id, c.id, c.name, i.occurred_at FROM interaction i JOIN customer c ON c.id = i.customer_id "
        "WHERE i.kind = 'quotation' AND i.occurred_at < ? AND i.occurred_at >= ? AND c.lost = FALSE "
        "AND c.last_contact_at > i.occurred_at "
        f"AND EXISTS ({later} AND EXISTS ({sent})) AND NOT EXISTS ({later} AND NOT EXISTS ({sent}))"
        f"{SETTLED_QUOTATION}{which}",
        (*window, *sorted(CONTACT_KINDS), *sorted(CONTACT_KINDS), *ids)).fetchall()


def _expired_quotations(today: date, end: date, settings: ReminderSettings,
                        only: Sequence[int] | None = None) -> list[ReminderCandidate]:
    which, ids = only_customers("i.customer_id", only)
    # The quotations' index (store migration 19) holds each one's customer, day sent and validity: the window is
    # read from it, then a newer order, quotation or 'order' entry is looked for, each by an index of its own,
    # and the customer is read last (22 ms on 100k; 41 when each quotation's row was read from the timeline).
    later = ("SELECT 1 FROM interaction j WHERE j.customer_id = i.customer_id AND j.kind = '{}' "
             "AND j.occurred_at > i.occurred_at")
    rows = database.execute_sql(
        "SELECT i.id, c.id, c.name, i.valid_until, i.occurred_at FROM interaction i CROSS JOIN customer c "
        "WHERE i.kind = 'quotation' AND i.valid_until IS NOT NULL AND i.valid_until < ? AND i.valid_until >= ? "
        "AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = i.customer_id "  # i's, not c's: tested
        f"                AND o.ordered_on >= {dialect(database).date_of('i.occurred_at')}) "
        f"AND NOT EXISTS ({later.format('quotation')}) AND NOT EXISTS ({later.format('order')}) "
        f"AND c.id = i.customer_id AND c.lost = FALSE{SETTLED_QUOTATION}{which}",
        (end.isoformat(), (today - timedelta(days=settings.quotation_expiry_window)).isoformat(), *ids)).fetchall()
    told, day, out = ReminderCandidate.told, SharedDays().day, []  # texts made when read, as the others
    for interaction_id, cid, name, valid_until, _occurred in rows:
        expired = day(valid_until)
        valid_until = expired.isoformat()  # as the date says it, whatever text the column held
        out.append(told(_say_expired, (name, interaction_id, valid_until),
                        f"follow_up:quotation_expired:{interaction_id}:{valid_until}", "follow_up",
                        expired + timedelta(days=1), cid))
    return out


def _say_expired(name: str, interaction_id: int, valid_until: str) -> tuple[str, str, dict]:
    return (f"Quotation for {name} has expired",
            f"Valid until {valid_until}; no order since. Renew it or ask for a decision.",
            {"rule": "quotation_expired", "interaction_id": interaction_id, "valid_until": valid_until})


def follow_up_candidates(today: date, end: date, zone: tzinfo, settings: ReminderSettings,
                         only: Sequence[int] | None = None) -> list[ReminderCandidate]:
    """Every follow-up due on or before `end`, as seen on `today` in `zone` (of the `only` customers)."""
    return (_planned_and_cadence(today, end, zone, settings, only)
            + _unanswered_quotations(today, end, zone, settings, only)
            + _expired_quotations(today, end, settings, only))
