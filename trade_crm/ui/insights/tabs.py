"""Puts "Know your customers" into the main window: Customers | Pipeline | Dashboard tabs, an Insights menu
(exchange rates, stage and tier rules), and keeps the computed stages and tiers up to date.

Installed from outside through the window's public parts (`splitter`, `customer_list`, `timeline`,
`book_changed`), so the main window does not need to know about it:

    insights = install_insights(window, clock, language=language, scheduler=scheduler)

Stages and tiers are recomputed (domain `recompute_segments`) when they are from an earlier day, after the
book changed (on the scheduler's next recompute, or when the dashboard is shown), and after rates or rules
are edited; the customer list reloads so its Stage column follows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QTabWidget, QVBoxLayout, QWidget

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.customers.query import CustomerFilter
from trade_crm.domain.customers.records import get_customer
from trade_crm.domain.errors import DomainError
from trade_crm.domain.insights.segment_settings import SegmentSettings
from trade_crm.domain.insights.segments import SegmentSummary, last_computed, recompute_segments
from trade_crm.domain.world.currency import reporting_currency

if TYPE_CHECKING:  # charts, the board and their dialogs load when first shown, not at start
    from trade_crm.ui.insights.dashboard import DashboardWidget
    from trade_crm.ui.insights.pipeline_board import PipelineBoardWidget
    from trade_crm.ui.insights.rates_dialog import RatesDialog
    from trade_crm.ui.insights.segment_rules import SegmentRulesDialog

TABS = ("customers", "pipeline", "dashboard")


class Insights(QObject):
    def __init__(self, window, clock: Clock, *, language: str = "en", scheduler=None):
        super().__init__(window)
        self._window, self._clock = window, clock
        self._stale = True  # the dashboard's figures
        self._book_changed = False  # since the last recompute of stages and tiers
        self._language = language
        self._scheduler = None  # a ReminderScheduler, once followed
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # The board and the charts are built the first time they are needed: not at start.
        self._pipeline: PipelineBoardWidget | None = None
        self._dashboard: DashboardWidget | None = None
        self._pipeline_customer: tuple[int, str] | None = None
        self._pipeline_holder, self._dashboard_holder = self._holder(), self._holder()
        pane = window.customer_list
        window.splitter.replaceWidget(window.splitter.indexOf(pane), self.tabs)
        self.tabs.addTab(pane, self.tr("Customers"))
        self.tabs.addTab(self._pipeline_holder, self.tr("Pipeline"))
        self.tabs.addTab(self._dashboard_holder, self.tr("Dashboard"))
        self._build_menu()
        self.tabs.currentChanged.connect(self.on_tabs_current_changed)
        pane.current_customer_changed.connect(self.on_customer_list_current_customer_changed)
        window.book_changed.connect(self.on_window_book_changed)
        if scheduler is not None:
            self.follow(scheduler)
        if self.segments_outdated():
            self.recompute()

    @staticmethod
    def _holder() -> QWidget:
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        return holder

    @property
    def pipeline(self) -> PipelineBoardWidget:
        if self._pipeline is None:
            from trade_crm.ui.insights.pipeline_board import (
                PipelineBoardWidget,  # lazy: start-up, first shown
            )

            self._pipeline = PipelineBoardWidget(self._clock)
            self._pipeline_holder.layout().addWidget(self._pipeline)
            self._pipeline.opportunities_changed.connect(self.on_pipeline_opportunities_changed)
            self._pipeline.customer_requested.connect(self.on_customer_requested)
            self._pipeline.set_customer(self._pipeline_customer)
        return self._pipeline

    @property
    def dashboard(self) -> DashboardWidget:
        if self._dashboard is None:
            from trade_crm.ui.insights.dashboard import (
                DashboardWidget,  # lazy: start-up, Qt Charts load when shown
            )

            self._dashboard = DashboardWidget(self._clock, language=self._language)
            self._dashboard_holder.layout().addWidget(self._dashboard)
            self._dashboard.filter_requested.connect(self.on_dashboard_filter_requested)
            self._dashboard.stage_requested.connect(self.on_dashboard_stage_requested)
            self._dashboard.customer_requested.connect(self.on_customer_requested)
            self._dashboard.rates_requested.connect(self.open_rates)
            self._dashboard.rules_requested.connect(self.open_rules)
        return self._dashboard

    def follow(self, scheduler) -> None:
        """Recompute with the reminders (a ReminderScheduler): at midnight, and soon after the book changed."""
        scheduler.reminders_updated.connect(self.on_scheduler_reminders_updated)
        self._scheduler = scheduler

    def _build_menu(self) -> None:
        bar = self._window.menuBar()
        menu = QMenu(self.tr("&Insights"), bar)
        self.tab_actions = []
        for index, text in enumerate((self.tr("&Customers"), self.tr("&Pipeline"), self.tr("&Dashboard"))):
            action = QAction(text, menu)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, i=index: self.tabs.setCurrentIndex(i))
            menu.addAction(action)
            self.tab_actions.append(action)
        menu.addSeparator()
        self.rates_action = menu.addAction(self.tr("&Exchange rates…"), self.open_rates)
        self.rules_action = menu.addAction(self.tr("Stage and tier &rules…"), self.open_rules)
        self.recompute_action = menu.addAction(self.tr("Re&compute stages and tiers"), self.recompute)
        menus = bar.actions()
        if menus:  # before Help
            bar.insertMenu(menus[-1], menu)
        else:
            bar.addMenu(menu)
        self.menu = menu

    # --- keeping figures current ---------------------------------------------------------------------

    def segments_outdated(self) -> bool:
        done = last_computed()
        return done.get("on") != today(self._clock).isoformat() or done.get("reporting") != reporting_currency()

    def recompute(self) -> SegmentSummary | None:
        """Recompute stages, tiers and RFM now; the customer list and the open tab follow."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            summary = recompute_segments(self._clock, SegmentSettings.load())
        except DomainError as exc:
            self._window.statusBar().showMessage(str(exc), 10_000)
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self._book_changed, self._stale = False, True
        if summary.changed:
            self._window.customer_list.reload()
        self._refresh_current()
        return summary

    def on_scheduler_reminders_updated(self, _count: int) -> None:
        if self._book_changed or self.segments_outdated():
            self.recompute()

    def on_window_book_changed(self) -> None:
        self._book_changed, self._stale = True, True
        if self.tabs.currentIndex() != 0:
            self._refresh_current()

    def _refresh_current(self) -> None:
        current = TABS[self.tabs.currentIndex()]
        if current == "pipeline":
            self.pipeline.refresh()
        elif current == "dashboard":
            if self._book_changed:
                self.recompute()
                return
            self.dashboard.refresh()
            self._stale = False

    def on_tabs_current_changed(self, index: int) -> None:
        self._window.side_splitter.setVisible(index == 0)
        if TABS[index] == "pipeline" or (TABS[index] == "dashboard" and self._stale):
            self._refresh_current()

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(name))

    # --- requests from the tabs ----------------------------------------------------------------------

    def on_dashboard_filter_requested(self, flt: CustomerFilter) -> None:
        pane = self._window.customer_list
        pane.search_edit.blockSignals(True)
        pane.search_edit.clear()
        pane.search_edit.blockSignals(False)
        self.show_tab("customers")
        pane.filter_bar.set_filter(flt)

    def on_dashboard_stage_requested(self, stage: str) -> None:
        self.pipeline.period_combo.set_period(self.dashboard.period_combo.period())  # the same deals as the funnel
        self.show_tab("pipeline")
        self.pipeline.show_view("list", stage)

    def on_customer_requested(self, customer_id: int) -> None:
        self.show_tab("customers")
        self._window.customer_list.select_customer(customer_id)

    def on_customer_list_current_customer_changed(self, customer_id: int | None) -> None:
        try:
            self._pipeline_customer = None if customer_id is None else (customer_id, get_customer(customer_id).name)
        except DomainError:
            self._pipeline_customer = None
        if self._pipeline is not None:
            self._pipeline.set_customer(self._pipeline_customer)

    def on_pipeline_opportunities_changed(self) -> None:
        current = self._window.customer_list.current_id()
        if current is not None:
            self._window.timeline.show_customer(current)  # a move is a line on the timeline
        self._window.book_changed.emit()

    def open_rates(self) -> RatesDialog:
        from trade_crm.ui.insights.rates_dialog import RatesDialog  # lazy: start-up, loaded when first opened

        dialog = RatesDialog(self._clock, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.rates_saved.connect(self.recompute)
        dialog.open()
        return dialog

    def open_rules(self) -> SegmentRulesDialog:
        from trade_crm.ui.insights.segment_rules import SegmentRulesDialog  # lazy: start-up, as the rates

        dialog = SegmentRulesDialog(SegmentSettings.load(), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.rules_saved.connect(self.on_rules_saved)
        dialog.open()
        return dialog

    def on_rules_saved(self) -> None:
        """New thresholds: stages now, and the dormant-customer reminders, which follow the same rule."""
        self.recompute()
        if self._scheduler is not None:
            self._scheduler.data_changed()


def install_insights(window, clock: Clock, *, language: str = "en", scheduler=None) -> Insights:
    """Add the Pipeline and Dashboard tabs and the Insights menu to `window` (a MainWindow); once only:
    a second call returns the installed one (following `scheduler` too, when given)."""
    installed = window.findChild(Insights)
    if installed is not None:
        if scheduler is not None:
            installed.follow(scheduler)
        return installed
    return Insights(window, clock, language=language, scheduler=scheduler)

