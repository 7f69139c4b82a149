"""`trade-crm --db postgresql://…`: the same commands on a book on a real PostgreSQL server."""

from __future__ import annotations

from tests.helpers import cli, cli_json
from tests.postgres_server import OWNER_PASSWORD


def test_customer_add_and_list_on_a_server_book(pg_url, capsys, monkeypatch):
    monkeypatch.setenv("PGPASSWORD", OWNER_PASSWORD)
    added = cli_json(capsys, "--db", pg_url, "customer", "add", "--name", "Acme Trading GmbH",
                     "--country", "德国", "--email", "buyer@acme.de", "--phone", "0171 2345678")
    code, out, err = cli(capsys, "--db", pg_url, "log", str(added["id"]), "--kind", "call",
                         "--summary", "Price agreed", "--follow-up", "2026-12-01")
    assert code == 0, err
    shown = cli_json(capsys, "--db", pg_url, "customer", "show", str(added["id"]))
    customer = shown["customer"]
    assert (customer["country"], customer["follow_up_on"]) == ("DE", "2026-12-01")
    assert any(ch["value"] == "+491712345678" for ch in customer["contacts"][0]["channels"])
    assert [entry["summary"] for entry in shown["timeline"]] == ["Price agreed"]
    listed = cli_json(capsys, "--db", pg_url, "customer", "list")
    assert (listed["count"], [c["name"] for c in listed["results"]]) == (1, ["Acme Trading GmbH"])


def test_wrong_password_is_one_line_and_exit_1(pg_url, capsys, monkeypatch):
    monkeypatch.setenv("PGPASSWORD", "wrong-one")
    code, out, err = cli(capsys, "--db", pg_url, "customer", "list")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "refused the password for crm_owner" in err
    assert "wrong-one" not in err and "Traceback" not in err


def test_backup_of_a_server_book_points_at_the_server(pg_url, capsys):
    code, _, err = cli(capsys, "--db", pg_url, "backup", "--to", "/tmp")
    assert code == 1 and "pg_dump" in err
