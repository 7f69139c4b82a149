"""A sync killed in the middle (SIGKILL, in the middle of a batch) loses at most that batch: the next sync goes on
from where it stood and enters no message twice."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.mail.helpers import add_customers, corpus
from trade_crm.exchange.mail.sync import sync_account
from trade_crm.store.db import close_database, open_database
from trade_crm.store.models import database

CHILD = """
import os, signal, sys, threading
from trade_crm.domain.clock import FixedClock
from trade_crm.domain.mail.accounts import get_account
from trade_crm.exchange.mail.sync import sync_account
from trade_crm.exchange.mail.tokens import PasswordCredentials
from trade_crm.store.db import open_database

open_database(sys.argv[1])
batches = []

def progress(folder, done, total):
    batches.append(done)
    print(folder, done, total, flush=True)
    if len(batches) == 3:  # die a moment later: in the middle of fetching or storing the next batch
        threading.Timer(0.05, os.kill, (os.getpid(), signal.SIGKILL)).start()

sync_account(get_account(1), PasswordCredentials(sys.argv[2], sys.argv[3]), clock=FixedClock.at("2026-11-23 09:30"),
             ca_file=sys.argv[4], progress=progress, batch=20)
print("finished", flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_sync_killed_midway_resumes_and_enters_nothing_twice(mailbox, mail_server, db, db_path, clock):
    user, account, credentials = mailbox
    add_customers(clock)
    loaded = user.load(corpus())
    close_database(db)
    child = subprocess.run([sys.executable, "-c", CHILD, str(db_path), user.name, user.password,
                            str(mail_server.ca_file)], capture_output=True, text=True, timeout=120,
                           cwd=str(Path(__file__).resolve().parents[3]))
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert "finished" not in child.stdout and len(child.stdout.splitlines()) >= 3
    db = open_database(db_path)
    try:
        stored = database.execute_sql("SELECT COUNT(*) FROM mail_message").fetchone()[0]
        assert 60 <= stored < sum(loaded.values())
        report = sync_account(account, credentials, clock=clock, ca_file=str(mail_server.ca_file))
        assert report.fetched + report.skipped >= sum(loaded.values()) - stored
        messages, locations = (database.execute_sql(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                               for t in ("mail_message", "mail_location"))
        assert (messages, locations) == (sum(loaded.values()) - 1, sum(loaded.values()))
        twice = database.execute_sql(
            "SELECT COUNT(*) FROM (SELECT message_id, customer_id FROM mail_link GROUP BY message_id, customer_id "
            "HAVING COUNT(*) > 1) AS t").fetchone()[0]
        entries = database.execute_sql("SELECT COUNT(*) FROM interaction").fetchone()[0]
        linked = database.execute_sql("SELECT COUNT(DISTINCT interaction_id) FROM mail_link").fetchone()[0]
        assert twice == 0 and entries == linked
        assert database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        close_database(db)
