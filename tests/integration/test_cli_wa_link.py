"""`trade-crm whatsapp link CUSTOMER_ID [--contact ID] [--template KEY] [--log] [--json]`, run in-process."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pytest

from tests.helpers import cli, cli_json


def entries(capsys, book: str) -> list[dict]:
    """Customer 1's timeline, as `customer show --json` prints it."""
    return cli_json(capsys, "customer", "show", "1", "--db", book)["timeline"]


@pytest.fixture
def book(capsys, db_path) -> str:
    code, _, err = cli(capsys, "customer", "add", "--db", str(db_path), "--name", "Gulf Lighting LLC",
                       "--country", "AE", "--contact", "Ahmed Khan", "--whatsapp", "050 123 4567")
    assert code == 0, err
    code, _, err = cli(capsys, "customer", "add", "--db", str(db_path), "--name", "No Phone GmbH", "--country", "DE",
                       "--contact", "Anna", "--email", "anna@example.de")
    assert code == 0, err
    return str(db_path)


def test_the_link_carries_the_greeting_filled_in(capsys, book):
    code, out, err = cli(capsys, "whatsapp", "link", "1", "--template", "greeting.new_year", "--language", "en",
                         "--db", book)
    assert code == 0, err
    link = out.strip()
    assert link.startswith("https://wa.me/971501234567?text=Dear%20Ahmed%20Khan%2C%0A%0AHappy%20New%20Year%21")
    report = cli_json(capsys, "whatsapp", "link", "1", "--template", "greeting.default", "--holiday", "Eid al-Fitr",
                      "--language", "en", "--db", book)
    assert report["number"] == "971501234567" and report["contact"]["name"] == "Ahmed Khan"
    assert report["text"].startswith("Dear Ahmed Khan,\n\nHappy Eid al-Fitr!")
    assert unquote(urlsplit(report["link"]).query.removeprefix("text=")) == report["text"]
    assert report["logged"] is None
    assert not [e for e in entries(capsys, book) if e["kind"] in ("greeting", "whatsapp")]


def test_log_records_a_greeting_as_the_customers_greeting(capsys, book):
    report = cli_json(capsys, "whatsapp", "link", "1", "--template", "greeting.new_year", "--log", "--db", book)
    assert report["logged"] is not None
    logged = [e for e in entries(capsys, book) if e["interaction_id"] == report["logged"]]
    assert len(logged) == 1 and logged[0]["kind"] == "greeting"
    assert logged[0]["summary"] == "Greeting sent on WhatsApp to +971 50 123 4567"
    assert logged[0]["body"] == report["text"]
    code, out, err = cli(capsys, "whatsapp", "link", "1", "--template", "blank", "--text", "PI attached", "--log",
                         "--db", book)
    assert code == 0, err
    assert out.splitlines()[0] == "https://wa.me/971501234567?text=PI%20attached"
    assert out.splitlines()[1].startswith("Logged #")
    kinds = [e["kind"] for e in entries(capsys, book)]
    assert kinds.count("whatsapp") == 1 and kinds.count("greeting") == 1


@pytest.mark.parametrize(("argv", "code", "message"), [
    (("1", "--language", "en"), 2, "no value for {holiday.name}"),  # greeting.default, no --holiday: never "Happy !"
    (("2", "--template", "blank"), 2, "no contact of customer 2 has a WhatsApp or phone number"),
    (("1", "--template", "nonsense.key"), 1, "nonsense.key"),
    (("99", "--template", "blank"), 1, "99"),
])
def test_bad_input_is_one_line_and_nothing_is_logged(capsys, book, argv, code, message):
    got, out, err = cli(capsys, "whatsapp", "link", *argv, "--log", "--db", book)
    assert got == code
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert out == ""
    assert not [e for e in entries(capsys, book) if e["kind"] in ("greeting", "whatsapp")]
