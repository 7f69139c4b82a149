"""Rule reminders in the UI language: rebuilt from their payload, the same English as stored, Chinese when chosen."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QLocale

from trade_crm.domain.clock import FixedClock, today
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.orders import record_order
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.domain.reminders.records import DueReminder, due_reminders
from trade_crm.domain.reminders.sync import sync_reminders
from trade_crm.store.models import Reminder
from trade_crm.ui.reminders.text import reminder_texts


def _book(clock):
    """Customers that make every rule speak on 2026-12-22 (Shanghai): Christmas in Germany, a birthday
    tomorrow, a dormant one-time buyer, a planned and a cadence follow-up, quotations unanswered and expired."""
    then = FixedClock.at("2026-12-01 09:00", "Asia/Shanghai")
    hamburg = create_customer(then, name="Hamburg Tools GmbH", country="DE", rating="A",
                              contacts=[ContactInput(name="Jens Ohm", birthday=date(1980, 12, 23))])
    log_interaction(hamburg, "email", "Sent catalogue", then)
    lima = create_customer(then, name="Lima Imports SAC", country="PE", rating="C")
    record_order(lima, date(2026, 3, 1), "1000", "USD", then)
    create_customer(then, name="Dubai Trading FZE", country="AE", follow_up_on=date(2026, 12, 20))
    quoted = create_customer(then, name="Sao Paulo Casa Ltda.", country="BR")
    log_interaction(quoted, "quotation", "Quotation Q-7", FixedClock.at("2026-12-15 10:00", "Asia/Shanghai"))
    expired = create_customer(then, name="Kyiv Light LLC", country="UA")
    log_interaction(expired, "quotation", "Quotation Q-3", FixedClock.at("2026-11-20 10:00", "Asia/Shanghai"),
                    valid_until=date(2026, 12, 18))
    sync_reminders(clock)
    return due_reminders(today(clock), clock.now())


@pytest.fixture
def day_clock():
    return FixedClock.at("2026-12-22 09:00", "Asia/Shanghai")


def test_every_rule_says_in_english_what_the_store_and_the_command_line_say(db, day_clock, english):
    due = _book(day_clock)
    rules = {r.payload["rule"] for r in due}
    assert rules >= {"cadence", "planned", "quotation_reply", "quotation_expired", "greeting", "birthday", "dormant"}
    for reminder in due:
        assert reminder_texts(reminder, today(day_clock)) == (reminder.title, reminder.detail)


def test_days_are_counted_from_today_not_from_when_the_rule_ran(db, day_clock, english):
    (dormant,) = [r for r in _book(day_clock) if r.kind == "dormant"]
    title, detail = reminder_texts(dormant, today(day_clock) + timedelta(days=3))
    assert title == "Lima Imports SAC: no order for 299 days"
    assert detail == "Ordered once, 299 days ago (2026-03-01); a single order is followed up after 180 days."


def test_a_reminder_without_a_rule_or_with_fewer_facts_shows_as_stored(qapp):
    mine = DueReminder(1, "user:1", "follow_up", date(2026, 12, 22), "Call Ahmed about the sample", "Ask for DHL no.",
                       None, "", "open")
    older = DueReminder(2, "dormant:customer:3:2026-03-01", "dormant", date(2026, 12, 22), "Old title", "Old detail",
                        3, "Lima", "open", payload_text='{"rule": "dormant", "orders": 1}')
    broken = DueReminder(3, "x", "follow_up", date(2026, 12, 22), "Stored", "", 3, "Lima", "open",
                         payload_text="{not json")
    day = date(2026, 12, 22)
    assert reminder_texts(mine, day) == ("Call Ahmed about the sample", "Ask for DHL no.")
    assert reminder_texts(older, day) == ("Old title", "Old detail")
    assert reminder_texts(broken, day) == ("Stored", "")


def _install(qapp, tmp_path, language):
    from trade_crm.tools.compile_translations import lrelease_command
    from trade_crm.ui.common.i18n import install_translator, translations_folder

    source = translations_folder() / f"trade_crm_{language}.ts"
    subprocess.run([*lrelease_command(), "-silent", str(source), "-qm", str(tmp_path / f"trade_crm_{language}.qm")],
                   check=True)
    return install_translator(qapp, language, folder=tmp_path)


@pytest.fixture
def english(qapp, tmp_path):
    from trade_crm.ui.common.i18n import remove_translators

    translators = _install(qapp, tmp_path, "en")
    yield
    remove_translators(qapp, translators)


@pytest.fixture
def chinese(qapp, tmp_path):
    from trade_crm.ui.common.i18n import remove_translators

    translators = _install(qapp, tmp_path, "zh_CN")
    yield
    remove_translators(qapp, translators)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_in_chinese_every_rule_is_said_in_chinese(db, day_clock, chinese):
    due = _book(day_clock)
    texts = {r.payload["rule"]: reminder_texts(r, today(day_clock)) for r in due
             if r.payload.get("country") in (None, "DE")}
    assert texts["greeting"][0] == "德国 圣诞节（12月25日 周五）：问候 1 位客户"
    assert texts["birthday"][0] == "Jens Ohm（Hamburg Tools GmbH）12月23日 周三 生日"
    assert texts["dormant"] == ("Lima Imports SAC：已 296 天没有下单",
                                "只下过一次单，在 296 天前（2026-03-01）；只下过一次单的客户在 180 天后跟进。")
    assert texts["cadence"] == ("与 Hamburg Tools GmbH 保持联系", "每 14 天（A 类客户）；上次联系在 21 天前。")
    assert texts["planned"][0] == "跟进 Dubai Trading FZE"
    assert texts["quotation_reply"][0] == "Sao Paulo Casa Ltda. 未回复报价"
    assert texts["quotation_expired"][0] == "Kyiv Light LLC 的报价已过期"


def test_a_closure_of_the_users_own_country_is_named_in_chinese(db, chinese):
    clock = FixedClock.at("2026-09-22 09:00", "Asia/Shanghai")
    sync_reminders(clock)
    (notice,) = [r for r in due_reminders(today(clock), clock.now()) if r.kind == "notice"]
    assert reminder_texts(notice, today(clock))[0] == "告知客户放假安排：国庆节，10月1日 周四 – 10月7日 周三（放假 7 天）"
    assert Reminder.get_by_id(notice.id).title.startswith("Tell customers about the closure: National Day")
