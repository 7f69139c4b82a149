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
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.customers.query import CustomerFilter
from trade_crm.domain.customers.records import customer_count
from trade_crm.domain.errors import DomainError
from trade_crm.exchange.exporting.columns import SHEETS
from trade_crm.exchange.exporting.workbook import ExportCancelled, check_target, customer_ids, export_workbook
from trade_crm.exchange.vcard.writer import export_vcards
from trade_crm.ui.common.file_dialogs import folders, save_file
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.icons import icon
from trade_crm.ui.common.workers import Job, JobCancelled, JobContext

FOLDER_KEY = "export/folder"
SCOPES = ("shown", "selected", "all")
# The list's columns (CustomerListPane.view_state) as columns of the exported customers sheet; the
# main contact brings the email and phone its tooltip shows.
LIST_COLUMNS = {"name": ("company",), "country": ("country", "country_code"), "contact": ("contact", "email", "phone"),
                "rating": ("rating",), "tier": ("tier",), "lifecycle": ("stage",), "last_contact": ("last_contact",),
                "follow_up": ("follow_up",)}


class ExportDialog(QDialog):
    """Which customers (on screen, selected, all), which sheets, and where to save."""

    def __init__(self, *, shown: int, selected: int, total: int, filtered: bool, path: Path,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export to Excel"))
        labels = {"shown": self.tr("Customers on screen (%Ln)", "", shown),
                  "selected": self.tr("Selected customers (%Ln)", "", selected),
                  "all": self.tr("All customers (%Ln)", "", total)}
        self.scope_group = QButtonGroup(self)
        self.scope_buttons: dict[str, QRadioButton] = {}
        scope_box = QVBoxLayout()
        for number, scope in enumerate(SCOPES):
            button = QRadioButton(labels[scope])
            self.scope_group.addButton(button, number)
            self.scope_buttons[scope] = button
            scope_box.addWidget(button)
        self.scope_buttons["shown"].setEnabled(filtered and shown > 0)
        self.scope_buttons["selected"].setEnabled(selected > 0)
        self.list_columns_box = QCheckBox(self.tr("Only the list's columns, in its order"))
        self.list_columns_box.setChecked(True)
        under_shown = QHBoxLayout()  # indented under "Customers on screen", the choice it belongs to
        under_shown.addSpacing(24)
        under_shown.addWidget(self.list_columns_box)
        scope_box.insertLayout(1, under_shown)
        self.scope_group.idToggled.connect(lambda *_: self.list_columns_box.setEnabled(self.scope() == "shown"))
        default = "selected" if selected > 1 else "shown" if filtered and shown else "all"
        self.scope_buttons[default].setChecked(True)
        self.list_columns_box.setEnabled(default == "shown")
        names = {"customers": self.tr("Customers"), "contacts": self.tr("Contacts"),
                 "interactions": self.tr("Interactions"), "orders": self.tr("Orders")}
        self.sheet_boxes = {sheet: QCheckBox(names[sheet]) for sheet in SHEETS}
        sheet_row = QHBoxLayout()
        for box in self.sheet_boxes.values():
            box.setChecked(True)
            box.toggled.connect(self._update_ok)
            sheet_row.addWidget(box)
        sheet_row.addStretch(1)
        self.path_edit = QLineEdit(str(path))
        self.path_edit.textChanged.connect(self._update_ok)
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self.on_browse_button_clicked)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c0392b")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("Customers:"), scope_box)
        form.addRow(self.tr("Sheets:"), sheet_row)
        form.addRow(self.tr("Save as:"), path_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._update_ok()

    def scope(self) -> str:
        return SCOPES[self.scope_group.checkedId()]

    def sheets(self) -> tuple[str, ...]:
        return tuple(sheet for sheet, box in self.sheet_boxes.items() if box.isChecked())

    def list_columns(self) -> bool:
        """Whether the customers sheet holds only the list's columns (for what is on screen)."""
        return self.scope() == "shown" and self.list_columns_box.isChecked()

    def path(self) -> Path:
        path = Path(self.path_edit.text().strip()).expanduser()
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")

    def _update_ok(self) -> None:
        self.export_button.setEnabled(bool(self.sheets()) and bool(self.path_edit.text().strip()))
        self.error_label.hide()

    def on_browse_button_clicked(self) -> None:
        chosen = save_file(self, self.tr("Export to Excel"), self.path(), self.tr("Excel workbook (*.xlsx)"))
        if chosen:
            self.path_edit.setText(str(chosen))

    def accept(self) -> None:
        """Refuse a folder that is missing or not writable, or a file open in Excel, before any work."""
        try:
            check_target(self.path())
        except DomainError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return
        super().accept()



def _export_job(context: JobContext, exporter: Callable, path: Path, flt: CustomerFilter, day: date,
                now: datetime, order: tuple[str | None, bool] = (None, False), **options):
    def progress(stage: str, done: int, total: int) -> None:
        context.progress(done, total, stage)

    ids = customer_ids(flt, today=day, now=now, sort=order[0], descending=order[1])
    try:
        return exporter(path, ids, progress=progress, cancel=lambda: context.cancelled, **options)
    except ExportCancelled:
        raise JobCancelled() from None


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
        return self._start(path, export_vcards, CustomerFilter(ids=tuple(ids)),
                           self.tr("Exporting contacts…"), language=self._language)

    def _start(self, path: Path, exporter: Callable, flt: CustomerFilter, label: str, **options) -> Job:
        if self._settings is not None:
            self._settings.setValue(FOLDER_KEY, str(path.parent))
        self.job = job = Job(_export_job, exporter, path, flt, today(self._clock), self._clock.now(), **options)
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self._window)
        dialog.setWindowTitle(self.tr("Export"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)
        self.progress_dialog = dialog
        job.progressed.connect(self.on_job_progressed)
        job.finished.connect(self.on_job_finished)
        job.failed.connect(self.on_job_failed)
        job.cancelled.connect(self.on_job_cancelled)
        job.done.connect(self.on_job_done)
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
