"""`trade-crm duplicates`, `not-duplicate`, `merge`, `merge undo` and `merge history`, in-process."""

from __future__ import annotations

from tests.helpers import cli, cli_json


def add(capsys, db: str, *argv: str) -> int:
    code, out, err = cli(capsys, "customer", "add", "--db", db, *argv)
    assert code == 0, err
    return int(out)


def book(capsys, db_path) -> tuple[str, int, int, int]:
    db = str(db_path)
    a = add(capsys, db, "--name", "Acme Trading GmbH", "--country", "DE", "--city", "Hamburg",
            "--contact", "Hans Müller", "--email", "hans@acme.de", "--tag", "vip")
    b = add(capsys, db, "--name", "ACME Trading", "--country", "DE", "--contact", "Anna Schmidt",
            "--email", "hans@acme.de", "--tag", "fair")
    c = add(capsys, db, "--name", "Zeta Imports", "--country", "BR")
    return db, a, b, c


def test_duplicates_lists_the_group_with_its_reason_and_score(capsys, db_path):
    db, a, b, _ = book(capsys, db_path)
    data = cli_json(capsys, "duplicates", "--db", db)
    assert data["customers"] == 3 and data["count"] == 1
    (group,) = data["groups"]
    assert [m["id"] for m in group["members"]] == [a, b]
    assert group["reason"] == {"rule": "email", "value": "hans@acme.de", "similarity": 100.0}
    assert group["score"] == 100
    code, out, _ = cli(capsys, "duplicates", "--db", db)
    assert code == 0 and "same email hans@acme.de" in out and f"trade-crm merge {a} {b}" in out


def test_merge_then_undo_from_the_command_line(capsys, db_path):
    db, a, b, _ = book(capsys, db_path)
    before = cli_json(capsys, "customer", "show", str(b), "--db", db)
    code, out, err = cli(capsys, "merge", str(a), str(b), "--db", db, "--dry-run")
    assert code == 0, err
    assert "Would merge" in out and "Nothing was written" in out
    result = cli_json(capsys, "merge", str(a), str(b), "--take", f"name={b}", "--db", db)
    assert result["kept_id"] == a and result["merged_ids"] == [b]
    kept = cli_json(capsys, "customer", "show", str(a), "--db", db)["customer"]
    assert kept["name"] == "ACME Trading" and kept["tags"] == ["fair", "vip"]
    assert {c["name"] for c in kept["contacts"]} == {"Hans Müller", "Anna Schmidt"}
    assert cli(capsys, "customer", "show", str(b), "--db", db)[0] == 1
    history = cli_json(capsys, "merge", "history", "--db", db)["merges"]
    assert history[0]["id"] == result["merge_id"] and history[0]["undone_at"] is None
    code, out, err = cli(capsys, "merge", "undo", str(result["merge_id"]), "--db", db)
    assert code == 0, err
    assert "undone" in out
    assert cli_json(capsys, "customer", "show", str(b), "--db", db) == before
    code, _, err = cli(capsys, "merge", "undo", str(result["merge_id"]), "--db", db)
    assert code == 1 and "already undone" in err


def test_not_duplicate_hides_the_group(capsys, db_path):
    db, a, b, _ = book(capsys, db_path)
    assert cli_json(capsys, "not-duplicate", str(a), str(b), "--db", db)["marked"] == [[a, b]]
    assert cli_json(capsys, "duplicates", "--db", db)["count"] == 0
    assert "No probable duplicates" in cli(capsys, "duplicates", "--db", db)[1]
    cli_json(capsys, "not-duplicate", str(b), str(a), "--undo", "--db", db)
    assert cli_json(capsys, "duplicates", "--db", db)["count"] == 1


def test_bad_merge_arguments_are_one_line_errors(capsys, db_path):
    db, a, b, _ = book(capsys, db_path)
    for argv, code, text in [((str(a),), 2, "at least one"), ((str(a), "x"), 2, "not a customer id"),
                             ((str(a), str(a)), 2, "into itself"), ((str(a), "999"), 1, "no customer"),
                             ((str(a), str(b), "--take", "name"), 2, "--take"),
                             ((str(a), str(b), "--take", "colour=1"), 2, "colour"),
                             (("undo",), 2, "MERGE_ID"), (("undo", "77"), 1, "no merge")]:
        got, out, err = cli(capsys, "merge", *argv, "--db", db)
        assert (got, out) == (code, ""), argv
        assert text in err and err.count("\n") == 1, err
