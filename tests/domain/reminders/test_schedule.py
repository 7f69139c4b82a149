"""The scheduler's instants: local midnights over daylight-saving changes, the safety net's grid, and the
timetable that turns "what is due now" into one run per job however late the clock says it is."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from trade_crm.domain.clock import FixedClock
from trade_crm.domain.reminders.schedule import (
    SAFETY_NET,
    Timetable,
    every,
    local_midnight_at_or_after,
    local_midnights,
    next_local_midnight,
    next_on_grid,
    start_of_day,
)


def _at(text: str, zone: str) -> datetime:
    return FixedClock.at(text, zone).now()


def _midnights(start: str, zone: str, count: int) -> list[str]:
    """The next `count` local midnights after `start`, as local ISO texts."""
    tz, after, found = ZoneInfo(zone), _at(start, zone), []
    for _ in range(count):
        after = next_local_midnight(after, tz)
        found.append(after.astimezone(tz).isoformat())
    return found


def test_berlin_midnights_around_the_spring_change_are_each_days_midnight():
    assert _midnights("2026-03-28 20:00", "Europe/Berlin", 3) == [
        "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00", "2026-03-31T00:00:00+02:00"]
    assert _midnights("2026-03-29 00:01", "Europe/Berlin", 1) == ["2026-03-30T00:00:00+02:00"]  # not the 31st


def test_berlin_day_of_the_spring_change_lasts_23_hours_and_of_the_autumn_change_25():
    berlin = ZoneInfo("Europe/Berlin")
    assert start_of_day(date(2026, 3, 30), berlin) - start_of_day(date(2026, 3, 29), berlin) == timedelta(hours=23)
    assert start_of_day(date(2026, 10, 26), berlin) - start_of_day(date(2026, 10, 25), berlin) == timedelta(hours=25)
    assert _midnights("2026-10-24 23:30", "Europe/Berlin", 2) == [
        "2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00"]


def test_santiago_midnight_that_does_not_exist_becomes_the_instant_the_day_begins():
    """Chile moves its clocks from 00:00 to 01:00 on 6 September 2026: that day begins at 01:00."""
    assert _midnights("2026-09-05 22:00", "America/Santiago", 2) == [
        "2026-09-06T01:00:00-03:00", "2026-09-07T00:00:00-03:00"]
    begins = start_of_day(date(2026, 9, 6), ZoneInfo("America/Santiago"))
    assert (begins - timedelta(seconds=1)).astimezone(ZoneInfo("America/Santiago")).isoformat() == \
        "2026-09-05T23:59:59-04:00"


def test_santiago_repeated_hour_before_midnight_still_gives_one_midnight():
    """On 4 April 2026 Chile's 23:00-24:00 happens twice; Sunday begins once, at 00:00 -04."""
    santiago = ZoneInfo("America/Santiago")
    first_23h = datetime(2026, 4, 4, 23, 30, tzinfo=santiago)  # fold=0: the first time round
    second_23h = first_23h.replace(fold=1)
    assert second_23h.astimezone(santiago).utcoffset() != first_23h.utcoffset()
    for after in (first_23h, second_23h):
        assert next_local_midnight(after, santiago).astimezone(santiago).isoformat() == "2026-04-05T00:00:00-04:00"


def test_havana_midnight_that_happens_twice_is_counted_once():
    """Cuba sets 01:00 back to 00:00 on 1 November 2026: the date changed at the first midnight only."""
    havana = ZoneInfo("America/Havana")
    assert _midnights("2026-10-31 23:00", "America/Havana", 2) == [
        "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00"]
    second_midnight = datetime(2026, 11, 1, 0, 0, tzinfo=havana, fold=1)
    assert local_midnight_at_or_after(second_midnight, havana).astimezone(havana).isoformat() == \
        "2026-11-02T00:00:00-05:00"


def test_shanghai_midnights_are_24_hours_apart_at_16_utc():
    found = _midnights("2026-11-14 23:50", "Asia/Shanghai", 3)
    assert found == ["2026-11-15T00:00:00+08:00", "2026-11-16T00:00:00+08:00", "2026-11-17T00:00:00+08:00"]
    assert next_local_midnight(_at("2026-11-14 23:50", "Asia/Shanghai"), ZoneInfo("Asia/Shanghai")).hour == 16


def test_a_day_the_calendar_skipped_gives_one_midnight_at_the_jump():
    """Samoa went from 29 to 31 December 2011: one recompute when the date jumped, then 1 January."""
    assert _midnights("2011-12-29 20:00", "Pacific/Apia", 2) == [
        "2011-12-31T00:00:00+14:00", "2012-01-01T00:00:00+14:00"]


def test_starting_exactly_at_midnight_runs_the_midnight_job_now():
    shanghai = ZoneInfo("Asia/Shanghai")
    midnight = _at("2026-11-15 00:00", "Asia/Shanghai")
    assert local_midnight_at_or_after(midnight, shanghai) == midnight
    assert local_midnight_at_or_after(midnight + timedelta(seconds=1), shanghai) == midnight + timedelta(days=1)


def test_the_safety_net_counts_elapsed_time_across_a_daylight_saving_change():
    berlin = ZoneInfo("Europe/Berlin")
    origin = _at("2026-03-29 01:30", "Europe/Berlin")
    rule = every(SAFETY_NET, origin)
    first = rule(origin + timedelta(minutes=15))
    assert first.astimezone(berlin).isoformat() == "2026-03-29T03:00:00+02:00"  # 01:45 + 15 real minutes


@pytest.mark.parametrize(("late_by", "expected"), [
    (timedelta(0), timedelta(minutes=30)), (timedelta(minutes=1), timedelta(minutes=30)),
    (timedelta(minutes=40), timedelta(minutes=60)), (timedelta(hours=9, minutes=5), timedelta(hours=9, minutes=30))])
def test_a_late_run_lands_back_on_the_grid(late_by, expected):
    origin = _at("2026-11-16 08:30", "Asia/Shanghai")
    ran = origin + SAFETY_NET + late_by
    assert next_on_grid(origin, SAFETY_NET, ran) == origin + expected


def test_timetable_runs_a_job_once_however_late_and_moves_it_past_now():
    shanghai = ZoneInfo("Asia/Shanghai")
    clock = FixedClock.at("2026-11-14 23:50", "Asia/Shanghai")
    table = Timetable()
    now = clock.now()
    table.plan("midnight", local_midnight_at_or_after(now, shanghai), local_midnights(shanghai))
    table.plan("safety_net", now + SAFETY_NET, every(SAFETY_NET, now))
    table.plan("start", now)
    assert table.due(clock.now()) == ["start"]
    assert table.ran("start", clock.now()) is None and table.names() == ["midnight", "safety_net"]
    clock.advance(timedelta(days=2, hours=3))  # the laptop slept over three midnights, to 17 Nov 02:50
    assert table.due(clock.now()) == ["midnight", "safety_net"]  # earliest first: 00:00, then 00:05
    following = table.ran("midnight", clock.now())
    assert following.astimezone(shanghai).isoformat() == "2026-11-18T00:00:00+08:00"
    assert table.due(clock.now()) == ["safety_net"]


def test_timetable_plan_replaces_a_job_and_drop_forgets_it():
    now = _at("2026-11-16 08:30", "Asia/Shanghai")
    table = Timetable()
    table.plan("start", now + timedelta(hours=1))
    table.plan("start", now)
    assert table.due(now) == ["start"] and table.next_run("start") == now
    table.drop("start")
    assert table.names() == [] and table.next_run("start") is None
