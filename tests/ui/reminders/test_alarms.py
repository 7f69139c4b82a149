"""APScheduler as the alarm clock: a real BackgroundScheduler rings on the GUI thread, at the Clock's
instant translated to the computer's clock, and nothing rings once it is shut down."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QThread

from trade_crm.domain.clock import FixedClock, SystemClock
from trade_crm.ui.reminders.alarms import Alarms


@pytest.fixture
def make_alarms(qtbot):
    made = []

    def make(clock):
        alarms = Alarms(clock)
        alarms.start()
        made.append(alarms)
        return alarms

    yield make
    for alarms in made:
        alarms.shutdown()


def _apscheduler_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "APScheduler"]


def test_an_alarm_rings_on_the_gui_thread_and_is_then_disarmed(qtbot, make_alarms):
    clock = FixedClock.at("2026-11-16 08:30", "Asia/Shanghai")
    alarms = make_alarms(clock)
    rang_on = []
    alarms.rang.connect(lambda _name: rang_on.append(QThread.currentThread()))
    with qtbot.waitSignal(alarms.rang, timeout=5000) as blocker:
        alarms.arm("start", clock.now())
    assert blocker.args == ["start"]
    assert rang_on == [QThread.currentThread()]
    qtbot.waitUntil(lambda: not alarms.is_armed("start"))  # a DateTrigger's job ends with its one run
    assert alarms.names() == []


def test_an_instant_on_a_fixed_clock_rings_as_far_ahead_in_real_time(qtbot, make_alarms):
    clock = FixedClock.at("2026-11-14 23:50", "Asia/Shanghai")  # weeks away from the computer's clock
    alarms = make_alarms(clock)
    before = datetime.now(timezone.utc)
    alarms.arm("midnight", clock.now() + timedelta(minutes=10))
    after = datetime.now(timezone.utc)
    ring_at = alarms.ring_time("midnight")
    assert before + timedelta(minutes=10) <= ring_at <= after + timedelta(minutes=10)
    with qtbot.assertNotEmitted(alarms.rang, wait=50):  # given the clock's instant, weeks past, it would ring now
        pass


def test_with_the_system_clock_an_alarm_rings_at_the_instant_itself(make_alarms):
    clock = SystemClock(ZoneInfo("Asia/Shanghai"))
    alarms = make_alarms(clock)
    instant = clock.now() + timedelta(hours=3)
    alarms.arm("midnight", instant)
    assert abs(alarms.ring_time("midnight") - instant) < timedelta(seconds=5)


def test_arming_again_replaces_the_alarm_and_disarm_removes_it(make_alarms):
    clock = FixedClock.at("2026-11-16 08:30", "Asia/Shanghai")
    alarms = make_alarms(clock)
    alarms.arm("safety_net", clock.now() + timedelta(minutes=15))
    alarms.arm("safety_net", clock.now() + timedelta(minutes=30))
    assert alarms.names() == ["safety_net"]
    assert alarms.ring_time("safety_net") - datetime.now(timezone.utc) > timedelta(minutes=29)
    alarms.disarm("safety_net")
    alarms.disarm("safety_net")  # already gone: nothing to do
    assert not alarms.is_armed("safety_net") and alarms.ring_time("safety_net") is None


def test_shutdown_stops_apschedulers_thread_and_forgets_the_alarms(qtbot):
    clock = FixedClock.at("2026-11-16 08:30", "Asia/Shanghai")
    threads_before = len(_apscheduler_threads())
    alarms = Alarms(clock)
    alarms.start()
    assert len(_apscheduler_threads()) == threads_before + 1
    alarms.arm("wake_check", clock.now() + timedelta(minutes=1))
    alarms.shutdown()
    assert len(_apscheduler_threads()) == threads_before and not alarms.running
    assert alarms.names() == []
    alarms.shutdown()  # twice is fine (the app's aboutToQuit and a test's teardown)
