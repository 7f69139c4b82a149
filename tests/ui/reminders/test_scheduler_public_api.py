"""The reminder scheduler uses APScheduler through its public API only: no private names, no module
globals replaced, no subclass of its classes (which is how `super()._real_add_job()` style overrides
came in). An AST scan of the ui modules, checked against the patterns it replaced so that it cannot pass
by finding nothing."""

from __future__ import annotations

import ast
import datetime as datetime_module
import inspect

import pytest
from apscheduler.schedulers import base as apscheduler_base

from trade_crm.domain.clock import FixedClock
from trade_crm.domain.reminders.sync import SyncResult
from trade_crm.ui.reminders import alarms, first_paint, scheduler
from trade_crm.ui.reminders.scheduler import ReminderScheduler

MODULES = [scheduler, alarms, first_paint]


def _root_chain(node: ast.expr):
    """`a.b().c[0]` yields `a.b().c[0]`, `a.b().c`, `a.b()`, `a.b`, `a`."""
    while True:
        yield node
        if isinstance(node, (ast.Attribute, ast.Subscript)):
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        else:
            return


def apscheduler_violations(source: str) -> list[str]:
    """Every use of an APScheduler module, class or object that is not its public API."""
    tree = ast.parse(source)
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update((a.asname or a.name).split(".")[0] for a in node.names if a.name.startswith("apscheduler"))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("apscheduler"):
            names.update(a.asname or a.name for a in node.names)
    tracked = set(names)  # APScheduler names, and the expressions holding objects made or got from them
    assignments = [node for node in ast.walk(tree) if isinstance(node, (ast.Assign, ast.AnnAssign))]
    while True:
        grown = {ast.unparse(target) for node in assignments if node.value is not None
                 and any(ast.unparse(part) in tracked for part in _root_chain(node.value))
                 for target in (node.targets if isinstance(node, ast.Assign) else [node.target])}
        if grown <= tracked:
            break
        tracked |= grown

    def on_apscheduler(node: ast.expr) -> bool:
        return any(ast.unparse(part) in tracked for part in _root_chain(node))

    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and on_apscheduler(node.value):
            found.append(f"private name {ast.unparse(node)}")
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
            found += [f"assigns {ast.unparse(t)}" for t in targets
                      if isinstance(t, (ast.Attribute, ast.Subscript)) and on_apscheduler(t.value)]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args and \
                node.func.id in ("getattr", "setattr", "delattr") and on_apscheduler(node.args[0]):
            name = node.args[1].value if len(node.args) > 1 and isinstance(node.args[1], ast.Constant) else None
            if node.func.id != "getattr" or not isinstance(name, str) or name.startswith("_"):
                found.append(f"{node.func.id} on {ast.unparse(node.args[0])}")
        elif isinstance(node, ast.ClassDef):
            found += [f"{node.name} subclasses {ast.unparse(b)}" for b in node.bases if on_apscheduler(b)]
    return found


THE_OLD_WAY = '''
import contextlib
from apscheduler.schedulers import base as apscheduler_base
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.qt import QtScheduler

def install():
    apscheduler_base.datetime = object

class Clocked(QtScheduler):
    def _process_jobs(self):
        return apscheduler_base.BaseScheduler._process_jobs(self)

class Holder:
    def __init__(self):
        self._scheduler = BackgroundScheduler()

    def poke(self):
        job = self._scheduler.get_job("x")
        job._modify(next_run_time=None)
        setattr(self._scheduler, "wakeup", print)
        return self._scheduler.get_jobs()[0].next_run_time
'''


def test_the_scan_finds_module_globals_private_names_and_subclasses():
    found = apscheduler_violations(THE_OLD_WAY)
    assert sorted(found) == [
        "Clocked subclasses QtScheduler",
        "assigns apscheduler_base.datetime",
        "private name apscheduler_base.BaseScheduler._process_jobs",
        "private name job._modify",
        "setattr on self._scheduler",
    ]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_the_reminder_scheduler_uses_only_apschedulers_public_api(module):
    assert apscheduler_violations(inspect.getsource(module)) == []


def test_alarms_module_is_the_one_that_talks_to_apscheduler():
    assert "apscheduler" in inspect.getsource(alarms)
    assert "apscheduler" not in inspect.getsource(scheduler).replace("APScheduler", "")


def test_a_running_scheduler_leaves_apschedulers_module_globals_alone(qtbot, db):
    clock = FixedClock.at("2026-11-16 08:30", "Asia/Shanghai")
    reminder_scheduler = ReminderScheduler(
        clock, run_in_worker=False, sync=lambda c: SyncResult(today=c.now().date(), new=[], due_count=0))
    try:
        with qtbot.waitSignal(reminder_scheduler.reminders_updated, timeout=5000):
            reminder_scheduler.start(after_first_paint=False)
        assert apscheduler_base.datetime is datetime_module.datetime
    finally:
        reminder_scheduler.shutdown()
