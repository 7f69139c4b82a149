"""Files in the main window: the Files tab beside the timeline, the paperclip on entries, drops and pastes.
The composition root (app.py) passes the attachments folder and where files are copied to be opened."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import PlatformDirs
from PySide6.QtCore import QCoreApplication, QPoint, Qt

from trade_crm import APP_ID
from trade_crm.domain.clock import Clock
from trade_crm.ui.attachments.controller import AttachmentsController, png_bytes
from trade_crm.ui.attachments.drops import DropFilter, dropped_files
from trade_crm.ui.attachments.files_pane import FilesPane
from trade_crm.ui.attachments.opener import FileOpener

if TYPE_CHECKING:
    from trade_crm.ui.shell.main_window import MainWindow


def default_view_folder() -> Path:
    """Where a file is copied to be opened (read-only, named as the user named it): the user's own cache
    folder (not the shared temp folder, where another user could have made the folder first)."""
    return Path(PlatformDirs(appname=APP_ID, appauthor=False).user_cache_dir) / "open"


def install_attachments(window: MainWindow, clock: Clock, root: Path, *, view_folder: Path | None = None,
                        opener: FileOpener | None = None) -> AttachmentsController:
    timeline = window.timeline
    pane = FilesPane(clock.zone)
    pane.setObjectName("files_pane")
    timeline.pages.addTab(pane, QCoreApplication.translate("FilesPane", "Files"))
    controller = AttachmentsController(pane, clock, root, view_folder or default_view_folder(),
                                       undo_stack=window.undo_stack, status_bar=window.statusBar(),
                                       parent_widget=window, opener=opener)
    controller.tabs = timeline.pages
    timeline.entry_files = controller.entry_files

    def shown() -> int | None:
        return timeline.customer_id()

    def on_files_changed(customer_id: int) -> None:
        if customer_id == shown():
            controller.show_customer(customer_id)
            timeline.show_customer(customer_id)  # the paperclips

    controller.files_changed.connect(on_files_changed)
    window.customer_list.current_customer_changed.connect(controller.show_customer)
    window.book_changed.connect(lambda: controller.show_customer(shown()))
    controller.show_customer(shown())

    drops = DropFilter(controller.attach, lambda data: dropped_files(data, controller.pasted_name, png_bytes),
                       window)
    entries = timeline.entries

    def entry_at(point: QPoint):
        item = entries.itemAt(point)
        entry = item.data(0, Qt.ItemDataRole.UserRole + 1) if item is not None else None
        return shown(), entry if isinstance(entry, int) else None

    def customer_at(point: QPoint):
        table = window.customer_list.table
        index = table.indexAt(point)
        return (window.customer_list.model.customer_id(index.row()), None) if index.isValid() else None

    drops.watch(entries.viewport(), entry_at)
    drops.watch(pane.list.viewport(), lambda _point: (shown(), None))
    drops.watch(pane, lambda _point: (shown(), None))
    drops.watch(timeline.header_card, lambda _point: (shown(), None))
    drops.watch(window.customer_list.table.viewport(), customer_at)
    controller.drops = drops
    window.attachments = controller
    return controller
