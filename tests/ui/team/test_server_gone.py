"""In the window: a team server that stops answering during a write is one line, and the window carries on."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt

from tests.postgres_server import SHARED
from trade_crm.app import install_server_gone_hook
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import timeline
from trade_crm.store.errors import ServerGoneError
from trade_crm.ui.common.workers import EXPECTED_FAILURES
from trade_crm.ui.customers.timeline_view import TimelineView


def test_a_quick_log_while_the_server_is_gone_is_one_line_then_the_next_one_is_saved(qtbot, pg_db, postgres_server,
                                                                                     clock, monkeypatch):
    customer_id = create_customer(clock, name="Acme Ltd", country="GB")
    view = TimelineView(clock)
    qtbot.addWidget(view)
    view.show_customer(customer_id)
    pid = pg_db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    fired = []

    def kill_after_the_insert(event) -> None:  # the server goes away in the middle of the write
        if not fired and event.sql.startswith('INSERT INTO "interaction"'):
            fired.append(True)
            postgres_server.execute(f"SELECT pg_terminate_backend({pid})")
    pg_db.query_hooks.append(kill_after_the_insert)
    said, reported = [], []
    monkeypatch.setattr(sys, "excepthook", lambda *exc_info: reported.append(exc_info))
    uninstall = install_server_gone_hook(say=lambda: said.append(True))
    try:
        view.summary_edit.setText("price for 2,000 pcs")
        with qtbot.capture_exceptions() as raised:
            qtbot.keyClick(view.summary_edit, Qt.Key.Key_Return)
        assert [type(exc) for _type, exc, _tb in raised] == [ServerGoneError]
        sys.excepthook(*raised[0])  # what PySide6 does with an exception that leaves a slot
        assert said == [True] and reported == []  # one line, no crash report
        sys.excepthook(ValueError, ValueError("a bug"), None)
        assert len(reported) == 1  # anything else is still a crash report
    finally:
        uninstall()
        pg_db.query_hooks.clear()
    with postgres_server.admin(SHARED) as conn:
        assert conn.execute("SELECT count(*) FROM interaction").fetchone()[0] == 0
    assert view.summary_edit.text() == "price for 2,000 pcs"  # the text is kept to try again
    qtbot.keyClick(view.summary_edit, Qt.Key.Key_Return)
    assert [entry.summary for entry in timeline(customer_id)] == ["price for 2,000 pcs"]


def test_a_job_that_finds_the_server_gone_fails_as_expected_with_its_one_line():
    assert issubclass(ServerGoneError, EXPECTED_FAILURES)
    assert str(ServerGoneError()) == "the team server stopped answering; nothing was saved"
