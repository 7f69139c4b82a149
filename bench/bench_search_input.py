"""The search box: a keystroke in one frame, the list's memory, and odd input (10,000-character queries).

- keystroke: the real main window over the book; each figure is the search text set and applied as the
  typing pause applies it (`CustomerListPane.apply_filter`: the first page, the filter chips, the status
  bar with "…" for the count) plus the first row's data, median of the repeats, for the queries of
  bench_gui.filter_queries. The count follows on a worker thread and is waited for between keystrokes.
  Floor: the FTS page query alone for the same text (`search_customers`, one page of the list's size).
  p95 over the queries against one 60 Hz frame (16 ms); a second figure adds the table's repaint.
- memory: a child process opens the book, shows the list and scrolls it to the end and back through the
  middle; the RSS it gains by that (the rows the model holds, Qt's caches) beside the same process
  holding every customer row as the model's row objects (what a list without a window would hold).
- odd input: 10,000-character queries of several shapes must answer in under 50 ms.

A pasted document is cut to `search.MAX_QUERY_CHARS` characters and `search.MAX_TERMS` distinct terms
(store/search.py), so its cost is that of a long ordinary query. Each figure is a page of 50 hits and
the count shown above the list, as the customer list asks for them.
Run alone with `python -m bench.bench_search_input BOOK.db` (add `--keystroke` for the window's figures).
"""

from __future__ import annotations

import json
import math
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timezone
from pathlib import Path

from bench.report import Row, median_seconds, timing
from trade_crm.domain.customers.query import CustomerFilter, count_customers, search_customers

TARGET_MS = 50.0
LENGTH = 10_000
FRAME_MS = 16.0


def hostile_queries(length: int = LENGTH) -> list[tuple[str, str]]:
    """(query, what it is): each `length` characters long."""
    rng = random.Random(15)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = " ".join("".join(rng.choice(letters) for _ in range(rng.randint(1, 6))) for _ in range(length))
    return [
        (("muller " * length)[:length], "one word repeated"),
        (words[:length], "random 1-6 letter words"),
        (" ".join(rng.choice(letters) for _ in range(length))[:length], "single letters"),
        ("x" * length, "one 10,000-letter word"),
        (("有限公司刘凯" * length)[:length], "Chinese, no spaces"),
        (("ab\x00c\ud800d " * length)[:length], "NULs and lone surrogates"),
    ]


def search_input_rows(ctx) -> list[Row]:
    section = f"search: {LENGTH:,}-character queries, page of 50 + count ({ctx.customers:,} customers)"
    return (keystroke_rows(ctx.book.path, ctx.today, ctx.customers, ctx.repeats)
            + memory_rows(ctx.book.path, ctx.customers) + _rows(section, ctx.today, ctx.now, ctx.repeats))


# --- a keystroke in the main window ----------------------------------------------------------------

def _percentile(values: list[float], share: float) -> float:
    """Nearest rank, as bench.cases.percentile (which imports this module)."""
    ordered = sorted(values)
    return ordered[max(1, math.ceil(len(ordered) * share)) - 1]


def keystroke_rows(book: Path, day: date, customers: int, repeats: int) -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from bench.bench_gui import filter_queries
    from trade_crm.app import build_main_window
    from trade_crm.domain.clock import FixedClock
    from trade_crm.ui.customers.customer_table_model import PAGE_SIZE

    app = QApplication.instance() or QApplication([sys.argv[0]])
    clock = FixedClock(datetime.combine(day, datetime.min.time().replace(hour=10), tzinfo=timezone.utc))
    section = f"search box: keystroke to the first row, {customers:,} customers (x floor: the FTS page query)"
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="trade-crm-bench-keys-") as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = build_main_window(clock, book, settings)
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        pane = window.customer_list

        def settled() -> None:
            deadline = time.perf_counter() + 30
            while pane.model.known_total() is None and time.perf_counter() < deadline:
                app.processEvents()
                time.sleep(0.001)
            app.processEvents()

        def typed(text: str, paint: bool = False) -> float:
            pane.search_edit.setText(text)
            start = time.perf_counter()
            pane.apply_filter()  # what the typing pause calls
            pane.model.data(pane.model.index(0, 0))
            if paint:
                pane.table.viewport().repaint()
            return time.perf_counter() - start

        keys, painted, floors, shown = [], [], [], []
        for text in filter_queries(day):
            flt = CustomerFilter(text=text)
            times, with_paint, alone = [], [], []
            for attempt in range(repeats + 1):  # floor and keystroke interleaved: the machine's load hits both
                start = time.perf_counter()
                search_customers(flt, today=day, limit=PAGE_SIZE)
                floor_s = time.perf_counter() - start
                typed("")
                settled()
                seconds = typed(text)
                pending = window.counts_label.text()
                settled()
                typed("")
                settled()
                paint_s = typed(text, paint=True)
                settled()
                if attempt:  # the first is the warm-up
                    times.append(seconds)
                    with_paint.append(paint_s)
                    alone.append(floor_s)
            keys.append(statistics.median(times))
            painted.append(statistics.median(with_paint))
            floors.append(statistics.median(alone))
            shown.append((text, pending, window.counts_label.text()))
        window.close()
        window.deleteLater()
        app.processEvents()
    p95, floor = _percentile(keys, 0.95), _percentile(floors, 0.95)
    rows.append(Row(section, "p95, keystroke to first row (apply_filter + row 0)", p95 * 1000, "ms",
                    ratio=p95 / floor, target=f"< {FRAME_MS:g} ms", ok=p95 * 1000 < FRAME_MS,
                    floor="the FTS page query alone for the same text (search_customers, same page)",
                    note=f"floor p95 {floor * 1000:.1f} ms; the count follows on a worker thread"))
    rows.append(timing(section, "p50, keystroke to first row", _percentile(keys, 0.5), _percentile(floors, 0.5)))
    rows.append(timing(section, "p95, keystroke incl. the table's repaint", _percentile(painted, 0.95), floor,
                       note="offscreen raster paint of the visible rows"))
    for (text, pending, counted), seconds, paint_s, floor_s in zip(shown, keys, painted, floors, strict=True):
        rows.append(timing(section, f"  {text}", seconds, floor_s, target_ms=FRAME_MS,
                           note=f"floor {floor_s * 1000:.1f} ms, painted {paint_s * 1000:.1f} ms; "
                                f"status '{pending.split(' · ')[1] if ' · ' in pending else pending}' "
                                f"then '{counted.split(' · ')[1] if ' · ' in counted else counted}'"))
    return rows


# --- the list's memory ----------------------------------------------------------------------------

def _rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def list_memory(book: Path) -> dict[str, float]:
    """In a fresh process: RSS before and after showing the list and scrolling it end to end, and the RSS
    that holding every customer as a row object adds (what the list held before it kept a window)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QTableView

    from trade_crm.domain.clock import FixedClock
    from trade_crm.store.db import open_database
    from trade_crm.ui.customers.customer_table_model import CustomerTableModel

    app = QApplication([sys.argv[0]])
    database = open_database(book, migrate=False)
    clock = FixedClock(datetime.now(timezone.utc))
    view = QTableView()
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    before = _rss_mib()
    model = CustomerTableModel(clock)
    model.reload()
    view.setModel(model)
    app.processEvents()
    shown = _rss_mib()
    bar = view.verticalScrollBar()
    for step in range(0, 101):  # drag the scroll bar from the top to the end, a frame at each stop
        bar.setValue(bar.maximum() * step // 100)
        app.processEvents()
    view.scrollToBottom()
    app.processEvents()
    windowed = _rss_mib()
    every = search_customers(CustomerFilter(), today=clock.now().date(), limit=model.total())
    held_all = _rss_mib()
    cache_kib = -int(database.execute_sql("PRAGMA cache_size").fetchone()[0])  # negative: KiB
    return {"before": before, "shown": shown - before, "windowed": windowed - before, "all_rows": held_all - windowed,
            "sqlite_cache_mib": cache_kib / 1024,
            "rows": model.rowCount(), "held": model.held_rows(), "every": len(every)}


def memory_rows(book: Path, customers: int) -> list[Row]:
    out = subprocess.run([sys.executable, "-m", "bench.bench_search_input", "--memory", str(book)],
                         capture_output=True, text=True, timeout=600, check=True)
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    section = f"customer list memory, {customers:,} customers (child process, RSS)"
    return [Row(section, "RSS added by the list shown (first page)", figures["shown"], "MB"),
            Row(section, "RSS added by the list scrolled end to end", figures["windowed"], "MB",
                ratio=figures["windowed"] / figures["all_rows"] if figures["all_rows"] > 0 else None,
                note=f"{figures['held']:,} of {figures['rows']:,} rows held, incl. SQLite's page cache "
                     f"(up to {figures['sqlite_cache_mib']:.0f} MiB); x base: holding every row"),
            Row(section, "  holding every customer row (for comparison)", figures["all_rows"], "MB",
                note=f"{figures['every']:,} row objects")]


def _rows(section: str, today: date, now: datetime, repeats: int) -> list[Row]:
    rows = []
    for text, kind in hostile_queries():
        flt = CustomerFilter(text=text)

        def page_and_count(f=flt):
            search_customers(f, today=today, now=now)
            return count_customers(f, today=today, now=now)

        seconds = median_seconds(page_and_count, repeats)
        rows.append(timing(section, f"  {kind}", seconds, target_ms=TARGET_MS,
                           note=f"{page_and_count():,} hits"))
    return rows


if __name__ == "__main__":
    from bench.report import render
    from trade_crm.store.db import close_database, open_database

    if sys.argv[1] == "--memory":
        print(json.dumps(list_memory(Path(sys.argv[2]))))
        sys.exit(0)
    path = Path(sys.argv[-1])
    database = open_database(path)
    try:
        today = date.fromisoformat(json.loads(path.with_suffix(".json").read_text())["built_on"])
        if "--keystroke" in sys.argv:
            customers = count_customers(CustomerFilter(), today=today)
            print(render(keystroke_rows(path, today, customers, 5) + memory_rows(path, customers)))
        else:
            print(render(_rows("search: hostile queries", today, datetime.now(timezone.utc), 5)))
    finally:
        close_database(database)
