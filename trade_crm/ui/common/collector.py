"""The cyclic garbage collector runs on the GUI thread only, while the window runs.

Qt objects often sit in reference cycles (a closed dialog and its slots, a finished Job and its context), so
it is the cyclic collector that frees them, and it runs on whichever thread happens to allocate when a
generation fills up: an import's or a mail sync's worker thread, a WAL checkpoint's. A QObject deleted there
races the GUI thread that owns it; in the test suite about a hundred collections a session ran on Qt's worker
threads, and one CI run died with a corrupted heap inside a collection. So the automatic collector is switched
off, and a timer on the GUI thread collects by the same thresholds (after pyqtgraph's GarbageCollector).

Install it before the first Job starts: `domain.bulk.collector_paused` restores the state it found.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


def collect_due() -> int:
    """Collect the oldest generation whose count passed its threshold (with the younger ones), as the automatic
    collector would; the number of unreachable objects found."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if thresholds[generation] and counts[generation] > thresholds[generation]:
            return gc.collect(generation)
    return 0


class GuiThreadCollector(QObject):
    """Off with the automatic collector while this lives and runs; collect_due() on a timer of this thread."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(collect_due)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Back to automatic collection (as found), for a program that goes on after the window."""
        self._timer.stop()
        collect_due()
        if self._was_enabled:
            gc.enable()
