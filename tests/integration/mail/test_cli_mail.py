"""`trade-crm mail …` end to end: accounts with their password in the keyring, a sync against Dovecot, a message
shown; errors in one line."""

from __future__ import annotations

import io
import json

import keyring
import pytest

from tests.helpers import MemoryKeyring, cli, cli_json
from tests.integration.mail.test_sync import plain
from trade_crm.cli.parser import run


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def typed(monkeypatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text + "\n"))


def add(capsys, monkeypatch, db_path, mail_server, user, *extra):
    typed(monkeypatch, user.password)
    return cli_json(capsys, "mail", "account", "add", "li.wei@dragonlight.cn", "--db", str(db_path), "--host",
                    mail_server.host, "--port", str(mail_server.imaps_port), "--username", user.name,
                    "--password-stdin", *extra)


def test_an_account_keeps_its_password_in_the_keyring_and_syncs_with_it(capsys, monkeypatch, db_path, mail_server,
                                                                         mail_user, memory_keyring):
    account = add(capsys, monkeypatch, db_path, mail_server, mail_user)
    assert memory_keyring.items == {("trade-crm", f"mail-password:{account['id']}"): mail_user.password}
    assert mail_user.password not in db_path.read_bytes().decode("latin-1")
    listed = cli_json(capsys, "mail", "account", "list", "--db", str(db_path))
    assert [(a["email"], a["host"], a["security"]) for a in listed["accounts"]] == [
        ("li.wei@dragonlight.cn", mail_server.host, "ssl")]
    mail_user.deliver([plain(1), plain(2)])
    report = cli_json(capsys, "mail", "sync", "--db", str(db_path), "--ca-file", str(mail_server.ca_file))
    assert {k: report[k] for k in ("fetched", "matched", "new_senders", "skipped")} == {
        "fetched": 2, "matched": 0, "new_senders": 1, "skipped": 0}
    code, out, _ = cli(capsys, "mail", "sync", "--db", str(db_path), "--ca-file", str(mail_server.ca_file))
    assert code == 0 and out.strip() == "li.wei@dragonlight.cn: 0 fetched, 0 matched, 0 new senders, 0 skipped"
    shown = cli_json(capsys, "mail", "show", "1", "--db", str(db_path))
    assert shown["subject"] == "Anfrage 1" and shown["sender"]["email"] == "hans@mueller-leuchten.de"
    code, out, _ = cli(capsys, "mail", "show", "2", "--db", str(db_path))
    assert code == 0 and "Subject: Anfrage 2" in out and "Please quote." in out
    removed = cli_json(capsys, "mail", "account", "remove", str(account["id"]), "--db", str(db_path))
    assert removed["messages_forgotten"] == 0 and memory_keyring.items == {}
    assert cli_json(capsys, "mail", "account", "list", "--db", str(db_path))["count"] == 0


def test_a_provider_preset_fills_the_server(capsys, monkeypatch, db_path, memory_keyring):
    typed(monkeypatch, "abcdefghijklmnop")
    account = cli_json(capsys, "mail", "account", "add", "sales@163.com", "--db", str(db_path), "--password-stdin")
    assert (account["host"], account["port"], account["security"], account["provider"]) == (
        "imap.163.com", 993, "ssl", "netease163")


def test_sync_errors_are_one_line_each_and_exit_1(capsys, monkeypatch, db_path, mail_server, mail_user,
                                                  memory_keyring):
    add(capsys, monkeypatch, db_path, mail_server, mail_user)
    code, out, err = cli(capsys, "mail", "sync", "--db", str(db_path))
    assert code == 1 and err.count("\n") == 1 and "is not trusted" in err
    typed(monkeypatch, "not-the-password")
    code, out, err = cli(capsys, "mail", "sync", "--db", str(db_path), "--password-stdin", "--ca-file",
                         str(mail_server.ca_file), "--json")
    assert code == 1 and err.count("\n") == 1 and "refused the login" in err and "not-the-password" not in err
    assert json.loads(out)["failures"] == [err.strip().removeprefix("trade-crm: error: ")]


def test_without_a_keyring_the_password_is_given_to_each_sync(capsys, monkeypatch, db_path, mail_server, mail_user):
    account = cli_json(capsys, "mail", "account", "add", "li.wei@dragonlight.cn", "--db", str(db_path), "--host",
                       mail_server.host, "--port", str(mail_server.imaps_port), "--username", mail_user.name)
    code, _, err = cli(capsys, "mail", "sync", "--db", str(db_path), "--ca-file", str(mail_server.ca_file))
    assert code == 1 and "no password is kept" in err and "--password-stdin" in err
    mail_user.deliver([plain(1)])
    typed(monkeypatch, mail_user.password)
    report = cli_json(capsys, "mail", "sync", "--db", str(db_path), "--account", str(account["id"]),
                      "--password-stdin", "--ca-file", str(mail_server.ca_file))
    assert report["fetched"] == 1


def test_showing_a_message_that_is_not_there_is_one_line(capsys, db_path):
    code, _, err = cli(capsys, "mail", "show", "42", "--db", str(db_path))
    assert code == 1 and err.count("\n") == 1 and "42" in err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_sync_on_a_terminal_shows_its_progress_on_stderr(capsys, monkeypatch, db_path, mail_server, mail_user,
                                                           memory_keyring):
    add(capsys, monkeypatch, db_path, mail_server, mail_user)
    mail_user.deliver([plain(n) for n in range(3)])
    out, err = io.StringIO(), Terminal()
    assert run(["mail", "sync", "--db", str(db_path), "--ca-file", str(mail_server.ca_file)], stdout=out,
               stderr=err) == 0
    assert "\rli.wei@dragonlight.cn INBOX: 3 of 3 messages\n" in err.getvalue()
    assert out.getvalue().startswith("li.wei@dragonlight.cn: 3 fetched")
