"""Tools > Find duplicates: groups of probably-the-same customers, found in a worker, merged or dismissed.

The search runs in a Job (ui/common/workers.py) with progress and Cancel; the groups show surest first with
their reason and score. A group's customers can be merged (the merge dialog, then the `merge` callable
the window gives, which goes through its undo stack) or marked "not a duplicate" so they are not
suggested again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock
from trade_crm.domain.duplicates.scan import (
    DuplicateGroup,
    DuplicateScan,
    find_duplicates,
)
from trade_crm.domain.errors import DomainError
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.labels import reason_text
from trade_crm.ui.common.workers import Job, JobContext
from trade_crm.ui.duplicates.merge_dialog import MergeDialog

Merge = Callable[[int, list[int], dict], bool]  # keep, others, choices -> done
Mark = Callable[[list[int]], bool]  # customers that are not duplicates -> done


def _scan_job(context: JobContext) -> DuplicateScan:
    return find_duplicates(progress=lambda done, total, what: context.progress(done, total, what))


class DuplicateGroupTableModel(QAbstractTableModel):
    """One row a group: score, reason, the customers."""

    COLUMNS = 3

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.groups: list[DuplicateGroup] = []

    def set_groups(self, groups: Sequence[DuplicateGroup]) -> None:
        self.beginResetModel()
        self.groups = list(groups)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.groups)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Score"), self.tr("Why"), self.tr("Customers"))[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        group = self.groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return str(group.score)
            if index.column() == 1:
                more = len(group.reasons) - 1
                return reason_text(group.reason) + (fill(self.tr(" (+%1 more)"), more) if more else "")
            return " · ".join(f"{m.name} ({m.country})" if m.country else m.name for m in group.members)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return "\n".join(reason_text(r) for r in group.reasons)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def drop_customers(self, ids: set[int]) -> None:
        """Take these customers out of every group (merged away); groups left with one member go."""
        kept = []
        for group in self.groups:
            members = tuple(m for m in group.members if m.id not in ids)
            if len(members) > 1:
                kept.append(DuplicateGroup(members, group.score, group.reasons))
        self.set_groups(kept)


class DuplicatesDialog(QDialog):
    """The groups list (in a Job, with progress) and, for the selected group, its customers."""

    scan_finished = Signal(int)  # number of groups

    def __init__(self, clock: Clock, parent: QWidget | None = None, *, merge: Merge | None = None,
                 mark: Mark | None = None, open_customer: Callable[[int], None] | None = None,
                 undo: Callable[[], None] | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find duplicates"))
        self._clock, self._merge, self._mark, self._open, self._undo = clock, merge, mark, open_customer, undo
        self.job: Job | None = None
        self.merge_dialog: MergeDialog | None = None
        self.status_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.rescan_button = QPushButton(self.tr("Search again"))
        self.rescan_button.clicked.connect(self.start)
        top = QHBoxLayout()
        top.addWidget(self.status_label, 1)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        top.addWidget(self.rescan_button)
        self.model = DuplicateGroupTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(1, 320)
        self.table.selectionModel().currentRowChanged.connect(self.on_table_current_row_changed)
        self.members = QTreeWidget()
        self.members.setRootIsDecorated(False)
        self.members.setHeaderLabels([self.tr("Customer"), self.tr("Country"), self.tr("City"), self.tr("ID")])
        self.members.itemChanged.connect(self.update_buttons)
        self.members.itemDoubleClicked.connect(self.on_members_item_double_clicked)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.members)
        splitter.setSizes([300, 160])
        self.merge_button = QPushButton(self.tr("&Merge…"))
        self.merge_button.clicked.connect(self.on_merge_button_clicked)
        self.not_duplicate_button = QPushButton(self.tr("&Not a duplicate"))
        self.not_duplicate_button.setToolTip(self.tr("The ticked customers are different companies: "
                                                     "do not suggest them again"))
        self.not_duplicate_button.clicked.connect(self.on_not_duplicate_button_clicked)
        self.open_button = QPushButton(self.tr("&Show in list"))
        self.open_button.clicked.connect(self.on_open_button_clicked)
        self.open_button.setVisible(open_customer is not None)
        self.undo_button = QPushButton(self.tr("&Undo merge"))
        self.undo_button.clicked.connect(self.on_undo_button_clicked)
        self.undo_button.hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        actions = QHBoxLayout()
        for button in (self.merge_button, self.not_duplicate_button, self.open_button, self.undo_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        self.resize(900, 600)
        self.update_buttons()

    # --- the search -------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.is_running

    def start(self) -> Job | None:
        if self.busy:
            return None
        self.job = job = Job(_scan_job)  # no parent: it may outlive a dialog closed while it runs
        job.report_to(self)
        self.status_label.setText(self.tr("Looking for duplicates…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.rescan_button.setEnabled(False)
        job.start()
        return job

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def on_job_progressed(self, done: int, total: int, _what: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def on_job_finished(self, scan: DuplicateScan) -> None:
        self.model.set_groups(scan.groups)
        if scan.groups:
            self.status_label.setText(self.tr("%Ln group(s) of probable duplicates, the surest first.", "",
                                              len(scan.groups)))
            self.table.selectRow(0)
        else:
            self.status_label.setText(fill(self.tr("No probable duplicates among %1 customers."),
                                           self.locale().toString(scan.customers)))
        self.update_buttons()
        self.scan_finished.emit(len(scan.groups))

    def on_job_failed(self, exc: Exception) -> None:
        self.status_label.setText(fill(self.tr("The search failed: %1"), exc))

    def on_job_cancelled(self) -> None:
        self.status_label.setText(self.tr("Search cancelled."))

    def on_job_done(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.rescan_button.setEnabled(True)

    def reject(self) -> None:
        self.cancel()
        super().reject()

    # --- the selected group -----------------------------------------------------------------------

    def current_group(self) -> DuplicateGroup | None:
        row = self.table.currentIndex().row()
        return self.model.groups[row] if 0 <= row < len(self.model.groups) else None

    def on_table_current_row_changed(self, *_args) -> None:
        self.members.blockSignals(True)
        self.members.clear()
        group = self.current_group()
        for member in group.members if group else ():
            item = QTreeWidgetItem([member.name, member.country or "", member.city, str(member.id)])
            item.setData(0, Qt.ItemDataRole.UserRole, member.id)
            item.setCheckState(0, Qt.CheckState.Checked)
            self.members.addTopLevelItem(item)
        for column in range(4):
            self.members.resizeColumnToContents(column)
        self.members.blockSignals(False)
        self.update_buttons()

    def checked_ids(self) -> list[int]:
        items = (self.members.topLevelItem(i) for i in range(self.members.topLevelItemCount()))
        return [item.data(0, Qt.ItemDataRole.UserRole) for item in items
                if item.checkState(0) == Qt.CheckState.Checked]

    def update_buttons(self, *_args) -> None:
        enough = len(self.checked_ids()) >= 2
        self.merge_button.setEnabled(enough)
        self.not_duplicate_button.setEnabled(enough)
        self.open_button.setEnabled(self.members.currentItem() is not None or self.members.topLevelItemCount() > 0)

    def on_merge_button_clicked(self) -> None:
        ids = self.checked_ids()
        if len(ids) < 2:
            return
        try:
            self.merge_dialog = MergeDialog(ids, self)
        except DomainError as exc:  # merged or deleted since the search
            self.status_label.setText(fill(self.tr("Cannot merge: %1. Search again."), exc))
            return
        self.merge_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.merge_dialog.accepted.connect(self.on_merge_dialog_accepted)
        self.merge_dialog.open()

    def on_merge_dialog_accepted(self) -> None:
        dialog, self.merge_dialog = self.merge_dialog, None
        keep, others, choices = dialog.keep_id(), dialog.other_ids(), dialog.choices()
        if self._merge is not None and self._merge(keep, others, choices):
            self.model.drop_customers(set(others))
            self.status_label.setText(self.tr("Merged. The groups left are below."))
            self.undo_button.setVisible(self._undo is not None)
            self.table.selectRow(0)
            self.on_table_current_row_changed()

    def on_not_duplicate_button_clicked(self) -> None:
        group, ids = self.current_group(), self.checked_ids()
        if group is None or len(ids) < 2 or self._mark is None or not self._mark(ids):
            return
        if set(ids) == set(group.ids):
            row = self.table.currentIndex().row()
            self.model.set_groups(self.model.groups[:row] + self.model.groups[row + 1:])
            self.table.selectRow(min(row, self.model.rowCount() - 1))
            self.on_table_current_row_changed()
            self.status_label.setText(self.tr("Marked as not duplicates: they will not be suggested again."))
        else:
            self.start()  # the rest of the group may still belong together: look again

    def on_open_button_clicked(self) -> None:
        item = self.members.currentItem() or self.members.topLevelItem(0)
        if item is not None and self._open is not None:
            self._open(item.data(0, Qt.ItemDataRole.UserRole))

    def on_members_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if self._open is not None:
            self._open(item.data(0, Qt.ItemDataRole.UserRole))

    def on_undo_button_clicked(self) -> None:
        if self._undo is not None:
            self._undo()
            self.undo_button.hide()
            self.start()
