"""Pieces of the pipeline board: stage names, the card list of one stage (drag and drop), the table model."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QDropEvent, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from trade_crm.domain.insights.pipeline_board import OpportunityCard, stage_names
from trade_crm.ui.common.dates import short_date
from trade_crm.ui.common.i18n import fill

MIME_TYPE = "application/x-trade-crm-opportunity"
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
_NO_PARENT = QModelIndex()
STAGE_ACCENTS = {"inquiry": "#1d9bb3", "quotation": "#2d6cdf", "sample": "#8a5cc2", "negotiation": "#e0a526",
                 "won": "#27a17a", "lost": "#d4533b"}


def default_stage_label(stage: str) -> str:
    labels = {
        "inquiry": QCoreApplication.translate("PipelineStage", "Inquiry"),
        "quotation": QCoreApplication.translate("PipelineStage", "Quotation"),
        "sample": QCoreApplication.translate("PipelineStage", "Sample"),
        "negotiation": QCoreApplication.translate("PipelineStage", "Negotiation"),
        "won": QCoreApplication.translate("PipelineStage", "Won"),
        "lost": QCoreApplication.translate("PipelineStage", "Lost"),
    }
    return labels.get(stage, stage)


def stage_label(stage: str, names: dict[str, str] | None = None) -> str:
    """The user's name for a stage, else the translated default."""
    names = stage_names() if names is None else names
    return names.get(stage) or default_stage_label(stage)


def money_text(card: OpportunityCard) -> str:
    if card.value is None:
        return ""
    return f"{QLocale().toString(float(card.value), 'f', 0)} {card.currency}"


class CardDelegate(QStyledItemDelegate):
    """Paints an opportunity as a small card: title, customer, value, probability and close date
    (in red when an open deal is past its expected close)."""

    today: date | None = None

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        line = option.fontMetrics.height()
        return QSize(120, 3 * line + 22)  # as wide as the column: the list has no horizontal scrolling

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        card: OpportunityCard = index.data(CARD_ROLE)
        if card is None:
            return super().paint(painter, option, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(3, 3, -3, -3)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QColor(palette.color(QPalette.ColorRole.Highlight) if selected else "#c9d0d8"))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(rect, 5, 5)
        painter.fillRect(QRect(rect.left(), rect.top() + 4, 3, rect.height() - 8),
                         QColor(STAGE_ACCENTS.get(card.stage, "#888888")))
        line = option.fontMetrics.height()
        inner = rect.adjusted(10, 5, -6, -5)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        metrics = painter.fontMetrics()
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), line), Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(card.title, Qt.TextElideMode.ElideRight, inner.width()))
        painter.setFont(option.font)
        metrics = painter.fontMetrics()
        who = card.customer_name + (f" ({card.country})" if card.country else "")
        painter.drawText(QRect(inner.left(), inner.top() + line + 2, inner.width(), line), Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(who, Qt.TextElideMode.ElideRight, inner.width()))
        when = card.closed_on or card.expected_close
        late = card.closed_on is None and when is not None and self.today is not None and when < self.today
        painter.setPen(QColor("#c0392b") if late else palette.color(QPalette.ColorRole.PlaceholderText))
        parts = [p for p in (f"{card.probability}%" if card.probability is not None else "",
                             short_date(when)) if p]
        money = money_text(card)
        room = inner.width() - metrics.horizontalAdvance(money) - 8
        while parts and metrics.horizontalAdvance(" · ".join(parts)) > room:  # a narrow column: drop the date
            parts.pop()
        third = QRect(inner.left(), inner.top() + 2 * line + 4, inner.width(), line)
        painter.drawText(third, Qt.AlignmentFlag.AlignRight, " · ".join(parts))
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(third, Qt.AlignmentFlag.AlignLeft, metrics.elidedText(money, Qt.TextElideMode.ElideRight,
                                                                               inner.width()))
        painter.restore()


class StageList(QListWidget):
    """The cards of one stage. Cards are dragged between stages; a drop asks for the move
    (`card_dropped`) once the drag is over, and the board reloads from the store."""

    card_dropped = Signal(int, str)  # opportunity id, stage

    def __init__(self, stage: str, parent=None):
        super().__init__(parent)
        self.stage = stage
        self.setItemDelegate(CardDelegate(self))
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setSpacing(1)

    def set_cards(self, cards: list[OpportunityCard]) -> None:
        self.clear()
        for card in cards:
            item = QListWidgetItem()
            item.setData(CARD_ROLE, card)
            item.setData(Qt.ItemDataRole.DisplayRole, card.title)
            item.setToolTip(f"{card.title}\n{card.customer_name}\n{money_text(card)}")
            self.addItem(item)

    def cards(self) -> list[OpportunityCard]:
        return [self.item(row).data(CARD_ROLE) for row in range(self.count())]

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, items) -> QMimeData:
        mime = QMimeData()
        if items:
            mime.setData(MIME_TYPE, QByteArray(str(items[0].data(CARD_ROLE).id).encode("ascii")))
        return mime

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(MIME_TYPE):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(MIME_TYPE):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData().data(MIME_TYPE) if event.mimeData().hasFormat(MIME_TYPE) else None
        if not data:
            event.ignore()
            return
        opportunity_id = int(bytes(data).decode("ascii"))
        # Copy, not move: the source list must not drop the item itself; the board reloads instead.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        QTimer.singleShot(0, lambda: self.card_dropped.emit(opportunity_id, self.stage))


class OpportunityTableModel(QAbstractTableModel):
    """The pipeline as a list: one row per opportunity."""

    COLUMNS = ("title", "customer", "stage", "value", "probability", "expected_close")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[OpportunityCard] = []
        self._names: dict[str, str] = {}

    def set_rows(self, rows: list[OpportunityCard]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._names = stage_names()
        self.endResetModel()

    def card(self, row: int) -> OpportunityCard | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Opportunity"), self.tr("Customer"), self.tr("Stage"), self.tr("Value"),
                self.tr("Probability"), self.tr("Expected close"))[section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        card = self.card(index.row())
        if card is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == CARD_ROLE:
            return card
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("value", "probability"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        when = card.closed_on or card.expected_close
        return {
            "title": card.title, "customer": card.customer_name + (f" ({card.country})" if card.country else ""),
            "stage": stage_label(card.stage, self._names), "value": money_text(card),
            "probability": fill("%1%", card.probability) if card.probability is not None else "",
            "expected_close": short_date(when),
        }[column]
