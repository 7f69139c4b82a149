"""File > Import… and Import history…, the empty-book button, dropping a file, and the window after an import."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QCommandLinkButton

from trade_crm.domain.customers.records import all_tags, customer_count
from trade_crm.ui.import_export import wizard as import_wizard
from trade_crm.ui.import_export.history_dialog import ImportHistoryDialog
from trade_crm.ui.import_export.import_actions import dropped_file, install_import_actions
from trade_crm.ui.import_export.wizard import REVIEW, SUMMARY, ImportWizard
from trade_crm.ui.shell.main_window import MainWindow


@pytest.fixture(autouse=True)
def no_job_left_running():
    yield
    QThreadPool.globalInstance().waitForDone(10_000)


@pytest.fixture
def window(qtbot, db, db_path, clock, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(clock, db_path, settings)
    qtbot.addWidget(window)
    install_import_actions(window, clock)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def fair(tmp_path) -> Path:
    book = Workbook()
    for row in (["Company", "Contact", "Email", "Country"], ["Beta GmbH", "Bob", "bob@beta.de", "DE"],
                ["Gamma AG", "Gus", "gus@gamma.ch", "CH"]):
        book.active.append(row)
    book.save(tmp_path / "fair.xlsx")
    return tmp_path / "fair.xlsx"


def mime_for(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drag_and_drop(window: MainWindow, mime: QMimeData) -> tuple[bool, bool]:
    """Drag `mime` over the window and drop it; whether the enter and the drop were accepted."""
    point = QPointF(window.width() / 2, window.height() / 2)
    enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    enter.setAccepted(False)
    QApplication.sendEvent(window, enter)
    drop = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    drop.setAccepted(False)
    QApplication.sendEvent(window, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_the_import_actions_are_in_the_file_menu_the_toolbar_and_the_empty_book_page(window):
    controller = window.import_controller
    menu = window.actions.file_menu.actions()
    assert controller.import_action in menu and controller.history_action in menu
    assert menu.index(controller.import_action) < menu.index(window.actions.settings)
    assert controller.import_action.shortcut() == QKeySequence("Ctrl+I")
    assert controller.import_action in window.actions.toolbar.actions()
    assert window.stack.currentWidget() is window.first_run
    buttons = [b for b in window.first_run.findChildren(QCommandLinkButton) if b.text() == "Import…"]
    assert len(buttons) == 1 and "trade-show list" in buttons[0].description()


def test_the_import_action_opens_one_wizard(qtbot, window):
    window.import_controller.import_action.trigger()
    wizard = window.import_controller.wizard
    assert isinstance(wizard, ImportWizard) and wizard.isVisible()
    window.import_controller.import_action.trigger()
    assert window.import_controller.wizard is wizard
    wizard.reject()
    qtbot.waitUntil(lambda: window.import_controller.wizard is None)


def test_dropping_a_spreadsheet_on_the_window_opens_the_wizard_with_it(qtbot, window, fair):
    assert drag_and_drop(window, mime_for(fair)) == (True, True)
    wizard = window.import_controller.wizard
    assert wizard is not None and wizard.file_page.path() == fair
    qtbot.waitUntil(lambda: wizard.table is not None)
    assert wizard.next_button.isEnabled()


def test_other_drops_are_refused(window, tmp_path, fair):
    pdf = tmp_path / "catalogue.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    assert dropped_file(mime_for(pdf)) is None
    assert dropped_file(mime_for(fair, fair)) is None
    text = QMimeData()
    text.setText("Beta GmbH")
    assert dropped_file(text) is None
    assert drag_and_drop(window, mime_for(pdf)) == (False, False)
    assert window.import_controller.wizard is None


def test_after_an_import_and_its_undo_the_window_shows_the_book_as_it_is(qtbot, window, fair, monkeypatch):
    wizard = window.import_controller.open_wizard(fair)
    qtbot.waitUntil(lambda: wizard.table is not None)
    wizard.file_page.source_edit.setText("Canton Fair 2026 Autumn")
    wizard.next_button.click()
    wizard.next_button.click()
    assert wizard.stack.currentIndex() == REVIEW
    qtbot.waitUntil(wizard.next_button.isEnabled)
    with qtbot.waitSignal(window.book_changed, timeout=10_000):
        wizard.next_button.click()
    assert wizard.stack.currentIndex() == SUMMARY
    assert customer_count() == 2 and window.customer_list.model.rowCount() == 2
    assert window.stack.currentWidget() is window.splitter
    assert "Canton Fair 2026 Autumn" in all_tags()
    assert window.customer_list.current_id() is not None
    monkeypatch.setattr(import_wizard, "confirm", lambda *args: True)
    with qtbot.waitSignal(window.book_changed, timeout=10_000):
        wizard.summary_page.undo_button.click()
    assert customer_count() == 0 and window.customer_list.model.rowCount() == 0
    assert window.stack.currentWidget() is window.first_run


def test_the_history_action_opens_the_history_and_its_undo_refreshes_the_window(qtbot, window, fair, clock,
                                                                             monkeypatch):
    from trade_crm.exchange.importing.importer import ImportOptions, build_plan, commit_import

    commit_import(build_plan(fair, ImportOptions()), clock)
    window.import_controller.on_book_changed()
    assert window.customer_list.model.rowCount() == 2
    window.import_controller.history_action.trigger()
    dialog = window.import_controller.history_dialog
    assert isinstance(dialog, ImportHistoryDialog) and dialog.table.rowCount() == 1
    monkeypatch.setattr("trade_crm.ui.import_export.history_dialog.confirm", lambda *args: True)
    with qtbot.waitSignal(window.book_changed, timeout=10_000):
        dialog.undo_button.click()
    assert window.customer_list.model.rowCount() == 0
