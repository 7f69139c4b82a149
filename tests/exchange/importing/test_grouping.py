"""Rows join one customer only on positive evidence; alike names with conflicting evidence stay apart."""

from tests.exchange.importing.lists import run
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer, customer_count, get_customer
from trade_crm.domain.duplicates.merge import merge_customers
from trade_crm.domain.duplicates.scan import find_duplicates
from trade_crm.exchange.importing.importer import ImportOptions, build_plan

COUNCILS = (("Stadt Neustadt", "", "info@neustadt.de", "+49 6321 8550", "DE", "Neustadt", "www.neustadt.de"),
            ("Stadt Neustedt", "", "info@neustedt.de", "+49 4561 12340", "DE", "Neustedt", "www.neustedt.de"))


def names(plan):
    return [c.name for c in plan.customers]


def test_two_councils_with_alike_names_and_their_own_websites_stay_two_customers(db, sheet):
    plan = build_plan(sheet(*COUNCILS), ImportOptions())
    assert names(plan) == ["Stadt Neustadt", "Stadt Neustedt"]
    (pair,) = plan.possible_duplicates
    assert (pair.key, pair.other_key, pair.customer_id) == (3, 2, None)
    assert (pair.name, pair.other_name) == ("Stadt Neustedt", "Stadt Neustadt")
    assert "similar name" in pair.why and "different company domains" in pair.why
    assert plan.row_outcomes == {"created": 2, "merged": 0, "joined": 0, "skipped": 0, "refused": 0, "ignored": 0}


def test_two_savings_banks_of_one_name_in_two_towns_stay_two_customers(db, sheet):
    plan = build_plan(sheet(("Sparkasse", "", "", "+49 511 30000", "DE", "Hannover"),
                            ("Sparkasse", "", "", "+49 5151 2040", "DE", "Hameln")), ImportOptions())
    assert [c.fields["city"] for c in plan.customers] == ["Hannover", "Hameln"]
    (pair,) = plan.possible_duplicates
    assert 'same name "Sparkasse"' in pair.why and "different phones" in pair.why


def test_the_same_company_name_with_nothing_against_it_is_one_customer(db, sheet):
    plan = build_plan(sheet(("Acme Trading GmbH", "Anna", "anna@gmail.com", "+49 30 1111111", "DE"),
                            ("ACME Trading", "Bob", "", "+49 30 2222222", "DE", "Berlin", "www.acme-trading.de")),
                      ImportOptions())
    (customer,) = plan.customers
    assert [c.name for c in customer.contacts] == ["Anna", "Bob"]  # people's own numbers are no conflict
    assert [(o.row, o.outcome, o.target) for o in plan.outcomes] == [(2, "created", None), (3, "joined", 2)]
    assert not plan.possible_duplicates


def test_a_shared_switchboard_joins_two_names_and_the_second_name_is_kept(db, sheet, clock):
    plan, result = run(sheet(("ACHAT Infrastruktur GmbH", "", "", "+49 30 21966038", "DE"),
                             ("Tradeoffice24.com Winiarski", "", "", "+49 30 21966038", "DE", "", "tradeoffice24.com")),
                       clock)
    assert result.created == 1 and plan.row_outcomes["joined"] == 1
    customer = get_customer(1)
    assert customer.name == "ACHAT Infrastruktur GmbH"
    assert "Also listed as: Tradeoffice24.com Winiarski" in customer.notes


def test_a_shared_phone_with_conflicting_websites_and_other_names_stays_apart(db, sheet):
    plan = build_plan(sheet(("BICELLI S.r.l.", "", "", "+39 030 3725325", "IT", "", "www.bicelli.it"),
                            ("ProBrixia Camera Commercio", "", "", "+39 030 3725325", "IT", "", "www.probrixia.it"),
                            ("ProBrixia Camera Commercio", "", "", "+39 030 3725325", "IT", "", "www.probrixia.it")),
                      ImportOptions())
    assert names(plan) == ["BICELLI S.r.l.", "ProBrixia Camera Commercio"]
    assert [o.outcome for o in plan.outcomes] == ["created", "created", "joined"]
    assert plan.possible_duplicates[0].why.startswith('same phone "+390303725325"')


def test_a_shared_phone_and_an_alike_name_join_despite_two_websites(db, sheet):
    plan = build_plan(sheet(("Bal Seal Engineering Europe BV", "", "", "+31 20 6386523", "NL", "", "www.balseal.nl"),
                            ("Bal Seal Engineering Europe BV", "", "", "+31 20 6386523", "NL", "", "www.balseal.com")),
                      ImportOptions())
    assert len(plan.customers) == 1 and not plan.possible_duplicates


def test_an_alike_customer_in_the_book_with_its_own_website_is_not_merged_into(db, sheet, clock):
    stored = create_customer(clock, name="Stadt Neustadt", country="DE", website="https://www.neustadt.de",
                             contacts=[ContactInput(emails=("info@neustadt.de",))])
    plan = build_plan(sheet(COUNCILS[1]), ImportOptions())
    (customer,) = plan.customers
    assert (customer.action, customer.match) == ("create", None)
    (pair,) = plan.possible_duplicates
    assert (pair.customer_id, pair.other_key, pair.other_name) == (stored, None, "Stadt Neustadt")
    assert [o.outcome for o in plan.outcomes] == ["created"]


def test_an_alike_customer_in_the_book_with_nothing_against_it_is_merged_into(db, sheet, clock):
    stored = create_customer(clock, name="Stadt Neustadt", country="DE", website="https://www.neustadt.de")
    plan = build_plan(sheet(("Stadtverwaltung Neustadt", "", "", "", "DE", "", "neustadt.de"),
                            ("Stadt Neustadt", "Eva", "", "", "DE")), ImportOptions())
    (customer,) = plan.customers
    assert (customer.action, customer.match.customer_id) == ("merge", stored)
    assert [(o.outcome, o.target) for o in plan.outcomes] == [("merged", stored), ("merged", stored)]
    assert "Also listed as: Stadtverwaltung Neustadt" in customer.notes


def test_customers_kept_apart_are_found_by_find_duplicates_and_can_be_merged_after_the_import(db, sheet, clock):
    plan, result = run(sheet(*COUNCILS), clock)
    assert result.created == 2
    (group,) = find_duplicates().groups
    assert sorted(group.ids) == [1, 2]
    merge_customers(1, [2], clock)
    assert customer_count() == 1
