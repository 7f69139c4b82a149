"""Wait for the window's first paint before slow start-up work, so that work never delays it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer


class FirstPaint(QObject):
    """Calls `then` once any widget of the application has painted (after that paint pass has finished),
    or after `wait_ms` when nothing paints (a window started hidden, in the tray)."""

    def __init__(self, then: Callable[[], None], wait_ms: int, parent: QObject):
        super().__init__(parent)
        self._then, self._app = then, QCoreApplication.instance()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)
        self._timer.start(wait_ms)
        self._app.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self._timer.isActive():
            self._timer.start(0)  # once this paint pass has been handled
        return False

    def _fire(self) -> None:
        self.cancel()
        self._then()

    def cancel(self) -> None:
        self._timer.stop()
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None
