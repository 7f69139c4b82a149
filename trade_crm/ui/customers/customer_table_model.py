"""The customer list as a Qt table model that reads pages of rows from the store as the view asks for them.

The model says it has as many rows as the filter matches (one count query), and holds only a window of
pages around what was shown (row_window.py): scrolling or Ctrl+End to the end of 100,000 customers reads
the pages on screen and drops far ones. While typing a search (`set_filter(..., count_later=True)`) the
first page is shown at once and the count follows from a worker thread started after that first paint;
until it arrives `known_total()` is None (the status bar shows "…"), and a count for an older filter never lands.
"""

from __future__ import annotations

from collections.abc import Iterable
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
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.connections import workers_can_open_the_book
from trade_crm.domain.customers import query as customer_query
from trade_crm.domain.customers.query import CustomerFilter, CustomerRow
from trade_crm.domain.world.countries import country_name, country_timezone
from trade_crm.ui.common.dates import short_date
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.labels import lifecycle_label
from trade_crm.ui.customers.background_count import BackgroundCount
from trade_crm.ui.customers.row_window import RowWindow

PAGE_SIZE = 64  # about a screenful: the first page of a search is all a keystroke waits for
MAX_PAGES = 24  # pages held at most (about 1,500 rows); far ones are dropped
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, ID_ROLE, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole})


class Column(IntEnum):
    COMPANY = 0
    COUNTRY = 1
    CONTACT = 2
    RATING = 3
    STAGE = 4
    LAST_CONTACT = 5
    FOLLOW_UP = 6
    TIER = 7  # the automatic value tier, beside the hand-set rating (customer_list moves it there)


_COLUMNS = tuple(Column)
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
    total_changed = Signal()  # a count that set_filter(count_later=True) left open has arrived

    def __init__(self, clock: Clock, parent=None, *, language: str = "en", page_size: int = PAGE_SIZE,
                 max_pages: int = MAX_PAGES):
        super().__init__(parent)
        self._clock = clock
        self._language = language
        self.queued_ids: set[int] = set()  # on a trip (ui/team/offline.py): customers not yet on the server
        self._filter = CustomerFilter()
        self._sort, self._descending = "name", False
        self._window: RowWindow[CustomerRow] = RowWindow(self._query, page_size=page_size, max_pages=max_pages)
        self._page_size = page_size
        self._rows = 0  # what rowCount says: the count, or while counting the rows read so far
        self._total: int | None = 0  # None while the count is on its way
        self._counter = BackgroundCount(self)  # every reset cancels it: an older count never lands
        self._counter.counted.connect(self.on_counter_counted)
        self._counter.failed.connect(self.settle)
        self._followed: int | None = None  # where the customer asked to follow stands, with the count
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

    def set_filter(self, flt: CustomerFilter, *, count_later: bool = False, follow: int | None = None) -> None:
        """Show the customers `flt` matches. With `count_later` (typing a search), only the first page is
        read now; the count, and the position of customer `follow`, follow by `total_changed`."""
        self._filter = flt
        self._reset("later" if count_later and workers_can_open_the_book() else "now", follow=follow)

    def total(self) -> int:
        """How many customers match the filter (held or not); counts now if the count is on its way."""
        self.settle()
        return self._total or 0

    def known_total(self) -> int | None:
        """The count if it has arrived; None while it is on its way (show "…", never an older number)."""
        return self._total

    def followed_position(self) -> int | None:
        """With the count: where set_filter's `follow` customer stands, asked only when the first page did not
        show it; None: left out (or not asked)."""
        return self._followed

    def held_rows(self) -> int:
        """How many rows are in memory (a window of pages, not the whole list)."""
        return self._window.held()

    def is_sortable(self, column: int) -> bool:
        return SORT_KEYS.get(Column(column)) in customer_query.SORT_COLUMNS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column) or not self.is_sortable(column):
            return
        key, descending = SORT_KEYS[Column(column)], order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._sort, self._descending):
            self._sort, self._descending = key, descending
            if self.loaded and self._total is not None:
                self._reset("keep")  # the same rows in another order: no need to count them again
            else:
                self.reload()

    # --- loading -------------------------------------------------------------------------------

    def _query(self, offset: int, limit: int, flt: CustomerFilter | None = None) -> list[CustomerRow]:
        return customer_query.search_customers(
            flt or self._filter, today=today(self._clock), now=self._clock.now(), sort=self._sort,
            descending=self._descending, offset=offset, limit=limit)

    def _count(self) -> int:
        return customer_query.count_customers(self._filter, today=today(self._clock), now=self._clock.now())

    def reload(self, keep: Iterable[int | None] = ()) -> None:
        """Query again (the data changed): the count, the first page, and the pages that held the
        customers `keep` (a selection to restore); the rest is read again when the view shows it."""
        rows = (self._window.row_of(cid) for cid in keep if cid is not None)
        pages = sorted({row // self._page_size for row in rows if row is not None})
        self._reset("now", pages=pages[:self._window.max_pages - 1])

    def _reset(self, count: str, *, pages: list[int] | None = None, follow: int | None = None) -> None:
        """Forget the rows and read the first page (and `pages`); `count`: "now", "later" or "keep"."""
        self._counter.cancel()
        self._followed = None
        self.beginResetModel()
        self._window.clear()
        total = self._count() if count == "now" else self._total if count == "keep" else None
        first = self._window.load(0) if total is None or total else []
        if total is None and len(first) < self._page_size:
            total = len(first)  # the first page is the whole answer: nothing to count
        for number in pages or ():
            if number and number * self._page_size < (total or 0):
                self._window.load(number)
        self._total = total
        self._rows = total if total is not None else len(first)
        self.loaded = True
        self.endResetModel()
        if total is None:  # placing `follow` is a second query: not when the first page shows it
            place = follow if follow is not None and self._window.row_of(follow) is None else None
            self._counter.request(self._filter, today(self._clock), self._clock.now(), self._sort,
                                  self._descending, place)
        elif follow is not None:
            self._followed = self._window.row_of(follow)

    def on_counter_counted(self, total: int, position: int | None) -> None:
        self._followed = position
        self._set_total(total)

    def settle(self) -> None:
        """Count now if the count is still on its way (something needs the whole list at once)."""
        if self._total is None:
            self._counter.cancel()
            self._set_total(self._count())

    def _set_total(self, total: int) -> None:
        if total > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, total - 1)
            self._rows, self._total = total, total
            self.endInsertRows()
        elif total < self._rows:
            self.beginRemoveRows(QModelIndex(), total, self._rows - 1)
            self._window.drop_from(total)
            self._rows, self._total = total, total
            self.endRemoveRows()
        self._total = total
        self.total_changed.emit()

    def canFetchMore(self, parent: _Index = _NO_PARENT) -> bool:
        """Only while counting: the view may read on past the first page before the count arrives."""
        return (not parent.isValid() and self._total is None and self._rows % self._page_size == 0
                and self._window.cached(self._rows - 1) is not None)

    def fetchMore(self, parent: _Index = _NO_PARENT) -> None:
        if parent.isValid() or not self.canFetchMore(parent):
            return
        page = self._window.load(self._rows // self._page_size)
        if page:
            self.beginInsertRows(QModelIndex(), self._rows, self._rows + len(page) - 1)
            self._rows += len(page)
            self.endInsertRows()

    def position(self, customer_id: int) -> int | None:
        """Where `customer_id` stands in the whole filtered, sorted list (held or not); None: left out."""
        return customer_query.customer_position(
            customer_id, self._filter, today=today(self._clock), now=self._clock.now(), sort=self._sort,
            descending=self._descending)

    def load_customer(self, customer_id: int, *, within: int | None = None) -> int | None:
        """The row of `customer_id`, reading its page when it is not held (a customer saved at the end of a
        long list), unless it stands at `within` or further; None when the filter leaves it out, it is that
        far, or the rows shown are stale (the caller reloads)."""
        row = self._window.row_of(customer_id)
        if row is not None:
            return row
        position = self.position(customer_id)
        if position is None or (within is not None and position >= within):
            return None
        self.settle()
        if position >= self._rows:
            return None
        found = self._window.get(position)
        return position if found is not None and found.id == customer_id else None

    def refresh_customer(self, customer_id: int) -> None:
        """Re-read one held customer after an edit; it leaves the list if it no longer matches."""
        row = self._window.row_of(customer_id)
        if row is None:
            return
        found = self._query(0, 1, replace(self._filter, ids=(customer_id,)))
        if found:
            self._window.replace(row, found[0])
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        self._window.remove(row)
        self._rows -= 1
        if self._total is not None:
            self._total -= 1
        self.endRemoveRows()

    def tick(self) -> None:
        """The clock moved: local times and relative dates change."""
        if self._rows:
            self.dataChanged.emit(self.index(0, Column.COUNTRY), self.index(self._rows - 1, len(Column) - 1))

    def customer_id(self, row: int) -> int | None:
        found = self._window.get(row) if 0 <= row < self._rows else None
        return found.id if found is not None else None

    def customer_ids(self, rows: list[int]) -> list[int]:
        """The ids at `rows` (e.g. a selection); one id query instead of paging through a long selection."""
        rows = [r for r in rows if 0 <= r < self._rows]
        if sum(self._window.cached(r) is None for r in rows) <= self._page_size:
            return [cid for cid in map(self.customer_id, rows) if cid is not None]
        ids = customer_query.matching_ids(self._filter, today=today(self._clock), now=self._clock.now(),
                                          sort=self._sort, descending=self._descending)
        return [ids[r] for r in rows if r < len(ids)]

    def row_of(self, customer_id: int) -> int | None:
        """The row of `customer_id` among the rows held; None when it is not held."""
        return self._window.row_of(customer_id)

    # --- Qt model interface --------------------------------------------------------------------

    def rowCount(self, parent: _Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else self._rows

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
        if role not in _ROLES or not index.isValid():
            return None  # a view asks for a dozen roles per cell; most are answered here, cheaply
        row = self._window.get(index.row()) if index.row() < self._rows else None
        if row is None:
            return None
        column = _COLUMNS[index.column()]
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
            return fill(self.tr("%1 (queued)"), row.name) if row.id in self.queued_ids else row.name
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
