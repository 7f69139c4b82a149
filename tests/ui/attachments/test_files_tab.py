"""The Files tab and drops on the main window, with real widgets over a real book: a dropped file becomes a row
and a blob, a pasted picture a PNG, a delete is undone from the status bar, a missing file is shown as missing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QGuiApplication, QImage, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication, QPushButton

from trade_crm.app import build_main_window
from trade_crm.domain.attachments.blobs import attachments_for, blob_path
from trade_crm.domain.attachments.records import NewFile, attach_files, attachments_of
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.ui.attachments import controller as controller_module
from trade_crm.ui.attachments.opener import FileOpener, Opened
from trade_crm.ui.attachments.thumbnails import image_thumbnail, pdf_thumbnail


@pytest.fixture
def customer(db, clock):
    customer_id = create_customer(clock, name="Al Noor Trading LLC", country="AE")
    entry = log_interaction(customer_id, "call", "Agreed the PI for 2 containers", clock)
    return customer_id, entry


@pytest.fixture
def window(qtbot, customer, db_path, clock, tmp_path):
    from PySide6.QtCore import QSettings  # lazy: a test fixture, kept beside its use
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = build_main_window(clock, db_path, settings, with_demo=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.attachments.view_folder = tmp_path / "open"
    window.customer_list.select_row(0)
    window.timeline.pages.setCurrentIndex(1)
    return window


def drop(widget, point, mime: QMimeData) -> None:
    """A drag entering `widget` at `point`, then the drop (Qt delivers a drop to where the drag was accepted)."""
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def files_mime(*paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def rows(window) -> list[tuple[str, str]]:
    pane = window.attachments.pane
    return [(pane.list.topLevelItem(r).text(0), pane.list.topLevelItem(r).text(1))
            for r in range(pane.list.topLevelItemCount())]


def test_a_file_dropped_on_the_files_tab_becomes_a_row_and_a_blob(qtbot, window, customer, db_path, tmp_path):
    pi = tmp_path / "PI-2026-118.pdf"
    pi.write_bytes(b"%PDF-1.4 proforma " * 100)
    pane = window.attachments.pane
    assert pane.empty_label.isVisible()
    drop(pane.list.viewport(), pane.list.viewport().rect().center(), files_mime(pi))
    qtbot.waitUntil(lambda: len(rows(window)) == 1)
    assert rows(window)[0][0] == "PI-2026-118.pdf"
    [info] = attachments_of(customer[0])
    assert blob_path(attachments_for(db_path), info.sha256).read_bytes() == pi.read_bytes()
    assert window.timeline.pages.tabText(1) == "Files (1)"


def test_a_file_dropped_on_a_timeline_entry_belongs_to_it_and_shows_a_paperclip(qtbot, window, customer, tmp_path):
    photo = tmp_path / "damaged carton.jpg"
    picture = QImage(120, 90, QImage.Format.Format_RGB32)
    picture.fill(QColor("#a0522d"))
    assert picture.save(str(photo))
    entries = window.timeline.entries
    item = next(entries.topLevelItem(r) for r in range(entries.topLevelItemCount())
                if entries.topLevelItem(r).data(0, Qt.ItemDataRole.UserRole + 1) == customer[1])
    drop(entries.viewport(), entries.visualItemRect(item).center(), files_mime(photo))
    qtbot.waitUntil(lambda: len(rows(window)) == 1)
    [info] = attachments_of(customer[0])
    assert info.interaction_id == customer[1]
    item = next(entries.topLevelItem(r) for r in range(entries.topLevelItemCount())
                if entries.topLevelItem(r).data(0, Qt.ItemDataRole.UserRole + 1) == customer[1])
    assert item.text(4) == "damaged carton.jpg" and not item.icon(4).isNull()
    assert window.attachments.pane.list.topLevelItem(0).text(3).endswith("Agreed the PI for 2 containers")


def test_a_pasted_picture_is_kept_as_a_png(qtbot, window, customer, db_path):
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a7ae2"))
    QGuiApplication.clipboard().setImage(image)
    window.attachments.pane.paste_action.trigger()
    qtbot.waitUntil(lambda: len(rows(window)) == 1)
    [info] = attachments_of(customer[0])
    assert info.name.startswith("Pasted picture") and info.content_type == "image/png"
    kept = QImage(str(blob_path(attachments_for(db_path), info.sha256)))
    assert kept.size() == image.size() and kept.pixelColor(5, 5) == QColor("#2a7ae2")


def test_a_delete_is_undone_from_the_status_bar(qtbot, window, customer, db_path, clock):
    attach_files(attachments_for(db_path), customer[0], [NewFile(b"a", "a.txt"), NewFile(b"b", "b.txt")], clock)
    controller = window.attachments
    controller.show_customer(customer[0])
    pane = controller.pane
    pane.list.topLevelItem(0).setSelected(True)
    pane.delete_button.click()
    assert [r[0] for r in rows(window)] == ["b.txt"]
    assert "Deleted “a.txt”" in window.statusBar().currentMessage()
    undo = window.statusBar().findChild(QPushButton)
    assert undo is controller.undo_button and undo.text() == "Undo" and undo.isVisible()
    assert window.undo_stack.undoText() == "Delete “a.txt”"
    undo.click()
    assert [r[0] for r in rows(window)] == ["a.txt", "b.txt"]
    window.undo_stack.redo()  # Ctrl+Y deletes it again; Ctrl+Z brings it back
    assert [r[0] for r in rows(window)] == ["b.txt"]
    window.undo_stack.undo()
    assert len(attachments_of(customer[0])) == 2


def test_a_missing_file_is_shown_as_missing_and_opening_it_says_so(qtbot, window, customer, db_path, clock,
                                                                   monkeypatch, tmp_path):
    root = attachments_for(db_path)
    [kept, lost] = attach_files(root, customer[0], [NewFile(b"kept", "kept.txt"), NewFile(b"lost", "lost.pdf")],
                                clock)
    blob_path(root, lost.sha256).unlink()
    opened = []
    window.attachments.opener = FileOpener(lambda url: opened.append(url.toLocalFile()) or True)
    said = []
    monkeypatch.setattr(controller_module.QMessageBox, "information",
                        lambda _parent, title, text: said.append((title, text)))
    window.attachments.show_customer(customer[0])
    assert rows(window) == [("kept.txt", "4 bytes"), ("lost.pdf", "Missing")]
    assert window.attachments.open_file(lost.id) is None and said[0][0] == "File missing"
    assert window.attachments.open_file(kept.id) is Opened.APPLICATION
    assert opened[0].endswith("kept.txt") and Path(opened[0]).read_bytes() == b"kept"
    assert Path(opened[0]).parent.parent == tmp_path / "open"


def test_a_file_over_the_size_limit_asks_first_and_no_means_nothing_is_kept(qtbot, window, customer, tmp_path):
    big = tmp_path / "video.mp4"
    with open(big, "wb") as handle:
        handle.truncate(51 * 1024 * 1024)
    asked = []
    window.attachments.ask = lambda title, question: asked.append(question) or False
    assert window.attachments.attach(customer[0], [NewFile(big)]) is None
    assert "video.mp4" in asked[0] and "50.0 MB" in asked[0] and attachments_of(customer[0]) == []


def test_thumbnails_are_made_from_an_image_and_a_pdfs_first_page(qtbot, tmp_path):
    picture = tmp_path / "card.png"
    image = QImage(400, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    image.save(str(picture))
    assert image_thumbnail(picture).size().toTuple() == (64, 32)
    pdf = tmp_path / "PI.pdf"
    writer = QPdfWriter(str(pdf))
    painter = QPainter(writer)
    painter.drawText(100, 100, "Proforma invoice")
    painter.end()
    thumb = pdf_thumbnail(pdf)
    assert thumb is not None and max(thumb.width(), thumb.height()) == 64
    assert hashlib.sha256(pdf.read_bytes()).hexdigest()  # a real PDF was written
    assert pdf_thumbnail(picture) is None  # not a PDF: no picture, no crash


def test_a_file_dropped_on_another_customer_in_the_list_is_kept_with_that_customer(qtbot, window, customer, clock,
                                                                                  tmp_path):
    other = create_customer(clock, name="Zanzibar Spice Co")
    window.customer_list.reload()
    table = window.customer_list.table
    row = next(r for r in range(window.customer_list.model.rowCount())
               if window.customer_list.model.customer_id(r) == other)
    card = tmp_path / "card.txt"
    card.write_text("Zanzibar Spice Co, Stone Town")
    drop(table.viewport(), table.visualRect(table.model().index(row, 0)).center(), files_mime(card))
    qtbot.waitUntil(lambda: len(attachments_of(other)) == 1)
    assert attachments_of(customer[0]) == [] and attachments_of(other)[0].name == "card.txt"
    assert window.timeline.customer_id() == customer[0]  # the shown customer stays


def test_attach_picks_several_files_through_the_house_dialog_and_remembers_their_folder(qtbot, window, customer,
                                                                                        tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog  # lazy: only this test answers the dialog

    from trade_crm.ui.common.file_dialogs import folders

    fair = tmp_path / "Canton Fair"
    fair.mkdir()
    picked = [fair / "PI.pdf", fair / "photo.png"]
    for path in picked:
        path.write_bytes(path.name.encode())
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *_args: ([str(p) for p in picked], ""))
    try:
        window.attachments.pane.attach_button.click()
        qtbot.waitUntil(lambda: len(rows(window)) == 2)
        assert [r[0] for r in rows(window)] == ["PI.pdf", "photo.png"] and folders.start() == fair
    finally:
        folders.use_settings(None)  # the next test starts from Documents again
