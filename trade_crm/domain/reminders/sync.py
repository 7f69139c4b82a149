"""Bringing the Reminder table up to date with the rules, and previewing any day without writing.

`sync_reminders(clock)` saves every candidate the rules propose for the user's today by its stable key,
in one transaction: a new key is a new reminder (raised once); a known key is left in its state, so done
and dismissed never come back. A snoozed reminder whose time has come is opened again and raised. A rule
reminder the rules no longer propose (the follow-up moved because a call was logged, the customer ordered
again, the holiday is over) is closed as done: what is open is always what the rules say now. First it
settles every customer's follow-up day (domain/reminders/due.py), so the list shows the day reminded of.

Incremental: a sync on the same day, zone offset and settings as the last one computes only the customers
changed since (store/changes.py: a set that triggers fill, cleared by the sync that handled it) and the
reminders that span the book (greetings, closure notices); with nothing changed it only wakes snoozed
reminders and counts. A new day computes every reminder but settles only the changed customers' follow-up
days (the rule reads the zone's offset, not the day); other settings, another offset or a change to more
than FULL_ABOVE customers settles and computes all.

`preview_reminders(day, now)` answers "what would the window show on that day" from the same rules and
the stored states, writing nothing: the command line uses it to check any date.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from trade_crm.domain.clock import Clock
from trade_crm.domain.clock import today as today_of
from trade_crm.domain.reminders.candidate import ReminderCandidate
from trade_crm.domain.reminders.due import (
    due_by_kind,
    event_day,
    follow_ups_settled,
    settle_basis,
    settle_follow_ups,
)
from trade_crm.domain.reminders.records import DueReminder, payload_ids
from trade_crm.domain.reminders.rules import RULES, compute_reminders
from trade_crm.domain.reminders.settings import LAST_SYNC, SYNC_BASIS, ReminderSettings
from trade_crm.store.changes import changed_customers, clear_changes
from trade_crm.store.db import small_page_cache
from trade_crm.store.models import database
from trade_crm.store.sql_rows import insert_ignore

log = logging.getLogger(__name__)

RULE_KEY_PREFIXES = ("follow_up:customer:", "follow_up:quotation:", "follow_up:quotation_expired:",
                     "greeting:", "notice:closure:", "birthday:contact:", "dormant:customer:")
_STAMP = "%Y-%m-%d %H:%M:%S"
_CHUNK = 500
FULL_ABOVE = 5000  # changed customers beyond which one pass over the book is quicker than by the id


@dataclass(frozen=True)
class SyncResult:
    """What a sync did: the reminders raised now (new, or back from a snooze) and how many are due."""

    today: date
    new: list[DueReminder]
    due_count: int
    closed: int = 0  # rule reminders closed because the rules no longer propose them
    settled: int = 0  # customers whose follow-up day the sync moved (their list rows changed)


@dataclass(frozen=True)
class ReminderItem:
    """One line of "what is due", as the command line and the calendar export show it."""

    key: str
    kind: str
    due: date
    title: str
    customer_ids: tuple[int, ...]
    state: str
    detail: str = ""
    event: date | None = None  # the holiday's or birthday's own day, for a greeting or birthday


def _payload_json(candidate: ReminderCandidate, payload: dict | None = None) -> str:
    data = dict(candidate.payload if payload is None else payload)
    if candidate.customer_ids:
        data["customer_ids"] = list(candidate.customer_ids)
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _new_row(c: ReminderCandidate, stamp: str) -> tuple:
    title, detail, payload = c.texts()  # made once, here: most candidates are never saved
    return (c.key, c.kind, c.due_on.isoformat(), c.customer_id, title, detail, _payload_json(c, payload), "open",
            stamp, stamp)


_NEW_COLUMNS = ("key", "kind", "due_on", "customer_id", "title", "detail", "payload", "state", "created_at",
                "updated_at")


def _stamp(instant: datetime) -> str:
    return instant.astimezone(timezone.utc).strftime(_STAMP)


# The keys each rule raises (together RULE_KEY_PREFIXES): a sync saves and closes rule by rule.
KEYS_OF_RULE = {"follow_up": RULE_KEY_PREFIXES[:3], "greeting": ("greeting:",), "notice": ("notice:closure:",),
                "birthday": ("birthday:contact:",), "dormant": ("dormant:customer:",)}


def _rule_key_sql(prefixes: tuple[str, ...] = RULE_KEY_PREFIXES) -> tuple[str, list[str]]:
    return "(" + " OR ".join("key LIKE ?" for _ in prefixes) + ")", [p + "%" for p in prefixes]


def _chunks(items: list, size: int = _CHUNK):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def sync_reminders(clock: Clock, settings: ReminderSettings | None = None, *, full: bool = False
                   ) -> SyncResult:
    """Save what the rules propose for the user's today; return what was raised and the due count.
    Only what changed since the last sync is computed (module docstring); `full` computes everything."""
    day, now = today_of(clock), clock.now()
    settings = settings or ReminderSettings.load()
    noon = datetime.combine(day, time(12), tzinfo=clock.zone)
    basis = {**settle_basis(settings, clock.zone, noon), "day": day.isoformat()}
    stamp = _stamp(now)
    with database.atomic("IMMEDIATE"), small_page_cache():  # the change set read here is the one cleared below
        settled = not full and follow_ups_settled(settings, clock.zone, noon)
        changed = changed_customers(FULL_ABOVE) if settled else None
        only = changed if SYNC_BASIS.read().get("day") == basis["day"] else None
        computing = only != []
        moved = settle_follow_ups(settings, clock.zone, noon, changed) if computing else 0
        before = database.execute_sql("SELECT coalesce(max(id), 0) FROM reminder").fetchone()[0]
        woke = [i for (i,) in database.execute_sql(
            "SELECT id FROM reminder WHERE state = 'snoozed' AND snoozed_until <= ?", (stamp,))]
        for ids in _chunks(woke):
            database.execute_sql(f"UPDATE reminder SET state = 'open', snoozed_until = NULL, updated_at = ? "
                                 f"WHERE id IN ({','.join('?' * len(ids))})", [stamp, *ids])
        stale: list[int] = []
        for rule in RULES if computing else ():  # one rule's reminders in memory at a time, not all 57k
            stale += _save(compute_reminders(day, clock.zone, settings, rules=(rule,), only=only), only, stamp,
                           *_rule_key_sql(KEYS_OF_RULE[rule]))
        created = [i for (i,) in database.execute_sql("SELECT id FROM reminder WHERE id > ?", (before,))]
        clear_changes()
        SYNC_BASIS.write(basis)
        LAST_SYNC.write(now.astimezone(timezone.utc).isoformat())
        due_count = count_due(day, now)
    raised = [r for r in reminders_by_id(created + woke) if r.state == "open"]
    scope = "nothing changed" if not computing else (
        "every customer" if only is None else f"{len(only)} changed customers")
    log.info("reminders synced for %s (%s): %d new, %d woke, %d closed, %d due, %d follow-up days moved", day,
             scope, len(created), len(woke), len(stale), due_count, moved)
    return SyncResult(today=day, new=raised, due_count=due_count, closed=len(stale), settled=moved)


def _save(candidates: list[ReminderCandidate], only: list[int] | None, stamp: str, like: str,
          like_params: list[str]) -> list[int]:
    """Insert the new candidates, update changed texts, close the rule reminders no longer proposed:
    of every customer, or with `only` of those customers and of the reminders about no one customer
    (greetings, closure notices), which are computed whole each time. The closed ids."""
    wanted = {c.key: c for c in candidates}
    del candidates  # `wanted` alone holds them now, and lets each go once its saved reminder is seen
    scope, scope_params = "", []
    if only is not None:
        scope = f" AND (customer_id IS NULL OR customer_id IN ({','.join('?' * len(only))}))" if only else \
            " AND customer_id IS NULL"
        scope_params = list(only)
    stale, changed = [], []
    for rid, key, title, detail in database.execute_sql(
            f"SELECT id, key, title, detail FROM reminder WHERE state IN ('open', 'snoozed') AND {like}{scope}",
            [*like_params, *scope_params]):
        fresh = wanted.pop(key, None)  # what is left in `wanted` then is not open: new, or done before
        if fresh is None:
            stale.append(rid)
            continue
        if fresh.texts()[:2] != (title, detail):  # the payload the texts are made from, too
            changed.append((rid, fresh))  # not its texts: a new day changes 30k details ("N days ago")
    for ids in _chunks(stale):
        database.execute_sql(f"UPDATE reminder SET state = 'done', snoozed_until = NULL, updated_at = ? "
                             f"WHERE id IN ({','.join('?' * len(ids))})", [stamp, *ids])
    database.cursor().executemany("UPDATE reminder SET title = ?, detail = ?, payload = ? WHERE id = ?",
                                  (_changed_row(rid, c) for rid, c in changed))  # made again, row by row
    # a known key (done and dismissed too) is ignored: raised once
    insert_ignore("reminder", _NEW_COLUMNS, (_new_row(c, stamp) for c in wanted.values()))
    return stale


def _changed_row(rid: int, c: ReminderCandidate) -> tuple:
    title, detail, payload = c.texts()
    return title, detail, _payload_json(c, payload), rid


def count_due(day: date, now: datetime) -> int:
    """How many reminders the pane shows: open and due by `day`, or snoozed until before `now`."""
    return sum(due_by_kind(day.isoformat(), _stamp(now)).values())


def reminders_by_id(ids: list[int]) -> list[DueReminder]:
    """The given reminders as the pane shows them, in the pane's order (due day, kind, id)."""
    out = []
    for chunk in _chunks(sorted(set(ids))):
        out += [
            DueReminder(id=rid, key=key, kind=kind, due_on=date.fromisoformat(due), title=title, detail=detail,
                        customer_id=cid, customer_name=name or "", state=state, customer_ids=payload_ids(payload),
                        payload_text=payload or "{}")
            for rid, key, kind, due, title, detail, cid, name, state, payload in database.execute_sql(
                "SELECT r.id, r.key, r.kind, r.due_on, r.title, r.detail, r.customer_id, c.name, r.state, r.payload "
                "FROM reminder r LEFT JOIN customer c ON c.id = r.customer_id "
                f"WHERE r.id IN ({','.join('?' * len(chunk))})", chunk)
        ]
    return sorted(out, key=lambda r: (r.due_on, r.kind, r.id))


def last_sync() -> datetime | None:
    text = LAST_SYNC.read()
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def preview_now(day: date, clock: Clock) -> datetime:
    """The instant a preview of `day` stands for: now when it is today, else the end of that day."""
    if day == today_of(clock):
        return clock.now()
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=clock.zone) - timedelta(seconds=1)


def preview_reminders(day: date, now: datetime, zone: tzinfo, settings: ReminderSettings | None = None, *,
                      horizon_days: int = 0) -> list[ReminderItem]:
    """What the reminder pane would list on `day` (and, with a horizon, what falls due after it), read-only.

    Rule reminders come from the rules with their stored state (done and dismissed are left out; a
    snoozed one shows once its time has come); other stored reminders are listed as they are.
    """
    candidates = compute_reminders(day, zone, settings, horizon_days=horizon_days)
    stamp, end = _stamp(now), day + timedelta(days=max(0, horizon_days))
    known: dict[str, tuple[str, str | None]] = {}
    keys = [c.key for c in candidates]
    for chunk in _chunks(keys):
        for key, state, until in database.execute_sql(
                f"SELECT key, state, snoozed_until FROM reminder WHERE key IN ({','.join('?' * len(chunk))})", chunk):
            known[key] = (state, until)
    items = []
    for c in candidates:
        state, until = known.get(c.key, ("open", None))
        if state in ("done", "dismissed") or (state == "snoozed" and until and until > stamp):
            continue
        items.append(_item(c))
    like, like_params = _rule_key_sql()
    for key, kind, due, title, detail, cid, payload in database.execute_sql(
            "SELECT key, kind, due_on, title, detail, customer_id, payload FROM reminder "
            f"WHERE NOT {like} AND ((state = 'open' AND due_on <= ?) OR (state = 'snoozed' AND snoozed_until <= ?))",
            [*like_params, end.isoformat(), stamp]):
        ids = payload_ids(payload) or ((cid,) if cid is not None else ())
        items.append(ReminderItem(key, kind, date.fromisoformat(due), title, ids, "open", detail))
    items.sort(key=lambda i: (i.due, i.kind, i.key))
    return items


def _item(c: ReminderCandidate) -> ReminderItem:
    title, detail, payload = c.texts()
    return ReminderItem(c.key, c.kind, c.due_on, title, c.all_customer_ids, "open", detail, event_day(c.kind, payload))
