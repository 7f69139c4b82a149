"""`trade-crm files list|add|check`, run in-process (each test has its own book)."""

from __future__ import annotations

import json
import shutil

import pytest

from trade_crm.cli.parser import run
from trade_crm.domain.attachments.blobs import attachments_for, blob_path


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def customer(capsys, db_path) -> int:
    code, out, err = cli(capsys, "customer", "add", "--db", str(db_path), "--name", "Al Noor Trading LLC", "--json")
    assert code == 0, err
    return json.loads(out)["id"]


def test_files_add_then_list_shows_each_file_with_its_size(capsys, db_path, customer, tmp_path):
    pi, card = tmp_path / "PI-118.pdf", tmp_path / "名片.jpg"
    pi.write_bytes(b"%PDF-1.7 " + b"x" * 2000)
    card.write_bytes(b"\xff\xd8\xff card")
    code, out, err = cli(capsys, "files", "add", str(customer), str(pi), str(card), "--db", str(db_path))
    assert code == 0, err
    assert "Attached PI-118.pdf" in out and "Attached 名片.jpg" in out
    code, out, _ = cli(capsys, "files", "list", str(customer), "--db", str(db_path), "--json")
    files = json.loads(out)["files"]
    assert [(f["file"]["name"], f["file"]["size"], f["state"]) for f in files] == [
        ("PI-118.pdf", 2009, "ok"), ("名片.jpg", 8, "ok")]
    assert blob_path(attachments_for(db_path), files[0]["file"]["sha256"]).read_bytes() == pi.read_bytes()
    code, out, _ = cli(capsys, "files", "list", str(customer), "--db", str(db_path))
    assert code == 0 and "PI-118.pdf" in out and "2.0 kB" in out


def test_files_add_refuses_a_missing_path_an_unknown_entry_and_a_file_over_the_limit(capsys, db_path, customer,
                                                                                   tmp_path):
    code, _, err = cli(capsys, "files", "add", str(customer), str(tmp_path / "nope.pdf"), "--db", str(db_path))
    assert code == 2 and "nope.pdf is not a file" in err and len(err.splitlines()) == 1
    note = tmp_path / "note.txt"
    note.write_text("hello")
    code, _, err = cli(capsys, "files", "add", str(customer), str(note), "--entry", "999", "--db", str(db_path))
    assert code == 1 and "no timeline entry with id 999" in err
    big = tmp_path / "video.mp4"
    with open(big, "wb") as handle:
        handle.truncate(51 * 1024 * 1024)  # sparse: 51 MB on paper
    code, _, err = cli(capsys, "files", "add", str(customer), str(big), "--db", str(db_path))
    assert code == 2 and "over the 50.0 MB limit" in err and "--force" in err
    assert cli(capsys, "files", "add", str(customer), str(big), "--force", "--db", str(db_path))[0] == 0


def test_files_check_lists_a_missing_file_and_cleans_up_unnamed_ones(capsys, db_path, customer, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("hello")
    cli(capsys, "files", "add", str(customer), str(note), "--db", str(db_path))
    code, out, _ = cli(capsys, "files", "check", "--db", str(db_path), "--json")
    assert code == 0 and json.loads(out)["missing"] == []
    root = attachments_for(db_path)
    stray = blob_path(root, "ab" * 32)
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"nobody's")
    shutil.rmtree(next(p for p in root.iterdir() if p.name != "ab"))  # note.txt's blob is gone
    code, out, _ = cli(capsys, "files", "check", "--db", str(db_path), "--json")
    report = json.loads(out)
    assert code == 1 and [m["file"]["name"] for m in report["missing"]] == ["note.txt"]
    assert report["unnamed"] == ["ab" * 32] and report["unnamed_bytes"] == 8
    code, out, _ = cli(capsys, "files", "check", "--clean-up", "--db", str(db_path))
    assert "missing: #1 note.txt" in out and "Removed 1 stored files" in out and not stray.exists()
    code, out, _ = cli(capsys, "files", "list", str(customer), "--db", str(db_path))
    assert "missing" in out


def test_backup_and_restore_on_the_command_line_carry_the_files(capsys, db_path, customer, tmp_path):
    note = tmp_path / "contract.txt"
    note.write_text("signed")
    cli(capsys, "files", "add", str(customer), str(note), "--db", str(db_path))
    code, out, err = cli(capsys, "backup", "--db", str(db_path), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["files"]["added"] == 1 and report["files"]["missing"] == []
    shutil.rmtree(attachments_for(db_path))
    code, out, err = cli(capsys, "restore", report["backup"]["path"], "--db", str(db_path), "--json")
    assert code == 0, err
    assert json.loads(out)["files_restored"] == 1
    code, out, _ = cli(capsys, "files", "check", "--db", str(db_path), "--json")
    assert code == 0 and json.loads(out)["missing"] == []
