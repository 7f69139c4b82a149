"""Concurrent edits without lost updates (#18 item 5): versioned saves of customers, contacts and deals,
merged three-way; only fields both people changed differently conflict. Every test runs on SQLite and
PostgreSQL, with the other person's save made through a second connection to the same book."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from tests.second_connection import speaking_through
from trade_crm.domain.customers.conflicts import MINE, THEIRS, set_change_history, three_way
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.form import (
    ContactEdit,
    choice_key,
    contact_input_of,
    resolve_customer_form,
    save_customer,
)
from trade_crm.domain.customers.records import (
    create_customer,
    get_customer,
    resolve_customer,
    set_rating,
    tag_customers,
    update_customer,
)
from trade_crm.domain.customers.timeline import log_interaction, timeline
from trade_crm.domain.errors import EditConflict, ValidationError
from trade_crm.domain.insights.pipeline import create_opportunity, move_opportunity
from trade_crm.domain.insights.pipeline_board import get_card, resolve_opportunity, update_opportunity
from trade_crm.store.models import Interaction

# --- the merge itself ------------------------------------------------------------------------------


def test_three_way_takes_each_side_where_only_it_changed_a_field():
    merge = three_way({"a": 1, "b": 1, "c": 1}, {"a": 2, "b": 1, "c": 1}, {"a": 1, "b": 3, "c": 1})
    assert merge.changes == {"a": 2}  # b is theirs already; only my change is written
    assert merge.conflicts == ()


def test_three_way_conflicts_only_where_both_changed_differently():
    merge = three_way({"a": 1, "b": 1}, {"a": 2, "b": 5}, {"a": 3, "b": 5})
    assert merge.conflicts == ("a",)
    assert merge.changes == {"b": 5}


def test_three_way_without_a_base_conflicts_wherever_mine_differs_from_theirs():
    merge = three_way(None, {"a": 2, "b": 5}, {"a": 3, "b": 5})
    assert merge.conflicts == ("a",)
    assert merge.changes == {"b": 5}


# --- customers ---------------------------------------------------------------------------------------


def test_save_bumps_the_version_and_returns_it(book, clock):
    cid = create_customer(clock, name="Acme")
    assert get_customer(cid).version == 1
    assert update_customer(cid, clock, base=get_customer(cid), city="Hamburg") == 2
    assert get_customer(cid).version == 2


def test_fields_the_other_person_did_not_touch_merge_silently(book, second_book, clock):
    cid = create_customer(clock, name="Acme", city="Hamburg", notes="old")
    mine = get_customer(cid)
    with speaking_through(second_book):
        update_customer(cid, clock, base=get_customer(cid), city="Bremen")
    version = update_customer(cid, clock, base=mine, name="Acme GmbH", city="Hamburg", notes="old")
    stored = get_customer(cid)
    assert (stored.name, stored.city, stored.notes) == ("Acme GmbH", "Bremen", "old")
    assert version == stored.version == 3


def test_both_changing_a_field_differently_conflicts_and_writes_nothing(book, second_book, clock):
    cid = create_customer(clock, name="Acme", city="Hamburg")
    mine = get_customer(cid)
    later = clock.now() + timedelta(minutes=5)
    with speaking_through(second_book):
        update_customer(cid, replace(clock, instant=later), base=get_customer(cid), city="Bremen")
    with pytest.raises(EditConflict) as err:
        update_customer(cid, clock, base=mine, name="Acme GmbH", city="Kiel")
    (conflict,) = err.value.conflicts
    assert (conflict.table, conflict.row_id, conflict.field) == ("customer", cid, "city")
    assert (conflict.base, conflict.mine, conflict.theirs) == ("Hamburg", "Kiel", "Bremen")
    assert conflict.changed_at == later and conflict.changed_by is None
    assert (err.value.since, err.value.version) == (1, 2)
    stored = get_customer(cid)
    assert (stored.name, stored.city, stored.version) == ("Acme", "Bremen", 2)  # my merged name waits too


def test_both_making_the_same_change_is_no_conflict(book, second_book, clock):
    cid = create_customer(clock, name="Acme", city="Hamburg")
    mine = get_customer(cid)
    with speaking_through(second_book):
        update_customer(cid, clock, base=get_customer(cid), city="Bremen")
    update_customer(cid, clock, base=mine, city="Bremen", rating="A")
    stored = get_customer(cid)
    assert (stored.city, stored.rating, stored.version) == ("Bremen", "A", 3)


def test_tags_and_custom_fields_merge_like_fields(book, second_book, clock):
    cid = create_customer(clock, name="Acme", tags=["fair"], custom_fields={"Port": "Hamburg"})
    mine = get_customer(cid)
    with speaking_through(second_book):
        update_customer(cid, clock, base=get_customer(cid), custom_fields={"Port": "Ningbo"})
    update_customer(cid, clock, base=mine, tags=["fair", "vip"], custom_fields={"Port": "Hamburg"})
    stored = get_customer(cid)
    assert stored.tags == ("fair", "vip") and stored.custom_fields == {"Port": "Ningbo"}
    with pytest.raises(EditConflict) as err:
        update_customer(cid, clock, base=mine, custom_fields={"Port": "Qingdao"})
    assert [(c.field, c.theirs) for c in err.value.conflicts] == [("custom:Port", "Ningbo")]


def test_resolve_saves_each_choice_over_the_current_version(book, second_book, clock):
    cid = create_customer(clock, name="Acme", city="Hamburg", rating="B", notes="n")
    mine = get_customer(cid)
    with speaking_through(second_book):
        update_customer(cid, clock, base=get_customer(cid), city="Bremen", rating="C", notes="theirs")
    with pytest.raises(EditConflict) as err:
        update_customer(cid, clock, base=mine, city="Kiel", rating="A", notes="n", website="acme.de")
    assert sorted(c.field for c in err.value.conflicts) == ["city", "rating"]
    version = resolve_customer(err.value, {"city": MINE, "rating": THEIRS}, clock)
    stored = get_customer(cid)
    assert (stored.city, stored.rating, stored.notes, stored.website) == ("Kiel", "C", "theirs", "acme.de")
    assert version == stored.version == 3


def test_resolve_without_a_choice_for_a_field_is_refused(book, second_book, clock):
    cid = create_customer(clock, name="Acme", city="Hamburg")
    mine = get_customer(cid)
    with speaking_through(second_book):
        update_customer(cid, clock, base=get_customer(cid), city="Bremen")
    with pytest.raises(EditConflict) as err:
        update_customer(cid, clock, base=mine, city="Kiel")
    with pytest.raises(ValidationError) as refused:
        resolve_customer(err.value, {}, clock)
    assert refused.value.field == "city"
    assert get_customer(cid).city == "Bremen"


def test_resolve_conflicts_again_when_a_third_save_came_in_between(book, second_book, clock):
    cid = create_customer(clock, name="Acme", city="Hamburg")
    mine = get_customer(cid)
    with speaking_through(second_book):
        update_customer(cid, clock, base=get_customer(cid), city="Bremen")
    with pytest.raises(EditConflict) as first:
        update_customer(cid, clock, base=mine, city="Kiel")
    with speaking_through(second_book):
        update_customer(cid, clock, base=get_customer(cid), city="Lübeck")
    with pytest.raises(EditConflict) as again:
        resolve_customer(first.value, {"city": MINE}, clock)
    (conflict,) = again.value.conflicts
    assert (conflict.base, conflict.mine, conflict.theirs) == ("Bremen", "Kiel", "Lübeck")
    assert get_customer(cid).city == "Lübeck"
    resolve_customer(again.value, {"city": MINE}, clock)
    assert get_customer(cid).city == "Kiel"


def test_a_stale_version_number_alone_conflicts_on_every_given_field_that_differs(book, second_book, clock):
    cid = create_customer(clock, name="Acme", city="Hamburg", rating="B")
    with speaking_through(second_book):
        update_customer(cid, clock, version=1, city="Bremen")
    with pytest.raises(EditConflict) as err:  # without the base nobody can tell who changed what
        update_customer(cid, clock, version=1, city="Kiel", rating="A", name="Acme")
    found = [(c.field, c.base_known, c.mine, c.theirs) for c in err.value.conflicts]
    assert found == [("city", False, "Kiel", "Bremen"), ("rating", False, "A", "B")]
    assert update_customer(cid, clock, version=2, city="Kiel", rating="A") == 3


def test_the_change_history_hook_names_who_made_their_change(book, second_book, clock):
    cid = create_customer(clock, name="Acme", city="Hamburg")
    mine = get_customer(cid)
    with speaking_through(second_book):
        update_customer(cid, clock, base=get_customer(cid), city="Bremen")
    asked = []

    def history(table, row_id, since):
        asked.append((table, row_id, since))
        return {"city": ("bob", clock.now())}

    set_change_history(history)
    try:
        with pytest.raises(EditConflict) as err:
            update_customer(cid, clock, base=mine, city="Kiel")
    finally:
        set_change_history(None)
    assert asked == [("customer", cid, 1)]
    assert err.value.conflicts[0].changed_by == "bob"


def test_bulk_edits_bump_the_version_so_an_open_form_sees_them(book, clock):
    cid = create_customer(clock, name="Acme", rating="B")
    mine = get_customer(cid)
    set_rating([cid], "C", clock)
    tag_customers([cid], "vip")
    assert get_customer(cid).version == 3
    with pytest.raises(EditConflict) as err:
        update_customer(cid, clock, base=mine, rating="A")
    assert err.value.conflicts[0].theirs == "C"


def test_logging_a_follow_up_moves_the_version_and_never_conflicts(book, second_book, clock):
    cid = create_customer(clock, name="Acme")
    mine = get_customer(cid)
    with speaking_through(second_book):
        log_interaction(cid, "call", "called", clock, follow_up_on=date(2026, 12, 1))
    log_interaction(cid, "email", "wrote", clock)  # a timeline entry carries no version to check
    assert get_customer(cid).version == 2
    with pytest.raises(EditConflict):
        update_customer(cid, clock, base=mine, follow_up_on=date(2026, 12, 5))


# --- the form: the customer with its contacts ---------------------------------------------------------


def _form_save(clock, detail, **changes):
    """Save what a form loaded from `detail` holds after the person changed `changes` (customer fields)
    and `contacts` (a list of ContactEdit, default: as loaded)."""
    contacts = changes.pop("contacts", [ContactEdit(c.id, contact_input_of(c)) for c in detail.contacts])
    fields = {"name": detail.name, "city": detail.city, "notes": detail.notes, "rating": detail.rating or ""}
    fields.update(changes)
    return save_customer(clock, detail.id, fields, contacts=contacts, tags=list(detail.tags),
                         custom_fields=dict(detail.custom_fields), base=detail)


def test_form_merges_contact_edits_by_field(book, second_book, clock):
    cid = create_customer(clock, name="Acme", contacts=[ContactInput(name="Li Wei", emails=("li@acme.cn",))])
    mine = get_customer(cid)
    (person,) = mine.contacts
    with speaking_through(second_book):
        theirs = get_customer(cid)
        _form_save(clock, theirs, contacts=[ContactEdit(person.id, replace(contact_input_of(person),
                                                                           emails=("wei@acme.cn",)))])
    _form_save(clock, mine, city="Ningbo",
               contacts=[ContactEdit(person.id, replace(contact_input_of(person), title="Buyer"))])
    stored = get_customer(cid)
    (contact,) = stored.contacts
    assert (stored.city, contact.title, contact.emails) == ("Ningbo", "Buyer", ["wei@acme.cn"])
    assert contact.version == 3


def test_form_keeps_a_contact_someone_else_added_meanwhile(book, second_book, clock):
    cid = create_customer(clock, name="Acme", contacts=[ContactInput(name="Li Wei")])
    mine = get_customer(cid)
    with speaking_through(second_book):
        theirs = get_customer(cid)
        _form_save(clock, theirs, contacts=[*(ContactEdit(c.id, contact_input_of(c)) for c in theirs.contacts),
                                            ContactEdit(None, ContactInput(name="Zhang Min"))])
    _form_save(clock, mine, city="Ningbo")
    assert sorted(c.name for c in get_customer(cid).contacts) == ["Li Wei", "Zhang Min"]


def test_form_conflict_lists_customer_and_contact_fields_and_resolves(book, second_book, clock):
    cid = create_customer(clock, name="Acme", city="Hamburg",
                          contacts=[ContactInput(name="Li Wei", title="Buyer", emails=("li@acme.cn",))])
    mine = get_customer(cid)
    (person,) = mine.contacts
    with speaking_through(second_book):
        theirs = get_customer(cid)
        _form_save(clock, theirs, city="Bremen", notes="from bob",
                   contacts=[ContactEdit(person.id, replace(contact_input_of(person), title="CEO"))])
    edit = [ContactEdit(person.id, replace(contact_input_of(person), title="Manager", emails=("wei@acme.cn",)))]
    with pytest.raises(EditConflict) as err:
        _form_save(clock, mine, city="Kiel", name="Acme GmbH", contacts=edit)
    found = {(c.table, c.field): (c.base, c.mine, c.theirs, c.row_label) for c in err.value.conflicts}
    assert found == {("customer", "city"): ("Hamburg", "Kiel", "Bremen", "Acme"),
                     ("contact", "title"): ("Buyer", "Manager", "CEO", "Li Wei")}
    assert get_customer(cid).name == "Acme"  # nothing of mine written yet
    choices = {choice_key(c): MINE if c.table == "customer" else THEIRS for c in err.value.conflicts}
    resolve_customer_form(clock, err.value, choices)
    stored = get_customer(cid)
    (contact,) = stored.contacts
    assert (stored.name, stored.city, stored.notes) == ("Acme GmbH", "Kiel", "from bob")
    assert (contact.title, contact.emails) == ("CEO", ["wei@acme.cn"])


# --- deals -----------------------------------------------------------------------------------------------


def test_deal_edits_merge_and_conflict_like_customers(book, second_book, clock):
    cid = create_customer(clock, name="Acme")
    oid = create_opportunity(cid, "500 chairs", clock, value="1000", probability=30)
    mine = get_card(oid)
    with speaking_through(second_book):
        card = get_card(oid)
        update_opportunity(oid, clock, title=card.title, value="1200", currency="USD", probability=card.probability,
                           base=card)
        move_opportunity(oid, "quotation", clock)
    with pytest.raises(EditConflict) as err:
        update_opportunity(oid, clock, title="600 chairs", value="900", currency="USD", probability=30, base=mine)
    (conflict,) = err.value.conflicts
    assert (conflict.field, conflict.base, conflict.mine, conflict.theirs) == (
        "value", Decimal("1000.00"), Decimal("900"), Decimal("1200.00"))
    resolve_opportunity(err.value, {"value": THEIRS}, clock)
    stored = get_card(oid)
    assert (stored.title, stored.value, stored.stage, stored.version) == ("600 chairs", Decimal("1200.00"),
                                                                         "quotation", 4)


# --- the timeline: append-only -------------------------------------------------------------------------


def test_timeline_entries_carry_no_version():
    assert "version" not in Interaction._meta.fields


def test_two_people_logging_on_one_customer_at_once_both_entries_stay(book, clock):
    cid = create_customer(clock, name="Acme")
    start = threading.Barrier(2)
    failures = []

    def log(summary: str) -> None:  # each thread has its own connection to the book
        try:
            start.wait(timeout=10)
            log_interaction(cid, "call", summary, clock, follow_up_on=date(2026, 12, 1))
        except Exception as exc:  # noqa: BLE001 - reported below
            failures.append(exc)
        finally:
            book.close()

    threads = [threading.Thread(target=log, args=(s,)) for s in ("ann called", "bob called")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert failures == []
    assert sorted(e.summary for e in timeline(cid)) == ["ann called", "bob called"]


# --- real concurrency: threads, each with its own connection ---------------------------------------------


def _in_threads(book, work, count: int) -> list[Exception]:
    """Run work(i) in `count` threads started together; each closes its own connection at the end."""
    start = threading.Barrier(count)
    failures: list[Exception] = []

    def run(i: int) -> None:
        try:
            start.wait(timeout=10)
            work(i)
        except Exception as exc:  # noqa: BLE001 - returned to the test
            failures.append(exc)
        finally:
            book.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return failures


def test_concurrent_saves_of_different_fields_lose_nothing(book, clock):
    cid = create_customer(clock, name="Acme")
    fields = ("city", "address", "website", "industry")
    rounds = 5

    def edit(i: int) -> None:
        for n in range(rounds):
            update_customer(cid, clock, base=get_customer(cid), **{fields[i]: f"{fields[i]} {n}"})

    assert _in_threads(book, edit, len(fields)) == []
    stored = get_customer(cid)
    assert [getattr(stored, f) for f in fields] == [f"{f} {rounds - 1}" for f in fields]
    assert stored.version == 1 + len(fields) * rounds  # every save counted: none overwrote another


def test_concurrent_saves_of_one_field_from_one_version_let_exactly_one_win(book, clock):
    cid = create_customer(clock, name="Acme", city="Hamburg")
    base = get_customer(cid)
    cities = ("Kiel", "Bremen", "Lübeck")
    failures = _in_threads(book, lambda i: update_customer(cid, clock, base=base, city=cities[i]), len(cities))
    assert len(failures) == len(cities) - 1 and all(isinstance(f, EditConflict) for f in failures)
    stored = get_customer(cid)
    assert stored.version == 2
    assert {f.conflicts[0].theirs for f in failures} == {stored.city}  # each loser was shown the winner's value


def test_a_contact_someone_removed_while_i_edited_it_comes_back_with_my_edit(book, second_book, clock):
    cid = create_customer(clock, name="Acme", contacts=[ContactInput(name="Li Wei"), ContactInput(name="Zhang Min")])
    mine = get_customer(cid)
    li, zhang = mine.contacts
    with speaking_through(second_book):
        _form_save(clock, get_customer(cid), contacts=[ContactEdit(li.id, contact_input_of(li))])  # Zhang removed
    _form_save(clock, mine, contacts=[ContactEdit(li.id, contact_input_of(li)),
                                      ContactEdit(zhang.id, replace(contact_input_of(zhang), title="CEO"))])
    assert sorted((c.name, c.title) for c in get_customer(cid).contacts) == [("Li Wei", ""), ("Zhang Min", "CEO")]


def test_a_contact_someone_removed_that_i_left_alone_stays_removed(book, second_book, clock):
    cid = create_customer(clock, name="Acme", contacts=[ContactInput(name="Li Wei"), ContactInput(name="Zhang Min")])
    mine = get_customer(cid)
    li, _ = mine.contacts
    with speaking_through(second_book):
        _form_save(clock, get_customer(cid), contacts=[ContactEdit(li.id, contact_input_of(li))])
    _form_save(clock, mine, city="Ningbo")
    stored = get_customer(cid)
    assert [c.name for c in stored.contacts] == ["Li Wei"] and stored.city == "Ningbo"
