"""Files dropped onto the window: onto a customer in the list, onto an entry of the timeline (the file belongs
to that entry), or anywhere on the timeline or the Files tab (the shown customer). An event filter on each of
those widgets, so the widgets themselves need not know about files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QAbstractItemView, QWidget

from trade_crm.domain.attachments.records import NewFile

# Where a drop at a point of a widget goes: (customer id, timeline entry id or None), or None for nowhere.
Target = Callable[[QPoint], tuple[int | None, int | None] | None]


def dropped_files(data: QMimeData, picture_name: Callable[[], str], png: Callable[[QImage], bytes]) -> list[NewFile]:
    """The local files of a drop (folders left out), else a dragged picture."""
    if data.hasUrls():
        paths = [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]
        files = [NewFile(path) for path in paths if path.is_file()]
        if files:
            return files
    if data.hasImage():
        image = QImage(data.imageData())
        if not image.isNull():
            return [NewFile(png(image), picture_name())]
    return []


def carries_files(data: QMimeData | None) -> bool:
    return data is not None and ((data.hasUrls() and any(u.isLocalFile() for u in data.urls())) or data.hasImage())


class DropFilter(QObject):
    """Accepts drags that carry files over the watched widgets and hands each drop to `attach`."""

    def __init__(self, attach: Callable[[int | None, list[NewFile], int | None], object],
                 files_of: Callable[[QMimeData], list[NewFile]], parent: QObject | None = None):
        super().__init__(parent)
        self._attach, self._files_of = attach, files_of
        self._targets: dict[QObject, Target] = {}

    def watch(self, widget: QWidget, target: Target) -> None:
        widget.setAcceptDrops(True)
        if isinstance(widget.parentWidget(), QAbstractItemView):
            widget.parentWidget().setAcceptDrops(True)
        self._targets[widget] = target
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if watched not in self._targets or kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove,
                                                        QEvent.Type.Drop):
            return False
        if not carries_files(event.mimeData()):
            return False
        target = self._targets[watched](event.position().toPoint())
        if target is None or target[0] is None:
            event.ignore()
            return True
        event.acceptProposedAction()
        if kind == QEvent.Type.Drop:
            self.drop(event, *target)
        return True

    def drop(self, event: QDropEvent, customer_id: int, interaction_id: int | None) -> object:
        files = self._files_of(event.mimeData())
        return self._attach(customer_id, files, interaction_id) if files else None
