"""Typed errors the UI and the CLI can show next to a field or as one actionable line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


class DomainError(Exception):
    """Base of every error a person can act on."""


class ValidationError(DomainError):
    """A value the user gave is not acceptable; `field` names where, `message` says why."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class NotFoundError(DomainError):
    def __init__(self, what: str, ident: object):
        super().__init__(f"no {what} with id {ident}")
        self.what = what
        self.ident = ident


@dataclass(frozen=True)
class FieldConflict:
    """One field two people changed differently since the saver read it.

    `base` is what the saver started from (None with `base_known` False when only a version number
    was given, as on the command line), `mine` what they want, `theirs` what is stored now. `changed_by`
    and `changed_at` say who stored `theirs` and when, where the book knows (the audit trail names the
    person; the row's `updated_at` the time)."""

    table: str  # "customer", "contact", "opportunity"
    row_id: int
    field: str  # a column, "tags", "custom:<name>", or a contact channel kind ("email", "phone", ...)
    base: Any
    mine: Any
    theirs: Any
    base_known: bool = True
    row_label: str = ""  # the contact's or the deal's name, for a dialog that lists several rows
    changed_by: str | None = None
    changed_at: datetime | None = None


class EditConflict(DomainError):
    """Saving over someone else's newer change: nothing was written.

    Fields only one side changed were merged (they are in the resolution); `conflicts` lists those both
    changed differently. `base`, `mine` and `theirs` are what the resolve function of the record's kind
    needs to save the person's per-field choices over `theirs` (a later save can conflict again)."""

    def __init__(self, table: str, row_id: int, conflicts: tuple[FieldConflict, ...], *, since: int | None,
                 version: int, base: Any = None, mine: Any = None, theirs: Any = None):
        fields = ", ".join(dict.fromkeys(c.field for c in conflicts))
        super().__init__(f"{table} {row_id} was changed by someone else (version {since} is now {version}); "
                         f"changed on both sides: {fields}")
        self.table = table
        self.row_id = row_id
        self.conflicts = conflicts
        self.since = since  # the version the person started from
        self.version = version  # the stored version the conflict was found against
        self.base = base
        self.mine = mine
        self.theirs = theirs
