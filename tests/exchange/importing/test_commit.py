"""A trade-show list's facts used: the day met, a first follow-up, booth and hall; no empty batch."""

from datetime import date, datetime, time

from tests.exchange.importing.lists import existing_acme, run
from trade_crm.domain.clock import today
from trade_crm.domain.customers.records import get_customer
from trade_crm.domain.customers.timeline import timeline
from trade_crm.domain.reminders.followups import follow_up_candidates
from trade_crm.domain.reminders.settings import ReminderSettings
from trade_crm.exchange.importing.importer import import_history, undo_import
from trade_crm.store.models import Customer

FAIR = [["Company", "Contact", "Email", "Country", "Visit Date", "Hall", "Booth No."],
        ["Beta GmbH", "Bob Brandt", "bob@beta.de", "Deutschland", "2026-10-16", "9.2", "C41"],
        ["Gamma SA", "Gus Garcia", "gus@gamma.es", "España", "2026-10-17", "", ""]]


def test_visit_date_becomes_a_met_at_meeting_and_the_last_contact(db, clock, xlsx):
    _, result = run(xlsx(FAIR), clock, source="Canton Fair 2026 Autumn")
    assert result.created == 2
    beta = Customer.get(Customer.name == "Beta GmbH")
    met = [e for e in timeline(beta.id) if e.kind == "meeting"]
    assert [e.summary for e in met] == ["Met at Canton Fair 2026 Autumn"]
    assert met[0].occurred_at.astimezone(clock.zone).date() == date(2026, 10, 16)
    assert beta.last_contact_at == datetime.combine(date(2026, 10, 16), time(12), clock.zone)
    assert (beta.country, get_customer(beta.id).custom_fields) == ("DE", {"Booth": "C41", "Hall": "9.2"})


def test_trade_show_new_customers_get_a_first_follow_up_in_three_days_that_raises_a_reminder(db, clock, xlsx):
    run(xlsx(FAIR), clock, source="Canton Fair 2026 Autumn")
    day = today(clock)
    due = date.fromordinal(day.toordinal() + 3)
    assert {c.follow_up_on for c in Customer.select()} == {due}
    reminders = follow_up_candidates(due, due, clock.zone, ReminderSettings())
    assert sorted(r.title for r in reminders) == ["Follow up with Beta GmbH", "Follow up with Gamma SA"]


def test_follow_up_days_option_sets_or_turns_off_the_first_follow_up(db, clock, xlsx):
    run(xlsx(FAIR, name="a.xlsx"), clock, source="Canton Fair 2026 Autumn", follow_up_days=0)
    assert {c.follow_up_on for c in Customer.select()} == {None}
    undo_import(1, clock)
    run(xlsx(FAIR, name="b.xlsx"), clock, source="website", follow_up_days=7)
    assert {c.follow_up_on for c in Customer.select()} == {date.fromordinal(today(clock).toordinal() + 7)}


def test_a_list_that_is_not_from_a_trade_show_plans_no_follow_up_by_default(db, clock, xlsx):
    run(xlsx(FAIR), clock)
    assert {c.follow_up_on for c in Customer.select()} == {None}


def test_a_stored_customer_met_again_gets_the_meeting_and_undo_takes_it_back(db, clock, xlsx):
    acme_id = existing_acme(clock)
    rows = [["Company", "Email", "Date"], ["ACME Trading Co., Ltd.", "max@acme-trading.de", "2026-11-20"]]
    _, result = run(xlsx(rows), clock, source="Canton Fair 2026 Autumn")
    assert result.merged == 1
    stored = Customer.get_by_id(acme_id)
    assert stored.last_contact_at == datetime.combine(date(2026, 11, 20), time(12), clock.zone)
    assert "Met at Canton Fair 2026 Autumn" in [e.summary for e in timeline(acme_id)]
    assert stored.follow_up_on is None  # only new customers get a first follow-up
    undo_import(result.batch, clock)
    assert Customer.get_by_id(acme_id).last_contact_at is None
    assert all(e.kind != "meeting" for e in timeline(acme_id))


def test_a_file_with_nothing_to_import_leaves_no_batch(db, clock, xlsx):
    plan, result = run(xlsx([["Company", "Email"], ["", ""], ["", "not-an-email"]]), clock)
    assert (plan.customers, result.batch, result.created) == ((), None, 0)
    assert import_history() == []


def test_undo_restores_the_fields_a_merge_filled_as_well_as_the_last_contact_the_same_row_moved(db, clock, xlsx):
    """One merge changed a field and the last contact: both were journalled under the customer's id, and the
    journal's stored form kept only the second, so undo left the filled field in."""
    acme_id = existing_acme(clock)
    before = Customer.get_by_id(acme_id)
    rows = [["Company", "Email", "Website", "Industry", "Date"],
            ["ACME Trading Co., Ltd.", "max@acme-trading.de", "acme-trading.de", "Lighting", "2026-11-20"]]
    _, result = run(xlsx(rows), clock, source="Canton Fair 2026 Autumn")
    merged = Customer.get_by_id(acme_id)
    assert (result.merged, merged.website, merged.industry) == (1, "acme-trading.de", "Lighting")
    assert merged.last_contact_at == datetime.combine(date(2026, 11, 20), time(12), clock.zone)
    assert merged.version > before.version
    undo_import(result.batch, clock)
    after = Customer.get_by_id(acme_id)
    assert (after.website, after.industry, after.last_contact_at) == ("", "", None)
    assert after.updated_at == before.updated_at
