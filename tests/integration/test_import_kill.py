"""A process killed in the middle of an import's commit leaves the book exactly as it was."""

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import dump
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.store.db import close_database, open_database

CHILD = """
import os, signal, sys
from trade_crm.domain.clock import FixedClock
from trade_crm.exchange.importing.importer import ImportOptions, build_plan, commit_import
from trade_crm.store.db import open_database

db = open_database(sys.argv[1])
plan = build_plan(sys.argv[2], ImportOptions(source="Canton Fair"))

def progress(stage, done, total):
    if stage == "writing" and done >= 400:
        seen = db.execute_sql("SELECT count(*) FROM customer").fetchone()[0]
        print(seen, flush=True)  # the rows are in, uncommitted
        os.kill(os.getpid(), signal.SIGKILL)

commit_import(plan, FixedClock.at("2026-11-23 09:30"), progress=progress)
print("committed", flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_process_killed_during_the_commit_changes_nothing(tmp_path, clock):
    book = tmp_path / "book.db"
    db = open_database(book)
    create_customer(clock, name="Acme GmbH", country="DE", contacts=[ContactInput(emails=("a@acme.de",))])
    before = dump(db)
    close_database(db)
    rows = ["Company,Email,Country"] + [f"Company {i},c{i}@co{i}.com,DE" for i in range(1000)] + ["Acme,a@acme.de,DE"]
    (tmp_path / "fair.csv").write_text("\n".join(rows), encoding="utf-8")

    child = subprocess.run([sys.executable, "-c", CHILD, str(book), str(tmp_path / "fair.csv")],
                           capture_output=True, text=True, timeout=120,
                           cwd=str(Path(__file__).resolve().parents[2]))

    assert child.returncode == -signal.SIGKILL, child.stderr
    assert int(child.stdout.split()[0]) > 400  # it was killed with hundreds of rows written
    db = open_database(book)
    try:
        assert dump(db) == before
        assert db.execute_sql("SELECT count(*) FROM import_batch").fetchone()[0] == 0
        assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        close_database(db)
