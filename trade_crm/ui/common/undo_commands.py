"""Undoable customer changes for the main window's QUndoStack: delete, tag, untag, set rating.

Each command does its work once in `execute()` (so a refused change raises where the caller can
show it) and is then pushed; the stack's first redo() is a no-op. Later undo/redo calls report
through `changed(ids)`; a change that can no longer be replayed makes the command obsolete and
reports through `failed(message)`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.customers.query import CustomerFilter, matching_ids, search_customers
from trade_crm.domain.customers.records import (
    delete_customers,
    restore_customers,
    set_rating,
    tag_customers,
    untag_customers,
)
from trade_crm.domain.errors import DomainError

Changed = Callable[[list[int]], None]
Failed = Callable[[str], None]


class CustomerCommand(QUndoCommand):
    def __init__(self, text: str, ids: list[int], changed: Changed, failed: Failed):
        super().__init__(text)
        self.ids = list(dict.fromkeys(ids))
        self._changed, self._failed = changed, failed
        self._first_redo = True

    def execute(self) -> None:
        self.do()
        self._changed(self.ids)

    def do(self) -> None:
        raise NotImplementedError

    def undo_change(self) -> None:
        raise NotImplementedError

    def _replay(self, step: Callable[[], None]) -> None:
        try:
            step()
        except DomainError as exc:
            self.setObsolete(True)
            self._failed(str(exc))
        self._changed(self.ids)

    def redo(self) -> None:
        if self._first_redo:
            self._first_redo = False
            return
        self._replay(self.do)

    def undo(self) -> None:
        self._replay(self.undo_change)


class DeleteCustomersCommand(CustomerCommand):
    def __init__(self, ids: list[int], changed: Changed, failed: Failed):
        super().__init__(QCoreApplication.translate("Commands", "Delete %n customer(s)", None, len(set(ids))), ids, changed, failed)
        self._snapshot = None

    def do(self) -> None:
        self._snapshot = delete_customers(self.ids)

    def undo_change(self) -> None:
        if self._snapshot is not None:
            restore_customers(self._snapshot)
            self._snapshot = None


class TagCommand(CustomerCommand):
    """Add or remove a tag; undo touches only the customers whose tags actually changed."""

    def __init__(self, ids: list[int], tag: str, add: bool, clock: Clock, changed: Changed, failed: Failed):
        n = len(set(ids))
        text = (QCoreApplication.translate("Commands", "Add tag “%1” to %n customer(s)", None, n) if add
                else QCoreApplication.translate("Commands", "Remove tag “%1” from %n customer(s)", None, n))
        super().__init__(text.replace("%1", tag), ids, changed, failed)
        self._tag, self._add, self._clock = tag, add, clock
        self._had: list[int] = []

    def do(self) -> None:
        self._had = matching_ids(CustomerFilter(tag=self._tag.strip(), ids=tuple(self.ids)),
                                 today=today(self._clock), now=self._clock.now())
        (tag_customers if self._add else untag_customers)(self.ids, self._tag)

    def undo_change(self) -> None:
        if self._add:
            untag_customers([i for i in self.ids if i not in set(self._had)], self._tag)
        elif self._had:
            tag_customers(self._had, self._tag)


class RatingCommand(CustomerCommand):
    def __init__(self, ids: list[int], rating: str | None, clock: Clock, changed: Changed, failed: Failed):
        n = len(set(ids))
        text = (QCoreApplication.translate("Commands", "Rate %n customer(s) %1", None, n).replace("%1", rating)
                if rating else QCoreApplication.translate("Commands", "Clear the rating of %n customer(s)", None, n))
        super().__init__(text, ids, changed, failed)
        self._rating, self._clock = rating, clock
        self._before: dict[str | None, list[int]] = {}

    def do(self) -> None:
        rows = search_customers(CustomerFilter(ids=tuple(self.ids)), today=today(self._clock),
                                now=self._clock.now(), sort="created", limit=len(self.ids))
        self._before = {}
        for row in rows:
            self._before.setdefault(row.rating, []).append(row.id)
        set_rating(self.ids, self._rating, self._clock)

    def undo_change(self) -> None:
        for rating, ids in self._before.items():
            set_rating(ids, rating, self._clock)
