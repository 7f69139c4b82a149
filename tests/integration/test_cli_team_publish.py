"""`trade-crm team publish --to postgresql://…`: a laptop book copied to a real server, once, with a progress bar."""

from __future__ import annotations

import io

from tests.helpers import cli, cli_json
from tests.postgres_server import OWNER, OWNER_PASSWORD
from trade_crm.cli.commands.team_publish import ProgressBar


def _book_with_customers(capsys, path) -> None:
    for name in ("Acme Trading GmbH", "深圳市华强电子有限公司"):
        code, _, err = cli(capsys, "--db", str(path), "customer", "add", "--name", name, "--email",
                           f"buyer{len(name)}@example.com")
        assert code == 0, err


def test_publish_copies_the_book_and_a_second_run_creates_nothing(tmp_path, pg_url, capsys, monkeypatch):
    monkeypatch.setenv("PGPASSWORD", OWNER_PASSWORD)
    book = tmp_path / "laptop.db"
    _book_with_customers(capsys, book)

    first = cli_json(capsys, "--db", str(book), "team", "publish", "--to", pg_url)
    second = cli_json(capsys, "--db", str(book), "team", "publish", "--to", pg_url)

    tables = {t["table"]: t for t in first["tables"]}
    assert (first["owner"], tables["customer"]["created"], tables["contact"]["created"]) == (OWNER, 2, 2)
    assert {t["table"]: t["created"] for t in second["tables"]}["customer"] == 0
    assert second["origin"] == first["origin"]
    listed = cli_json(capsys, "--db", pg_url, "search", "华强")
    assert [c["name"] for c in listed["results"]] == ["深圳市华强电子有限公司"]


def test_publish_prints_a_table_of_what_it_did(tmp_path, pg_url, capsys, monkeypatch):
    monkeypatch.setenv("PGPASSWORD", OWNER_PASSWORD)
    book = tmp_path / "laptop.db"
    _book_with_customers(capsys, book)

    code, out, err = cli(capsys, "--db", str(book), "team", "publish", "--to", pg_url)

    assert code == 0, err
    assert out.startswith(f"Published this book to {pg_url} as {OWNER}")
    assert any(line.split()[:2] == ["customers", "2"] for line in out.splitlines())


def test_a_wrong_password_is_one_line_and_nothing_is_published(tmp_path, pg_url, capsys, monkeypatch):
    monkeypatch.setenv("PGPASSWORD", "wrong-one")
    book = tmp_path / "laptop.db"
    _book_with_customers(capsys, book)

    code, out, err = cli(capsys, "--db", str(book), "team", "publish", "--to", pg_url)

    assert code == 1 and out == "" and err.count("\n") == 1
    assert "refused the password" in err and "Traceback" not in err


def test_publish_refuses_a_target_that_is_not_a_server_url(tmp_path, capsys):
    code, _, err = cli(capsys, "--db", str(tmp_path / "laptop.db"), "team", "publish", "--to", "/tmp/other.db")
    assert code == 2 and "postgresql://user@host:port/dbname" in err


def test_the_progress_bar_redraws_one_line_and_clears_it():
    stream = io.StringIO()
    bar = ProgressBar(stream)
    bar("customer", 0, 200)
    bar("customer", 100, 200)
    bar("customer", 100, 200)  # the same line is not drawn again
    bar("interaction", 200, 200)
    bar.close()

    frames = stream.getvalue().split("\r")
    assert frames[1].startswith("publishing customers") and frames[1].endswith("0/200")
    assert "[" + "#" * 15 + "." * 15 + "]" in frames[2]
    assert frames[3].startswith("publishing timeline") and frames[3].rstrip().endswith("200/200")
    assert len(frames) == 6 and frames[4].strip() == "" and frames[5] == ""
