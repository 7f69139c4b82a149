"""The dashboard over the demo book: it renders offscreen, saves a chart as PNG, and a click on a bar or a
slice filters the customer list (through the Insights tabs of the main window)."""

from __future__ import annotations

import pytest
from PySide6.QtCharts import QAbstractBarSeries, QPieSeries
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage

from trade_crm.demo.book import load_demo
from trade_crm.demo.rates import seed_demo_rates
from trade_crm.domain.customers.query import CustomerFilter
from trade_crm.domain.insights.segments import recompute_segments
from trade_crm.domain.world.currency import delete_rate
from trade_crm.ui.insights.dashboard import CHARTS, DashboardWidget
from trade_crm.ui.insights.tabs import install_insights
from trade_crm.ui.shell.main_window import MainWindow


@pytest.fixture
def demo_book(db, clock):
    load_demo(clock, customers=120)
    seed_demo_rates(clock.now().date(), clock)
    recompute_segments(clock)


@pytest.fixture
def dashboard(qtbot, demo_book, clock):
    widget = DashboardWidget(clock)
    qtbot.addWidget(widget)
    widget.resize(1300, 1200)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    return widget


def _series(card):
    (series,) = card.chart().series()
    return series


def test_dashboard_renders_every_chart_and_both_lists(dashboard):
    stats = dashboard.stats
    assert stats.customers == 120 and not stats.missing_rates
    for name in CHARTS:
        assert dashboard.cards[name].chart().series(), name
    assert len(_series(dashboard.cards["tiers"]).slices()) == 4
    assert dashboard.top_table.rowCount() == min(20, len(stats.top_customers)) > 0
    assert dashboard.dormant_table.rowCount() == len(stats.dormant)
    assert "120 customers" in dashboard.summary_label.text()
    assert dashboard.warning_label.isHidden()


def test_a_chart_saves_as_png(dashboard, tmp_path):
    path = tmp_path / "countries.png"
    assert dashboard.save_chart("countries", path)
    image = QImage(str(path))
    assert not image.isNull() and image.width() > 200


def test_clicking_a_country_bar_asks_for_that_country(dashboard, qtbot):
    series = _series(dashboard.cards["countries"])
    assert isinstance(series, QAbstractBarSeries)
    top = dashboard.stats.countries[0].key
    last = len(dashboard.stats.countries) - 1
    with qtbot.waitSignal(dashboard.filter_requested) as caught:
        series.clicked.emit(last, series.barSets()[0])  # the bottom bar of the chart is the first country
    assert caught.args == [CustomerFilter(countries=(top,))]


def test_clicking_a_stage_asks_for_that_lifecycle_stage(dashboard, qtbot):
    series = _series(dashboard.cards["stages"])
    with qtbot.waitSignal(dashboard.filter_requested) as caught:
        series.clicked.emit(0, series.barSets()[0])  # bottom: "lost"
    assert caught.args == [CustomerFilter(lifecycles=("lost",))]


def test_clicking_a_tier_slice_filters_by_tier(dashboard, qtbot):
    series = _series(dashboard.cards["tiers"])
    assert isinstance(series, QPieSeries)
    received = []
    dashboard.filter_requested.connect(received.append)
    series.clicked.emit(series.slices()[0])
    assert received == [CustomerFilter(tiers=("A",))]


def test_clicking_a_funnel_stage_asks_for_the_pipeline_list(dashboard, qtbot):
    series = _series(dashboard.cards["pipeline"])
    with qtbot.waitSignal(dashboard.stage_requested) as caught:
        series.clicked.emit(5, series.barSets()[1])  # the top row of the funnel
    assert caught.args == ["inquiry"]


def test_missing_rates_are_named_above_the_charts(qtbot, db, clock):
    load_demo(clock, customers=40)  # the demo comes with rates: take one away
    delete_rate("EUR")
    recompute_segments(clock)
    widget = DashboardWidget(clock)
    qtbot.addWidget(widget)
    widget.refresh()
    assert not widget.warning_label.isHidden() and "EUR" in widget.warning_label.text()


@pytest.fixture
def window(qtbot, demo_book, db_path, clock, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(clock, db_path, settings)
    qtbot.addWidget(main)
    insights = install_insights(main, clock)
    main.show()
    qtbot.waitExposed(main)
    return main, insights


def test_insights_tabs_sit_beside_the_timeline_and_a_click_filters_the_customer_list(window, qtbot):
    main, insights = window
    assert [insights.tabs.tabText(i) for i in range(3)] == ["Customers", "Pipeline", "Dashboard"]
    insights.show_tab("dashboard")
    assert main.side_splitter.isHidden() and insights.dashboard.stats is not None
    insights.dashboard.filter_requested.emit(CustomerFilter(lifecycles=("dormant",)))
    assert insights.tabs.currentIndex() == 0 and not main.side_splitter.isHidden()
    assert main.customer_list.model.filter() == CustomerFilter(lifecycles=("dormant",))
    model = main.customer_list.model
    assert model.rowCount() == insights.dashboard.stats.dormant_count > 0


def test_a_funnel_click_opens_the_pipeline_list_on_that_stage(window):
    main, insights = window
    insights.dashboard.stage_requested.emit("negotiation")
    assert insights.tabs.currentWidget().isAncestorOf(insights.pipeline)
    assert insights.pipeline.pages.currentIndex() == 1
    stages = {insights.pipeline.model.card(r).stage for r in range(insights.pipeline.model.rowCount())}
    assert stages == {"negotiation"}


def test_the_insights_menu_sits_before_help_and_switches_tabs(window):
    main, insights = window
    titles = [a.text() for a in main.menuBar().actions()]
    assert titles[-2:] == ["&Insights", "&Help"]
    insights.tab_actions[2].trigger()
    assert insights.tabs.currentWidget().isAncestorOf(insights.dashboard)


def test_a_tier_slice_filters_the_customer_list_by_tier(window):
    main, insights = window
    insights.show_tab("dashboard")
    stats = insights.dashboard.stats
    series = insights.dashboard.cards["tiers"].chart().series()[0]
    series.clicked.emit(series.slices()[1])  # B
    assert insights.tabs.currentIndex() == 0
    assert main.customer_list.model.filter().tiers == ("B",)
    assert main.customer_list.model.total() == next(b.count for b in stats.tiers if b.key == "B") > 0
    assert "Tier: B" in main.customer_list.chips.labels()
    series.clicked.emit(series.slices()[3])  # no tier
    assert main.customer_list.model.total() == next(b.count for b in stats.tiers if b.key == "")
