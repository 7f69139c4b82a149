"""Merge fields: filled per recipient, alternatives and literals, and a clear error naming the field and the
recipient for an unknown field or a missing value (never "Dear ,")."""

from __future__ import annotations

from datetime import date

import pytest

from tests.domain.mail.helpers import account
from trade_crm.domain.clock import FixedClock
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.mail.merge import (
    MY_SIGNATURE,
    Holiday,
    MissingValueError,
    Recipient,
    Sender,
    UnknownFieldError,
    fields_in,
    load_recipients,
    merge_mail,
    merge_text,
    merge_values,
    preview,
    save_sender_profile,
    sender_profile,
    split_name,
)

ANNA = Recipient(1, "Müller Haustechnik GmbH", "DE", "Hamburg", "de", 5, "Dr. Anna Müller", "Einkauf", "anna@mueller.example")
ME = Sender("Li Wei", "Ningbo Bright Tools", "li@bright.example")


def values(recipient: Recipient = ANNA, **kwargs) -> dict[str, str]:
    return merge_values(recipient, ME, **kwargs)


def test_fields_are_filled_for_the_recipient():
    text = "Dear {contact.first_name} {contact.last_name} ({contact.title}), {customer.name} in {customer.city}, {customer.country}"
    assert merge_text(text, values()) == "Dear Anna Müller (Einkauf), Müller Haustechnik GmbH in Hamburg, Germany"
    assert merge_text("{my.name}, {my.company} <{my.email}>", values()) == "Li Wei, Ningbo Bright Tools <li@bright.example>"


def test_an_unknown_field_names_itself_and_the_recipient():
    with pytest.raises(UnknownFieldError) as caught:
        merge_text("Dear {contact.firstname},", values(), recipient=ANNA.label)
    error = caught.value
    assert isinstance(error, ValidationError) and error.field == "contact.firstname"
    assert error.recipient == "Dr. Anna Müller (Müller Haustechnik GmbH)" and "Müller Haustechnik GmbH" in str(error)


def test_a_missing_value_is_an_error_never_dear_comma():
    company_only = Recipient(2, "Bravo Import LLC", "US", "", "en", None, "", "", "")
    with pytest.raises(MissingValueError) as caught:
        merge_text("Dear {contact.first_name},", values(company_only), recipient=company_only.label)
    assert caught.value.field == "contact.first_name" and "Bravo Import LLC" in str(caught.value)
    assert merge_text("Dear {contact.first_name|customer.name},", values(company_only)) == "Dear Bravo Import LLC,"
    assert merge_text('Dear {contact.first_name|"friend"},', values(company_only)) == "Dear friend,"
    with pytest.raises(MissingValueError):
        merge_text("Happy {holiday.name}!", values())  # no holiday given


def test_the_signature_may_be_empty_and_braces_can_be_written():
    assert merge_text("Best regards,\n{my.signature}\n", values()) == "Best regards,"
    assert merge_text("Use {{ and }} for {{braces}}", values()) == "Use { and } for {braces}"
    assert fields_in("{contact.name|customer.name} {my.name} {{x}} {contact.name}") == (
        "contact.name", "customer.name", "my.name")


def test_the_holiday_is_named_in_the_mail_language_where_the_library_knows_it():
    china = Recipient(3, "Shenzhen Lights", "CN", "", "zh", None, "王伟", "", "w@sz.example")
    named = values(china, holiday=Holiday("National Day", date(2026, 10, 1), "CN"))
    assert named["holiday.name"] == "国庆节" and named["holiday.date"] == "2026-10-01"
    assert named["customer.country"] == "中国" and named["contact.first_name"] == "王伟"
    assert values(holiday=Holiday("German Unity Day", date(2026, 10, 3), "DE"), language="en")["holiday.name"] == (
        "German Unity Day")


def test_html_values_are_escaped_and_the_subject_is_one_line():
    bold = Recipient(4, "Smith & Sons <UK>", "GB", "", "en", None, "", "", "")
    mail = merge_mail("Offer for\n{customer.name}", "Dear {customer.name}", "<p>Dear {customer.name}</p>", values(bold))
    assert mail.subject == "Offer for Smith & Sons <UK>"
    assert mail.html == "<p>Dear Smith &amp; Sons &lt;UK&gt;</p>" and mail.text == "Dear Smith & Sons <UK>"


def test_preview_lists_each_recipient_with_text_or_reason():
    company_only = Recipient(2, "Bravo Import LLC", "US", "", "en", None, "", "", "")
    rows = preview("Hello {contact.first_name}", "Dear {contact.first_name},", "", [ANNA, company_only], ME)
    assert rows[0].ok and rows[0].subject == "Hello Anna"
    assert not rows[1].ok and rows[1].error_field == "contact.first_name" and rows[1].text == ""


def test_split_name_keeps_cjk_names_whole():
    assert split_name("Anna Maria Schmidt") == ("Anna", "Schmidt")
    assert split_name("Mr. John Smith") == ("John", "Smith")
    assert split_name("张伟") == ("张伟", "")
    assert split_name("  ") == ("", "")


def test_recipients_and_sender_come_from_the_book(db):
    clock = FixedClock.at("2026-11-20 09:00", "Asia/Shanghai")
    acme = create_customer(clock, name="Müller Haustechnik GmbH", country="DE", contacts=[
        ContactInput(name="Hans Berg", emails=("hans@mueller.example",)),
        ContactInput(name="Anna Müller", emails=("anna@mueller.example", "a2@mueller.example"), is_primary=True)])
    bare = create_customer(clock, name="Bravo Import LLC", country="MX")
    found = load_recipients([bare, acme, 999_999, acme])
    assert [(r.customer_id, r.contact_name, r.email, r.language) for r in found] == [
        (bare, "", "", "es"), (acme, "Anna Müller", "anna@mueller.example", "de")]
    (hans,) = load_recipients([acme], contact_ids={acme: found[1].contact_id - 1})
    assert hans.contact_name == "Hans Berg" and hans.email == "hans@mueller.example"
    quiet = create_customer(clock, name="Quiet Boss Ltd", country="GB", contacts=[
        ContactInput(name="The Boss", is_primary=True), ContactInput(name="Eve Buyer", emails=("eve@quiet.example",))])
    (eve,) = load_recipients([quiet])  # the primary contact has no address: the one who has is written to
    assert (eve.contact_name, eve.email) == ("Eve Buyer", "eve@quiet.example")
    save_sender_profile(name=" Li Wei ", company="Ningbo Bright Tools", signature="Li Wei\nSales")
    box = account(clock)
    me = sender_profile(box.id)
    assert (me.name, me.company, me.email, me.signature) == ("Li Wei", "Ningbo Bright Tools", box.email, "Li Wei\nSales")
    assert MY_SIGNATURE.read() == "Li Wei\nSales"
