"""Merging duplicate customers: every related row moves, and undo gives back exactly what was there."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.form import ContactEdit, contact_input_of, save_customer
from trade_crm.domain.customers.orders import record_order
from trade_crm.domain.customers.records import create_customer, get_customer, update_customer
from trade_crm.domain.customers.timeline import log_interaction, timeline
from trade_crm.domain.duplicates.merge import COMBINE, merge_customers, plan_merge, take
from trade_crm.domain.duplicates.merge_undo import (
    MergeUndoError,
    merge_history,
    merge_of_interaction,
    undo_merge,
)
from trade_crm.domain.duplicates.scan import mark_not_duplicate, not_duplicate_pairs
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.insights.pipeline import create_opportunity
from trade_crm.domain.reminders.records import mark_done, save_reminder
from trade_crm.store.models import database


@pytest.fixture
def pair(db, clock):
    """Two records of one company, each with a bit of everything."""
    a = create_customer(clock, name="Acme Trading GmbH", country="DE", city="Hamburg", website="www.acme.de",
                        rating="B", notes="Met at Canton Fair", tags=["VIP"], custom_fields={"Port": "Hamburg"},
                        contacts=[ContactInput(name="Hans Müller", emails=("hans@acme.de",),
                                               phones=("+49 40 1234567",), is_primary=True)])
    clock.advance(timedelta(minutes=5))
    b = create_customer(clock, name="ACME Trading", country="DE", notes="Prefers WhatsApp", source="trade show",
                        tags=["Canton Fair 2026", "VIP"], custom_fields={"Port": "Bremen", "Incoterm": "FOB"},
                        contacts=[ContactInput(name="Hans Mueller", emails=("hans.mueller@gmail.com", "hans@acme.de"),
                                               title="Purchasing", birthday=date(1980, 5, 17), is_primary=True),
                                  ContactInput(name="Anna Schmidt", emails=("anna@acme.de",), whatsapp="+49 151 2345678")])
    log_interaction(a, "call", "Asked for the LED catalogue", clock)
    hans_b = get_customer(b).contacts[0].id
    log_interaction(b, "email", "Sent the price list", clock, contact_id=hans_b)
    log_interaction(b, "quotation", "Quoted 2,000 panels", clock, valid_until=date(2026, 12, 31))
    record_order(a, date(2026, 5, 2), "12500.50", "EUR", clock, reference="PO-1")
    record_order(b, date(2026, 9, 9), "800", "USD", clock, reference="PO-2")
    create_opportunity(b, "Warehouse lighting", clock, value="40000")
    save_reminder(f"follow_up:customer:{a}:2026-12-01", "follow_up", date(2026, 12, 1), "Call Acme", clock,
                  customer_id=a)
    save_reminder(f"follow_up:customer:{b}:2026-12-01", "follow_up", date(2026, 12, 1), "Call ACME", clock,
                  customer_id=b)
    save_reminder(f"follow_up:customer:{b}:2026-12-15", "follow_up", date(2026, 12, 15), "Send samples", clock,
                  customer_id=b)
    return a, b


def owned(table: str, customer_id: int) -> int:
    return database.execute_sql(f"SELECT count(*) FROM {table} WHERE customer_id = ?", (customer_id,)).fetchone()[0]


def index_docs(ids):
    marks = ",".join("?" * len(ids))
    return sorted(database.execute_sql(f"SELECT rowid, body FROM search_trigram WHERE rowid IN ({marks})", ids))


def test_merge_moves_every_related_row_to_the_kept_customer(pair, clock):
    a, b = pair
    result = merge_customers(a, [b], clock)
    assert result.merged_ids == (b,)
    assert database.execute_sql("SELECT count(*) FROM customer WHERE id = ?", (b,)).fetchone()[0] == 0
    for table in ("contact", "interaction", "orders", "opportunity", "reminder", "customer_tag",
                  "custom_field_value"):
        assert owned(table, b) == 0, table
    kept = get_customer(a)
    people = {c.name: c for c in kept.contacts}
    assert set(people) == {"Hans Müller", "Anna Schmidt"}  # Hans Mueller is the same person: one contact
    assert set(people["Hans Müller"].emails) == {"hans@acme.de", "hans.mueller@gmail.com"}
    assert people["Hans Müller"].phones == ["+49401234567"]
    assert (people["Hans Müller"].title, people["Hans Müller"].birthday) == ("Purchasing", date(1980, 5, 17))
    assert people["Anna Schmidt"].whatsapp == "+491512345678" and not people["Anna Schmidt"].is_primary
    assert kept.tags == ("Canton Fair 2026", "VIP")
    assert kept.custom_fields == {"Port": "Hamburg", "Incoterm": "FOB"}
    kinds = [e.kind for e in timeline(a)]
    assert sorted(kinds) == ["call", "email", "merge", "order", "order", "quotation"]
    email = next(e for e in timeline(a) if e.kind == "email")
    assert email.contact_name == "Hans Müller"  # the entry follows its contact into the joined one
    assert owned("opportunity", a) == 1 and owned("orders", a) == 2
    keys = sorted(k for (k,) in database.execute_sql("SELECT key FROM reminder WHERE customer_id = ?", (a,)))
    assert keys == [f"follow_up:customer:{a}:2026-12-01", f"follow_up:customer:{a}:2026-12-15"]
    assert result.moved["reminders_joined"] == 1 and result.moved["contacts_joined"] == 1
    assert (kept.name, kept.rating, kept.website, kept.source) == ("Acme Trading GmbH", "B", "www.acme.de",
                                                                     "trade_show")
    assert kept.notes == "Met at Canton Fair\n\nPrefers WhatsApp"  # two notes: combined by default
    assert "anna@acme.de" in index_docs([a])[0][1] and index_docs([b]) == []


def test_field_choices_take_the_other_customers_values(pair, clock):
    a, b = pair
    plan = plan_merge(a, [b])
    assert {f.field for f in plan.fields} >= {"name", "city", "website", "notes", "rating", "custom:Port"}
    assert plan.moves[b]["contacts"] == 2 and plan.moves[b]["interactions"] == 2
    merge_customers(a, [b], clock, {"name": b, "notes": b, "custom:Port": b, "rating": a})
    kept = get_customer(a)
    assert (kept.name, kept.notes, kept.rating) == ("ACME Trading", "Prefers WhatsApp", "B")
    assert kept.custom_fields["Port"] == "Bremen"


@pytest.mark.parametrize("keep, others, choices, error", [
    (0, [0], {}, ValidationError), (0, [], {}, ValidationError), (0, [999], {}, NotFoundError),
    (0, [1], {"colour": 0}, ValidationError), (0, [1], {"name": 999}, ValidationError),
    (0, [1], {"name": COMBINE}, ValidationError),
])
def test_a_bad_merge_is_refused_and_writes_nothing(pair, clock, keep, others, choices, error):
    ids = {0: pair[0], 1: pair[1], 999: 999}
    before = take(list(pair))
    with pytest.raises(error):
        merge_customers(ids[keep], [ids[o] for o in others], clock,
                        {k: ids.get(v, v) for k, v in choices.items()})
    assert take(list(pair)) == before


def test_undo_restores_both_customers_byte_for_byte(pair, clock):
    a, b = pair
    before, docs = take([a, b]), index_docs([a, b])
    mark_not_duplicate([b, create_customer(clock, name="Other Co")], clock)
    marks = not_duplicate_pairs()
    result = merge_customers(a, [b], clock)
    assert len(not_duplicate_pairs()) == 2  # "b is not Other Co" now holds for a as well
    clock.advance(timedelta(hours=1))
    undone = undo_merge(result.merge_id, clock)
    assert undone.restored_ids == (b,) and undone.kept_since == {}
    assert take([a, b]) == before
    assert index_docs([a, b]) == docs
    assert not_duplicate_pairs() == marks
    assert merge_history()[0].undone_at == clock.now()
    with pytest.raises(MergeUndoError, match="already undone"):
        undo_merge(result.merge_id, clock)


def test_undo_keeps_what_was_logged_after_the_merge(pair, clock):
    a, b = pair
    before = take([a, b])
    result = merge_customers(a, [b], clock)
    anna = next(c.id for c in get_customer(a).contacts if c.name == "Anna Schmidt")
    clock.advance(timedelta(days=1))
    log_interaction(a, "whatsapp", "Anna confirmed the order", clock, contact_id=anna)
    log_interaction(a, "call", "Called Hans", clock, follow_up_on=date(2027, 1, 5))
    reminder = database.execute_sql("SELECT id FROM reminder WHERE key = ?",
                                    (f"follow_up:customer:{a}:2026-12-15",)).fetchone()[0]
    mark_done(reminder, clock)
    undone = undo_merge(result.merge_id, clock)
    assert undone.kept_since == {"interaction": 2}
    assert [e.summary for e in timeline(b)][0] == "Anna confirmed the order"  # back with Anna
    assert get_customer(b).last_contact_at == clock.now()
    assert [e.summary for e in timeline(a)][0] == "Called Hans"
    assert get_customer(a).follow_up_on == date(2027, 1, 5)  # planned after the merge: kept
    states = dict(database.execute_sql("SELECT key, state FROM reminder WHERE customer_id = ?", (b,)).fetchall())
    assert states == {f"follow_up:customer:{b}:2026-12-01": "open", f"follow_up:customer:{b}:2026-12-15": "done"}
    after = take([a, b])
    for table in ("contact", "contact_channel", "orders", "opportunity", "customer_tag", "custom_field_value"):
        assert after[table] == before[table], table


def test_undo_is_refused_when_the_kept_customer_was_edited_since(pair, clock):
    a, b = pair
    result = merge_customers(a, [b], clock)
    update_customer(a, clock, name="Acme Trading GmbH & Co. KG")
    merged = take([a])
    with pytest.raises(MergeUndoError, match="company fields"):
        undo_merge(result.merge_id, clock)
    assert take([a]) == merged and merge_history(a)[0].undone_at is None


def test_saving_the_form_unchanged_does_not_block_the_undo(pair, clock):
    a, b = pair
    before = take([a, b])
    result = merge_customers(a, [b], clock)
    kept = get_customer(a)
    fields = {k: getattr(kept, k) for k in ("name", "country", "city", "address", "website", "industry", "products",
                                            "company_size", "preferred_language", "source", "rating", "currency",
                                            "notes", "follow_up_on", "lost")}
    clock.advance(timedelta(minutes=3))
    save_customer(clock, a, fields, contacts=[ContactEdit(c.id, contact_input_of(c)) for c in kept.contacts],
                  tags=list(kept.tags), custom_fields=dict(kept.custom_fields))  # channels get new ids
    undo_merge(result.merge_id, clock)
    assert take([a, b]) == before


def test_the_timeline_entry_leads_to_its_merge(pair, clock):
    a, b = pair
    result = merge_customers(a, [b], clock)
    entry = next(e for e in timeline(a) if e.kind == "merge")
    assert entry.interaction_id == result.interaction_id
    info = merge_of_interaction(entry.interaction_id)
    assert (info.id, info.kept_id, info.merged_ids) == (result.merge_id, a, (b,))
    assert info.names == {a: "Acme Trading GmbH", b: "ACME Trading"}
    assert "ACME Trading" in entry.summary and f"#{b}" in entry.summary


def test_three_customers_merge_and_come_back(pair, clock):
    a, b = pair
    c = create_customer(clock, name="Acme Trading Co.", country="DE",
                        contacts=[ContactInput(name="Anna Schmidt", phones=("+49 40 7654321",))])
    before = take([a, b, c])
    result = merge_customers(a, [b, c], clock)
    assert [p.name for p in get_customer(a).contacts].count("Anna Schmidt") == 1
    undo_merge(result.merge_id, clock)
    assert take([a, b, c]) == before
