"""The period a funnel or the board counts, said the same way on both: every open deal, plus the won and lost
ones closed in the last 30 days, 90 days, 12 months (the default), or ever."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from trade_crm.domain.insights.pipeline import CLOSED_PERIODS, DEFAULT_PERIOD

LABELS = {
    "30d": QT_TRANSLATE_NOOP("Periods", "Open + closed in the last 30 days"),
    "90d": QT_TRANSLATE_NOOP("Periods", "Open + closed in the last 90 days"),
    "12m": QT_TRANSLATE_NOOP("Periods", "Open + closed in the last 12 months"),
    "all": QT_TRANSLATE_NOOP("Periods", "Open + every closed deal"),
}


def period_label(period: str) -> str:
    return QCoreApplication.translate("Periods", LABELS[period])


class PeriodCombo(QComboBox):
    """Which deals count: `period_changed` says the key of CLOSED_PERIODS chosen."""

    period_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        for key in CLOSED_PERIODS:
            self.addItem(period_label(key), key)
        self.setCurrentIndex(self.findData(DEFAULT_PERIOD))
        self.setToolTip(QCoreApplication.translate(
            "Periods", "Deals still open always count; won and lost ones count when they closed in this period."))
        self.currentIndexChanged.connect(lambda _i: self.period_changed.emit(self.period()))

    def period(self) -> str:
        return self.currentData()

    def set_period(self, period: str) -> None:
        self.setCurrentIndex(self.findData(period))
