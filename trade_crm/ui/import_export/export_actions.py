"""File > Export to Excel… (Ctrl+E) and Export contacts as vCard…: a small dialog, then a worker.

The export runs in a Job (ui/common/workers.py) with a progress dialog and Cancel; the worker thread reads
the database on its own connection and closes it when done. The app calls

    install_export_actions(window, clock, language=language, settings=settings)

once after building the main window; the actions take their customers from the list pane (its
current search and filters, or its selected rows), in the list's order; "Customers on screen"
writes the list's columns, in its order, unless the user asks for every column.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QProgressDialog

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.customers.query import CustomerFilter
from trade_crm.domain.customers.records import customer_count
from trade_crm.domain.errors import DomainError
from trade_crm.ui.common.file_dialogs import folders, save_file
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.icons import icon
from trade_crm.ui.common.workers import Job, cancellable_progress

if TYPE_CHECKING:  # the dialog and the writers load when an export is first asked for, not at start
    from trade_crm.ui.import_export.export_dialog import ExportDialog

FOLDER_KEY = "export/folder"
# The list's columns (CustomerListPane.view_state) as columns of the exported customers sheet; the
# main contact brings the email and phone its tooltip shows.
LIST_COLUMNS = {"name": ("company",), "country": ("country", "country_code"), "contact": ("contact", "email", "phone"),
                "rating": ("rating",), "tier": ("tier",), "lifecycle": ("stage",), "last_contact": ("last_contact",),
                "follow_up": ("follow_up",)}


class ExportController(QObject):
    """The two export actions of the main window and the jobs they start."""

    export_finished = Signal(object)  # ExportResult or VCardExportResult
    export_failed = Signal(str)

    def __init__(self, window, clock: Clock, *, language: str = "en", settings: QSettings | None = None):
        super().__init__(window)
        self._window, self._clock, self._language, self._settings = window, clock, language, settings
        self.job: Job | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.excel_action = QAction(icon("export"), self.tr("&Export to Excel…"), window)
        self.excel_action.setShortcut(QKeySequence("Ctrl+E"))
        self.excel_action.setStatusTip(self.tr("Save the customers on screen, selected or all as an Excel workbook"))
        self.vcard_action = QAction(self.tr("Export contacts as v&Card…"), window)
        self.vcard_action.setStatusTip(self.tr("Save the contacts of the selected customers for a phone"))
        self.excel_action.triggered.connect(self.on_excel_action_triggered)
        self.vcard_action.triggered.connect(self.on_vcard_action_triggered)
        window.customer_list.selection_changed.connect(self.update_enabled)
        self.update_enabled()

    @property
    def _list(self):
        return self._window.customer_list

    def update_enabled(self) -> None:
        self.vcard_action.setEnabled(bool(self._list.selected_ids()) and not self.busy)

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.is_running

    def _folder(self) -> Path:
        """The folder of the last export, else Documents, else home: the first that exists."""
        saved = self._settings.value(FOLDER_KEY, "") if self._settings is not None else ""
        return Path(saved) if saved and Path(saved).is_dir() else folders.start()

    def make_dialog(self) -> ExportDialog:
        from trade_crm.ui.import_export.export_dialog import ExportDialog  # lazy: start-up, as the writers

        flt = self._list.current_filter()
        name = fill(self.tr("Customers %1.xlsx"), today(self._clock).isoformat())
        return ExportDialog(shown=self._list.model.total(), selected=len(self._list.selected_ids()),
                            total=customer_count(), filtered=not flt.is_empty, path=self._folder() / name,
                            parent=self._window)

    def on_excel_action_triggered(self) -> None:
        if self.busy:
            return
        dialog = self.make_dialog()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.export_excel(dialog.path(), dialog.scope(), dialog.sheets(),
                                                          list_columns=dialog.list_columns()))
        dialog.open()

    def scope_filter(self, scope: str) -> CustomerFilter:
        if scope == "selected":
            return CustomerFilter(ids=tuple(self._list.selected_ids()))
        return self._list.current_filter() if scope == "shown" else CustomerFilter()

    def export_excel(self, path: Path, scope: str, sheets: tuple[str, ...], *, list_columns: bool = True) -> Job:
        """Export in the list's order; what is on screen with the list's columns when `list_columns`."""
        sort, descending, shown = self._list.view_state()
        from trade_crm.exchange.exporting.workbook import export_workbook  # lazy: start-up, loaded when used

        columns = [key for name in shown for key in LIST_COLUMNS.get(name, ())] \
            if scope == "shown" and list_columns else None
        return self._start(path, export_workbook, self.scope_filter(scope), self.tr("Exporting to Excel…"),
                           sheets=sheets, language=self._language, zone=self._clock.zone, columns=columns,
                           order=(sort, descending))

    def on_vcard_action_triggered(self) -> None:
        ids = self._list.selected_ids()
        if not ids or self.busy:
            return
        suggested = self._folder() / fill(self.tr("Contacts %1.vcf"), today(self._clock).isoformat())
        chosen = save_file(self._window, self.tr("Export contacts as vCard"), suggested, self.tr("vCard file (*.vcf)"))
        if chosen:
            self.export_vcard(chosen, ids)

    def export_vcard(self, path: Path, ids: list[int]) -> Job:
        from trade_crm.exchange.vcard.writer import export_vcards  # lazy: start-up, loaded when used

        return self._start(path, export_vcards, CustomerFilter(ids=tuple(ids)),
                           self.tr("Exporting contacts…"), language=self._language)

    def _start(self, path: Path, exporter: Callable, flt: CustomerFilter, label: str, **options) -> Job:
        from trade_crm.ui.import_export.export_dialog import export_job  # lazy: start-up, as the writers

        if self._settings is not None:
            self._settings.setValue(FOLDER_KEY, str(path.parent))
        self.job = job = Job(export_job, exporter, path, flt, today(self._clock), self._clock.now(), **options)
        self.progress_dialog = cancellable_progress(job, self._window, label, self.tr("Export"), self.tr("Cancel"),
                                                    show_after_ms=400)
        job.report_to(self)
        self.excel_action.setEnabled(False)
        self.vcard_action.setEnabled(False)
        job.start()
        return job

    def on_job_progressed(self, done: int, total: int, stage: str) -> None:
        dialog = self.progress_dialog
        if dialog is None:
            return
        if stage == "saving":
            dialog.setMaximum(0)
            dialog.setLabelText(self.tr("Saving the file…"))
        else:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(done)
            dialog.setLabelText(fill(self.tr("Writing customer %1 of %2…"), f"{done:,}", f"{total:,}"))

    def on_job_finished(self, result) -> None:
        text = fill(self.tr("Exported %Ln customer(s) to %1", "", result.customers), result.path)
        self._window.statusBar().showMessage(text, 15_000)
        self.export_finished.emit(result)

    def on_job_failed(self, exc: Exception) -> None:
        message = str(exc) if isinstance(exc, DomainError) else fill(self.tr("The export failed: %1"), exc)
        self._close_progress()
        self.export_failed.emit(message)
        self._window.show_error(message)

    def on_job_cancelled(self) -> None:
        self._window.statusBar().showMessage(self.tr("Export cancelled; no file was written."), 10_000)

    def on_job_done(self) -> None:
        self._close_progress()
        self.excel_action.setEnabled(True)
        self.update_enabled()

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect()  # closing a progress dialog emits canceled
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None


def install_export_actions(window, clock: Clock, *, language: str = "en",
                           settings: QSettings | None = None) -> ExportController:
    """Add File > Export to Excel… (Ctrl+E) and Export contacts as vCard… to the main window."""
    controller = ExportController(window, clock, language=language, settings=settings)
    window.add_file_action(controller.excel_action)
    window.add_file_action(controller.vcard_action)
    window.export_controller = controller
    return controller
