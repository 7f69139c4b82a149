"""What is due today and overdue, grouped by kind, each with Done, Snooze and Open customer."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QStackedWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.errors import DomainError
from trade_crm.domain.reminders import DueReminder, due_reminders, mark_done, snooze
from trade_crm.ui.header_card import qdate

KIND_ORDER = ("follow_up", "greeting", "birthday", "dormant", "notice")
SNOOZE_HOUR = 9  # a snooze "until a day" ends when that working day starts, in the user's zone


class ReminderPane(QWidget):
    """Lists due reminders from the store; acting on one writes through the domain and refreshes."""

    open_customer_requested = Signal(int)
    prepare_greetings_requested = Signal(int)  # reminder id of a holiday greeting
    reminders_changed = Signal()

    def __init__(self, clock: Clock, parent: QWidget | None = None):
        super().__init__(parent)
        self._clock = clock
        self._due: list[DueReminder] = []
        self.empty_label = QLabel(self.tr("Nothing due today"))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Reminder"), self.tr("Due"), ""])
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(12)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemDoubleClicked.connect(self.on_tree_item_double_clicked)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.tree)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.refresh()

    def kind_title(self, kind: str) -> str:
        return {
            "follow_up": self.tr("Follow-ups"), "greeting": self.tr("Greetings"),
            "birthday": self.tr("Birthdays"), "dormant": self.tr("Dormant customers"),
            "notice": self.tr("Notices"),
        }.get(kind, kind)

    def due_count(self) -> int:
        return len(self._due)

    def due(self) -> list[DueReminder]:
        return list(self._due)

    def refresh(self) -> None:
        self._due = due_reminders(today(self._clock), self._clock.now())
        self.tree.clear()
        kinds = sorted({r.kind for r in self._due},
                       key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else len(KIND_ORDER))
        for kind in kinds:
            members = [r for r in self._due if r.kind == kind]
            group = QTreeWidgetItem([self.tr("%1 (%2)").replace("%1", self.kind_title(kind))
                                     .replace("%2", self.locale().toString(len(members)))])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setData(0, Qt.ItemDataRole.UserRole, kind)
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            for reminder in members:
                self._add_item(group, reminder)
            group.setExpanded(True)
        self.tree.setCurrentItem(None)
        self.stack.setCurrentIndex(1 if self._due else 0)

    def _add_item(self, group: QTreeWidgetItem, reminder: DueReminder) -> None:
        user_today = today(self._clock)
        title = reminder.title
        if reminder.customer_name and reminder.customer_name not in title:
            title = f"{title} — {reminder.customer_name}"
        late = (user_today - reminder.due_on).days
        if late > 1:
            due = self.tr("%1 days overdue").replace("%1", self.locale().toString(late))
        else:
            due = self.tr("Since yesterday") if late == 1 else self.tr("Today")
        item = QTreeWidgetItem(group, [title, due, ""])
        item.setData(0, Qt.ItemDataRole.UserRole, reminder.id)
        item.setToolTip(0, "\n".join(filter(None, (title, reminder.detail))))
        item.setToolTip(1, self.locale().toString(qdate(reminder.due_on), QLocale.FormatType.LongFormat))
        if reminder.due_on < user_today:
            font = item.font(1)
            font.setBold(True)
            item.setFont(1, font)
        self.tree.setItemWidget(item, 2, self._actions(reminder))

    def _actions(self, reminder: DueReminder) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 4, 0)
        row.setSpacing(2)
        done = QToolButton()
        done.setText(self.tr("Done"))
        done.setObjectName(f"done_{reminder.id}")
        done.clicked.connect(lambda: self.on_done_clicked(reminder.id))
        later = QToolButton()
        later.setText(self.tr("Snooze"))
        later.setObjectName(f"snooze_{reminder.id}")
        later.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        later.setMenu(self._snooze_menu(reminder.id, later))
        row.addWidget(done)
        row.addWidget(later)
        if reminder.kind == "greeting":
            greet = QToolButton()
            greet.setText(self.tr("Prepare greetings"))
            greet.setObjectName(f"greet_{reminder.id}")
            greet.clicked.connect(lambda: self.prepare_greetings_requested.emit(reminder.id))
            row.addWidget(greet)
        customer_id = self.customer_of(reminder)
        if customer_id is not None:
            opener = QToolButton()
            opener.setText(self.tr("Open customer"))
            opener.setObjectName(f"open_{reminder.id}")
            opener.clicked.connect(lambda: self.open_customer_requested.emit(customer_id))
            row.addWidget(opener)
        for button in box.findChildren(QToolButton):
            button.setAutoRaise(True)
        return box

    def _snooze_menu(self, reminder_id: int, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        one_day = menu.addAction(self.tr("1 day"))
        one_day.setData(timedelta(days=1))
        one_week = menu.addAction(self.tr("1 week"))
        one_week.setData(timedelta(days=7))
        for action in (one_day, one_week):
            action.triggered.connect(lambda _=False, a=action: self.snooze_for(reminder_id, a.data()))
        pick = menu.addMenu(self.tr("Pick a date…"))
        calendar = QCalendarWidget()
        calendar.setMinimumDate(qdate(today(self._clock) + timedelta(days=1)))
        calendar.setGridVisible(False)
        holder = QWidgetAction(pick)
        holder.setDefaultWidget(calendar)
        pick.addAction(holder)
        calendar.clicked.connect(lambda day: (menu.close(), self.snooze_until_day(reminder_id, day)))
        return menu

    @staticmethod
    def customer_of(reminder: DueReminder) -> int | None:
        if reminder.customer_id is not None:
            return reminder.customer_id
        return reminder.customer_ids[0] if reminder.customer_ids else None

    # --- actions ----------------------------------------------------------------------------------

    def on_done_clicked(self, reminder_id: int) -> None:
        self._apply(lambda: mark_done(reminder_id, self._clock))

    def snooze_for(self, reminder_id: int, delta: timedelta) -> None:
        self._apply(lambda: snooze(reminder_id, self._clock.now() + delta, self._clock))

    def snooze_until_day(self, reminder_id: int, day: QDate) -> None:
        wake = datetime.combine(date(day.year(), day.month(), day.day()), time(SNOOZE_HOUR),
                                tzinfo=self._clock.zone)
        self._apply(lambda: snooze(reminder_id, max(wake, self._clock.now() + timedelta(hours=1)),
                                   self._clock))

    def _apply(self, action) -> None:
        try:
            action()
        except DomainError:
            pass  # already finished elsewhere (another window, the engine); the refresh shows the truth
        self.refresh()
        self.reminders_changed.emit()

    def on_tree_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        reminder_id = item.data(0, Qt.ItemDataRole.UserRole)
        reminder = next((r for r in self._due if r.id == reminder_id), None)
        customer_id = self.customer_of(reminder) if reminder else None
        if customer_id is not None:
            self.open_customer_requested.emit(customer_id)
