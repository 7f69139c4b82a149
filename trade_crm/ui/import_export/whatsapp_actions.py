"""File › Import WhatsApp chat…: pick the `.txt` or `.zip` WhatsApp's "Export chat" wrote, then the dialog.

The app calls, once after install_import_actions,

    install_whatsapp_import(window, clock, attachments_root)

After an import the window refreshes as after any import and shows the customer whose timeline got it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction

from trade_crm.domain.clock import Clock
from trade_crm.ui.common.file_dialogs import open_file
from trade_crm.ui.common.icons import kind_icon

if TYPE_CHECKING:  # the dialog and the chat reader load when first opened, not at start
    from trade_crm.ui.import_export.whatsapp_dialog import WhatsAppImportDialog


class WhatsAppImportController(QObject):
    def __init__(self, window, clock: Clock, attachments_root: Path):
        super().__init__(window)
        self._window, self._clock, self._root = window, clock, attachments_root
        self.dialog: WhatsAppImportDialog | None = None
        self.action = QAction(kind_icon("whatsapp"), self.tr("Import &WhatsApp chat…"), window)
        self.action.setStatusTip(self.tr("Put a chat exported from WhatsApp (.txt or .zip) on its customer's timeline"))
        self.action.triggered.connect(lambda: self.choose_file())

    def choose_file(self) -> WhatsAppImportDialog | None:
        path = open_file(self._window, self.tr("Import WhatsApp chat"),
                         self.tr("WhatsApp chat export (*.txt *.zip);;All files (*)"))
        return self.open_dialog(path) if path is not None else None

    def open_dialog(self, path: Path) -> WhatsAppImportDialog:
        # lazy: start-up, the dialog and the chat reader load when first used
        from trade_crm.ui.import_export.whatsapp_dialog import WhatsAppImportDialog

        dialog = WhatsAppImportDialog(self._clock, path, self._root, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.import_committed.connect(self.on_dialog_import_committed)
        dialog.destroyed.connect(self.on_dialog_destroyed)
        self.dialog = dialog
        dialog.open()
        dialog.start()
        return dialog

    def on_dialog_destroyed(self) -> None:
        self.dialog = None

    def on_dialog_import_committed(self, customer_id: int) -> None:
        window = self._window
        controller = getattr(window, "import_controller", None)
        if controller is not None:
            controller.on_book_changed()
        window.customer_list.select_customer(customer_id)
        window.timeline.show_customer(customer_id)


def install_whatsapp_import(window, clock: Clock, attachments_root: Path) -> WhatsAppImportController:
    """Add File › Import WhatsApp chat… to `window` (under Import…)."""
    controller = WhatsAppImportController(window, clock, attachments_root)
    window.add_file_action(controller.action)
    window.whatsapp_import = controller
    return controller
