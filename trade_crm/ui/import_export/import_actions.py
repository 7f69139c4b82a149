"""File > Import… (Ctrl+I), File > Import history…, and files dropped on the main window.

The app calls, once after building the main window,

    install_import_actions(window, clock)

which adds the actions to the File menu, the toolbar and the empty-book page, and lets a
spreadsheet, CSV or vCard file dropped on the window open the wizard with that file. After an
import or an undo the window's list, tags, counts and reminders are refreshed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from trade_crm.domain.clock import Clock
from trade_crm.domain.customers.records import all_tags
from trade_crm.ui.common.icons import icon

if TYPE_CHECKING:  # the wizard and the import engine load when first opened, not at start
    from trade_crm.ui.import_export.history_dialog import ImportHistoryDialog
    from trade_crm.ui.import_export.wizard import ImportWizard


def supported_suffixes() -> frozenset[str]:
    """The file kinds the wizard reads, asked only when a file is dragged over the window."""
    # lazy: start-up, the readers (and the file formats they pull in) load when a file is first dragged
    from trade_crm.exchange.importing.readers import TEXT_SUFFIXES, VCARD_SUFFIXES, WORKBOOK_SUFFIXES

    return WORKBOOK_SUFFIXES | TEXT_SUFFIXES | VCARD_SUFFIXES


def dropped_file(mime: QMimeData) -> Path | None:
    """The one local file of a supported kind being dragged, or None."""
    if not mime.hasUrls():
        return None
    urls = mime.urls()
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in supported_suffixes() else None


class ImportController(QObject):
    def __init__(self, window, clock: Clock):
        super().__init__(window)
        self._window, self._clock = window, clock
        self.wizard: ImportWizard | None = None
        self.history_dialog: ImportHistoryDialog | None = None
        self.import_action = QAction(icon("kind_import"), self.tr("&Import…"), window)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        tip = self.tr("Import customers from Excel, CSV or vCard")
        self.import_action.setStatusTip(tip)
        self.import_action.setToolTip(f"{tip} (Ctrl+I)")
        self.import_action.setIconText(self.tr("Import"))
        self.import_action.triggered.connect(lambda: self.open_wizard())
        self.first_run_text = self.tr("Bring in a trade-show list, an exhibitor directory or a CRM export from "
                                      "Excel, CSV or vCard.")
        self.history_action = QAction(self.tr("Import &history…"), window)
        self.history_action.setStatusTip(self.tr("See past imports and undo one"))
        self.history_action.triggered.connect(self.open_history)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    # --- the wizard and the history --------------------------------------------------------------

    def open_wizard(self, path: Path | None = None) -> ImportWizard:
        """Open the wizard (with `path` chosen); an open wizard is brought forward instead."""
        wizard = self.wizard
        if wizard is not None and wizard.isVisible():
            if path is not None and wizard.stack.currentIndex() == 0:
                wizard.file_page.set_path(path)
            wizard.activateWindow()
            return wizard
        from trade_crm.ui.import_export.wizard import ImportWizard  # lazy: start-up, loaded when first opened

        wizard = ImportWizard(self._clock, path, self._window)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.import_committed.connect(self.on_book_changed)
        wizard.import_undone.connect(self.on_book_changed)
        wizard.destroyed.connect(self.on_wizard_destroyed)
        self.wizard = wizard
        wizard.open()
        return wizard

    def on_wizard_destroyed(self) -> None:
        self.wizard = None

    def open_history(self) -> ImportHistoryDialog:
        from trade_crm.ui.import_export.history_dialog import (
            ImportHistoryDialog,  # lazy: start-up, as the wizard
        )

        dialog = ImportHistoryDialog(self._clock, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.import_undone.connect(self.on_book_changed)
        dialog.destroyed.connect(self.on_history_dialog_destroyed)
        self.history_dialog = dialog
        dialog.open()
        return dialog

    def on_history_dialog_destroyed(self) -> None:
        self.history_dialog = None

    def on_book_changed(self, _batch_id: int = 0) -> None:
        window = self._window
        window.customer_list.set_tags(all_tags())
        window.on_data_changed()
        window.customer_list.reload()
        if window.customer_list.current_id() is None and window.customer_list.model.rowCount():
            window.customer_list.select_row(0)
        window.timeline.show_customer(window.customer_list.current_id())
        window.reminders.refresh()
        window.book_changed.emit()

    # --- drag and drop -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if dropped_file(event.mimeData()) is not None:
                event.acceptProposedAction()
                return True
        elif watched is self._window and event.type() == QEvent.Type.Drop:
            path = dropped_file(event.mimeData())
            if path is not None:
                event.acceptProposedAction()
                self.open_wizard(path)
                return True
        return super().eventFilter(watched, event)


def install_import_actions(window, clock: Clock) -> ImportController:
    """Add File > Import… (Ctrl+I, toolbar, empty-book page) and File > Import history… to `window`."""
    controller = ImportController(window, clock)
    window.add_file_action(controller.import_action, toolbar=True, first_run=controller.first_run_text)
    window.add_file_action(controller.history_action)
    window.import_controller = controller
    return controller

