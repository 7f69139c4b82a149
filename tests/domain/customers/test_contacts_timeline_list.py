"""Contacts, tags, timeline entries and the customer list, each run on SQLite and on PostgreSQL (`book`)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from trade_crm.domain.clock import today
from trade_crm.domain.customers import query as cq
from trade_crm.domain.customers.contacts import (
    ContactInput,
    add_contact,
    contacts_of,
    remove_contact,
    set_primary_contact,
    update_contact,
)
from trade_crm.domain.customers.orders import delete_order, record_order
from trade_crm.domain.customers.records import (
    all_tags,
    create_customer,
    delete_customers,
    get_customer,
    set_rating,
    tag_customers,
    untag_customers,
    update_customer,
)
from trade_crm.domain.customers.timeline import log_interaction, refresh_last_contact, timeline
from trade_crm.domain.errors import NotFoundError, ValidationError


def test_contacts_are_added_edited_made_primary_and_removed(book, clock):
    cid = create_customer(clock, name="Acme", country="DE")
    ann = add_contact(cid, ContactInput(name="Ann", emails=("Ann@Acme.DE",)), clock)
    bob = add_contact(cid, ContactInput(name="Bob", phones=("030 1234567",), birthday=date(1980, 2, 29)), clock)
    assert [(c.name, c.is_primary) for c in contacts_of(cid)] == [("Ann", True), ("Bob", False)]
    assert contacts_of(cid)[1].birthday == date(1980, 2, 29)
    update_contact(bob, ContactInput(name="Bob Baker", title="Buyer", emails=("bob@acme.de",),
                                     whatsapp="+49 171 2345678", is_primary=True), clock)
    first, second = contacts_of(cid)
    assert (first.id, first.name, first.title, first.is_primary) == (bob, "Bob Baker", "Buyer", True)
    assert (first.emails, first.whatsapp, first.phones) == (["bob@acme.de"], "+491712345678", [])
    assert (second.id, second.emails, second.is_primary) == (ann, ["ann@acme.de"], False)
    set_primary_contact(ann)
    assert [c.id for c in contacts_of(cid) if c.is_primary] == [ann]
    remove_contact(ann)
    assert [(c.id, c.is_primary) for c in contacts_of(cid)] == [(bob, True)]


def test_a_contact_needs_a_name_or_a_channel_and_a_customer(book, clock):
    cid = create_customer(clock, name="Acme")
    with pytest.raises(ValidationError) as err:
        add_contact(cid, ContactInput(), clock)
    assert err.value.field == "name"
    with pytest.raises(NotFoundError):
        add_contact(cid + 100, ContactInput(name="Ann"), clock)
    with pytest.raises(NotFoundError):
        remove_contact(12345)
    assert contacts_of(cid) == []


def test_editing_a_customer_keeps_what_was_not_given_and_replaces_tags(book, clock):
    cid = create_customer(clock, name="Acme", city="Hamburg", tags=["VIP", "Fair"], custom_fields={"Booth": "A1"})
    update_customer(cid, clock, name="Acme GmbH", rating="b", tags=["fair", "Samples"],
                    custom_fields={"Booth": "B2", "Hall": "11"})
    customer = get_customer(cid)
    assert (customer.name, customer.city, customer.rating) == ("Acme GmbH", "Hamburg", "B")
    assert customer.tags == ("Fair", "Samples")  # "fair" is the tag "Fair" already there
    assert customer.custom_fields == {"Booth": "B2", "Hall": "11"}
    update_customer(cid, clock, custom_fields={"Booth": ""}, lost=True)
    assert get_customer(cid).custom_fields == {"Hall": "11"}
    assert (get_customer(cid).lost, get_customer(cid).lifecycle) == (True, "lost")
    set_rating([cid], None, clock)
    assert get_customer(cid).rating is None


def test_tagging_many_then_untagging_one(book, clock):
    a, b, c = (create_customer(clock, name=n) for n in ("A", "B", "C"))
    tag_customers([a, b], "Canton 2026")
    tag_customers([b, c], "canton 2026")
    untag_customers([a], "CANTON 2026")
    assert [get_customer(i).tags for i in (a, b, c)] == [(), ("Canton 2026",), ("Canton 2026",)]
    assert all_tags() == ["Canton 2026"]
    with pytest.raises(ValidationError):
        tag_customers([a], "  ")


def test_timeline_entries_with_a_contact_orders_and_last_contact(book, clock):
    cid = create_customer(clock, name="Acme", contacts=[ContactInput(name="Ann")])
    ann = contacts_of(cid)[0].id
    earlier = clock.now() - timedelta(days=3)
    log_interaction(cid, "email", "Sent catalogue", clock, occurred_at=earlier, contact_id=ann, body="PDF\nattached")
    log_interaction(cid, "note", "Likes blue", clock)
    order = record_order(cid, today(clock) - timedelta(days=1), "1,250.50", "eur", clock, reference="PO-7")
    entries = timeline(cid)
    assert [(e.kind, e.summary) for e in entries] == [("note", "Likes blue"), ("order", "PO-7"),
                                                       ("email", "Sent catalogue")]
    assert (entries[2].contact_name, entries[2].body, entries[1].currency) == ("Ann", "PDF\nattached", "EUR")
    assert str(entries[1].amount) == "1250.50"
    assert get_customer(cid).last_contact_at == earlier  # a note is not contact
    assert get_customer(cid).lifecycle == "new"
    delete_order(order)
    assert get_customer(cid).lifecycle == "potential" and len(timeline(cid)) == 2
    refresh_last_contact(cid)
    assert get_customer(cid).last_contact_at == earlier


def test_a_contact_of_another_customer_cannot_be_logged(book, clock):
    cid = create_customer(clock, name="Acme")
    other = create_customer(clock, name="Beta", contacts=[ContactInput(name="Bea")])
    with pytest.raises(ValidationError) as err:
        log_interaction(cid, "call", "hello", clock, contact_id=contacts_of(other)[0].id)
    assert err.value.field == "contact"
    assert timeline(cid) == []


def test_deleting_customers_takes_their_contacts_and_timeline(book, clock):
    keep = create_customer(clock, name="Keep", contacts=[ContactInput(name="K")])
    gone = create_customer(clock, name="Gone", contacts=[ContactInput(name="G")], tags=["x"])
    log_interaction(gone, "call", "bye", clock)
    delete_customers([gone])
    with pytest.raises(NotFoundError):
        get_customer(gone)
    assert timeline(gone) == [] and contacts_of(gone) == []
    assert [c.name for c in contacts_of(keep)] == ["K"]
    with pytest.raises(NotFoundError):
        delete_customers([gone])


def _names(clock, **kwargs):
    return [r.name for r in cq.search_customers(cq.CustomerFilter(), today=today(clock), now=clock.now(), **kwargs)]


def test_the_list_sorts_by_name_ignoring_case_and_pages(book, clock):
    for name in ("beta", "Alpha", "alpha two", "Gamma", "delta"):
        create_customer(clock, name=name)
    assert _names(clock) == ["Alpha", "alpha two", "beta", "delta", "Gamma"]
    assert _names(clock, offset=1, limit=2) == ["alpha two", "beta"]
    assert _names(clock, sort="name", descending=True)[:2] == ["Gamma", "delta"]


def test_list_filters_counts_positions_and_ids_agree(book, clock):
    now = clock.now()
    overdue = create_customer(clock, name="Overdue", country="DE", follow_up_on=today(clock) - timedelta(days=2))
    quiet = create_customer(clock, name="Quiet", country="FR", rating="A", tags=["VIP"])
    lost = create_customer(clock, name="Lost", country="DE", lost=True, follow_up_on=date(2020, 1, 1))
    recent = create_customer(clock, name="Recent", country="DE")
    log_interaction(recent, "call", "hi", clock, occurred_at=now - timedelta(days=1))
    log_interaction(quiet, "call", "hi", clock, occurred_at=now - timedelta(days=90))
    cases = {
        cq.CustomerFilter(follow_up_overdue=True): [overdue],
        cq.CustomerFilter(countries=("de",), lifecycles=("potential",)): [overdue, recent],
        cq.CustomerFilter(lifecycles=("lost",)): [lost],
        cq.CustomerFilter(tag="vip", ratings=("A",)): [quiet],
        cq.CustomerFilter(not_contacted_days=30): [lost, overdue, quiet],
        cq.CustomerFilter(tiers=("",), ids=(quiet, recent)): [quiet, recent],
    }
    for flt, expected in cases.items():
        assert [r.id for r in cq.search_customers(flt, today=today(clock), now=now)] == expected, flt
        assert cq.count_customers(flt, today=today(clock), now=now) == len(expected), flt
        assert cq.matching_ids(flt, today=today(clock), now=now, sort="name") == expected, flt
        assert [cq.customer_position(i, flt, today=today(clock), now=now) for i in expected] == \
            list(range(len(expected))), flt
    assert cq.customer_position(lost, cq.CustomerFilter(follow_up_overdue=True), today=today(clock), now=now) is None


def test_list_rows_carry_the_primary_contact_and_tags(book, clock):
    cid = create_customer(clock, name="Acme", country="DE", tags=["b", "A"], follow_up_on=date(2026, 12, 1),
                          contacts=[ContactInput(name="Ann", emails=("ann@acme.de",), phones=("030 123456",)),
                                    ContactInput(name="Bob", emails=("bob@acme.de",))])
    (row,) = cq.search_customers(cq.CustomerFilter(), today=today(clock))
    assert (row.id, row.contact_name, row.email, row.phone) == (cid, "Ann", "ann@acme.de", "+4930123456")
    assert (row.tags, row.follow_up_on, row.lifecycle) == (("A", "b"), date(2026, 12, 1), "potential")
