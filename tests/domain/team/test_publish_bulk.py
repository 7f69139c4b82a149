"""A publish into a book without customers is a bulk load (server step 20, store/pg_bulk.py): the indexes are
built and the foreign keys checked once at the end, and what lands on the server is what a row-by-row publish
leaves: the same rows, audit trail and change log, every index and key back, the search bands drawn."""

from __future__ import annotations

import psycopg
import pytest

from tests.domain.team.test_publish import NOW, audit_rows, counts, laptop, names_found  # noqa: F401 (laptop: a fixture)
from tests.postgres_server import OWNER, TEMPLATE
from trade_crm.domain.team import publish as publish_module
from trade_crm.domain.team.publish import publish
from trade_crm.domain.team.publish_run import _draw_sql
from trade_crm.store import pg_bulk
from trade_crm.store.postgres import open_postgres

pytestmark = pytest.mark.sqlite_only("the book publishing copies is a laptop's SQLite file; the server is `server`")

# Every index (its table, method, columns, expressions and whether partial: a predicate rebuilt from its definition
# may be spelled differently, ARRAY[...] for '{...}') and every constraint as defined.
SCHEMA_OBJECTS = """SELECT 'index', i.relname, concat_ws(' ', x.indrelid::regclass, a.amname, x.indkey, x.indisunique,
    x.indexprs IS NOT NULL, x.indpred IS NOT NULL) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_am a ON a.oid = i.relam WHERE i.relnamespace = current_schema()::regnamespace
UNION ALL SELECT 'key', conname, pg_get_constraintdef(oid) FROM pg_constraint
WHERE connamespace = current_schema()::regnamespace ORDER BY 1, 2"""


def schema_objects(target) -> list[tuple]:
    return target.execute_sql(SCHEMA_OBJECTS).fetchall()


def published_as(postgres_server, db, person: str, *, bulk_from: int, monkeypatch) -> dict:
    """Publish the laptop book into a fresh copy of today's schema as a salesperson; what the server then holds."""
    monkeypatch.setattr(publish_module, "BULK_FROM", bulk_from)
    name = postgres_server.create_database(OWNER, template=TEMPLATE)
    seller = postgres_server.person(person)
    target = open_postgres(seller.url(name), password=seller.password, bind=False)
    try:
        summary = publish(db, target, now=NOW)
        held = {"summary": summary, "counts": counts(target), "audit": audit_rows(target),
                "changes": target.execute_sql("SELECT customer_id FROM reminder_change ORDER BY 1").fetchall(),
                "orders": target.execute_sql("SELECT * FROM order_summary ORDER BY 1").fetchall(),
                "schema": schema_objects(target), "pending": target.execute_sql(
                    "SELECT (SELECT count(*) FROM search_trigram s JOIN customer c ON c.id = s.rowid "
                    "WHERE s.name_band IS DISTINCT FROM search_name_band(c.name))").fetchone()[0],
                "bounds": dict(target.execute_sql("SELECT sort, cardinality(bounds) FROM search_band").fetchall()),
                "found": names_found(target, "刘凯") + names_found(target, "müller")}
    finally:
        target.close()
        postgres_server.drop_database(name)
    return held


@pytest.mark.usefixtures("laptop")
def test_a_bulk_publish_leaves_what_a_row_by_row_publish_leaves_with_every_index_and_key(db, postgres_server,
                                                                                         monkeypatch):
    rows = published_as(postgres_server, db, "bulk_rows", bulk_from=10**9, monkeypatch=monkeypatch)
    bulk = published_as(postgres_server, db, "bulk_bulk", bulk_from=0, monkeypatch=monkeypatch)

    assert "indexes built, keys checked" in dict(bulk["summary"].phases)
    assert "indexes built, keys checked" not in dict(rows["summary"].phases)
    assert bulk["counts"] == rows["counts"] and bulk["counts"]["customer"] == 2
    assert bulk["schema"] == rows["schema"]  # every index and foreign key back, as defined
    def entries(held: dict, person: str) -> list[tuple]:  # who and the customers' owner aside
        return [(*e[1:6], {k: v for k, v in e[6].items() if not (k == "owner" and v == person)}) for e in held["audit"]]

    assert entries(bulk, "bulk_bulk") == entries(rows, "bulk_rows")  # the same entries, in order
    assert {e[0] for e in bulk["audit"]} == {"bulk_bulk"}
    assert bulk["changes"] == rows["changes"] and bulk["orders"] == rows["orders"] and len(bulk["orders"]) == 1
    assert bulk["bounds"] == {"name": 1, "last_contact": 1}  # drawn from the two customers published
    assert rows["bounds"] == {"name": 0, "last_contact": 0}  # a fresh book's, untouched by a row-by-row publish
    assert bulk["pending"] == 0  # the documents' bands are the bounds' own
    assert bulk["found"] == rows["found"] == ["刘凯贸易有限公司", "Müller Haustechnik GmbH"]


@pytest.mark.usefixtures("laptop")
def test_a_book_with_customers_is_not_bulk_loaded_and_is_not_locked(db, pg_url, postgres_server, monkeypatch):
    monkeypatch.setattr(publish_module, "BULK_FROM", 0)
    name = pg_url.rsplit("/", 1)[1]
    ann = postgres_server.person("bulk_ann")
    target = open_postgres(ann.url(name), password=ann.password, bind=False)
    try:
        target.execute_sql("INSERT INTO customer (name, created_at, updated_at) VALUES ('Already here', ?, ?)",
                           (NOW.isoformat(), NOW.isoformat()))
        summary = publish(db, target, now=NOW)
        with target.atomic():
            assert pg_bulk.begin(target) is False
            locks = target.execute_sql("SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid() "
                                       "AND relation = 'customer'::regclass AND mode = 'ExclusiveLock'").fetchone()[0]
    finally:
        target.close()
    assert "indexes built, keys checked" not in dict(summary.phases)
    assert summary.count("customer").created == 2 and locks == 0


def test_a_bulk_load_cannot_commit_without_its_indexes_and_keys(pg_url, postgres_server):
    """Whatever the client does: a salesperson who begins one in psql and commits gets the indexes and keys back
    (the deferred trigger), and a row that breaks a key then fails the commit, leaving nothing."""
    name = pg_url.rsplit("/", 1)[1]
    mia = postgres_server.person("bulk_mia")
    url = mia.url(name)
    with psycopg.connect(url, password=mia.password) as conn:
        before = conn.execute(SCHEMA_OBJECTS).fetchall()
        assert conn.execute("SELECT bulk_load_begin()").fetchone()[0] is True
        assert conn.execute("SELECT count(*) FROM pg_indexes WHERE indexname = 'search_trigram_body'").fetchone()[0] == 0
        conn.execute("INSERT INTO customer (name, created_at, updated_at) VALUES ('Kept', 'x', 'x')")
        conn.commit()
        assert conn.execute(SCHEMA_OBJECTS).fetchall() == before
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # the notes are the owner's functions' only
            conn.execute("DELETE FROM bulk_load_deferred")
        conn.rollback()

    with postgres_server.admin(name) as conn:  # the superuser: no row-level security stops the bad row
        conn.execute("DELETE FROM customer")  # an empty book again
        conn.autocommit = False
        assert conn.execute("SELECT bulk_load_begin()").fetchone()[0] is True
        conn.execute("INSERT INTO contact (customer_id, name, is_primary, created_at, updated_at) "
                     "VALUES (999999, 'Nobody''s', FALSE, 'x', 'x')")  # no such customer: no key checks it yet
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            conn.commit()
    with psycopg.connect(url, password=mia.password) as conn:
        assert conn.execute("SELECT count(*) FROM contact").fetchone()[0] == 0
        assert conn.execute(SCHEMA_OBJECTS).fetchall() == before


def test_ids_are_drawn_as_one_range_only_for_a_table_the_bulk_load_holds(pg_url, postgres_server):
    """A table a bulk load holds (its indexes dropped: nobody else writes it) gets its ids as one range, the last
    of them returned; any other table one nextval each, so a writer elsewhere never gets an id in the middle."""
    name = pg_url.rsplit("/", 1)[1]
    ann = postgres_server.person("bulk_ids")
    target = open_postgres(ann.url(name), password=ann.password, bind=False)
    try:
        with target.atomic():
            loose = target.execute_sql(f"SELECT {_draw_sql('interaction', 3)}").fetchone()[0]
        with target.atomic():
            assert pg_bulk.begin(target) is True
            held = target.execute_sql(f"SELECT {_draw_sql('interaction', 5)}").fetchone()[0]
            after = target.execute_sql("SELECT nextval(pg_get_serial_sequence('interaction', 'id'))").fetchone()[0]
            target.rollback()
    finally:
        target.close()
    assert len(loose) == 3 and loose == sorted(set(loose))  # outside a bulk load: one nextval each
    assert held == [loose[-1] + 5] and after == held[0] + 1  # the range ends at held[0]; the sequence is past it
