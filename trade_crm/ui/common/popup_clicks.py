"""A click outside a completer's list closes the list and still presses the button it was aimed at.

While a completion list is open it holds the mouse; a click elsewhere only closes it (QCompleter takes the
press, and Qt on X11 does not replay it), so the first click on Save with a tag completion open only closed
the list. `click_through(completer)` lets that click reach the button as well.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QCompleter


class ClickThrough(QObject):
    def __init__(self, completer: QCompleter):
        super().__init__(completer)
        self._completer = completer
        completer.popup().installEventFilter(self)  # after QCompleter's own filter, so this one runs first

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            popup = self._completer.popup()
            point = event.globalPosition().toPoint()
            if not popup.geometry().contains(point):
                target = QApplication.widgetAt(point)
                owner = self._completer.widget()
                if (isinstance(target, QAbstractButton) and target.isEnabled() and owner is not None
                        and target.window() is owner.window()):
                    popup.hide()
                    QTimer.singleShot(0, target.click)  # after the press is done with
                    return True
        return False


def click_through(completer: QCompleter) -> ClickThrough:
    return ClickThrough(completer)
