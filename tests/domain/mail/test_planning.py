"""The send plan: each recipient's local morning on one of their working days (their own weekend, their public
holidays, the greeting's own holiday allowed), the account's throttle and its daily cap spilling to the next
allowed morning. A pure function: no database."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from trade_crm.domain.clock import FixedClock
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.mail.planning import (
    CAP,
    HOLIDAY,
    WEEKEND,
    PlanRequest,
    PlanSettings,
    parse_window,
    plan_sends,
    provider_daily_cap,
)

MONDAY = FixedClock.at("2026-11-16 07:00", "Asia/Shanghai")  # 2026-11-15 23:00 UTC, the user in Ningbo


def local(send) -> tuple[str, str, str]:
    return send.local.date().isoformat(), send.local.strftime("%a"), send.local.time().isoformat()


def test_each_recipient_gets_their_own_morning_on_a_working_day():
    countries = ("DE", "US", "JP", "AU", "BR", "SA", "AE", "IN", "GB", "MX", "RU", "ZA")
    plan = plan_sends([PlanRequest(c, c) for c in countries], MONDAY)
    assert [p.ref for p in plan] == list(countries)
    for send in plan:
        assert time(9) <= send.local.time() < time(11), send
        assert send.send_at.tzinfo == timezone.utc and send.local == send.send_at
        assert send.local.utcoffset() == send.local.astimezone(ZoneInfo(send.zone)).utcoffset()
    zones = {p.ref: p.zone for p in plan}
    assert zones["DE"] == "Europe/Berlin" and zones["US"] == "America/New_York" and zones["AU"] == "Australia/Sydney"
    assert local(plan[countries.index("JP")]) == ("2026-11-16", "Mon", "09:00:00")  # Tokyo's Monday has begun
    assert local(plan[countries.index("US")]) == ("2026-11-16", "Mon", "09:00:00")


def test_the_countrys_own_weekend_is_skipped():
    thursday_afternoon = FixedClock.at("2026-11-19 15:00", "Asia/Shanghai")  # 10:00 in Riyadh and Berlin: 08:00
    late = FixedClock.at("2026-11-19 20:00", "Asia/Shanghai")  # 15:00 in Riyadh: today's window is over
    riyadh, berlin = plan_sends([PlanRequest("sa", "SA"), PlanRequest("de", "DE")], late)
    assert local(riyadh) == ("2026-11-22", "Sun", "09:00:00")  # Friday and Saturday are Saudi Arabia's weekend
    assert [(s.day.isoformat(), s.reason) for s in riyadh.skipped] == [("2026-11-20", WEEKEND), ("2026-11-21", WEEKEND)]
    assert local(berlin) == ("2026-11-20", "Fri", "09:00:00") and berlin.skipped == ()
    (now_berlin,) = plan_sends([PlanRequest("de", "DE")], thursday_afternoon)
    assert local(now_berlin) == ("2026-11-19", "Thu", "09:00:00")


def test_public_holidays_are_skipped_unless_the_greeting_is_for_that_holiday():
    christmas_eve = FixedClock.at("2026-12-24 20:00", "Asia/Shanghai")  # 13:00 in Berlin: the window is over
    plain, greeting = plan_sends([PlanRequest("offer", "DE"), PlanRequest("xmas", "DE", greeting_id="christmas")],
                                 christmas_eve)
    assert local(plain) == ("2026-12-28", "Mon", "09:00:00")
    assert [(s.day.isoformat(), s.reason, s.name) for s in plain.skipped] == [
        ("2026-12-25", HOLIDAY, "Christmas Day"), ("2026-12-26", HOLIDAY, "Second Day of Christmas"),
        ("2026-12-27", WEEKEND, "")]
    assert local(greeting) == ("2026-12-25", "Fri", "09:00:00")
    (eid,) = plan_sends([PlanRequest("eid", "AE", greeting_id="eid_al_fitr")],
                        FixedClock.at("2026-03-19 20:00", "Asia/Shanghai"))
    assert eid.local.date() == date(2026, 3, 20) and time(9) <= eid.local.time() < time(11)


def test_the_throttle_keeps_the_interval_between_any_two_messages_of_the_account():
    taken = [datetime(2026, 11, 16, 8, 0, 10, tzinfo=timezone.utc)]  # 09:00:10 in Berlin, queued before
    plan = plan_sends([PlanRequest(i, "DE") for i in range(30)] + [PlanRequest("fr", "FR")], MONDAY,
                      settings=PlanSettings(interval_seconds=20), taken=taken)
    times = sorted([p.send_at for p in plan] + taken)
    assert all(b - a >= timedelta(seconds=20) for a, b in zip(times, times[1:], strict=False))
    assert plan[0].local.time() == time(9, 0, 30)  # the queued one at 09:00:10 keeps its 20 s
    assert plan[1].local.time() == time(9, 0, 50)
    assert all(time(9) <= p.local.time() < time(11) for p in plan)


def test_the_daily_cap_spills_to_the_next_allowed_morning():
    friday = FixedClock.at("2026-11-20 07:00", "Asia/Shanghai")
    plan = plan_sends([PlanRequest(i, "DE") for i in range(5)], friday,
                      settings=PlanSettings(interval_seconds=60, daily_cap=3))
    assert [local(p) for p in plan] == [
        ("2026-11-20", "Fri", "09:00:00"), ("2026-11-20", "Fri", "09:01:00"), ("2026-11-20", "Fri", "09:02:00"),
        ("2026-11-23", "Mon", "09:00:00"), ("2026-11-23", "Mon", "09:01:00")]
    assert [(s.day.isoformat(), s.reason) for s in plan[3].skipped] == [
        ("2026-11-20", CAP), ("2026-11-21", WEEKEND), ("2026-11-22", WEEKEND)]


def test_a_window_too_small_for_the_run_continues_the_next_morning():
    plan = plan_sends([PlanRequest(i, "DE") for i in range(4)], MONDAY,
                      settings=PlanSettings(window_start=time(9), window_end=time(9, 1), interval_seconds=30))
    assert [local(p)[0] for p in plan] == ["2026-11-16", "2026-11-16", "2026-11-17", "2026-11-17"]


def test_not_before_an_unknown_country_and_the_horizon():
    later = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)
    followup, nowhere = plan_sends([PlanRequest("q", "DE", not_before=later), PlanRequest("x", "")], MONDAY)
    assert local(followup) == ("2026-11-24", "Tue", "09:00:00")
    assert nowhere.zone == "Asia/Shanghai" and local(nowhere) == ("2026-11-16", "Mon", "09:00:00")
    (never,) = plan_sends([PlanRequest("sat", "DE")], FixedClock.at("2026-11-21 07:00", "Asia/Shanghai"),
                          settings=PlanSettings(horizon_days=1))
    assert never.send_at is None and [s.reason for s in never.skipped] == [WEEKEND, WEEKEND]


def test_the_plan_is_deterministic_and_the_settings_are_checked():
    requests = [PlanRequest(i, c) for i, c in enumerate(["DE", "US", "SA", "CN", "DE", "BR"] * 5)]
    assert plan_sends(requests, MONDAY) == plan_sends(requests, MONDAY)
    with pytest.raises(ValidationError):
        plan_sends(requests, MONDAY, settings=PlanSettings(daily_cap=0))
    assert parse_window("08:30-10:00") == (time(8, 30), time(10))
    with pytest.raises(ValidationError):
        parse_window("11:00-09:00")
    assert provider_daily_cap("gmail") == 500 and provider_daily_cap("qq") == 500 and provider_daily_cap("other") == 200


def test_a_chinese_make_up_working_saturday_is_a_working_day_and_golden_week_is_not():
    friday_evening = FixedClock.at("2026-10-09 18:00", "Asia/Shanghai")
    (saturday,) = plan_sends([PlanRequest("sh", "CN")], friday_evening)
    assert local(saturday) == ("2026-10-10", "Sat", "09:00:00")  # 调休: Saturday 10 October is worked
    (after_golden_week,) = plan_sends([PlanRequest("sh", "CN")], FixedClock.at("2026-09-30 18:00", "Asia/Shanghai"))
    assert local(after_golden_week) == ("2026-10-08", "Thu", "09:00:00")
    assert [s.day.day for s in after_golden_week.skipped] == [1, 2, 3, 4, 5, 6, 7]  # 国庆 and its weekend
