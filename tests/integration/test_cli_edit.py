"""`trade-crm customer edit ID --version N`: an edit that names the version it read is refused, field by
field, when someone saved over that version since; one line and exit code 3, --json the fields."""

from __future__ import annotations

import json

import pytest

from tests.helpers import cli, cli_json
from tests.postgres_server import OWNER_PASSWORD
from trade_crm.cli.base import EXIT_CONFLICT


@pytest.fixture(params=["sqlite", "postgresql"])
def book_arg(request, monkeypatch):
    """The --db of an empty book on each engine."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("db_path"))
    monkeypatch.setenv("PGPASSWORD", OWNER_PASSWORD)
    return request.getfixturevalue("pg_url")


def _add(capsys, book_arg) -> int:
    return cli_json(capsys, "--db", book_arg, "customer", "add", "--name", "Acme", "--city", "Hamburg",
                    "--rating", "B")["id"]


def test_edit_with_the_current_version_saves_and_moves_the_version(capsys, book_arg):
    cid = _add(capsys, book_arg)
    code, out, err = cli(capsys, "--db", book_arg, "customer", "edit", str(cid), "--version", "1", "--city", "Kiel")
    assert (code, out.strip(), err) == (0, f"customer {cid} saved, now version 2", "")
    shown = cli_json(capsys, "--db", book_arg, "customer", "show", str(cid))["customer"]
    assert (shown["city"], shown["rating"], shown["version"]) == ("Kiel", "B", 2)


def test_edit_over_a_newer_save_is_one_line_exit_3_and_changes_nothing(capsys, book_arg):
    cid = _add(capsys, book_arg)
    cli_json(capsys, "--db", book_arg, "customer", "edit", str(cid), "--version", "1", "--city", "Bremen")
    code, out, err = cli(capsys, "--db", book_arg, "customer", "edit", str(cid), "--version", "1",
                         "--city", "Kiel", "--name", "Acme")
    assert code == EXIT_CONFLICT == 3 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert 'city is "Bremen" there, you gave "Kiel"' in err and "--version 2" in err
    shown = cli_json(capsys, "--db", book_arg, "customer", "show", str(cid))["customer"]
    assert (shown["city"], shown["version"]) == ("Bremen", 2)


def test_edit_conflict_json_lists_each_field(capsys, book_arg):
    cid = _add(capsys, book_arg)
    cli_json(capsys, "--db", book_arg, "customer", "edit", str(cid), "--city", "Bremen", "--rating", "C")
    code, out, err = cli(capsys, "--db", book_arg, "customer", "edit", str(cid), "--version", "1",
                         "--city", "Kiel", "--rating", "C", "--json")
    assert code == 3 and err.startswith("trade-crm: error: customer")
    conflict = json.loads(out)["conflict"]
    assert (conflict["customer_id"], conflict["your_version"], conflict["stored_version"]) == (cid, 1, 2)
    assert [(f["field"], f["mine"], f["theirs"], f["base_known"]) for f in conflict["fields"]] == [
        ("city", "Kiel", "Bremen", False)]  # the rating both gave is no conflict


def test_edit_without_anything_to_change_is_a_usage_error(capsys, db_path):
    cid = _add(capsys, str(db_path))
    code, _, err = cli(capsys, "--db", str(db_path), "customer", "edit", str(cid), "--version", "1")
    assert code == 2 and "say what to change" in err


def test_edit_of_a_missing_customer_is_exit_1(capsys, db_path):
    _add(capsys, str(db_path))
    code, _, err = cli(capsys, "--db", str(db_path), "customer", "edit", "99", "--version", "1", "--city", "Kiel")
    assert code == 1 and "no customer with id 99" in err
