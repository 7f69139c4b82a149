"""Publishing a laptop book to a real PostgreSQL server (#18 item 6): everything arrives, once, under its owner."""

from __future__ import annotations

import json
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from tests.helpers import build_v1_book
from tests.postgres_server import OWNER, OWNER_PASSWORD, TEMPLATE
from trade_crm.domain.customers.contacts import ContactInput, add_contact, update_contact
from trade_crm.domain.customers.orders import record_order
from trade_crm.domain.customers.query import CustomerFilter, search_customers
from trade_crm.domain.customers.records import create_customer, delete_customers, update_customer
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.reminders.records import mark_done_many, save_reminder
from trade_crm.domain.team.publish import ORIGIN_SETTING, PublishError, book_origin, publish
from trade_crm.exchange.importing.history import undo_batch
from trade_crm.store import pg_set_triggers, pg_steps, search
from trade_crm.store.db import close_database, open_database
from trade_crm.store.errors import DatabaseError
from trade_crm.store.models import ImportBatch, Opportunity, database
from trade_crm.store.postgres import open_postgres

pytestmark = pytest.mark.sqlite_only("the book publishing copies is a laptop's SQLite file; the server is `server`")

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=timezone.utc)
COUNTED = ("customer", "contact", "contact_channel", "interaction", "opportunity", "orders", "reminder",
           "import_batch", "tag", "customer_tag", "custom_field", "custom_field_value", "not_duplicate",
           "search_trigram")  # search_words: a contentless table on the laptop, counted on the server below


@pytest.fixture
def server(pg_url):
    """The team server's book, opened beside the laptop book (the models stay bound to the laptop's)."""
    target = open_postgres(pg_url, password=OWNER_PASSWORD, bind=False)
    yield target
    target.close()


@contextmanager
def reading(book):
    """The domain's read functions pointed at `book` for a moment, then back at the laptop's."""
    before = database.obj
    database.initialize(book)
    try:
        yield
    finally:
        database.initialize(before)


def counts(book) -> dict[str, int]:
    return {t: book.execute_sql(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}


def names_found(book, text: str) -> list[str]:
    with reading(book):
        return [row.name for row in search_customers(CustomerFilter(text=text), today=NOW.date(), now=NOW)]


@pytest.fixture
def laptop(db, clock):
    """A laptop book with one of everything publishing carries."""
    muller = create_customer(
        clock, name="Müller Haustechnik GmbH", country="DE", city="München", rating="A", lost=True,
        follow_up_on=date(2026, 12, 1), notes="prefers email", tags=["Canton Fair 2026", "VIP"],
        custom_fields={"Booth": "11.2 C05"},
        contacts=[ContactInput(name="Jürgen Müller", title="Einkauf", emails=("jm@mueller.de",),
                               phones=("+49 89 1234567",), is_primary=True)])
    liu = create_customer(clock, name="刘凯贸易有限公司", alt_name="Liu Kai Trading", country="CN",
                          tags=["VIP"], contacts=[ContactInput(name="刘凯", wechat="liukai88")])
    quote = log_interaction(muller, "quotation", "LED panels, FOB Ningbo", clock,
                            occurred_at=NOW - timedelta(days=20), valid_until=date(2026, 11, 10))
    log_interaction(liu, "call", "asked for MOQ", clock, occurred_at=NOW - timedelta(days=2))
    record_order(muller, date(2026, 10, 1), "12345.67", "EUR", clock, reference="PI-1")
    Opportunity.create(customer=muller, title="Spring order", value=Decimal("50000.00"), currency="EUR",
                       created_at=NOW, updated_at=NOW)
    done = save_reminder(f"follow_up:quotation_expired:{quote}:2026-11-10", "follow_up", date(2026, 11, 10),
                         "Quotation expired", clock, customer_id=muller, payload={"interaction_id": quote}).id
    mark_done_many([done], clock)
    save_reminder(f"follow_up:customer:{liu}:2026-11-25", "follow_up", date(2026, 11, 25), "Follow up", clock,
                  customer_id=liu)
    ImportBatch.create(file_name="canton.xlsx", source="Canton Fair 2026", created_at=NOW,
                       summary=json.dumps({"created": 2}), journal=json.dumps({"created": [muller, liu]}))
    db.execute_sql("INSERT INTO not_duplicate (customer_a, customer_b, created_at) VALUES (?, ?, ?)",
                   (muller, liu, "2026-11-20 00:00:00"))
    return {"muller": muller, "liu": liu, "quote": quote}


def test_publish_copies_every_table_under_the_publishing_login(db, laptop, server):
    summary = publish(db, server, now=NOW)

    assert counts(server) == counts(db)
    assert server.execute_sql("SELECT count(*) FROM search_words").fetchone() == (2,)
    assert summary.owner == OWNER and summary.kept_server == ()
    assert {t.table: t.created for t in summary.tables}["interaction"] == 2
    rows = server.execute_sql("SELECT name, owner, country, rating, lost, follow_up_on, alt_name FROM customer "
                              "ORDER BY name").fetchall()
    assert rows == [("Müller Haustechnik GmbH", OWNER, "DE", "A", True, "2026-12-01", ""),
                    ("刘凯贸易有限公司", OWNER, "CN", None, False, None, "Liu Kai Trading")]
    muller = server.execute_sql("SELECT id FROM customer WHERE city = 'München'").fetchone()[0]
    assert server.execute_sql("SELECT t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
                              "WHERE ct.customer_id = ? ORDER BY t.name", (muller,)).fetchall() == [
        ("Canton Fair 2026",), ("VIP",)]
    assert server.execute_sql("SELECT f.name, v.value FROM custom_field_value v JOIN custom_field f "
                              "ON f.id = v.field_id WHERE v.customer_id = ?", (muller,)).fetchall() == [
        ("Booth", "11.2 C05")]
    assert server.execute_sql("SELECT ch.kind, ch.value FROM contact_channel ch JOIN contact p ON p.id = "
                              "ch.contact_id WHERE p.customer_id = ? ORDER BY ch.kind", (muller,)).fetchall() == [
        ("email", "jm@mueller.de"), ("phone", "+49891234567")]
    assert server.execute_sql("SELECT amount, currency, reference FROM orders WHERE customer_id = ?",
                              (muller,)).fetchall() == [(Decimal("12345.67"), "EUR", "PI-1")]
    quote = server.execute_sql("SELECT id FROM interaction WHERE kind = 'quotation'").fetchone()[0]
    assert server.execute_sql("SELECT key, state, customer_id, payload FROM reminder WHERE state = 'done'"
                              ).fetchall() == [(f"follow_up:quotation_expired:{quote}:2026-11-10", "done", muller,
                                                json.dumps({"interaction_id": quote}))]
    liu = server.execute_sql("SELECT id FROM customer WHERE country = 'CN'").fetchone()[0]
    assert server.execute_sql("SELECT key FROM reminder WHERE state = 'open'").fetchall() == [
        (f"follow_up:customer:{liu}:2026-11-25",)]
    assert server.execute_sql("SELECT customer_a, customer_b FROM not_duplicate").fetchall() == [
        tuple(sorted((muller, liu)))]
    journal = json.loads(server.execute_sql("SELECT journal FROM import_batch").fetchone()[0])
    assert journal == {"published_from": book_origin(db), "batch": 1}


def test_search_on_the_server_finds_published_customers_by_name_and_two_cjk_characters(db, laptop, server):
    publish(db, server, now=NOW)

    assert names_found(server, "muller") == ["Müller Haustechnik GmbH"]
    assert names_found(server, "刘凯") == ["刘凯贸易有限公司"]
    assert names_found(server, "liukai88") == ["刘凯贸易有限公司"]
    assert names_found(server, "vip") == ["Müller Haustechnik GmbH", "刘凯贸易有限公司"]


def test_publishing_twice_creates_nothing_twice(db, laptop, server):
    publish(db, server, now=NOW)
    before = counts(server)
    origins = server.execute_sql("SELECT count(*) FROM row_origin").fetchone()[0]

    again = publish(db, server, now=NOW)

    assert counts(server) == before
    assert server.execute_sql("SELECT count(*) FROM row_origin").fetchone()[0] == origins
    assert again.created == 0 and again.updated == 0
    assert again.count("customer").unchanged == 2 and again.count("interaction").unchanged == 2


def test_the_laptop_book_keeps_one_id_across_publishes(db, laptop, server):
    first = publish(db, server, now=NOW)
    second = publish(db, server, now=NOW)

    assert first.origin == second.origin == book_origin(db)
    assert json.loads(db.execute_sql("SELECT value FROM setting WHERE key = ?",
                                     (ORIGIN_SETTING,)).fetchone()[0]) == first.origin


def test_what_the_laptop_added_or_changed_since_is_published_again(db, laptop, server, clock):
    publish(db, server, now=NOW)
    update_customer(laptop["muller"], clock, name="Müller Haustechnik AG", tags=["VIP", "Germany"])
    log_interaction(laptop["liu"], "wechat", "sent the catalogue", clock)
    contact = add_contact(laptop["liu"], ContactInput(name="王芳", emails=("wang@liukai.cn",)), clock)

    summary = publish(db, server, now=NOW)

    assert summary.count("customer").updated == 2  # Müller's name and tags, 刘凯's last contact
    assert summary.count("interaction").created == 1 and summary.count("contact").created == 1
    assert counts(server) == counts(db)
    assert server.execute_sql("SELECT name, version FROM customer WHERE country = 'DE'").fetchone() == (
        "Müller Haustechnik AG", 2)
    assert names_found(server, "germany") == ["Müller Haustechnik AG"]
    assert names_found(server, "wang@liukai") == ["刘凯贸易有限公司"]
    update_contact(contact, ContactInput(name="王芳", emails=("fang@liukai.cn",)), clock)
    assert publish(db, server, now=NOW).count("contact").updated == 1
    assert server.execute_sql("SELECT value FROM contact_channel WHERE kind = 'email' AND value LIKE '%liukai%'"
                              ).fetchall() == [("fang@liukai.cn",)]


def test_a_customer_changed_on_the_server_too_keeps_the_servers_copy_and_says_so(db, laptop, server, clock):
    publish(db, server, now=NOW)
    with server.atomic():
        server.execute_sql("UPDATE customer SET city = 'Berlin', version = version + 1 WHERE country = 'DE'")
    update_customer(laptop["muller"], clock, city="Hamburg")

    summary = publish(db, server, now=NOW)

    assert summary.kept_server == (laptop["muller"],)
    assert summary.count("customer").kept_server == 1 and summary.count("customer").updated == 0
    assert server.execute_sql("SELECT city FROM customer WHERE country = 'DE'").fetchone() == ("Berlin",)


def test_a_customer_changed_only_on_the_server_stays_as_the_server_has_it(db, laptop, server):
    publish(db, server, now=NOW)
    with server.atomic():
        server.execute_sql("UPDATE customer SET city = 'Berlin' WHERE country = 'DE'")

    summary = publish(db, server, now=NOW)

    assert summary.updated == 0 and summary.kept_server == ()
    assert server.execute_sql("SELECT city FROM customer WHERE country = 'DE'").fetchone() == ("Berlin",)


def test_a_customer_deleted_on_the_server_is_not_brought_back(db, laptop, server, clock):
    publish(db, server, now=NOW)
    with server.atomic():
        server.execute_sql("DELETE FROM customer WHERE country = 'CN'")
    log_interaction(laptop["liu"], "call", "one more call", clock)

    summary = publish(db, server, now=NOW)

    assert summary.count("customer").skipped == 1
    assert summary.count("interaction").skipped == 1  # the one logged since
    assert server.execute_sql("SELECT count(*) FROM customer").fetchone() == (1,)


def test_a_reminder_done_on_the_laptop_after_publishing_is_done_on_the_server(db, laptop, server, clock):
    publish(db, server, now=NOW)
    open_id = db.execute_sql("SELECT id FROM reminder WHERE state = 'open'").fetchone()[0]
    mark_done_many([open_id], clock)

    summary = publish(db, server, now=NOW)

    assert summary.count("reminder").updated == 1
    assert server.execute_sql("SELECT count(*) FROM reminder WHERE state = 'open'").fetchone() == (0,)


def test_a_server_that_goes_away_mid_publish_is_left_as_before(db, laptop, server, postgres_server):
    backend = server.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    before = counts(server)
    server.close()  # the connection publish opens is another backend: find it when the rows start flowing

    def kill_the_connection(table, done, total):
        if table == "interaction":
            with postgres_server.admin() as admin:
                admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE application_name = 'trade-crm' AND pid <> %s AND state <> 'idle'", (backend,))

    target = open_postgres(server.database, password=OWNER_PASSWORD, bind=False)
    with pytest.raises(DatabaseError, match="stopped answering; nothing was published"):
        publish(db, target, progress=kill_the_connection, now=NOW)
    target.close()
    target = open_postgres(server.database, password=OWNER_PASSWORD, bind=False)
    assert counts(target) == before
    assert target.execute_sql("SELECT count(*) FROM row_origin").fetchone() == (0,)
    target.close()


def test_a_cancelled_publish_writes_nothing(db, laptop, server):
    def cancel(table, done, total):
        if table == "reminder":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        publish(db, server, progress=cancel, now=NOW)

    assert set(counts(server).values()) == {0}


def test_progress_reports_every_table_up_to_its_total(db, laptop, server):
    seen: dict[str, tuple[int, int]] = {}
    publish(db, server, progress=lambda table, done, total: seen.__setitem__(table, (done, total)), now=NOW)

    assert seen["customer"] == (2, 2) and seen["interaction"] == (2, 2) and seen["search"] == (2, 2)


def test_an_import_published_from_a_laptop_is_not_undone_on_the_server(db, laptop, server, clock):
    publish(db, server, now=NOW)
    batch = server.execute_sql("SELECT id FROM import_batch").fetchone()[0]

    with reading(server), pytest.raises(ValidationError, match="published from a laptop"):
        undo_batch(batch, clock)


def test_a_book_made_by_the_first_version_publishes(tmp_path, server):
    path = tmp_path / "old.db"
    build_v1_book(path)
    old = open_database(path)
    try:
        summary = publish(old, server, now=NOW)
    finally:
        close_database(old)

    assert summary.count("customer").created == 1 and summary.count("orders").created == 1
    assert server.execute_sql("SELECT amount FROM orders").fetchone() == (Decimal("1234.50"),)
    assert names_found(server, "mueller.de") == ["Müller Haustechnik GmbH"]


def test_publish_refuses_a_target_that_is_not_a_server(db, tmp_path):
    other = open_database(tmp_path / "other.db")
    try:
        with pytest.raises(PublishError, match="not one"):
            publish(db, other, now=NOW)
    finally:
        close_database(other)


def test_deleting_on_the_laptop_deletes_nothing_on_the_server(db, laptop, server):
    publish(db, server, now=NOW)
    delete_customers([laptop["liu"]])

    publish(db, server, now=NOW)

    assert server.execute_sql("SELECT count(*) FROM customer").fetchone() == (2,)


def test_a_cancel_in_the_middle_of_a_copy_writes_nothing(db, laptop, server, monkeypatch):
    monkeypatch.setattr("trade_crm.domain.team.publish_run.BATCH", 1)  # report after every row, inside the COPY

    class Stop(Exception):
        pass

    def cancel(table, done, total):
        if table == "interaction" and done == 1:
            raise Stop

    with pytest.raises(Stop):
        publish(db, server, progress=cancel, now=NOW)

    assert set(counts(server).values()) == {0}
    assert publish(db, server, now=NOW).count("interaction").created == 2  # the connection is usable again


def test_a_salesperson_login_publishes_and_owns_what_it_published(db, laptop, pg_url, postgres_server):
    """Not the database's owner nor a manager: a salesperson, under row-level security."""
    name = pg_url.rsplit("/", 1)[1]
    ann = postgres_server.person("publish_ann")
    target = open_postgres(ann.url(name), password=ann.password, bind=False)
    try:
        summary = publish(db, target, now=NOW)
        again = publish(db, target, now=NOW)
        owners = target.execute_sql("SELECT DISTINCT owner FROM customer").fetchall()
    finally:
        target.close()

    assert summary.owner == "publish_ann" and owners == [("publish_ann",)]
    assert again.created == 0


def audit_rows(target) -> list[tuple]:
    """The audit trail in the order it was written: who, table, row, customer, action, before, the row as JSON."""
    return [(actor, tbl, row_id, customer_id, action, before, json.loads(after))
            for actor, tbl, row_id, customer_id, action, before, after in target.execute_sql(
                "SELECT actor, tbl, row_id, customer_id, action, before, after FROM audit_entry ORDER BY id")]


def test_a_publish_writes_the_audit_trail_and_change_log_the_row_triggers_wrote(db, laptop, postgres_server):
    """Step 15 notes inserted rows once a statement: a publish leaves the same audit entries (one per row, in
    the same order, the same JSON object) and the same changed customers as step 11's and 9's row triggers."""
    seller = postgres_server.person("publish_seller")
    published = {}
    for triggers in ("per statement", "per row"):
        name = postgres_server.create_database(OWNER, template=TEMPLATE)
        if triggers == "per row":
            with postgres_server.admin(name) as conn:
                for statement in pg_set_triggers.row_trigger_statements(pg_steps.V9_WATCHED):
                    conn.execute(statement)
        target = open_postgres(seller.url(name), password=seller.password, bind=False)
        try:
            publish(db, target, now=NOW)
            published[triggers] = (audit_rows(target), target.execute_sql(
                "SELECT customer_id FROM reminder_change ORDER BY 1").fetchall())
        finally:
            target.close()
            postgres_server.drop_database(name)

    entries, changed = published["per statement"]
    assert published["per row"] == (entries, changed)
    assert len(entries) == sum(counts(db)[t] for t in ("customer", "contact", "contact_channel", "interaction",
                                                          "opportunity", "orders", "customer_tag"))
    assert {(actor, action) for actor, _, _, _, action, _, _ in entries} == {("publish_seller", "insert")}
    channel = next(e for e in entries if e[1] == "contact_channel" and e[6]["value"] == "jm@mueller.de")
    muller = next(e for e in entries if e[1] == "customer" and e[6]["city"] == "München")
    assert channel[3] == muller[2] == muller[3]  # a channel's customer, through its contact
    assert len(changed) == 2


def test_published_documents_carry_the_sort_bands_the_servers_functions_give_them(db, laptop, server):
    """The documents get their bands and sort keys in the publish's INSERT (not from the row trigger): the same
    bands, and the name and last contact the server's search sorts them by (step 14)."""
    server.execute_sql("DELETE FROM search_band")
    server.execute_sql("INSERT INTO search_band (sort, bounds) VALUES ('name', ARRAY['m', 'z']), "
                       "('last_contact', ARRAY['2026-11-01 00:00:00'])")
    publish(db, server, now=NOW)

    for table in ("search_trigram", "search_words"):
        rows = server.execute_sql(
            f"SELECT s.name_band, s.contact_band, search_name_band(c.name), search_contact_band(c.last_contact_at) "
            f"FROM {table} s JOIN customer c ON c.id = s.rowid ORDER BY c.name").fetchall()
        assert [(given, contact) for given, contact, _, _ in rows] == [(nb, cb) for _, _, nb, cb in rows]
        assert [band for band, _, _, _ in rows] == [1, 2]  # Müller after 'm', 刘凯 after 'z'
        keys = server.execute_sql(f"SELECT s.name, s.last_contact_at, c.name, c.last_contact_at FROM {table} s "
                                  f"JOIN customer c ON c.id = s.rowid").fetchall()
        assert keys and all(name == c_name and at == c_at for name, at, c_name, c_at in keys)
    assert server.execute_sql("SELECT tokens FROM search_words s JOIN customer c ON c.id = s.rowid "
                              "WHERE c.country = 'CN'").fetchone()[0][:3] == sorted(
        search.short_tokens(server.execute_sql("SELECT body FROM search_trigram s JOIN customer c ON c.id = s.rowid "
                                               "WHERE c.country = 'CN'").fetchone()[0]))[:3]
