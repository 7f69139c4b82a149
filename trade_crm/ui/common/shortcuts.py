"""The window's shortcuts work from any focus, a text field included.

On Linux desktops Qt's key scheme gives text fields Emacs keys (Ctrl+E end of line, Ctrl+K delete to the
end, ...); a focused field then claims the key ("shortcut override") and File › Export (Ctrl+E) does nothing
while the search box has focus. `WindowShortcutsFirst` lets the window's own action shortcuts win over such
keys, and leaves a field the editing keys people expect in it (undo, copy, paste, select all, ...).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

Key = QKeySequence.StandardKey
EDITING_KEYS = (Key.Undo, Key.Redo, Key.Copy, Key.Cut, Key.Paste, Key.SelectAll, Key.Delete, Key.Backspace,
                Key.DeleteStartOfWord, Key.DeleteEndOfWord, Key.MoveToNextWord, Key.MoveToPreviousWord,
                Key.SelectNextWord, Key.SelectPreviousWord)


class WindowShortcutsFirst(QObject):
    """An event filter on the window's text fields; `watch_fields()` again after adding fields (it is called
    when the window is shown)."""

    FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)

    def __init__(self, window: QWidget):
        super().__init__(window)
        self._window = window
        self.watch_fields()

    def watch_fields(self) -> None:
        for kind in self.FIELDS:
            for field in self._window.findChildren(kind):
                field.removeEventFilter(self)  # once each, however often this runs
                field.installEventFilter(self)

    def window_shortcut(self, event: QKeyEvent) -> QAction | None:
        """The window's enabled action whose shortcut is this key, unless it is a text-editing key."""
        if any(event.matches(key) for key in EDITING_KEYS):
            return None
        pressed = QKeySequence(event.keyCombination())
        for action in self._window.findChildren(QAction):
            if action.isEnabled() and any(s.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                                          for s in action.shortcuts()):
                return action
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, QWidget)
                and watched.window() is self._window and self.window_shortcut(event) is not None):
            event.ignore()
            return True  # not overridden: the shortcut map triggers the window's action
        return False
