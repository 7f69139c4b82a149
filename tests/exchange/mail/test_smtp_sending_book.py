"""The sending engine's moves in the book on both engines (this folder runs each test on SQLite and on the
PostgreSQL book): claims, the server's acceptance written down, entries in doubt after a crash, the pace."""

from __future__ import annotations

from datetime import timedelta

from tests.integration.mail.send_helpers import queue, setting, timeline_entries
from trade_crm.domain.mail.accounts import update_account
from trade_crm.domain.mail.outbox import (
    LEASE,
    claim_next,
    in_doubt_entries,
    mark_retry,
    note_accepted,
    outbox_entries,
    outbox_entry,
    release,
    sending_pace,
)
from trade_crm.domain.mail.outgoing import OutboxState
from trade_crm.exchange.mail.sending import FOUND, SENT, send_due

__all__ = ["setting"]  # the fixture, used by name


def test_claims_go_in_send_order_and_never_twice_and_a_release_counts_no_attempt(setting, clock):
    later, other = queue(setting, clock, 2)  # as soon as the pace allows: in the order they were queued
    [first] = queue(setting, clock, send_at=clock.now() - timedelta(hours=1))  # due an hour ago: goes first
    taken = claim_next(setting.account.id, clock)
    assert taken.id == first.id and taken.state is OutboxState.SENDING and taken.attempts == 1
    release(taken.id, clock)
    assert outbox_entry(first.id).state is OutboxState.QUEUED and outbox_entry(first.id).attempts == 0
    ids = [claim_next(setting.account.id, clock).id for _ in range(3)]
    assert ids == [first.id, later.id, other.id] and claim_next(setting.account.id, clock) is None
    assert in_doubt_entries(setting.account.id, clock) == []  # claimed just now: in flight, not in doubt
    clock.advance(LEASE)
    assert len(in_doubt_entries(setting.account.id, clock)) == 3


def test_a_crash_after_the_server_took_a_message_files_it_without_sending_it_again(setting, clock):
    accepted, lost = queue(setting, clock, 2)
    assert claim_next(setting.account.id, clock).id == accepted.id
    note_accepted(accepted.id, clock)  # the server had it when the process died
    assert claim_next(setting.account.id, clock).id == lost.id  # died before the server heard of this one
    assert send_due(clock, setting.logins, ca_file=setting.ca_file).accounts == ()  # both still in flight
    clock.advance(LEASE + timedelta(seconds=1))
    report = send_due(clock, setting.logins, ca_file=setting.ca_file)
    assert sorted(o.outcome for o in report.accounts[0].outcomes) == [SENT, SENT]
    assert setting.received_ids() == [lost.message_id]  # the accepted one is not sent again
    assert len(setting.sent_folder()) == 2 and timeline_entries(setting.customer_id) == 2
    assert {e.state for e in outbox_entries()} == {OutboxState.SENT}
    assert outbox_entry(accepted.id).attempts == 1 and outbox_entry(lost.id).attempts == 2


def test_a_message_already_in_sent_is_marked_sent_not_sent_again(setting, clock):
    [entry] = queue(setting, clock)
    assert send_due(clock, setting.logins, ca_file=setting.ca_file).sent == 1
    raw = setting.smtp.received[0].raw
    [twin] = queue(setting, clock)  # the same message, as if it had gone in a run that died before marking it
    setting.user.deliver([raw.replace(entry.message_id.encode(), twin.message_id.encode())], "Sent", seen=True)
    claim_next(setting.account.id, clock)
    clock.advance(LEASE + timedelta(seconds=1))
    report = send_due(clock, setting.logins, ca_file=setting.ca_file)
    assert [o.outcome for o in report.accounts[0].outcomes] == [FOUND]
    assert len(setting.smtp.received) == 1 and outbox_entry(twin.id).state is OutboxState.SENT
    assert outbox_entry(twin.id).interaction_id is not None and timeline_entries(setting.customer_id) == 2


def test_the_pace_counts_what_went_in_the_last_24_hours_and_retries_back_off(setting, clock):
    update_account(setting.account.id, send_interval_seconds=20, daily_cap=2)
    entries = queue(setting, clock, 3)
    for _ in range(2):
        assert send_due(clock, setting.logins, ca_file=setting.ca_file, wait=False).sent == 1
        clock.advance(timedelta(seconds=30))
    pace = sending_pace(setting.account.id, clock, interval_seconds=20, daily_cap=2)
    assert pace.sent_last_day == 2 and pace.capped
    assert pace.next_at == outbox_entry(entries[0].id).sent_at + timedelta(hours=24)
    third = claim_next(setting.account.id, clock)
    assert mark_retry(third.id, clock, "451 later") is OutboxState.QUEUED
    assert outbox_entry(third.id).next_attempt_at == clock.now() + timedelta(minutes=1)
