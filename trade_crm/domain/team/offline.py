"""On a trip (#18 item 7): the laptop's read-only copy of the user's customers on a team server.

`refresh_copy` reads the login's own and shared customers (contacts, channels, timeline, tags) from the
server book in one snapshot and rewrites the copy with them; `sync` first sends the outbox (outbox.py),
then refreshes. `open_copy_as_book` opens the copy as the app's book when the server cannot be reached;
`copy_state` says as of when it is and how much is queued, for the banner.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import DomainError
from trade_crm.domain.team.outbox import STAMP, ApplyResult, apply_outbox
from trade_crm.store import trip_copy
from trade_crm.store.db import open_database
from trade_crm.store.models import database


@dataclass(frozen=True)
class CopyRefresh:
    customers: int
    interactions: int
    synced_at: datetime | None  # None: not refreshed (entries are still queued)


@dataclass(frozen=True)
class SyncResult:
    copy: str  # the copy's file
    outbox: ApplyResult
    refresh: CopyRefresh


@dataclass(frozen=True)
class CopyState:
    synced_at: datetime | None  # None: no copy was ever made
    queued: int


def _parse(stamp: str | None) -> datetime | None:
    return datetime.strptime(stamp, STAMP).replace(tzinfo=timezone.utc) if stamp else None


def _require_server() -> None:
    if getattr(database.obj, "engine", "sqlite") != "postgresql":
        raise DomainError("a copy for trips is made from a team server's book (--db postgresql://…)")


def refresh_copy(copy, url: str, clock: Clock) -> CopyRefresh:
    """Rewrite the copy (its own connection) from the bound server book; entries still queued keep it as is
    (their rows in the copy would go, and they would vanish from the views until applied)."""
    _require_server()
    if trip_copy.outbox_rows(copy):
        return CopyRefresh(0, 0, None)
    columns = trip_copy.copy_columns(copy)
    with database.atomic("DEFERRED"):  # one snapshot of the server (REPEATABLE READ)
        rows = trip_copy.read_own_rows(database.obj, columns)
    now = clock.now().astimezone(timezone.utc)
    trip_copy.write_copy(copy, columns, rows, now.strftime(STAMP), url)
    return CopyRefresh(len(rows["customer"]), len(rows["interaction"]), _parse(now.strftime(STAMP)))


def sync(book_path: Path, url: str, clock: Clock, *, after_commit=None) -> SyncResult:
    """Send what was queued on the trip, then refresh the copy (`trade-crm team sync`, and the app's timer)."""
    _require_server()
    path = trip_copy.copy_path(book_path, url)
    copy = trip_copy.open_copy(path)
    try:
        applied = apply_outbox(copy, clock, after_commit=after_commit)
        refreshed = refresh_copy(copy, url, clock)
    finally:
        copy.close()
    return SyncResult(str(path), applied, refreshed)


def copy_state(path: Path) -> CopyState:
    """As of when the copy is, and how many entries wait in its outbox (the copy is left unopened if absent)."""
    if not trip_copy.has_copy(path):
        return CopyState(None, 0)
    copy = trip_copy.open_copy(path)
    try:
        return CopyState(_parse(trip_copy.get_meta(copy, "synced_at")), len(trip_copy.outbox_rows(copy)))
    finally:
        copy.close()


def has_copy(book_path: Path, url: str) -> bool:
    return trip_copy.has_copy(trip_copy.copy_path(book_path, url))


def open_copy_as_book(book_path: Path, url: str):
    """The copy, bound as the app's book and open for a trip: what the user logs on it is queued, anything
else is refused (store.trip_copy.READ_ONLY). DomainError when no copy was ever made for this server."""
    path = trip_copy.copy_path(book_path, url)
    if not trip_copy.has_copy(path):
        raise DomainError("there is no copy of this server's customers on this computer yet")
    db = open_database(path, backup_dir=path.parent / "backups")
    trip_copy.ensure_trip_tables(db)
    trip_copy.set_offline(db, True)
    return db
