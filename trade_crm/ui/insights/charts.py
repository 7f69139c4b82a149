"""Small QtCharts builders for the dashboard: bar charts, a pie, a funnel, each one a clickable card.

A `ChartCard` is a chart view with a title row and a "Save as PNG" button; `clicked(int)` tells the
index of the bar or slice that was clicked (the caller knows what it stands for).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from trade_crm.ui.common.file_dialogs import save_file

PALETTE = ("#2d6cdf", "#27a17a", "#e0a526", "#d4533b", "#8a5cc2", "#5b6b7d", "#1d9bb3", "#b5487a")
TIER_COLOURS = {"A": "#27a17a", "B": "#2d6cdf", "C": "#e0a526", "": "#a4adb8"}
STAGE_COLOURS = {"potential": "#a4adb8", "new": "#1d9bb3", "returning": "#2d6cdf", "loyal": "#27a17a",
                 "dormant": "#e0a526", "lost": "#d4533b"}


SMALL_SLICE = 0.1  # a slice under this share of the pie gets no label beside it (they would overlap)


def new_chart() -> QChart:
    chart = QChart()
    chart.setTheme(QChart.ChartTheme.ChartThemeLight)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().hide()
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    return chart


def _bar_set(values: list[float], colour: str) -> QBarSet:
    bar_set = QBarSet("")
    bar_set.append(values)
    bar_set.setColor(QColor(colour))
    bar_set.setBorderColor(QColor(colour))
    return bar_set


def _category_axis(labels: list[str], chart: QChart) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(labels)
    axis.setLabelsFont(_axis_font(chart))
    axis.setTruncateLabels(False)
    return axis


def _axis_font(chart: QChart) -> QFont:
    font = QFont(chart.font())
    font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
    return font


def _value_axis(values: Sequence[float], font: QFont, fmt: str = "%.0f") -> QValueAxis:
    axis = QValueAxis()
    top = max([0.0, *values])
    axis.setRange(0, top * 1.1 if top else 1)
    axis.setLabelFormat(fmt)
    axis.setLabelsFont(font)
    axis.applyNiceNumbers()
    return axis


class ChartCard(QFrame):
    """A titled chart with its own "Save as PNG" button."""

    clicked = Signal(int)  # index of the bar or slice

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title_label = QLabel(title)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.note_label = QLabel()
        self.note_label.setStyleSheet("color: palette(mid);")
        self.save_button = QToolButton()
        self.save_button.setText(self.tr("Save as PNG…"))
        self.save_button.setAutoRaise(True)
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.view = QChartView(new_chart())
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(240)
        top = self._header = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addWidget(self.note_label, 1)
        top.addWidget(self.save_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 4, 6, 4)
        column.addLayout(top)
        column.addWidget(self.view, 1)

    def add_header_widget(self, widget: QWidget) -> None:
        """A control beside the title (the funnel's period), before the save button."""
        self._header.insertWidget(self._header.count() - 1, widget)

    def chart(self) -> QChart:
        return self.view.chart()

    def _replace_chart(self) -> QChart:
        old = self.view.chart()
        chart = new_chart()
        self.view.setChart(chart)
        old.deleteLater()
        return chart

    def save_png(self, path: str | Path) -> bool:
        return self.view.grab().save(str(path), "PNG")

    def on_save_button_clicked(self) -> None:
        name = self.title_label.text().replace("/", "-") + ".png"
        path = save_file(self, self.tr("Save chart"), name, self.tr("PNG images (*.png)"))
        if path:
            self.save_png(path if path.suffix.lower() == ".png" else path.with_name(path.name + ".png"))

    # --- the chart kinds ---------------------------------------------------------------------------

    def show_bars(self, labels: Sequence[str], values: Sequence[float], *, colour: str = PALETTE[0],
                  horizontal: bool = False, colours: Sequence[str] | None = None, value_format: str = "%.0f",
                  clickable: bool = True, bar_labels: bool = True) -> None:
        """One bar per label; `colours` gives each bar its own colour. Horizontal bars run top-down."""
        chart = self._replace_chart()
        order = list(reversed(range(len(values)))) if horizontal else list(range(len(values)))
        if colours:  # QtCharts colours a set, not a bar: one set per bar, stacked over the empty others
            series = QHorizontalStackedBarSeries() if horizontal else QStackedBarSeries()
            sets = [_bar_set([float(values[i]) if j == i else 0.0 for j in order], colours[i]) for i in order]
        else:
            series = QHorizontalBarSeries() if horizontal else QBarSeries()
            sets = [_bar_set([float(values[i]) for i in order], colour)]
        for bar_set in sets:
            bar_set.setLabelFont(_axis_font(chart))
            bar_set.setLabelColor(QColor("#333333"))
            series.append(bar_set)
        series.setBarWidth(0.7)
        if bar_labels:
            series.setLabelsVisible(True)
            series.setLabelsFormat("@value")
            series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd if not colours
                                     else QBarSeries.LabelsPosition.LabelsInsideEnd)
        chart.addSeries(series)
        categories = _category_axis([labels[i] for i in order], chart)
        if not horizontal and len(labels) > 7:
            categories.setLabelsAngle(-60)
        axis = _value_axis(values, _axis_font(chart), value_format)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(axis)
        if clickable:
            series.clicked.connect(lambda position, _set: self.clicked.emit(order[position]))
            self.view.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.view.unsetCursor()

    def show_pie(self, labels: Sequence[str], values: Sequence[float], colours: Sequence[str]) -> None:
        chart = self._replace_chart()
        series = QPieSeries()
        series.setHoleSize(0.35)
        series.setPieSize(0.7)
        total = sum(values)
        # Labels of thin slices pile up around the pie ("None" at 98%): then a legend names every slice.
        crowded = bool(total) and any(0 < value / total < SMALL_SLICE for value in values)
        locale = QLocale()
        for index, (label, value) in enumerate(zip(labels, values, strict=True)):
            share = f" ({locale.toString(100 * value / total, 'f', 0)}%)" if total else ""
            piece = series.append(f"{label}: {locale.toString(int(value))}{share}", float(value))
            piece.setColor(QColor(colours[index % len(colours)]))
            piece.setLabelVisible(value > 0 and not crowded)
            piece.setLabelFont(_axis_font(chart))
        chart.addSeries(series)
        if crowded:
            legend = chart.legend()
            legend.setAlignment(Qt.AlignmentFlag.AlignRight)
            legend.setFont(_axis_font(chart))
            legend.show()
        series.clicked.connect(lambda piece: self.clicked.emit(series.slices().index(piece)))
        self.view.setCursor(Qt.CursorShape.PointingHandCursor)

    def show_funnel(self, labels: Sequence[str], values: Sequence[float], texts: Sequence[str],
                    colours: Sequence[str]) -> None:
        """Centred horizontal bars, widest first: a funnel. `texts` are shown beside each stage."""
        chart = self._replace_chart()
        series = QHorizontalStackedBarSeries()
        top = max([1.0, *values])
        rows = list(reversed(range(len(values))))
        spacer = _bar_set([(top - values[i]) / 2 for i in rows], "#00000000")
        series.append(spacer)
        for i in rows:
            series.append(_bar_set([float(values[i]) if j == i else 0.0 for j in rows], colours[i % len(colours)]))
        series.setBarWidth(0.85)
        chart.addSeries(series)
        categories = _category_axis([f"{labels[i]}  {texts[i]}" for i in rows], chart)
        categories.setGridLineVisible(False)
        axis = QValueAxis()
        axis.setRange(0, top)
        axis.setVisible(False)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(axis)
        count = len(values)
        series.clicked.connect(lambda index, _set: self.clicked.emit(count - 1 - index))
        self.view.setCursor(Qt.CursorShape.PointingHandCursor)
