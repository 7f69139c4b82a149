"""FirstPaint: the work waits for a window's first paint pass (children included), or for the wait when
nothing paints; it watches the top-level widgets only, and lets go of them when done."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from trade_crm.ui.reminders.first_paint import FirstPaint


class Painted(QLabel):
    painted = 0

    def paintEvent(self, event):  # noqa: N802 - Qt override
        self.painted += 1
        super().paintEvent(event)


def test_the_work_runs_once_after_the_window_and_its_children_have_painted(qtbot):
    window = QWidget()
    child = Painted("due today", window)
    QVBoxLayout(window).addWidget(child)
    qtbot.addWidget(window)
    seen: list[int] = []
    FirstPaint(lambda: seen.append(child.painted), 60_000, window)
    qtbot.wait(30)
    assert seen == []  # nothing has painted yet, and the wait is long
    window.show()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen[0] >= 1  # the child had painted when the work ran
    window.update()
    qtbot.wait(50)
    assert len(seen) == 1


def test_nothing_painting_runs_the_work_after_the_wait_even_when_a_watched_window_is_gone(qtbot):
    window = QWidget()  # a top-level window that is never shown, then deleted
    owner = QWidget()
    qtbot.addWidget(owner)  # hidden too
    seen: list[bool] = []
    first_paint = FirstPaint(lambda: seen.append(True), 20, owner)
    window.deleteLater()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    first_paint.cancel()  # a second cancel, after the first and the window's deletion, is harmless
    assert seen == [True]
