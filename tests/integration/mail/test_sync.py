"""The mail sync against a real Dovecot: what it reads, what it leaves alone on the server, and how it goes on
after trouble (a re-sync, a renumbered folder, a dropped connection, hostile messages, a wrong password)."""

from __future__ import annotations

import socket
from datetime import UTC, date, datetime

import pytest

from tests.integration.mail.helpers import add_customers, corpus
from tests.mail_corpus import big_attachment_message, by_kind
from tests.mail_server import UNSAFE_USER, free_port, user_password
from trade_crm.domain.mail.accounts import update_account
from trade_crm.domain.mail.folders import folder_state
from trade_crm.exchange.mail.imap import (
    CertificateRefused,
    ConnectionLost,
    ImapConnection,
    LoginRefused,
    ServerAddress,
    UnsafeLogin,
)
from trade_crm.exchange.mail.sync import SyncFailed, folders_to_sync, sync_account
from trade_crm.exchange.mail.tokens import PasswordCredentials
from trade_crm.store.models import database

PLAIN = (b"From: Hans <hans@mueller-leuchten.de>\r\nTo: li.wei@dragonlight.cn\r\nSubject: %s\r\n"
         b"Date: Mon, 2 Nov 2026 10:00:00 +0100\r\nMessage-ID: <%s@mueller-leuchten.de>\r\n\r\nPlease quote.\r\n")


def plain(n: int, subject: str = "Anfrage") -> bytes:
    return PLAIN % (f"{subject} {n}".encode(), f"m{n}".encode())


def count(table: str) -> int:
    return database.execute_sql(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def rows(sql: str) -> list:
    return list(database.execute_sql(sql).fetchall())


def sync(mailbox, mail_server, clock, **kwargs):
    user, account, credentials = mailbox
    return sync_account(account, credentials, clock=clock, ca_file=str(mail_server.ca_file), **kwargs)


def test_a_sync_reads_inbox_and_sent_and_changes_no_flag_on_the_server(mailbox, mail_server, clock):
    user, account, _ = mailbox
    add_customers(clock)
    loaded = user.load(corpus())
    before = {folder: user.flags(folder) for folder in ("INBOX", "Sent")}
    assert any(before["INBOX"].values()) and not all(before["INBOX"].values())  # read and unread mail
    report = sync(mailbox, mail_server, clock)
    assert [(f.folder, f.fetched) for f in report.folders] == [("INBOX", loaded["INBOX"]), ("Sent", loaded["Sent"])]
    assert report.fetched == sum(loaded.values()) and report.matched > 200 and not report.cancelled
    assert {folder: user.flags(folder) for folder in ("INBOX", "Sent")} == before
    assert count("mail_message") == report.stored == report.fetched - 1  # one message is in INBOX and in Sent
    state = folder_state(account.id, "INBOX")
    assert state.last_uid == loaded["INBOX"] and state.highest_modseq is not None


def test_a_resync_fetches_nothing_and_enters_nothing_twice_and_new_mail_comes_next_time(mailbox, mail_server, clock):
    user, _, _ = mailbox
    add_customers(clock)
    user.load(corpus())
    first = sync(mailbox, mail_server, clock)
    entries, messages = count("interaction"), count("mail_message")
    again = sync(mailbox, mail_server, clock)
    assert (again.fetched, again.stored, [f.unchanged for f in again.folders]) == (0, 0, [True, True])
    assert (count("interaction"), count("mail_message")) == (entries, messages)
    user.deliver([plain(1), plain(2)])
    later = sync(mailbox, mail_server, clock)
    assert (later.fetched, later.stored, later.matched) == (2, 2, 2)
    assert count("mail_message") == messages + 2 and first.fetched == messages + 1


def test_the_same_message_in_three_folders_is_one_entry_with_three_locations(mailbox, mail_server, clock):
    user, account, _ = mailbox
    add_customers(clock)
    account = update_account(account.id, extra_folders=("Archive",))
    for folder in ("INBOX", "Sent", "Archive"):
        user.deliver([plain(7)], folder)
    report = sync((user, account, mailbox[2]), mail_server, clock)
    assert [f.folder for f in report.folders] == ["INBOX", "Sent", "Archive"]
    assert (report.fetched, report.stored, report.skipped) == (3, 1, 2)
    assert (count("mail_message"), count("mail_location"), count("interaction")) == (1, 3, 1)


def test_hostile_messages_are_problems_of_their_own_while_the_sync_goes_on(mailbox, mail_server, clock):
    user, _, _ = mailbox
    add_customers(clock)
    user.deliver([plain(1)])
    sync(mailbox, mail_server, clock)
    stored_before = rows("SELECT id, key, subject, text, problems FROM mail_message ORDER BY id")
    hostile = [m for m in corpus() if m.hostile and m.folder == "INBOX"]
    kinds = {m.kind for m in hostile}
    assert {"hostile-garbage", "hostile-unknown-charset", "hostile-many-addresses"} <= kinds
    big = big_attachment_message(50)
    user.deliver([m.raw for m in hostile] + [big.raw, plain(2)])
    report = sync(mailbox, mail_server, clock)
    assert report.fetched == len(hostile) + 2 and report.stored == len(hostile) + 2
    by_uid: dict[int, list[str]] = {}
    for problem in report.problems:
        by_uid.setdefault(problem.uid, []).append(problem.problem)
    uids = sorted(user.flags())[1:]  # the hostile ones, the big one, the last plain one: in delivery order
    for uid, message in zip(uids, hostile, strict=False):
        if message.expected.problem:
            assert any(message.expected.problem in text for text in by_uid[uid]), (message.kind, by_uid.get(uid))
    assert any("68.4 MB attachment" in text for text in by_uid[uids[len(hostile)]])
    assert uids[-1] not in by_uid
    assert rows("SELECT id, key, subject, text, problems FROM mail_message ORDER BY id")[:1] == stored_before
    assert rows("SELECT subject FROM mail_message WHERE subject = 'Anfrage 2'") == [("Anfrage 2",)]
    (size,) = rows("SELECT attachments FROM mail_message WHERE subject LIKE 'Gro%'")[0]
    assert "drawings.zip" in size


def test_a_renumbered_folder_is_read_again_without_a_second_entry(mailbox, mail_server, clock):
    user, account, _ = mailbox
    add_customers(clock)
    user.deliver([plain(n) for n in range(5)])
    first = sync(mailbox, mail_server, clock)
    old = folder_state(account.id, "INBOX").uidvalidity
    user.reset_uidvalidity("INBOX")
    again = sync(mailbox, mail_server, clock)
    inbox = again.folders[0]
    assert (inbox.uidvalidity_changed, inbox.fetched, inbox.stored, inbox.skipped) == (True, 5, 0, 5)
    assert folder_state(account.id, "INBOX").uidvalidity != old
    assert (count("mail_message"), count("mail_location"), count("interaction")) == (5, 5, first.matched)


def test_mail_received_before_the_since_date_is_left_on_the_server(mailbox, mail_server, clock):
    user, account, _ = mailbox
    update_account(account.id, since_on=date(2026, 6, 1))
    user.deliver([plain(1)], when=datetime(2026, 3, 1, tzinfo=UTC))
    user.deliver([plain(2)], when=datetime(2026, 7, 1, tzinfo=UTC))
    mailbox = (user, update_account(account.id), mailbox[2])
    report = sync(mailbox, mail_server, clock)
    assert report.fetched == 1 and rows("SELECT subject FROM mail_message") == [("Anfrage 2",)]


def test_the_sent_folder_is_found_by_its_name_when_the_server_marks_none(mail_server, mailbox, clock):
    user, account, credentials = mailbox
    user.deliver([plain(1)], "已发送")
    address = ServerAddress(mail_server.host, mail_server.imaps_port, "ssl", str(mail_server.ca_file))
    with ImapConnection.open(address, credentials) as connection:
        assert folders_to_sync(connection, account) == ["INBOX", "已发送"]


class Dropping:
    """Connections to the real server whose socket is cut after `after` FETCHes (each time: `times` times)."""

    def __init__(self, after: int, times: int):
        self.after, self.times, self.cut = after, times, 0

    def __call__(self, address, credentials):
        connection = ImapConnection.open(address, credentials)
        if self.cut < self.times:
            fetches, original = [0], connection.client.fetch

            def fetch(*args, **kwargs):
                fetches[0] += 1
                if fetches[0] > self.after:
                    self.cut += 1
                    connection.client.socket().shutdown(socket.SHUT_RDWR)
                return original(*args, **kwargs)

            connection.client.fetch = fetch
        return connection


def test_a_dropped_connection_is_reconnected_and_the_sync_resumes(mailbox, mail_server, clock):
    user, _, _ = mailbox
    user.deliver([plain(n) for n in range(120)])
    report = sync(mailbox, mail_server, clock, batch=25, connect=Dropping(after=4, times=2))
    assert report.reconnects == 2 and report.fetched == 120
    assert (count("mail_message"), count("mail_location")) == (120, 120)


def test_a_connection_that_keeps_dropping_stops_in_one_line_and_keeps_what_was_fetched(mailbox, mail_server, clock):
    user, _, _ = mailbox
    user.deliver([plain(n) for n in range(60)])
    with pytest.raises(SyncFailed) as failed:
        sync(mailbox, mail_server, clock, batch=10, connect=Dropping(after=2, times=99))
    assert "\n" not in str(failed.value) and "run it again to go on" in str(failed.value)
    kept = count("mail_message")
    assert kept >= 10
    report = sync(mailbox, mail_server, clock, batch=10)
    assert kept + report.stored == 60 and count("mail_location") == 60


def test_cancel_stops_between_batches_and_the_next_sync_goes_on(mailbox, mail_server, clock):
    user, _, _ = mailbox
    user.deliver([plain(n) for n in range(50)])
    seen = []
    report = sync(mailbox, mail_server, clock, batch=10, progress=lambda *a: seen.append(a),
                  cancel=lambda: len(seen) >= 2)
    assert report.cancelled and report.fetched == 20 and seen == [("INBOX", 10, 50), ("INBOX", 20, 50)]
    rest = sync(mailbox, mail_server, clock, batch=10)
    assert (rest.fetched, count("mail_message")) == (30, 50)


def test_a_wrong_password_is_one_line_without_the_password(mailbox, mail_server, clock):
    user, account, _ = mailbox
    with pytest.raises(LoginRefused) as refused:
        sync_account(account, PasswordCredentials(user.name, "Wrong-Pass-123"), clock=clock,
                     ca_file=str(mail_server.ca_file))
    assert "\n" not in str(refused.value) and "Wrong-Pass-123" not in str(refused.value)
    assert "refused the login for " + user.name in str(refused.value)


def test_an_untrusted_certificate_is_refused_before_the_password_is_sent(mailbox, mail_server, clock):
    user, account, credentials = mailbox
    with pytest.raises(CertificateRefused, match="is not trusted .*--ca-file") as refused:
        sync_account(account, credentials, clock=clock)
    assert "\n" not in str(refused.value)
    assert f"user={user.name}" not in mail_server.log.read_text(errors="replace").split("TLS handshaking")[-1]


def test_starttls_with_a_checked_certificate_reads_the_same_mail(mailbox, mail_server, clock):
    user, account, credentials = mailbox
    user.deliver([plain(1)])
    account = update_account(account.id, port=mail_server.imap_port, security="starttls")
    report = sync_account(account, credentials, clock=clock, ca_file=str(mail_server.ca_file))
    assert report.fetched == 1
    with pytest.raises(CertificateRefused):
        sync_account(account, credentials, clock=clock)


def test_a_server_nobody_listens_on_is_one_line(mailbox, clock):
    _, account, credentials = mailbox
    account = update_account(account.id, port=free_port())
    with pytest.raises(ConnectionLost, match="could not reach") as lost:
        sync_account(account, credentials, clock=clock)
    assert "\n" not in str(lost.value)


def test_the_corpus_messages_that_must_parse_cleanly_do(mailbox, mail_server, clock):
    user, _, _ = mailbox
    clean = [m for m in by_kind(list(corpus()), "plain") if m.folder == "INBOX"][:20]
    user.load(clean)
    report = sync(mailbox, mail_server, clock)
    assert report.fetched == len(clean) and report.problems == ()
    subjects = {s for (s,) in rows("SELECT subject FROM mail_message")}
    assert subjects == {m.expected.subject for m in clean}


def test_the_client_says_who_it_is_with_the_id_command_after_login(mailbox, mail_server, clock):
    user, _, _ = mailbox
    sync(mailbox, mail_server, clock)
    said = [line for line in mail_server.log.read_text(errors="replace").splitlines()
            if f"imap({user.name})" in line and "ID sent" in line]
    assert said and "name=Trade CRM" in said[0]


def test_a_flag_changed_elsewhere_is_noticed_by_condstore_and_fetches_nothing(mailbox, mail_server, clock):
    user, account, _ = mailbox
    user.deliver([plain(1), plain(2)])
    sync(mailbox, mail_server, clock)
    saved = folder_state(account.id, "INBOX").highest_modseq
    with user.client() as client:  # the user reads a message in another mail program
        client.select_folder("INBOX")
        client.add_flags([1], [b"\\Seen"])
    again = sync(mailbox, mail_server, clock)
    assert (again.folders[0].unchanged, again.fetched, again.stored) == (False, 0, 0)
    assert folder_state(account.id, "INBOX").highest_modseq > saved
    assert user.flags()[1] == (b"\\Seen",) and user.flags()[2] == ()


def test_unsafe_login_is_one_line_that_says_what_to_do(mailbox, mail_server, clock):
    _, account, _ = mailbox
    with pytest.raises(UnsafeLogin, match="Unsafe Login.*authorization code") as refused:
        sync_account(account, PasswordCredentials(UNSAFE_USER, user_password(0)), clock=clock,
                     ca_file=str(mail_server.ca_file))
    assert "\n" not in str(refused.value)
