"""A restore from an encrypted copy killed at any point leaves no readable copy of that book behind.

The child process restores an encrypted copy and is killed at the k-th Python or C call of the
restore (counted with sys.setprofile), at ten points spread from the first decrypted chunk to the
end. A SIGKILL cannot be caught: what it leaves is removed by the cleaning every start runs
(clean_leftovers); a SIGTERM goes through the restore's `finally` and leaves nothing at all.
"""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from trade_crm.domain.backups import backup_dir_for, clean_leftovers
from trade_crm.domain.customers.records import create_customer
from trade_crm.exchange.encrypted_copy import encrypt_file, key_sealing
from trade_crm.keystore import new_key, recovery_code
from trade_crm.store.backup import make_backup
from trade_crm.store.db import close_database, open_database

REPO = Path(__file__).resolve().parents[2]
SECRET = b"Zebulon Quartz"  # a customer only the encrypted copy holds
POINTS = 10

# argv: encrypted copy, book, recovery code, the call to die at (0: never; print the count), signal
CHILD = """
import io, json, os, signal, sys
from trade_crm.cli.parser import run
from trade_crm.exchange import encrypted_copy

source, book, code, stop_at, sig = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
calls = 0

def count(frame, event, arg):
    global calls
    if event in ("call", "c_call"):
        calls += 1
        if calls == stop_at:
            os.kill(os.getpid(), sig)

def counted(*args, **kwargs):  # the command imports restore_file when it runs: it finds this one
    sys.setprofile(count)
    try:
        return restore_file(*args, **kwargs)
    finally:
        sys.setprofile(None)

restore_file = encrypted_copy.restore_file
encrypted_copy.restore_file = counted
exit_code = run(["restore", source, "--db", book, "--recovery-code", code], stdout=io.StringIO())
print(json.dumps({"calls": calls, "exit": exit_code}), flush=True)
"""


def plaintext_files(folder: Path, book: Path) -> list[Path]:
    """Files under `folder`, other than the book itself (and its journal), that hold the secret customer."""
    own = {book, book.with_name(book.name + "-wal"), book.with_name(book.name + "-journal")}
    return sorted(p for p in folder.rglob("*") if p.is_file() and p not in own and SECRET in p.read_bytes())


@pytest.fixture
def setup(tmp_path, clock):
    """An encrypted copy of a book holding the secret customer, and another book to restore it into."""
    source = tmp_path / "source" / "book.db"
    db = open_database(source)
    create_customer(clock, name=SECRET.decode() + " Trading", country="DE", notes="x" * 30_000)
    for n in range(40):
        create_customer(clock, name=f"Filler {n} GmbH", country="DE", notes="y" * 2_000)
    close_database(db)
    key = new_key()
    plain = make_backup(source, tmp_path / "source" / "backups", "manual", clock.now()).path
    encrypted = encrypt_file(plain, tmp_path / "usb" / (plain.name + ".enc"), key_sealing(key), {"customers": 41},
                             chunk_size=4096)
    book = tmp_path / "template" / "book.db"
    db = open_database(book)
    create_customer(clock, name="Current Book Co", country="FR")
    close_database(db)
    return encrypted, book, recovery_code(key)


def restore_in_child(encrypted: Path, book: Path, code: str, stop_at: int, sig: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CHILD, str(encrypted), str(book), code, str(stop_at), str(sig)],
                          capture_output=True, text=True, timeout=120, cwd=str(REPO))


def book_customers(book: Path) -> set[str]:
    with sqlite3.connect(book) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {row[0] for row in con.execute("SELECT name FROM customer")}


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_restore_killed_at_ten_points_leaves_no_plaintext_after_the_next_start(tmp_path, setup):
    encrypted, template, code = setup
    shutil.copytree(template.parent, tmp_path / "dry")
    full = restore_in_child(encrypted, tmp_path / "dry" / "book.db", code, 0, 0)
    assert full.returncode == 0, full.stderr
    total = json.loads(full.stdout)["calls"]
    assert json.loads(full.stdout)["exit"] == 0
    left_by_kill = 0
    for point in range(1, POINTS + 1):
        folder = tmp_path / f"kill-{point}"
        book = folder / "book.db"
        shutil.copytree(template.parent, folder)
        child = restore_in_child(encrypted, book, code, total * point // (POINTS + 1), signal.SIGKILL)
        assert child.returncode == -signal.SIGKILL, child.stderr
        names = book_customers(book)  # the book is whole: the old one, or the restored copy
        assert names == {"Current Book Co"} or SECRET.decode() + " Trading" in names

        left_by_kill += bool(plaintext_files(folder, book))
        clean_leftovers(backup_dir_for(book))  # what every start of the app and of a backup or restore runs
        assert plaintext_files(folder, book) == [], f"kill at point {point}"
        assert not [p for p in backup_dir_for(book).glob("*") if p.name.startswith("restoring-")]
    assert left_by_kill > 0  # the kills did hit the time a decrypted copy exists


@pytest.mark.skipif(not hasattr(signal, "SIGTERM"), reason="needs SIGTERM")
@pytest.mark.parametrize("point", [2, 5, 8])
def test_a_restore_terminated_midway_removes_its_decrypted_copy_itself(tmp_path, setup, point):
    encrypted, template, code = setup
    shutil.copytree(template.parent, tmp_path / "dry")
    full = restore_in_child(encrypted, tmp_path / "dry" / "book.db", code, 0, 0)
    total = json.loads(full.stdout)["calls"]
    folder = tmp_path / "term"
    book = folder / "book.db"
    shutil.copytree(template.parent, folder)
    child = restore_in_child(encrypted, book, code, total * point // 10, signal.SIGTERM)
    assert json.loads(child.stdout)["exit"] == 128 + signal.SIGTERM, child.stderr
    book_customers(book)
    assert plaintext_files(folder, book) == []
