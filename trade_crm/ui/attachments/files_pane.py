"""The Files tab beside a customer's timeline: each kept file with a thumbnail (an image, a PDF's first page),
its name, size, date and timeline entry; Attach…, Open, Rename, Delete; a missing file shown as missing."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QLocale, QSize, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QImage, QKeySequence, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.attachments.records import AttachmentInfo
from trade_crm.ui.common.dates import short_date_time
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.icons import icon

ID_ROLE = Qt.ItemDataRole.UserRole
ICON_SIZE = 48
ENTRY_COLUMN_MAX = 280  # pixels


def size_text(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


class FilesPane(QWidget):
    """Shows one customer's files; the buttons ask the controller (ui/attachments/controller.py) to act."""

    attach_clicked = Signal()
    paste_triggered = Signal()
    open_requested = Signal(int)
    rename_requested = Signal(int)
    delete_requested = Signal(list)

    COLUMNS = 4

    def __init__(self, zone: tzinfo, parent: QWidget | None = None):
        super().__init__(parent)
        self._zone = zone
        self.customer_id: int | None = None
        self.infos: list[AttachmentInfo] = []
        self.list = QTreeWidget()
        self.list.setColumnCount(self.COLUMNS)
        self.list.setHeaderLabels([self.tr("Name"), self.tr("Size"), self.tr("Added"), self.tr("Timeline entry")])
        self.list.setRootIsDecorated(False)
        self.list.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setAlternatingRowColors(True)
        header = self.list.header()
        header.setStretchLastSection(False)
        for column in range(self.COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # an entry's line can be a whole WhatsApp day: capped (its tooltip has it all) so the names keep their room
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.list.itemActivated.connect(lambda item, _column: self.open_requested.emit(item.data(0, ID_ROLE)))
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.empty_label = QLabel(self.tr("No files yet. Drop files here or on a timeline entry, paste one, "
                                          "or choose Attach…"))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.attach_button = QPushButton(icon("attachment"), self.tr("Attach…"))
        self.attach_button.clicked.connect(self.attach_clicked)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(lambda: self._for_current(self.open_requested.emit))
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.clicked.connect(lambda: self._for_current(self.rename_requested.emit))
        self.delete_button = QPushButton(icon("delete"), self.tr("Delete"))
        self.delete_button.clicked.connect(self.on_delete_button_clicked)
        self.paste_action = QAction(self.tr("Paste file"), self)
        self.paste_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Paste))
        self.paste_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.paste_action.triggered.connect(self.paste_triggered)
        self.delete_action = QAction(self.tr("Delete"), self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.on_delete_button_clicked)
        self.addActions([self.paste_action, self.delete_action])
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.list.addActions([self.paste_action, self.delete_action])
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.attach_button, self.open_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label, 1)
        self._update_buttons()

    def show_files(self, customer_id: int | None, infos: list[AttachmentInfo], entries: dict[int, str],
                   missing: dict[int, str | None]) -> None:
        """`entries`: an entry's id → its line; `missing`: a file's id → None (not here) or the login of the
        teammate whose computer holds it."""
        self.customer_id, self.infos = customer_id, infos
        self.list.clear()
        locale = self.locale()
        file_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        for info in infos:
            when = short_date_time(info.created_at.astimezone(self._zone), locale)
            entry = entries.get(info.interaction_id, "") if info.interaction_id is not None else ""
            item = QTreeWidgetItem([info.name, size_text(info.size), when, entry])
            item.setData(0, ID_ROLE, info.id)
            item.setIcon(0, file_icon)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, info.name)
            item.setToolTip(3, entry)
            if info.id in missing:
                owner = missing[info.id]
                state = (fill(self.tr("On %1's computer"), owner) if owner else self.tr("Missing"))
                item.setText(1, state)
                item.setIcon(0, self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
                item.setToolTip(0, fill(self.tr("%1 is attached on %2's computer; only its name is shared"),
                                        info.name, owner) if owner else
                                fill(self.tr("%1 is not in the attachments folder on this computer"), info.name))
                for column in range(self.COLUMNS):
                    item.setForeground(column, muted)
            self.list.addTopLevelItem(item)
        self.list.setColumnWidth(3, min(self.list.sizeHintForColumn(3), ENTRY_COLUMN_MAX))
        self.list.setVisible(bool(infos))
        self.empty_label.setVisible(not infos)
        self.attach_button.setEnabled(customer_id is not None)
        self._update_buttons()

    def set_thumbnails(self, images: dict[int, QImage]) -> None:
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            image = images.get(item.data(0, ID_ROLE))
            if image is not None:
                item.setIcon(0, QIcon(QPixmap.fromImage(image)))

    def item_of(self, attachment_id: int) -> QTreeWidgetItem | None:
        for row in range(self.list.topLevelItemCount()):
            if self.list.topLevelItem(row).data(0, ID_ROLE) == attachment_id:
                return self.list.topLevelItem(row)
        return None

    def selected_ids(self) -> list[int]:
        return [item.data(0, ID_ROLE) for item in self.list.selectedItems()]

    def _for_current(self, emit) -> None:
        ids = self.selected_ids()
        if ids:
            emit(ids[0])

    def on_delete_button_clicked(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.delete_requested.emit(ids)

    def _update_buttons(self) -> None:
        chosen = bool(self.list.selectedItems())
        for button in (self.open_button, self.rename_button, self.delete_button):
            button.setEnabled(chosen)
