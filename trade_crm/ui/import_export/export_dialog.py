"""The export dialog (which customers, which sheets, where) and the job that writes the file in a worker.

Kept apart from export_actions.py, which builds the File menu's export actions at start: this module and
the workbook and vCard writers it needs load when an export is first asked for (start-up speed).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.customers.query import CustomerFilter
from trade_crm.domain.errors import DomainError
from trade_crm.exchange.exporting.columns import SHEETS
from trade_crm.exchange.exporting.workbook import ExportCancelled, check_target, customer_ids
from trade_crm.ui.common.file_dialogs import save_file
from trade_crm.ui.common.workers import JobCancelled, JobContext

SCOPES = ("shown", "selected", "all")


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



def export_job(context: JobContext, exporter: Callable, path: Path, flt: CustomerFilter, day: date,
                now: datetime, order: tuple[str | None, bool] = (None, False), **options):
    def progress(stage: str, done: int, total: int) -> None:
        context.progress(done, total, stage)

    ids = customer_ids(flt, today=day, now=now, sort=order[0], descending=order[1])
    try:
        return exporter(path, ids, progress=progress, cancel=lambda: context.cancelled, **options)
    except ExportCancelled:
        raise JobCancelled() from None
