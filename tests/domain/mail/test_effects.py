"""What logged mail moves: last contact, the cadence, the quotation chaser; auto-replies and bounces move
nothing. And a batch is one transaction."""

from datetime import timedelta

import pytest

from tests.domain.mail.helpers import account, at, mail
from trade_crm.domain.clock import FixedClock, today
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer, get_customer
from trade_crm.domain.customers.timeline import log_interaction, timeline
from trade_crm.domain.mail import record as record_module
from trade_crm.domain.mail.messages import AUTO_BOUNCE, AUTO_REPLY, AttachmentInfo
from trade_crm.domain.mail.reading import customer_threads, mail_message
from trade_crm.domain.mail.record import record_mail
from trade_crm.domain.reminders.rules import compute_reminders
from trade_crm.domain.reminders.settings import ReminderSettings

BUYER = "rosa@limaimports.pe"


def _keys(clock):
    return [c.key for c in compute_reminders(today(clock), clock.zone, ReminderSettings.load())
            if c.kind == "follow_up"]


def _quoted(clock):
    """A customer (rating C) who asked and was sent a quotation by hand on 2 Nov."""
    cid = create_customer(clock, name="Lima Imports SAC", country="PE", rating="C",
                          contacts=[ContactInput(name="Rosa Quispe", emails=(BUYER,))])
    log_interaction(cid, "inquiry", "Asked for 2,000 pcs", clock)
    clock.advance(timedelta(hours=2))
    return cid, log_interaction(cid, "quotation", "Quoted USD 3.20", clock)


def test_a_customers_reply_closes_the_quotation_chaser(db):
    clock = FixedClock.at("2026-11-02 10:00", "Asia/Shanghai")
    acc = account(clock)
    cid, _quote = _quoted(clock)
    clock.advance(timedelta(days=1))
    record_mail([(mail("Re: Quotation", sender=BUYER, sent_at=clock.now()), at(acc.id))], clock=clock)
    clock.advance(timedelta(days=2))
    assert _keys(clock) == []
    assert get_customer(cid).last_contact_at == clock.now() - timedelta(days=2)


def test_an_outgoing_mail_restarts_the_cadence_but_leaves_the_chaser(db):
    clock = FixedClock.at("2026-11-02 10:00", "Asia/Shanghai")
    acc = account(clock)
    cid, quote = _quoted(clock)
    clock.advance(timedelta(days=1))
    sent = clock.now()
    record_mail([(mail("Quotation attached", sender=acc.email, to=(BUYER,), sent_at=sent), at(acc.id, "Sent"))],
                clock=clock)
    assert get_customer(cid).last_contact_at == sent  # the cadence counts from here
    clock.advance(timedelta(days=2))
    assert _keys(clock) == [f"follow_up:quotation:{quote}:2026-11-05"]


def test_auto_replies_and_bounces_are_logged_but_move_nothing(db):
    clock = FixedClock.at("2026-11-02 10:00", "Asia/Shanghai")
    acc = account(clock)
    cid, quote = _quoted(clock)
    before = get_customer(cid).last_contact_at
    clock.advance(timedelta(days=1))
    ours = mail("Quotation attached", sender=acc.email, to=(BUYER,), sent_at=clock.now() - timedelta(hours=1))
    record_mail([
        (ours, at(acc.id, "Sent")),
        (mail("Out of office", sender=BUYER, auto=AUTO_REPLY, sent_at=clock.now(), in_reply_to=ours.message_id),
         at(acc.id)),
        (mail("Undelivered Mail Returned to Sender", sender="mailer-daemon@mx.limaimports.pe", auto=AUTO_BOUNCE,
              sent_at=clock.now(), in_reply_to=ours.message_id), at(acc.id)),
    ], clock=clock)
    entries = timeline(cid)
    assert [(e.kind, e.summary) for e in entries[:3]] == [
        ("note", "Out of office"), ("note", "Undelivered Mail Returned to Sender"), ("email", "Quotation attached")]
    assert get_customer(cid).last_contact_at == ours.sent_at  # only our own mail moved it
    assert before < ours.sent_at
    clock.advance(timedelta(days=2))
    assert _keys(clock) == [f"follow_up:quotation:{quote}:2026-11-05"]


def test_a_reply_joins_its_thread_and_the_reader_shows_it_whole(db, clock):
    acc = account(clock)
    cid = create_customer(clock, name="Lima Imports SAC", contacts=[ContactInput(emails=(BUYER,))])
    root = mail("Inquiry", sender=BUYER, text="Hello Ann,\nwe need 2,000 pcs.\n\n> nothing quoted", minutes=0)
    reply = mail("Re: Inquiry", sender=acc.email, to=(BUYER,), minutes=10, in_reply_to=root.message_id,
                 references=(root.message_id,),
                 attachments=(AttachmentInfo("报价单.pdf", 120_000, "application/pdf", "2"),))
    again = mail("Re: Re: Inquiry", sender=BUYER, minutes=20, in_reply_to=reply.message_id)  # no References
    other = mail("Samples", sender=BUYER, minutes=30)
    record_mail([(reply, at(acc.id, "Sent")), (root, at(acc.id))], clock=clock)
    record_mail([(again, at(acc.id)), (other, at(acc.id))], clock=clock)
    threads = customer_threads(cid)
    assert [(t.subject, [e.summary for e in t.entries]) for t in threads] == [
        ("Samples", ["Samples"]), ("Inquiry", ["Inquiry", "Re: Inquiry", "Re: Re: Inquiry"])]
    assert [e.direction for e in threads[1].entries] == ["in", "out", "in"]
    view = mail_message(threads[1].entries[1].message_id)
    assert (view.subject, view.direction, view.sender.email, [a.name for a in view.attachments]) == (
        "Re: Inquiry", "out", acc.email, ["报价单.pdf"])
    assert [m.subject for m in view.thread] == ["Inquiry", "Re: Inquiry", "Re: Re: Inquiry"]
    assert [(c.customer_id, c.rule) for c in view.customers] == [(cid, "address")]
    assert [(loc.folder, loc.account_id) for loc in view.locations] == [("Sent", acc.id)]
    entry = timeline(cid)[-1]
    assert (entry.summary, entry.body) == ("Inquiry", "Hello Ann,\nwe need 2,000 pcs.")
    assert "📎 报价单.pdf" in timeline(cid)[-2].body


def test_a_message_with_problems_is_stored_and_counted(db, clock):
    acc = account(clock)
    create_customer(clock, name="Lima Imports SAC", contacts=[ContactInput(emails=(BUYER,))])
    report = record_mail([(mail("Broken", sender=BUYER, problems=("unknown charset x-foo in the text part",)),
                           at(acc.id))], clock=clock)
    assert (report.stored, report.problems, report.matched) == (1, 1, 1)
    (mid,) = db.execute_sql("SELECT id FROM mail_message").fetchone()
    assert mail_message(mid).problems == ("unknown charset x-foo in the text part",)


def test_a_failing_batch_stores_nothing(db, clock, monkeypatch):
    acc = account(clock)
    cid = create_customer(clock, name="Lima Imports SAC", contacts=[ContactInput(emails=(BUYER,))])

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(record_module, "note_senders", broken)
    with pytest.raises(RuntimeError):
        record_mail([(mail("Order", sender=BUYER), at(acc.id)), (mail("Hi", sender="x@unknown-co.com"), at(acc.id))],
                    clock=clock)
    for table in ("mail_message", "mail_location", "mail_link", "mail_sender"):
        assert db.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    assert timeline(cid) == []
    assert get_customer(cid).last_contact_at is None
