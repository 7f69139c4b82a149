"""`trade-crm mail send | greet | template …` end to end on a book file: the plan shown, queued once, the
templates edited and reset; bad input in one line."""

from __future__ import annotations

import json

from trade_crm.cli.parser import run
from trade_crm.domain.clock import FixedClock
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.domain.mail.accounts import add_account
from trade_crm.domain.mail.outbox import outbox_entries
from trade_crm.domain.reminders.sync import sync_reminders
from trade_crm.store.db import close_database, open_database

CLOCK = FixedClock.at("2026-12-22 16:00", "Asia/Shanghai")  # Tuesday; 09:00 in Berlin, 03:00 in New York


def _book(db_path) -> dict[str, int]:
    db = open_database(db_path)
    ids = {
        "hans": create_customer(CLOCK, name="Müller Haustechnik GmbH", country="DE", rating="B", contacts=[
            ContactInput(name="Hans Müller", emails=("hans@mueller.example",))]),
        "rosa": create_customer(CLOCK, name="Rosa Lighting", country="US", rating="A", contacts=[
            ContactInput(name="Rosa Diaz", emails=("rosa@rosa.example",))]),
        "bare": create_customer(CLOCK, name="Bare Trading", country="DE", rating="C"),
    }
    ids["quote"] = log_interaction(ids["hans"], "quotation", "Q-7: 200 panels", CLOCK)
    add_account("li@bright.example", host="imap.example.com", clock=CLOCK)
    sync_reminders(CLOCK)
    close_database(db)
    return ids


def _run(capsys, db_path, *argv):
    code = run([*argv, "--db", str(db_path)], clock=CLOCK)
    out, err = capsys.readouterr()
    return code, out, err


def _queued(db_path) -> list:
    db = open_database(db_path)
    try:
        return outbox_entries()
    finally:
        close_database(db)


def test_send_plans_each_customer_at_their_morning_and_queues_it(capsys, db_path):
    ids = _book(db_path)
    code, out, err = _run(capsys, db_path, "mail", "send", "--to", str(ids["hans"]), "--to", str(ids["rosa"]),
                          "--template", "quotation_chaser", "--dry-run", "--json")
    assert code == 0, err
    (plan,) = json.loads(out)["plans"]
    (item,) = plan["items"]
    assert item["recipient"]["customer_id"] == ids["hans"] and item["language"] == "de"
    assert item["draft"]["send_at"] == "2026-12-22T08:00:00Z"  # 09:00 in Berlin now: its window has just opened
    assert [(p["customer_id"], p["field"]) for p in plan["problems"]] == [(ids["rosa"], "entry.date")]
    assert _queued(db_path) == []
    code, out, err = _run(capsys, db_path, "mail", "send", "--to", str(ids["hans"]), "--template", "quotation_chaser")
    assert code == 0, err
    assert "1 message(s) queued in the outbox" in out and "Müller Haustechnik GmbH" in out
    assert [e.customer_id for e in _queued(db_path)] == [ids["hans"]]


def test_greet_queues_every_open_christmas_reminder_once(capsys, db_path):
    ids = _book(db_path)
    code, out, err = _run(capsys, db_path, "mail", "greet", "christmas", "--dry-run")
    assert code == 0, err
    assert "Frohe Weihnachten!" in out and "Merry Christmas!" in out and "nothing queued" in out
    assert f"#{ids['bare']} Bare Trading: no email address on file" in out
    code, out, err = _run(capsys, db_path, "mail", "greet", "christmas", "--json")
    queued = json.loads(out)["queued"]
    assert code == 0 and sorted(e["customer_id"] for e in queued) == sorted([ids["hans"], ids["rosa"]])
    assert {e["purpose"] for e in queued} == {"greeting:christmas:2026"}
    code, out, err = _run(capsys, db_path, "mail", "greet", "christmas")
    assert code == 0 and "0 message(s) queued" in out and "2 duplicate(s)" in out
    assert len(_queued(db_path)) == 2


def test_templates_are_edited_and_reset_from_the_command_line(capsys, db_path, tmp_path):
    _book(db_path)
    body = tmp_path / "body.txt"
    body.write_text("Hallo {contact.first_name},\n\nfrohes Fest!\n{my.signature}", encoding="utf-8")
    code, out, err = _run(capsys, db_path, "mail", "template", "edit", "greeting.christmas", "--language", "de",
                          "--text-file", str(body))
    assert code == 0, err
    code, out, _ = _run(capsys, db_path, "mail", "template", "show", "greeting.christmas", "--language", "de")
    assert "(your version)" in out and "Hallo {contact.first_name}," in out and "Subject: Frohe Weihnachten!" in out
    listed = json.loads(_run(capsys, db_path, "mail", "template", "list", "--language", "de", "--json")[1])
    assert [t["edited"] for t in listed["templates"] if t["key"] == "greeting.christmas"] == [True]
    code, out, _ = _run(capsys, db_path, "mail", "template", "reset", "greeting.christmas", "--language", "de")
    assert code == 0 and "built-in one again" in out
    code, _, err = _run(capsys, db_path, "mail", "template", "edit", "blank", "--language", "en", "--text", "Dear {nme}")
    assert code == 2 and err.count("\n") == 1 and "{nme} is not a merge field" in err
    code, _, err = _run(capsys, db_path, "mail", "send", "--to", "1", "--template", "newsletter")
    assert code != 0 and err.count("\n") == 1 and "newsletter" in err
    code, _, err = _run(capsys, db_path, "mail", "greet", "diwali")
    assert code == 2 and 'no open greeting reminder for "diwali"' in err


def test_follow_up_after_a_quotation_is_queued_once(capsys, db_path):
    ids = _book(db_path)
    code, out, err = _run(capsys, db_path, "mail", "follow-up", str(ids["quote"]), "--days", "3")
    assert code == 0, err
    assert "queued for 2026-12-28 16:00 (your time): Unser Angebot" in out  # Tue + 3 = Fri 25th: Christmas, a weekend
    assert "a reply from the customer cancels it" in out
    again = json.loads(_run(capsys, db_path, "mail", "follow-up", str(ids["quote"]), "--json")[1])
    (entry,) = _queued(db_path)
    assert again["id"] == entry.id and entry.cancel_on_reply


def test_greet_finds_the_holidays_reminder_in_a_book_the_window_never_opened(capsys, db_path):
    """Only the window's scheduler saves reminders: greet raises them itself, so a book used from the command line
    alone has its greeting too."""
    db = open_database(db_path)
    create_customer(CLOCK, name="Müller Haustechnik GmbH", country="DE", rating="B",
                    contacts=[ContactInput(name="Hans Müller", emails=("hans@mueller.example",))])
    add_account("li@bright.example", host="imap.example.com", clock=CLOCK)
    close_database(db)
    code, out, err = _run(capsys, db_path, "mail", "greet", "christmas", "--dry-run")
    assert code == 0, err
    assert "Frohe Weihnachten!" in out and "nothing queued" in out
