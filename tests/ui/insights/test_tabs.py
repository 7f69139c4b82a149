"""Insights in the main window: stages and tiers kept current (at install, after the book changed, after rates
or rules were edited), the pipeline's new deal for the selected customer."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import QObject, QSettings, Signal

from tests.ui.shell.test_start_and_language import chrome_texts, untranslated
from trade_crm.domain.customers.orders import record_order
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.insights.segments import last_computed, segment_of
from trade_crm.ui.customers.customer_table_model import Column
from trade_crm.ui.insights.tabs import install_insights
from trade_crm.ui.shell.main_window import MainWindow


class FakeScheduler(QObject):
    reminders_updated = Signal(int)

    def __init__(self):
        super().__init__()
        self.changes = 0

    def data_changed(self):
        self.changes += 1


@pytest.fixture
def book(db, clock):
    ids = [create_customer(clock, name=f"Buyer {n}", country="DE") for n in range(3)]
    record_order(ids[0], date(2026, 1, 5), "1000", "USD", clock)
    return ids


@pytest.fixture
def window(qtbot, book, db_path, clock, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(clock, db_path, settings)
    qtbot.addWidget(main)
    scheduler = FakeScheduler()
    insights = install_insights(main, clock, scheduler=scheduler)
    main.show()
    qtbot.waitExposed(main)
    return main, insights, scheduler


def test_install_computes_stale_stages_and_the_list_shows_them(window, book):
    main, _insights, _scheduler = window
    assert last_computed()["on"] == "2026-11-23"
    assert segment_of(book[0]).lifecycle == "dormant"  # one order, 322 days ago
    row = main.customer_list.model.row_of(book[0])
    assert main.customer_list.model.index(row, Column.STAGE).data() == "Dormant"


def test_a_changed_book_is_recomputed_on_the_schedulers_next_round(window, book, clock):
    main, _insights, scheduler = window
    record_order(book[0], date(2026, 11, 20), "500", "USD", clock)
    main.book_changed.emit()
    scheduler.reminders_updated.emit(0)
    assert segment_of(book[0]).lifecycle == "returning" and segment_of(book[0]).orders == 2


def test_the_selected_customer_is_the_one_a_new_deal_is_for(window, book):
    main, insights, _scheduler = window
    main.customer_list.select_customer(book[1])
    assert insights.pipeline.new_button.isEnabled()
    assert "Buyer 1" in insights.pipeline.new_button.toolTip()


def test_saved_rules_recompute_at_once_and_the_reminders_follow(window, book):
    main, insights, scheduler = window
    dialog = insights.open_rules()
    dialog.single_order_days.setValue(400)
    dialog.accept()
    assert segment_of(book[0]).lifecycle == "new"
    assert scheduler.changes == 1


@pytest.mark.usefixtures("chinese")
def test_chinese_dashboard_and_pipeline_have_no_untranslated_string(qtbot, db, db_path, clock, tmp_path):
    from trade_crm.domain.insights.pipeline import create_opportunity

    cid = create_customer(clock, name="深圳华强电子", country="CN")
    record_order(cid, date(2026, 11, 1), "1000", "CNY", clock)
    deal = create_opportunity(cid, "五千套LED灯", clock, value="8000", currency="USD")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(clock, db_path, settings, language="zh_CN")
    qtbot.addWidget(main)
    insights = install_insights(main, clock, language="zh_CN")
    main.show()
    main.customer_list.select_customer(cid)
    texts = []
    for tab in ("dashboard", "pipeline"):
        insights.show_tab(tab)
        texts += chrome_texts(main)
    insights.pipeline.show_view("list")
    texts += chrome_texts(main)
    for dialog in (insights.open_rates(), insights.open_rules(), insights.pipeline.on_new_button_clicked(),
                   insights.pipeline.on_names_button_clicked(), insights.pipeline.request_move(deal, "quotation")):
        assert dialog is not None
        texts += _dialog_texts(dialog)
        dialog.reject()
    assert "汇率" in " ".join(texts)
    codes = re.compile(r"(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])")  # currency codes, RFM, LED, PNG: the same in Chinese
    left = untranslated([codes.sub("", t) for t in texts])
    assert left == [], "\n".join(left)


def _dialog_texts(dialog) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QHeaderView, QLabel, QLineEdit, QWidget

    out = [dialog.windowTitle()]
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton):
            out += [widget.text(), widget.toolTip()]
        if isinstance(widget, QLineEdit):
            out.append(widget.placeholderText())
        if isinstance(widget, QComboBox) and widget.count() < 20:
            out += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            out += [str(widget.model().headerData(s, widget.orientation()) or "") for s in range(widget.count())]
    return [t for t in out if t]


def test_installing_twice_keeps_one_set_of_tabs(window, clock):
    main, insights, _scheduler = window
    assert install_insights(main, clock) is insights
    assert main.findChild(type(insights.tabs)) is insights.tabs


def test_the_board_and_charts_are_built_only_when_first_shown(qtbot, db, db_path, clock, tmp_path):
    from PySide6.QtCore import QSettings

    from trade_crm.ui.insights.tabs import install_insights
    from trade_crm.ui.shell.main_window import MainWindow

    main = MainWindow(clock, db_path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    insights = install_insights(main, clock)
    assert insights._pipeline is None and insights._dashboard is None  # nothing paid for at start
    insights.show_tab("dashboard")
    assert insights._dashboard is not None and insights._pipeline is None
    assert insights.tabs.currentWidget().isAncestorOf(insights.dashboard)
