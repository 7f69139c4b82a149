"""The pipeline board's domain: columns, moves that log the timeline, quotations with a validity, names."""

from __future__ import annotations

from datetime import date

import pytest

from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import timeline
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.insights.pipeline import create_opportunity
from trade_crm.domain.insights.pipeline_board import (
    delete_opportunity,
    get_card,
    move_card,
    opportunity_list,
    set_stage_names,
    stage_cards,
    stage_counts,
    stage_names,
    update_opportunity,
)
from trade_crm.domain.reminders.rules import compute_reminders


@pytest.fixture
def deal(db, clock):
    cid = create_customer(clock, name="Dubai Lights LLC", country="AE")
    return cid, create_opportunity(cid, "LED panels for the mall", clock, value="24000", currency="usd",
                                   probability=10, expected_close=date(2027, 1, 15))


def test_columns_list_open_deals_by_expected_close(deal, clock):
    cid, first = deal
    later = create_opportunity(cid, "Spare drivers", clock, expected_close=date(2027, 3, 1))
    undated = create_opportunity(cid, "Samples", clock)
    assert [c.id for c in stage_cards("inquiry")] == [first, later, undated]
    card = get_card(first)
    assert (card.customer_name, card.country, card.value, card.currency) == ("Dubai Lights LLC", "AE", 24000, "USD")
    assert stage_counts()["inquiry"] == 3


def test_a_move_logs_the_timeline_and_moves_a_default_probability_along(deal, clock):
    cid, oid = deal
    move_card(oid, "sample", clock)
    assert get_card(oid).stage == "sample" and get_card(oid).probability == 50
    entry = timeline(cid)[0]
    assert entry.kind == "stage_change" and entry.summary == "LED panels for the mall: inquiry → sample"
    update_opportunity(oid, clock, title="LED panels for the mall", value="24000", currency="USD", probability=65)
    move_card(oid, "negotiation", clock)
    assert get_card(oid).probability == 65  # set by hand: kept
    move_card(oid, "won", clock)
    assert get_card(oid).closed_on == date(2026, 11, 23)


def test_a_quotation_with_a_validity_becomes_a_follow_up_when_it_expires(deal, clock):
    cid, oid = deal
    move_card(oid, "quotation", clock, valid_until=date(2026, 12, 10))
    kinds = [e.kind for e in timeline(cid)]
    assert "quotation" in kinds and "stage_change" in kinds
    due = compute_reminders(date(2026, 12, 11), clock.zone, rules=("follow_up",))
    assert any(r.payload.get("rule") == "quotation_expired" and r.customer_id == cid for r in due)


def test_list_filters_by_stage(deal, clock):
    cid, oid = deal
    other = create_opportunity(cid, "Cables", clock, stage="negotiation")
    assert [c.id for c in opportunity_list(("negotiation",))] == [other]
    assert {c.id for c in opportunity_list()} == {oid, other}
    assert [c.id for c in opportunity_list(customer_id=cid, limit=1)] == [other]


def test_stage_names_are_editable_and_an_empty_name_goes_back_to_the_default(db):
    set_stage_names({"inquiry": "  Lead  ", "won": "Ordered", "sample": ""})
    assert stage_names() == {"inquiry": "Lead", "won": "Ordered"}
    with pytest.raises(ValidationError):
        set_stage_names({"shipping": "On the water"})


def test_edit_and_delete_check_what_they_are_given(deal, clock):
    _cid, oid = deal
    with pytest.raises(ValidationError) as caught:
        update_opportunity(oid, clock, title=" ", currency="USD")
    assert caught.value.field == "title"
    with pytest.raises(ValidationError):
        update_opportunity(oid, clock, title="x", currency="dollars")
    with pytest.raises(ValidationError):
        update_opportunity(oid, clock, title="x", probability=120)
    delete_opportunity(oid)
    with pytest.raises(NotFoundError):
        get_card(oid)
    with pytest.raises(NotFoundError):
        move_card(oid, "won", clock)
