"""`make screenshots`: a customer's Files tab (files_<suffix>.png), over the demo book with a few files made here:
a proforma invoice (a real one-page PDF, so its thumbnail is its first page), photos of a damaged carton, a
business card, and a packing list kept with a timeline entry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSettings, Qt, QThreadPool
from PySide6.QtGui import QColor, QFont, QImage, QPageSize, QPainter, QPdfWriter

from trade_crm.app import build_main_window
from trade_crm.domain.attachments.blobs import attachments_for
from trade_crm.domain.attachments.records import NewFile, attach_files
from trade_crm.domain.customers.records import get_customer
from trade_crm.domain.customers.timeline import timeline
from trade_crm.ui.common.i18n import install_translator, remove_translators

WINDOW_SIZE = (1400, 860)


def _image_bytes(image: QImage, kind: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, kind)
    buffer.close()
    return bytes(data.data())


def _proforma(path: Path, customer: str) -> Path:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    painter = QPainter(writer)
    painter.fillRect(QRectF(0, 0, 595, 90), QColor("#1f4e79"))
    painter.setPen(QColor("white"))
    painter.setFont(QFont("Sans", 26, QFont.Weight.Bold))
    painter.drawText(QPointF(40, 58), "PROFORMA INVOICE")
    painter.setPen(QColor("black"))
    painter.setFont(QFont("Sans", 12))
    for row, line in enumerate((f"To: {customer}", "PI No. 2026-118   Date: 2026-11-20", "",
                                "2 x 40' HQ  stainless steel cookware sets", "FOB Ningbo   USD 48,600.00",
                                "", "Payment: 30% T/T deposit, 70% against B/L copy")):
        painter.drawText(QPointF(40, 140 + row * 24), line)
    painter.setPen(QColor("#999999"))
    for row in range(12):
        painter.drawLine(40, 340 + row * 28, 555, 340 + row * 28)
    painter.end()
    return path


def _photo(colour: str, label: str, size=(640, 480)) -> QImage:
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRectF(120, 110, 400, 280), QColor("#c49a6c"))
    painter.setPen(QColor("#6b4423"))
    painter.drawLine(120, 110, 300, 250)
    painter.drawLine(300, 250, 260, 390)
    painter.setFont(QFont("Sans", 28, QFont.Weight.Bold))
    painter.drawText(QRectF(0, 20, size[0], 60), Qt.AlignmentFlag.AlignCenter, label)
    painter.end()
    return image


def _card(name: str) -> QImage:
    image = QImage(700, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.fillRect(QRectF(0, 0, 24, 400), QColor("#b22222"))
    painter.setPen(QColor("#222222"))
    painter.setFont(QFont("Sans", 30, QFont.Weight.Bold))
    painter.drawText(QPointF(70, 150), name[:24])
    painter.setFont(QFont("Sans", 18))
    painter.drawText(QPointF(70, 220), "Purchasing Manager")
    painter.drawText(QPointF(70, 300), "+971 4 555 0199")
    painter.end()
    return image


def load_demo_files(folder: Path, db_path: Path, clock, customer_id: int) -> None:
    """Attach the screenshot's files to `customer_id` (the packing list to its newest entry)."""
    name = get_customer(customer_id).name
    entry = next((e.interaction_id for e in timeline(customer_id) if e.interaction_id is not None), None)
    root = attachments_for(db_path)
    attach_files(root, customer_id, [
        NewFile(_proforma(folder / "PI-2026-118.pdf", name)),
        NewFile(_image_bytes(_photo("#dfe6ee", "Carton 14/40"), "JPG"), "damaged carton 1.jpg"),
        NewFile(_image_bytes(_photo("#e8e2d6", "Carton 22/40"), "JPG"), "damaged carton 2.jpg"),
        NewFile(_image_bytes(_card(name), "PNG"), "business card.png"),
    ], clock)
    if entry is not None:
        attach_files(root, customer_id, [NewFile(b"PK\x03\x04 packing list", "packing list PL-2026-118.xlsx")],
                     clock, interaction_id=entry)


def shoot_files(app, out: Path, db_path: Path, clock, language: str, suffix: str, customer_id: int) -> Path:
    """The customer's Files tab, thumbnails made."""
    translators = install_translator(app, language)
    settings = QSettings(str(db_path.with_name(f"settings-files-{language}.ini")), QSettings.Format.IniFormat)
    window = build_main_window(clock, db_path, settings, language=language)
    window.resize(*WINDOW_SIZE)
    window.splitter.setSizes([560, 840])
    window.side_splitter.setSizes([640, 220])
    window.show()
    window.customer_list.select_customer(customer_id)
    window.timeline.pages.setCurrentWidget(window.attachments.pane)
    app.processEvents()
    QThreadPool.globalInstance().waitForDone(10_000)  # the thumbnails are made in a worker
    for _ in range(5):
        app.processEvents()
    path = out / f"files_{suffix}.png"
    window.grab().save(str(path))
    window.close()
    window.deleteLater()
    app.processEvents()
    remove_translators(app, translators)
    return path
