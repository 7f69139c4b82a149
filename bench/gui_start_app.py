"""Start-up of the real app: `python -m bench.gui_start_app DBPATH SPAWNED_AT [SETTINGS_INI] [--run-gui|--memory]`.

It opens DBPATH as run_gui does (trade_crm/app.py), builds the main window with `build_main_window`, shows
it and prints JSON timings in seconds since SPAWNED_AT (the parent's `time.time()` just before it started
this process).

With `--run-gui`, the window is also wired as run_gui wires it (notifier, reminder scheduler and
controller) and the scheduler is started right after show(), as there: its start job recomputes the
reminders, so this mode writes to DBPATH (the bench passes it a copy). With `--memory`, as --run-gui, then
the event loop runs on until that first sync has answered and the reminder pane is filled; the peak RSS
then is the memory figure (and the RSS at the first paint is reported beside it).

The first paint is detected as in gui_start_bare.py (the customer table's viewport has painted and the
event that painted it has been handled). Settings come from a fresh INI file, so the window opens at
its default size with no restored state, like a first start. The book is opened without migrating
(the cached bench book is at the latest schema), and nothing is written to it (but see --run-gui).

With `TRADE_CRM_BENCH_PROFILE=FILE` in the environment, the run is profiled with cProfile from the first
import of trade_crm to the first paint, and the functions by cumulative time are written to FILE.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str]) -> None:
    memory = "--memory" in argv  # run_gui's start, then on until the first sync has filled the reminder pane
    run_gui = memory or "--run-gui" in argv
    argv = [arg for arg in argv if arg not in ("--run-gui", "--memory")]
    db_path, spawned_at = Path(argv[0]), float(argv[1])
    settings_path = argv[2] if len(argv) > 2 else str(Path(tempfile.mkdtemp(prefix="trade-crm-bench-")) / "s.ini")
    stamps = {"interpreter": time.time()}
    profiler = _profiler()
    from PySide6.QtCore import QSettings

    from bench.gui_start_bare import emit, rss_mib, wait_for_first_paint
    from trade_crm.app import _application, build_main_window
    from trade_crm.domain.clock import SystemClock
    from trade_crm.store.db import open_database
    from trade_crm.ui.common.i18n import install_translator, resolve_language
    from trade_crm.ui.shell.settings_dialog import LANGUAGE

    stamps["imports"] = time.time()
    app = _application()  # what run_gui does first: the QApplication with its names and window icon
    settings = QSettings(settings_path, QSettings.Format.IniFormat)
    language = resolve_language(LANGUAGE.read(settings))
    _translators = install_translator(app, language)  # kept alive, as run_gui keeps them
    open_database(db_path, migrate=False)
    stamps["data"] = time.time()
    clock = SystemClock()
    window = build_main_window(clock, db_path, settings, language=language, reminders_after_paint=run_gui)
    after_show, scheduler = _wire_like_run_gui(app, window, clock, settings, memory) if run_gui else (None, None)
    stamps["built"] = time.time()
    stamps["painted"] = wait_for_first_paint(app, window, window.customer_list.table.viewport(), after_show)
    extra = {}
    if memory:
        extra["rss_painted_mib"], extra["rss_painted_peak_mib"] = rss_mib()
        extra["reminders_listed"] = _until_synced(app, scheduler, window)
        stamps["synced"] = time.time()
    if profiler is not None:
        profiler.disable()
        with open(os.environ["TRADE_CRM_BENCH_PROFILE"], "w", encoding="utf-8") as out:
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(60)
    emit(stamps, spawned_at, {"rows": window.customer_list.model.total(),
                              "loaded": window.customer_list.model.rowCount(), **extra})


def _until_synced(app, scheduler, window) -> int:
    """Run the event loop until the start job's sync has answered and the reminder pane was filled from
    it (ReminderController refreshes the pane on reminders_updated); the reminders the pane lists."""
    from PySide6.QtCore import QTimer

    scheduler.reminders_updated.connect(lambda _count: QTimer.singleShot(0, app.quit))
    QTimer.singleShot(120_000, app.quit)  # never hang the bench
    app.exec()
    if scheduler.last_result is None:
        raise RuntimeError("the reminders were not synced within 120 s")
    return window.reminders.due_count()


def _wire_like_run_gui(app, window, clock, settings, memory: bool = False):
    """The rest of run_gui's start: notifier, reminder scheduler and controller; the scheduler starts
    right after the window is shown (its start job recomputes the reminders: this writes to the book)."""
    from trade_crm.ui.reminders.scheduler import ReminderScheduler
    from trade_crm.ui.reminders.tray import create_notifier
    from trade_crm.ui.shell.reminder_controller import ReminderController

    notifier = create_notifier(app)
    app.setQuitOnLastWindowClosed(not notifier.is_tray)
    scheduler = ReminderScheduler(clock, app)
    ReminderController(window, clock, settings, notifier, scheduler)
    if not memory:  # there the event loop is left at the first paint and entered again for the sync
        app.aboutToQuit.connect(scheduler.shutdown)

    def after_show() -> None:  # as run_gui does after window.show()
        window.reminders.fill_after_first_paint()
        scheduler.start()

    return after_show, scheduler


def _profiler() -> cProfile.Profile | None:
    if not os.environ.get("TRADE_CRM_BENCH_PROFILE"):
        return None
    profiler = cProfile.Profile()
    profiler.enable()
    return profiler


if __name__ == "__main__":
    main(sys.argv[1:])
