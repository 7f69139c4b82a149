"""Table models of the review page: matches with customers already in the book, and problem rows."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from trade_crm.exchange.importing.importer import POLICIES, ImportPlan, PlannedCustomer, RowProblem
from trade_crm.exchange.importing.plan import PossibleDuplicate
from trade_crm.ui.common.i18n import fill

_QUOTED = re.compile(r'"(.*)"')
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
ERROR_BRUSH = QBrush(QColor("#c0392b"))


class _ListTableModel(QAbstractTableModel):
    """A flat table over one list (`_items`), under fixed column headers (`headers`)."""

    headers: list[str]

    def _items(self) -> list:
        raise NotImplementedError

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._items())

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class DuplicatesTableModel(_ListTableModel):
    """One row per planned customer that matches a stored one; the Action column is editable."""

    decision_changed = Signal(int, str)  # PlannedCustomer.key, "merge" / "skip" / "create"
    ROW, FILE, BOOK, WHY, FILLS, ACTION = range(6)

    def __init__(self, labels: dict[str, str], parent=None):
        super().__init__(parent)
        self._labels = labels
        self.customers: list[PlannedCustomer] = []
        self.headers = [self.tr("Row"), self.tr("In the file"), self.tr("In your book"), self.tr("Why"),
                        self.tr("A merge fills"), self.tr("Action")]

    def action_names(self) -> dict[str, str]:
        return {"merge": self.tr("Merge"), "skip": self.tr("Skip"), "create": self.tr("Create anyway")}

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.beginResetModel()
        self.customers = [c for c in plan.customers if c.match is not None] if plan else []
        self.endResetModel()

    def _items(self) -> list:
        return self.customers

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == self.ACTION else flags

    def why(self, customer: PlannedCustomer) -> str:
        match = customer.match
        quoted = _QUOTED.search(match.detail)
        value = quoted.group(1) if quoted else ""
        if match.rule == "email":
            return fill(self.tr("Same email %1"), value)
        if match.rule == "phone":
            return fill(self.tr("Same phone %1"), value)
        if match.rule == "domain":
            return fill(self.tr("Same company domain %1"), value)
        if match.score >= 100:
            return self.tr("Same name")
        return fill(self.tr("Similar name (%1%)"), f"{match.score:.0f}")

    def fills(self, customer: PlannedCustomer) -> str:
        if customer.action != "merge":
            return "—"
        parts = [self._labels.get(change.field, change.field) for change in customer.changes]
        if customer.new_contacts:
            parts.append(self.tr("+%Ln contact(s)", "", customer.new_contacts))
        return self.tr(", ", "between the items of a list").join(parts) or self.tr("nothing new")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        customer, column = self.customers[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.ROW:
                return ", ".join(str(r) for r in customer.rows)
            if column == self.FILE:
                return customer.name
            if column == self.BOOK:
                return customer.match.customer_name
            if column == self.WHY:
                return self.why(customer)
            if column == self.FILLS:
                return self.fills(customer)
            return self.action_names().get(customer.action, customer.action)
        if role == Qt.ItemDataRole.EditRole and column == self.ACTION:
            return customer.action
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.FILLS and customer.action == "merge":
                return "\n".join(f"{self._labels.get(c.field, c.field)}: {c.old or '—'} → {c.new}"
                                 for c in customer.changes) or None
            if column == self.WHY:
                return customer.match.detail
            if column == self.ACTION:
                return self.tr("Click to choose: merge, skip or create anyway")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.ACTION or value not in POLICIES:
            return False
        customer = self.customers[index.row()]
        if value != customer.action:
            self.decision_changed.emit(customer.key, value)
        return True


class ActionDelegate(QStyledItemDelegate):
    """A combo box for the Action column: merge, skip or create anyway."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for action, name in index.model().action_names().items():
            combo.addItem(name, action)
        combo.activated.connect(lambda _i: self._commit(combo))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model, index: Index) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class CreatedTableModel(_ListTableModel):
    """The customers the import creates, with their rows, and the ones kept apart from an alike customer."""

    ROWS, NAME, COUNTRY, CONTACTS, ALIKE = range(5)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.customers: list[PlannedCustomer] = []
        self.alike: dict[int, PossibleDuplicate] = {}
        self.headers = [self.tr("Rows"), self.tr("Customer"), self.tr("Country"), self.tr("Contacts"),
                        self.tr("Kept apart from")]

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.beginResetModel()
        self.customers = [c for c in plan.customers if c.action == "create"] if plan else []
        self.alike = {d.key: d for d in plan.possible_duplicates} if plan else {}
        self.endResetModel()

    def _items(self) -> list:
        return self.customers

    def kept_apart(self, customer: PlannedCustomer) -> str:
        pair = self.alike.get(customer.key)
        if pair is None:
            return ""
        if pair.other_key is not None:
            return fill(self.tr("row %1: %2"), pair.other_key, pair.other_name)
        return fill(self.tr("#%1 in your book: %2"), pair.customer_id, pair.other_name)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        customer, column = self.customers[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.ROWS:
                return ", ".join(str(r) for r in customer.rows[:10]) + (" …" if len(customer.rows) > 10 else "")
            if column == self.NAME:
                return customer.name
            if column == self.COUNTRY:
                return customer.fields.get("country") or ""
            if column == self.CONTACTS:
                return len(customer.contacts)
            return self.kept_apart(customer)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.ALIKE and customer.key in self.alike:
            return self.alike[customer.key].why + "\n" + self.tr("If they are one, merge them after the import "
                                                               "(Tools › Find duplicates).")
        return None


class ProblemsTableModel(_ListTableModel):
    """Every problem: sheet, row, column, what is wrong, and whether the row is still imported; and the
    rows ignored as no one (a total, a repeated header, a title line)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.problems: list[RowProblem] = []
        self.headers = [self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Result"), self.tr("Problem")]

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.beginResetModel()
        self.problems = list(plan.problems) if plan else []
        if plan:
            self.problems += [RowProblem(plan.sheet, o.row, "", o.reason, "ignored") for o in plan.ignored]
        self.endResetModel()

    def _items(self) -> list:
        return self.problems

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        problem = self.problems[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            result = {"error": self.tr("Not imported"), "ignored": self.tr("Ignored")}.get(
                problem.severity, self.tr("Imported"))
            return (problem.sheet, problem.row, problem.column, result, problem.message)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and problem.severity == "error":
            return ERROR_BRUSH
        return None
