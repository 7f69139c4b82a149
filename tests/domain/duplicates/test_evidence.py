"""What speaks for and against two records being one company."""

from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.duplicates.evidence import Evidence, conflict, load_evidence, names_alike


def evidence(names=(), domains=(), phones=(), org_phones=()):
    return Evidence(set(names), set(domains), set(phones) | set(org_phones), set(org_phones))


def test_own_websites_or_switchboards_that_differ_are_a_conflict():
    assert conflict(evidence(domains={"neustadt.de"}), evidence(domains={"neustedt.de"})).startswith(
        "different company domains")
    assert conflict(evidence(org_phones={"+495113000"}), evidence(org_phones={"+4951512040"})).startswith(
        "different phones")


def test_a_shared_domain_or_phone_or_missing_evidence_is_no_conflict():
    assert conflict(evidence(domains={"a.de", "b.de"}), evidence(domains={"b.de"})) is None
    assert conflict(evidence(domains={"a.de"}), evidence()) is None
    assert conflict(evidence(org_phones={"+491"}, phones={"+492"}), evidence(org_phones={"+492"})) is None


def test_people_with_their_own_numbers_at_one_company_are_no_conflict():
    assert conflict(evidence(phones={"+49301111111"}), evidence(phones={"+49302222222"})) is None


def test_names_alike_are_the_same_or_nearly_the_same_key():
    assert names_alike({"acme trading"}, {"acme tradng"})
    assert names_alike({"stadt neustadt"}, {"stadt neustedt"})
    assert not names_alike({"bicelli"}, {"probrixia camera commercio"})
    assert not names_alike({"深圳市华强照明电器科技"}, {"深圳市华兴照明电器科技"})  # one character is another firm


def test_a_stored_customers_evidence_has_its_website_email_domains_and_switchboard(db, clock):
    customer = create_customer(clock, name="Stadt Neustadt GmbH", country="DE", website="https://www.neustadt.de/rathaus",
                               contacts=[ContactInput(emails=("info@stadt-neustadt.de",), phones=("+49 6321 8550",)),
                                         ContactInput(name="Eva Weber", phones=("+49 6321 855123",),
                                                      emails=("eva@gmail.com",))])
    (found,) = load_evidence(db, [customer]).values()
    assert found.names == {"stadt neustadt"}
    assert found.domains == {"neustadt.de", "stadt-neustadt.de"}
    assert found.phones == {"+4963218550", "+496321855123"} and found.org_phones == {"+4963218550"}
