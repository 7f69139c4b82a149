"""The exchange-rate table and the stage and tier rules: edited in dialogs, saved in one go, explained."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from trade_crm.domain.customers.orders import record_order
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.insights.segment_settings import SegmentSettings
from trade_crm.domain.world.currency import rate_table, reporting_currency, set_rate
from trade_crm.ui.insights.rates_dialog import AS_OF, RATE, RatesDialog
from trade_crm.ui.insights.segment_rules import SegmentRulesDialog, rules_html


@pytest.fixture
def book(db, clock):
    cid = create_customer(clock, name="Mixed Currencies Co", country="DE")
    for code in ("EUR", "CNY", "GBP"):
        record_order(cid, date(2026, 11, 1), "100", code, clock)
    set_rate("EUR", "1.08", date(2026, 10, 1), clock)
    return cid


@pytest.fixture
def dialog(qtbot, book, clock):
    d = RatesDialog(clock)
    qtbot.addWidget(d)
    d.show()
    return d


def test_rates_show_with_their_dates_and_the_missing_currencies(dialog):
    assert dialog.rows() == [("EUR", "1.08", date(2026, 10, 1))]
    assert dialog.table.horizontalHeaderItem(RATE).text() == "1 unit in USD"
    assert "CNY" in dialog.missing_label.text() and "GBP" in dialog.missing_label.text()


def test_missing_currencies_get_rows_and_save_with_the_table(dialog, qtbot):
    dialog.on_add_missing_button_clicked()
    assert [r[0] for r in dialog.rows()] == ["EUR", "CNY", "GBP"]
    assert not dialog.add_missing_button.isEnabled()
    dialog.table.item(1, RATE).setText("0.14")
    dialog.table.item(2, RATE).setText("1.27")
    dialog.table.cellWidget(2, AS_OF).setDate(dialog.table.cellWidget(2, AS_OF).date().addDays(-3))
    with qtbot.waitSignal(dialog.rates_saved):
        dialog.accept()
    table = rate_table()
    assert {c: str(r.rate) for c, r in table.rates.items()} == {"EUR": "1.080000", "CNY": "0.140000",
                                                                "GBP": "1.270000"}
    assert table.rates["GBP"].as_of == date(2026, 11, 23) - timedelta(days=3)


def test_a_bad_rate_is_shown_and_nothing_is_saved(dialog):
    dialog.table.item(0, RATE).setText("one")
    dialog.accept()
    assert dialog.isVisible() and "rate" in dialog.error_label.text()
    assert str(rate_table().rates["EUR"].rate) == "1.080000"


def test_changing_the_reporting_currency_converts_the_table(dialog):
    dialog.reporting_combo.setCurrentIndex(dialog.reporting_combo.findData("EUR"))
    dialog.on_reporting_combo_activated(dialog.reporting_combo.currentIndex())
    assert reporting_currency() == "EUR"
    assert dialog.rows()[0][0] == "USD" and dialog.table.horizontalHeaderItem(RATE).text() == "1 unit in EUR"
    dialog.reporting_combo.setCurrentIndex(dialog.reporting_combo.findData("JPY"))
    dialog.on_reporting_combo_activated(dialog.reporting_combo.currentIndex())
    assert reporting_currency() == "EUR" and "JPY" in dialog.error_label.text()
    assert dialog.reporting_combo.currentData() == "EUR"


def test_rules_dialog_explains_the_rules_with_the_thresholds_and_saves_them(qtbot, db):
    dialog = SegmentRulesDialog(SegmentSettings.load())
    qtbot.addWidget(dialog)
    assert "180 days after a single order" in dialog.help_label.text()
    dialog.single_order_days.setValue(120)
    assert "120 days after a single order" in dialog.help_label.text()
    with qtbot.waitSignal(dialog.rules_saved):
        dialog.accept()
    assert SegmentSettings.load().single_order_dormant_days == 120


def test_rules_dialog_refuses_crossed_tier_shares(qtbot, db):
    dialog = SegmentRulesDialog(SegmentSettings())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.a_share.setValue(96)
    dialog.accept()
    assert dialog.isVisible() and dialog.error_label.text()
    assert SegmentSettings.load().tier_a_share == 80


def test_rules_text_names_every_stage():
    text = rules_html(SegmentSettings())
    for word in ("Potential", "New", "Returning", "Loyal", "Dormant", "Lost", "Pareto", "RFM"):
        assert word in text
