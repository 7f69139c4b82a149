"""The reminder rules on crafted books: follow-ups and cadence (across DST), quotations, birthdays,
dormant customers, greetings by customer country and closure notices. Nothing here writes reminders."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from trade_crm.domain.clock import FixedClock, today
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.orders import record_order
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.domain.greetings.occasions import load_greeting_rules, save_greeting_rules
from trade_crm.domain.reminders.rules import compute_reminders, dormancy
from trade_crm.domain.reminders.settings import ReminderSettings, set_customer_cadence

BERLIN = ZoneInfo("Europe/Berlin")


def _keys(clock, kind=None, **kwargs):
    return [c.key for c in compute_reminders(today(clock), clock.zone, ReminderSettings.load(), **kwargs)
            if kind is None or c.kind == kind]


def _customer(clock, name="Hamburg Tools GmbH", **fields) -> int:
    fields.setdefault("country", "DE")
    return create_customer(clock, name=name, **fields)


def test_cadence_counts_from_the_last_contact_and_logging_moves_it(db):
    clock = FixedClock.at("2026-11-01 10:00", "Asia/Shanghai")
    a = _customer(clock, rating="A")
    b = _customer(clock, "Lima Imports SAC", country="PE", rating="B")
    log_interaction(a, "email", "Sent catalogue", clock)
    log_interaction(b, "email", "Sent catalogue", clock)
    clock.advance(timedelta(days=13))
    assert _keys(clock, "follow_up") == []
    clock.advance(timedelta(days=1))  # 14 days: A is due, B (30 days) is not
    assert _keys(clock, "follow_up") == [f"follow_up:customer:{a}:2026-11-15"]
    log_interaction(a, "whatsapp", "Asked about the next order", clock)  # no manual step: the cadence restarts
    assert _keys(clock, "follow_up") == []
    assert _keys(clock, "follow_up", horizon_days=14) == [f"follow_up:customer:{a}:2026-11-29"]


def test_own_cadence_of_a_customer_overrides_the_ratings(db):
    clock = FixedClock.at("2026-11-01 10:00", "Asia/Shanghai")
    c = _customer(clock, rating="C")
    log_interaction(c, "call", "Intro call", clock)
    set_customer_cadence(c, 7)
    clock.advance(timedelta(days=7))
    (found,) = compute_reminders(today(clock), clock.zone, ReminderSettings.load(), rules=("follow_up",))
    assert found.key == f"follow_up:customer:{c}:2026-11-08"
    assert "their own cadence" in found.detail
    set_customer_cadence(c, 0)  # never
    assert _keys(clock, "follow_up") == []


def test_planned_follow_up_wins_over_the_cadence_until_contact(db):
    clock = FixedClock.at("2026-11-01 10:00", "Asia/Shanghai")
    a = _customer(clock, rating="A")
    log_interaction(a, "meeting", "Met at the fair", clock, follow_up_on=date(2026, 11, 30))
    clock.advance(timedelta(days=20))  # the cadence would say 15 Nov, but a day is planned
    assert _keys(clock, "follow_up") == []
    clock.advance(timedelta(days=9))
    assert _keys(clock, "follow_up") == [f"follow_up:customer:{a}:2026-11-30"]
    log_interaction(a, "call", "Followed up", clock)  # contacted on the planned day: done, cadence again
    assert _keys(clock, "follow_up", horizon_days=14) == [f"follow_up:customer:{a}:2026-12-14"]


def test_follow_up_is_due_in_the_users_today_across_a_dst_change(db):
    # Berlin moves to summer time on 29 March 2026 at 02:00; midnight of the 29th is 23:00 UTC on the 28th.
    clock = FixedClock(datetime(2026, 3, 15, 21, 30, tzinfo=timezone.utc), BERLIN)  # 22:30 in Berlin
    a = _customer(clock, rating="A")
    log_interaction(a, "email", "Quoted", clock)
    d = _customer(clock, "Planned GmbH", rating="D")
    log_interaction(d, "note", "Call back on the 29th", clock, follow_up_on=date(2026, 3, 29))
    clock.instant = datetime(2026, 3, 28, 22, 59, tzinfo=timezone.utc)  # 23:59 on the 28th in Berlin
    assert _keys(clock, "follow_up") == []
    clock.instant = datetime(2026, 3, 28, 23, 0, tzinfo=timezone.utc)  # 00:00 on the 29th in Berlin, still the 28th in UTC
    assert today(clock) == date(2026, 3, 29)
    assert _keys(clock, "follow_up") == [f"follow_up:customer:{a}:2026-03-29", f"follow_up:customer:{d}:2026-03-29"]


def test_a_late_evening_contact_counts_on_the_users_own_day(db):
    # 23:30 in Shanghai is 15:30 UTC the same day; 01:30 in Shanghai is the previous day in UTC.
    clock = FixedClock.at("2026-11-02 01:30", "Asia/Shanghai")
    a = _customer(clock, rating="A")
    log_interaction(a, "call", "Early call", clock)
    clock.instant = FixedClock.at("2026-11-16 00:05", "Asia/Shanghai").instant
    assert _keys(clock, "follow_up") == [f"follow_up:customer:{a}:2026-11-16"]


def test_unanswered_quotation_is_chased_three_days_later(db):
    clock = FixedClock.at("2026-11-02 10:00", "Asia/Shanghai")
    c = _customer(clock, rating="C")
    log_interaction(c, "inquiry", "Asked for 2,000 pcs", clock)
    clock.advance(timedelta(hours=2))
    quote = log_interaction(c, "quotation", "Quoted USD 3.20", clock)
    clock.advance(timedelta(days=2))
    assert _keys(clock, "follow_up") == []
    clock.advance(timedelta(days=1))
    assert _keys(clock, "follow_up") == [f"follow_up:quotation:{quote}:2026-11-05"]
    log_interaction(c, "email", "They want a sample first", clock)
    assert _keys(clock, "follow_up") == []


def test_expired_quotation_without_an_order_needs_a_follow_up(db):
    clock = FixedClock.at("2026-11-02 10:00", "Asia/Shanghai")
    c = _customer(clock, rating="D")
    quote = log_interaction(c, "quotation", "Quoted", clock, valid_until=date(2026, 11, 10))
    clock.advance(timedelta(hours=1))
    log_interaction(c, "email", "Thinking about it", clock)
    clock.instant = FixedClock.at("2026-11-10 18:00", "Asia/Shanghai").instant
    assert _keys(clock, "follow_up") == []
    clock.advance(timedelta(days=1))
    assert _keys(clock, "follow_up") == [f"follow_up:quotation_expired:{quote}:2026-11-10"]
    record_order(c, date(2026, 11, 11), "6400", "USD", clock)
    assert _keys(clock, "follow_up") == []



def test_only_the_newest_of_quotations_and_order_entries_can_expire_or_wait_for_a_reply(db):
    """Migration 19's one index of quotations answers the three questions of the quotation rules: a quotation
    followed by a newer one, or by an 'order' entry on the timeline, neither expires nor waits for a reply;
    the same reminders come from the whole book and from each customer alone (an incremental sync)."""
    clock = FixedClock.at("2026-11-02 10:00", "Asia/Shanghai")
    requoted, ordered, waiting = (_customer(clock, name=n, rating="D") for n in ("Requoted", "Ordered", "Waiting"))
    old = log_interaction(requoted, "quotation", "First price", clock, valid_until=date(2026, 11, 8))
    log_interaction(ordered, "quotation", "Price", clock, valid_until=date(2026, 11, 8))
    mine = log_interaction(waiting, "quotation", "Price", clock, valid_until=date(2026, 11, 8))
    clock.advance(timedelta(hours=1))
    new = log_interaction(requoted, "quotation", "Better price", clock, valid_until=date(2026, 11, 9))
    log_interaction(ordered, "order", "PO 4711 by phone", clock)
    clock.advance(timedelta(days=3))
    assert sorted(_keys(clock, "follow_up")) == sorted([f"follow_up:quotation:{new}:2026-11-05",
                                                        f"follow_up:quotation:{mine}:2026-11-05"])
    clock.instant = FixedClock.at("2026-11-10 09:00", "Asia/Shanghai").instant
    expired = sorted(k for k in _keys(clock, "follow_up") if "expired" in k)
    assert expired == [f"follow_up:quotation_expired:{q}:{day}" for q, day in sorted(
        [(new, "2026-11-09"), (mine, "2026-11-08")])]
    assert old not in {int(k.split(":")[2]) for k in expired}
    for day in ("2026-11-05 09:00", "2026-11-10 09:00"):
        clock.instant = FixedClock.at(day, "Asia/Shanghai").instant
        alone = sorted(k for c in (requoted, ordered, waiting) for k in _keys(clock, "follow_up", only=[c]))
        assert alone == sorted(_keys(clock, "follow_up"))

def test_birthday_is_raised_one_day_ahead_and_feb_29_falls_on_feb_28(db):
    clock = FixedClock.at("2026-02-26 09:00", "Asia/Shanghai")
    c = _customer(clock, contacts=[ContactInput(name="Anna Schmidt", birthday=date(1980, 2, 28)),
                                   ContactInput(name="Leap Lee", birthday=date(1984, 2, 29))])
    assert _keys(clock, "birthday") == []
    clock.advance(timedelta(days=1))
    found = compute_reminders(today(clock), clock.zone, ReminderSettings.load(), rules=("birthday",))
    assert [(r.due_on.isoformat(), r.title) for r in found] == [
        ("2026-02-27", "Birthday of Anna Schmidt (Hamburg Tools GmbH) on Sat 28 Feb"),
        ("2026-02-27", "Birthday of Leap Lee (Hamburg Tools GmbH) on Sat 28 Feb")]
    assert {r.customer_id for r in found} == {c}


def _orders(clock, customer, days_ago):
    for n in days_ago:
        record_order(customer, today(clock) - timedelta(days=n), "1000", "USD", clock)


def test_dormant_rule_uses_the_usual_reorder_interval(db):
    clock = FixedClock.at("2026-11-23 09:00", "Asia/Shanghai")
    regular = _customer(clock, "Regular Ltd")
    _orders(clock, regular, [140 + 62 * 3, 140 + 62 * 2, 140 + 62, 140])  # every 62 days, last 140 days ago
    fresh = _customer(clock, "Fresh Ltd")
    _orders(clock, fresh, [100 + 62 * 2, 100 + 62, 100])  # 100 days: not past 1.5 x 62 = 93 ... yes past
    steady = _customer(clock, "Steady Ltd")
    _orders(clock, steady, [150, 90, 30])  # every 60 days, last 30 days ago
    once_old = _customer(clock, "Once Old Ltd")
    _orders(clock, once_old, [181])
    once_new = _customer(clock, "Once New Ltd")
    _orders(clock, once_new, [180])
    lost = _customer(clock, "Lost Ltd", lost=True)
    _orders(clock, lost, [400])
    found = {c.customer_id: c for c in compute_reminders(today(clock), clock.zone, ReminderSettings.load(),
                                                         rules=("dormant",))}
    assert set(found) == {regular, fresh, once_old}
    assert found[regular].detail == "Usually orders every 62 days; last order 140 days ago (2026-07-06)."
    assert found[regular].title == "Regular Ltd: no order for 140 days"
    assert found[regular].due_on == date(2026, 7, 6) + timedelta(days=94)
    assert found[once_old].detail.startswith("Ordered once, 181 days ago")


def test_dormancy_threshold_is_one_and_a_half_usual_intervals():
    settings = ReminderSettings()
    assert dormancy(3, date(2026, 1, 1), date(2026, 3, 2), settings) == (date(2026, 3, 2) + timedelta(days=46), 30)
    assert dormancy(1, date(2026, 1, 1), date(2026, 1, 1), settings) == (date(2026, 7, 1), None)
    assert dormancy(2, date(2026, 1, 1), date(2026, 1, 1), settings)[1] is None  # two orders on one day


COUNTRIES = ("US", "DE", "SA", "AE", "IN", "BR", "RU", "CN", "TR")


def test_greetings_list_the_customers_of_each_country_three_days_ahead(db):
    clock = FixedClock.at("2026-03-16 09:00", "Asia/Shanghai")
    ids = {code: _customer(clock, f"Customer {code}", country=code, rating="B") for code in COUNTRIES}
    _customer(clock, "Dropped SA", country="SA", rating="D")
    _customer(clock, "Lost SA", country="SA", rating="B", lost=True)
    second_sa = _customer(clock, "Second SA", country="SA", rating="C")
    found = compute_reminders(today(clock), clock.zone, ReminderSettings.load(), rules=("greeting",))
    assert [(c.key, c.due_on.isoformat(), c.customer_ids) for c in found] == [
        ("greeting:AE:eid_al_fitr:2026-03-19", "2026-03-16", (ids["AE"],)),
        ("greeting:SA:eid_al_fitr:2026-03-19", "2026-03-16", (ids["SA"], second_sa)),
    ]
    assert found[1].title == "Eid al-Fitr in Saudi Arabia on Thu 19 Mar: greet 2 customers"
    clock.advance(timedelta(days=1))  # Turkey's Eid is on the 20th
    keys = _keys(clock, "greeting")
    assert "greeting:TR:eid_al_fitr:2026-03-20" in keys and len(keys) == 3


def test_greetings_over_a_year_for_nine_countries_are_the_expected_holidays(db):
    clock = FixedClock.at("2026-01-01 09:00", "Asia/Shanghai")
    for code in COUNTRIES:
        _customer(clock, f"Customer {code}", country=code, rating="B")
    found = compute_reminders(date(2026, 1, 1), clock.zone, ReminderSettings.load(), rules=("greeting",),
                              horizon_days=361)  # + 3 days' lead: holidays up to 31 December
    by_country = {}
    for c in found:
        _, code, gid, on = c.key.split(":")
        by_country.setdefault(code, []).append((on, gid))
        assert c.due_on == date.fromisoformat(on) - timedelta(days=3)
    from tests.domain.greetings.test_occasions import EXPECTED_2026
    assert {k: sorted(v) for k, v in by_country.items()} == {k: sorted(v) for k, v in EXPECTED_2026.items()}


def test_closure_notice_ten_days_before_the_users_long_holiday(db):
    clock = FixedClock.at("2026-02-04 09:00", "Asia/Shanghai")
    assert _keys(clock, "notice") == []
    clock.advance(timedelta(days=1))
    (notice,) = compute_reminders(today(clock), clock.zone, ReminderSettings.load(), rules=("notice",))
    assert notice.key == "notice:closure:CN:2026-02-15"
    assert notice.title == ("Tell customers about the closure: Chinese New Year, Sun 15 Feb – Mon 23 Feb "
                            "(9 days off)")


def test_a_greeting_skips_customers_nobody_has_been_in_touch_with_unless_its_rule_greets_all(db):
    clock = FixedClock.at("2026-03-16 09:00", "Asia/Shanghai")
    rated = _customer(clock, "Rated SA", country="SA", rating="C")
    called = _customer(clock, "Called SA", country="SA")
    log_interaction(called, "call", "Met at the fair", clock)
    stranger = _customer(clock, "Fair lead SA", country="SA")
    _customer(clock, "Fair lead AE", country="AE")  # no one known in AE: no greeting there at all
    found = compute_reminders(today(clock), clock.zone, ReminderSettings.load(), rules=("greeting",))
    assert [(c.key, c.customer_ids) for c in found] == [("greeting:SA:eid_al_fitr:2026-03-19", (rated, called))]
    assert found[0].title.endswith("greet 2 customers")
    save_greeting_rules({**load_greeting_rules(), "audience": {"eid_al_fitr": "all"}})
    found = compute_reminders(today(clock), clock.zone, ReminderSettings.load(), rules=("greeting",))
    assert [c.customer_ids for c in found if c.key.startswith("greeting:SA")] == [(rated, called, stranger)]
    assert len(found) == 2  # AE's lead is greeted now too
