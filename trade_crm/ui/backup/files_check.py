"""Settings › Data › Attached files: where they are, the size over which attaching asks first, and the
integrity check (run in a worker): files the book names that are missing here, and stored files no customer
names, with a Clean up that removes only those."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.attachments.blobs import attachments_for
from trade_crm.domain.attachments.changes import SIZE_LIMIT_MB, set_size_limit
from trade_crm.domain.attachments.integrity import FileCheck, check_files, clean_up
from trade_crm.domain.errors import ValidationError
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.workers import Job


def size_text(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


class FilesCheckBox(QGroupBox):
    checked = Signal(object)  # domain.attachments.integrity.FileCheck
    cleaned = Signal(int)

    def __init__(self, db_path: Path, parent: QWidget | None = None):
        super().__init__(self.tr("Attached files"), parent)
        self.root = attachments_for(db_path)
        self.result: FileCheck | None = None
        self._jobs: list[Job] = []
        folder = QLabel(str(self.root))
        open_button = QPushButton(self.tr("Open folder"))
        open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.root))))
        folder_row = QHBoxLayout()
        folder_row.addWidget(folder, 1)
        folder_row.addWidget(open_button)
        self.limit_spin = QSpinBox()
        self.limit_spin.setRange(0, 100_000)
        self.limit_spin.setSuffix(" MB")
        self.limit_spin.setSpecialValueText(self.tr("never ask"))
        self.limit_spin.setValue(SIZE_LIMIT_MB.read())
        form = QFormLayout()
        form.addRow(self.tr("Folder:"), folder_row)
        form.addRow(self.tr("Ask before attaching a file larger than:"), self.limit_spin)
        self.check_button = QPushButton(self.tr("Check files"))
        self.check_button.clicked.connect(self.start_check)
        self.clean_button = QPushButton(self.tr("Clean up"))
        self.clean_button.setToolTip(self.tr("Remove the stored files no customer names any more"))
        self.clean_button.clicked.connect(self.on_clean_button_clicked)
        self.clean_button.setEnabled(False)
        self.summary_label = QLabel(self.tr("Checks that every attached file is on this computer."))
        self.summary_label.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setMaximumHeight(110)
        self.problems.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.clean_button)
        buttons.addWidget(self.summary_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.problems)

    def start_check(self) -> Job:
        self.check_button.setEnabled(False)
        self.summary_label.setText(self.tr("Checking…"))
        job = Job(lambda _ctx: check_files(self.root), title="Checking attached files")
        job.finished.connect(self.on_check_job_finished)
        job.failed.connect(self.on_check_job_failed)
        job.done.connect(self.on_check_job_done)
        self._jobs.append(job)
        job.start()
        return job

    def on_check_job_failed(self, exc: BaseException) -> None:
        self.summary_label.setText(str(exc))

    def on_check_job_done(self) -> None:
        self.check_button.setEnabled(True)
        self._jobs = [job for job in self._jobs if job.is_running]

    def on_check_job_finished(self, result: FileCheck) -> None:
        self.result = result
        self.problems.clear()
        for info in result.missing:
            self.problems.addItem(fill(self.tr("Missing: %1 (customer #%2)"), info.name, info.customer_id))
        if result.unnamed:
            self.problems.addItem(fill(self.tr("%1 stored files no customer names (%2)"), len(result.unnamed),
                                       size_text(result.unnamed_bytes)))
        self.problems.setVisible(self.problems.count() > 0)
        if not result.missing and not result.unnamed:
            text = fill(self.tr("All %1 attached files are here."), result.checked)
        else:
            text = fill(self.tr("%1 files checked: %2 missing."), result.checked, len(result.missing))
        self.summary_label.setText(text)
        self.clean_button.setEnabled(bool(result.unnamed))
        self.checked.emit(result)

    def on_clean_button_clicked(self) -> int:
        if self.result is None or not self.result.unnamed:
            return 0
        removed = clean_up(self.root, self.result.unnamed)
        self.clean_button.setEnabled(False)
        self.summary_label.setText(fill(self.tr("Removed %1 stored files no customer names."), removed))
        self.cleaned.emit(removed)
        return removed

    def save(self) -> bool:
        try:
            set_size_limit(self.limit_spin.value())
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Attached files"), str(exc))
            return False
        return True
