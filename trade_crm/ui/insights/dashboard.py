"""The dashboard tab: who the customers are and where the money is, in six charts and two lists.

Clicking a country, tier or stage asks (`filter_requested`) for the customer list filtered that way;
a pipeline stage asks for the pipeline list (`stage_requested`); a row of a list opens that customer.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock
from trade_crm.domain.customers.query import CustomerFilter
from trade_crm.domain.insights.segment_settings import SegmentSettings
from trade_crm.domain.insights.stats import BookStats, CustomerFigure, book_stats
from trade_crm.domain.world.countries import country_name
from trade_crm.ui.common.dates import day_and_month, month_and_year, short_date
from trade_crm.ui.common.i18n import country_language, fill
from trade_crm.ui.common.labels import lifecycle_label
from trade_crm.ui.insights.charts import PALETTE, STAGE_COLOURS, TIER_COLOURS, ChartCard
from trade_crm.ui.insights.periods import PeriodCombo
from trade_crm.ui.insights.pipeline_cards import stage_label
from trade_crm.ui.insights.segment_rules import rules_html

CHARTS = ("countries", "tiers", "stages", "pipeline", "follow_ups", "orders")
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class DashboardWidget(QWidget):
    filter_requested = Signal(object)  # CustomerFilter
    stage_requested = Signal(str)  # a pipeline stage
    customer_requested = Signal(int)
    rates_requested = Signal()
    rules_requested = Signal()

    def __init__(self, clock: Clock, *, language: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self._clock, self._language = clock, country_language(language)
        self.stats: BookStats | None = None
        self.summary_label = QLabel()
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #b9770e;")
        self.warning_label.hide()
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.rates_button = QPushButton(self.tr("Exchange rates…"))
        self.rules_button = QPushButton(self.tr("How stages and tiers work…"))
        self.refresh_button.clicked.connect(self.refresh)
        self.rates_button.clicked.connect(self.rates_requested)
        self.rules_button.clicked.connect(self.rules_requested)
        titles = {
            "countries": self.tr("Customers by country (top 15)"), "tiers": self.tr("Customers by value tier"),
            "stages": self.tr("Customers by lifecycle stage"), "pipeline": self.tr("Sales pipeline"),
            "follow_ups": self.tr("Follow-up activity per week"), "orders": self.tr("Orders per month"),
        }
        self.cards = {name: ChartCard(titles[name]) for name in CHARTS}
        for card in self.cards.values():
            card.view.setMinimumHeight(270)
        self.cards["countries"].clicked.connect(self.on_countries_clicked)
        self.cards["tiers"].clicked.connect(self.on_tiers_clicked)
        self.cards["stages"].clicked.connect(self.on_stages_clicked)
        self.cards["pipeline"].clicked.connect(self.on_pipeline_clicked)
        self.period_combo = PeriodCombo()  # the funnel says which closed deals it counts, as the board does
        self.cards["pipeline"].add_header_widget(self.period_combo)
        self.period_combo.period_changed.connect(lambda _p: self.refresh())
        self.top_table = self._table()
        self.dormant_table = self._table()
        self.top_label, self.dormant_label = QLabel(), QLabel()
        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        for button in (self.refresh_button, self.rates_button, self.rules_button):
            top.addWidget(button)
        grid = QGridLayout()  # the 15 countries need the height of two cards to show every name
        for name, row, column, rows, columns in (("countries", 0, 0, 2, 1), ("tiers", 0, 1, 1, 1),
                                                 ("stages", 0, 2, 1, 1), ("pipeline", 1, 1, 1, 1),
                                                 ("follow_ups", 1, 2, 1, 1), ("orders", 2, 0, 1, 3)):
            grid.addWidget(self.cards[name], row, column, rows, columns)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        lists = QGridLayout()
        lists.addWidget(self.top_label, 0, 0)
        lists.addWidget(self.dormant_label, 0, 1)
        lists.addWidget(self.top_table, 1, 0)
        lists.addWidget(self.dormant_table, 1, 1)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addLayout(top)
        column.addWidget(self.warning_label)
        column.addLayout(grid)
        column.addLayout(lists)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 6)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.setMinimumHeight(260)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.itemActivated.connect(lambda item: self.customer_requested.emit(item.data(ID_ROLE)))
        return table

    # --- data ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        rules = rules_html(SegmentSettings.load())
        for name in ("tiers", "stages"):  # the rules, where the figures are
            self.cards[name].view.setToolTip(rules)
        self.show_stats(book_stats(self._clock, period=self.period_combo.period()))

    def show_stats(self, stats: BookStats) -> None:
        self.stats = stats
        money = QLocale()
        self.summary_label.setText(fill(
            self.tr("%1 customers · money in %2 · stages and tiers of %3"),
            money.toString(stats.customers), stats.reporting, short_date(date.fromisoformat(stats.segments_on)) if stats.segments_on else self.tr("never")))
        if stats.missing_rates:
            self.warning_label.setText(fill(self.tr(
                "No exchange rate for %1: their orders and deals are left out of the values. "
                "Add the rates under Exchange rates."), ", ".join(stats.missing_rates)))
        self.warning_label.setVisible(bool(stats.missing_rates))
        self._show_charts(stats)
        self._fill(self.top_table, stats.top_customers, value_12m=True)
        self._fill(self.dormant_table, stats.dormant, value_12m=False)
        self.top_label.setText(fill(self.tr("Top %1 customers, last 12 months"), len(stats.top_customers)))
        self.dormant_label.setText(fill(self.tr("Dormant customers: %1 (most valuable first)"),
                                        money.toString(stats.dormant_count)))

    def _show_charts(self, stats: BookStats) -> None:
        money = QLocale()
        c = self.cards
        c["countries"].show_bars([country_name(b.key, self._language) for b in stats.countries],
                                 [b.count for b in stats.countries], horizontal=True)
        tier_names = {"A": "A", "B": "B", "C": "C", "": self.tr("None")}
        c["tiers"].show_pie([tier_names[b.key] for b in stats.tiers], [b.count for b in stats.tiers],
                            [TIER_COLOURS[b.key] for b in stats.tiers])
        c["tiers"].note_label.setText(self.tr("by the last 12 months' orders"))
        c["stages"].show_bars([f"{lifecycle_label(b.key)}  {money.toString(b.count)}" for b in stats.lifecycles],
                              [b.count for b in stats.lifecycles], horizontal=True, bar_labels=False,
                              colours=[STAGE_COLOURS[b.key] for b in stats.lifecycles])
        c["pipeline"].show_funnel(
            [stage_label(s.stage) for s in stats.pipeline], [s.count for s in stats.pipeline],
            [f"{money.toString(s.count)} · {_short(s.value)}" for s in stats.pipeline], PALETTE)
        c["pipeline"].note_label.setText(fill(self.tr("deals · value in %1"), stats.reporting))
        c["follow_ups"].show_bars([day_and_month(p.start) for p in stats.follow_ups], [p.count for p in stats.follow_ups],
                                  colour=PALETTE[1], clickable=False)
        c["follow_ups"].note_label.setText(self.tr("calls, emails, visits… logged, by week"))
        c["orders"].show_bars([month_and_year(p.start) for p in stats.orders], [round(p.value / 1000) for p in stats.orders],
                              colour=PALETTE[4], clickable=False)
        c["orders"].note_label.setText(fill(self.tr("thousand %1"), stats.reporting))

    def _fill(self, table: QTableWidget, rows: tuple[CustomerFigure, ...], *, value_12m: bool) -> None:
        headers = [self.tr("Customer"), self.tr("Country"), self.tr("Tier"), self.tr("Rating"),
                   self.tr("Value, 12 months") if value_12m else self.tr("Last order"),
                   self.tr("RFM") if value_12m else self.tr("Value, all orders")]
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        locale = QLocale()
        for row, f in enumerate(rows):
            cells = [f.name, country_name(f.country, self._language) if f.country else "", f.tier or "–",
                     f.rating or "–", locale.toString(f.value_12m, "f", 0) if value_12m else
                     short_date(f.last_order),
                     f.rfm if value_12m else locale.toString(f.value_total, "f", 0)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, f.id)
                if column >= 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)

    # --- clicks ----------------------------------------------------------------------------------

    def on_countries_clicked(self, index: int) -> None:
        if self.stats and 0 <= index < len(self.stats.countries):
            self.filter_requested.emit(CustomerFilter(countries=(self.stats.countries[index].key,)))

    def on_tiers_clicked(self, index: int) -> None:
        if self.stats and 0 <= index < len(self.stats.tiers):
            self.filter_requested.emit(CustomerFilter(tiers=(self.stats.tiers[index].key,)))  # "" = no tier

    def on_stages_clicked(self, index: int) -> None:
        if self.stats and 0 <= index < len(self.stats.lifecycles):
            self.filter_requested.emit(CustomerFilter(lifecycles=(self.stats.lifecycles[index].key,)))

    def on_pipeline_clicked(self, index: int) -> None:
        if self.stats and 0 <= index < len(self.stats.pipeline):
            self.stage_requested.emit(self.stats.pipeline[index].stage)

    def save_chart(self, name: str, path) -> bool:
        """Save one chart (a name of CHARTS) as a PNG file."""
        return self.cards[name].save_png(path)


def _short(value: float) -> str:
    """1234567 -> "1.2M": values beside a funnel stage stay short."""
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= limit:
            return f"{value / limit:.1f}{suffix}"
    return f"{value:.0f}"
