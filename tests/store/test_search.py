import sqlite3

import pytest

from trade_crm.domain.clock import today
from trade_crm.domain.customers import query as cq
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer, delete_customers, update_customer
from trade_crm.store.models import database
from trade_crm.store.search import (
    MAX_QUERY_CHARS,
    MAX_TERMS,
    clean_query,
    document_body,
    fold,
    query_terms,
    search_clauses,
    short_term_tokens,
    short_tokens,
    words_input,
    words_text,
)


@pytest.fixture
def named(book, clock):
    """One customer per script, on each engine (`book`: SQLite, then PostgreSQL)."""
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
def test_fragment_in_any_script_finds_the_customer(named, clock, query, key):
    assert named[key] in find(clock, query)


def test_two_letter_latin_query_is_a_word_prefix(named, clock):
    assert find(clock, "sh") == {named["in"]}


def test_several_terms_must_all_match(named, clock):
    assert find(clock, "müller canton") == {named["de"]}
    assert find(clock, "müller 刘凯") == set()


def test_index_follows_updates_and_deletes(named, clock):
    update_customer(named["ru"], clock, name="ООО Стройэкспорт")
    assert named["ru"] not in find(clock, "стройимп")
    assert named["ru"] in find(clock, "стройэксп")
    delete_customers([named["ru"]])
    assert find(clock, "стройэксп") == set()


def test_folding_keeps_marks_of_non_latin_scripts():
    assert fold("Müller") == "muller"
    assert fold("ＡＢＣ　Ltd") == "abc ltd"
    assert fold("किशोर") == "किशोर"
    assert fold("ภาษาไทย") == "ภาษาไทย"
    assert fold("مُحَمَّد") == "مُحَمَّد"


def test_a_term_of_combining_marks_alone_finds_nothing(named, clock):
    assert find(clock, "\u093f") == set()  # FTS5's words table: a prefix with no token in it
    assert find(clock, "\u093f shar") == set()


def test_query_with_quotes_and_operators_is_taken_literally(named, clock):
    assert find(clock, 'AND "OR" NEAR(') == set()
    assert search_clauses("") == []


# --- odd input in the search box -------------------------------------------------------------------

def test_nul_controls_and_lone_surrogates_become_spaces_in_a_query():
    assert clean_query("Mül\x00ler\x1b\ud800x\udfff") == "Mül ler x "
    assert clean_query("a\tb\nc") == "a\tb\nc"  # ordinary whitespace is left to split the terms


def test_a_query_is_cut_to_its_first_characters_and_terms():
    pasted = "".join(f"word{n} " for n in range(5000))
    assert len(pasted) > 30_000
    assert clean_query(pasted) == pasted[:MAX_QUERY_CHARS]
    (clause,) = search_clauses(pasted)
    assert clause.table == "search_trigram"
    assert query_terms(pasted) == [f"word{n}" for n in range(MAX_TERMS)]
    assert query_terms("led led LED lamp") == ["led", "lamp"]  # each term once


@pytest.mark.parametrize("query, key", [("muller\x00", "de"), ("\ud800muller", "de"), ("刘凯\x00\x00", "cn")])
def test_a_query_with_nul_or_a_lone_surrogate_finds_what_it_names(named, clock, query, key):
    assert find(clock, query) == {named[key]}
    assert cq.count_customers(cq.CustomerFilter(text=query), today=today(clock)) == 1


def test_a_query_of_only_unsearchable_characters_lists_everyone(named, clock):
    assert find(clock, "\x00\ud800 \x07") == set(named.values())


def test_a_100000_character_query_is_answered_as_its_first_part(named, clock):
    pasted = "muller " + "x" * 100_000
    assert find(clock, pasted) == find(clock, pasted[:MAX_QUERY_CHARS]) == set()
    assert find(clock, "muller " * 20_000) == {named["de"]}


# --- the compact index: the same hits as the whole text ----------------------------------------------

CORPUS = [
    "Müller Haustechnik GmbH München Heike Schwarz heike.schwarz@mueller-haustechnik.de +4915123545803 "
    "+49 151 23545803 4915123545803 VIP",
    "深圳市华强照明有限公司 深圳市 刘凯 采购经理 张伟 采购经理 kai.liu@huaqiang.com.cn +86 138 1234 5678",
    "刘 凯 Imports, 王·伟 trading 欧阳佳怡",
    "شركة النور للتجارة محمد العتيبي m.otaibi@alnoor.sa مُحَمَّد",
    "ООО Стройимпорт Иван Иванов 8 (495) 123-45-67",
    "Sharma Exports किशोर शर्मा Nguyễn Phát lima-li li lima ller muller x_y 100% a'b",
]


def fts_hits(con, table, expression):
    return {r[0] for r in con.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (expression,))}


def test_the_stored_document_keeps_every_fragment_and_word_prefix_of_the_whole_text():
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE whole USING fts5(body, tokenize='unicode61 remove_diacritics 2')")
    con.execute("CREATE VIRTUAL TABLE whole_terms USING fts5vocab(whole, 'row')")
    con.execute("CREATE VIRTUAL TABLE compact USING fts5(body, tokenize='unicode61 remove_diacritics 2', "
                "prefix='1 2', content='', detail=none)")
    texts = [fold(text) for text in CORPUS]
    bodies = [document_body(text) for text in texts]
    for rowid, (text, body) in enumerate(zip(texts, bodies, strict=True), 1):
        con.execute("INSERT INTO whole (rowid, body) VALUES (?, ?)", (rowid, words_text(text)))
        con.execute("INSERT INTO compact (rowid, body) VALUES (?, ?)", (rowid, words_input(body)))
        for word in text.split(" "):  # every fragment of 3+ characters is a term's whole match
            for start in range(len(word)):
                for end in range(start + 3, len(word) + 1):
                    assert word[start:end] in body, (word, word[start:end])
    assert bodies[0] == ("muller gmbh munchen heike.schwarz@mueller-haustechnik.de +4915123545803 151 23545803 vip")
    terms = [t for (t,) in con.execute("SELECT term FROM whole_terms")]
    prefixes = {t[:n] for t in terms for n in (1, 2)}
    assert {"li", "l", "he", "刘", "凯", "ll"} <= prefixes
    for prefix in prefixes:  # a 1-2 character query: a word prefix, or a single CJK character
        expected = fts_hits(con, "whole", f'"{prefix}"' if len(prefix) == 1 and "\u4e00" <= prefix else
                            f'"{prefix}" *')
        assert fts_hits(con, "compact", f'"{prefix}"' if len(prefix) == 1 and "\u4e00" <= prefix else
                        f'"{prefix}" *') == expected, prefix
    cjk = {a + b for a in "深圳市华强照明刘凯王伟采购经理张欧阳佳怡" for b in "深圳市华强照明刘凯王伟采购经理张欧阳佳怡"}
    for pair in cjk:  # two CJK characters: next to each other in the whole text, across spaces too
        assert fts_hits(con, "compact", f'"{pair}"') == fts_hits(con, "whole", f'"{pair[0]} {pair[1]}"'), pair


@pytest.fixture
def odd_book(book, clock):
    return {
        "sep": create_customer(clock, name="刘 凯 Imports", country="CN"),
        "wild": create_customer(clock, name="Acme_Tools 100% Ltd", country="US",
                                contacts=[ContactInput(name="Heike Schwarz", emails=("heike.schwarz@acme.de",))]),
        "eat": create_customer(clock, name="Great Eats 1000 Ltd", country="US"),
    }


def test_a_cjk_name_written_with_a_space_is_found_as_two_characters(odd_book, clock):
    assert find(clock, "刘凯") == {odd_book["sep"]}
    assert find(clock, "凯i") == set()


def test_like_wildcards_in_a_query_are_taken_literally(odd_book, clock):
    assert find(clock, "e_t") == {odd_book["wild"]}
    assert find(clock, "100%") == {odd_book["wild"]}
    assert find(clock, "%%%") == set()
    assert find(clock, "1000") == {odd_book["eat"]}


def test_a_name_kept_only_inside_an_email_is_still_found_by_fragment_and_prefix(odd_book, clock):
    body = database.execute_sql("SELECT body FROM search_trigram WHERE rowid = ?", (odd_book["wild"],)).fetchone()[0]
    assert "heike" not in body.split(" ")  # inside heike.schwarz@acme.de, stored once
    assert find(clock, "heike") == find(clock, "schw") == find(clock, "sc") == {odd_book["wild"]}
    update_customer(odd_book["wild"], clock, name="Beta Tools")
    assert find(clock, "acme_") == set()
    assert find(clock, "be") == {odd_book["wild"]}
    assert find(clock, "ac") == {odd_book["wild"]}  # the email is still there


def test_a_server_books_token_array_answers_short_terms_as_the_sqlite_words_table_does():
    """store/pg_search.py's 1-2 character path: `short_tokens` of a document holds a term's
    `short_term_tokens` exactly when FTS5 finds the document for it (marks, CJK pairs, separators)."""
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE compact USING fts5(body, tokenize='unicode61 remove_diacritics 2', "
                "prefix='1 2', content='', detail=none)")
    con.execute("CREATE VIRTUAL TABLE whole USING fts5(body, tokenize='unicode61 remove_diacritics 2')")
    con.execute("CREATE VIRTUAL TABLE whole_terms USING fts5vocab(whole, 'row')")
    arrays = {}
    for rowid, text in enumerate(CORPUS, 1):
        body = document_body(fold(text))
        con.execute("INSERT INTO compact (rowid, body) VALUES (?, ?)", (rowid, words_input(body)))
        con.execute("INSERT INTO whole (rowid, body) VALUES (?, ?)", (rowid, words_text(fold(text))))
        arrays[rowid] = set(short_tokens(body))
    terms = {t[:n] for (t,) in con.execute("SELECT term FROM whole_terms") for n in (1, 2)}
    terms |= {"कि", "ि", "..", "a.", "凯i", "x刘", "刘凯", "凯王", "%", "_y", "'b", "ll", "ZZ"}
    for term in sorted(terms):
        (clause,) = search_clauses(term) or [None]
        expected = fts_hits(con, "compact", clause.match) if clause else set(arrays)
        tokens = short_term_tokens(fold(term))
        found = set() if tokens is None else {rowid for rowid, have in arrays.items() if set(tokens) <= have}
        assert found == expected, term
