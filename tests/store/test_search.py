import pytest

from trade_crm.domain.clock import today
from trade_crm.domain.customers import query as cq
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer, delete_customers, update_customer
from trade_crm.store.search import fold, match_clauses


@pytest.fixture
def book(db, clock):
    ids = {
        "de": create_customer(clock, name="Müller Haustechnik GmbH", country="DE", city="München",
                              contacts=[ContactInput(name="Jürgen Müller", emails=("j.mueller@mht.de",),
                                                     phones=("+49 171 2345678",))],
                              tags=["Canton Fair 2026 Spring"]),
        "cn": create_customer(clock, name="深圳市华强照明有限公司", country="CN",
                              contacts=[ContactInput(name="刘凯", phones=("13812345678",))]),
        "sa": create_customer(clock, name="شركة النور للتجارة", country="SA",
                              contacts=[ContactInput(name="محمد العتيبي", emails=("m.otaibi@alnoor.sa",))]),
        "ru": create_customer(clock, name="ООО Стройимпорт", country="RU",
                              contacts=[ContactInput(name="Иван Иванов")]),
        "in": create_customer(clock, name="Sharma Exports", country="IN",
                              contacts=[ContactInput(name="किशोर शर्मा")]),
        "vn": create_customer(clock, name="Nguyễn Phát Trading", country="VN"),
    }
    return ids


def find(clock, text):
    return {r.id for r in cq.search_customers(cq.CustomerFilter(text=text), today=today(clock), limit=100)}


@pytest.mark.parametrize("query, key", [
    ("muller", "de"), ("MÜLLER", "de"), ("jürgen", "de"), ("mht.de", "de"), ("j.mueller@", "de"),
    ("münchen", "de"), ("munchen", "de"), ("canton fair", "de"), ("2345678", "de"),
    ("华强照明", "cn"), ("深圳市", "cn"), ("刘凯", "cn"), ("刘", "cn"), ("照明", "cn"), ("138123", "cn"),
    ("النور", "sa"), ("العتيبي", "sa"),
    ("стройимп", "ru"), ("Иванов", "ru"),
    ("शर्मा", "in"), ("किशोर", "in"),
    ("nguyen", "vn"), ("Nguyễn", "vn"), ("ng", "vn"),
])
def test_fragment_in_any_script_finds_the_customer(book, clock, query, key):
    assert book[key] in find(clock, query)


def test_two_letter_latin_query_is_a_word_prefix(book, clock):
    assert find(clock, "sh") == {book["in"]}


def test_several_terms_must_all_match(book, clock):
    assert find(clock, "müller canton") == {book["de"]}
    assert find(clock, "müller 刘凯") == set()


def test_index_follows_updates_and_deletes(book, clock):
    update_customer(book["ru"], clock, name="ООО Стройэкспорт")
    assert book["ru"] not in find(clock, "стройимп")
    assert book["ru"] in find(clock, "стройэксп")
    delete_customers([book["ru"]])
    assert find(clock, "стройэксп") == set()


def test_folding_keeps_marks_of_non_latin_scripts():
    assert fold("Müller") == "muller"
    assert fold("ＡＢＣ　Ltd") == "abc ltd"
    assert fold("किशोर") == "किशोर"
    assert fold("ภาษาไทย") == "ภาษาไทย"
    assert fold("مُحَمَّد") == "مُحَمَّد"


def test_query_with_quotes_and_operators_is_taken_literally(book, clock):
    assert find(clock, 'AND "OR" NEAR(') == set()
    assert match_clauses("") == []
