"""Bytes that are not UTF-8 on the command line: a file name keeps them, text is refused in one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_bytes(*argv: bytes, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable.encode(), b"-m", b"trade_crm", *argv], cwd=cwd, env=env,
                          capture_output=True, timeout=60)


def test_a_name_that_is_not_utf8_is_refused_in_one_line_and_nothing_is_written(tmp_path):
    done = run_bytes(b"customer", b"add", b"--db", b"book.db", b"--name", b"Acme\xff GmbH", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count(b"\n") == 1 and b"Traceback" not in done.stderr
    assert b'name: "Acme\\xff GmbH" is not UTF-8 text' in done.stderr
    listed = run_bytes(b"search", b"--db", b"book.db", b"--json", cwd=tmp_path)
    assert listed.returncode == 0 and b'"count": 0' in listed.stdout


def test_a_search_text_that_is_not_utf8_is_refused(tmp_path):
    done = run_bytes(b"search", b"\xfe\xff", b"--db", b"book.db", cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.count(b"\n") == 1
    assert b"\\xfe\\xff" in done.stderr


def test_a_file_name_that_is_not_utf8_is_used_as_the_os_gave_it(tmp_path):
    name = b"Kunden-M\xfcller.csv"  # Latin-1 bytes in a file name, valid on Linux
    (tmp_path / os.fsdecode(name)).write_bytes(b"Company,Email\nAcme,a@acme.com\n")
    done = run_bytes(b"import", name, b"--db", b"book.db", b"--dry-run", b"--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert b'"created": 1' in done.stdout


def test_a_missing_file_with_such_a_name_is_one_readable_line(tmp_path):
    done = run_bytes(b"import", b"nicht-da-\xfc.csv", b"--db", b"book.db", cwd=tmp_path)
    assert done.returncode == 1  # not found (2 is for input to fix)
    assert done.stderr == b"trade-crm: error: nicht-da-\\xfc.csv: no such file\n"
