"""File › Publish this book to a team server…: the dialog, the worker with its progress, the summary."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox

from tests.postgres_server import OWNER, OWNER_PASSWORD
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.store.postgres import open_postgres
from trade_crm.ui.shell.main_window import MainWindow
from trade_crm.ui.team.publish_dialog import (
    LAST_URL_KEY,
    SERVER_URL_KEY,
    PublishDialog,
    install_publish_action,
)


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, db, db_path, clock, settings):
    create_customer(clock, name="Acme Trading GmbH", country="DE",
                    contacts=[ContactInput(name="Anna Schmidt", emails=("anna@acme.de",))])
    create_customer(clock, name="深圳市华强电子有限公司", country="CN")
    main = MainWindow(clock, db_path, settings)
    qtbot.addWidget(main)
    install_publish_action(main, clock, settings)
    return main


def server_names(url: str) -> list[str]:
    server = open_postgres(url, password=OWNER_PASSWORD, bind=False)
    try:
        return [r[0] for r in server.execute_sql("SELECT name FROM customer ORDER BY id")]
    finally:
        server.close()


def test_the_file_menu_offers_publishing(window):
    texts = [a.text() for a in window.actions.file_menu.actions()]
    assert "&Publish this book to a team server…" in texts


def test_publishing_runs_in_a_worker_with_progress_and_shows_the_summary(qtbot, window, pg_url, settings):
    controller = window.publish_controller
    seen = []
    job = controller.start(pg_url, OWNER_PASSWORD)
    job.progressed.connect(lambda done, total, table: seen.append((table, done, total)))
    with qtbot.waitSignal(job.done, timeout=30_000):
        pass

    assert server_names(pg_url) == ["Acme Trading GmbH", "深圳市华强电子有限公司"]
    assert ("customer", 2, 2) in seen and ("search", 2, 2) in seen
    dialog = controller.summary_dialog
    assert dialog is not None and dialog.isVisible()
    rows = {dialog.table.verticalHeaderItem(r).text(): dialog.table.item(r, 0).text()
            for r in range(dialog.table.rowCount())}
    assert rows["Customers"] == "2" and rows["Contacts"] == "1"
    assert f"as {OWNER}" in dialog.headline.text()
    assert settings.value(LAST_URL_KEY) == pg_url
    assert controller.action.isEnabled() and controller.progress_dialog is None


def test_a_wrong_password_is_one_line_in_a_message_and_nothing_is_published(qtbot, window, pg_url, monkeypatch):
    shown = []
    monkeypatch.setattr(window, "show_error", shown.append)
    job = window.publish_controller.start(pg_url, "wrong-password")
    with qtbot.waitSignal(job.done, timeout=30_000):
        pass

    assert len(shown) == 1 and "refused the password" in shown[0] and "\n" not in shown[0]
    assert server_names(pg_url) == []


def test_cancel_leaves_the_server_as_it_was(qtbot, window, pg_url):
    controller = window.publish_controller
    job = controller.start(pg_url, OWNER_PASSWORD)
    job.progressed.connect(lambda done, total, table: job.cancel() if table == "contact" else None)
    with qtbot.waitSignal(job.cancelled, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: not job.is_running)

    assert server_names(pg_url) == []
    assert "cancelled" in window.statusBar().currentMessage()


def test_the_dialog_offers_the_server_saved_by_connect_and_then_the_last_one_published_to(window, settings):
    controller = window.publish_controller
    assert controller.saved_url() == ""
    settings.setValue(SERVER_URL_KEY, "postgresql://ann@crm.example.com/trade_book")
    assert controller.saved_url() == "postgresql://ann@crm.example.com/trade_book"
    settings.setValue(LAST_URL_KEY, "postgresql://ann@other.example.com/book")
    assert controller.saved_url() == "postgresql://ann@other.example.com/book"


def test_the_dialog_refuses_an_address_that_is_not_a_server_book(qtbot):
    dialog = PublishDialog("crm.example.com")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    assert dialog.isVisible() and not dialog.error_label.isHidden()
    assert "postgresql://" in dialog.error_label.text()


def test_a_window_open_on_the_server_does_not_publish_it_to_itself(window, monkeypatch):
    shown = []
    monkeypatch.setattr(window, "show_error", shown.append)
    window.server_url = "postgresql://ann@crm.example.com/trade_book"
    window.publish_controller.action.trigger()

    assert len(shown) == 1 and "team server already" in shown[0]
