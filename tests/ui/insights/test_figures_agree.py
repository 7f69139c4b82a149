"""Figures agree or say why: the funnel states its period and counts what the board counts for the same
period; the tier donut's labels give way to a legend when slices are thin; dates follow the locale."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCharts import QPieSeries
from PySide6.QtCore import QLocale

from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.insights.pipeline import (
    CLOSED_PERIODS,
    DEFAULT_PERIOD,
    closed_since,
    create_opportunity,
)
from trade_crm.domain.insights.pipeline_board import stage_counts
from trade_crm.domain.insights.stats import book_stats
from trade_crm.store.models import Opportunity
from trade_crm.ui.common.dates import day_and_month, month_and_year, short_date
from trade_crm.ui.insights.charts import ChartCard
from trade_crm.ui.insights.dashboard import DashboardWidget
from trade_crm.ui.insights.periods import LABELS, period_label
from trade_crm.ui.insights.pipeline_board import PipelineBoardWidget


@pytest.fixture
def deals(db, clock):
    """Two open deals, a deal won last month, and won/lost deals that closed years ago."""
    cid = create_customer(clock, name="Hamburg Tools GmbH", country="DE")
    on = clock.now().date()
    create_opportunity(cid, "Open 1", clock, stage="inquiry")
    create_opportunity(cid, "Open 2", clock, stage="negotiation")
    create_opportunity(cid, "Won lately", clock, stage="won")
    for stage, days in (("won", 800), ("won", 400), ("lost", 500)):
        old = create_opportunity(cid, f"{stage} {days}", clock, stage=stage)
        Opportunity.update(closed_on=on - timedelta(days=days)).where(Opportunity.id == old).execute()
    return on


def funnel_counts(stats) -> dict[str, int]:
    return {s.stage: s.count for s in stats.pipeline}


def test_every_period_has_a_label_and_the_default_is_twelve_months():
    assert set(LABELS) == set(CLOSED_PERIODS) and DEFAULT_PERIOD == "12m"
    assert "12 months" in period_label("12m")


def test_the_funnel_and_the_board_count_the_same_deals_for_each_period(deals, clock):
    for period in CLOSED_PERIODS:
        stats = book_stats(clock, period=period)
        assert stats.pipeline_period == period
        assert funnel_counts(stats) == stage_counts(closed_since(deals, period)), period
    assert (funnel_counts(book_stats(clock))["won"], funnel_counts(book_stats(clock, period="all"))["won"]) == (1, 3)


def test_the_dashboard_states_its_period_and_follows_its_selector(qtbot, deals, clock):
    dashboard = DashboardWidget(clock)
    qtbot.addWidget(dashboard)
    dashboard.refresh()
    card = dashboard.cards["pipeline"]
    assert card.isAncestorOf(dashboard.period_combo)
    assert dashboard.period_combo.currentText() == period_label("12m")
    assert funnel_counts(dashboard.stats)["won"] == 1
    dashboard.period_combo.set_period("all")
    assert dashboard.stats.pipeline_period == "all" and funnel_counts(dashboard.stats)["won"] == 3


def test_the_board_shows_the_funnels_numbers_for_the_same_period(qtbot, deals, clock):
    board = PipelineBoardWidget(clock)
    qtbot.addWidget(board)
    board.refresh()
    assert board.period_combo.period() == DEFAULT_PERIOD
    assert board.columns["won"].list.count() == 1 and board.columns["lost"].list.count() == 0
    board.period_combo.set_period("all")
    assert board.columns["won"].list.count() == 3 and board.columns["lost"].list.count() == 1


def _labels_shown(card: ChartCard) -> list[str]:
    (series,) = card.chart().series()
    assert isinstance(series, QPieSeries)
    return [piece.label() for piece in series.slices() if piece.isLabelVisible()]


def test_thin_donut_slices_get_a_legend_instead_of_piled_up_labels(qtbot):
    card = ChartCard("Customers by value tier")
    qtbot.addWidget(card)
    card.show_pie(["A", "B", "C", "None"], [3, 5, 12, 980], ["#1", "#2", "#3", "#4"])
    assert _labels_shown(card) == [] and card.chart().legend().isVisible()
    assert [m.label() for m in card.chart().legend().markers()][0].startswith("A: 3")
    card.show_pie(["A", "B", "C", "None"], [200, 300, 250, 250], ["#1", "#2", "#3", "#4"])
    assert len(_labels_shown(card)) == 4 and not card.chart().legend().isVisible()


def test_one_date_format_from_the_locale():
    us, gb, zh = QLocale("en_US"), QLocale("en_GB"), QLocale("zh_CN")
    day = date(2026, 12, 5)
    assert (short_date(day, us), short_date(day, gb), short_date(day, zh)) == ("12/5/2026", "05/12/2026", "2026/12/5")
    assert (day_and_month(day, us), month_and_year(day, us)) == ("12/5", "12/2026")
    assert (day_and_month(day, zh), month_and_year(day, zh)) == ("12/5", "2026/12")
    assert short_date(None) == ""


def test_the_board_list_and_the_dashboard_axes_write_dates_the_locales_way(qtbot, deals, clock):
    board = PipelineBoardWidget(clock)
    qtbot.addWidget(board)
    board.show_view("list", "won")
    column = board.model.COLUMNS.index("expected_close")
    assert board.model.data(board.model.index(0, column)) == short_date(clock.now().date())
    dashboard = DashboardWidget(clock)
    qtbot.addWidget(dashboard)
    dashboard.refresh()
    axis = dashboard.cards["orders"].chart().axes()[0]
    labels = axis.categories() if hasattr(axis, "categories") else []
    assert month_and_year(clock.now().date().replace(day=1)) in labels
