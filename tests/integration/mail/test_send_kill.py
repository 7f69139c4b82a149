"""A send killed at any step (SIGKILL, the process gone at once) neither loses the message nor sends it twice: the
restart (after the lease of the dead run's claim) finds what the server had taken, files what Sent lacks and
sends only what never left. Asserted on what the SMTP server received and what the Sent folder holds."""

from __future__ import annotations

import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from tests.integration.mail.send_helpers import make_setting, queue, timeline_entries
from tests.smtp_server import stop_smtp_server
from trade_crm.domain.mail.outbox import LEASE, outbox_entries
from trade_crm.domain.mail.outgoing import OutboxState
from trade_crm.exchange.mail.sending import STEPS, send_due
from trade_crm.store.db import close_database, open_database

CHILD = """
import os, signal, sys
from trade_crm.domain.clock import FixedClock
from trade_crm.exchange.mail.sending import SendLogins, send_due
from trade_crm.exchange.mail.tokens import PasswordCredentials
from trade_crm.store.db import open_database

open_database(sys.argv[1])
credentials = PasswordCredentials(sys.argv[2], sys.argv[3])
kill_at, kill_on = sys.argv[5], int(sys.argv[6])  # the step, and on which message (1st, 2nd …) to die there
seen = []

def on_step(step, entry_id):
    print(step, entry_id, flush=True)
    if step == kill_at:
        seen.append(entry_id)
        if len(seen) == kill_on:
            os.kill(os.getpid(), signal.SIGKILL)

send_due(FixedClock.at(sys.argv[7]), lambda account: SendLogins(credentials, credentials), ca_file=sys.argv[4],
         on_step=on_step)
print("finished", flush=True)
"""
START = "2026-11-23 01:30"


@pytest.fixture
def killable(mail_server, mail_user, db, clock, tmp_path):
    made = make_setting(mail_server, mail_user, clock, tmp_path)
    yield made
    stop_smtp_server(made.smtp)


def run_child(db_path, made, step: str, on: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CHILD, str(db_path), made.user.name, made.user.password, made.ca_file,
                           step, str(on), START], capture_output=True, text=True, timeout=120,
                          cwd=str(Path(__file__).resolve().parents[3]))


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("step", STEPS)
def test_a_send_killed_at_each_step_is_neither_lost_nor_sent_twice(killable, db, db_path, clock, step):
    entries = queue(killable, clock, 3)
    close_database(db)
    child = run_child(db_path, killable, step, on=2)  # the first message goes through, the second dies at `step`
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert "finished" not in child.stdout
    db = open_database(db_path)
    try:
        received_before = killable.received_ids()
        assert received_before[:1] == [entries[0].message_id]
        assert len(received_before) == (1 if step == "claimed" else 2)  # killed before or after the server took it
        clock.advance(LEASE + timedelta(minutes=1))  # the dead run's claim has lapsed
        report = send_due(clock, killable.logins, ca_file=killable.ca_file)
        assert report.ok, report
        assert sorted(killable.received_ids()) == sorted(e.message_id for e in entries)  # each once, none lost
        assert len(killable.sent_folder()) == 3  # each filed once
        assert all(e.state is OutboxState.SENT and e.interaction_id for e in outbox_entries())
        assert timeline_entries(killable.customer_id) == 3
        assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        close_database(db)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_message_in_flight_is_left_alone_until_its_lease_runs_out(killable, db, db_path, clock):
    queue(killable, clock)
    close_database(db)
    assert run_child(db_path, killable, "accepted", on=1).returncode == -signal.SIGKILL
    db = open_database(db_path)
    try:
        [entry] = outbox_entries()
        assert entry.state is OutboxState.SENDING and entry.sent_at is not None  # the server had taken it
        clock.advance(LEASE - timedelta(minutes=1))  # maybe another run's send still in flight: hands off
        assert send_due(clock, killable.logins, ca_file=killable.ca_file).accounts == ()
        assert killable.sent_folder() == {}
        clock.advance(timedelta(minutes=2))
        assert send_due(clock, killable.logins, ca_file=killable.ca_file).sent == 1
        assert len(killable.smtp.received) == 1 and len(killable.sent_folder()) == 1
    finally:
        close_database(db)
