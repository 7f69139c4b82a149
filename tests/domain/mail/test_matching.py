"""Which customer a message belongs to: each rule, and what never matches."""

import pytest

from tests.domain.mail.helpers import ME, account, at, mail
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.customers.timeline import timeline
from trade_crm.domain.mail import rules
from trade_crm.domain.mail.reading import mail_entries
from trade_crm.domain.mail.record import record_mail


def _customer(clock, name, emails=(), website=""):
    return create_customer(clock, name=name, website=website,
                           contacts=[ContactInput(name="Someone", emails=tuple(emails))] if emails else [])


def _rules_of(customer_id):
    entries = timeline(customer_id)
    return [e.rule for e in mail_entries([e.interaction_id for e in entries]).values()]


def test_an_address_in_cc_is_enough(db, clock):
    acc = account(clock)
    cid = _customer(clock, "Lima Imports SAC", ["rosa@limaimports.pe"])
    report = record_mail([(mail(sender="x@forwarder-logistics.com", cc=("rosa@limaimports.pe",)), at(acc.id))],
                         clock=clock)
    assert report.matched == 1
    assert _rules_of(cid) == ["address"]


def test_a_colleague_at_the_customers_company_domain_matches_by_domain(db, clock):
    acc = account(clock)
    cid = _customer(clock, "Müller Haustechnik GmbH", ["hans@mueller-haustechnik.de"])
    record_mail([(mail(sender="eva@mueller-haustechnik.de"), at(acc.id))], clock=clock)
    assert _rules_of(cid) == ["domain"]


def test_a_subdomain_and_the_website_match_by_domain(db, clock):
    acc = account(clock)
    cid = _customer(clock, "Acme Lighting Ltd", website="https://www.acme-lighting.co.uk/")
    record_mail([(mail(sender="sales@eu.acme-lighting.co.uk"), at(acc.id))], clock=clock)
    assert _rules_of(cid) == ["domain"]


def test_a_free_mail_domain_never_stands_for_a_company(db, clock):
    acc = account(clock)
    cid = _customer(clock, "Rahul Traders", ["rahul.traders@gmail.com"])
    report = record_mail([(mail(sender="someone.else@gmail.com"), at(acc.id))], clock=clock)
    assert (report.matched, report.new_senders) == (0, 1)
    assert timeline(cid) == []
    # the same free-mail address itself is a contact channel: that one matches
    assert record_mail([(mail(sender="rahul.traders@gmail.com"), at(acc.id))], clock=clock).matched == 1


@pytest.mark.parametrize("domain", ["gmail.com", "qq.com", "163.com", "126.com", "yeah.net", "outlook.com",
                                    "hotmail.co.uk", "yahoo.co.jp", "mail.ru", "yandex.ru", "web.de", "gmx.net",
                                    "icloud.com", "foxmail.com", "sina.com", "protonmail.com", "zoho.com"])
def test_free_mail_domains_are_known(domain):
    assert rules.is_free_mail(domain)


@pytest.mark.parametrize("domain", ["mueller-haustechnik.de", "huaqiang.com.cn", "acme.co.uk", "mail.acme.com"])
def test_company_domains_are_not_free_mail(domain):
    assert not rules.is_free_mail(domain)


def test_a_message_naming_two_customers_makes_an_entry_on_each(db, clock):
    acc = account(clock)
    a = _customer(clock, "Lima Imports SAC", ["rosa@limaimports.pe"])
    b = _customer(clock, "Andes Freight", ["ops@andesfreight.pe"])
    report = record_mail([(mail(sender=ME, to=("rosa@limaimports.pe",), cc=("ops@andesfreight.pe",)), at(acc.id))],
                         clock=clock)
    assert (report.matched, report.entries) == (1, 2)
    assert len(timeline(a)) == 1 and len(timeline(b)) == 1


def test_own_addresses_never_match_even_when_a_customer_lists_them(db, clock):
    acc = account(clock)
    cid = _customer(clock, "Confused Customer", [ME])
    report = record_mail([(mail(sender="hans@nowhere-gmbh.de", to=(ME,)), at(acc.id))], clock=clock)
    assert report.matched == 0
    assert timeline(cid) == []


def test_internal_mail_between_colleagues_is_kept_without_its_text(db, clock):
    acc = account(clock)
    report = record_mail([(mail(sender="bob@sunrise-lighting.cn", to=(ME,), cc=("eva@sunrise-lighting.cn",),
                                text="salary review"), at(acc.id))], clock=clock)
    assert (report.internal, report.entries, report.new_senders) == (1, 0, 0)
    assert db.execute_sql("SELECT subject, text, status FROM mail_message").fetchall() == [("", "", "internal")]


def test_never_log_addresses_and_domains(db, clock):
    acc = account(clock)
    cid = _customer(clock, "Müller Haustechnik GmbH", ["hans@mueller-haustechnik.de"])
    rules.add_never_log(["hans@mueller-haustechnik.de", "mybank.com"], clock)
    report = record_mail([
        (mail("Private", sender="hans@mueller-haustechnik.de"), at(acc.id)),
        (mail("Statement", sender="noreply@alerts.mybank.com"), at(acc.id)),
        (mail("Order", sender="eva@mueller-haustechnik.de"), at(acc.id)),
    ], clock=clock)
    assert (report.never_logged, report.matched, report.new_senders) == (2, 1, 0)
    assert [e.summary for e in timeline(cid)] == ["Order"]
    assert [e.value for e in rules.never_log_list()] == ["hans@mueller-haustechnik.de", "mybank.com"]


def test_a_never_log_value_that_is_neither_address_nor_domain_is_refused(db, clock):
    with pytest.raises(rules.ValidationError):
        rules.add_never_log(["not a domain"], clock)


def test_a_batch_of_500_messages_costs_a_few_queries(db, clock):
    acc = account(clock)
    for n in range(50):
        _customer(clock, f"Customer {n}", [f"buyer{n}@company{n}.com"])
    batch = [(mail(f"Order {n}", sender=f"{'buyer' if n % 2 else 'other'}{n % 50}@company{n % 50}.com", minutes=n),
              at(acc.id)) for n in range(500)]
    statements = []
    conn = db.connection()
    if hasattr(conn, "set_trace_callback"):
        conn.set_trace_callback(statements.append)
        report = record_mail(batch, clock=clock)
        conn.set_trace_callback(None)
        reads = [s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]
        assert len(reads) < 25, reads  # the writes are one executemany each (a trace line per row)
    else:
        report = record_mail(batch, clock=clock)
    assert (report.stored, report.matched) == (500, 500)
