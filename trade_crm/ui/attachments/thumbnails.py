"""Small pictures of kept files: an image scaled down, a PDF's first page (QtPdf). Made in a worker thread as
QImage (never QPixmap there); the list turns them into icons on the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter
from PySide6.QtPdf import QPdfDocument

THUMB = 64
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/bmp", "image/webp")
MAX_PIXELS = 80_000_000  # a declared size over this is not decoded (a decompression bomb)


def image_thumbnail(path: Path, size: int = THUMB) -> QImage | None:
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    declared = reader.size()
    if not declared.isValid() or declared.width() * declared.height() > MAX_PIXELS:
        return None
    reader.setScaledSize(declared.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image


def pdf_thumbnail(path: Path, size: int = THUMB) -> QImage | None:
    document = QPdfDocument(None)
    try:
        if document.load(str(path)) != QPdfDocument.Error.None_ or document.pageCount() < 1:
            return None
        page = document.pagePointSize(0)
        if page.width() <= 0 or page.height() <= 0:
            return None
        fitted = page.toSize().scaled(QSize(size, size), Qt.AspectRatioMode.KeepAspectRatio)
        image = document.render(0, fitted)
        return None if image.isNull() else image
    finally:
        document.close()
        document.deleteLater()


def squared(image: QImage, size: int = THUMB) -> QImage:
    """The picture centred on a transparent square, so every row's name starts at the same place."""
    square = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    square.fill(Qt.GlobalColor.transparent)
    painter = QPainter(square)
    painter.drawImage((size - image.width()) // 2, (size - image.height()) // 2, image)
    painter.end()
    return square


def thumbnail(path: Path, content_type: str, size: int = THUMB) -> QImage | None:
    """The picture for a file, or None (another type, unreadable, missing): the list shows a type icon."""
    try:
        if not Path(path).is_file():
            return None
        if content_type in IMAGE_TYPES:
            image = image_thumbnail(path, size)
        elif content_type == "application/pdf":
            image = pdf_thumbnail(path, size)
        else:
            return None
    except OSError:
        return None
    return squared(image, size) if image is not None else None


def thumbnails(_context, items: list[tuple[int, Path, str]], size: int = THUMB) -> dict[int, QImage]:
    """A Job's function: {attachment id: image} for the files that have a picture."""
    found = {}
    for attachment_id, path, content_type in items:
        _context.check_cancelled()
        image = thumbnail(path, content_type, size)
        if image is not None:
            found[attachment_id] = image
    return found
