"""`trade-crm import whatsapp FILE [--customer ID] [--dry-run] [--json]`, run in-process."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from tests.chats_corpus import conversation, render, write_txt, write_zip
from tests.helpers import cli
from trade_crm.cli.commands.import_whatsapp import locale_day_first

START = datetime(2026, 3, 20, 9, 5)  # a day over 12: the file tells day from month


@pytest.fixture
def book(capsys, db_path) -> str:
    code, _, err = cli(capsys, "customer", "add", "--db", str(db_path), "--name", "Gulf Lighting LLC",
                       "--contact", "Ahmed Khan", "--whatsapp", "+971 50 123 4567")
    assert code == 0, err
    return str(db_path)


def test_a_dry_run_shows_the_chat_and_its_customer_and_writes_nothing(capsys, tmp_path, book):
    chat = write_txt(tmp_path / "WhatsApp Chat with +971 50 123 4567.txt", render("android_dmy", conversation(START, 3)))
    code, out, err = cli(capsys, "import", "whatsapp", str(chat), "--db", book, "--dry-run")
    assert code == 0, err
    assert out.splitlines()[:3] == [
        "Would import WhatsApp Chat with +971 50 123 4567.txt: 12 messages from 2026-03-20 to 2026-03-22 "
        "(Ahmed Khan, Li Wei)",
        "  customer: #1 Gulf Lighting LLC (by the number +971501234567)",
        "  days: 3 new, 0 with new messages, 0 already there; 12 new messages"]
    assert "Nothing was written (--dry-run)." in out
    code, out, _ = cli(capsys, "import", "history", "--db", book, "--json")
    assert json.loads(out)["imports"] == []


def test_import_then_again_then_undo_from_the_history(capsys, tmp_path, book):
    chat = write_zip(tmp_path / "WhatsApp Chat - +971 50 123 4567.zip", render("ios", conversation(START, 2)), {})
    code, out, err = cli(capsys, "import", "whatsapp", str(chat), "--db", book, "--json")
    assert code == 0, err
    report = json.loads(out)
    assert {k: report[k] for k in ("batch", "days_new", "new_messages", "files_missing", "files_attached")} == {
        "batch": 1, "days_new": 2, "new_messages": 8, "files_missing": ["00000003-PHOTO-carton.jpg"],
        "files_attached": 0}
    assert report["lines_read"] == (report["messages"] + report["system_lines"] + len(report["bad_date_lines"])
                                    + report["continuation_lines"] + len(report["skipped_lines"])
                                    + report["blank_lines"])
    assert report["customer"] == {"id": 1, "name": "Gulf Lighting LLC", "matched_by": "phone",
                                  "detail": "+971501234567"}
    code, out, _ = cli(capsys, "import", "whatsapp", str(chat), "--db", book)
    assert code == 0 and out.startswith("Nothing new in WhatsApp Chat - +971 50 123 4567.zip")
    assert "2 already there" in out
    code, out, _ = cli(capsys, "customer", "show", "1", "--db", book, "--json")
    assert sum(e["kind"] == "whatsapp" for e in json.loads(out)["timeline"]) == 2
    code, out, _ = cli(capsys, "import", "undo", "1", "--db", book)
    assert code == 0, out
    code, out, _ = cli(capsys, "customer", "show", "1", "--db", book, "--json")
    assert not any(e["kind"] == "whatsapp" for e in json.loads(out)["timeline"])


def test_a_chat_of_someone_not_in_the_book_exits_2_and_names_the_file(capsys, tmp_path, book):
    chat = write_txt(tmp_path / "WhatsApp Chat with +1 415 555 0134.txt", render("android_dmy", conversation(START, 1)))
    code, _, err = cli(capsys, "import", "whatsapp", str(chat), "--db", book)
    assert code == 2
    assert err == ("trade-crm: error: WhatsApp Chat with +1 415 555 0134.txt: no customer in the book has this "
                   "chat's phone number or name: import it for one with --customer ID\n")
    code, out, err = cli(capsys, "import", "whatsapp", str(chat), "--db", book, "--customer", "1")
    assert code == 0, err
    assert "customer: #1 Gulf Lighting LLC (as chosen)" in out
    code, _, err = cli(capsys, "import", "whatsapp", str(chat), "--db", book, "--customer", "99")
    assert code == 1 and "99" in err


@pytest.mark.parametrize(("text", "message"), [
    ("", "empty.txt: the chat is empty"),
    ("Shopping list\nmilk\n", 'empty.txt, row 1: no line starts with a WhatsApp date and time'),
])
def test_bad_input_is_one_line_naming_the_file(capsys, tmp_path, book, text, message):
    chat = write_txt(tmp_path / "empty.txt", text)
    code, out, err = cli(capsys, "import", "whatsapp", str(chat), "--db", book)
    assert code == 2 and out == ""
    assert err.startswith(f"trade-crm: error: {message}") and err.count("\n") == 1


def test_a_utf16_chat_whose_dates_cannot_tell_says_which_order_it_used(capsys, tmp_path, book):
    chat = write_txt(tmp_path / "WhatsApp Chat with +971 50 123 4567.txt",
                     "5/6/25, 10:00 - Ahmed Khan: one\n5/6/25, 11:00 - Li Wei: two\n", "utf-16")
    code, out, err = cli(capsys, "import", "whatsapp", str(chat), "--db", book, "--month-first", "--dry-run")
    assert code == 0, err
    assert "from 2025-05-06 to 2025-05-06" in out
    assert "note: dates read as month/day/year (your date order): every day and month in the file is 12 or less" in out


def test_the_locale_decides_the_default_date_order():
    assert locale_day_first({"LANG": "en_US.UTF-8"}) is False
    assert locale_day_first({"LANG": "en_US.UTF-8", "LC_TIME": "en_GB.UTF-8"}) is True
    assert locale_day_first({"LANG": "zh_CN.UTF-8"}) is True
