"""The compose dialog's files: Attach… or drop files on the list; each goes with every message."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.mail.outgoing import OutgoingFile
from trade_crm.ui.common.file_dialogs import open_files
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.mail.compose_drafts import outgoing_file

MAX_TOTAL_BYTES = 25 * 1024 * 1024  # what most providers take in one message


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, round(size / 1024))} kB"


class AttachmentList(QWidget):
    files_changed = Signal()
    problem = Signal(str)  # a file that cannot be attached, in one line

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.files: list[OutgoingFile] = []
        self.list = QListWidget()
        self.list.setMaximumHeight(72)
        self.list.setToolTip(self.tr("Drop files here to attach them"))
        self.list.itemSelectionChanged.connect(self._enable)
        self.attach_button = QPushButton(self.tr("Attach…"))
        self.attach_button.clicked.connect(self.on_attach_button_clicked)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.on_remove_button_clicked)
        buttons = QVBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        self.setAcceptDrops(True)
        self._enable()

    def _enable(self) -> None:
        self.remove_button.setEnabled(bool(self.list.selectedItems()))

    def add_paths(self, paths: list[Path]) -> int:
        """Attach files (a folder, a missing file, or one past the size limit is refused, in one line)."""
        added = 0
        for path in paths:
            if not path.is_file():
                self.problem.emit(fill(self.tr("%1 is not a file."), path.name))
                continue
            item = outgoing_file(path)
            if sum(f.size for f in self.files) + item.size > MAX_TOTAL_BYTES:
                self.problem.emit(fill(self.tr("%1 is too big: mail servers take about %2 per message."),
                                       path.name, size_text(MAX_TOTAL_BYTES)))
                continue
            if any(f.path == item.path for f in self.files):
                continue
            self.files.append(item)
            shown = QListWidgetItem(f"{item.name} ({size_text(item.size)})")
            shown.setData(Qt.ItemDataRole.UserRole, item.path)
            shown.setToolTip(item.path)
            self.list.addItem(shown)
            added += 1
        if added:
            self.files_changed.emit()
        return added

    def on_attach_button_clicked(self) -> None:
        self.add_paths(open_files(self, self.tr("Attach files")))

    def on_remove_button_clicked(self) -> None:
        for item in self.list.selectedItems():
            path = item.data(Qt.ItemDataRole.UserRole)
            self.files = [f for f in self.files if f.path != path]
            self.list.takeItem(self.list.row(item))
        self.files_changed.emit()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.add_paths(paths)
            event.acceptProposedAction()
