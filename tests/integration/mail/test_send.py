"""The sending engine against a real Dovecot (the Sent folder) and a real aiosmtpd (the submission server): a message
goes once, is filed in Sent and logged on the timeline once; a refusal stops only its own message with the
reason; a temporary failure is tried again later and still arrives once; what the server cannot take is said."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.integration.mail.send_helpers import (
    HANS,
    make_setting,
    queue,
    setting,
    stored_messages,
    timeline_entries,
)
from tests.smtp_server import stop_smtp_server
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.mail.accounts import update_account
from trade_crm.domain.mail.merge import save_sender_profile
from trade_crm.domain.mail.messages import Address
from trade_crm.domain.mail.outbox import outbox_entry
from trade_crm.domain.mail.outgoing import OutboxState, OutgoingFile
from trade_crm.exchange.mail.imap import ImapConnection
from trade_crm.exchange.mail.sending import FOUND, RETRY, SENT, send_due
from trade_crm.exchange.mail.sync import sync_account
from trade_crm.store.models import database

__all__ = ["setting"]  # the fixture, used by name


def test_a_message_goes_once_is_filed_in_sent_and_is_logged_once_even_after_a_sync(setting, clock):
    cc, bcc = Address("buyer@mueller-haustechnik.de", "Einkauf"), Address("boss@sunrise-lighting.cn")
    [entry] = queue(setting, clock, cc=(cc,), bcc=(bcc,), html="<p>Dear Hans,</p><p>warm greetings.</p>")
    report = send_due(clock, setting.logins, ca_file=setting.ca_file)
    assert report.ok and report.sent == 1
    [outcome] = report.accounts[0].outcomes
    assert outcome.outcome == SENT and outcome.error == ""
    [got] = setting.smtp.received
    assert got.message_id == entry.message_id
    assert set(got.rcpt_tos) == {HANS.email, cc.email, bcc.email}
    message = got.message
    assert "Bcc" not in message and bcc.email.encode() not in got.raw
    assert message["From"].addresses[0].display_name == "Li Wei" and message["To"].addresses[0].username == "hans"
    assert message.get_body(("html",)) is not None and "warm greetings" in message.get_body(("plain",)).get_content()
    assert list(setting.sent_folder().values()) == [(b"\\Seen",)]
    done = outbox_entry(entry.id)
    assert done.state is OutboxState.SENT and done.sent_at == clock.now() and done.attempts == 1
    assert done.interaction_id is not None and outcome.interaction_id == done.interaction_id
    assert timeline_entries(setting.customer_id) == 1 and stored_messages() == 1
    sync = sync_account(setting.account, setting.logins(setting.account).imap, clock=clock, ca_file=setting.ca_file)
    assert sync.stored == 0 and sync.fetched == 0  # the Sent copy's place was recorded: not fetched again
    assert timeline_entries(setting.customer_id) == 1 and stored_messages() == 1
    assert send_due(clock, setting.logins, ca_file=setting.ca_file).accounts == ()  # nothing left to do


def test_a_refused_recipient_fails_its_message_with_the_reason_and_the_others_still_go(setting, clock):
    entries = queue(setting, clock, 3)
    setting.smtp.refuse("nobody@mueller-haustechnik.de")
    bad = queue(setting, clock, to=(Address("nobody@mueller-haustechnik.de"),))[0]
    report = send_due(clock, setting.logins, ca_file=setting.ca_file)
    assert (report.sent, report.failed, report.ok) == (3, 1, False)
    failed = outbox_entry(bad.id)
    assert failed.state is OutboxState.FAILED
    assert "nobody@mueller-haustechnik.de" in failed.last_error and "550" in failed.last_error
    assert sorted(setting.received_ids()) == sorted(e.message_id for e in entries)
    assert len(setting.sent_folder()) == 3 and timeline_entries(setting.customer_id) == 3


def test_a_connection_dropped_after_data_is_tried_again_later_and_arrives_once(setting, clock):
    [entry] = queue(setting, clock)
    setting.smtp.drop_next()
    report = send_due(clock, setting.logins, ca_file=setting.ca_file)
    assert [o.outcome for o in report.accounts[0].outcomes] == [RETRY]
    waiting = outbox_entry(entry.id)
    assert waiting.state is OutboxState.QUEUED and waiting.attempts == 1
    assert waiting.next_attempt_at == clock.now() + timedelta(minutes=1) and "dropped" in waiting.last_error
    assert send_due(clock, setting.logins, ca_file=setting.ca_file).sent == 0  # not before its retry time
    clock.advance(timedelta(minutes=2))
    assert send_due(clock, setting.logins, ca_file=setting.ca_file).sent == 1
    assert setting.received_ids() == [entry.message_id]
    assert len(setting.sent_folder()) == 1 and outbox_entry(entry.id).attempts == 2


def test_a_drop_after_the_server_took_the_message_is_settled_by_the_sent_folder(mail_server, mail_user, db, clock,
                                                                               tmp_path):
    made = make_setting(mail_server, mail_user, clock, tmp_path, provider="gmail")  # Gmail files sent mail itself
    try:
        made.smtp.on_receive(lambda raw: made.user.deliver([raw], "Sent", seen=True))
        [entry] = queue(made, clock)
        made.smtp.drop_next(keep=True)  # taken, filed, and then no answer
        assert [o.outcome for o in send_due(clock, made.logins, ca_file=made.ca_file).accounts[0].outcomes] == [RETRY]
        clock.advance(timedelta(minutes=2))
        report = send_due(clock, made.logins, ca_file=made.ca_file)
        assert [o.outcome for o in report.accounts[0].outcomes] == [FOUND]
        assert made.received_ids() == [entry.message_id] and len(made.sent_folder()) == 1
        assert outbox_entry(entry.id).state is OutboxState.SENT and timeline_entries(made.customer_id) == 1
    finally:
        stop_smtp_server(made.smtp)


def test_temporary_refusals_back_off_and_then_fail_with_the_servers_words(setting, clock):
    [entry] = queue(setting, clock)
    setting.smtp.defer_next(10)
    waits = []
    for _attempt in range(5):
        send_due(clock, setting.logins, ca_file=setting.ca_file)
        now = outbox_entry(entry.id)
        if now.state is OutboxState.QUEUED:
            waits.append(now.next_attempt_at - clock.now())
            clock.advance(now.next_attempt_at - clock.now())
    assert waits == [timedelta(minutes=m) for m in (1, 5, 15, 60)]
    failed = outbox_entry(entry.id)
    assert failed.state is OutboxState.FAILED and failed.attempts == 5
    assert failed.last_error.startswith("gave up after 5 attempts") and "451" in failed.last_error
    assert setting.smtp.received == []


def test_a_message_over_the_servers_size_limit_fails_with_both_sizes_and_sends_nothing(setting, clock, tmp_path):
    big = tmp_path / "catalogue 2027.pdf"
    with big.open("wb") as out:
        out.truncate(25 * 1024 * 1024)
    [entry] = queue(setting, clock, attachments=(OutgoingFile(str(big), big.name, 25 * 1024 * 1024, "application/pdf"),))
    [small] = queue(setting, clock)
    report = send_due(clock, setting.logins, ca_file=setting.ca_file)
    failed = outbox_entry(entry.id)
    assert failed.state is OutboxState.FAILED and report.failed == 1
    assert "34." in failed.last_error and "at most 10.0 MB" in failed.last_error  # 25 MB of file, base64-encoded
    assert setting.received_ids() == [small.message_id]


def test_an_attachment_gone_from_disk_fails_its_message_by_name(setting, clock, tmp_path):
    [entry] = queue(setting, clock, attachments=(OutgoingFile(str(tmp_path / "gone.pdf"), "gone.pdf", 10),))
    send_due(clock, setting.logins, ca_file=setting.ca_file)
    failed = outbox_entry(entry.id)
    assert failed.state is OutboxState.FAILED and '"gone.pdf"' in failed.last_error


def test_an_invalid_address_is_refused_when_queued_and_nothing_reaches_the_server(setting, clock):
    with pytest.raises(ValidationError) as refused:
        queue(setting, clock, to=(Address("hans@@mueller"),))
    assert refused.value.field == "to" and "hans@@mueller" in str(refused.value)
    assert send_due(clock, setting.logins, ca_file=setting.ca_file).accounts == ()
    assert setting.smtp.received == []


def test_offline_leaves_every_message_queued_and_counts_no_attempt(setting, clock):
    entries = queue(setting, clock, 2)
    update_account(setting.account.id, smtp_port=1)  # nothing listens there
    report = send_due(clock, setting.logins, ca_file=setting.ca_file)
    [account] = report.accounts
    assert account.offline and "could not reach" in account.error and not report.ok
    assert all(outbox_entry(e.id).state is OutboxState.QUEUED and outbox_entry(e.id).attempts == 0 for e in entries)


def test_a_wrong_password_stops_the_account_with_one_line_and_touches_nothing(setting, clock):
    [entry] = queue(setting, clock)
    setting.smtp.users[setting.user.name] = "changed"
    report = send_due(clock, setting.logins, ca_file=setting.ca_file)
    assert "refused the login" in report.accounts[0].error and not report.accounts[0].offline
    assert outbox_entry(entry.id).state is OutboxState.QUEUED and outbox_entry(entry.id).attempts == 0


def test_the_pace_holds_the_next_message_back_for_the_interval_and_the_daily_cap(setting, clock):
    update_account(setting.account.id, send_interval_seconds=20, daily_cap=2)
    first, second, third = queue(setting, clock, 3)
    report = send_due(clock, setting.logins, ca_file=setting.ca_file, wait=False)
    [account] = report.accounts
    assert account.sent == 1 and account.waiting == 2 and account.next_at == clock.now() + timedelta(seconds=20)
    clock.advance(timedelta(seconds=20))
    assert send_due(clock, setting.logins, ca_file=setting.ca_file, wait=False).sent == 1
    clock.advance(timedelta(minutes=5))
    capped = send_due(clock, setting.logins, ca_file=setting.ca_file, wait=False).accounts[0]
    assert capped.sent == 0 and capped.next_at == outbox_entry(first.id).sent_at + timedelta(hours=24)
    assert outbox_entry(third.id).state is OutboxState.QUEUED
    clock.advance(timedelta(hours=24))
    assert send_due(clock, setting.logins, ca_file=setting.ca_file, wait=False).sent == 1
    assert len(setting.smtp.received) == 3 and outbox_entry(second.id).state is OutboxState.SENT


def test_a_message_goes_over_starttls_too(mail_server, mail_user, db, clock, tmp_path):
    made = make_setting(mail_server, mail_user, clock, tmp_path, security="starttls")
    try:
        [entry] = queue(made, clock)
        assert send_due(clock, made.logins, ca_file=made.ca_file).sent == 1
        assert made.received_ids() == [entry.message_id]
    finally:
        stop_smtp_server(made.smtp)


def test_a_message_scheduled_later_waits_for_its_time(setting, clock):
    [entry] = queue(setting, clock, send_at=clock.now() + timedelta(hours=3))
    assert send_due(clock, setting.logins, ca_file=setting.ca_file).accounts == ()
    clock.advance(timedelta(hours=3))
    assert send_due(clock, setting.logins, ca_file=setting.ca_file).sent == 1
    assert setting.received_ids() == [entry.message_id]


def test_an_imap_connection_that_drops_mid_run_is_opened_again_and_every_copy_is_filed(setting, clock):
    opened = []

    def connect(address, credentials):
        opened.append(ImapConnection.open(address, credentials))
        return opened[-1]

    def drop_after_first(step, entry_id):
        if step == "sent" and len(opened) == 1:
            opened[0].client.shutdown()  # the server's idle timeout, a NAT that forgot the connection …

    entries = queue(setting, clock, 2)
    report = send_due(clock, setting.logins, ca_file=setting.ca_file, connect_imap=connect, on_step=drop_after_first)
    assert report.ok and [o.error for o in report.accounts[0].outcomes] == ["", ""]
    assert len(opened) == 2 and len(setting.sent_folder()) == 2
    assert sorted(setting.received_ids()) == sorted(e.message_id for e in entries)


def test_a_greeting_that_went_is_the_customers_greeting_on_the_timeline(setting, clock):
    """A holiday greeting sent from the outbox is logged as a greeting (the holiday's reminder then counts the
    customer as greeted); any other message stays an email."""
    greeting, chaser = queue(setting, clock, purpose="greeting:christmas:2026") + queue(setting, clock,
                                                                                       purpose="manual")
    assert send_due(clock, setting.logins, ca_file=setting.ca_file).sent == 2
    kinds = dict(database.execute_sql("SELECT id, kind FROM interaction WHERE customer_id = ?",
                                      (setting.customer_id,)).fetchall())
    assert kinds[outbox_entry(greeting.id).interaction_id] == "greeting"
    assert kinds[outbox_entry(chaser.id).interaction_id] == "email"


def test_the_from_name_is_the_users_own_name_once_it_is_set(setting, clock):
    save_sender_profile(name="Ann Chen", company="Sunrise Lighting", signature="")
    queue(setting, clock)
    assert send_due(clock, setting.logins, ca_file=setting.ca_file).sent == 1
    [got] = setting.smtp.received
    assert got.message["From"].addresses[0].display_name == "Ann Chen"  # the account's label was "Li Wei"
