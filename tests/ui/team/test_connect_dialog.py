"""Settings › Data › Connect to a team server…, against the tests' real PostgreSQL server."""

from __future__ import annotations

import re

import pytest
from peewee import SqliteDatabase
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QPushButton

from tests.helpers import MemoryKeyring
from tests.postgres_server import OWNER, OWNER_PASSWORD
from trade_crm.app import BookChoice, OpenedBook, choose_book, open_chosen_book
from trade_crm.domain.team.connect import login_of
from trade_crm.keystore import KeyStore
from trade_crm.store.db import close_database
from trade_crm.store.models import database
from trade_crm.ui.shell.main_window import MainWindow
from trade_crm.ui.shell.settings_dialog import SERVER_URL, SettingsDialog
from trade_crm.ui.team.book_label import show_open_book
from trade_crm.ui.team.connect_dialog import ConnectDialog
from trade_crm.ui.team.server_box import TeamServerBox


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def fill_form(dialog: ConnectDialog, url: str, password: str) -> None:
    login = login_of(url)
    dialog.host_edit.setText(login.host)
    dialog.port_spin.setValue(login.port)
    dialog.database_edit.setText(login.database)
    dialog.user_edit.setText(login.user)
    dialog.password_edit.setText(password)


def make_dialog(qtbot, **kwargs) -> ConnectDialog:
    dialog = ConnectDialog(**kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_test_connection_shows_the_servers_answer_in_one_line(qtbot, pg_book_url):
    dialog = make_dialog(qtbot, keystore=KeyStore(MemoryKeyring()))
    fill_form(dialog, pg_book_url, OWNER_PASSWORD)
    with qtbot.waitSignal(dialog.checked, timeout=10_000) as signal:
        dialog.test_button.click()
    assert signal.args[0] is True
    assert "the book is ready" in dialog.result_label.text()
    assert dialog.test_button.isEnabled()


def test_a_wrong_password_is_one_line_in_the_dialog(qtbot, pg_book_url):
    dialog = make_dialog(qtbot, keystore=KeyStore(MemoryKeyring()))
    fill_form(dialog, pg_book_url, "wrong")
    with qtbot.waitSignal(dialog.checked, timeout=10_000) as signal:
        dialog.connect_button.click()
    assert signal.args[0] is False
    text = dialog.result_label.text()
    assert "refused the password" in text and "\n" not in text and "Traceback" not in text
    assert dialog.isVisible() and dialog.chosen_url is None


def test_an_unreachable_server_is_one_line_in_the_dialog(qtbot):
    dialog = make_dialog(qtbot, keystore=KeyStore(MemoryKeyring()))
    fill_form(dialog, "postgresql://ann@127.0.0.1:9/trade_book", "x")
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        dialog.test_button.click()
    assert dialog.result_label.text().startswith("cannot reach the PostgreSQL server at 127.0.0.1:9")


def test_an_empty_field_is_named_without_connecting(qtbot):
    dialog = make_dialog(qtbot)
    dialog.user_edit.setText("ann")
    assert dialog.on_test_button_clicked() is None
    assert dialog.result_label.text().startswith("Server:")


def test_connect_keeps_the_password_in_the_keyring_and_the_url_in_the_settings(qtbot, settings, db, db_path, clock,
                                                                              pg_book_url):
    backend = MemoryKeyring()
    dialog = SettingsDialog(settings, db_path=db_path, zone=clock.zone, keystore=KeyStore(backend))
    qtbot.addWidget(dialog)
    connect = dialog.team_box.open_connect_dialog()
    fill_form(connect, pg_book_url, OWNER_PASSWORD)
    with qtbot.waitSignal(dialog.book_switch_requested, timeout=10_000) as signal:
        connect.connect_button.click()
    assert signal.args == [pg_book_url]
    assert SERVER_URL.read(settings) == pg_book_url
    assert list(backend.items.values()) == [OWNER_PASSWORD]
    assert OWNER_PASSWORD not in (db_path.parent / "settings.ini").read_text()



def test_use_the_book_on_this_computer_clears_the_server(qtbot, settings, db, db_path, clock, pg_book_url):
    SERVER_URL.write(settings, pg_book_url)
    dialog = SettingsDialog(settings, db_path=db_path, zone=clock.zone, server_url=pg_book_url)
    qtbot.addWidget(dialog)
    assert login_of(pg_book_url).label in dialog.team_box.open_label.text()
    connect = dialog.team_box.open_connect_dialog()
    assert connect.host_edit.text() == "127.0.0.1" and connect.user_edit.text() == OWNER
    with qtbot.waitSignal(dialog.book_switch_requested) as signal:
        connect.local_button.click()
    assert signal.args == [""]
    assert SERVER_URL.read(settings) == ""


def test_the_app_opens_the_book_the_setting_names_and_the_window_says_which(qtbot, settings, tmp_path, clock,
                                                                           pg_book_url, monkeypatch):
    monkeypatch.setenv("PGPASSWORD", OWNER_PASSWORD)  # the null keyring keeps nothing: libpq's own then serves
    SERVER_URL.write(settings, pg_book_url)
    choice = choose_book(None, settings)
    assert choice.server_url == pg_book_url
    assert choose_book(tmp_path / "other.db", settings) == BookChoice(tmp_path / "other.db")
    assert choose_book(pg_book_url, QSettings(str(tmp_path / "none.ini"), QSettings.Format.IniFormat)).server_url
    local = tmp_path / "laptop.db"
    book = open_chosen_book(BookChoice(local, pg_book_url), clock, ask=pytest.fail)
    opened, url = book.database, book.server_url
    try:
        assert url == pg_book_url and not book.offline
        assert opened.engine == "postgresql" and database.obj is opened
        assert not local.exists()
        window = MainWindow(clock, local, settings)  # insights and reminders still speak SQLite (other work)
        qtbot.addWidget(window)
        label = show_open_book(window, login_of(url).label)
        assert window.windowTitle() == f"{OWNER} @ 127.0.0.1:{login_of(url).port} / {login_of(url).database}"
        assert label.text() == window.windowTitle()
        assert window.statusBar().findChild(QLabel, "open_book_label") is label
    finally:
        close_database(opened)


def test_a_refused_server_at_start_is_one_line_then_this_computers_book(settings, tmp_path, clock, pg_book_url):
    asked: list[str] = []
    local = tmp_path / "laptop.db"
    book = open_chosen_book(BookChoice(local, pg_book_url), clock,
                            ask=lambda _url, reason: asked.append(reason) or True)
    opened, url = book.database, book.server_url
    try:
        assert url == "" and local.exists() and isinstance(opened, SqliteDatabase)
        assert len(asked) == 1 and "refused the password" in asked[0] and "\n" not in asked[0]
    finally:
        close_database(opened)


def test_quitting_after_a_refused_server_opens_nothing(tmp_path, clock):
    local = tmp_path / "laptop.db"
    assert open_chosen_book(BookChoice(local, "postgresql://ann@127.0.0.1:9/book"), clock,
                            ask=lambda _url, _reason: False) == OpenedBook(None)
    assert not local.exists()


def test_the_chinese_dialog_and_box_have_no_untranslated_string(qtbot, chinese):
    dialog = make_dialog(qtbot, current_url="postgresql://ann@crm.example.com/trade_book")
    box = TeamServerBox("postgresql://ann@crm.example.com/trade_book")
    qtbot.addWidget(box)
    texts = [dialog.windowTitle(), dialog.password_edit.placeholderText(), box.title()]
    texts += [w.text() for w in dialog.findChildren(QPushButton) + box.findChildren(QPushButton)]
    texts += [w.text() for w in dialog.findChildren(QLabel) + box.findChildren(QLabel) if w.text()]
    texts = [t.replace("ann @ crm.example.com / trade_book", "").replace("Trade CRM", "") for t in texts]
    english = [t for t in texts if re.search(r"[A-Za-z]{3,}", t)]
    assert english == []
