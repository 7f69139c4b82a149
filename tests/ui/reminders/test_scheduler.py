"""The reminder scheduler under pytest-qt: jobs fire on a fake clock, with no real waiting.

Most tests run the sync right where the job fires (`run_in_worker=False`) to check *when* it runs; the
worker path (the app's) is tested with waitSignal: results on the GUI thread, overlapping recomputes
coalesced, the start job after the first paint, busy retries, and a pane write during a worker's sync."""

from __future__ import annotations

import threading
import time
from datetime import date, datetime, timedelta
from datetime import time as day_time
from zoneinfo import ZoneInfo

import pytest
from peewee import OperationalError
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QWidget

from trade_crm.domain.clock import FixedClock, SystemClock
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.domain.reminders.records import mark_done_many, save_reminder
from trade_crm.domain.reminders.sync import SyncResult, sync_reminders
from trade_crm.store.models import Reminder, database
from trade_crm.ui.reminders.alarms import Alarms
from trade_crm.ui.reminders.scheduler import ReminderScheduler


class FakeMonotonic:
    def __init__(self):
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value


@pytest.fixture
def make_scheduler(qtbot):
    made = []

    def make(clock, **kwargs):
        kwargs.setdefault("run_in_worker", False)
        scheduler = ReminderScheduler(clock, **kwargs)
        made.append(scheduler)
        return scheduler

    yield make
    for scheduler in made:
        scheduler.shutdown()


def _a_customer_contacted(clock, days_ago: int) -> int:
    then = FixedClock(clock.now() - timedelta(days=days_ago), clock.zone)
    customer = create_customer(then, name="Hamburg Tools GmbH", country="DE", rating="A")
    log_interaction(customer, "email", "Sent catalogue", then)
    return customer


def _started(qtbot, scheduler, signal_name="reminders_updated"):
    with qtbot.waitSignal(getattr(scheduler, signal_name), timeout=2000) as blocker:
        scheduler.start(after_first_paint=False)
    return blocker.args


def test_start_reports_what_fell_due_while_the_app_was_closed(qtbot, db, make_scheduler):
    clock = FixedClock.at("2026-11-16 08:30", "Asia/Shanghai")
    customer = _a_customer_contacted(clock, 16)
    scheduler = make_scheduler(clock)
    (away,) = _started(qtbot, scheduler, "away_reminders_found")
    assert [r.customer_id for r in away] == [customer]
    assert scheduler.last_result.due_count == 1
    assert scheduler.job_ids() == ["midnight", "safety_net", "wake_check"]  # the start job ran once
    with qtbot.assertNotEmitted(scheduler.reminders_raised):
        scheduler.recompute("again")


@pytest.mark.parametrize("run_in_worker", [False, True])
def test_midnight_job_runs_at_the_users_local_midnight(qtbot, db, make_scheduler, run_in_worker):
    clock = FixedClock.at("2026-11-14 23:50", "Asia/Shanghai")
    _a_customer_contacted(clock, 13)  # due tomorrow, in the user's calendar
    scheduler = make_scheduler(clock, monotonic=FakeMonotonic(), run_in_worker=run_in_worker)
    assert _started(qtbot, scheduler) == [0]
    assert scheduler.next_run_time("midnight") == datetime.fromisoformat("2026-11-15T00:00:00+08:00")
    clock.advance(timedelta(minutes=10, seconds=5))
    with qtbot.waitSignal(scheduler.reminders_raised, timeout=1000) as blocker:
        scheduler.process_due_jobs()
    (raised,) = blocker.args
    assert [r.title for r in raised] == ["Keep in touch with Hamburg Tools GmbH"]


def test_midnight_follows_daylight_saving_time(qtbot, db, make_scheduler):
    clock = FixedClock.at("2026-03-28 20:00", "Europe/Berlin")
    scheduler = make_scheduler(clock)
    _started(qtbot, scheduler)
    assert scheduler.next_run_time("midnight").isoformat() == "2026-03-29T00:00:00+01:00"
    clock.advance(timedelta(hours=4, minutes=1))
    scheduler.process_due_jobs()
    assert scheduler.next_run_time("midnight").isoformat() == "2026-03-30T00:00:00+02:00"
    clock.advance(timedelta(days=1))
    scheduler.process_due_jobs()
    assert scheduler.next_run_time("midnight").isoformat() == "2026-03-31T00:00:00+02:00"


def test_safety_net_catches_changes_nobody_announced(qtbot, db, make_scheduler):
    clock = FixedClock.at("2026-11-16 08:30", "Asia/Shanghai")
    monotonic = FakeMonotonic()
    scheduler = make_scheduler(clock, monotonic=monotonic)
    _started(qtbot, scheduler)
    _a_customer_contacted(clock, 20)  # written behind the scheduler's back (another window, an import)
    for _ in range(15):  # the wake check runs every minute on the way
        clock.advance(timedelta(minutes=1))
        monotonic.value += 60
        scheduler.process_due_jobs()
        if scheduler.last_result.due_count:
            break
    assert scheduler.last_result.due_count == 1 and len(scheduler.last_result.new) == 1
    assert clock.now() == FixedClock.at("2026-11-16 08:45", "Asia/Shanghai").now()
    assert scheduler.wakes == 0


@pytest.mark.parametrize("run_in_worker", [False, True])
def test_waking_from_sleep_is_detected_by_the_wall_clock_jump(qtbot, db, make_scheduler, run_in_worker):
    clock, monotonic = FixedClock.at("2026-11-16 08:30", "Asia/Shanghai"), FakeMonotonic()
    scheduler = make_scheduler(clock, monotonic=monotonic, run_in_worker=run_in_worker)
    _started(qtbot, scheduler)
    clock.advance(timedelta(seconds=61))
    monotonic.value += 61
    scheduler.process_due_jobs()
    assert scheduler.wakes == 0
    clock.advance(timedelta(hours=9))  # the lid was closed overnight: the monotonic clock stood still
    monotonic.value += 1
    with qtbot.waitSignal(scheduler.reminders_updated, timeout=1000):
        scheduler.process_due_jobs()
    assert scheduler.wakes == 1


def test_an_alarm_that_rings_before_the_clock_gets_there_is_armed_again(qtbot, db, make_scheduler):
    clock = FixedClock.at("2026-11-14 23:50", "Asia/Shanghai")
    scheduler = make_scheduler(clock)
    _started(qtbot, scheduler)
    alarms = scheduler.findChild(Alarms)
    assert alarms.names() == scheduler.job_ids() == ["midnight", "safety_net", "wake_check"]
    alarms.disarm("midnight")  # what APScheduler does with a DateTrigger's job once it has rung
    with qtbot.assertNotEmitted(scheduler.reminders_updated):
        scheduler.on_alarms_rang("midnight")  # the clock still says 23:50
    assert alarms.is_armed("midnight")
    assert scheduler.next_run_time("midnight").isoformat() == "2026-11-15T00:00:00+08:00"
    clock.advance(timedelta(minutes=10))
    with qtbot.waitSignal(scheduler.reminders_updated, timeout=1000):
        scheduler.on_alarms_rang("midnight")
    assert scheduler.next_run_time("midnight").isoformat() == "2026-11-16T00:00:00+08:00"
    assert alarms.is_armed("midnight")


def test_with_the_system_clock_apscheduler_rings_at_the_users_local_midnight(qtbot, db, make_scheduler):
    clock = SystemClock(ZoneInfo("Asia/Shanghai"))
    scheduler = make_scheduler(clock)
    _started(qtbot, scheduler)
    midnight = scheduler.next_run_time("midnight")
    assert midnight.time() == day_time(0) and timedelta(0) < midnight - clock.now() <= timedelta(days=1)
    assert abs(scheduler.alarm_time("midnight") - midnight) < timedelta(seconds=5)


@pytest.mark.parametrize("run_in_worker", [False, True])
def test_data_changes_are_debounced_into_one_recompute(qtbot, db, make_scheduler, run_in_worker):
    clock = FixedClock.at("2026-11-16 08:30", "Asia/Shanghai")
    calls = []

    def counting_sync(c):
        calls.append(c.now())
        return sync_reminders(c)

    scheduler = make_scheduler(clock, sync=counting_sync, debounce_ms=5, run_in_worker=run_in_worker)
    _started(qtbot, scheduler)
    customer = _a_customer_contacted(clock, 30)
    with qtbot.waitSignal(scheduler.reminders_raised, timeout=1000) as blocker:
        for _ in range(3):
            scheduler.data_changed()
    assert len(calls) == 2  # the start, then one for the burst
    assert [r.customer_id for r in blocker.args[0]] == [customer]


# --- the worker path ----------------------------------------------------------------------------------


class SlowSync:
    """A sync that records its thread and waits for `release` (set it to let it finish)."""

    def __init__(self, due_count: int = 0):
        self.release = threading.Event()
        self.release.set()
        self.threads: list[QThread] = []
        self.due_count = due_count
        self.painted_when_called: list[bool] = []
        self.widget: QWidget | None = None

    def __call__(self, clock) -> SyncResult:
        self.threads.append(QThread.currentThread())
        if self.widget is not None:
            self.painted_when_called.append(self.widget.painted)
        assert self.release.wait(5)
        return SyncResult(today=clock.now().date(), new=[], due_count=self.due_count)


def test_start_syncs_in_a_worker_and_reports_on_the_gui_thread(qtbot, db, make_scheduler):
    clock = FixedClock.at("2026-11-16 08:30", "Asia/Shanghai")
    customer = _a_customer_contacted(clock, 16)
    threads = []

    def recording_sync(c):
        threads.append(QThread.currentThread())
        return sync_reminders(c)

    scheduler = make_scheduler(clock, sync=recording_sync, run_in_worker=True)
    received_on = []
    scheduler.away_reminders_found.connect(lambda _found: received_on.append(QThread.currentThread()))
    (away,) = _started(qtbot, scheduler, "away_reminders_found")
    assert [r.customer_id for r in away] == [customer]
    assert threads and threads[0] is not QThread.currentThread()
    assert received_on == [QThread.currentThread()]
    assert scheduler.syncs_in_worker == 1
    qtbot.waitUntil(lambda: not scheduler.busy)
    assert scheduler.last_result.due_count == 1


def _held_in_a_second_sync(qtbot, make_scheduler):
    """A worker scheduler past its start sync, held inside the sync a "midnight" recompute began."""
    clock = FixedClock.at("2026-11-16 08:30", "Asia/Shanghai")
    sync = SlowSync()
    scheduler = make_scheduler(clock, sync=sync, run_in_worker=True)
    _started(qtbot, scheduler)
    qtbot.waitUntil(lambda: not scheduler.busy)
    sync.release.clear()
    scheduler.request_recompute("midnight")
    qtbot.waitUntil(lambda: len(sync.threads) == 2)
    return scheduler, sync


def test_recomputes_asked_for_while_one_runs_are_coalesced_into_one_more(qtbot, db, make_scheduler):
    scheduler, sync = _held_in_a_second_sync(qtbot, make_scheduler)
    for reason in ("safety net", "data changed", "woke from sleep"):
        scheduler.request_recompute(reason)
    assert scheduler.busy
    sync.release.set()
    qtbot.waitUntil(lambda: len(sync.threads) == 3 and not scheduler.busy)
    qtbot.wait(50)
    assert len(sync.threads) == 3  # the start, the one running, then one for the three asked meanwhile


class PaintedWidget(QWidget):
    painted = False

    def paintEvent(self, event):  # noqa: N802 - Qt override
        self.painted = True
        super().paintEvent(event)


def test_the_start_job_waits_for_the_first_paint(qtbot, db, make_scheduler):
    clock = FixedClock.at("2026-11-16 08:30", "Asia/Shanghai")
    sync = SlowSync()
    sync.widget = PaintedWidget()
    qtbot.addWidget(sync.widget)
    scheduler = make_scheduler(clock, sync=sync, run_in_worker=True, first_paint_wait_ms=10_000)
    scheduler.start()
    qtbot.wait(50)
    assert sync.threads == [] and "start" not in scheduler.job_ids()  # held until something paints
    with qtbot.waitSignal(scheduler.reminders_updated, timeout=5000):
        sync.widget.show()
    assert sync.painted_when_called == [True]


def test_the_alarms_are_armed_after_the_first_paint_and_the_jobs_planned_before(qtbot, db, make_scheduler):
    clock = FixedClock.at("2026-11-16 08:30", "Asia/Shanghai")
    widget = PaintedWidget()
    qtbot.addWidget(widget)
    scheduler = make_scheduler(clock, first_paint_wait_ms=10_000)
    scheduler.start()
    alarms = scheduler.findChild(Alarms)
    assert scheduler.job_ids() == ["midnight", "safety_net", "wake_check"]  # planned at once
    assert alarms.names() == [] and not alarms.running  # APScheduler not even made yet: it waits
    assert scheduler.next_run_time("midnight") == datetime(2026, 11, 17, tzinfo=ZoneInfo("Asia/Shanghai"))
    with qtbot.waitSignal(scheduler.reminders_updated, timeout=5000):
        widget.show()
    assert alarms.running and alarms.names() == ["midnight", "safety_net", "wake_check"]


def test_a_scheduler_shut_down_before_the_first_paint_arms_nothing(qtbot, db, make_scheduler):
    clock = FixedClock.at("2026-11-16 08:30", "Asia/Shanghai")
    scheduler = make_scheduler(clock, first_paint_wait_ms=20)
    scheduler.start()
    scheduler.shutdown()
    qtbot.wait(60)
    assert scheduler.findChild(Alarms).names() == [] and scheduler.last_result is None


def test_the_start_job_runs_without_a_paint_after_a_while(qtbot, db, make_scheduler):
    clock = FixedClock.at("2026-11-16 08:30", "Asia/Shanghai")
    sync = SlowSync(due_count=4)
    scheduler = make_scheduler(clock, sync=sync, run_in_worker=True, first_paint_wait_ms=20)
    with qtbot.waitSignal(scheduler.reminders_updated, timeout=5000) as blocker:
        scheduler.start()  # started hidden, in the tray: nothing paints
    assert blocker.args == [4]


def test_a_worker_sync_that_finds_the_database_busy_is_tried_again(qtbot, db, make_scheduler):
    clock = FixedClock.at("2026-11-16 08:30", "Asia/Shanghai")
    calls = []

    def busy_once(c):
        calls.append(c)
        if len(calls) == 1:
            raise OperationalError("database is locked")
        return sync_reminders(c)

    scheduler = make_scheduler(clock, sync=busy_once, run_in_worker=True, retry_ms=10)
    with qtbot.assertNotEmitted(scheduler.recompute_failed):
        assert _started(qtbot, scheduler) == [0]
    assert len(calls) == 2


def test_a_pane_write_during_the_workers_sync_waits_for_its_write_lock(qtbot, db, db_path, clock, make_scheduler):
    """The worker writes on its own connection; a GUI-thread write meanwhile queues behind it (BEGIN
    IMMEDIATE and the busy timeout) instead of failing with "database is locked"."""
    reminder = save_reminder("follow_up:x", "follow_up", date(2026, 11, 20), "Call back", clock).id
    holding, connections = threading.Event(), []

    def writing_sync(c):
        with database.atomic("IMMEDIATE"):  # the worker holds the write lock for a while
            connections.append(database.connection())
            Reminder.update(title="Call back (checked)").where(Reminder.id == reminder).execute()
            holding.set()
            time.sleep(0.3)
        return sync_reminders(c)

    scheduler = make_scheduler(clock, sync=writing_sync, run_in_worker=True)
    scheduler.request_recompute("data changed")
    assert holding.wait(5)
    assert mark_done_many([reminder], clock) == 1  # waited for the worker's commit, then wrote
    assert connections[0] is not database.connection()
    qtbot.waitUntil(lambda: not scheduler.busy)
    row = Reminder.get_by_id(reminder)
    assert (row.state, row.title) == ("done", "Call back (checked)")


def test_shutdown_waits_for_a_running_sync_and_drops_its_result(qtbot, db, make_scheduler):
    scheduler, sync = _held_in_a_second_sync(qtbot, make_scheduler)
    threading.Timer(0.1, sync.release.set).start()
    with qtbot.assertNotEmitted(scheduler.reminders_updated, wait=100):
        scheduler.shutdown()
        assert sync.release.is_set()
