"""Icons from resources/icons (original SVGs, see LICENSE.txt there), tinted for the palette.

Strokes drawn in ``currentColor`` take the palette's text colour, so an icon reads on a light
and on a dark palette alike. ``kind_icon(kind)`` gives the icon of a timeline entry kind.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from trade_crm.resources import resource_path

SIZES = (16, 20, 24, 32, 48, 64)
KINDS = (
    "email", "call", "whatsapp", "wechat", "meeting", "visit", "note", "inquiry", "sample",
    "quotation", "order", "greeting", "import", "stage_change", "merge", "handover", "proforma",
)


def _text_colour() -> str:
    return QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()


@cache
def _svg_source(name: str) -> str | None:
    path = resource_path("icons", f"{name}.svg")
    return path.read_text(encoding="utf-8") if path.is_file() else None


@cache
def _icon(name: str, colour: str) -> QIcon:
    source = _svg_source(name)
    if source is None:
        return QIcon()
    renderer = QSvgRenderer(QByteArray(source.replace("currentColor", colour).encode("utf-8")))
    icon = QIcon()
    for size in SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def icon(name: str, colour: QColor | str | None = None) -> QIcon:
    """The icon `name` (a file stem in resources/icons); a null QIcon if there is no such file."""
    if isinstance(colour, QColor):
        colour = colour.name()
    return _icon(name, colour or _text_colour())


def kind_icon(kind: str) -> QIcon:
    """Icon for a timeline entry kind (email, call, whatsapp, ...); unknown kinds get the note icon."""
    return icon(f"kind_{kind}" if kind in KINDS else "kind_note")


def app_icon() -> QIcon:
    return icon("app")
