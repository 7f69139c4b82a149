"""A customer made from a sender's mail through the whole customer form (domain/mail/triage), both engines."""

import pytest

from tests.domain.mail.helpers import account, at, mail
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.form import ContactEdit
from trade_crm.domain.customers.records import get_customer
from trade_crm.domain.customers.timeline import timeline
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.mail import senders
from trade_crm.domain.mail.record import record_mail
from trade_crm.domain.mail.triage import proposal_fields, save_customer_from_mail

SIGNED = "Dear Ann,\nplease quote 2,000 panels.\n\nKlaus Becker\nBecker Elektro Handel GmbH\nTel: +49 40 1234 5678"


def _waiting(clock):
    acc = account(clock)
    record_mail([(mail("Inquiry", sender="klaus@becker-elektro.de", name="Klaus Becker", text=SIGNED), at(acc.id)),
                 (mail("Re: Inquiry", sender="klaus@becker-elektro.de", minutes=30, text="Any news?"), at(acc.id))],
                clock=clock)
    [sender] = senders.new_senders()
    return sender


def test_the_proposal_fills_the_customer_form(db, clock):
    sender = _waiting(clock)
    fields, contacts = proposal_fields(senders.propose_customer(sender.id))
    assert fields == {"name": "Becker Elektro Handel GmbH", "country": "DE", "website": "becker-elektro.de"}
    assert [(c.contact_id, c.data.name, c.data.emails, c.data.phones) for c in contacts] == [
        (None, "Klaus Becker", ("klaus@becker-elektro.de",), ("+49 40 1234 5678",))]


def test_saving_the_form_files_the_senders_mail_on_the_new_customer_in_one_go(db, clock):
    sender = _waiting(clock)
    fields, contacts = proposal_fields(senders.propose_customer(sender.id))
    fields.update(city="Hamburg", name="Becker Elektro")  # the person changed and completed the form
    customer_id = save_customer_from_mail(sender.id, clock, None, fields, contacts=contacts, tags=["Fair 2026"],
                                          custom_fields={})
    customer = get_customer(customer_id)
    assert (customer.name, customer.city, customer.country, customer.tags) == ("Becker Elektro", "Hamburg", "DE",
                                                                               ("Fair 2026",))
    entries = timeline(customer_id)
    assert [(e.summary, e.contact_name) for e in entries] == [("Re: Inquiry", "Klaus Becker"),
                                                              ("Inquiry", "Klaus Becker")]
    assert senders.get_sender(sender.id).state == senders.CREATED
    assert senders.new_senders() == []


def test_a_form_the_domain_refuses_stores_nothing_and_the_sender_keeps_waiting(db, clock):
    sender = _waiting(clock)
    bad = [ContactEdit(None, ContactInput(name="Klaus", emails=("not an address",)))]
    with pytest.raises(ValidationError):
        save_customer_from_mail(sender.id, clock, None, {"name": "Becker Elektro"}, contacts=bad, tags=[],
                                custom_fields={})
    assert senders.get_sender(sender.id).state == senders.NEW
    assert [s.email for s in senders.new_senders()] == ["klaus@becker-elektro.de"]


def test_a_sender_made_a_customer_already_is_refused(db, clock):
    sender = _waiting(clock)
    fields, contacts = proposal_fields(senders.propose_customer(sender.id))
    save_customer_from_mail(sender.id, clock, None, fields, contacts=contacts, tags=[], custom_fields={})
    with pytest.raises(ValidationError, match="is customer"):
        save_customer_from_mail(sender.id, clock, None, fields, contacts=contacts, tags=[], custom_fields={})
