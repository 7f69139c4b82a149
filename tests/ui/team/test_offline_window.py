"""The window on a trip: the laptop's copy opens when the server cannot be reached, says so, takes new
timeline entries (marked as queued) and refuses the rest in one line; online, the copy refreshes itself."""

from __future__ import annotations

import shutil
import sys

import pytest
from peewee import IntegrityError
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from tests.postgres_server import MANAGER, MANAGER_PASSWORD, OWNER_PASSWORD, SHARED
from trade_crm.app import BookChoice, install_server_gone_hook, open_chosen_book, run_gui
from trade_crm.domain.customers.records import create_customer, update_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.domain.team.offline import copy_state, sync
from trade_crm.store.db import close_database
from trade_crm.store.errors import ServerGoneError
from trade_crm.store.models import database
from trade_crm.store.postgres import open_postgres
from trade_crm.store.trip_copy import copy_path
from trade_crm.ui.shell.main_window import MainWindow
from trade_crm.ui.team.offline import CopySync, install_offline_mode, install_server_watch

DEAD_URL = "postgresql://crm_owner@127.0.0.1:9/book_shared"  # nothing listens on port 9


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def trip(pg_db, postgres_server, tmp_path, clock):
    """A laptop book path whose copy (made from the real server) stands for a server that is now unreachable."""
    customer_id = create_customer(clock, name="Müller Haustechnik GmbH", country="DE")
    log_interaction(customer_id, "call", "wants 2,000 valves by March", clock)
    postgres_server.execute(f"UPDATE customer SET owner = '{MANAGER}'", SHARED)  # pg_db's login: the user
    book = tmp_path / "trade-crm.db"
    sync(book, pg_db.database, clock)
    shutil.copy(copy_path(book, pg_db.database), copy_path(book, DEAD_URL))
    yield book, customer_id
    database.initialize(pg_db)


def test_an_unreachable_server_opens_the_copy_for_trips_without_asking(trip, clock):
    book, customer_id = trip
    opened = open_chosen_book(BookChoice(book, DEAD_URL), clock, ask=pytest.fail)
    try:
        assert opened.offline and opened.server_url == DEAD_URL
        assert database.obj is opened.database and not book.exists()  # the laptop's own book stays as it was
    finally:
        close_database(opened.database)


def test_the_offline_window_says_so_marks_what_is_queued_and_refuses_the_rest_in_one_line(
        qtbot, trip, clock, settings, monkeypatch):
    book, customer_id = trip
    opened = open_chosen_book(BookChoice(book, DEAD_URL), clock, ask=pytest.fail)
    try:
        window = MainWindow(clock, book, settings)
        qtbot.addWidget(window)
        banner = install_offline_mode(window, copy_state(copy_path(book, DEAD_URL)).synced_at, clock.zone)
        window.show()
        assert banner.text_label.text() == ("Offline: showing your customers as of 2026-11-23 09:30; "
                                            "what you log is queued.")
        window.customer_list.select_customer(customer_id)
        qtbot.waitUntil(lambda: window.timeline.customer_id() == customer_id)
        assert not window.actions.edit_customer.isEnabled() and not window.actions.delete.isEnabled()
        assert window.actions.log_interaction.isEnabled() and window.actions.new_customer.isEnabled()
        assert window.timeline.header_card.edit_button.isHidden()
        window.timeline.summary_edit.setText("met at the fair")
        qtbot.keyClick(window.timeline.summary_edit, Qt.Key.Key_Return)
        assert banner.queued_label.text().startswith("Queued: 1 timeline entr")  # plural forms: trade_crm_en.ts
        marks = {window.timeline.entries.topLevelItem(i).text(2): window.timeline.entries.topLevelItem(i).text(4)
                 for i in range(window.timeline.entries.topLevelItemCount())}
        assert marks["met at the fair"] == "Queued" and marks["wants 2,000 valves by March"] == ""
        new_id = create_customer(clock, name="Al Noor Trading LLC", country="AE")  # as the New customer dialog does
        window.on_customer_dialog_customer_saved(new_id)
        assert banner.queued_label.text().startswith("Queued: 1 new customer")
        model = window.customer_list.model
        names = {model.index(r, 0).data() for r in range(model.rowCount())}
        assert names == {"Müller Haustechnik GmbH", "Al Noor Trading LLC (queued)"}
        said: list[str] = []
        monkeypatch.setattr(sys, "excepthook", lambda *exc_info: said.append("crash"))
        uninstall = install_server_gone_hook(say=lambda: said.append("gone"), say_offline=lambda: said.append("ro"))
        try:
            with pytest.raises(IntegrityError) as caught:
                update_customer(customer_id, clock, name="Renamed")
            sys.excepthook(IntegrityError, caught.value, None)  # as a slot's exception reaches it
        finally:
            uninstall()
        assert said == ["ro"]
    finally:
        close_database(opened.database)


def test_online_the_copy_refreshes_in_the_background(qtbot, pg_db, postgres_server, tmp_path, clock, monkeypatch):
    monkeypatch.setenv("PGPASSWORD", MANAGER_PASSWORD)  # pg_db's login: the user
    create_customer(clock, name="Acme Ltd", country="GB")
    postgres_server.execute(f"UPDATE customer SET owner = '{MANAGER}'", SHARED)
    book = tmp_path / "trade-crm.db"
    said: list[str] = []
    syncer = CopySync(book, pg_db.database, clock, say=said.append)
    with qtbot.waitSignal(syncer.synced, timeout=20_000) as signal:
        syncer.run()
    assert signal.args[0].refresh.customers == 1
    assert copy_state(copy_path(book, pg_db.database)).synced_at == clock.now()
    assert said == []  # nothing was queued, nothing to say


def test_a_server_that_went_away_for_good_is_a_line_in_the_status_bar_not_a_crash(qtbot, postgres_server,
                                                                                   pg_book_url, tmp_path, clock):
    gone = open_postgres(pg_book_url, password=OWNER_PASSWORD)
    try:
        postgres_server.drop_database(pg_book_url.rsplit("/", 1)[1])  # its backend goes with it, for good
        said: list[str] = []
        window = QMainWindow()
        qtbot.addWidget(window)
        window.switch_book = lambda: said.append("restart")
        syncer = CopySync(tmp_path / "trade-crm.db", pg_book_url, clock, say=said.append)
        down = install_server_watch(window, syncer)
        window.show()
        with qtbot.waitSignal(syncer.sync_failed, timeout=20_000):
            syncer.run()
        assert said == ["The copy for trips was not refreshed: the team server stopped answering; nothing was saved"]
        assert window.server_down_bar.isVisible() and "is not answering" in down.text_label.text()
        down.offline_button.click()  # the app starts again: the copy opens if the server still does not answer
        assert said[-1] == "restart"
        with pytest.raises(ServerGoneError):
            create_customer(clock, name="Acme Ltd")  # the window's own writes: one line (install_server_gone_hook)
    finally:
        close_database(gone)


def test_run_gui_on_an_unreachable_server_runs_the_window_on_the_copy(qapp, trip, monkeypatch):
    book, _customer_id = trip
    monkeypatch.setenv("TRADE_CRM_DB", str(book))
    monkeypatch.setattr("trade_crm.app.ask_after_server_failure", lambda *_a: pytest.fail("asked"))
    seen: list[str] = []

    def run_window(app) -> int:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen.append(window.windowTitle())
        seen.append(window.offline_banner.text_label.text())
        window.close()
        app.aboutToQuit.emit()  # as quitting does: the scheduler stops; nothing of this window runs later
        window.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", run_window)
    assert run_gui(DEAD_URL) == 0
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert seen[0] == "crm_owner @ 127.0.0.1:9 / book_shared (offline)"
    assert seen[1].startswith("Offline: showing your customers as of 2026-11-23 ")  # the system's zone


def test_run_gui_on_a_team_server_names_it_and_watches_it(qapp, pg_url, tmp_path, monkeypatch):
    monkeypatch.setenv("TRADE_CRM_DB", str(tmp_path / "trade-crm.db"))
    monkeypatch.setenv("PGPASSWORD", OWNER_PASSWORD)
    monkeypatch.setattr("trade_crm.app.ask_after_server_failure", lambda *_a: pytest.fail("asked"))
    seen: list[object] = []

    def run_window(app) -> int:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen.extend([window.windowTitle(), window.server_url, window.server_down_bar.isHidden()])
        window.close()
        app.aboutToQuit.emit()  # as quitting does: the scheduler stops; nothing of this window runs later
        window.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", run_window)
    assert run_gui(pg_url) == 0
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert seen == [f"crm_owner @ 127.0.0.1:{pg_url.split(':')[2].split('/')[0]} / book_shared", pg_url, True]
    assert not (tmp_path / "trade-crm.db").exists()  # the laptop's book is not opened (nor made)
