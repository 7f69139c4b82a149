"""New senders: the triage list, ignoring a sender, and a customer made from a mail."""

import pytest

from tests.domain.mail.helpers import account, at, mail
from trade_crm.domain.clock import today
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.query import CustomerFilter, search_customers
from trade_crm.domain.customers.records import create_customer, get_customer
from trade_crm.domain.customers.timeline import timeline
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.mail import senders
from trade_crm.domain.mail.record import record_mail

SIGNED = """Dear Ann,

we are interested in your LED panels, 600x600, 40 W. Please send your best price for 2,000 pcs.

Best regards
Klaus Becker
Purchasing Manager
Becker Elektro Handel GmbH
Tel: +49 40 1234 5678
www.becker-elektro.de
"""


def test_an_unknown_sender_joins_the_list_once_with_a_count(db, clock):
    acc = account(clock)
    report = record_mail([(mail("Inquiry", sender="klaus@becker-elektro.de", name="Becker, Klaus", text=SIGNED),
                           at(acc.id)),
                          (mail("Inquiry again", sender="klaus@becker-elektro.de", minutes=60), at(acc.id))],
                         clock=clock)
    assert (report.new_senders, report.new_sender_messages, report.matched) == (1, 2, 0)
    (sender,) = senders.new_senders()
    assert (sender.email, sender.name, sender.messages, sender.last_subject) == (
        "klaus@becker-elektro.de", "Becker, Klaus", 2, "Inquiry again")
    record_mail([(mail("Third", sender="klaus@becker-elektro.de", minutes=90), at(acc.id))], clock=clock)
    assert senders.new_senders()[0].messages == 3


def test_outgoing_and_automatic_mail_makes_no_new_sender(db, clock):
    acc = account(clock)
    report = record_mail([
        (mail("Catalogue", sender=acc.email, to=("someone@unknown-buyer.com",)), at(acc.id, "Sent")),
        (mail("Out of office", sender="away@unknown-buyer.com", auto="auto_reply"), at(acc.id)),
    ], clock=clock)
    assert (report.new_senders, report.unmatched) == (0, 2)
    assert senders.new_senders() == []


def test_an_ignored_sender_stays_off_the_list(db, clock):
    acc = account(clock)
    record_mail([(mail("Newsletter", sender="news@promo-shop.com"), at(acc.id))], clock=clock)
    (sender,) = senders.new_senders()
    assert senders.ignore_sender(sender.id).state == "ignored"
    report = record_mail([(mail("Newsletter 2", sender="news@promo-shop.com", minutes=5), at(acc.id))], clock=clock)
    assert (report.new_senders, report.new_sender_messages) == (0, 0)
    assert senders.new_senders() == []
    assert [s.email for s in senders.new_senders(state="ignored")] == ["news@promo-shop.com"]


def test_the_proposal_reads_the_domain_the_signature_and_the_display_name(db, clock):
    acc = account(clock)
    record_mail([(mail("Inquiry", sender="klaus@becker-elektro.de", name="Becker, Klaus", text=SIGNED),
                  at(acc.id))], clock=clock)
    proposal = senders.propose_customer(senders.new_senders()[0].id)
    assert (proposal.company, proposal.country, proposal.contact_name, proposal.phone, proposal.website) == (
        "Becker Elektro Handel GmbH", "DE", "Klaus Becker", "+49 40 1234 5678", "becker-elektro.de")
    assert proposal.country_from == "domain"


def test_a_free_mail_sender_gets_the_country_from_the_phone_prefix(db, clock):
    acc = account(clock)
    text = "Hello,\nplease quote 300 pcs.\n\nRahul Sharma\nSharma Exports\nMobile: +91 98765 43210"
    record_mail([(mail("RFQ", sender="rahul.sharma1987@gmail.com", name="Rahul Sharma", text=text), at(acc.id))],
                clock=clock)
    proposal = senders.propose_customer(senders.new_senders()[0].id)
    assert (proposal.company, proposal.country, proposal.country_from, proposal.website) == (
        "Sharma Exports", "IN", "phone", "")


def test_creating_a_customer_from_a_mail_puts_the_waiting_mail_on_its_timeline_and_is_searchable(db, clock):
    acc = account(clock)
    record_mail([(mail("Inquiry LED panels", sender="klaus@becker-elektro.de", name="Klaus Becker", text=SIGNED),
                  at(acc.id)),
                 (mail("Samples?", sender="klaus@becker-elektro.de", minutes=30), at(acc.id))], clock=clock)
    sender = senders.new_senders()[0]
    cid = senders.create_customer_from_mail(sender.id, clock)
    customer = get_customer(cid)
    assert (customer.name, customer.country) == ("Becker Elektro Handel GmbH", "DE")
    assert [e.summary for e in timeline(cid)] == ["Samples?", "Inquiry LED panels"]
    assert senders.new_senders() == []
    assert senders.get_sender(sender.id).customer_id == cid
    hits = search_customers(CustomerFilter(text="panels"), today=today(clock), now=clock.now())
    assert [h.id for h in hits] == [cid]
    # later mail from the sender matches the new customer by its address
    report = record_mail([(mail("Order", sender="klaus@becker-elektro.de", minutes=120), at(acc.id))], clock=clock)
    assert report.matched == 1


def test_a_sender_who_became_a_contact_by_hand_leaves_the_list(db, clock):
    acc = account(clock)
    record_mail([(mail("Hello", sender="eva@newbuyer.com"), at(acc.id))], clock=clock)
    assert [s.email for s in senders.new_senders()] == ["eva@newbuyer.com"]
    create_customer(clock, name="New Buyer Ltd", contacts=[ContactInput(name="Eva", emails=("eva@newbuyer.com",))])
    assert senders.new_senders() == []


def test_a_refused_customer_from_mail_stores_nothing_and_the_sender_waits(db, clock):
    acc = account(clock)
    record_mail([(mail("Inquiry", sender="klaus@becker-elektro.de", text=SIGNED), at(acc.id))], clock=clock)
    sender = senders.new_senders()[0]
    with pytest.raises(ValidationError):
        senders.create_customer_from_mail(sender.id, clock, country="Atlantis")
    assert [s.id for s in senders.new_senders()] == [sender.id]
    assert db.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 0
    assert db.execute_sql("SELECT status FROM mail_message").fetchall() == [("new_sender",)]
