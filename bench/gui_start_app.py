"""Start-up of the real app: `python -m bench.gui_start_app DBPATH SPAWNED_AT [SETTINGS_INI] [--run-gui]`.

It opens DBPATH as run_gui does (trade_crm/app.py), builds the main window with `build_main_window`, shows
it and prints JSON timings in seconds since SPAWNED_AT (the parent's `time.time()` just before it started
this process).

With `--run-gui`, the window is also wired as run_gui wires it (notifier, reminder scheduler and
controller) and the scheduler is started right after show(), as there: its start job recomputes the
reminders, so this mode writes to DBPATH (the bench passes it a copy).

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
    run_gui = "--run-gui" in argv
    argv = [arg for arg in argv if arg != "--run-gui"]
    db_path, spawned_at = Path(argv[0]), float(argv[1])
    settings_path = argv[2] if len(argv) > 2 else str(Path(tempfile.mkdtemp(prefix="trade-crm-bench-")) / "s.ini")
    stamps = {"interpreter": time.time()}
    profiler = _profiler()
    from PySide6.QtCore import QSettings

    from bench.gui_start_bare import emit, wait_for_first_paint
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
    window = build_main_window(clock, db_path, settings, language=language)
    after_show = _wire_like_run_gui(app, window, clock, settings) if run_gui else None
    stamps["built"] = time.time()
    stamps["painted"] = wait_for_first_paint(app, window, window.customer_list.table.viewport(), after_show)
    if profiler is not None:
        profiler.disable()
        with open(os.environ["TRADE_CRM_BENCH_PROFILE"], "w", encoding="utf-8") as out:
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(60)
    emit(stamps, spawned_at, {"rows": window.customer_list.model.total(),
                              "loaded": window.customer_list.model.rowCount()})


def _wire_like_run_gui(app, window, clock, settings):
    """The rest of run_gui's start: notifier, reminder scheduler and controller; the scheduler starts
    right after the window is shown (its start job recomputes the reminders: this writes to the book)."""
    from trade_crm.ui.reminders.scheduler import ReminderScheduler
    from trade_crm.ui.reminders.tray import create_notifier
    from trade_crm.ui.shell.reminder_controller import ReminderController

    notifier = create_notifier(app)
    app.setQuitOnLastWindowClosed(not notifier.is_tray)
    scheduler = ReminderScheduler(clock, app)
    ReminderController(window, clock, settings, notifier, scheduler)
    app.aboutToQuit.connect(scheduler.shutdown)
    return scheduler.start


def _profiler() -> cProfile.Profile | None:
    if not os.environ.get("TRADE_CRM_BENCH_PROFILE"):
        return None
    profiler = cProfile.Profile()
    profiler.enable()
    return profiler


if __name__ == "__main__":
    main(sys.argv[1:])
