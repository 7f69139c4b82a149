"""What is due today and overdue, grouped by kind: a tree over a light model, acted on from one bar.

The pane loads at most PAGE reminders of each kind, the most overdue first, and the true count of each
(domain `due_reminders(limit_per_kind=...)` and `due_counts`), so a book with 57,000 due reminders shows
at once; a group with more ends in "… and N more" (double-click it for the next page). Rows carry no
widgets: Done, Snooze (1 day, 1 week, a picked date), Open customer and Prepare greetings act on the
selected rows from the bar above the tree and from the context menu (one snooze menu and one calendar,
built when first opened); several selected rows are done or snoozed in one transaction.

Done means done (domain reminders/complete.py): Done on one follow-up first asks what happened
(done_dialog.py); Done and Snooze are commands on the window's undo stack (Ctrl+Z), and the customers
they touched are announced so the list, the header card and the status bar follow. Until the first sync
answers, an empty pane says "Loading…", never "Nothing due today". At start (run_gui) the pane is filled
only after the window's first paint, from the reminders the last sync saved; the sync follows in a worker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import (
    QDate,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFontMetrics, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QHeaderView,
    QLabel,
    QMenu,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.errors import DomainError
from trade_crm.domain.reminders.complete import Completion, Outcome, complete_reminders, snooze_reminders
from trade_crm.domain.reminders.due import due_counts, due_status
from trade_crm.domain.reminders.records import DueReminder, due_reminders
from trade_crm.ui.common.dates import qdate
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.reminders.commands import ReminderCommand
from trade_crm.ui.reminders.done_dialog import DoneDialog
from trade_crm.ui.reminders.first_paint import FirstPaint
from trade_crm.ui.reminders.text import greeted_text, reminder_texts
from trade_crm.ui.reminders.tree_model import ROOT, ReminderGroup, ReminderTreeModel

KIND_ORDER = ("follow_up", "greeting", "birthday", "dormant", "notice")
SNOOZE_HOUR = 9  # a snooze "until a day" ends when that working day starts, in the user's zone
PAGE = 200  # reminders loaded per kind at a time; the rest are counted, and shown a page at a time
FIRST_FILL_WAIT_MS = 1000  # a window that never paints (started in the tray) fills its pane after this


class ReminderPane(QWidget):
    """Lists due reminders from the store; acting on the selected ones writes through the domain and refreshes."""

    open_customer_requested = Signal(int)
    prepare_greetings_requested = Signal(int)  # reminder id of a holiday greeting
    send_greetings_requested = Signal(int)  # reminder id of a holiday greeting: compose its mails (ui/mail)
    write_email_requested = Signal(list)  # customer ids of the selected reminders: compose to them (ui/mail)
    reminders_changed = Signal()
    customers_changed = Signal(list)  # ids of customers a done, snooze or undo changed (follow-up day, timeline)

    def __init__(self, clock: Clock, parent: QWidget | None = None, *, fill_now: bool = True):
        """With `fill_now=False` the pane says "Loading…" until `fill_after_first_paint` (or the first
        sync) fills it, so reading the due reminders never delays the window's first paint."""
        super().__init__(parent)
        self._clock = clock
        self._counts: dict[str, int] = {}
        self._overdue_customers = 0
        self._synced = False  # until the first sync answers, an empty pane is "Loading…", not "Nothing due"
        self.undo_stack: QUndoStack | None = None
        self.done_dialog: DoneDialog | None = None
        self._pages: dict[str, int] = {}  # kind -> reminders to load, when more than PAGE were asked for
        self.pick_menu: QMenu | None = None  # "Pick a date…", made with the snooze menu when first opened
        self._calendar: QCalendarWidget | None = None  # made when "Pick a date…" first opens
        self._context_menu: QMenu | None = None
        self.empty_label = QLabel(self.tr("Loading…"))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._build_actions()
        self.model = ReminderTreeModel(self)
        self.model.set_headers(self.tr("Reminder"), self.tr("Due"))
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.model.set_font(self.tree.font())
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setIndentation(14)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)  # fitted to the texts on refresh
        self.tree.doubleClicked.connect(self.on_tree_double_clicked)
        self.tree.customContextMenuRequested.connect(self.on_tree_custom_context_menu_requested)
        self.tree.selectionModel().selectionChanged.connect(self.update_actions)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.action_bar)
        column.addWidget(self.tree)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._first_paint: FirstPaint | None = None
        if fill_now:
            self.refresh()

    def fill_after_first_paint(self, wait_ms: int = FIRST_FILL_WAIT_MS) -> None:
        """Fill the pane from the store once the window has painted (the reminders saved by the last
        sync), unless a sync has filled it by then."""
        self._first_paint = FirstPaint(self._fill_if_not_yet, wait_ms, self)

    def _fill_if_not_yet(self) -> None:
        self._first_paint = None
        if not self._synced:
            self.refresh()

    def _build_actions(self) -> None:
        self.done_action = QAction(self.tr("Done"), self)
        self.done_action.setToolTip(self.tr("Mark the selected reminders as done"))
        self.done_action.triggered.connect(self.on_done_action_triggered)
        self.snooze_menu = QMenu(self.tr("Snooze"), self)  # filled when first opened
        self.snooze_menu.aboutToShow.connect(self._fill_snooze_menu)
        self.snooze_action = self.snooze_menu.menuAction()
        self.snooze_action.setToolTip(self.tr("Hide the selected reminders for a while"))
        self.open_action = QAction(self.tr("Open customer"), self)
        self.open_action.triggered.connect(self.on_open_action_triggered)
        self.greet_action = QAction(self.tr("Prepare greetings"), self)
        self.greet_action.setToolTip(self.tr("Write this holiday's greetings to the customers it covers"))
        self.greet_action.triggered.connect(self.on_greet_action_triggered)
        # Offered once mail can be sent (ui/mail calls offer_email): a greeting's mails, or a mail to the customers.
        self.email_offered = False
        self.email_action = QAction(self.tr("Write email…"), self)
        self.email_action.triggered.connect(self.on_email_action_triggered)
        self.email_action.setVisible(False)
        self.action_bar = QToolBar()
        self.action_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.done_action, self.snooze_action, self.open_action, self.greet_action, self.email_action):
            self.action_bar.addAction(action)
        snooze_button = self.action_bar.widgetForAction(self.snooze_action)
        if isinstance(snooze_button, QToolButton):
            snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

    def set_undo_stack(self, stack: QUndoStack) -> None:
        """Done and Snooze go on the window's undo stack (Ctrl+Z)."""
        self.undo_stack = stack

    def set_synced(self) -> None:
        """The first sync has answered: from now on an empty pane means nothing is due."""
        self._synced = True
        if self._first_paint is not None:  # the sync was quicker than the first paint: nothing left to do
            self._first_paint.cancel()
            self._first_paint = None
        self.refresh()

    def kind_title(self, kind: str) -> str:
        return {
            "follow_up": self.tr("Follow-ups"), "greeting": self.tr("Greetings"),
            "birthday": self.tr("Birthdays"), "dormant": self.tr("Dormant customers"),
            "notice": self.tr("Notices"),
        }.get(kind, kind)

    def due_count(self) -> int:
        """How many reminders are due in all (not only the loaded ones)."""
        return sum(self._counts.values())

    def due(self) -> list[DueReminder]:
        """The loaded reminders, group by group (at most a page of each kind)."""
        return [r for group in self.model.groups() for r in group.reminders]

    # --- loading -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload from the store, keeping the selected reminders selected while they are still due."""
        self._reload(set(self.selected_ids()), None)

    def _reload(self, keep: set[int], anchor: tuple[str, int] | None) -> None:
        """Reload; select the reminders in `keep` still listed or, with none, the row at `anchor` (kind, row)."""
        day, now = today(self._clock), self._clock.now()
        counts = due_counts(day, now)
        self._counts, self._overdue_customers = dict(counts.by_kind), counts.overdue_customers
        pages = {kind: self._pages.get(kind, PAGE) for kind in self._counts}
        loaded = due_reminders(day, now, limit_per_kind=max(pages.values(), default=PAGE)) if self._counts else []
        by_kind: dict[str, list[DueReminder]] = {}
        for reminder in loaded:
            rows = by_kind.setdefault(reminder.kind, [])
            if len(rows) < pages.get(reminder.kind, PAGE):
                rows.append(reminder)
        kinds = sorted(set(self._counts) | set(by_kind),
                       key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else len(KIND_ORDER))
        self.model.set_groups([self._group(kind, by_kind.get(kind, []), day) for kind in kinds], day)
        for row, group in enumerate(self.model.groups()):  # a handful of groups: no walk over every row
            parent = self.model.index(row, 0)
            self.tree.setFirstColumnSpanned(row, ROOT, True)
            if group.more:
                self.tree.setFirstColumnSpanned(len(group.reminders), parent, True)
            self.tree.setExpanded(parent, True)
        self._fit_due_column()
        self._restore_selection(keep, anchor)
        self.empty_label.setText(self.tr("Nothing due today") if self._synced else self.tr("Loading…"))
        self.stack.setCurrentIndex(1 if self.model.rowCount() else 0)
        self.update_actions()

    def _fit_due_column(self) -> None:
        """As wide as the widest Due text loaded (a few distinct ones), measured in bold: no per-row sizing."""
        day = today(self._clock)
        texts = {self._due_text(r, day) for g in self.model.groups() for r in g.reminders}
        metrics = QFontMetrics(self.model.bold)
        widest = max(metrics.horizontalAdvance(text) for text in texts | {self.tr("Due")})
        self.tree.header().resizeSection(1, widest + 3 * metrics.averageCharWidth())  # and the cell margins

    def _group(self, kind: str, reminders: list[DueReminder], day: date) -> ReminderGroup:
        locale = self.locale()
        total = max(self._counts.get(kind, 0), len(reminders))
        title = fill(self.tr("%1 (%2)"), self.kind_title(kind), locale.toString(total))
        if kind == "follow_up" and self._overdue_customers:  # the status bar's number, said the same way
            title = fill(self.tr("%1 (%2; %3 customers overdue)"), self.kind_title(kind), locale.toString(total),
                         locale.toString(self._overdue_customers))
        group = ReminderGroup(kind, title, total, reminders, lambda r: self._texts(r, day))
        if group.more:
            group.more_text = fill(self.tr("… and %1 more"), locale.toString(group.more))
            group.more_tip = fill(self.tr("Double-click to list %1 more"), locale.toString(min(PAGE, group.more)))
        return group

    def _texts(self, reminder: DueReminder, day: date) -> tuple[str, str, str]:
        title, detail = reminder_texts(reminder, day)
        if reminder.customer_name and reminder.customer_name not in title:
            title = f"{title} — {reminder.customer_name}"
        return title, self._due_text(reminder, day), "\n".join(filter(None, (title, detail)))

    def _due_text(self, reminder: DueReminder, day: date) -> str:
        """When: a greeting or birthday counts to its event ("Tomorrow", "In 3 days") and is late only
        after it; anything else says how late it is (domain/reminders/due.py)."""
        state, days = due_status(reminder.due_on, reminder.event_on, day)
        if state == "today":
            return self.tr("Today")
        if state == "ahead":
            return self.tr("Tomorrow") if days == 1 else fill(self.tr("In %1 days"), self.locale().toString(days))
        return self.tr("1 day overdue") if days == 1 else fill(self.tr("%1 days overdue"), self.locale().toString(days))

    def show_more(self, kind: str) -> None:
        """Load the next page of `kind`."""
        group = next((g for g in self.model.groups() if g.kind == kind), None)
        if group is not None and group.more:
            self._pages[kind] = len(group.reminders) + PAGE
            self.refresh()

    def _restore_selection(self, keep: set[int], anchor: tuple[str, int] | None) -> None:
        selection = QItemSelection()
        for reminder_id in keep:
            index = self.model.reminder_index(reminder_id)
            if index.isValid():
                selection.select(index, index.siblingAtColumn(self.model.COLUMNS - 1))
        if selection.isEmpty() and anchor is not None:
            group = next((g for g in self.model.groups() if g.kind == anchor[0]), None)
            if group is not None and group.reminders:
                index = self.model.reminder_index(group.reminders[min(anchor[1], len(group.reminders) - 1)].id)
                selection.select(index, index.siblingAtColumn(self.model.COLUMNS - 1))
        selector = self.tree.selectionModel()
        if selection.isEmpty():
            selector.clearSelection()
            return
        selector.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        first = selection.indexes()[0]
        selector.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.tree.scrollTo(first)

    # --- the selection and the actions ---------------------------------------------------------------

    def selected(self) -> list[DueReminder]:
        """The selected reminders, in the order listed."""
        rows = [self.model.reminder(i) for i in self.tree.selectionModel().selectedRows()]
        order = {id(r): n for n, r in enumerate(self.due())}
        return sorted((r for r in rows if r is not None), key=lambda r: order.get(id(r), 0))

    def selected_ids(self) -> list[int]:
        return [r.id for r in self.selected()]

    def select_reminders(self, ids: Iterable[int]) -> None:
        self._restore_selection(set(ids), None)

    def _focused(self) -> DueReminder | None:
        """The one reminder the single-row actions mean: the current row if selected, else the only one."""
        current = self.model.reminder(self.tree.currentIndex())
        selected = self.selected()
        if current is not None and current in selected:
            return current
        return selected[0] if len(selected) == 1 else None

    def update_actions(self) -> None:
        selected = self.selected()
        focused = self._focused()
        self.done_action.setEnabled(bool(selected))
        self.snooze_action.setEnabled(bool(selected))
        self.open_action.setEnabled(focused is not None and self.customer_of(focused) is not None)
        greeting = len(selected) == 1 and selected[0].kind == "greeting"
        self.greet_action.setEnabled(greeting)
        self.greet_action.setVisible(greeting)
        self.email_action.setText(self.tr("Send greetings…") if greeting else self.tr("Write email…"))
        self.email_action.setEnabled(greeting or any(self.customer_of(r) is not None for r in selected))
        self.email_action.setVisible(self.email_offered and bool(selected))

    def offer_email(self, offered: bool = True) -> None:
        """Mail can go out from the app: Write email… / Send greetings… on the selected reminders."""
        self.email_offered = offered
        self.update_actions()

    def _fill_snooze_menu(self) -> None:
        if self.snooze_menu.actions():
            return
        for text, delta in ((self.tr("1 day"), timedelta(days=1)), (self.tr("1 week"), timedelta(days=7))):
            action = self.snooze_menu.addAction(text)
            action.triggered.connect(lambda _=False, d=delta: self.snooze_for(self.selected_ids(), d))
        self.pick_menu = self.snooze_menu.addMenu(self.tr("Pick a date…"))
        self.pick_menu.aboutToShow.connect(self._fill_pick_menu)

    def _fill_pick_menu(self) -> None:
        if self._calendar is None:
            self._calendar = QCalendarWidget()
            self._calendar.setGridVisible(False)
            self._calendar.clicked.connect(self.on_calendar_clicked)
            self._calendar.activated.connect(self.on_calendar_clicked)
            holder = QWidgetAction(self.pick_menu)
            holder.setDefaultWidget(self._calendar)
            self.pick_menu.addAction(holder)
        tomorrow = qdate(today(self._clock) + timedelta(days=1))
        self._calendar.setMinimumDate(tomorrow)
        self._calendar.setSelectedDate(tomorrow)

    def on_calendar_clicked(self, day: QDate) -> None:
        for menu in (self.pick_menu, self.snooze_menu, self._context_menu):
            if menu is not None:
                menu.hide()
        self.snooze_until_day(self.selected_ids(), day)

    def on_tree_custom_context_menu_requested(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if self.model.reminder(index) is None:
            return
        if not self.tree.selectionModel().isRowSelected(index.row(), index.parent()):
            self.tree.setCurrentIndex(index)  # right-click outside the selection selects that row
        if self._context_menu is None:
            self._context_menu = QMenu(self)
            self._context_menu.addActions([self.open_action, self.greet_action, self.email_action])
            self._context_menu.addSeparator()
            self._context_menu.addActions([self.done_action, self.snooze_action])
        self._context_menu.popup(self.tree.viewport().mapToGlobal(pos))

    @staticmethod
    def customer_of(reminder: DueReminder) -> int | None:
        if reminder.customer_id is not None:
            return reminder.customer_id
        return reminder.customer_ids[0] if reminder.customer_ids else None

    # --- acting ------------------------------------------------------------------------------------

    def on_done_action_triggered(self) -> None:
        """One follow-up: ask what happened first. Several, or other kinds: done at once."""
        selected = self.selected()
        if len(selected) == 1 and selected[0].kind == "follow_up" and selected[0].customer_id is not None:
            self.ask_done(selected[0])
        else:
            self.mark_done([r.id for r in selected])

    def ask_done(self, reminder: DueReminder) -> DoneDialog:
        """The small "what happened?" step; its answer is logged and the follow-up moved."""
        dialog = DoneDialog.for_reminder(reminder, self._texts(reminder, today(self._clock))[0], self._clock, self)
        dialog.accepted.connect(lambda: self.mark_done([reminder.id], dialog.outcome()))
        dialog.finished.connect(dialog.deleteLater)
        self.done_dialog = dialog
        dialog.open()
        return dialog

    def on_open_action_triggered(self) -> None:
        focused = self._focused()
        customer_id = self.customer_of(focused) if focused else None
        if customer_id is not None:
            self.open_customer_requested.emit(customer_id)

    def on_greet_action_triggered(self) -> None:
        focused = self._focused()
        if focused is not None and focused.kind == "greeting":
            self.prepare_greetings_requested.emit(focused.id)

    def on_email_action_triggered(self) -> None:
        selected = self.selected()
        if len(selected) == 1 and selected[0].kind == "greeting":
            self.send_greetings_requested.emit(selected[0].id)
            return
        ids = [c for c in (self.customer_of(r) for r in selected) if c is not None]
        if ids:
            self.write_email_requested.emit(list(dict.fromkeys(ids)))

    def mark_done(self, ids: int | Iterable[int], outcome: Outcome | None = None) -> None:
        chosen = self._chosen(ids)
        text = self.tr("Done: %n reminder(s)", "", len(chosen))
        self._run(chosen, text, lambda: complete_reminders(chosen, self._clock, outcome, greeted=greeted_text))

    def snooze_for(self, ids: int | Iterable[int], delta: timedelta) -> None:
        until = self._clock.now() + delta
        chosen = self._chosen(ids)
        self._run(chosen, self.tr("Snooze %n reminder(s)", "", len(chosen)),
                  lambda: snooze_reminders(chosen, until, self._clock))

    def snooze_until_day(self, ids: int | Iterable[int], day: QDate) -> None:
        wake = datetime.combine(date(day.year(), day.month(), day.day()), time(SNOOZE_HOUR),
                                tzinfo=self._clock.zone)
        until = max(wake, self._clock.now() + timedelta(hours=1))
        chosen = self._chosen(ids)
        self._run(chosen, self.tr("Snooze %n reminder(s)", "", len(chosen)),
                  lambda: snooze_reminders(chosen, until, self._clock))

    @staticmethod
    def _chosen(ids: int | Iterable[int]) -> list[int]:
        return [ids] if isinstance(ids, int) else list(ids)

    def _run(self, chosen: list[int], text: str, action: Callable[[], Completion]) -> None:
        """Do it through an undoable command (on the window's stack when there is one), then show the
        next row in place of the finished ones."""
        if not chosen:
            return
        anchor = None
        first = self.model.reminder_index(chosen[0])
        if first.isValid():
            anchor = (self.model.group_of(first).kind, first.row())
        command = ReminderCommand(text, action, self._clock, self._on_command_changed)
        try:
            command.execute()
        except DomainError:
            self._reload(set(), anchor)  # finished elsewhere meanwhile; the refresh shows the truth
            return
        if self.undo_stack is not None:
            self.undo_stack.push(command)
        self._reload(set(), anchor)

    def _on_command_changed(self, customer_ids: list[int]) -> None:
        self.refresh()
        self.reminders_changed.emit()
        self.customers_changed.emit(customer_ids)

    def on_tree_double_clicked(self, index: QModelIndex) -> None:
        if self.model.is_more_row(index):
            self.show_more(self.model.group_of(index).kind)
            return
        reminder = self.model.reminder(index)
        customer_id = self.customer_of(reminder) if reminder else None
        if customer_id is not None:
            self.open_customer_requested.emit(customer_id)

