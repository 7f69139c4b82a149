"""Wait for the window's first paint before slow start-up work, so that work never delays it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class FirstPaint(QObject):
    """Calls `then` once a top-level widget that exists now has painted (after that paint pass has
    finished), or after `wait_ms` when none paints (a window started hidden, in the tray).

    The filter sits on the top-level widgets only, not on the application: an application-wide Python
    filter sees every event of every widget while the window is first shown and laid out, and two of
    them (the reminder pane's and the scheduler's) made run_gui's first paint ~35 ms later. A window
    paints itself at the start of each paint pass of its widgets, so its own Paint event is enough."""

    def __init__(self, then: Callable[[], None], wait_ms: int, parent: QObject):
        super().__init__(parent)
        self._then = then
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)
        self._timer.start(wait_ms)
        self._watched: list[QWidget] = QApplication.topLevelWidgets() if QApplication.instance() else []
        for widget in self._watched:
            widget.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self._timer.isActive():
            self._timer.start(0)  # once this paint pass has been handled
        return False

    def _fire(self) -> None:
        self.cancel()
        self._then()

    def cancel(self) -> None:
        self._timer.stop()
        watched, self._watched = self._watched, []
        for widget in watched:
            try:
                widget.removeEventFilter(self)
            except RuntimeError:  # a widget deleted meanwhile (its C++ object is gone)
                pass
