from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt

from trade_crm.domain.clock import FixedClock
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.orders import record_order
from trade_crm.domain.customers.records import create_customer, get_customer, update_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.ui.customers.header_card import local_situation
from trade_crm.ui.customers.timeline_view import TimelineView


@pytest.fixture
def customer(db, clock):
    customer_id = create_customer(
        clock, name="Hamburg Tools GmbH", country="DE", tags=["VIP"],
        contacts=[ContactInput(name="Anna Schmidt", emails=("anna@hamburg-tools.de",),
                               whatsapp="+49 170 1234567")],
    )
    log_interaction(customer_id, "email", "Sent the catalogue", clock,
                    occurred_at=datetime(2026, 10, 5, 8, 0, tzinfo=timezone.utc))
    log_interaction(customer_id, "call", "Discussed the sample", clock,
                    occurred_at=datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc))
    record_order(customer_id, date(2026, 11, 2), "12500", "USD", clock, reference="PO-7781")
    return customer_id


@pytest.fixture
def view(qtbot, clock):
    urls = []
    widget = TimelineView(clock, open_url=urls.append)
    widget.opened_urls = urls
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    return widget


def _rows(view):
    tree = view.entries
    return [tuple(tree.topLevelItem(i).text(c) for c in range(tree.columnCount()))
            for i in range(tree.topLevelItemCount())]


def _month_headers(view):
    tree = view.entries
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())
            if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == "month"]


def test_no_customer_shows_the_empty_state(view):
    view.show_customer(None)
    assert view.stack.currentWidget() is view.empty_label


def test_showing_a_customer_lists_its_timeline_grouped_by_month_newest_first(view, customer):
    view.show_customer(customer)
    assert view.stack.currentIndex() == 1
    assert _month_headers(view) == ["November 2026", "October 2026"]
    rows = _rows(view)
    assert [r[0] for r in rows[:1]] == ["November 2026"]
    summaries = [r[2] for r in rows if r[1]]
    assert summaries == ["Discussed the sample", "PO-7781", "Sent the catalogue"]
    order = next(r for r in rows if r[2] == "PO-7781")
    assert order[1] == "Order" and "12,500.00" in order[4]
    assert view.header_card.name_label.text() == "Hamburg Tools GmbH"
    assert "VIP" in view.header_card.tags_label.text()


def test_quick_log_with_enter_adds_an_entry_and_updates_last_contact(view, customer, clock, qtbot):
    view.show_customer(customer)
    view.kind_combo.setCurrentIndex(view.kind_combo.findData("whatsapp"))
    qtbot.keyClicks(view.summary_edit, "Asked for the price list")
    with qtbot.waitSignal(view.interaction_logged) as blocker:
        qtbot.keyClick(view.summary_edit, Qt.Key.Key_Return)
    assert blocker.args == [customer]
    assert view.summary_edit.text() == ""
    assert _rows(view)[1][1:3] == ("WhatsApp", "Asked for the price list")
    assert get_customer(customer).last_contact_at == clock.now()


def test_follow_up_in_one_week_is_counted_from_the_clocks_today(view, customer, qtbot):
    clock = FixedClock.at("2026-11-23 23:30", "Asia/Shanghai")  # still Monday the 23rd in Shanghai
    view._clock = clock
    view.show_customer(customer)
    view.follow_up_combo.setCurrentIndex(view.follow_up_combo.findData(7))
    view.summary_edit.setText("Sent the quotation")
    with qtbot.waitSignal(view.interaction_logged):
        qtbot.keyClick(view.summary_edit, Qt.Key.Key_Enter)
    assert get_customer(customer).follow_up_on == date(2026, 11, 30)
    assert view.follow_up_combo.currentData() == 0
    assert "Follow up" in _rows(view)[1][4]


def test_an_empty_summary_logs_nothing_and_says_why(view, customer, qtbot):
    view.show_customer(customer)
    with qtbot.assertNotEmitted(view.interaction_logged):
        qtbot.keyClick(view.summary_edit, Qt.Key.Key_Return)
    assert view.quick_log_error.text()
    assert len([r for r in _rows(view) if r[1]]) == 3


def test_contact_links_open_mailto_and_wa_me(view, customer):
    view.show_customer(customer)
    text = view.header_card.contacts_label.text()
    assert 'href="mailto:anna@hamburg-tools.de"' in text
    assert 'href="https://wa.me/491701234567"' in text
    view.header_card.contacts_label.linkActivated.emit("mailto:anna@hamburg-tools.de")
    view.header_card.contacts_label.linkActivated.emit("https://wa.me/491701234567")
    assert [u.toString() for u in view.opened_urls] == ["mailto:anna@hamburg-tools.de",
                                                        "https://wa.me/491701234567"]


def test_edit_button_asks_to_edit_the_customer(view, customer, qtbot):
    view.show_customer(customer)
    with qtbot.waitSignal(view.customer_edit_requested) as blocker:
        qtbot.mouseClick(view.header_card.edit_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [customer]


def test_header_shows_a_public_holiday_today_in_the_customers_country(view, customer):
    view._clock = FixedClock.at("2026-12-25 10:00", "Asia/Shanghai")
    view.show_customer(customer)
    assert view.header_card.holiday_label.isVisibleTo(view)
    assert "today" in view.header_card.holiday_label.text()
    assert "Christmas" in view.header_card.holiday_label.text()


def test_local_situation_knows_working_hours_and_tomorrows_holiday():
    monday = datetime(2026, 11, 23, 9, 30, tzinfo=timezone.utc)  # 10:30 in Berlin
    situation = local_situation("DE", monday)
    assert situation.local_time.hour == 10 and situation.working_hours
    assert situation.holiday_today is None and situation.holiday_tomorrow is None
    christmas_eve = datetime(2026, 12, 24, 20, 0, tzinfo=timezone.utc)
    assert "Christmas" in local_situation("DE", christmas_eve).holiday_tomorrow
    assert not local_situation("DE", monday - timedelta(days=2)).working_hours  # Saturday
    assert local_situation(None, monday) is None


def test_the_header_card_shows_the_other_name_beside_the_name(view, customer, clock):
    update_customer(customer, clock, alt_name="汉堡工具")
    view.show_customer(customer)
    assert view.header_card.name_label.text() == "Hamburg Tools GmbH · 汉堡工具"


def test_a_server_book_shows_who_changed_the_customer_among_the_entries(team, clock, qtbot):
    team.act("ann")
    customer_id = create_customer(clock, name="Hamburg Tools GmbH", rating="B")
    log_interaction(customer_id, "call", "Discussed the sample", clock)
    team.act("mia")
    update_customer(customer_id, clock, rating="A")
    team.act("ann")
    view = TimelineView(clock)
    qtbot.addWidget(view)
    view.show_customer(customer_id)
    assert view.changes_check.isVisibleTo(view)
    # the server stamps changes with its own clock (the test's call is on the fixed clock's day)
    assert [row[2] for row in _rows(view) if row[1] == "Change"] == ["mia changed rating B → A",
                                                                     "ann created the customer"]
    assert [row[2] for row in _rows(view) if row[1] == "Call"] == ["Discussed the sample"]
    view.changes_check.setChecked(False)
    assert [row[2] for row in _rows(view) if row[1]] == ["Discussed the sample"]


def test_a_laptop_book_has_no_changes_to_show(view, customer):
    view.show_customer(customer)
    assert not view.changes_check.isVisibleTo(view)
    assert "Change" not in [row[1] for row in _rows(view)]


def test_an_orders_amount_shows_its_currencys_digits():
    """Yen have no cents: the timeline does not print any; a dinar has 3 decimals and an order keeps them."""
    from decimal import Decimal

    from PySide6.QtCore import QLocale

    from trade_crm.ui.customers.timeline_view import money_text

    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert money_text(english, Decimal("1200000"), "JPY") == "JP¥1,200,000"
    assert money_text(english, Decimal("1234.567"), "KWD") == "KWD\u00a01,234.567"
    assert money_text(english, Decimal("32634.5"), "USD") == "US$32,634.50"
