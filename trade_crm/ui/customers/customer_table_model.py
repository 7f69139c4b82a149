"""The customer list as a Qt table model that pages rows in from the store as the view scrolls.

Only the rows the view has asked for are loaded (canFetchMore/fetchMore, a page at a time), so
a book of 100,000 customers opens with one count and one page query.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from enum import IntEnum
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.customers import query as customer_query
from trade_crm.domain.customers.query import CustomerFilter, CustomerRow
from trade_crm.domain.world.countries import country_name, country_timezone
from trade_crm.ui.common.dates import short_date
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.labels import lifecycle_label

PAGE_SIZE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()


class Column(IntEnum):
    COMPANY = 0
    COUNTRY = 1
    CONTACT = 2
    RATING = 3
    STAGE = 4
    LAST_CONTACT = 5
    FOLLOW_UP = 6
    TIER = 7  # the automatic value tier, beside the hand-set rating (customer_list moves it there)


SORT_KEYS = {
    Column.COMPANY: "name", Column.COUNTRY: "country", Column.CONTACT: "contact", Column.RATING: "rating",
    Column.STAGE: "lifecycle", Column.LAST_CONTACT: "last_contact", Column.FOLLOW_UP: "follow_up",
    Column.TIER: "tier",
}


@cache
def _zone(code: str) -> ZoneInfo | None:
    name = country_timezone(code)
    try:
        return ZoneInfo(name) if name else None
    except ZoneInfoNotFoundError:
        return None


def muted_colour(palette: QPalette) -> QColor:
    """Grey that reads on this palette: the text colour halfway to the background."""
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    return QColor((text.red() + base.red()) // 2, (text.green() + base.green()) // 2,
                  (text.blue() + base.blue()) // 2)


def warning_colour(palette: QPalette) -> QColor:
    """A red that stands out on this palette's background, light or dark."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return QColor("#ff8a7a") if dark else QColor("#c0392b")


class CustomerTableModel(QAbstractTableModel):
    def __init__(self, clock: Clock, parent=None, *, language: str = "en", page_size: int = PAGE_SIZE):
        super().__init__(parent)
        self._clock = clock
        self._language = language
        self._page_size = page_size
        self._filter = CustomerFilter()
        self._sort, self._descending = "name", False
        self._rows: list[CustomerRow] = []
        self._row_of: dict[int, int] = {}
        self._total = 0
        self.loaded = False
        self._work_hours = (9, 18)
        self.set_palette(QGuiApplication.palette())

    # --- configuration -------------------------------------------------------------------------

    def set_palette(self, palette: QPalette) -> None:
        self._muted, self._warning = muted_colour(palette), warning_colour(palette)

    def set_working_hours(self, start: int, end: int) -> None:
        self._work_hours = (start, end)
        self.tick()

    def filter(self) -> CustomerFilter:
        return self._filter

    def set_filter(self, flt: CustomerFilter) -> None:
        self._filter = flt
        self.reload(keep_loaded=False)

    def total(self) -> int:
        """How many customers match the filter (loaded or not)."""
        return self._total

    def is_sortable(self, column: int) -> bool:
        return SORT_KEYS.get(Column(column)) in customer_query.SORT_COLUMNS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column) or not self.is_sortable(column):
            return
        key, descending = SORT_KEYS[Column(column)], order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._sort, self._descending):
            self._sort, self._descending = key, descending
            self.reload(keep_loaded=False)

    # --- loading -------------------------------------------------------------------------------

    def _query(self, offset: int, limit: int, flt: CustomerFilter | None = None) -> list[CustomerRow]:
        return customer_query.search_customers(
            flt or self._filter, today=today(self._clock), now=self._clock.now(), sort=self._sort,
            descending=self._descending, offset=offset, limit=limit)

    def reload(self, keep_loaded: bool = True) -> None:
        """Query again (the data changed); keeps as many rows loaded as before when `keep_loaded`."""
        wanted = max(self._page_size, len(self._rows)) if keep_loaded else self._page_size
        self.beginResetModel()
        self._total = customer_query.count_customers(self._filter, today=today(self._clock),
                                                     now=self._clock.now())
        self._set_rows(self._query(0, wanted) if self._total else [])
        self.loaded = True
        self.endResetModel()

    def _set_rows(self, rows: list[CustomerRow]) -> None:
        self._rows = rows
        self._row_of = {row.id: index for index, row in enumerate(rows)}

    def canFetchMore(self, parent: _Index = _NO_PARENT) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = _NO_PARENT) -> None:
        if parent.isValid():
            return
        page = self._query(len(self._rows), self._page_size)
        if not page:
            self._total = len(self._rows)
            return
        self._append(page)

    def _append(self, page: list[CustomerRow]) -> None:
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        for offset, row in enumerate(page):
            self._row_of[row.id] = first + offset
        self._rows.extend(page)
        self.endInsertRows()

    def position(self, customer_id: int) -> int | None:
        """Where `customer_id` stands in the whole filtered, sorted list (loaded or not); None: left out."""
        return customer_query.customer_position(
            customer_id, self._filter, today=today(self._clock), now=self._clock.now(), sort=self._sort,
            descending=self._descending)

    def load_customer(self, customer_id: int, *, within: int | None = None) -> int | None:
        """The row of `customer_id`, loading the rows before it when it sorts past the loaded pages (a
        customer saved at the end of a long list), unless it stands at `within` or further; None when the
        filter leaves it out or it is that far."""
        row = self._row_of.get(customer_id)
        if row is not None:
            return row
        position = self.position(customer_id)
        if position is None or position < len(self._rows) or (within is not None and position >= within):
            return None  # left out, too far, or the loaded rows are stale: the caller reloads
        page = self._query(len(self._rows), position + self._page_size - len(self._rows))
        if page:
            self._append(page)
        return self._row_of.get(customer_id)

    def refresh_customer(self, customer_id: int) -> None:
        """Re-read one loaded customer after an edit; it leaves the list if it no longer matches."""
        row = self._row_of.get(customer_id)
        if row is None:
            return
        found = self._query(0, 1, replace(self._filter, ids=(customer_id,)))
        if found:
            self._rows[row] = found[0]
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        self._set_rows(self._rows[:row] + self._rows[row + 1:])
        self._total -= 1
        self.endRemoveRows()

    def tick(self) -> None:
        """The clock moved: local times and relative dates change."""
        if self._rows:
            self.dataChanged.emit(self.index(0, Column.COUNTRY), self.index(len(self._rows) - 1, len(Column) - 1))

    def customer_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, customer_id: int) -> int | None:
        return self._row_of.get(customer_id)

    # --- Qt model interface --------------------------------------------------------------------

    def rowCount(self, parent: _Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Company"), self.tr("Country"), self.tr("Main contact"), self.tr("Rating"),
                    self.tr("Stage"), self.tr("Last contact"), self.tr("Next follow-up"), self.tr("Tier"))[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.COUNTRY:
            return self.tr("Country, and the time there now (grey outside working hours)")
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.RATING:
            return self.tr("The rating you set by hand")
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.TIER:
            return self.tr("Value tier by the last 12 months' orders (Pareto: A = the first 80 % of the value, "
                           "B = up to 95 %, C = the rest); computed, never overwrites the rating")
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.STAGE:
            return self.tr("Lifecycle stage, computed from the orders (Insights › Stage and tier rules)")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.RATING, Column.TIER):
            return Qt.AlignmentFlag.AlignCenter
        return None

    # --- cell contents -------------------------------------------------------------------------

    def _local_time(self, row: CustomerRow) -> datetime | None:
        zone = _zone(row.country) if row.country else None
        return self._clock.now().astimezone(zone) if zone else None

    def _in_working_hours(self, local: datetime) -> bool:
        return self._work_hours[0] <= local.hour < self._work_hours[1]

    def _days_since(self, row: CustomerRow) -> int | None:
        if row.last_contact_at is None:
            return None
        return (today(self._clock) - row.last_contact_at.astimezone(self._clock.zone).date()).days

    def _display(self, row: CustomerRow, column: Column) -> str:
        if column == Column.COMPANY:
            return row.name
        if column == Column.COUNTRY:
            if not row.country:
                return ""
            local = self._local_time(row)
            return f"{row.country} · {local:%H:%M}" if local else row.country
        if column == Column.CONTACT:
            return row.contact_name
        if column == Column.RATING:
            return row.rating or ""
        if column == Column.STAGE:
            return lifecycle_label(row.lifecycle)
        if column == Column.LAST_CONTACT:
            return self.relative_days(self._days_since(row))
        if column == Column.TIER:
            return row.tier or ""
        if row.follow_up_on is None:
            return ""
        return short_date(row.follow_up_on)

    def relative_days(self, days: int | None) -> str:
        if days is None:
            return self.tr("never")
        if days <= 0:
            return self.tr("today")
        if days == 1:
            return self.tr("yesterday")
        if days < 60:
            return self.tr("%n days ago", "", days)
        if days < 365:
            return self.tr("%n months ago", "", days // 30)
        return self.tr("%n years ago", "", days // 365)

    def _foreground(self, row: CustomerRow, column: Column):
        if column == Column.COUNTRY:
            local = self._local_time(row)
            return self._muted if local and not self._in_working_hours(local) else None
        if column == Column.FOLLOW_UP and row.follow_up_on and row.follow_up_on < today(self._clock):
            return self._warning
        if column == Column.LAST_CONTACT and row.last_contact_at is None:
            return self._muted
        return None

    def _tooltip(self, row: CustomerRow, column: Column) -> str | None:
        if column == Column.COMPANY:
            lines = [row.name, ", ".join(p for p in (row.city, row.country and self._country(row.country)) if p)]
            lines += [row.email, row.phone, ", ".join(row.tags)]
            return "\n".join(line for line in lines if line)
        if column == Column.COUNTRY and row.country:
            local = self._local_time(row)
            if local is None:
                return self._country(row.country)
            text = fill(self.tr("%1: %2 local time"), self._country(row.country), f"{local:%H:%M}")
            if not self._in_working_hours(local):
                text += "\n" + self.tr("Outside working hours")
            return text
        if column == Column.CONTACT:
            return "\n".join(p for p in (row.contact_name, row.email, row.phone) if p) or None
        if column == Column.FOLLOW_UP and row.follow_up_on:
            days = (row.follow_up_on - today(self._clock)).days
            if days < 0:
                return self.tr("Overdue by %n days", "", -days)
            return self.tr("Due today") if days == 0 else self.tr("Due in %n days", "", days)
        return None

    def _country(self, code: str) -> str:
        return country_name(code, "zh" if self._language.startswith("zh") else "en")
