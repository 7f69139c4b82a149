"""The inline error under a form field, and the comma lists forms take: every feature's forms use them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def error_color(palette: QPalette) -> QColor:
    """A red that reads on the current palette: lighter on dark themes, deeper on light ones."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff7b72") if dark else QColor("#c62828")


class FieldError(QLabel):
    """A validation message right under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, error_color(palette))
        self.setPalette(palette)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


def with_error(widget: QWidget, error: FieldError) -> QWidget:
    """`widget` with its error label underneath, as one form cell."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(error)
    return box


def split_list(text: str) -> tuple[str, ...]:
    """Items of a comma-separated field; Chinese commas and semicolons separate too."""
    for separator in (";", "，", "；", "、"):
        text = text.replace(separator, ",")
    return tuple(part.strip() for part in text.split(",") if part.strip())
