"""`trade-crm import FILE | history | undo BATCH_ID`, run in-process."""

import json
from datetime import timedelta

import pytest

from tests.helpers import cli
from trade_crm.cli import commands
from trade_crm.domain.clock import SystemClock, today


@pytest.fixture(autouse=True)
def import_command(monkeypatch):
    if "imports" not in commands.MODULES:  # until the command module is listed there
        monkeypatch.setattr(commands, "MODULES", (*commands.MODULES, "imports"))



@pytest.fixture
def fair(tmp_path):
    path = tmp_path / "fair.csv"
    path.write_text("Company,Contact,E-mail,Tel,Country,Booth\n"
                    "Beta GmbH,Bob,bob@beta.de,030 1234567,Germany,H5 A1\n"
                    "Beta GmbH,Bea,bea@beta.de,,Germany,\n"
                    "Gamma SA,Gus,gus at gamma,,France,\n"
                    ",,,,Spain,B7\n", encoding="utf-8")
    return path


def test_import_json_report_then_history_then_undo(capsys, db_path, fair):
    code, out, err = cli(capsys, "import", str(fair), "--db", str(db_path), "--source", "Canton Fair 2026 Autumn",
                         "--json")
    assert code == 0, err
    report = json.loads(out)
    assert {k: report[k] for k in ("batch", "created", "merged", "skipped", "contacts_created")} == {
        "batch": 1, "created": 2, "merged": 0, "skipped": 0, "contacts_created": 3}
    assert [(e["sheet"], e["row"], e["column"]) for e in report["errors"]] == [
        ("fair.csv", 4, "E-mail"), ("fair.csv", 5, "")]
    assert report["errors"][0]["message"] == '"gus at gamma" is not an email address; kept in the notes'
    assert report["row_outcomes"] == {"created": 2, "merged": 0, "joined": 1, "skipped": 0, "refused": 1, "ignored": 0}

    code, out, _ = cli(capsys, "import", "history", "--db", str(db_path), "--json")
    (batch,) = json.loads(out)["imports"]
    assert (batch["id"], batch["file_name"], batch["summary"]["created"]) == (1, "fair.csv", 2)

    code, out, _ = cli(capsys, "import", "undo", "1", "--db", str(db_path))
    assert code == 0 and "2 customers removed" in out
    code, out, _ = cli(capsys, "search", "--db", str(db_path), "--json")
    assert json.loads(out)["count"] == 0


def test_dry_run_prints_counts_and_problems_and_writes_nothing(capsys, db_path, fair, tmp_path):
    code, out, _ = cli(capsys, "import", str(fair), "--db", str(db_path), "--dry-run",
                       "--report", str(tmp_path / "fix.xlsx"))
    assert code == 0
    assert "new customers: 2" in out and "new contacts: 3" in out
    assert "fair.csv, row 5: this row has no company" in out
    assert "rows: 2 created, 1 joined, 1 refused (of 4 read)" in out
    assert "Nothing was written" in out and (tmp_path / "fix.xlsx").exists()
    code, out, _ = cli(capsys, "import", "history", "--db", str(db_path))
    assert out.strip() == "No imports yet."


def test_the_dry_run_lists_ignored_rows_and_alike_customers_kept_apart(capsys, db_path, tmp_path):
    path = tmp_path / "councils.csv"
    path.write_text("Company,Email,Website\nStadt Neustadt,info@neustadt.de,neustadt.de\n"
                    "Stadt Neustedt,info@neustedt.de,neustedt.de\nTotal,2,\n", encoding="utf-8")
    code, out, _ = cli(capsys, "import", str(path), "--db", str(db_path), "--dry-run", "--json")
    report = json.loads(out)
    assert (code, report["created"], report["rows"]) == (0, 2, 3)
    assert report["ignored_rows"] == [{"row": 4, "reason": 'a total row ("Total 2")'}]
    (pair,) = report["possible_duplicates"]
    assert (pair["row"], pair["other_row"], pair["customer_id"]) == (3, 2, None)
    code, out, _ = cli(capsys, "import", str(path), "--db", str(db_path), "--dry-run")
    assert "row 4: a total row" in out and "row 3: Stadt Neustedt ~ row 2 Stadt Neustadt" in out


def test_map_and_on_duplicate_options(capsys, db_path, fair):
    cli(capsys, "import", str(fair), "--db", str(db_path))
    code, out, err = cli(capsys, "import", str(fair), "--db", str(db_path), "--on-duplicate", "skip",
                         "--map", "Booth=custom:Stand", "--json")
    report = json.loads(out)
    assert (report["created"], report["skipped"]) == (0, 2)
    assert {"header": "Booth", "field": "custom", "custom_name": "Stand", "origin": "user"} in report["columns"]


def test_bad_input_is_one_line_and_the_database_is_unchanged(capsys, db_path, tmp_path, fair):
    bad = tmp_path / "list.xlsx"
    bad.write_text("Company\nAcme\n", encoding="utf-8")
    code, _, err = cli(capsys, "import", str(bad), "--db", str(db_path))
    assert code == 2  # the file must be fixed: exit 2, as the README says
    assert err.startswith("trade-crm: error: list.xlsx: the name ends in \".xlsx\" but the file is plain text")
    code, _, err = cli(capsys, "import", str(fair), "--db", str(db_path), "--map", "Nope=email")
    assert code == 2 and 'the file has no column "Nope"' in err
    code, _, err = cli(capsys, "import", "undo", "--db", str(db_path))
    assert code == 2 and "give the import to undo" in err
    code, _, err = cli(capsys, "import", "undo", "9", "--db", str(db_path))
    assert code == 1 and "no import with id 9" in err
    code, out, _ = cli(capsys, "search", "--db", str(db_path), "--json")
    assert json.loads(out)["count"] == 0


def test_an_import_leaves_a_backup_first_and_a_failed_backup_imports_nothing(capsys, db_path, fair, monkeypatch):
    code, _out, _err = cli(capsys, "import", str(fair), "--db", str(db_path))
    assert code == 0
    assert len(list((db_path.parent / "backups").glob("pre-import-*.db"))) == 1

    from trade_crm.exchange import encrypted_copy
    from trade_crm.store.backup import BackupError

    def full_disk(*args):
        raise BackupError("cannot write the backup: No space left on device")

    monkeypatch.setattr(encrypted_copy, "back_up_open_book", full_disk)
    before = cli(capsys, "search", "--db", str(db_path), "--json")[1]
    code, out, err = cli(capsys, "import", str(fair), "--db", str(db_path), "--on-duplicate", "create")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "No space left on device" in err
    assert cli(capsys, "search", "--db", str(db_path), "--json")[1] == before


def test_a_password_protected_workbook_exits_2(capsys, db_path, tmp_path):
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le"))
    code, out, err = cli(capsys, "import", str(locked), "--db", str(db_path))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "protected by a password" in err


def test_a_missing_file_exits_1(capsys, db_path, tmp_path):
    code, _, err = cli(capsys, "import", str(tmp_path / "nope.xlsx"), "--db", str(db_path))
    assert code == 1 and "nope.xlsx: no such file" in err


def test_a_refused_file_exits_2_and_leaves_no_batch(capsys, db_path, tmp_path):
    refused = tmp_path / "refused.csv"
    refused.write_text("Exhibitor Notes,Hall\nsome text,3\nmore text,4\n", encoding="utf-8")
    for extra in ((), ("--dry-run",)):
        code, out, err = cli(capsys, "import", str(refused), "--db", str(db_path), "--json", *extra)
        assert code == 2
        assert json.loads(out)["batch"] is None and json.loads(out)["rows_not_imported"] == 2
        assert err.count("\n") == 1 and "refused.csv: nothing can be imported" in err
    code, out, _ = cli(capsys, "import", "history", "--db", str(db_path), "--json")
    assert json.loads(out)["imports"] == []


def test_follow_up_days_on_the_command_line(capsys, db_path, fair):
    code, _, err = cli(capsys, "import", str(fair), "--db", str(db_path), "--source", "Canton Fair 2026 Autumn",
                       "--follow-up-days", "5")
    assert code == 0, err
    code, out, _ = cli(capsys, "customer", "list", "--db", str(db_path), "--json")
    due = (today(SystemClock()) + timedelta(days=5)).isoformat()
    assert [c["follow_up_on"] for c in json.loads(out)["results"]] == [due, due]
    code, _, err = cli(capsys, "import", str(fair), "--db", str(db_path), "--follow-up-days", "soon")
    assert code == 2 and "--follow-up-days" in err
