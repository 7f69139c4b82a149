"""`trade-crm backup`, `backup list` and `restore`, run in-process (each test has its own book)."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import keyring
import pytest

from tests.helpers import MemoryKeyring, build_v1_book
from trade_crm.cli.parser import run
from trade_crm.keystore import KeyStore, recovery_code
from trade_crm.store import migrations


def cli(capsys, *argv: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def cli_json(capsys, *argv: str, **kwargs):
    code, out, err = cli(capsys, *argv, "--json", **kwargs)
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def book(capsys, db_path):
    for name in ("Müller Maschinenbau GmbH", "Lima Trading SAC", "Gulf Tools LLC"):
        assert cli(capsys, "customer", "add", "--db", str(db_path), "--name", name)[0] == 0
    return db_path


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def count(capsys, db_path) -> int:
    return cli_json(capsys, "search", "--db", str(db_path))["count"]


def test_backup_makes_a_checked_copy_and_lists_it(capsys, book):
    data = cli_json(capsys, "backup", "--db", str(book))
    copy = data["backup"]
    assert copy["customers"] == 3 and copy["schema_version"] == migrations.LATEST_VERSION
    assert copy["kind"] == "manual" and copy["path"].startswith(str(book.parent / "backups"))
    listed = cli_json(capsys, "backup", "list", "--db", str(book))
    assert listed["count"] == 1 and listed["backups"][0]["path"] == copy["path"]
    code, out, _ = cli(capsys, "backup", "list", "--db", str(book))
    assert code == 0 and "manual" in out and "3" in out


def test_backup_to_a_folder_never_writes_plaintext_silently(capsys, book, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    code, _, err = cli(capsys, "backup", "--db", str(book), "--to", str(usb))
    assert code == 1 and "no backup key" in err
    assert list(usb.iterdir()) == []
    data = cli_json(capsys, "backup", "--db", str(book), "--to", str(usb), "--plain")
    assert data["offsite"].endswith(".db") and not data["offsite_problem"]


def test_passphrase_copy_restores_only_with_its_passphrase(capsys, book, tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    usb.mkdir()
    data = cli_json(capsys, "backup", "--db", str(book), "--to", str(usb), "--passphrase-stdin",
                    stdin="correct horse battery\n", monkeypatch=monkeypatch)
    sealed = data["offsite"]
    assert sealed.endswith(".db.enc") and b"Gulf Tools" not in Path(sealed).read_bytes()
    fresh = tmp_path / "other-laptop" / "book.db"
    code, _, err = cli(capsys, "restore", sealed, "--db", str(fresh))
    assert code == 2 and "--passphrase-stdin" in err and not fresh.exists()
    code, _, err = cli(capsys, "restore", sealed, "--db", str(fresh), "--passphrase-stdin", stdin="wrong\n",
                       monkeypatch=monkeypatch)
    assert code == 1 and "passphrase does not open" in err
    restored = cli_json(capsys, "restore", sealed, "--db", str(fresh), "--passphrase-stdin",
                        stdin="correct horse battery\n", monkeypatch=monkeypatch)
    assert restored["customers"] == 3 and restored["safety_copy"] is None
    assert count(capsys, fresh) == 3


def test_keyring_copy_restores_on_another_laptop_with_the_recovery_code(capsys, book, tmp_path, memory_keyring):
    key = KeyStore().create_backup_key()
    usb = tmp_path / "usb"
    usb.mkdir()
    sealed = cli_json(capsys, "backup", "--db", str(book), "--to", str(usb))["offsite"]
    keyring.set_keyring(MemoryKeyring())  # the other laptop's keyring is empty
    fresh = tmp_path / "other" / "book.db"
    code, _, err = cli(capsys, "restore", sealed, "--db", str(fresh))
    assert code == 2 and "--recovery-code" in err
    restored = cli_json(capsys, "restore", sealed, "--db", str(fresh), "--recovery-code", recovery_code(key))
    assert restored["customers"] == 3
    assert KeyStore().backup_key() == key


def test_restore_keeps_the_current_book_first(capsys, book):
    copy = cli_json(capsys, "backup", "--db", str(book))["backup"]["path"]
    cli(capsys, "customer", "add", "--db", str(book), "--name", "Added Later Ltd")
    assert count(capsys, book) == 4
    restored = cli_json(capsys, "restore", copy, "--db", str(book))
    assert restored["customers"] == 3 and "pre-restore-" in restored["safety_copy"]
    assert count(capsys, book) == 3
    listed = cli_json(capsys, "backup", "list", "--db", str(book))
    assert {b["kind"]: b["customers"] for b in listed["backups"]}["pre-restore"] == 4


def test_restore_of_an_older_schema_migrates_it(capsys, db_path, tmp_path):
    old = tmp_path / "old-laptop.db"
    build_v1_book(old)
    restored = cli_json(capsys, "restore", str(old), "--db", str(db_path))
    assert restored["schema_version"] == 1
    assert restored["migrated_to"] == [m.version for m in migrations.MIGRATIONS[1:]]
    assert count(capsys, db_path) == 1


def test_restore_refuses_a_damaged_file_and_changes_nothing(capsys, book, tmp_path):
    bad = tmp_path / "bad.db"
    shutil.copyfile(book, bad)
    bad.write_bytes(bad.read_bytes()[:4096] + b"\xff" * 8192)
    before = book.read_bytes()
    code, _, err = cli(capsys, "restore", str(bad), "--db", str(book))
    assert code == 1 and "bad.db" in err
    assert book.read_bytes() == before


def test_backup_list_works_when_the_book_itself_is_damaged(capsys, book):
    cli_json(capsys, "backup", "--db", str(book))
    book.write_bytes(b"scrambled" * 1000)
    listed = cli_json(capsys, "backup", "list", "--db", str(book))
    assert listed["count"] == 1 and listed["backups"][0]["customers"] == 3
