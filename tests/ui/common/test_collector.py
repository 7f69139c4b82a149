"""ui/common/collector.py: the cyclic collector runs on the GUI thread only, so a QObject left in a cycle is
deleted on its own thread however busy the worker threads are."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject

from trade_crm.ui.common.collector import GuiThreadCollector, collect_due


def churn_cycles(count: int = 50_000) -> None:
    """What an import's worker thread does to the collector: many young objects, some in cycles."""
    for _ in range(count):
        box: list = []
        box.append(box)


def test_a_qobject_in_a_cycle_is_deleted_on_the_gui_thread_while_a_worker_thread_churns(qtbot, automatic_collector):
    collections: list[bool] = []  # one per collection: whether it ran on the GUI thread

    def note(phase, _info):
        if phase == "start":
            collections.append(threading.current_thread() is threading.main_thread())

    deleted_on: list[bool] = []
    orphan = QObject()
    orphan.itself = orphan  # a cycle: only the cyclic collector frees it
    orphan.destroyed.connect(lambda: deleted_on.append(threading.current_thread() is threading.main_thread()))
    del orphan
    collector = GuiThreadCollector(interval_ms=10)
    gc.callbacks.append(note)
    try:
        collector.start()
        worker = threading.Thread(target=churn_cycles)
        worker.start()
        worker.join()
        assert collections == []  # the worker allocated far past every threshold and never collected
        qtbot.waitUntil(lambda: bool(deleted_on), timeout=5_000)  # the timer's collection
    finally:
        collector.stop()
        gc.callbacks.remove(note)
    assert deleted_on == [True] and collections and all(collections)
    assert gc.isenabled()  # as the collector found it


def test_collect_due_collects_only_a_generation_past_its_threshold(automatic_collector):
    gc.collect()
    gc.disable()
    assert collect_due() == 0  # nothing allocated since
    churn_cycles(gc.get_threshold()[0] * 2)
    assert collect_due() > 0
    assert gc.get_count()[0] < gc.get_threshold()[0]
