"""Opening a book on a real PostgreSQL server: the schema, the version checks, the one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest

from tests.helpers import MemoryKeyring
from tests.postgres_server import OWNER, OWNER_PASSWORD
from trade_crm.domain.customers.contacts import ContactInput, contacts_of, update_contact
from trade_crm.domain.customers.records import (
    all_tags,
    create_customer,
    delete_customers,
    get_customer,
    update_customer,
)
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.keystore import KeyStore
from trade_crm.store import migrations, pg_schema
from trade_crm.store.db import DatabaseError, open_database
from trade_crm.store.pg_book import keyring_account, open_book, parse_url, to_pyformat
from trade_crm.store.postgres import is_server_url, open_postgres


@pytest.mark.parametrize("sql, expected", [
    ("SELECT * FROM t WHERE a = ? AND b IN (?, ?)", "SELECT * FROM t WHERE a = %s AND b IN (%s, %s)"),
    ("SELECT '?' || ?, \"odd?name\" FROM t", "SELECT '?' || %s, \"odd?name\" FROM t"),
    ("SELECT * FROM t WHERE a LIKE '%@%' AND b = ?", "SELECT * FROM t WHERE a LIKE '%%@%%' AND b = %s"),
    ("SELECT relname FROM pg_class WHERE relname = %s", "SELECT relname FROM pg_class WHERE relname = %s"),
])
def test_sqlite_placeholders_become_psycopg_ones_outside_quotes(sql, expected):
    assert to_pyformat(sql) == expected


def test_only_postgresql_urls_name_a_server_book(tmp_path):
    assert is_server_url("postgresql://ann@db.example:5432/book")
    assert is_server_url("postgres://ann@db/book")
    assert not is_server_url(str(tmp_path / "postgresql.db"))
    assert not is_server_url(tmp_path / "book.db")


def test_a_password_in_the_url_is_refused_without_echoing_it():
    with pytest.raises(DatabaseError) as err:
        parse_url("postgresql://ann:hunter2@db.example/book")
    assert "hunter2" not in str(err.value)
    assert "keyring" in str(err.value)


def test_an_empty_database_gets_todays_schema_and_version(postgres_server):
    name = postgres_server.create_database(OWNER)
    db = open_postgres(postgres_server.url(OWNER, name), password=OWNER_PASSWORD)
    try:
        assert pg_schema.current_version(db) == migrations.LATEST_VERSION
        db.close()
        # opening again neither recreates nor complains
        db = open_postgres(postgres_server.url(OWNER, name), password=OWNER_PASSWORD)
        assert pg_schema.current_version(db) == migrations.LATEST_VERSION
    finally:
        db.close()
        postgres_server.drop_database(name)


def _sqlite_columns(path) -> dict[str, set[str]]:
    db = open_database(path)
    tables = [t for (t,) in db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'search_%'")]
    columns = {t: {row[1] for row in db.execute_sql(f"PRAGMA table_info({t})")} for t in tables}
    db.close()
    return columns


def test_postgresql_schema_has_every_table_and_column_of_the_sqlite_one(pg_db, tmp_path):
    """Fails when a migration was written for one engine only (store/pg_schema.py says how to add its twin)."""
    pg = {}
    for table, column in pg_db.execute_sql(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name NOT LIKE 'search_%' "
            "AND table_name NOT LIKE 'bulk_load_%'"):  # server only: search, a bulk load's notes (step 20)
        pg.setdefault(table, set()).add(column)
    assert pg == _sqlite_columns(tmp_path / "book.db")
    assert pg_schema.current_version(pg_db) == migrations.LATEST_VERSION


def test_wrong_password_is_one_line_without_the_password(pg_url):
    with pytest.raises(DatabaseError) as err:
        open_postgres(pg_url, password="not-the-password")
    message = str(err.value)
    assert "refused the password for crm_owner" in message
    assert "not-the-password" not in message and "\n" not in message


def test_unreachable_server_says_so(postgres_server):
    url = postgres_server.url(OWNER, "book", port=postgres_server.port + 1 if postgres_server.port < 65535 else 1)
    with pytest.raises(DatabaseError, match="cannot reach the PostgreSQL server at 127.0.0.1"):
        open_postgres(url, password=OWNER_PASSWORD)


def test_missing_database_says_so(postgres_server):
    with pytest.raises(DatabaseError, match="has no database no_such_book; ask its administrator"):
        open_postgres(postgres_server.url(OWNER, "no_such_book"), password=OWNER_PASSWORD)


def test_password_comes_from_the_keyring(pg_url):
    store = KeyStore(MemoryKeyring())
    store.set_server_password(keyring_account(parse_url(pg_url)), OWNER_PASSWORD)
    db = open_book(pg_url, keystore=store)
    assert db.execute_sql("SELECT current_user").fetchone()[0] == OWNER
    db.close()


def test_password_comes_from_pgpassword_through_the_one_open_function(pg_url, monkeypatch):
    monkeypatch.setenv("PGPASSWORD", OWNER_PASSWORD)
    db = open_database(pg_url)
    assert db.execute_sql("SELECT count(*) FROM customer").fetchone()[0] == 0
    db.close()


@pytest.fixture
def salesperson(postgres_server):
    """A login that may connect to every book but owns none."""
    name = f"sales_{postgres_server.port}"
    postgres_server.execute(f"DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') THEN "
                            f"CREATE ROLE {name} LOGIN PASSWORD 'sales-secret'; END IF; END$$")
    return name


def test_only_the_owner_may_create_the_schema(postgres_server, salesperson):
    name = postgres_server.create_database(OWNER)
    try:
        with pytest.raises(DatabaseError, match="only the database's owner may create it"):
            open_postgres(postgres_server.url(salesperson, name), password="sales-secret")
        with postgres_server.admin(name) as conn:  # nothing was half-written
            assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0] == 0
    finally:
        postgres_server.drop_database(name)


def test_a_newer_schema_is_refused(pg_book_url, postgres_server):
    postgres_server.execute(f"UPDATE schema_version SET version = {migrations.LATEST_VERSION + 1}",
                            dbname=pg_book_url.rsplit("/", 1)[1])
    with pytest.raises(DatabaseError, match="written by a newer Trade CRM"):
        open_postgres(pg_book_url, password=OWNER_PASSWORD)


def test_an_older_schema_is_upgraded_only_by_the_owner(pg_book_url, postgres_server, salesperson):
    dbname = pg_book_url.rsplit("/", 1)[1]
    postgres_server.execute(f"UPDATE schema_version SET version = {pg_schema.BASE_VERSION - 1}", dbname=dbname)
    with pytest.raises(DatabaseError, match="only the database's owner may upgrade it"):
        open_postgres(postgres_server.url(salesperson, dbname), password="sales-secret")
    # the owner may, but nothing leads from before the base schema: a clear refusal, not a guess
    with pytest.raises(DatabaseError, match=f"no PostgreSQL step {pg_schema.BASE_VERSION}"):
        open_postgres(pg_book_url, password=OWNER_PASSWORD)


def test_a_book_at_the_base_version_is_brought_up_to_date_by_the_owner(postgres_server, monkeypatch):
    """The steps after the base (store/pg_steps.py) run on an older book as on a new one: here 8 and 9,
    whose SQLite twins (a smaller search index; the reminders' change log) come from other branches."""
    name = postgres_server.create_database(OWNER)
    url = postgres_server.url(OWNER, name)
    try:
        monkeypatch.setattr(migrations, "LATEST_VERSION", pg_schema.BASE_VERSION)  # a book made by an older app
        open_postgres(url, password=OWNER_PASSWORD).close()
        monkeypatch.setattr(migrations, "LATEST_VERSION", max(9, migrations.LATEST_VERSION))
        db = open_postgres(url, password=OWNER_PASSWORD)
        assert pg_schema.current_version(db) == migrations.LATEST_VERSION
        assert db.execute_sql("SELECT to_regclass('reminder_change')").fetchone()[0] == "reminder_change"
        db.close()
    finally:
        postgres_server.drop_database(name)


def test_step_23_gives_an_orders_amount_its_third_decimal_on_a_book_made_before(postgres_server, monkeypatch):
    name = postgres_server.create_database(OWNER)
    url = postgres_server.url(OWNER, name)

    def scales(db):
        return dict(db.execute_sql(
            "SELECT table_name, numeric_scale FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND (table_name, column_name) IN (('orders', 'amount'), ('opportunity', 'value'))").fetchall())
    try:
        latest = migrations.LATEST_VERSION
        monkeypatch.setattr(migrations, "LATEST_VERSION", 22)  # a book made by the app before: 2 places
        db = open_postgres(url, password=OWNER_PASSWORD)
        db.execute_sql("ALTER TABLE orders ALTER COLUMN amount TYPE NUMERIC(18, 2)")
        db.execute_sql("ALTER TABLE opportunity ALTER COLUMN value TYPE NUMERIC(18, 2)")
        assert scales(db) == {"orders": 2, "opportunity": 2}
        db.close()
        monkeypatch.setattr(migrations, "LATEST_VERSION", latest)
        db = open_postgres(url, password=OWNER_PASSWORD)
        assert scales(db) == {"orders": 3, "opportunity": 3} and pg_schema.current_version(db) == latest
        db.close()
    finally:
        postgres_server.drop_database(name)


def test_the_reminders_change_log_is_kept_by_triggers_on_the_server(postgres_server, monkeypatch, clock):
    """PostgreSQL's twin of SQLite migration 9: each changed customer is noted once, whoever wrote."""
    monkeypatch.setattr(migrations, "LATEST_VERSION", max(9, migrations.LATEST_VERSION))
    name = postgres_server.create_database(OWNER)
    db = open_postgres(postgres_server.url(OWNER, name), password=OWNER_PASSWORD)
    try:
        def changed():
            ids = [i for (i,) in db.execute_sql("SELECT customer_id FROM reminder_change ORDER BY 1")]
            db.execute_sql("DELETE FROM reminder_change")
            return ids

        a = create_customer(clock, name="A", contacts=[ContactInput(name="Ann")])
        b = create_customer(clock, name="B")
        assert changed() == [a, b]
        update_customer(b, clock, notes="not watched")
        assert changed() == []
        update_contact(contacts_of(a)[0].id, ContactInput(name="Ann", birthday=date(1990, 5, 1)), clock)
        log_interaction(b, "call", "hi", clock)
        assert changed() == [a, b]
        delete_customers([a])
        assert changed() == [a]
    finally:
        db.close()
        postgres_server.drop_database(name)


def test_tags_are_case_insensitive_on_the_server_as_in_the_file(book, clock):
    cid = create_customer(clock, name="Acme", tags=["VIP", "vip", "Canton Fair"])
    other = create_customer(clock, name="Beta", tags=["vip"])
    assert get_customer(cid).tags == ("Canton Fair", "VIP")
    assert get_customer(other).tags == ("VIP",)
    assert all_tags() == ["Canton Fair", "VIP"]


def test_opening_a_sqlite_book_never_loads_psycopg(tmp_path):
    code = ("import sys; from trade_crm.store.db import open_database; "
            f"open_database({str(tmp_path / 'b.db')!r}).close(); "
            "import trade_crm.domain.customers.records; print('psycopg' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_a_server_book_works_where_peewee_was_loaded_without_psycopg(pg_url):
    """As in the app: trade_crm/drivers.py keeps psycopg out of peewee's import, pg_book brings its own."""
    code = ("import trade_crm, peewee; from trade_crm.store.db import open_database; "
            "from trade_crm.domain.clock import FixedClock; "
            "from trade_crm.domain.customers.records import create_customer, get_customer; "
            f"db = open_database({pg_url!r}); assert peewee.psycopg is None; "
            "cid = create_customer(FixedClock.at('2026-11-23 09:30', 'UTC'), name='Acme', tags=['VIP']); "
            "print(get_customer(cid).tags)")
    env = {**os.environ, "PGPASSWORD": OWNER_PASSWORD}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert (result.returncode, result.stdout.strip()) == (0, "('VIP',)"), result.stderr
