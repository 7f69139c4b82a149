"""The customer list pane: search as you type, filters with clearable chips, saved views, the table."""

from __future__ import annotations

import json
from dataclasses import asdict, replace

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock
from trade_crm.domain.customers.query import CustomerFilter
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.icons import icon
from trade_crm.ui.customers.customer_table_model import SORT_KEYS, Column, CustomerTableModel
from trade_crm.ui.customers.filter_bar import FilterBar, FilterChips

SEARCH_DELAY_MS = 250
HEADER_KEY = "customer_list/header"
FILTERS_VISIBLE_KEY = "customer_list/filters_visible"
VIEWS_KEY = "customer_list/views"
FOLLOW_ROWS = 2000  # a new search keeps the shown customer selected if it stands within this many rows


class CustomerListPane(QWidget):
    current_customer_changed = Signal(object)  # customer id, or None
    selection_changed = Signal()
    filter_changed = Signal()  # the filter or the data changed
    shown_changed = Signal()  # a typed search changed only what the list shows, or its count arrived
    customer_activated = Signal(int)

    def __init__(self, clock: Clock, settings: QSettings, *, language: str = "en",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._settings = settings
        self._following: int | None = None  # the customer a search follows until its count arrives
        self.model = CustomerTableModel(clock, self, language=language)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search company, contact, email, phone, tag…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.filters_button = QToolButton()
        self.filters_button.setIcon(icon("filter"))
        self.filters_button.setCheckable(True)
        self.filters_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.views_button = QToolButton()
        self.views_button.setText(self.tr("Views"))
        self.views_button.setIcon(icon("views"))
        self.views_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.views_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.views_button.setMenu(QMenu(self.views_button))
        self.views_button.menu().aboutToShow.connect(self.on_views_menu_about_to_show)
        self.filter_bar = FilterBar(language)
        self.chips = FilterChips()
        self.table = self._build_table()
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.filters_button)
        top.addWidget(self.views_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.chips)
        layout.addWidget(self.table, 1)
        self.search_edit.textChanged.connect(self.on_search_edit_text_changed)
        self.search_edit.returnPressed.connect(self.apply_filter)
        self.search_timer.timeout.connect(self.apply_filter)
        self.filters_button.toggled.connect(self.filter_bar.setVisible)
        self.filter_bar.filter_changed.connect(self.apply_filter_now)
        self.model.total_changed.connect(self.on_model_total_changed)
        self.chips.chip_cleared.connect(self.filter_bar.clear_field)
        self.chips.all_cleared.connect(self.clear_filters)
        self.filters_button.setChecked(settings.value(FILTERS_VISIBLE_KEY, False, type=bool))
        self.filter_bar.setVisible(self.filters_button.isChecked())
        self._update_filter_widgets()
        if not self.model.loaded:
            self.model.reload()

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for column, width in ((Column.COMPANY, 180), (Column.COUNTRY, 84), (Column.CONTACT, 110),
                              (Column.RATING, 50), (Column.TIER, 44), (Column.STAGE, 88), (Column.LAST_CONTACT, 90)):
            header.resizeSection(column, width)
        if not header.restoreState(self._settings.value(HEADER_KEY, b"")):
            # The automatic tier stands beside the hand-set rating, so the two read together.
            header.moveSection(header.visualIndex(Column.TIER), header.visualIndex(Column.RATING) + 1)
            header.setSortIndicator(Column.COMPANY, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)  # sorts by the indicator set above: the model loads once, not twice
        self._sort_indicator = (header.sortIndicatorSection(), header.sortIndicatorOrder())
        header.sortIndicatorChanged.connect(self.on_header_sort_indicator_changed)
        table.selectionModel().currentRowChanged.connect(self.on_selection_current_row_changed)
        table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        table.doubleClicked.connect(self.on_table_double_clicked)
        return table

    # --- state ---------------------------------------------------------------------------------

    def save_state(self) -> None:
        self._settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())
        self._settings.setValue(FILTERS_VISIBLE_KEY, self.filters_button.isChecked())

    def current_filter(self) -> CustomerFilter:
        return self.filter_bar.apply_to(CustomerFilter(text=self.search_edit.text().strip()))

    def view_state(self) -> tuple[str, bool, tuple[str, ...]]:
        """How the list shows its customers, for an export of what is on screen: the sort key
        (domain.customers.query.SORT_COLUMNS) and whether descending, and the visible columns' keys
        (SORT_KEYS names them: "name", "country", "contact", ...) from left to right."""
        header = self.table.horizontalHeader()
        column, order = self._sort_indicator
        shown = sorted((c for c in Column if not header.isSectionHidden(c)), key=header.visualIndex)
        sort = SORT_KEYS.get(Column(column), "name") if 0 <= column < len(Column) else "name"
        return sort, order == Qt.SortOrder.DescendingOrder, tuple(SORT_KEYS[c] for c in shown)

    def on_search_edit_text_changed(self, _text: str) -> None:
        self.search_timer.start()

    def apply_filter(self) -> None:
        """Apply the search text and filters (typing does, after a short pause): the first page at once,
        the count, and the shown customer's place in the new list, when the model's count arrives."""
        self._apply(count_later=True)

    def apply_filter_now(self) -> None:
        """Apply the search text and filters with their count (a filter chosen, a view, a customer shown)."""
        self._apply(count_later=False)

    def _apply(self, *, count_later: bool) -> None:
        self.search_timer.stop()
        flt = self.current_filter()
        if flt != self.model.filter():
            current = self.current_id()
            self._following = None
            self.model.set_filter(flt, count_later=count_later, follow=current)
            if current is not None and self.model.known_total() is None and self.model.row_of(current) is None:
                self._following = current  # on_model_total_changed looks for it
            # Typing a search follows the shown customer a few pages down, not through 100,000 rows.
            elif (not self._reselect(current, within=FOLLOW_ROWS) and current is not None
                    and self.model.position(current) is None):
                self._hide_current()
        self._update_filter_widgets()
        (self.shown_changed if count_later else self.filter_changed).emit()

    def _hide_current(self) -> None:
        self.current_customer_changed.emit(None)  # the search hid it: the detail pane must not keep it
        self.selection_changed.emit()

    def on_model_total_changed(self) -> None:
        """The count arrived: follow the customer shown before the search, then let the counts update."""
        following, self._following = self._following, None
        if following is not None and self.current_id() is None:
            position = self.model.followed_position()
            if position is None:
                self._hide_current()
            elif position < FOLLOW_ROWS and self.model.customer_id(position) == following:
                self.select_row(position)
        self.shown_changed.emit()

    def _update_filter_widgets(self) -> None:
        flt = self.current_filter()
        chips = self.filter_bar.chips(flt)
        self.chips.set_chips(chips)
        self.filters_button.setText(fill(self.tr("Filters (%1)"), len(chips)) if chips else self.tr("Filters"))

    def clear_filters(self) -> None:
        self.search_edit.clear()
        self.filter_bar.set_filter(CustomerFilter())

    def set_tags(self, tags: list[str]) -> None:
        self.filter_bar.set_tags(tags)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def reload(self, select: list[int] | None = None) -> None:
        """Query again after a change, keeping the selection (or selecting `select`) where it can."""
        wanted = list(select) if select is not None else self.selected_ids()
        current = wanted[0] if select else self.current_id()
        row = self.table.currentIndex().row()
        self._following = None
        self.model.reload(keep=[*wanted, current])
        rows = [r for r in (self.model.row_of(i) for i in wanted) if r is not None]
        current_row = self.model.load_customer(current) if current is not None else None
        if rows or current_row is not None:
            self._select_rows(rows, current_row if current_row is not None else rows[0])
        elif self.model.rowCount() and row >= 0:
            self.select_row(min(row, self.model.rowCount() - 1))
        else:
            self.current_customer_changed.emit(None)
        self.filter_changed.emit()

    def refresh_customer(self, customer_id: int) -> None:
        self.model.refresh_customer(customer_id)
        self.filter_changed.emit()

    # --- selection -----------------------------------------------------------------------------

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.customer_id(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        return self.model.customer_ids(sorted(index.row() for index in self.table.selectionModel().selectedRows()))

    def select_row(self, row: int) -> None:
        self._select_rows([row], row)

    def _select_rows(self, rows: list[int], current_row: int) -> None:
        selection = QItemSelection()
        for row in rows or [current_row]:
            selection.select(self.model.index(row, 0), self.model.index(row, self.model.columnCount() - 1))
        selection_model = self.table.selectionModel()
        selection_model.setCurrentIndex(self.model.index(current_row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        selection_model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.table.scrollTo(self.model.index(current_row, 0))

    def select_customer(self, customer_id: int) -> bool:
        """Make `customer_id` current if it is in the loaded rows; tell listeners either way."""
        if self._reselect(customer_id):
            return True
        self.table.clearSelection()
        self.current_customer_changed.emit(customer_id)
        return False

    def show_customer(self, customer_id: int) -> bool:
        """Select `customer_id` and scroll to it, clearing the search and filters if they hide it (a customer
        just saved or created: the list follows the user); False when it is not in the book."""
        if self.select_customer(customer_id):
            return True
        if self.current_filter().is_empty:
            return False
        self.clear_filters()
        self.apply_filter_now()
        return self._reselect(customer_id)

    def _reselect(self, customer_id: int | None, *, within: int | None = None) -> bool:
        row = self.model.load_customer(customer_id, within=within) if customer_id is not None else None
        if row is None:
            return False
        if self.current_id() == customer_id:
            self.current_customer_changed.emit(customer_id)
        self.select_row(row)
        return True

    def on_selection_current_row_changed(self, current, _previous) -> None:
        self.current_customer_changed.emit(self.model.customer_id(current.row()) if current.isValid() else None)

    def on_table_double_clicked(self, index) -> None:
        customer_id = self.model.customer_id(index.row())
        if customer_id is not None:
            self.customer_activated.emit(customer_id)

    def on_header_sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        if not self.model.is_sortable(column):  # e.g. main contact, until the store can sort by it
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(*self._sort_indicator)
            header.blockSignals(False)
            return
        self._sort_indicator = (column, order)

    # --- saved views ---------------------------------------------------------------------------

    def saved_views(self) -> dict[str, dict]:
        try:
            views = json.loads(self._settings.value(VIEWS_KEY, "{}") or "{}")
        except ValueError:
            return {}
        return views if isinstance(views, dict) else {}

    def save_view(self, name: str) -> None:
        fields = asdict(self.current_filter())
        fields.pop("ids", None)
        self._settings.setValue(VIEWS_KEY, json.dumps({**self.saved_views(), name: fields}, ensure_ascii=False))

    def delete_view(self, name: str) -> None:
        views = self.saved_views()
        views.pop(name, None)
        self._settings.setValue(VIEWS_KEY, json.dumps(views, ensure_ascii=False))

    def apply_view(self, name: str) -> None:
        fields = self.saved_views().get(name)
        if fields is None:
            return
        known = {k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()
                 if k in CustomerFilter.__dataclass_fields__ and k != "ids"}
        flt = replace(CustomerFilter(), **known)
        self.search_edit.blockSignals(True)
        self.search_edit.setText(flt.text)
        self.search_edit.blockSignals(False)
        self.filter_bar.set_filter(flt)

    def on_views_menu_about_to_show(self) -> None:
        menu = self.views_button.menu()
        menu.clear()
        menu.addAction(self.tr("Save current view…"), self.on_save_view_triggered)
        views = sorted(self.saved_views())
        if views:
            menu.addSeparator()
            for name in views:
                menu.addAction(name, lambda n=name: self.apply_view(n))
            remove = menu.addMenu(self.tr("Delete view"))
            for name in views:
                remove.addAction(name, lambda n=name: self.delete_view(n))

    def on_save_view_triggered(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save view"), self.tr("Name of this view:"))
        if ok and name.strip():
            self.save_view(name.strip())
