"""Finding duplicate customers in the whole book, "not a duplicate", and the hint while typing."""

from __future__ import annotations

import pytest

from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.duplicates.scan import (
    MAX_GROUP,
    find_duplicates,
    mark_not_duplicate,
    not_duplicate_pairs,
    probable_duplicates,
    unmark_not_duplicate,
)
from trade_crm.domain.errors import NotFoundError, ValidationError


def add(clock, name, country=None, *, email=None, phone=None, website="", contact="") -> int:
    people = [ContactInput(name=contact, emails=(email,) if email else (), phones=(phone,) if phone else ())]
    return create_customer(clock, name=name, country=country, website=website,
                           contacts=people if email or phone else [])


def groups_by_ids(scan):
    return {g.ids: g for g in scan.groups}


def test_each_rule_finds_its_pair_and_says_why(db, clock):
    e1 = add(clock, "Blue Ocean Imports", "US", email="buyer@blueocean.com")
    e2 = add(clock, "Blue Ocean Import-Export LLC", "CA", email="buyer@blueocean.com")
    p1 = add(clock, "Sahin Yapi", "TR", phone="+90 212 555 1234")
    p2 = add(clock, "Şahin Yapı Malzemeleri A.Ş.", "TR", phone="0212 555 12 34")
    d1 = add(clock, "Nguyen Phat Trading", "VN", website="https://www.nguyenphat.vn/en")
    d2 = add(clock, "NP Lighting", "VN", email="sales@nguyenphat.vn")
    n1 = add(clock, "Müller Haustechnik GmbH", "DE")
    n2 = add(clock, "Mueller Haustechnik", "DE")
    s1 = add(clock, "Kraft Tools", None)
    s2 = add(clock, "KRAFT TOOLS LTD", "GB")
    found = groups_by_ids(find_duplicates())
    assert set(found) == {(e1, e2), (p1, p2), (d1, d2), (n1, n2), (s1, s2)}
    assert found[(e1, e2)].reason.rule == "email" and found[(e1, e2)].reason.value == "buyer@blueocean.com"
    assert found[(p1, p2)].reason.value == "+902125551234"
    assert found[(d1, d2)].reason.value == "nguyenphat.vn"
    assert found[(n1, n2)].reason.rule == "name" and 90 <= found[(n1, n2)].reason.similarity < 100
    assert found[(s1, s2)].reason.similarity == 100  # no country on one side: the same name is enough
    scores = [g.score for g in find_duplicates().groups]
    assert scores == sorted(scores, reverse=True) and scores[0] == 100
    assert found[(n1, n2)].score < found[(d1, d2)].score < found[(e1, e2)].score


def test_what_is_not_evidence_is_ignored(db, clock):
    add(clock, "Alpha Trading", "DE", email="alpha@gmail.com")
    add(clock, "Beta Trading", "FR", email="beta@gmail.com")  # free mail: no company domain
    add(clock, "Acme Lighting", "DE")
    add(clock, "Acme Lighting", "FR")  # the same name in two countries: two companies
    for i, name in enumerate(("Red", "Green", "Blue", "Amber", "Violet", "White", "Black")):
        add(clock, f"{name} Electric", "NG", email=f"info{i}@big-isp.ng")  # a provider's domain
    assert find_duplicates().groups == ()


def test_a_group_names_every_agreeing_rule_and_scores_higher(db, clock):
    a = add(clock, "Acme Trading GmbH", "DE", email="hans@acme.de", website="acme.de")
    b = add(clock, "ACME Trading", "DE", email="hans@acme.de")
    c = add(clock, "Acme Trade", "DE", email="anna@acme.de")
    (group,) = find_duplicates().groups
    assert group.ids == (a, b, c)
    assert [r.rule for r in group.reasons][:2] == ["email", "domain"]
    assert {r.rule for r in group.reasons} == {"email", "domain", "name"}
    assert group.score == 100


def test_not_a_duplicate_hides_the_pair_for_good(db, clock):
    a = add(clock, "Golden Star Textiles", "IN", phone="+91 98100 12345")
    b = add(clock, "Golden Star Textile Mills", "IN", phone="+91 98100 12345")
    c = add(clock, "Golden Star Textiles Pvt. Ltd.", "IN")
    assert groups_by_ids(find_duplicates()).keys() == {(a, b, c)}
    assert mark_not_duplicate([a, b], clock) == [(a, b)]
    scan = find_duplicates()
    assert all(not {a, b} <= set(g.ids) for g in scan.groups) and scan.hidden >= 1
    assert {a, c} in [set(g.ids) for g in scan.groups] or {b, c} in [set(g.ids) for g in scan.groups]
    mark_not_duplicate([a, b, c], clock)
    assert find_duplicates().groups == ()
    assert not_duplicate_pairs() == {(a, b), (a, c), (b, c)}
    unmark_not_duplicate([(c, a)])
    assert not_duplicate_pairs() == {(a, b), (b, c)}


def test_marking_needs_two_existing_customers(db, clock):
    a = add(clock, "Solo Ltd")
    with pytest.raises(ValidationError):
        mark_not_duplicate([a, a], clock)
    with pytest.raises(NotFoundError):
        mark_not_duplicate([a, 999], clock)


def test_a_long_chain_is_cut_into_groups_no_bigger_than_the_limit(db, clock):
    ids = [add(clock, "Sunrise Solar", "KE") for _ in range(MAX_GROUP + 5)]
    groups = find_duplicates().groups
    assert sorted(len(g.ids) for g in groups) == [5, MAX_GROUP]
    assert sorted(i for g in groups for i in g.ids) == ids


def test_progress_is_reported_and_may_stop_the_search(db, clock):
    add(clock, "Any Co")
    steps = []
    find_duplicates(progress=lambda done, total, what: steps.append((done, total)))
    assert steps[-1][0] == steps[-1][1] and len(steps) == steps[-1][1]

    class Stop(Exception):
        pass

    def stop(done, total, what):
        raise Stop()

    with pytest.raises(Stop):
        find_duplicates(progress=stop)


def test_the_hint_finds_a_customer_already_in_the_book(db, clock):
    acme = add(clock, "Acme Trading GmbH", "DE", email="hans@acme.de")
    add(clock, "Zeta Imports", "BR")
    (hint,) = probable_duplicates("ACME Trading", "DE")
    assert (hint.customer_id, hint.name, hint.country, hint.rule) == (acme, "Acme Trading GmbH", "DE", "name")
    by_mail = probable_duplicates("Someone New", "Germany", contacts=[ContactInput(emails=("Hans@Acme.de",))])
    assert [(h.customer_id, h.rule, h.value) for h in by_mail] == [(acme, "email", "hans@acme.de")]
    assert probable_duplicates("Acme Trading GmbH", "DE", exclude=acme) == []
    assert probable_duplicates("", None) == [] and probable_duplicates("Acme Trading", "FR") == []
