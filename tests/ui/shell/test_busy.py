"""The busy window that covers a book's upgrade at start: the work's result or its error comes back."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from trade_crm.ui.shell.busy import run_with_busy_window


def test_the_work_runs_on_another_thread_while_the_busy_window_shows(qtbot):
    seen, looked = {}, threading.Event()

    def look():  # on the GUI thread, while the work waits
        seen["windows"] = [w for w in QApplication.topLevelWidgets()
                           if isinstance(w, QProgressDialog) and w.isVisible()]
        looked.set()

    def work():
        seen["thread"] = threading.current_thread().name
        assert looked.wait(5)
        return 42

    QTimer.singleShot(0, look)

    assert run_with_busy_window("Trade CRM", "Upgrading…", work) == 42
    assert seen["thread"] != threading.main_thread().name
    assert [w.labelText() for w in seen["windows"]] == ["Upgrading…"]
    assert not any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_an_error_in_the_work_reaches_the_caller(qtbot):
    def work():
        raise ValueError("disk full")

    with pytest.raises(ValueError, match="disk full"):
        run_with_busy_window("Trade CRM", "Upgrading…", work)
