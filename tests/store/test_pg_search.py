"""Search on a server book (store/pg_search.py): the paths only PostgreSQL has, on a real server.

The behaviour shared with SQLite (folding, any script, fragments, several terms) is tested on both
engines in tests/store/test_search.py; here: the 1-2 character CJK path through the token array, the
indexes the planner uses, and step 8 giving an older book's documents their tokens.
"""

from __future__ import annotations

from datetime import date

from tests.postgres_server import OWNER, OWNER_PASSWORD, SHARED
from trade_crm.domain.clock import today
from trade_crm.domain.customers import query as cq
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer, update_customer
from trade_crm.store import migrations, pg_schema, pg_search, search
from trade_crm.store.postgres import open_postgres


def names(clock, text):
    return [r.name for r in cq.search_customers(cq.CustomerFilter(text=text), today=today(clock), limit=100)]


def test_one_and_two_character_chinese_queries_use_the_token_array(pg_db, clock):
    create_customer(clock, name="深圳市华强照明有限公司", contacts=[ContactInput(name="刘凯")])
    create_customer(clock, name="刘 凯 Imports")  # the pair across a space is a token too
    create_customer(clock, name="凯旋贸易")
    create_customer(clock, name="Kai Liu Trading")
    tokens = {cid: set(t) for cid, t in pg_db.execute_sql("SELECT rowid, tokens FROM search_words")}
    assert all({"刘", "凯", "刘凯"} <= t for t in list(tokens.values())[:2])
    assert names(clock, "刘凯") == ["刘 凯 Imports", "深圳市华强照明有限公司"]
    assert names(clock, "凯") == ["凯旋贸易", "刘 凯 Imports", "深圳市华强照明有限公司"]
    assert names(clock, "照明") == names(clock, "华强照明") == ["深圳市华强照明有限公司"]
    assert names(clock, "凯旋 贸易") == ["凯旋贸易"]  # two 2-character terms: both tokens
    assert names(clock, "凯刘") == []  # a pair that stands nowhere
    assert names(clock, "im 凯") == ["刘 凯 Imports"] == names(clock, "刘 i")  # a Latin prefix and a character
    assert names(clock, "li ka") == ["Kai Liu Trading"]
    assert cq.count_customers(cq.CustomerFilter(text="凯"), today=today(clock)) == 3


def test_a_changed_name_changes_its_tokens(pg_db, clock):
    cid = create_customer(clock, name="刘凯")
    update_customer(cid, clock, name="王伟")
    assert names(clock, "刘") == []
    assert names(clock, "王伟") == ["王伟"]


def test_the_conditions_take_like_wildcards_literally():
    clauses, params = pg_search.text_conditions("100% e_t li", "c.id")
    assert params == ["%100\\%%", "%e\\_t%", ["li"]] and len(clauses) == 1
    assert pg_search.text_conditions("  ", "c.id") == ([], [])
    assert pg_search.row_condition("  ", "c.id") == ("", [])


def _plan(db, text: str) -> str:
    clauses, params = pg_search.text_conditions(text, "c.id")
    rows = db.execute_sql(f"EXPLAIN SELECT c.id FROM customer c WHERE {' AND '.join(clauses)}", params)
    return "\n".join(r[0] for r in rows)


def test_searches_use_the_gin_indexes_on_a_few_thousand_customers(pg_db, postgres_server):
    stamp = "2026-11-01 00:00:00"
    rows = [(f"Customer {i:05d} {'深圳照明' if i % 97 == 0 else 'Trading'} {chr(0x4e00 + i % 5000)}",
             " ".join(f"note{i * 31 + n:07d}" for n in range(12)), stamp, stamp) for i in range(4_000)]
    with pg_db.atomic():
        pg_db.cursor().executemany("INSERT INTO customer (name, notes, created_at, updated_at) VALUES (?, ?, ?, ?)",
                                   rows)
        search.rebuild_index(pg_db)
    # as autovacuum would after a bulk load: GIN's pending list merged into the index, the planner's statistics
    # (the owner's right, not the daily login's); the customers' too, else what an earlier test left in the
    # shared book (a handful of rows) may lead the planner to start from customer_pkey
    for table in ("customer", "search_trigram", "search_words"):
        postgres_server.execute(f"VACUUM ANALYZE {table}", dbname=SHARED)
    for text, index in (("01234", "search_trigram_body"), ("深圳照明", "search_trigram_body"),
                        ("\u4e01", "search_words_tokens"), ("照明", "search_words_tokens")):
        plan = _plan(pg_db, text)
        assert f"Bitmap Index Scan on {index}" in plan, (text, plan)
        assert "Seq Scan on search" not in plan, (text, plan)
    found = cq.matching_ids(cq.CustomerFilter(text="照明"), today=date(2026, 11, 1))
    assert len(found) == len(range(0, 4_000, 97))


def test_step_8_indexes_an_older_books_documents(postgres_server, monkeypatch, clock):
    """A book made at the base version holds plain documents; step 8 gives each its tokens."""
    name = postgres_server.create_database(OWNER)
    url = postgres_server.url(OWNER, name)
    try:
        monkeypatch.setattr(migrations, "LATEST_VERSION", pg_schema.BASE_VERSION)
        db = open_postgres(url, password=OWNER_PASSWORD)
        body = search.document_body(search.fold("深圳市华强照明 刘凯 Lima"))
        db.execute_sql("INSERT INTO search_trigram (rowid, body) VALUES (1, ?)", (body,))
        db.close()
        monkeypatch.undo()
        db = open_postgres(url, password=OWNER_PASSWORD)
        (tokens,) = db.execute_sql("SELECT tokens FROM search_words WHERE rowid = 1").fetchone()
        assert tokens == search.short_tokens(body) and {"刘凯", "li", "照"} <= set(tokens)
        assert db.execute_sql("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'").fetchone()[0] == 1
        db.close()
    finally:
        postgres_server.drop_database(name)


def test_only_a_server_book_is_answered_by_the_server_module(db, pg_db):
    assert pg_search.answers(pg_db) and not pg_search.answers(db)
