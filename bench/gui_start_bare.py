"""Start-up baseline: `python -m bench.gui_start_bare DBPATH SPAWNED_AT [--empty]` paints a bare QMainWindow with a
QTableView over a plain QAbstractTableModel holding every customer row of DBPATH, then prints JSON timings.

SPAWNED_AT is the parent's `time.time()` taken just before it started this process, so every figure is
"seconds since process start" (interpreter start-up and imports included), on the same wall clock.

The first paint is taken as done when an event-loop turn has passed after the table's viewport
received its first QEvent.Paint: the widget repaint manager paints every dirty widget of the window
and flushes the backing store inside the one event that delivered that paint, so a zero-timeout timer
queued from it fires only after the whole window is on screen (in the offscreen backing store here).
`wait_for_first_paint` is shared with gui_start_app.py, so both windows are timed the same way.
With --empty the window holds no rows: the floor of the memory figure (peak RSS, reported by both).
"""

from __future__ import annotations

import json
import os
import sys
import time

WINDOW_SIZE = (1400, 860)  # the main window's default size (trade_crm/ui/shell/main_window.py DEFAULT_SIZE)


def wait_for_first_paint(app, window, viewport, after_show=None) -> float:
    """Show `window` (then call `after_show`, if given), run the event loop until `viewport` has painted,
    and return time.time() then."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    done: list[float] = []

    class PaintWatcher(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not done and watched is viewport:
                done.append(0.0)  # painting now; stamp the time once this event has been handled
                QTimer.singleShot(0, finish)
            return False

    def finish() -> None:
        done[0] = time.time()
        app.quit()

    watcher = PaintWatcher()
    viewport.installEventFilter(watcher)
    QTimer.singleShot(30_000, app.quit)  # never hang the bench
    window.show()
    if after_show is not None:
        after_show()
    app.exec()
    viewport.removeEventFilter(watcher)
    if not done or not done[0]:
        raise RuntimeError("the window did not paint within 30 s")
    return done[0]


def rss_mib() -> tuple[float, float]:
    """(resident now, peak resident so far) of this process in MiB.

    Linux: /proc/self/status (VmRSS, VmHWM), which belong to this program's own memory. Not ru_maxrss: Linux
    carries the peak of the process before exec over into it, so a child of a 190 MiB bench would report
    190 MiB however little it used. Elsewhere ru_maxrss is all there is."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            fields = dict(line.split(":", 1) for line in status if line.startswith(("VmRSS:", "VmHWM:")))
        now, peak = (int(fields[name].split()[0]) / 1024 for name in ("VmRSS", "VmHWM"))  # kB
    except (OSError, KeyError, ValueError):
        import resource  # lazy: only the bench's child processes measure memory, and only off Linux

        now = peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return round(now, 1), round(peak, 1)


def emit(timings: dict[str, float], spawned_at: float, extra: dict | None = None) -> None:
    """Print the phases as seconds since the spawn, and the peak memory, then leave at once (teardown is
    not measured)."""
    result = {name: round(stamp - spawned_at, 4) for name, stamp in timings.items()}
    result["rss_peak_mib"] = rss_mib()[1]
    result.update(extra or {})
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    os._exit(0)


def main(argv: list[str]) -> None:
    empty = "--empty" in argv  # the memory floor: Python, Qt and the bare window, holding no rows
    argv = [arg for arg in argv if arg != "--empty"]
    db_path, spawned_at = argv[0], float(argv[1])
    stamps = {"interpreter": time.time()}
    import sqlite3

    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    stamps["imports"] = time.time()

    no_parent = QModelIndex()

    class PlainModel(QAbstractTableModel):
        headers = ("Company", "Country", "City", "Rating", "Stage", "Last contact", "Next follow-up")

        def __init__(self, rows: list[tuple]):
            super().__init__()
            self.rows = rows

        def rowCount(self, parent=no_parent):
            return 0 if parent.isValid() else len(self.rows)

        def columnCount(self, parent=no_parent):
            return 0 if parent.isValid() else len(self.headers)

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole and index.isValid():
                value = self.rows[index.row()][index.column() + 1]  # column 0 of a row is its id
                return "" if value is None else str(value)
            return None

        def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
                return self.headers[section]
            return None

    app = QApplication(sys.argv[:1])
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    rows = [] if empty else connection.execute(
        "SELECT id, name, country, city, rating, lifecycle, last_contact_at, follow_up_on FROM customer "
        "ORDER BY name COLLATE NOCASE").fetchall()
    connection.close()
    stamps["data"] = time.time()
    window = QMainWindow()
    window.setWindowTitle("bare")
    table = QTableView()
    table.setModel(PlainModel(rows))
    table.verticalHeader().hide()
    window.setCentralWidget(table)
    window.resize(*WINDOW_SIZE)
    stamps["built"] = time.time()
    stamps["painted"] = wait_for_first_paint(app, window, table.viewport())
    emit(stamps, spawned_at, {"rows": len(rows)})


if __name__ == "__main__":
    main(sys.argv[1:])
