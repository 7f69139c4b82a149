"""Search on a server book (store/pg_search.py): the paths only PostgreSQL has, on a real server.

The behaviour shared with SQLite (folding, any script, fragments, several terms) is tested on both
engines in tests/store/test_search.py; here: the 1-2 character CJK path through the token array, the
indexes the planner uses, and step 8 giving an older book's documents their tokens.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.postgres_server import OWNER, OWNER_PASSWORD, SHARED
from trade_crm.domain.clock import today
from trade_crm.domain.customers import query as cq
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer, update_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.store import migrations, pg_schema, pg_search, search
from trade_crm.store.postgres import open_postgres


def names(clock, text):
    return [r.name for r in cq.search_customers(cq.CustomerFilter(text=text), today=today(clock), limit=100)]


def test_one_and_two_character_chinese_queries_use_the_token_array(pg_db, clock):
    create_customer(clock, name="深圳市华强照明有限公司", contacts=[ContactInput(name="刘凯")])
    create_customer(clock, name="刘 凯 Imports")  # the pair across a space is a token too
    create_customer(clock, name="凯旋贸易")
    create_customer(clock, name="Kai Liu Trading")
    tokens = {cid: set(t) for cid, t in pg_db.execute_sql("SELECT rowid, tokens FROM search_words ORDER BY rowid")}
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


def _bands(db, cid):
    return db.execute_sql("SELECT t.name_band, t.contact_band, w.name_band, w.contact_band FROM search_trigram t "
                          "JOIN search_words w ON w.rowid = t.rowid WHERE t.rowid = ?", (cid,)).fetchone()


def _rebalance_as_owner(url, bands):
    """Rebalancing rewrites the search tables (CLUSTER): the database owner's work, not a daily login's."""
    owner = open_postgres(url, password=OWNER_PASSWORD, bind=False)
    try:
        with owner.atomic():
            pg_search.rebalance(owner, bands=bands)
    finally:
        owner.close()


def test_bands_follow_the_sort_orders_and_move_with_a_name_or_a_contact(pg_db, pg_url, clock):
    ids = {name: create_customer(clock, name=name) for name in ("alpha", "Bravo", "charlie", "Delta", "echo", "zulu")}
    _rebalance_as_owner(pg_url, {"name": 3, "last_contact": 3})
    by_name = [_bands(pg_db, ids[name])[0] for name in sorted(ids, key=str.lower)]
    assert by_name == sorted(by_name) and by_name[0] < by_name[-1]  # case-insensitive, as the list sorts
    assert all(b[0] == b[2] and b[1] == b[3] == pg_search.NO_CONTACT_BAND for b in map(lambda n: _bands(pg_db, n),
                                                                                       ids.values()))
    update_customer(ids["zulu"], clock, name="Aardvark")  # the trigger moves it to the first band
    assert _bands(pg_db, ids["zulu"])[0] == 0 == _bands(pg_db, ids["zulu"])[2]
    log_interaction(ids["echo"], "call", "called", clock)  # a last contact: out of the never-contacted band
    assert _bands(pg_db, ids["echo"])[1] < pg_search.NO_CONTACT_BAND
    created = create_customer(clock, name="zz top")  # a new document gets its bands when inserted
    assert _bands(pg_db, created)[0] == max(by_name)


@pytest.mark.parametrize(("bands", "cap"), [(16, 400), (4, 4), (60, 400)],
                         ids=["bands read whole", "a group past the cap asked again a band at a time",
                              "many empty bands before the first hits"])
def test_many_hits_that_sort_late_are_found_a_band_at_a_time(pg_db, pg_url, clock, monkeypatch, bands, cap):
    """The band path gives the page that sorting every hit gives, by name and by last contact, both ways."""
    stamp = "2026-11-01 00:00:00"
    rows = []
    for i in range(600):
        late = i % 3 == 0  # the hits: names in Arabic script sort after the Latin ones
        name = f"شركة النور {i:04d}" if late else f"{'Acme' if i % 2 else 'acme'} Trading {i:04d}"
        contact = None if i % 7 == 0 else f"2026-{1 + i % 10:02d}-{1 + i % 27:02d} 10:00:00"
        rows.append((name, contact, stamp, stamp))
    with pg_db.atomic():
        pg_db.cursor().executemany("INSERT INTO customer (name, last_contact_at, created_at, updated_at) "
                                   "VALUES (?, ?, ?, ?)", rows)
        search.rebuild_index(pg_db)
    _rebalance_as_owner(pg_url, {"name": bands, "last_contact": bands})
    monkeypatch.setattr(cq, "_SAMPLE", 40)  # 200 hits are "many": past the sample, the walk and a band
    monkeypatch.setattr(cq, "_WALK_ROWS_FIRST", 60)
    monkeypatch.setattr(cq, "_BAND_CAP", cap)
    day = date(2026, 11, 1)
    for text in ("شركة", "النور 00", "نور"):
        flt = cq.CustomerFilter(text=text)
        for sort, descending in (("name", False), ("name", True), ("last_contact", True), ("last_contact", False)):
            expected = cq.matching_ids(flt, today=day, sort=sort, descending=descending)
            for offset, limit in ((0, 10), (0, 50), (50, 50), (170, 50)):
                page = cq.search_customers(flt, today=day, sort=sort, descending=descending, offset=offset,
                                           limit=limit)
                assert [r.id for r in page] == expected[offset:offset + limit], (text, sort, descending, offset)


def test_step_13_gives_an_older_books_documents_their_bands(postgres_server, monkeypatch, clock):
    name = postgres_server.create_database(OWNER)
    url = postgres_server.url(OWNER, name)
    try:
        monkeypatch.setattr(migrations, "LATEST_VERSION", 10)
        db = open_postgres(url, password=OWNER_PASSWORD)
        ids = [create_customer(clock, name=f"Customer {i:03d}") for i in range(200)]
        db.close()
        monkeypatch.undo()
        db = open_postgres(url, password=OWNER_PASSWORD)
        bands = [_bands(db, cid)[0] for cid in ids]
        assert None not in bands and bands == sorted(bands) and bands[-1] > 0
        assert cq.search_customers(cq.CustomerFilter(text="customer 042"), today=today(clock))[0].name == "Customer 042"
        db.close()
    finally:
        postgres_server.drop_database(name)


def _keys(db, cid):
    return db.execute_sql("SELECT t.name, t.last_contact_at, w.name, w.last_contact_at FROM search_trigram t "
                          "JOIN search_words w ON w.rowid = t.rowid WHERE t.rowid = ?", (cid,)).fetchone()


def _customer_keys(db, cid):
    return db.execute_sql("SELECT name, last_contact_at FROM customer WHERE id = ?", (cid,)).fetchone()


def test_the_documents_carry_their_customers_sort_keys(pg_db, clock):
    """Step 14: the page is sorted from the document rows, so they hold the name and last contact it sorts by."""
    cid = create_customer(clock, name="Acme Trading")
    assert _keys(pg_db, cid) == ("Acme Trading", None, "Acme Trading", None)
    update_customer(cid, clock, name="Zeta Trading")
    log_interaction(cid, "call", "called", clock)
    name, contact = _customer_keys(pg_db, cid)
    assert name == "Zeta Trading" and contact is not None
    assert _keys(pg_db, cid) == (name, contact, name, contact)


def test_a_salesperson_gets_full_pages_of_the_customers_they_may_see(team, pg_url, clock, monkeypatch):
    """Row-level security decides the page: hits ann may not see are passed over, in the band path as in
    the sample's, and her pages are her list's, full, in order."""
    team.act("mia")
    stamp = "2026-11-01 00:00:00"
    rows = [(f"{'شركة النور' if i % 3 == 0 else 'Acme Trading'} {i:04d}", None if i % 5 == 0 else stamp,
             stamp, stamp, "ann" if i % 4 == 0 else "bob") for i in range(600)]
    db = team.books["mia"]
    with db.atomic():
        db.cursor().executemany("INSERT INTO customer (name, last_contact_at, created_at, updated_at, owner) "
                                "VALUES (?, ?, ?, ?, ?)", rows)
        search.rebuild_index(db)
    _rebalance_as_owner(pg_url, {"name": 16, "last_contact": 4})
    monkeypatch.setattr(cq, "_SAMPLE", 40)
    monkeypatch.setattr(cq, "_WALK_ROWS_FIRST", 60)
    day = date(2026, 11, 1)
    texts = ("شركة", "trading", "نور 01")
    everyone = {text: set(cq.matching_ids(cq.CustomerFilter(text=text), today=day)) for text in texts}  # mia's
    team.act("ann")
    for text in texts:
        flt = cq.CustomerFilter(text=text)
        for sort, descending in (("name", False), ("last_contact", True)):
            expected = cq.matching_ids(flt, today=day, sort=sort, descending=descending)
            assert 0 < len(expected) < len(everyone[text]) and set(expected) < everyone[text]
            for offset, limit in ((0, 10), (10, 20)):
                page = cq.search_customers(flt, today=day, sort=sort, descending=descending, offset=offset,
                                           limit=limit)
                assert [r.id for r in page] == expected[offset:offset + limit], (text, sort, offset)


def test_step_14_gives_an_older_books_documents_their_sort_keys(postgres_server, monkeypatch, clock):
    name = postgres_server.create_database(OWNER)
    url = postgres_server.url(OWNER, name)
    try:
        monkeypatch.setattr(migrations, "LATEST_VERSION", 12)
        db = open_postgres(url, password=OWNER_PASSWORD)
        ids = [create_customer(clock, name=f"Customer {i:03d}") for i in range(200)]
        log_interaction(ids[7], "call", "called", clock)
        db.close()
        monkeypatch.undo()
        db = open_postgres(url, password=OWNER_PASSWORD)
        assert all(_keys(db, cid) == _customer_keys(db, cid) * 2 for cid in ids)
        found = cq.search_customers(cq.CustomerFilter(text="customer"), today=today(clock), sort="last_contact",
                                    descending=True, limit=3)
        assert [r.id for r in found] == [ids[7], ids[199], ids[198]]
        db.close()
    finally:
        postgres_server.drop_database(name)


def test_a_run_of_name_bands_is_covered_by_exactly_the_zones_of_its_bands(pg_db):
    """Step 20: `zones(b) && cover(lo, hi)` holds for the bands lo..hi and for no other, with a dozen zones at most."""
    runs = [(0, 0), (0, 229), (3, 70), (17, 17), (64, 127), (1, 255), (230, 256), (0, 256), (5, 4)]
    for lo, hi in runs:
        inside, size = pg_db.execute_sql(
            "SELECT array_agg(b ORDER BY b) FILTER (WHERE search_name_zones(b::smallint) && search_name_cover(?, ?)), "
            "cardinality(search_name_cover(?, ?)) FROM generate_series(0, 256) b", (lo, hi, lo, hi)).fetchone()
        assert list(inside or []) == list(range(lo, hi + 1)), (lo, hi)
        assert size <= 12


def test_the_empty_bands_before_a_late_term_are_asked_as_zones_in_the_gin_index(pg_db):
    """The probe meets the zones in the trigram index (an index condition, not a filter on every hit's row)."""
    with pg_db.atomic():
        pg_db.execute_sql("SET LOCAL enable_seqscan = off")  # as search_page runs (an empty table's plan otherwise)
        plan = "\n".join(r[0] for r in pg_db.execute_sql(
            "EXPLAIN SELECT rowid FROM search_trigram s WHERE s.body LIKE '%شركة%' "
            "AND search_name_zones(s.name_band) && search_name_cover(0, 229) LIMIT 1500"))
    condition = next(line for line in plan.splitlines() if "Index Cond" in line)
    assert "search_trigram_body" in plan and "name_band" in condition and "&&" in condition
