"""`trade-crm mail account smtp`, `mail send-due` and `mail outbox` end to end against Dovecot and aiosmtpd: the
password from the keyring, one line per problem, an exit code that says whether something failed."""

from __future__ import annotations

import io

import pytest

from tests.helpers import cli, cli_json
from tests.integration.mail.send_helpers import HANS, ca_bundle
from tests.integration.mail.test_cli_mail import memory_keyring
from tests.smtp_server import start_smtp_server, stop_smtp_server
from trade_crm.domain.mail.messages import Address
from trade_crm.domain.mail.outbox import queue_drafts
from trade_crm.domain.mail.outgoing import Draft
from trade_crm.store.db import close_database, open_database

__all__ = ["memory_keyring"]  # the fixture, used by name


@pytest.fixture
def smtp(mail_user):
    server = start_smtp_server()
    server.add_user(mail_user.name, mail_user.password)
    mail_user.folder_path("Sent")
    yield server
    stop_smtp_server(server)


def setup_account(capsys, monkeypatch, db_path, mail_server, mail_user, smtp) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(mail_user.password + "\n"))
    account = cli_json(capsys, "mail", "account", "add", "li.wei@dragonlight.cn", "--db", str(db_path), "--host",
                       mail_server.host, "--port", str(mail_server.imaps_port), "--username", mail_user.name,
                       "--password-stdin")
    assert account["smtp_host"] == ""  # a server given by hand: no SMTP guessed
    done = cli_json(capsys, "mail", "account", "smtp", str(account["id"]), "--db", str(db_path), "--host", smtp.host,
                    "--port", str(smtp.port), "--security", "ssl", "--interval", "0")
    assert done["account"]["smtp_port"] == smtp.port and not done["separate_password"]
    return account["id"]


def queue(db_path, account_id: int, *recipients: str) -> list[int]:
    db = open_database(db_path)
    try:
        return [e.id for e in queue_drafts([Draft(account_id, (Address(r),), f"Offer {n}", "Dear buyer,\n\nour offer.")
                                            for n, r in enumerate(recipients, start=1)], _Clock())]
    finally:
        close_database(db)


class _Clock:
    @staticmethod
    def now():
        from datetime import UTC, datetime  # lazy: test helper

        return datetime.now(UTC)


def test_send_due_sends_with_the_keyrings_password_and_the_outbox_shows_and_moves_messages(
        capsys, monkeypatch, db_path, mail_server, mail_user, smtp, memory_keyring, tmp_path):
    account_id = setup_account(capsys, monkeypatch, db_path, mail_server, mail_user, smtp)
    smtp.refuse("nobody@example.com")
    good, bad, later = queue(db_path, account_id, HANS.email, "nobody@example.com", "buyer@example.org")
    pause = cli_json(capsys, "mail", "outbox", "pause", str(later), "--db", str(db_path))
    assert pause == {"action": "pause", "moved": 1, "not_moved": []}
    bundle = ca_bundle(tmp_path, mail_server.ca_file, smtp.ca_file)
    code, out, err = cli(capsys, "mail", "send-due", "--db", str(db_path), "--ca-file", bundle)
    assert code == 1 and err == ""  # a message failed: exit 1; no account-wide error
    assert "li.wei@dragonlight.cn: 1 sent, 0 to try again, 1 failed" in out
    assert f"#{bad} failed: localhost refused nobody@example.com (550" in out
    assert len(smtp.received) == 1 and len(mail_user.flags("Sent")) == 1
    listed = cli_json(capsys, "mail", "outbox", "--db", str(db_path))
    assert [(e["id"], e["state"]) for e in listed["entries"]] == [(good, "sent"), (bad, "failed"), (later, "paused")]
    code, out, _ = cli(capsys, "mail", "outbox", "--state", "failed", "--db", str(db_path))
    assert code == 0 and "nobody@example.com" in out and "550" in out and "Offer 1" not in out
    code, out, _ = cli(capsys, "mail", "outbox", "pause", str(good), str(later), "--db", str(db_path))
    assert code == 1 and "0 messages paused" in out and f"#{good} is sent: only queued messages can be paused" in out
    assert cli_json(capsys, "mail", "outbox", "resume", str(later), "--db", str(db_path))["moved"] == 1
    assert cli_json(capsys, "mail", "outbox", "cancel", str(bad), "--db", str(db_path))["moved"] == 1
    code, out, _ = cli(capsys, "mail", "send-due", "--db", str(db_path), "--ca-file", bundle)
    assert code == 0 and "1 sent" in out and len(smtp.received) == 2
    code, out, _ = cli(capsys, "mail", "send-due", "--db", str(db_path), "--ca-file", bundle)
    assert code == 0 and out.strip() == "Nothing was due"


def test_send_due_errors_are_one_line_and_exit_1(capsys, monkeypatch, db_path, mail_server, mail_user, smtp,
                                                memory_keyring, tmp_path):
    account_id = setup_account(capsys, monkeypatch, db_path, mail_server, mail_user, smtp)
    [entry] = queue(db_path, account_id, HANS.email)
    code, out, err = cli(capsys, "mail", "send-due", "--db", str(db_path))  # the test CA not trusted
    assert code == 1 and err.count("\n") == 1 and "certificate" in err and "Traceback" not in err
    code, out, err = cli(capsys, "mail", "outbox", "retry", "999", "--db", str(db_path))
    assert code == 1 and err.strip() == "trade-crm: error: no outbox message 999"
    code, out, err = cli(capsys, "mail", "outbox", "3", "--db", str(db_path))
    assert code == 2 and "invalid choice" in err
    cli_json(capsys, "mail", "account", "smtp", str(account_id), "--db", str(db_path), "--host", "")
    code, out, err = cli(capsys, "mail", "send-due", "--account", str(account_id), "--db", str(db_path))
    assert code == 1 and "has no SMTP server" in err
    assert cli_json(capsys, "mail", "outbox", "--db", str(db_path))["entries"][0]["attempts"] == 0
    assert entry


def test_a_separate_smtp_password_is_kept_in_the_keyring_and_used_for_sending_only(
        capsys, monkeypatch, db_path, mail_server, mail_user, smtp, memory_keyring, tmp_path):
    account_id = setup_account(capsys, monkeypatch, db_path, mail_server, mail_user, smtp)
    smtp.users[mail_user.name] = "smtp-only-Secret"  # the SMTP server takes another password than IMAP
    queue(db_path, account_id, HANS.email)
    bundle = ca_bundle(tmp_path, mail_server.ca_file, smtp.ca_file)
    code, _, err = cli(capsys, "mail", "send-due", "--db", str(db_path), "--ca-file", bundle)
    assert code == 1 and "refused the login" in err and smtp.received == []
    monkeypatch.setattr("sys.stdin", io.StringIO("smtp-only-Secret\n"))
    done = cli_json(capsys, "mail", "account", "smtp", str(account_id), "--db", str(db_path), "--password-stdin")
    assert done["separate_password"]
    assert memory_keyring.items[("trade-crm", f"mail-smtp-password:{account_id}")] == "smtp-only-Secret"
    assert memory_keyring.items[("trade-crm", f"mail-password:{account_id}")] == mail_user.password
    code, out, err = cli(capsys, "mail", "send-due", "--db", str(db_path), "--ca-file", bundle)
    assert (code, err) == (0, "") and "1 sent" in out and len(smtp.received) == 1
    assert len(mail_user.flags("Sent")) == 1  # IMAP still logged in with its own password
