"""Done and Snooze as undoable commands for the main window's QUndoStack (as ui/common/undo_commands.py
does for customer changes): the work is done once in `execute()`, the stack's first redo() is a no-op,
and undo puts back exactly what the domain reports it changed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import DomainError
from trade_crm.domain.reminders.complete import Completion, undo_completion


class ReminderCommand(QUndoCommand):
    """`action` finishes or snoozes reminders and returns what it changed; `changed(customer ids)` is
    told after every step (the window refreshes the pane, the list and the counts)."""

    def __init__(self, text: str, action: Callable[[], Completion], clock: Clock,
                 changed: Callable[[list[int]], None]):
        super().__init__(text)
        self._action, self._clock, self._changed = action, clock, changed
        self._done = Completion()
        self._first_redo = True

    @property
    def completion(self) -> Completion:
        return self._done

    def execute(self) -> Completion:
        self._done = self._action()
        self._changed(sorted(self._done.customers))
        return self._done

    def redo(self) -> None:
        if self._first_redo:
            self._first_redo = False
            return
        try:
            self._done = self._action()
        except DomainError:
            self.setObsolete(True)
        self._changed(sorted(self._done.customers))

    def undo(self) -> None:
        undo_completion(self._done, self._clock)
        self._changed(sorted(self._done.customers))
