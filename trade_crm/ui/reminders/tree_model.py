"""The reminder tree's model: one group row per kind holding its loaded reminders, and a last "… and N more"
row where not all are loaded. Light on purpose: no widgets per row, and a row's texts are made the first
time the view asks for them, so tens of thousands of due reminders list at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QLocale, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont

from trade_crm.domain.reminders.records import DueReminder
from trade_crm.ui.common.dates import qdate

ReminderRole = Qt.ItemDataRole.UserRole + 1  # the DueReminder of a row (None on group and "more" rows)
ROOT = QModelIndex()


@dataclass
class ReminderGroup:
    """One kind's rows as loaded, with its display texts, and how many of that kind are due in all."""

    kind: str
    title: str  # "Follow-ups (38,196)"
    total: int
    reminders: list[DueReminder] = field(default_factory=list)
    make_texts: Callable[[DueReminder], tuple[str, str, str]] | None = None  # (title, due, tooltip)
    more_text: str = ""  # "… and 37,696 more"
    more_tip: str = ""
    _texts: dict[int, tuple[str, str, str]] = field(default_factory=dict)

    @property
    def more(self) -> int:
        return max(0, self.total - len(self.reminders))

    def texts(self, row: int) -> tuple[str, str, str]:
        """The row's texts, made the first time the view asks (most loaded rows are never on screen)."""
        if row not in self._texts:
            self._texts[row] = self.make_texts(self.reminders[row]) if self.make_texts else ("", "", "")
        return self._texts[row]


class ReminderTreeModel(QAbstractItemModel):
    """Group rows (internal id 0) holding reminder rows (internal id = group row + 1), and per group a last
    "… and N more" row when not all are loaded. Texts come ready-made from the pane (translated there)."""

    COLUMNS = 2

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._groups: list[ReminderGroup] = []
        self._today = date.min
        self._where: dict[int, tuple[int, int]] = {}  # reminder id -> (group row, row)
        self._headers: tuple[str, ...] = ()
        self.set_font(QFont())

    def set_font(self, font: QFont) -> None:
        """The view's font, from which the bold (group titles, overdue) and italic ("more") ones are made."""
        self.bold, self.muted = QFont(font), QFont(font)
        self.bold.setBold(True)
        self.muted.setItalic(True)

    def set_groups(self, groups: list[ReminderGroup], day: date) -> None:
        self.beginResetModel()
        self._groups, self._today = groups, day
        self._where = {r.id: (g, row) for g, group in enumerate(groups) for row, r in enumerate(group.reminders)}
        self.endResetModel()

    def groups(self) -> list[ReminderGroup]:
        return list(self._groups)

    def reminder_index(self, reminder_id: int, column: int = 0) -> QModelIndex:
        where = self._where.get(reminder_id)
        return self.createIndex(where[1], column, where[0] + 1) if where else QModelIndex()

    def group_of(self, index: QModelIndex) -> ReminderGroup | None:
        if not index.isValid():
            return None
        return self._groups[index.internalId() - 1] if index.internalId() else self._groups[index.row()]

    def reminder(self, index: QModelIndex) -> DueReminder | None:
        if not index.isValid() or not index.internalId():
            return None
        reminders = self._groups[index.internalId() - 1].reminders
        return reminders[index.row()] if index.row() < len(reminders) else None

    def is_more_row(self, index: QModelIndex) -> bool:
        group = self.group_of(index) if index.isValid() and index.internalId() else None
        return group is not None and index.row() == len(group.reminders)

    # --- QAbstractItemModel ------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex = ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1 if parent.isValid() else 0)

    def parent(self, index: QModelIndex | None = None):  # noqa: D401 - also QObject.parent() without one
        if index is None:
            return super().parent()
        if not index.isValid() or not index.internalId():
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: QModelIndex = ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() or parent.column() != 0:
            return 0
        group = self._groups[parent.row()]
        return len(group.reminders) + (1 if group.more else 0)

    def columnCount(self, _parent: QModelIndex = ROOT) -> int:
        return self.COLUMNS

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if self.reminder(index) is not None:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = index.column()
        if not index.internalId():  # a group row
            group = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return group.title if column == 0 else None
            if role == Qt.ItemDataRole.FontRole:
                return self.bold
            return None
        group, row = self._groups[index.internalId() - 1], index.row()
        if row >= len(group.reminders):  # "… and N more"
            if role == Qt.ItemDataRole.DisplayRole and column == 0:
                return group.more_text
            if role == Qt.ItemDataRole.ToolTipRole:
                return group.more_tip
            if role == Qt.ItemDataRole.FontRole:
                return self.muted
            return None
        reminder, (title, due, tip) = group.reminders[row], group.texts(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return title if column == 0 else due
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return tip
            return QLocale().toString(qdate(reminder.event_on or reminder.due_on), QLocale.FormatType.LongFormat)
        if role == Qt.ItemDataRole.FontRole and column == 1 and reminder.is_overdue(self._today):
            return self.bold
        if role == Qt.ItemDataRole.UserRole:
            return reminder.id
        if role == ReminderRole:
            return reminder
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if section < len(self._headers) else None
        return None

    def set_headers(self, *labels: str) -> None:
        self._headers = labels
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(labels) - 1)
