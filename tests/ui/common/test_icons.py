"""ui/common/icons.py: icons tinted for the palette, each drawn at the size and pixel ratio asked when first asked."""

from __future__ import annotations

import gc

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from trade_crm.ui.common import icons


def drawn(name: str, pixels: int, colour: str) -> QImage:
    """The SVG rendered directly at `pixels`, tinted: what the icon must show at that size."""
    source = icons._svg_source(name).replace("currentColor", colour).encode("utf-8")
    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(source).render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    return pixmap.toImage()


def test_an_icon_is_the_tinted_svg_drawn_at_the_size_asked_even_one_not_in_the_list(qapp):
    icon = icons.icon("kind_email", "#112233")
    for side in (16, 24, 18, 40):  # 18 and 40 are not in SIZES: drawn for them, not scaled from a neighbour
        pixmap = icon.pixmap(QSize(side, side))
        assert (pixmap.width(), pixmap.height(), pixmap.devicePixelRatio()) == (side, side, 1.0)
        assert pixmap.toImage() == drawn("kind_email", side, "#112233")


def test_on_a_two_times_screen_the_icon_has_twice_the_pixels_at_that_ratio(qapp):
    pixmap = icons.icon("kind_call", "#112233").pixmap(QSize(24, 24), 2.0)
    assert (pixmap.width(), pixmap.devicePixelRatio()) == (48, 2.0)
    assert pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32_Premultiplied) == drawn(
        "kind_call", 48, "#112233").convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


def test_a_disabled_icon_is_greyed_by_the_style_and_sizes_answer_as_before(qapp):
    icon = icons.icon("kind_email", "#112233")
    normal = icon.pixmap(QSize(24, 24), QIcon.Mode.Normal).toImage()
    disabled = icon.pixmap(QSize(24, 24), QIcon.Mode.Disabled).toImage()
    assert disabled != normal and disabled.size() == normal.size()
    assert icon.actualSize(QSize(32, 24)) == QSize(24, 24)
    assert [size.width() for size in icon.availableSizes()] == list(icons.SIZES)
    assert icons.icon("no_such_icon").isNull()


def test_a_copy_given_a_pixmap_of_its_own_keeps_drawing_after_the_collector_ran(qapp):
    """addPixmap detaches the copy: Qt asks the engine for a clone and owns it. Deleted with its Python object,
    that clone crashed the next draw (PySide6 does not know Qt owns it)."""
    for _ in range(20):
        copy = QIcon(icons.icon("kind_note", "#112233"))
        copy.addPixmap(QPixmap(8, 8))
        gc.collect()
        assert copy.pixmap(QSize(16, 16)).toImage() == drawn("kind_note", 16, "#112233")
