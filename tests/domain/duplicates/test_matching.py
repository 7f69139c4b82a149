import pytest
from rapidfuzz import fuzz

from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.duplicates.matching import (
    MAX_DOMAIN_SHARE,
    NAME_SCORER,
    MatchIndex,
    Profile,
    company_key,
    duplicate_pairs,
    email_domain,
    load_candidates,
    looks_like_company,
    same_person,
    shared_domains,
    sorted_words,
    web_domain,
)


@pytest.mark.parametrize(("a", "b"), [
    ("ACME Trading Co., Ltd.", "Acme Trading Company Limited"),
    ("Müller GmbH", "MULLER AG"),
    ("深圳市华为技术有限公司", "深圳市华为技术股份有限公司"),
    ("ＡＣＭＥ　Ｃｏ．", "Acme Corp"),
    ("The Smith & Sons Ltd", "Smith and Sons"),
])
def test_company_keys_ignore_case_width_accents_punctuation_and_legal_forms(a, b):
    assert company_key(a) == company_key(b)


def test_company_keys_keep_every_script_whole():
    assert company_key("नमस्ते इंडिया") == "नमस्ते इंडिया"
    assert company_key("บริษัท สยาม") == "บริษัท สยาม"
    assert company_key("شركة الشرق للتجارة") == "شركة الشرق للتجارة"


def test_free_mail_and_platform_domains_say_nothing_about_the_company():
    for email in ("a@gmail.com", "a@QQ.com", "a@163.com", "a@126.com", "a@yahoo.co.uk", "a@hotmail.fr",
                  "a@outlook.com", "x@test.invalid"):
        assert email_domain(email) is None
    assert email_domain("Sales@Acme-Trading.de") == "acme-trading.de"
    assert web_domain("https://www.Acme.com/en/index.html") == "acme.com"
    assert web_domain("acme.en.alibaba.com") is None and web_domain("https://facebook.com/acme") is None


def test_person_names_are_scored_apart_from_the_company():
    assert not same_person("张伟", "张玮")  # one character apart: two people
    assert same_person("张 伟", "张伟")
    assert same_person("Jon Smith", "John Smith") and same_person("Smith, John", "John Smith")
    assert not same_person("Anna Li", "Anne Lu")
    assert not same_person("", "Anna")


def test_looks_like_company():
    assert looks_like_company("Aareplast AG") and looks_like_company("义乌市华强五金有限公司")
    assert not looks_like_company("Ada Lovelace")


def p(ident, name="", country=None, emails=(), phones=(), websites=()):
    return Profile(ident, name, country, tuple(emails), tuple(phones), tuple(websites))


def test_rules_in_order_of_strength():
    index = MatchIndex()
    index.add(p(1, "Acme Trading Co., Ltd.", "DE", ["max@acme.de"], ["+49301234567"], ["www.acme.de"]))
    index.add(p(2, "Other GmbH", "DE", ["info@other.de"]))
    assert [(m.ident, m.rule) for m in index.find(p("r", "Whatever", None, ["max@acme.de"]))] == [(1, "email")]
    assert index.find(p("r", "X", "FR", phones=["+49301234567"]))[0].rule == "phone"
    assert index.find(p("r", "X", "FR", ["sales@acme.de"]))[0].detail == 'same company domain "acme.de"'
    exact = index.find(p("r", "ACME TRADING COMPANY LIMITED", None))
    assert [(m.ident, m.rule, m.score) for m in exact] == [(1, "name", 100.0)]


def test_each_profile_is_found_once_under_its_strongest_rule_and_its_first_reason():
    index = MatchIndex()
    index.add(p(1, "Acme Zeta Trading GmbH", "DE", ["max@acme.de", "info@acme.de"], ["+49301234567"]))
    index.add(p(2, "Acme Trading Zeta GmbH", "DE"))  # the same words in another order: a similar name, 100%
    index.add(p(3, "Acme Zeta Tradings GmbH", "DE"))
    found = index.find(p("r", "Acme Zeta Trading GmbH", "DE", ["info@acme.de", "max@acme.de"], ["+49301234567"]))
    assert [(m.ident, m.rule, m.score, m.detail) for m in found] == [
        (1, "email", 100.0, 'same email "info@acme.de"'),
        (2, "name", 100.0, 'similar name "Acme Trading Zeta GmbH" (100%)'),
        (3, "name", 97.1, 'similar name "Acme Zeta Tradings GmbH" (97%)')]
    same = index.find(p("r", "ACME Zeta Trading", "DE"))  # an exact name is not replaced by its own fuzzy score
    assert [(m.ident, m.score, m.detail) for m in same][0] == (1, 100.0, 'same name "Acme Zeta Trading GmbH"')
    assert [m.ident for m in index.find(p(1, "Acme Zeta Trading GmbH", "DE", ["max@acme.de"]))] == [2, 3]  # not itself


def test_rows_indexed_as_tuples_or_under_another_ident_are_found_as_profiles_are():
    rows = [(1, "Acme Trading GmbH", "DE", ("max@acme.de",), ("+49301234567",), ("acme.de",)),
            (2, "Acme Tradings GmbH", "DE", (), (), ()), (3, "", None, (), (), ()), (4, "深圳市华强照明有限公司", "CN", (), (), ())]
    queries = [p("r", "Acme Trading", "DE"), p("r", "X", None, ["a@acme.de"]), p("r", "X", "FR", phones=["+49301234567"]),
               p("r", "深圳华强照明", "CN")]
    profiles, tuples, renamed = MatchIndex(), MatchIndex(), MatchIndex()
    for row in rows:
        profiles.add(Profile(*row))
        renamed.add(Profile("first", *row[1:]), row[0])
    tuples.add_rows(rows)
    for query in queries:
        assert tuples.find(query) == profiles.find(query) == renamed.find(query) != []


def test_a_similar_name_matches_only_in_the_same_country():
    index = MatchIndex()
    index.add(p(1, "Guangzhou Baiyun Electric Equipment Co., Ltd.", "CN"))
    similar = index.find(p("r", "Guangzhou Baiyun Electrical Equipment Co Ltd", "CN"))
    assert similar and similar[0].rule == "name" and 90 <= similar[0].score < 100
    assert index.find(p("r", "Guangzhou Baiyun Electrical Equipment Co Ltd", "VN")) == []
    assert index.find(p("r", "Guangzhou Baiyun Electric Equipment Co., Ltd.", "VN")) == []


def test_free_mail_never_matches_and_shared_domains_can_be_ignored():
    index = MatchIndex(ignore_domains={"big-isp.net"})
    index.add(p(1, "A", emails=["a@gmail.com", "a@big-isp.net"]))
    assert index.find(p("r", "B", emails=["b@gmail.com", "b@big-isp.net"])) == []
    crowd = [p(i, f"Company {i}", emails=[f"x{i}@big-isp.net"]) for i in range(7)]
    assert shared_domains(crowd) == {"big-isp.net"}


def test_duplicate_pairs_within_a_list():
    pairs = duplicate_pairs([p(1, "Acme Ltd", "DE"), p(2, "Beta", "DE"), p(3, "ACME Limited", "DE")])
    assert [(a, m.ident, m.rule) for a, m in pairs] == [(3, 1, "name")]


def test_stored_customers_that_could_match_are_loaded_by_sql(db, clock):
    acme = create_customer(clock, name="Acme Trading GmbH", country="DE", website="https://www.acme-trading.de/",
                           contacts=[ContactInput(name="Max", emails=("max@acme-trading.de",), phones=("+49301234567",))])
    gmail = create_customer(clock, name="Solo", country="US", contacts=[ContactInput(emails=("solo@gmail.com",))])
    create_customer(clock, name="Zeta", country="DE")
    rows = [p("a", "Nobody", None, ["max@acme-trading.de"]), p("b", "X", None, phones=["+49301234567"]),
            p("c", "Y", None, ["info@acme-trading.de"]), p("d", "Acme Trading Co.", "DE"), p("e", "Q", None, ["q@gmail.com"])]
    found = {c.ident: c for c in load_candidates(db, rows)}
    assert set(found) == {acme}  # not "Solo" (gmail.com), not "Zeta" (other block)
    assert gmail not in found
    assert found[acme].emails == ("max@acme-trading.de",) and found[acme].phones == ("+49301234567",)
    index = MatchIndex()
    index.add(found[acme])
    assert [index.find(r)[0].rule for r in rows[:4]] == ["email", "phone", "domain", "name"]


def test_a_stored_email_domain_used_by_more_customers_than_a_company_has_finds_none(db, clock):
    acme = create_customer(clock, name="Acme Trading GmbH", country="DE", contacts=[  # many people, one customer
        ContactInput(name=f"Person {i}", emails=(f"p{i}@acme-trading.de",)) for i in range(MAX_DOMAIN_SHARE + 3)])
    share = [create_customer(clock, name=f"Shop {i}", country="FR", contacts=[ContactInput(emails=(f"s{i}@share.fr",))])
             for i in range(MAX_DOMAIN_SHARE)]
    crowd = [create_customer(clock, name=f"Firm {i}", country="IT", contacts=[ContactInput(emails=(f"f{i}@isp.it",))])
             for i in range(MAX_DOMAIN_SHARE + 1)]
    rows = [p("a", "Nobody", None, ["new@acme-trading.de", "x@share.fr", "y@isp.it"])]
    found = {c.ident: c for c in load_candidates(db, rows)}
    assert set(found) == {acme, *share}  # isp.it is on one customer more than a company's share: a provider's
    assert found[acme].websites == ("acme-trading.de",) and all(found[s].websites == ("share.fr",) for s in share)
    assert not set(crowd) & set(found)


@pytest.mark.parametrize(("stored", "other"), [
    ("深圳市华强照明电器科技有限公司", "深圳市华兴照明电器科技有限公司"),  # 91% alike: one character of the 字号
    ("深圳市华强进出口贸易有限公司", "深圳市华兴进出口贸易有限公司"),
    ("深圳市华强照明有限公司", "深圳市鼎盛照明有限公司"),
    ("深圳市华强照明有限公司", "义乌市华强照明有限公司"),  # the same 字号 in another city
    ("株式会社サンライズ照明", "株式会社サンライト照明"),
])
def test_chinese_companies_sharing_city_and_trade_words_are_not_merged(stored, other):
    index = MatchIndex()
    index.add(p(1, stored, "CN"))
    assert index.find(p("r", other, "CN")) == []
    assert duplicate_pairs([p(1, stored, "CN"), p(2, other, "CN")]) == []


@pytest.mark.parametrize("other", ["深圳华强照明有限公司", "深圳市宝安区华强照明有限公司", "深圳市华强照明股份有限公司"])
def test_a_chinese_name_written_with_more_or_less_of_its_city_still_matches(other):
    index = MatchIndex()
    index.add(p(1, "深圳市华强照明有限公司", "CN"))
    (match,) = index.find(p("r", other, "CN"))
    assert (match.ident, match.rule) == (1, "name") and match.score >= 95


@pytest.mark.parametrize(("a", "b"), [
    ("acme trading", "trading acme"), ("global solar tech", "solar global tek"), ("delta power", "delta powers group"),
    ("华强照明", "华兴照明"), ("a b c", "c b"),
])
def test_names_are_scored_as_token_sort_ratio_with_each_key_sorted_once(a, b):
    assert NAME_SCORER(sorted_words(a), sorted_words(b)) == fuzz.token_sort_ratio(a, b)


def test_stored_websites_match_a_domain_however_they_are_written(db, clock):
    written = {"WWW.Bare-Host.com": "bare-host.com", "bare-two.com": "bare-two.com",
               "http://Third.com:8080/en": "third.com", "https://www.fourth.com./": "fourth.com"}
    ids = {domain: create_customer(clock, name=f"Firm {n}", country="DE", website=website)
           for n, (website, domain) in enumerate(written.items())}
    create_customer(clock, name="Elsewhere", country="FR", website="www.other.com")
    rows = [p(n, f"Row {n}", None, [f"sales@{domain}"]) for n, domain in enumerate(written.values())]
    found = {c.ident: c.websites for c in load_candidates(db, rows)}
    assert found == {ids[domain]: (domain,) for domain in written.values()}
