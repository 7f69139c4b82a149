"""Icons from resources/icons (original SVGs, see LICENSE.txt there), tinted for the palette.

Strokes drawn in ``currentColor`` take the palette's text colour, so an icon reads on a light
and on a dark palette alike. ``kind_icon(kind)`` gives the icon of a timeline entry kind.
"""

from __future__ import annotations

from functools import cache

import shiboken6
from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QStyleOption

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


class _TintedSvg(QIconEngine):
    """An icon drawn from its tinted SVG at the size and pixel ratio asked, when first asked: rendering all of
    SIZES for every icon up front took ~19 ms of the window's start, for sizes most icons never show."""

    def __init__(self, source: bytes):
        super().__init__()
        self._source = source
        self._renderer: QSvgRenderer | None = None
        self._made: dict[tuple, QPixmap] = {}
        self._copies: list[_TintedSvg] = []

    def clone(self) -> QIconEngine:
        """Qt owns the copy (a detached QIcon deletes it), but PySide6 does not know: a copy that only Qt held
        would be deleted with its Python object, under the icon that still draws with it. So this engine keeps
        its copies until Qt has deleted them."""
        self._copies = [copy for copy in self._copies if shiboken6.isValid(copy)]
        copy = _TintedSvg(self._source)
        self._copies.append(copy)
        return copy

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:  # noqa: N802 - Qt's name
        side = min(size.width(), size.height())
        return QSize(side, side)

    def availableSizes(self, mode: QIcon.Mode = QIcon.Mode.Normal,  # noqa: N802 - Qt's name
                       state: QIcon.State = QIcon.State.Off) -> list[QSize]:
        return [QSize(side, side) for side in SIZES]

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,  # noqa: N802 - Qt's name
                     scale: float) -> QPixmap:
        side = min(size.width(), size.height())
        key = (side, mode, scale)
        pixmap = self._made.get(key)
        if pixmap is None:
            pixmap = self._made[key] = self._render(max(1, round(side * scale)), mode, scale)
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        device = painter.device()
        scale = device.devicePixelRatioF() if device is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def _render(self, pixels: int, mode: QIcon.Mode, scale: float) -> QPixmap:
        if self._renderer is None:
            self._renderer = QSvgRenderer(QByteArray(self._source))
        pixmap = QPixmap(pixels, pixels)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer.render(painter, QRectF(0, 0, pixels, pixels))
        painter.end()
        if mode != QIcon.Mode.Normal:  # greyed (disabled) or highlighted as the style draws it
            styled = QApplication.style().generatedIconPixmap(mode, pixmap, QStyleOption())
            if not styled.isNull():
                pixmap = styled
        pixmap.setDevicePixelRatio(scale)
        return pixmap


@cache
def _icon(name: str, colour: str) -> QIcon:
    source = _svg_source(name)
    if source is None:
        return QIcon()
    return QIcon(_TintedSvg(source.replace("currentColor", colour).encode("utf-8")))


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
