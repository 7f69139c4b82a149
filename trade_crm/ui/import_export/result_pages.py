"""The import wizard's last pages: the import running (progress and Cancel), and the summary with undo."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trade_crm.ui.common.i18n import fill
from trade_crm.ui.import_export.wizard_pages import ERROR_STYLE, heading


def row_accounting(outcomes: Mapping[str, int], rows: int) -> str:
    """Where every row read went, in one sentence whose numbers add up to the rows read."""
    text = QCoreApplication.translate(
        "ImportRows", "Rows read: %1 = %2 new customers + %3 into customers in your book + %4 joined another row "
        "of the file + %5 skipped + %6 not imported + %7 ignored (totals, titles, repeated headers).")
    keys = ("created", "merged", "joined", "skipped", "refused", "ignored")
    return fill(text, f"{rows:,}", *(f"{outcomes.get(k, 0):,}" for k in keys))


class ProgressPage(QWidget):
    """The import running: a progress bar and Cancel. Nothing is written unless it finishes."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = heading(self.tr("Importing…"))
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.message = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.clicked.connect(self.on_cancel_button_clicked)
        note = QLabel(self.tr("The import is written in one step: if you cancel, your customer book stays exactly "
                              "as it was."))
        note.setWordWrap(True)
        note.setEnabled(False)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addSpacing(12)
        layout.addWidget(self.bar)
        layout.addWidget(self.message)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addStretch(1)

    def start(self, customers: int, file_name: str) -> None:
        self.title.setText(fill(self.tr("Importing %Ln customer(s) from %1…", "", customers), file_name))
        self.bar.setRange(0, 0)
        self.message.setText(self.tr("Starting…"))
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Cancel import"))

    def show_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.message.setText(fill(self.tr("Writing customer %1 of %2…"), f"{done:,}", f"{total:,}"))

    def on_cancel_button_clicked(self) -> None:
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancelling…"))
        self.cancel_requested.emit()


class SummaryPage(QWidget):
    """What the import did, the error report, and "Undo this import"."""

    undo_requested = Signal()
    report_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = heading(self.tr("Import finished"))
        self.counts = QGridLayout()
        self.count_labels: dict[str, QLabel] = {}
        names = {"created": self.tr("New customers"), "merged": self.tr("Merged into existing customers"),
                 "skipped": self.tr("Skipped matches"), "contacts_created": self.tr("New contacts"),
                 "not_imported": self.tr("Rows not imported (problems)")}
        for row, (key, name) in enumerate(names.items()):
            value = QLabel("0")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            font = value.font()
            font.setBold(True)
            value.setFont(font)
            self.count_labels[key] = value
            self.counts.addWidget(value, row, 0)
            self.counts.addWidget(QLabel(name), row, 1)
        self.counts.setColumnStretch(2, 1)
        self.counts.setVerticalSpacing(6)
        self.counts.setHorizontalSpacing(12)
        self.rows_label = QLabel()
        self.rows_label.setWordWrap(True)
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.report_button = QPushButton(self.tr("Save error report…"))
        self.report_button.clicked.connect(lambda: self.report_requested.emit())
        self.undo_button = QPushButton(self.tr("Undo this import"))
        self.undo_button.clicked.connect(lambda: self.undo_requested.emit())
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addSpacing(8)
        layout.addLayout(self.counts)
        layout.addSpacing(8)
        layout.addWidget(self.rows_label)
        layout.addWidget(self.source_label)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addStretch(1)

    def show_result(self, result, plan) -> None:
        values = {"created": result.created, "merged": result.merged, "skipped": result.skipped,
                  "contacts_created": result.contacts_created, "not_imported": len(plan.error_rows)}
        for key, value in values.items():
            self.count_labels[key].setText(f"{value:,}")
        self.title.setText(fill(self.tr("Imported %1"), plan.file_name))
        outcomes = getattr(result, "row_outcomes", None)
        self.rows_label.setText(row_accounting(outcomes, result.rows) if outcomes else "")
        tags = ", ".join(f"“{t}”" for t in plan.batch_tags)
        self.source_label.setText(fill(self.tr("Every imported customer is tagged %1."), tags) if tags else "")
        updated = getattr(result, "updated", 0)  # a Trade CRM export updates customers by CRM ID
        if updated:
            self.source_label.setText(" ".join(filter(None, (
                fill(self.tr("%1 customer(s) were updated from the exported book."), updated),
                self.source_label.text()))))
        self.report_button.setVisible(bool(plan.problems))
        self.undo_button.setEnabled(True)
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("You can undo this import now or later from File > Import history."))

    def show_undoing(self) -> None:
        self.undo_button.setEnabled(False)
        self.status_label.setText(self.tr("Undoing the import…"))

    def show_undone(self, removed: int, restored: int) -> None:
        self.undo_button.setEnabled(False)
        self.title.setText(self.tr("Import undone"))
        self.status_label.setStyleSheet("")
        self.status_label.setText(fill(self.tr("The import was undone: %1 customer(s) removed, %2 restored to how "
                                               "they were before."), removed, restored))

    def show_message(self, message: str) -> None:
        self.status_label.setStyleSheet("")
        self.status_label.setText(message)

    def show_error(self, message: str, *, can_undo: bool) -> None:
        self.undo_button.setEnabled(can_undo)
        self.status_label.setStyleSheet(ERROR_STYLE)
        self.status_label.setText(message)
