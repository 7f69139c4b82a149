"""A modal "please wait" window around work that must finish before the window can open (a book's upgrade)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog

T = TypeVar("T")


def run_with_busy_window(title: str, text: str, work: Callable[[], T]) -> T:
    """Run `work` on a thread while a busy window keeps the desktop informed (no frozen, blank start);
    returns its result or raises its error. The window has no Cancel: the work is one transaction that
    must not be cut."""
    dialog = QProgressDialog(text, "", 0, 0)
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(420)
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["result"] = work()
        except BaseException as exc:  # handed to the caller's thread below
            outcome["error"] = exc

    dialog.show()
    thread = threading.Thread(target=run, name="busy-work")
    thread.start()
    while thread.is_alive():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        thread.join(0.05)
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]
