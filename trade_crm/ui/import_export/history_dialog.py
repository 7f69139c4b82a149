"""File > Import history…: every import with its date, file, source and counts, and Undo.

An undo removes what the import created and restores what it changed (exchange.import_history),
in a worker; an import that a later import merged into must wait until that later one is undone,
and the message says so.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import DomainError
from trade_crm.exchange.importing.history import BatchInfo
from trade_crm.exchange.importing.importer import import_history
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.workers import Job
from trade_crm.ui.import_export import jobs as import_jobs
from trade_crm.ui.import_export.wizard_pages import ERROR_STYLE, confirm


class ImportHistoryDialog(QDialog):
    import_undone = Signal(int)  # the ImportBatch id

    def __init__(self, clock: Clock, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import history"))
        self._clock = clock
        self.batches: list[BatchInfo] = []
        self.job: Job | None = None
        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("File"), self.tr("Trade show / tag"), self.tr("New"), self.tr("Merged"),
            self.tr("Skipped"), self.tr("Not imported"), self.tr("Status")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.empty_label = QLabel(self.tr("No imports yet. Use File > Import… to bring in a trade-show list."))
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.undo_button = QPushButton(self.tr("Undo import…"))
        self.buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.undo_button.clicked.connect(self.on_undo_button_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.resize(900, 420)
        self.reload()

    def reload(self) -> None:
        self.batches = import_history()
        self.table.setRowCount(len(self.batches))
        for row, batch in enumerate(self.batches):
            s = batch.summary
            status = (fill(self.tr("Undone %1"), self._local(batch.undone_at)) if batch.undone_at
                      else self.tr("Imported"))
            values = [self._local(batch.created_at), batch.file_name, batch.tag or batch.source,
                      s.get("created", 0), s.get("merged", 0), s.get("skipped", 0), s.get("rows_not_imported", 0),
                      status]
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if batch.undone_at:
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.empty_label.setVisible(not self.batches)
        self.table.setVisible(bool(self.batches))
        if self.batches and not self.table.selectedItems():
            self.table.selectRow(0)
        self.update_buttons()

    def _local(self, instant) -> str:
        return instant.astimezone(self._clock.zone).strftime("%Y-%m-%d %H:%M") if instant else ""

    def selected(self) -> BatchInfo | None:
        rows = {item.row() for item in self.table.selectedItems()}
        return self.batches[rows.pop()] if len(rows) == 1 else None

    def update_buttons(self) -> None:
        batch = self.selected()
        busy = self.job is not None and self.job.is_running
        self.undo_button.setEnabled(batch is not None and batch.undone_at is None and not busy)

    def on_undo_button_clicked(self) -> None:
        batch = self.selected()
        if batch is None or batch.undone_at is not None:
            return
        created, merged = batch.summary.get("created", 0), batch.summary.get("merged", 0)
        text = fill(self.tr("Undo the import of %1 from %2? The %3 customer(s) it created are removed and the %4 it "
                            "merged into are put back as they were."), batch.file_name,
                    self._local(batch.created_at), created, merged)
        if confirm(self, self.tr("Undo import"), text):
            self.undo(batch.id)

    def undo(self, batch_id: int) -> Job:
        self.message_label.setStyleSheet("")
        self.message_label.setText(self.tr("Undoing…"))
        self.job = Job(import_jobs.undo_job, batch_id, self._clock)
        self.job.finished.connect(self.on_undo_job_finished)
        self.job.failed.connect(self.on_undo_job_failed)
        self.job.done.connect(self.update_buttons)
        self.job.start()
        self.update_buttons()
        return self.job

    def on_undo_job_finished(self, result) -> None:
        self.message_label.setText(fill(self.tr("Import undone: %1 customer(s) removed, %2 restored."),
                                        result.customers_removed, result.customers_restored))
        self.reload()
        self.import_undone.emit(result.batch)

    def on_undo_job_failed(self, exc: BaseException) -> None:
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setText(str(exc) if isinstance(exc, DomainError) else repr(exc))

    def reject(self) -> None:
        if self.job is not None and self.job.is_running:
            return  # an undo is one short transaction: let it finish
        super().reject()
