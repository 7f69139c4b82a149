from __future__ import annotations

import pytest

from trade_crm.domain.customers.contacts import ContactInput, contacts_of
from trade_crm.domain.customers.form import ContactEdit, contact_input_of, save_customer, validate_contact
from trade_crm.domain.customers.records import customer_count, get_customer
from trade_crm.domain.errors import ValidationError


def _new(name: str, email: str = "", primary: bool = False) -> ContactEdit:
    return ContactEdit(None, ContactInput(name=name, emails=(email,) if email else (), is_primary=primary))


def test_create_with_contacts_tags_and_custom_fields(book, clock):
    customer_id = save_customer(
        clock, None, {"name": "Lagos Trading", "country": "NG"},
        contacts=[_new("Ada", "ada@lagos.ng"), _new("Bola", "bola@lagos.ng", primary=True)],
        tags=["VIP", "fair 2026"], custom_fields={"Port": "Apapa"},
    )
    detail = get_customer(customer_id)
    assert [c.name for c in detail.contacts] == ["Bola", "Ada"]  # the primary comes first
    assert set(detail.tags) == {"VIP", "fair 2026"}
    assert detail.custom_fields == {"Port": "Apapa"}


def test_update_applies_adds_updates_removes_and_primary(book, clock):
    customer_id = save_customer(clock, None, {"name": "Hamburg Tools"},
                                contacts=[_new("Anna", "anna@ht.de"), _new("Ben", "ben@ht.de")],
                                tags=[], custom_fields={})
    anna, ben = contacts_of(customer_id)
    edits = [
        ContactEdit(ben.id, ContactInput(name="Ben Braun", emails=("ben@ht.de",), is_primary=True)),
        _new("Clara", "clara@ht.de"),
    ]
    save_customer(clock, customer_id, {"name": "Hamburg Tools GmbH", "city": "Hamburg"},
                  contacts=edits, tags=["DE"], custom_fields={})
    detail = get_customer(customer_id)
    assert detail.name == "Hamburg Tools GmbH" and detail.city == "Hamburg"
    assert [(c.name, c.is_primary) for c in detail.contacts] == [("Ben Braun", True), ("Clara", False)]
    assert detail.tags == ("DE",)


def test_a_bad_contact_email_saves_nothing(book, clock):
    customer_id = save_customer(clock, None, {"name": "Hamburg Tools"}, contacts=[_new("Anna", "anna@ht.de")],
                                tags=[], custom_fields={})
    (anna,) = contacts_of(customer_id)
    with pytest.raises(ValidationError) as err:
        save_customer(clock, customer_id, {"name": "Renamed"},
                      contacts=[_new("Ben", "not-an-email")], tags=["x"], custom_fields={})
    assert err.value.field == "contacts[0].email"
    assert get_customer(customer_id).name == "Hamburg Tools"
    assert [c.id for c in contacts_of(customer_id)] == [anna.id]
    with pytest.raises(ValidationError):
        save_customer(clock, None, {"name": "New"}, contacts=[_new("Bad", "bad@")], tags=[], custom_fields={})
    assert customer_count() == 1


def test_whatsapp_is_read_in_the_new_country(book, clock):
    contact = ContactEdit(None, ContactInput(name="Jonas", whatsapp="0170 1234567"))
    customer_id = save_customer(clock, None, {"name": "Berlin GmbH", "country": "DE"}, contacts=[contact],
                                tags=[], custom_fields={})
    assert contacts_of(customer_id)[0].whatsapp == "+491701234567"


def test_contact_input_round_trips_a_stored_contact(book, clock):
    data = ContactInput(name="Li Wei", title="Buyer", emails=("li@x.cn",), phones=("+8613812345678",),
                        wechat="liwei88", is_primary=True)
    customer_id = save_customer(clock, None, {"name": "X"}, contacts=[ContactEdit(None, data)], tags=[],
                                custom_fields={})
    back = contact_input_of(contacts_of(customer_id)[0])
    assert back.emails == ("li@x.cn",) and back.wechat == "liwei88" and back.is_primary
    with pytest.raises(ValidationError) as err:
        validate_contact(ContactInput())
    assert err.value.field == "name"
