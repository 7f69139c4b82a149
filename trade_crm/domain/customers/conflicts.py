"""Saving over someone else's newer change: the three-way merge behind every versioned save.

A customer, a contact and a deal carry a `version` that every save bumps. A save says which version
the person started from and what the record looked like then (the base): the UPDATE runs
`WHERE id = ? AND version = ?`, and when no row matched, someone else saved in between. Then the
record is read again (theirs) and merged field by field: a field only one side changed takes that
side's value, a field both changed to the same value is no conflict, and only a field both changed
differently stops the save with an `EditConflict` listing base, mine and theirs. Nothing is written
then; `resolved` turns the person's per-field choices into values to save over theirs, and that save
is versioned too, so a third person's save in between conflicts again instead of being overwritten.

Who stored "theirs" and when: the row's `updated_at` says when; who is known where an audit trail
records it (team mode). A `ChangeHistory` registered once by the composition root answers that; by
default nobody is named.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from trade_crm.domain.errors import DomainError, FieldConflict, ValidationError
from trade_crm.store.models import database

T = TypeVar("T")
MINE, THEIRS = "mine", "theirs"
ATTEMPTS = 5  # a save re-reads when another one committed between its read and its write (server books)

# (table, row_id, since_version) -> {field: (who, when)} for the changes stored after `since_version`
ChangeHistory = Callable[[str, int, int | None], Mapping[str, tuple[str | None, datetime | None]]]
_history: list[ChangeHistory] = []


def set_change_history(history: ChangeHistory | None) -> None:
    """Name who made "their" change in a conflict (the team audit trail does); None forgets it."""
    _history[:] = [history] if history is not None else []


@dataclass(frozen=True)
class Merge:
    """What a save writes after merging: `changes` (mine where only I changed a field, or both agree)
    and the fields both sides changed differently."""

    changes: dict[str, Any]
    conflicts: tuple[str, ...]


def three_way(base: Mapping[str, Any] | None, mine: Mapping[str, Any], theirs: Mapping[str, Any]) -> Merge:
    """Merge my values into theirs. `base` None means unknown (only a version number was given): then
    every field I give that differs from theirs is a conflict, since nobody can tell who changed it."""
    changes: dict[str, Any] = {}
    conflicts: list[str] = []
    for key, value in mine.items():
        if base is not None and base.get(key) == value:
            continue  # I left it alone: theirs stays
        current = theirs.get(key)
        if current == value or (base is not None and current == base.get(key)):
            changes[key] = value
        else:
            conflicts.append(key)
    return Merge(changes, tuple(conflicts))


def resolved(merge: Merge, mine: Mapping[str, Any], theirs: Mapping[str, Any], choices: Mapping[str, str],
             *, prefix: str = "") -> dict[str, Any]:
    """The merged changes plus the person's choice for each conflicting field (`prefix` + field -> MINE
    or THEIRS); a conflict without a choice is refused, naming the field."""
    values = dict(merge.changes)
    for key in merge.conflicts:
        choice = choices.get(prefix + key)
        if choice not in (MINE, THEIRS):
            raise ValidationError(prefix + key, f'choose "{MINE}" or "{THEIRS}" for {key}')
        values[key] = mine[key] if choice == MINE else theirs.get(key)
    return values


def field_conflicts(table: str, row_id: int, merge: Merge, base: Mapping[str, Any] | None,
                    mine: Mapping[str, Any], theirs: Mapping[str, Any], *, since: int | None,
                    updated_at: datetime | None, label: str = "") -> tuple[FieldConflict, ...]:
    """The FieldConflict rows of one record, with who/when where the book knows."""
    if not merge.conflicts:
        return ()
    known: Mapping[str, tuple[str | None, datetime | None]] = {}
    for history in _history:
        known = history(table, row_id, since)
    out = []
    for key in merge.conflicts:
        who, when = known.get(key, (None, None))
        out.append(FieldConflict(
            table=table, row_id=row_id, field=key, base=None if base is None else base.get(key),
            mine=mine[key], theirs=theirs.get(key), base_known=base is not None, row_label=label,
            changed_by=who, changed_at=when or updated_at))
    return tuple(out)


def lock_row(model, row_id: int) -> int | None:
    """The row's stored version (None: no such row), locked until the transaction ends, so the merge that
    follows writes over exactly what it read. A server locks the row (FOR UPDATE); SQLite's write lock,
    taken at BEGIN IMMEDIATE, already keeps every other writer out."""
    query = model.select(model.version).where(model.id == row_id)
    if getattr(database.obj, "for_update", False):  # peewee's flag: the engine has row locks
        query = query.for_update()
    return query.scalar()


class StaleRead(Exception):
    """Another save committed between this save's read and its versioned UPDATE: read again."""


def run_versioned(step: Callable[[], T]) -> T:
    """Run a save's read-merge-write in a savepoint (a transaction when none is open), again from the
    read when it raises StaleRead. SQLite's write lock makes one pass enough; on a server, READ
    COMMITTED lets another commit land between the read and the UPDATE, which then matches no row."""
    for _ in range(ATTEMPTS):
        try:
            with database.atomic():
                return step()
        except StaleRead:
            continue
    raise DomainError("the record kept changing while it was being saved; try again")
