"""`trade-crm team sync`: the outbox to the server, then this computer's copy, with --json."""

from __future__ import annotations

from tests.helpers import cli, cli_json
from tests.postgres_server import OWNER, OWNER_PASSWORD, SHARED
from trade_crm.domain.team.offline import open_copy_as_book
from trade_crm.domain.team.outbox import queue_interaction
from trade_crm.store.db import close_database


def test_team_sync_sends_the_outbox_once_and_refreshes_the_copy(pg_url, postgres_server, tmp_path, capsys,
                                                                monkeypatch, clock):
    monkeypatch.setenv("PGPASSWORD", OWNER_PASSWORD)
    book = tmp_path / "trade-crm.db"
    monkeypatch.setenv("TRADE_CRM_DB", str(book))
    added = cli_json(capsys, "--db", pg_url, "customer", "add", "--name", "Acme Trading GmbH", "--country", "DE")
    postgres_server.execute(f"UPDATE customer SET owner = '{OWNER}'", SHARED)
    first = cli_json(capsys, "--db", pg_url, "team", "sync")
    assert (first["refresh"]["customers"], first["outbox"]["applied"]) == (1, 0)
    copy = open_copy_as_book(book, pg_url)  # on the trip: a call logged offline
    queue_interaction(added["id"], "call", "ordered 500 pcs", clock)
    close_database(copy)
    code, out, err = cli(capsys, "--db", pg_url, "team", "sync")
    assert code == 0, err
    assert out.startswith("Sent 1 queued entry to the server\nCopy on this computer: 1 customers, 1 timeline")
    again = cli_json(capsys, "--db", pg_url, "team", "sync")
    assert (again["outbox"]["applied"], again["outbox"]["already"], again["outbox"]["pending"]) == (0, 0, 0)
    shown = cli_json(capsys, "--db", pg_url, "customer", "show", str(added["id"]))
    assert [entry["summary"] for entry in shown["timeline"]] == ["ordered 500 pcs"]


def test_team_sync_on_a_laptop_book_is_one_line(db_path, capsys):
    code, out, err = cli(capsys, "--db", str(db_path), "team", "sync")
    assert code == 1 and out == "" and err.count("\n") == 1 and "team server" in err
