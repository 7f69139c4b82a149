"""What the Files tab, a drop and a paste do: attach (hashing in a worker), open with the system's application,
rename, delete with an Undo in the status bar (and Ctrl+Z); thumbnails in a worker."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QImage, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStatusBar,
    QWidget,
)

from trade_crm.domain.attachments.blobs import blob_path
from trade_crm.domain.attachments.changes import (
    delete_attachments,
    oversized,
    rename_attachment,
    restore_attachments,
    size_limit,
)
from trade_crm.domain.attachments.integrity import MissingFile, attached_elsewhere, is_present, open_path
from trade_crm.domain.attachments.records import NewFile, attach_files, attachments_of, attachments_of_entries
from trade_crm.domain.clock import Clock
from trade_crm.domain.customers.timeline import timeline
from trade_crm.domain.errors import DomainError
from trade_crm.ui.attachments.files_pane import FilesPane, size_text
from trade_crm.ui.attachments.opener import FileOpener, Opened
from trade_crm.ui.attachments.thumbnails import thumbnails
from trade_crm.ui.common.file_dialogs import open_files
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.workers import Job

log = logging.getLogger(__name__)
TOAST_MS = 10_000


class DeleteFilesCommand(QUndoCommand):
    """Ctrl+Z brings deleted files back (the rows were only marked)."""

    def __init__(self, ids: list[int], clock: Clock, changed: Callable[[], None], text: str):
        super().__init__(text)
        self._ids, self._clock, self._changed = ids, clock, changed

    def redo(self) -> None:
        delete_attachments(self._ids, self._clock)
        self._changed()

    def undo(self) -> None:
        restore_attachments(self._ids)
        self._changed()


class AttachmentsController(QObject):
    files_changed = Signal(int)  # a customer's files changed (attached, renamed, deleted, restored)
    attach_failed = Signal(str)

    def __init__(self, pane: FilesPane, clock: Clock, root: Path, view_folder: Path, *, undo_stack: QUndoStack,
                 status_bar: QStatusBar, parent_widget: QWidget, opener: FileOpener | None = None,
                 ask: Callable[[str, str], bool] | None = None):
        super().__init__(pane)
        self.pane, self._clock, self.root, self.view_folder = pane, clock, Path(root), Path(view_folder)
        self.undo_stack, self.status_bar, self._parent = undo_stack, status_bar, parent_widget
        self.opener = opener or FileOpener()
        self.ask = ask or self._ask
        self.undo_button: QPushButton | None = None
        self.tabs = None  # the QTabWidget holding the pane (its tab says how many files)
        self.jobs: list[Job] = []
        pane.attach_clicked.connect(self.on_pane_attach_clicked)
        pane.paste_triggered.connect(lambda: self.paste(pane.customer_id))
        pane.open_requested.connect(self.open_file)
        pane.rename_requested.connect(self.rename_file)
        pane.delete_requested.connect(self.delete_files)

    # --- showing ------------------------------------------------------------------------------------

    def show_customer(self, customer_id: int | None) -> None:
        infos = attachments_of(customer_id) if customer_id is not None else []
        entries = {}
        if any(info.interaction_id for info in infos):
            zone: tzinfo = self._clock.zone
            entries = {e.interaction_id: f"{e.occurred_at.astimezone(zone):%Y-%m-%d} · {e.summary}"
                       for e in timeline(customer_id) if e.interaction_id is not None}
        missing = {info.id: attached_elsewhere(info) for info in infos if not is_present(self.root, info)}
        self.pane.show_files(customer_id, infos, entries, missing)
        self._update_tab()
        pictures = [(i.id, blob_path(self.root, i.sha256), i.content_type) for i in infos if i.id not in missing]
        if pictures:
            job = Job(thumbnails, pictures, uses_database=False, title="Making thumbnails")
            job.finished.connect(self.on_thumbnail_job_finished)
            job.done.connect(self.on_job_done)
            self.jobs.append(job)
            job.start()

    def on_thumbnail_job_finished(self, images: dict) -> None:
        self.pane.set_thumbnails(images)

    def _update_tab(self) -> None:
        tabs = self.tabs
        index = tabs.indexOf(self.pane) if tabs is not None else -1
        if index >= 0:
            count = len(self.pane.infos)
            tabs.setTabText(index, fill(self.tr("Files (%1)"), count) if count else self.tr("Files"))

    def entry_files(self, interaction_ids: list[int]) -> dict[int, list[str]]:
        """The names of the files kept with each entry (the timeline's paperclip)."""
        return {entry: [info.name for info in infos]
                for entry, infos in attachments_of_entries(interaction_ids).items()}

    # --- attaching ----------------------------------------------------------------------------------

    def on_pane_attach_clicked(self) -> None:
        if self.pane.customer_id is None:
            return
        paths = open_files(self._parent, self.tr("Attach files"))
        if paths:
            self.attach(self.pane.customer_id, [NewFile(p) for p in paths])

    def attach(self, customer_id: int | None, files: list[NewFile], interaction_id: int | None = None) -> Job | None:
        """Keep `files` with the customer (and entry), asking first about any over the size limit; the hashing
        and copying run in a worker. None when nothing is attached."""
        if customer_id is None or not files:
            return None
        for name, size in oversized([f.source for f in files]):
            question = fill(self.tr("“%1” is %2, more than the %3 you set in Settings › Data. Attach it anyway?"),
                            name or self.tr("The pasted file"), size_text(size), size_text(size_limit()))
            if not self.ask(self.tr("Large file"), question):
                return None
        job = Job(lambda _ctx: attach_files(self.root, customer_id, files, self._clock,
                                            interaction_id=interaction_id), title="Attaching files")
        job.finished.connect(self.on_attach_job_finished)
        job.failed.connect(self.on_attach_job_failed)
        job.done.connect(self.on_job_done)
        self.jobs.append(job)
        self.status_bar.showMessage(self.tr("Attaching…"))
        job.start()
        return job

    def on_attach_job_finished(self, infos: list) -> None:
        self.status_bar.showMessage(self.tr("Attached %n file(s)", "", len(infos)), TOAST_MS)
        if infos:
            self.files_changed.emit(infos[0].customer_id)

    def on_job_done(self) -> None:
        self.jobs = [job for job in self.jobs if job.is_running]

    def on_attach_job_failed(self, exc: BaseException) -> None:
        text = (f"{exc.strerror}: {exc.filename}" if isinstance(exc, OSError) and exc.strerror else str(exc))
        message = fill(self.tr("The file was not attached: %1"), text)
        self.status_bar.showMessage(message, TOAST_MS)
        self.attach_failed.emit(message)
        QMessageBox.warning(self._parent, self.tr("Attach files"), message)

    def paste(self, customer_id: int | None, interaction_id: int | None = None) -> Job | None:
        """A copied file (its path) or a copied picture (kept as PNG) from the clipboard."""
        data = QGuiApplication.clipboard().mimeData()
        if customer_id is None or data is None:
            return None
        paths = [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()] if data.hasUrls() else []
        files = [NewFile(p) for p in paths if p.is_file()]
        if not files and data.hasImage():
            image = QImage(data.imageData())
            if not image.isNull():
                files = [NewFile(png_bytes(image), self.pasted_name())]
        if not files:
            self.status_bar.showMessage(self.tr("The clipboard holds no file or picture to attach"), TOAST_MS)
            return None
        return self.attach(customer_id, files, interaction_id)

    def pasted_name(self) -> str:
        return f"{self.tr('Pasted picture')} {self._clock.now().astimezone(self._clock.zone):%Y-%m-%d %H.%M.%S}.png"

    # --- open, rename, delete -----------------------------------------------------------------------

    def open_file(self, attachment_id: int) -> Opened | None:
        try:
            path = open_path(self.root, attachment_id, self.view_folder)
        except MissingFile as exc:
            text = (fill(self.tr("“%1” is on %2's computer: it was attached there, and only its name is shared."),
                         exc.info.name, exc.elsewhere) if exc.elsewhere else
                    fill(self.tr("“%1” is missing from this computer's attachments folder. Restore a backup, or "
                                 "attach it again."), exc.info.name))
            QMessageBox.information(self._parent, self.tr("File missing"), text)
            return None
        except DomainError as exc:
            QMessageBox.warning(self._parent, self.tr("Open file"), str(exc))
            return None
        opened = self.opener.open(path)
        if opened is Opened.FOLDER:
            self.status_bar.showMessage(fill(self.tr("No application opens %1 here: its folder is shown"),
                                             path.name), TOAST_MS)
        elif opened is Opened.NOTHING:
            QMessageBox.information(self._parent, self.tr("Open file"),
                                    fill(self.tr("This computer cannot open files itself. The file is here:\n%1"),
                                         path))
        return opened

    def rename_file(self, attachment_id: int, name: str | None = None) -> bool:
        info = next((i for i in self.pane.infos if i.id == attachment_id), None)
        if info is None:
            return False
        if name is None:
            name, ok = QInputDialog.getText(self._parent, self.tr("Rename file"), self.tr("Name:"),
                                            QLineEdit.EchoMode.Normal, info.name)
            if not ok:
                return False
        try:
            rename_attachment(attachment_id, name)
        except DomainError as exc:
            QMessageBox.warning(self._parent, self.tr("Rename file"), str(exc))
            return False
        self.files_changed.emit(info.customer_id)
        return True

    def delete_files(self, ids: list[int]) -> DeleteFilesCommand | None:
        customer_id = self.pane.customer_id
        if not ids or customer_id is None:
            return None
        names = [i.name for i in self.pane.infos if i.id in ids]
        text = (fill(self.tr("Deleted “%1”"), names[0]) if len(names) == 1
                else self.tr("Deleted %n file(s)", "", len(ids)))
        what = (fill(self.tr("Delete “%1”"), names[0]) if len(names) == 1  # Edit › Undo <what>
                else self.tr("Delete %n file(s)", "", len(ids)))
        command = DeleteFilesCommand(list(ids), self._clock, lambda: self.files_changed.emit(customer_id), what)
        try:
            self.undo_stack.push(command)  # runs redo(): the delete
        except DomainError as exc:
            QMessageBox.warning(self._parent, self.tr("Delete"), str(exc))
            return None
        self._toast(text, command)
        return command

    def _toast(self, text: str, command: QUndoCommand) -> None:
        """The status bar says what was deleted, with an Undo button for ten seconds."""
        self._drop_undo_button()
        self.status_bar.showMessage(text, TOAST_MS)
        button = QPushButton(self.tr("Undo"))
        button.setFlat(True)
        button.clicked.connect(lambda: self.on_undo_button_clicked(command))
        self.status_bar.insertPermanentWidget(0, button)  # a message hides the normal widgets, not these
        self.undo_button = button
        timer = QTimer(button)  # goes with the button when a newer toast replaces it
        timer.setSingleShot(True)
        timer.timeout.connect(self.on_toast_timer_timeout)
        timer.start(TOAST_MS)

    def on_toast_timer_timeout(self) -> None:
        self._drop_undo_button()

    def on_undo_button_clicked(self, command: QUndoCommand) -> None:
        index = self.undo_stack.index()
        if index > 0 and self.undo_stack.command(index - 1) is command:
            self.undo_stack.undo()
        self._drop_undo_button()
        self.status_bar.showMessage(self.tr("Files restored"), TOAST_MS)

    def _drop_undo_button(self) -> None:
        button = self.undo_button
        if button is None:
            return
        self.undo_button = None
        self.status_bar.removeWidget(button)
        button.deleteLater()

    def _ask(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self._parent, title, question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())
