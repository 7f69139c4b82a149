"""The main-window figures: start-up to the first painted window, and applying a search in the GUI model.

`gui_rows(ctx)` returns report rows for `python -m bench` (registered in bench/cases.py BENCHES).
Run alone: `python -m bench.bench_gui [--quick] [--profile FILE]`.

- start-up: each run spawns a fresh interpreter (`python -m bench.gui_start_app BOOK SPAWNED_AT`) that opens
  the book as run_gui does, builds the real main window with `trade_crm.app.build_main_window`, shows it
  and reports the seconds from the spawn until its first paint has completed. Beside it, the baseline
  (`bench.gui_start_bare`): a bare QMainWindow + QTableView over a QAbstractTableModel holding every
  customer row read from the same book with plain sqlite3, timed the same way in the same run. One
  untimed warm-up of each (file cache, bytecode), then 3 timed runs each, interleaved; medians.
  Targets: the main window within 1.5 x the bare window (judged over the 100k book) and under 1 s.
  The cached book has no reminders saved (nothing has run the app's start job on it), so one more
  figure starts the window as run_gui does (`--run-gui`: notifier, reminder scheduler and controller,
  the scheduler started after show()) over a copy of the book whose reminders were computed first, as
  on every start after the first. It is stopped at RUN_GUI_CAP_S when it has not painted by then; when
  it is quicker, that start was its warm-up and 5 timed starts follow (RUN_GUI_RUNS). Bytecode is written (the
  environment's PYTHONDONTWRITEBYTECODE is dropped for the children), as on a user's machine.
- search: in this process, a CustomerTableModel over the book; each figure is `set_filter(CustomerFilter(
  text=q))` plus the first `data()` of row 0 (median of the repeats, after a warm-up), for a dozen
  queries; p50/p95 over them against 50 ms. For comparison, the same queries typed into the real main
  window's search box (`apply_filter` after the typing pause: the model, the reselection, the filter
  chips and the status bar's counts).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from bench.report import Row, median_seconds, timing

START_RUNS = 3
RUN_GUI_RUNS = 5  # the row judged against 1.1 x base: its median moved by 0.03 between runs of 3
START_RATIO_TARGET = 1.5
RUN_GUI_RATIO_TARGET = 1.1  # issue #17: as run_gui starts it, with 57k reminders due
RSS_TARGET_MIB = 200.0
START_FLOOR = "bare QMainWindow + QTableView holding every customer row (bench.gui_start_bare)"
RSS_FLOOR = "Python + Qt with a bare window holding nothing (bench.gui_start_bare --empty)"
START_TARGET_MS = 1000.0
RATIO_BOOK = 100_000  # the book the ratio target is set for
FILTER_TARGET_MS = 50.0
RUN_GUI_CAP_S = 60.0  # a start-up still not painted by then is stopped
PHASES = ("interpreter", "imports", "data", "built", "painted")
_REPO = Path(__file__).resolve().parents[1]


# --- start-up ----------------------------------------------------------------------------------------

def spawn_start(script: str, book: Path, settings_dir: Path, env: dict[str, str] | None = None, *,
                options: tuple[str, ...] = (), timeout: float = 120) -> dict:
    """One fresh process of bench.gui_start_<script>; its JSON (seconds since the spawn per phase).
    Raises subprocess.TimeoutExpired (the child killed) when it has not painted within `timeout`."""
    # Bytecode is written, as on a user's machine (a build ships it; `make run` writes it on the first
    # start): the warm-up start writes it, and the timed starts load it instead of compiling every module.
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "QT_QPA_PLATFORM": "offscreen",
           **(env or {})}
    settings = settings_dir / f"settings-{time.time_ns()}.ini"  # a new file each run: a first start
    command = [sys.executable, "-m", f"bench.gui_start_{script}", str(book)]
    spawned_at = time.time()
    command += [repr(spawned_at)] + ([str(settings)] if script == "app" else []) + list(options)
    done = subprocess.run(command, cwd=_REPO, env=env, capture_output=True, text=True, timeout=timeout)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"bench.gui_start_{script} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return json.loads(lines[-1])


def start_times(book: Path, runs: int = START_RUNS) -> dict[str, list[dict]]:
    """`runs` timed start-ups of each window, interleaved, after one untimed warm-up of each."""
    results: dict[str, list[dict]] = {"bare": [], "app": []}
    with tempfile.TemporaryDirectory(prefix="trade-crm-bench-gui-") as folder:
        for script in results:
            spawn_start(script, book, Path(folder))
        for _ in range(runs):
            for script, runs_of in results.items():
                runs_of.append(spawn_start(script, book, Path(folder)))
    return results


def _median(runs: list[dict], phase: str) -> float:
    return statistics.median(run[phase] for run in runs)


def _phases_note(runs: list[dict]) -> str:
    """Where the median run's time goes: each phase's share, in ms."""
    steps, last = [], 0.0
    labels = {"interpreter": "python", "imports": "imports", "data": "db/data", "built": "build",
              "painted": "show+paint"}
    for phase in PHASES:
        at = _median(runs, phase)
        steps.append(f"{labels[phase]} {max(0.0, at - last) * 1000:.0f}")
        last = at
    return "ms: " + ", ".join(steps)


def start_rows(book: Path, customers: int, runs: int = START_RUNS) -> list[Row]:
    section = (f"main window start-up, process start to first paint, {customers:,} customers "
               f"(x base: bare QMainWindow+QTableView; median of {runs})")
    results = start_times(book, runs)
    bare, app = _median(results["bare"], "painted"), _median(results["app"], "painted")
    ratio = app / bare
    # The ratio target is the issue's, over the 100k book: over a smaller one the bare window has little
    # to read, so the app's fixed cost (imports, widgets) alone exceeds 1.5 x; only the 1 s target holds.
    judge_ratio = customers >= RATIO_BOOK
    ok = (ratio <= START_RATIO_TARGET or not judge_ratio) and app * 1000 < START_TARGET_MS
    target = (f"<= {START_RATIO_TARGET:g} x base, " if judge_ratio else "") + f"< {START_TARGET_MS:g} ms"
    runs_ms = ", ".join(f"{run['painted'] * 1000:.0f}" for run in results["app"])
    return [
        timing(section, "bare window, all rows in a plain model (base)", bare, bare,
               note=f"{results['bare'][0]['rows']:,} rows; {_phases_note(results['bare'])}"),
        Row(section, "main window (build_main_window over the book)", app * 1000, "ms", ratio=ratio,
            target=target, ok=ok,
            note=f"runs {runs_ms} ms; {results['app'][0]['loaded']:,} rows loaded of "
                 f"{results['app'][0]['rows']:,}; {_phases_note(results['app'])}"),
        timing(section, "  main window minus bare window", app - bare),
        *run_gui_rows(section, book, bare, judge_ratio, _median(results["bare"], "rss_peak_mib")),
    ]


def copy_with_reminders(book: Path, folder: Path) -> tuple[Path, int]:
    """A copy of the book whose reminders have been computed and saved, as after the app's first start
    (the cached book has none). Returns the copy and how many reminders are due."""
    copy = folder / "book-with-reminders.db"
    source, target = sqlite3.connect(f"file:{book}?mode=ro", uri=True), sqlite3.connect(copy)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    done = subprocess.run([sys.executable, "-m", "bench.bench_gui", "--sync-reminders", str(copy)], cwd=_REPO,
                          capture_output=True, text=True, timeout=600, check=True)
    return copy, int(done.stdout.split()[-1])


def run_gui_rows(section: str, book: Path, bare: float, judge_ratio: bool, bare_rss: float) -> list[Row]:
    """The main window started as run_gui starts it, over a copy of the book with its reminders saved:
    the state of every start after the first. One run capped at RUN_GUI_CAP_S; RUN_GUI_RUNS when it is quick.
    Then the memory: one more start that runs on until the first sync has filled the reminder pane."""
    with tempfile.TemporaryDirectory(prefix="trade-crm-bench-gui-") as name:
        folder = Path(name)
        copy, due = copy_with_reminders(book, folder)
        runs: list[dict] = []
        failure = f"not painted within {RUN_GUI_CAP_S:g} s (stopped there)"
        try:  # the first start is capped; when it is quick it was the warm-up (bytecode of the modules
            runs.append(spawn_start("app", copy, folder, options=("--run-gui",), timeout=RUN_GUI_CAP_S))
            if runs[0]["painted"] < 5:  # only run_gui imports) and 5 timed starts follow, each beside a
                runs, bares = [], []  # bare window's start, so both meet the same load of the machine
                for _ in range(RUN_GUI_RUNS):
                    runs.append(spawn_start("app", copy, folder, options=("--run-gui",)))
                    bares.append(spawn_start("bare", book, folder))
                bare = _median(bares, "painted")
        except subprocess.TimeoutExpired:
            pass
        except RuntimeError as exc:
            runs, failure = [], str(exc).splitlines()[-1][:160]
        memory = memory_rows(copy, book, folder, bare_rss, due)
    metric = "main window as run_gui starts it, reminders computed"
    target = (f"<= {RUN_GUI_RATIO_TARGET:g} x base, " if judge_ratio else "") + f"< {START_TARGET_MS:g} ms"
    if not runs:
        return [Row(section, metric, RUN_GUI_CAP_S * 1000, "ms", ratio=RUN_GUI_CAP_S / bare, target=target,
                    ok=False, note=f"{failure}; {due:,} reminders due", floor=START_FLOOR), *memory]
    app = _median(runs, "painted")
    ok = (app / bare <= RUN_GUI_RATIO_TARGET or not judge_ratio) and app * 1000 < START_TARGET_MS
    return [Row(section, metric, app * 1000, "ms", ratio=app / bare, target=target, ok=ok, floor=START_FLOOR,
                note=f"median of {len(runs)}, x base: bare windows started between them ({bare * 1000:.0f} ms); "
                     f"{due:,} reminders due; the pane filled and the scheduler started after the first paint; "
                     f"{_phases_note(runs)}"), *memory]


def memory_rows(copy: Path, book: Path, folder: Path, bare_rss: float, due: int) -> list[Row]:
    """Peak RSS of a child started as run_gui starts it, once its first sync has filled the reminder pane,
    against the floor: a child with Python, Qt and a bare window holding nothing."""
    section = "memory, peak RSS of a child process (x base: Python + Qt + a bare window holding nothing)"
    floor = spawn_start("bare", book, folder, options=("--empty",))["rss_peak_mib"]
    try:
        run = spawn_start("app", copy, folder, options=("--memory",), timeout=RUN_GUI_CAP_S * 3)
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        return [Row(section, "100k book open, reminder pane filled", 0, "MiB", target=f"<= {RSS_TARGET_MIB:g} MiB",
                    ok=False, note=str(exc).splitlines()[-1][:160], floor=RSS_FLOOR)]
    peak = run["rss_peak_mib"]
    new_day = _new_day_copy(copy, folder)
    try:
        first = spawn_start("app", new_day, folder, options=("--memory",), timeout=RUN_GUI_CAP_S * 3)
        first_note = (f"the first start of a day: its sync computes every reminder in the worker "
                      f"(sync {(first['synced'] - first['painted']) * 1000:.0f} ms after the first paint)")
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        first, first_note = {"rss_peak_mib": 0.0}, str(exc).splitlines()[-1][:160]
    return [
        Row(section, "Python + Qt, bare window holding nothing (base)", floor, "MiB", ratio=1.0),
        Row(section, "bare window holding every customer row", bare_rss, "MiB", ratio=bare_rss / floor,
            note="what a plain model of the list costs: the customer list's share (ui/customers)"),
        Row(section, "main window at its first paint (run_gui start)", run["rss_painted_mib"], "MiB",
            ratio=run["rss_painted_mib"] / floor),
        Row(section, "100k book open, reminder pane filled", peak, "MiB", ratio=peak / floor,
            target=f"<= {RSS_TARGET_MIB:g} MiB", ok=peak <= RSS_TARGET_MIB, floor=RSS_FLOOR,
            note=f"peak after the first sync answered; the pane lists {run['reminders_listed']:,} due "
                 f"({due:,} saved), 200 loaded per kind; sync {(run['synced'] - run['painted']) * 1000:.0f} ms "
                 "after the first paint"),
        Row(section, "the same, first start of a day (compute all)", first["rss_peak_mib"], "MiB",
            ratio=first["rss_peak_mib"] / floor, target=f"<= {RSS_TARGET_MIB:g} MiB",
            ok=0 < first["rss_peak_mib"] <= RSS_TARGET_MIB, note=first_note),
    ]


def _new_day_copy(copy: Path, folder: Path) -> Path:
    """A copy of `copy` whose last sync is forgotten, so the next one computes everything, as on the first
    start of a day (the day is not the bench's to change: the child runs on the system clock)."""
    # lazy: as the rest of this module's app imports (the bench starts without the app)
    from trade_crm.domain.reminders.settings import SYNC_BASIS

    target = folder / "book-new-day.db"
    source, out = sqlite3.connect(f"file:{copy}?mode=ro", uri=True), sqlite3.connect(target)
    try:
        source.backup(out)
        out.execute("DELETE FROM setting WHERE key = ?", (SYNC_BASIS.key,))
        out.commit()
    finally:
        out.close()
        source.close()
    return target


def sync_reminders_of(path: Path) -> int:
    """Compute and save the reminders of the book at `path` (a copy) as the app's start job does."""
    from trade_crm.domain.clock import SystemClock
    from trade_crm.domain.reminders.sync import sync_reminders
    from trade_crm.store.db import close_database, open_database

    db = open_database(path, migrate=False)
    try:
        return sync_reminders(SystemClock()).due_count
    finally:
        close_database(db)


# --- applying a search --------------------------------------------------------------------------------

def filter_queries(today) -> list[str]:
    """The issue's five, and others from the search bench (scripts, emails, phones, a tag)."""
    from bench.cases import search_queries

    picked = ["muller", "刘凯", "gmail", "m", "ltd"]
    picked += [text for text, _kind in search_queries(today) if text in (
        "张伟", "王", "li", "@gmail", "1512", "有限公司", "Иванов", "led")]
    picked.append(search_queries(today)[18][0])  # the newest fair's tag: three terms
    return picked


def _application():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([sys.argv[0]])


def filter_rows(ctx) -> list[Row]:
    """The model's set_filter + first data(), and the same through the main window's search box."""
    from PySide6.QtCore import QSettings

    from bench.cases import percentile
    from trade_crm.app import build_main_window
    from trade_crm.domain.clock import FixedClock
    from trade_crm.domain.customers.query import CustomerFilter
    from trade_crm.ui.customers.customer_table_model import CustomerTableModel

    _application()
    section = (f"search in the GUI: set_filter + first data() of row 0, {ctx.customers:,} customers "
               f"(x base: the model's unfiltered reload)")
    clock = FixedClock(datetime.combine(ctx.today, datetime.min.time().replace(hour=10), tzinfo=ctx.now.tzinfo))
    model = CustomerTableModel(clock)

    def apply(text: str) -> object:
        model.set_filter(CustomerFilter(text=text))
        return model.data(model.index(0, 0))

    base = median_seconds(lambda: apply(""), ctx.repeats)
    queries = filter_queries(ctx.today)
    by_query: list[tuple[str, float, int, object]] = []
    for text in queries:
        seconds = median_seconds(lambda t=text: apply(t), ctx.repeats)
        by_query.append((text, seconds, model.total(), model.data(model.index(0, 0))))

    with tempfile.TemporaryDirectory(prefix="trade-crm-bench-gui-") as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = build_main_window(clock, ctx.book.path, settings)
        pane = window.customer_list

        def typed(text: str) -> object:
            pane.search_edit.setText(text)
            pane.apply_filter()  # what the search timer calls after the typing pause
            return pane.model.data(pane.model.index(0, 0))

        in_window = []
        for text in queries:
            typed("")
            typed(text)  # warm-up
            times = []
            for _ in range(ctx.repeats):
                typed("")
                start = time.perf_counter()
                typed(text)
                times.append(time.perf_counter() - start)
            in_window.append(statistics.median(times))
        window.close()
        window.deleteLater()

    model_times = [seconds for _text, seconds, _hits, _first in by_query]
    rows = [
        timing(section, "unfiltered reload (base)", base, base, note=f"{ctx.customers:,} customers"),
        timing(section, "p50, model", percentile(model_times, 0.5), base, target_ms=FILTER_TARGET_MS),
        timing(section, "p95, model", percentile(model_times, 0.95), base, target_ms=FILTER_TARGET_MS),
        timing(section, "max, model", max(model_times), base),
        timing(section, "p50, main window search box (apply_filter)", percentile(in_window, 0.5), base,
               note="incl. reselect, filter chips, status bar counts"),
        timing(section, "p95, main window search box (apply_filter)", percentile(in_window, 0.95), base),
    ]
    for (text, seconds, hits, first), window_s in zip(by_query, in_window, strict=True):
        row = timing(section, f"  {text}", seconds, base, target_ms=FILTER_TARGET_MS,
                     note=f"{hits:,} hits, row 0 {str(first)[:28]!r}; in the window {window_s * 1000:.1f} ms")
        if not hits:
            row = replace(row, ok=False, note="no hits: this query no longer fits the book")
        rows.append(row)
    return rows


def gui_rows(ctx) -> list[Row]:
    """For bench/cases.py BENCHES (ctx: bench.cases.Context)."""
    return start_rows(ctx.book.path, ctx.customers) + filter_rows(ctx)


# --- alone ---------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    from bench.__main__ import FULL_BOOK, QUICK_BOOK
    from bench.book import ensure_book
    from bench.cases import Context
    from bench.report import render
    from trade_crm.store.db import close_database, open_database

    parser = argparse.ArgumentParser(prog="python -m bench.bench_gui", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"the {QUICK_BOOK:,}-customer book")
    parser.add_argument("--repeats", type=int, default=11)
    parser.add_argument("--profile", metavar="FILE",
                        help="profile one start-up of the main window with cProfile; the stats into FILE")
    parser.add_argument("--sync-reminders", metavar="DB", type=Path, help=argparse.SUPPRESS)  # for run_gui_rows
    args = parser.parse_args(argv)
    if args.sync_reminders:
        print(sync_reminders_of(args.sync_reminders))
        return 0
    book = ensure_book(QUICK_BOOK if args.quick else FULL_BOOK)
    if args.profile:
        with tempfile.TemporaryDirectory() as folder:
            spawn_start("app", book.path, Path(folder))  # warm-up
            result = spawn_start("app", book.path, Path(folder),
                                 env={"TRADE_CRM_BENCH_PROFILE": str(Path(args.profile).resolve())})
        print(f"profiled start-up (slower than unprofiled): {result}; report in {args.profile}")
        return 0
    db = open_database(book.path, migrate=False)
    try:
        rows = gui_rows(Context(book=book, db=db, repeats=args.repeats))
    finally:
        close_database(db)
    print(render(rows))
    return 1 if any(row.ok is False for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
