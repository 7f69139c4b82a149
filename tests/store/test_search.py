import pytest

from trade_crm.domain.clock import today
from trade_crm.domain.customers import query as cq
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer, delete_customers, update_customer
from trade_crm.store.search import MAX_QUERY_CHARS, MAX_TERMS, clean_query, fold, match_clauses


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


# --- odd input in the search box -------------------------------------------------------------------

def test_nul_controls_and_lone_surrogates_become_spaces_in_a_query():
    assert clean_query("Mül\x00ler\x1b\ud800x\udfff") == "Mül ler x "
    assert clean_query("a\tb\nc") == "a\tb\nc"  # ordinary whitespace is left to split the terms


def test_a_query_is_cut_to_its_first_characters_and_terms():
    pasted = "".join(f"word{n} " for n in range(5000))
    assert len(pasted) > 30_000
    assert clean_query(pasted) == pasted[:MAX_QUERY_CHARS]
    ((table, expression),) = match_clauses(pasted)
    assert table == "search_trigram"
    assert expression == " AND ".join(f'"word{n}"' for n in range(MAX_TERMS))
    assert match_clauses("led led LED lamp") == [("search_trigram", '"led" AND "lamp"')]  # each term once


@pytest.mark.parametrize("query, key", [("muller\x00", "de"), ("\ud800muller", "de"), ("刘凯\x00\x00", "cn")])
def test_a_query_with_nul_or_a_lone_surrogate_finds_what_it_names(book, clock, query, key):
    assert find(clock, query) == {book[key]}
    assert cq.count_customers(cq.CustomerFilter(text=query), today=today(clock)) == 1


def test_a_query_of_only_unsearchable_characters_lists_everyone(book, clock):
    assert find(clock, "\x00\ud800 \x07") == set(book.values())


def test_a_100000_character_query_is_answered_as_its_first_part(book, clock):
    pasted = "muller " + "x" * 100_000
    assert find(clock, pasted) == find(clock, pasted[:MAX_QUERY_CHARS]) == set()
    assert find(clock, "muller " * 20_000) == {book["de"]}
