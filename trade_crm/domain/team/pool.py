"""The public pool (公海): customers nobody follows up go back to it, and anyone may claim one from it.

A customer with no owner (owner NULL) is in the pool: every salesperson sees it and may claim it. The
pool rule returns a customer to the pool when its owner has not followed it up for N days: no
contact-kind entry (`last_contact_at`) in N days, or never contacted and created more than N days ago.
The clock starts again when a customer changes hands: a customer handed over or claimed N-1 days ago
stays with its new owner for one more day, even if nobody has called it for a year.

Claiming is safe against races in the database: two people claiming one customer at once, exactly one
wins (the UPDATE only takes a customer still in the pool; the second waits for the first's row lock and
then finds it taken); one person's concurrent claims take turns on a lock on their name, so the cap on
the customers one person may own holds. A laptop book has no owners, so none of this applies there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import TypeVar

from peewee import Database

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.team.handover import (
    KIND,
    TeamError,
    add_entries,
    chunks,
    require_server,
    server_refusal,
    stamp,
)
from trade_crm.store import pg_team
from trade_crm.store.models import database
from trade_crm.store.settings import SettingKey

log = logging.getLogger(__name__)
T = TypeVar("T")

POOL_ENABLED = SettingKey("pool.enabled", bool, False, "Return customers nobody follows up to the public pool")
POOL_DAYS = SettingKey("pool.days", int, 30, "Back to the pool after this many days without a follow-up")
POOL_CLAIM_CAP = SettingKey("pool.claim_cap", int, 200, "Claim from the pool only while owning fewer customers")
SETTING_KEYS = (POOL_ENABLED, POOL_DAYS, POOL_CLAIM_CAP)
MAX_DAYS = 3650
MAX_CAP = 1_000_000


@dataclass(frozen=True)
class PoolSettings:
    enabled: bool = False
    days: int = 30
    claim_cap: int = 200

    @classmethod
    def load(cls) -> PoolSettings:
        """The book's pool settings (defaults where none is stored)."""
        return cls(POOL_ENABLED.read(), max(1, POOL_DAYS.read()), max(0, POOL_CLAIM_CAP.read()))


def save_pool_settings(*, enabled: bool | None = None, days: int | None = None, claim_cap: int | None = None) -> None:
    """Validate and store the pool's settings (a manager's, on a server book)."""
    if days is not None and (isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_DAYS):
        raise ValidationError("days", f"give a number of days between 1 and {MAX_DAYS}")
    if claim_cap is not None and (isinstance(claim_cap, bool) or not isinstance(claim_cap, int)
                                  or not 0 <= claim_cap <= MAX_CAP):
        raise ValidationError("claim_cap", f"give a number of customers between 0 and {MAX_CAP}")
    for key, value in ((POOL_ENABLED, enabled), (POOL_DAYS, days), (POOL_CLAIM_CAP, claim_cap)):
        if value is not None:
            key.write(value)


@dataclass(frozen=True)
class PoolCustomer:
    id: int
    name: str
    country: str | None
    owner: str | None  # before it went back (in a release), else None: in the pool
    last_contact_at: datetime | None
    created_at: datetime


@dataclass(frozen=True)
class ReleaseResult:
    days: int
    cutoff: datetime  # customers without a follow-up since this instant went back
    dry_run: bool
    customers: tuple[PoolCustomer, ...]

    @property
    def count(self) -> int:
        return len(self.customers)

    __json_extra__ = ("count",)


@dataclass(frozen=True)
class ClaimResult:
    customer_id: int
    name: str
    person: str
    owned: int  # customers the person owns now, this one included
    cap: int


def _instant(value: str | None) -> datetime | None:
    return None if value is None else datetime.strptime(value[:19], "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc)


def _row(row: tuple) -> PoolCustomer:
    id_, name, country, owner, last_contact, created = row
    return PoolCustomer(id_, name, country, owner, _instant(last_contact), _instant(created))


def cutoff_for(day: date, days: int, zone: tzinfo = timezone.utc) -> datetime:
    """The start of the day `days` before `day`, in the user's zone, as UTC: no follow-up since is stale."""
    return datetime.combine(day - timedelta(days=days), time(0), tzinfo=zone).astimezone(timezone.utc)


STALE = ("owner IS NOT NULL AND coalesce(last_contact_at, created_at) < ? AND NOT EXISTS (SELECT 1 FROM interaction "
         "WHERE interaction.customer_id = customer.id AND interaction.kind = ? AND interaction.occurred_at >= ?)")
COLUMNS = "id, name, country, owner, last_contact_at, created_at"


def release_stale(db: Database, today: date, *, days: int, now: datetime, zone: tzinfo = timezone.utc,
                  owner: str | None = None, dry_run: bool = False) -> ReleaseResult:
    """Return to the pool every customer not followed up for `days` days (only `owner`'s, when given; a
    manager's run: everyone's), each with a timeline entry saying why; one transaction."""
    require_server(db, "the public pool")
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        raise ValidationError("days", f"give a number of days between 1 and {MAX_DAYS}")
    cutoff = cutoff_for(today, days, zone)
    since = stamp(cutoff)
    where, params = STALE, [since, KIND, since]
    if owner is not None:
        where, params = f"owner = ? AND {STALE}", [owner, *params]
    with server_refusal("the server refused to return customers to the pool: a salesperson may return only "
                        "their own customers; nothing was changed"):
        with db.atomic("IMMEDIATE"):
            if dry_run:
                found = [_row(r) for r in db.execute_sql(
                    f"SELECT {COLUMNS} FROM customer WHERE {where} ORDER BY id", params)]
                return ReleaseResult(days, cutoff, True, tuple(found))
            gone = sorted((_row(r) for r in _lock(db, where, params, COLUMNS)), key=lambda c: c.id)
            add_entries(db, [c.id for c in gone],
                        [f"Returned to the pool: not followed up for {days} days (owner {c.owner})" for c in gone],
                        now)
            _to_pool(db, [c.id for c in gone], now)
    return ReleaseResult(days, cutoff, False, tuple(gone))


def _lock(db: Database, where: str, params: list, columns: str) -> list[tuple]:
    """Lock the customers `where` selects, and read them: a change of nothing (no audit entry, no new version)
    whose row locks keep them as they are until the transaction ends. Their timeline entries are then written
    while their owner still owns them (a salesperson adds to the timeline of their own customers, not to the
    pool's), and exactly these go back."""
    return db.execute_sql(f"UPDATE customer SET owner = owner WHERE {where} RETURNING {columns}", params).fetchall()


def _to_pool(db: Database, ids: list[int], now: datetime) -> None:
    at = stamp(now)
    for part in chunks(ids):
        db.execute_sql("UPDATE customer SET owner = NULL, version = version + 1, updated_at = ? "
                       f"WHERE id IN ({', '.join('?' * len(part))})", (at, *part))


def pool_customers(db: Database, *, limit: int | None = None) -> list[PoolCustomer]:
    """The customers in the pool, the longest without contact first."""
    require_server(db, "the public pool")
    sql = (f"SELECT {COLUMNS} FROM customer WHERE owner IS NULL "
           "ORDER BY coalesce(last_contact_at, created_at), id")
    return [_row(r) for r in db.execute_sql(sql + (" LIMIT ?" if limit else ""), (limit,) if limit else ())]


def owned_count(db: Database, person: str) -> int:
    return db.execute_sql("SELECT count(*) FROM customer WHERE owner = ?", (person,)).fetchone()[0]


def claim(db: Database, customer_id: int, person: str, cap: int, *, now: datetime) -> ClaimResult:
    """`person` takes `customer_id` from the pool, unless someone was quicker or they own `cap` customers
    already; with a timeline entry; one transaction."""
    require_server(db, "claiming from the pool")
    person = (person or "").strip()
    if not person:
        raise ValidationError("person", "name the person who claims (their login on the server)")
    login = pg_team.current_login(db)
    with server_refusal(f"the server refused: {login} may claim customers only for themselves; nothing was changed"):
        with db.atomic("IMMEDIATE"):
            pg_team.lock_name(db, f"claim:{person}")  # one person's claims take turns: the cap holds
            owned = owned_count(db, person)
            if owned >= cap:
                raise TeamError(f"{person} owns {owned} customers, the most one person may hold before claiming "
                                f"from the pool ({cap}); hand some back first")
            row = db.execute_sql("UPDATE customer SET owner = ?, version = version + 1, updated_at = ? "
                                 "WHERE id = ? AND owner IS NULL RETURNING id, name",
                                 (person, stamp(now), customer_id)).fetchone()
            if row is None:
                _not_claimable(db, customer_id, person)
            add_entries(db, [customer_id], f"Claimed from the pool by {person}", now)
    return ClaimResult(customer_id, row[1], person, owned + 1, cap)


def _not_claimable(db: Database, customer_id: int, person: str) -> None:
    owner = pg_team.owner_of(db, customer_id)
    if owner is None:  # no such customer (one in the pool would have been claimed)
        raise NotFoundError("customer in the pool", customer_id)
    if owner == person:
        raise TeamError(f"customer {customer_id} is {person}'s already")
    raise TeamError(f"customer {customer_id} is not in the pool: {owner} claimed it first")


def release(db: Database, customer_ids: list[int], *, by: str, now: datetime) -> list[int]:
    """Put customers back into the pool by hand (a salesperson: their own), each with a timeline entry."""
    require_server(db, "the public pool")
    chosen = sorted(set(customer_ids))
    if not chosen:
        raise ValidationError("customers", "choose at least one customer to put back into the pool")
    with server_refusal("the server refused: a salesperson may put back only their own customers; "
                        "nothing was changed"):
        with db.atomic("IMMEDIATE"):
            moved: list[int] = []
            for part in chunks(chosen):
                marks = ", ".join("?" * len(part))
                moved += [i for (i,) in _lock(db, f"id IN ({marks}) AND owner IS NOT NULL", list(part), "id")]
            if len(moved) != len(chosen):
                missing = ", ".join(map(str, sorted(set(chosen) - set(moved))[:10]))
                raise ValidationError("customers", f"not owned by anyone you may change (or not found): {missing}; "
                                                   "nothing was put back")
            moved.sort()
            add_entries(db, moved, f"Put back into the pool by {by}", now)
            _to_pool(db, moved, now)
    return sorted(moved)


def run_pool_rule(db: Database, clock: Clock) -> ReleaseResult | None:
    """The scheduler's daily run: on a server book with the rule on, return the stale customers the
    connected login may change (a manager: everyone's; a salesperson: their own). None: nothing to run."""
    if not pg_team.is_server(db):
        return None
    settings = PoolSettings.load()
    if not settings.enabled:
        return None
    owner = None if pg_team.is_manager(db) else pg_team.current_login(db)
    return release_stale(db, today(clock), days=settings.days, now=clock.now(), zone=clock.zone, owner=owner)


class DailyPoolRule:
    """The pool rule at most once a day, before the work it wraps (the reminder scheduler's sync, which runs at
    start, at midnight and every 15 minutes): `scheduler_sync = DailyPoolRule().before(sync_reminders)`.

    Each salesperson's app returns their own stale customers, a manager's everyone's (the database's rules
    decide what each may change). A failure of the rule is logged and tried again at the next run; it never
    keeps the wrapped work from running.
    """

    def __init__(self, run: Callable[[Database, Clock], ReleaseResult | None] = run_pool_rule):
        self._run = run
        self.last_day: date | None = None
        self.last_result: ReleaseResult | None = None

    def __call__(self, clock: Clock) -> ReleaseResult | None:
        """Run the rule on the open book unless it ran today already."""
        day = today(clock)
        if day == self.last_day:
            return None
        try:
            result = self._run(database.obj, clock)
        except Exception as exc:  # noqa: BLE001 - a rule that failed must not stop the reminders; logged
            log.warning("the pool rule did not run: %s", exc)
            return None
        self.last_day, self.last_result = day, result
        if result is not None:
            log.info("pool rule: %d customers went back to the pool", result.count)
        return result

    def before(self, work: Callable[[Clock], T]) -> Callable[[Clock], T]:
        def run_then(clock: Clock) -> T:
            self(clock)
            return work(clock)
        return run_then
