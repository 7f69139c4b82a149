"""`trade-crm reminders`: any date checked without writing, the JSON items, and the .ics export."""

from __future__ import annotations

import json

from trade_crm.cli.parser import run
from trade_crm.domain.clock import FixedClock
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.domain.reminders.records import mark_done
from trade_crm.domain.reminders.sync import sync_reminders
from trade_crm.store.db import close_database, open_database
from trade_crm.store.models import Reminder

CLOCK = "2026-11-01 10:00"


def _book(db_path):
    db = open_database(db_path)
    clock = FixedClock.at(CLOCK, "Asia/Shanghai")
    a = create_customer(clock, name="Hamburg Tools GmbH", country="DE", rating="A")
    log_interaction(a, "email", "Sent catalogue", clock)
    close_database(db)
    return a


def _run(capsys, *argv, clock=None):
    code = run(list(argv), clock=clock or FixedClock.at(CLOCK, "Asia/Shanghai"))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lists_the_items_due_on_a_given_date(capsys, db_path):
    a = _book(db_path)
    code, out, err = _run(capsys, "reminders", "--db", str(db_path), "--date", "2026-12-22", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["date"] == "2026-12-22" and data["count"] == 2
    first, second = data["items"]
    assert {k: first[k] for k in ("key", "kind", "due", "title", "customer_ids", "state")} == {
        "key": f"follow_up:customer:{a}:2026-11-15", "kind": "follow_up", "due": "2026-11-15",
        "title": "Keep in touch with Hamburg Tools GmbH", "customer_ids": [a], "state": "open"}
    assert second["key"] == "greeting:DE:christmas:2026-12-25" and second["due"] == "2026-12-22"


def test_days_adds_what_falls_due_later_and_nothing_is_written(capsys, db_path):
    _book(db_path)
    code, out, _ = _run(capsys, "reminders", "--db", str(db_path), "--days", "20")
    assert code == 0
    assert "1 reminder due from 2026-11-01 to 2026-11-21" in out and "Keep in touch" in out
    db = open_database(db_path)
    assert Reminder.select().count() == 0
    close_database(db)


def test_done_reminders_are_not_listed(capsys, db_path):
    _book(db_path)
    db = open_database(db_path)
    clock = FixedClock.at("2026-11-16 10:00", "Asia/Shanghai")
    (reminder,) = sync_reminders(clock).new
    mark_done(reminder.id, clock)
    close_database(db)
    code, out, _ = _run(capsys, "reminders", "--db", str(db_path), clock=clock)
    assert code == 0 and out.startswith("Nothing due on 2026-11-16")


def test_export_writes_upcoming_reminders_as_ics(capsys, db_path, tmp_path):
    _book(db_path)
    target = tmp_path / "upcoming.ics"
    code, out, err = _run(capsys, "reminders", "export", str(target), "--db", str(db_path))
    assert code == 0, err
    assert out.strip() == f"Wrote 1 reminder to {target}"
    assert b"DTSTART;VALUE=DATE:20261115" in target.read_bytes()


def test_export_without_a_file_and_a_stray_argument_are_usage_errors(capsys, db_path):
    _book(db_path)
    assert _run(capsys, "reminders", "export", "--db", str(db_path))[0] == 2
    code, _, err = _run(capsys, "reminders", "out.ics", "--db", str(db_path))
    assert code == 2 and "invalid choice: 'out.ics'" in err
    code, _, err = _run(capsys, "reminders", "--date", "2026-13-01", "--db", str(db_path))
    assert code == 2 and "--date" in err
