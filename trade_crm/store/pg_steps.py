"""The PostgreSQL twins of the SQLite migrations after the base schema (store/pg_schema.py, version 7).

Each step does on a server what the SQLite migration of the same number does to a file, in the same
transaction as its version bump. A step whose number is above migrations.LATEST_VERSION waits for its
SQLite twin and never runs. A new book runs them all after the base schema, so a table that no model
describes is created in one place only.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import Database

from trade_crm.store import pg_access, pg_bulk, pg_mail, pg_search, pg_set_triggers, product_search
from trade_crm.store.later_tables import (
    POSTGRES,
    V17_OUTBOX,
    V18_ATTACHMENT,
    V21_QUOTATIONS,
    account_columns,
    rendered,
)


def _v8_smaller_search_index(db: Database) -> None:
    """SQLite 8 rebuilds its FTS5 tables as the compact search index; on a server the same step indexes the
    stored documents its own way (store/pg_search.py: pg_trgm over the body, a token array for 1-2
    character terms). Kept at 8 rather than a server-only step: it is this migration's twin, and a
    server-only number would collide with SQLite's next migration."""
    pg_search.create_index(db)


# SQLite 9 (store/changes.py): triggers add each changed customer's id to reminder_change once. PostgreSQL
# triggers call a function; one reads the customer's own id, the other a child row's customer_id.
V9_FUNCTIONS = (
    """CREATE FUNCTION reminder_change_of_customer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO reminder_change (customer_id) VALUES (OLD.id) ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO reminder_change (customer_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$""",
    """CREATE FUNCTION reminder_change_of_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO reminder_change (customer_id) VALUES (OLD.customer_id) ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO reminder_change (customer_id) VALUES (NEW.customer_id) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$""",
)
V9_WATCHED = {  # table -> the columns whose update may change a reminder (as SQLite 9's triggers)
    "customer": "name, country, rating, lost, follow_up_on, last_contact_at, created_at",
    "contact": "customer_id, name, birthday",
    "interaction": "customer_id, kind, occurred_at, valid_until",
    "orders": "customer_id, ordered_on",
}
V9_INDEXES = (
    "CREATE INDEX interaction_quotation_valid ON interaction (valid_until) "
    "WHERE kind = 'quotation' AND valid_until IS NOT NULL",
    "CREATE INDEX interaction_quotation_sent ON interaction (occurred_at) WHERE kind = 'quotation'",
    "CREATE INDEX reminder_open_kind_due ON reminder (kind, due_on) WHERE state = 'open'",
    "CREATE INDEX reminder_snoozed ON reminder (snoozed_until) WHERE state = 'snoozed'",
)


def _v9_reminder_changes(db: Database) -> None:
    db.execute_sql("CREATE TABLE reminder_change (customer_id INTEGER PRIMARY KEY)")
    # SQLite finds added rows after each table's mark (store/changes.py); on a server, ids from concurrent
    # transactions may commit out of order, so the triggers below log inserts too and the marks only mirror.
    db.execute_sql("CREATE TABLE reminder_mark (tbl TEXT NOT NULL PRIMARY KEY, id INTEGER NOT NULL)")
    for statement in V9_FUNCTIONS:
        db.execute_sql(statement)
    for table, columns in V9_WATCHED.items():
        function = "reminder_change_of_customer" if table == "customer" else "reminder_change_of_row"
        db.execute_sql(f"CREATE TRIGGER {table}_change AFTER INSERT OR DELETE OR UPDATE OF {columns} ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION {function}()")
    for statement in V9_INDEXES:
        db.execute_sql(statement)


V10_TEAM = (
    # The base schema is made from today's models, which already have these columns and tables: each
    # statement here must also be a no-op on such a book.
    "ALTER TABLE customer ADD COLUMN IF NOT EXISTS owner TEXT",
    "ALTER TABLE customer ADD COLUMN IF NOT EXISTS version INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE contact ADD COLUMN IF NOT EXISTS version INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE opportunity ADD COLUMN IF NOT EXISTS version INTEGER NOT NULL DEFAULT 1",
    "CREATE INDEX IF NOT EXISTS customer_owner ON customer (owner) WHERE owner IS NOT NULL",
    "CREATE TABLE IF NOT EXISTS customer_share (customer_id INTEGER NOT NULL REFERENCES customer (id) "
    "ON DELETE CASCADE, person TEXT NOT NULL, PRIMARY KEY (customer_id, person))",
    "CREATE INDEX IF NOT EXISTS customer_share_person ON customer_share (person)",
    "CREATE TABLE IF NOT EXISTS audit_entry (id SERIAL PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, "
    "tbl TEXT NOT NULL, row_id INTEGER, customer_id INTEGER, action VARCHAR(255) NOT NULL, before TEXT, "
    "after TEXT)",
    "CREATE INDEX IF NOT EXISTS audit_entry_customer ON audit_entry (customer_id, id)",
    "CREATE TABLE IF NOT EXISTS row_origin (origin TEXT NOT NULL, tbl TEXT NOT NULL, key TEXT NOT NULL, "
    "row_id INTEGER NOT NULL, PRIMARY KEY (origin, tbl, key))",
)


def _v10_team(db: Database) -> None:
    """SQLite 10's columns and tables (owners, shares, versions, audit trail, row origins)."""
    for statement in V10_TEAM:
        db.execute_sql(statement)


def _v12_search_bands(db: Database) -> None:
    """Server only (SQLite 12 is a no-op): the search documents carry their customers' sort bands, so a
    term with many hits that sort late is found a band at a time (store/pg_search.py)."""
    pg_search.add_bands(db)


def _v14_search_page(db: Database) -> None:
    """Server only (SQLite 14 is a no-op): a text search's page found in one round trip (store/pg_search.py)."""
    pg_search.add_page_function(db)


def _v15_set_triggers(db: Database) -> None:
    """Server only (SQLite 15 is a no-op): the audit trail's and the reminders' change log's triggers note
    inserted rows once a statement (store/pg_set_triggers.py), so a publish's millions of rows cost set-based
    INSERTs instead of a trigger call each."""
    pg_set_triggers.apply(db, V9_WATCHED)


V16_ORDER_SUMMARY = (
    "CREATE TABLE order_summary (customer_id INTEGER NOT NULL PRIMARY KEY, order_count INTEGER NOT NULL, "
    "first_order_on DATE NOT NULL, last_order_on DATE NOT NULL)",
    "INSERT INTO order_summary (customer_id, order_count, first_order_on, last_order_on) "
    "SELECT customer_id, count(*), min(ordered_on), max(ordered_on) FROM orders GROUP BY customer_id",
    # SECURITY DEFINER: whoever writes an order keeps the summary, which no salesperson writes directly
    """CREATE FUNCTION order_summary_of_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO order_summary (customer_id, order_count, first_order_on, last_order_on)
        VALUES (NEW.customer_id, 1, NEW.ordered_on, NEW.ordered_on)
        ON CONFLICT (customer_id) DO UPDATE SET order_count = order_summary.order_count + 1,
            first_order_on = least(order_summary.first_order_on, excluded.first_order_on),
            last_order_on = greatest(order_summary.last_order_on, excluded.last_order_on);
        RETURN NULL;
    END IF;
    DELETE FROM order_summary WHERE customer_id = OLD.customer_id
        OR (TG_OP = 'UPDATE' AND customer_id = NEW.customer_id);
    INSERT INTO order_summary (customer_id, order_count, first_order_on, last_order_on)
    SELECT customer_id, count(*), min(ordered_on), max(ordered_on) FROM orders
    WHERE customer_id = OLD.customer_id OR (TG_OP = 'UPDATE' AND customer_id = NEW.customer_id)
    GROUP BY customer_id;
    RETURN NULL;
END $$""",
    "CREATE TRIGGER orders_summary AFTER INSERT OR DELETE OR UPDATE OF customer_id, ordered_on ON orders "
    "FOR EACH ROW EXECUTE FUNCTION order_summary_of_row()",
    "DROP INDEX IF EXISTS customer_follow_up_on",
    "CREATE INDEX interaction_quote_or_order ON interaction (customer_id, occurred_at) "
    "WHERE kind IN ('quotation', 'order')",
)


def _v16_order_summary(db: Database) -> None:
    """SQLite 16's order summary (kept by a trigger) and the index it drops; a salesperson reads the summary
    of the customers they see, as they read their orders (step 11's rules)."""
    for statement in V16_ORDER_SUMMARY:
        db.execute_sql(statement)
    pg_access.secure_derived(db, "order_summary", "customer_id")


def _v17_mail_out(db: Database) -> None:
    """SQLite 17's columns and outbox; an outbox is its login's own, as a mailbox is (store/pg_mail.py)."""
    columns = {name for (name,) in db.execute_sql(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = 'mail_account'")}
    for statement in account_columns(columns):
        db.execute_sql(statement)
    if not _table_exists(db, "outbox_message"):
        for statement in rendered(V17_OUTBOX, POSTGRES):
            db.execute_sql(statement)
        owner_role = db.execute_sql("SELECT current_user").fetchone()[0]
        for statement in pg_mail.policies("outbox_message", owner_role):
            db.execute_sql(statement)


def _v18_attachments(db: Database) -> None:
    """SQLite 18's attachment rows, read and written where their customer is (step 11's rules for a child
    row). The bytes stay on the laptop that attached them (domain/attachments/blobs.py)."""
    if not _table_exists(db, "attachment"):
        for statement in rendered(V18_ATTACHMENT, POSTGRES):
            db.execute_sql(statement)
        pg_access.secure_customer_rows(db, "attachment", "customer_id")


def _table_exists(db: Database, table: str) -> bool:
    return db.execute_sql("SELECT to_regclass(?) IS NOT NULL", (table,)).fetchone()[0]


V19_SMALLER_REMINDER_INDEXES = (  # as SQLite 19; IF [NOT] EXISTS: a step run again changes nothing
    "DROP INDEX IF EXISTS interaction_quotation_sent",
    "DROP INDEX IF EXISTS interaction_quotation_valid",
    "DROP INDEX IF EXISTS interaction_quote_or_order",
    "CREATE INDEX IF NOT EXISTS interaction_quotation ON interaction (customer_id, occurred_at, valid_until) "
    "WHERE kind = 'quotation'",
    "CREATE INDEX IF NOT EXISTS interaction_order ON interaction (customer_id, occurred_at) WHERE kind = 'order'",
    "DROP INDEX IF EXISTS contact_birthday",
    "CREATE INDEX contact_birthday ON contact (birthday) WHERE birthday IS NOT NULL",
)


def _v19_smaller_reminder_indexes(db: Database) -> None:
    """SQLite 19's indexes: one of quotations for the three quotation rules, an 'order' one, and the birthday
    index of contacts with a birthday."""
    for statement in V19_SMALLER_REMINDER_INDEXES:
        db.execute_sql(statement)


# Step 20's order summary: the insert half of step 16's row trigger once a statement (as step 15 did for the audit
# trail): a publish's 127,551 orders were as many trigger calls and upserts; now one grouped upsert per statement.
V20_ORDER_SUMMARY = (
    """CREATE FUNCTION order_summary_of_inserted() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO order_summary (customer_id, order_count, first_order_on, last_order_on)
    SELECT customer_id, count(*), min(ordered_on), max(ordered_on) FROM new_rows GROUP BY customer_id
    ON CONFLICT (customer_id) DO UPDATE SET order_count = order_summary.order_count + excluded.order_count,
        first_order_on = least(order_summary.first_order_on, excluded.first_order_on),
        last_order_on = greatest(order_summary.last_order_on, excluded.last_order_on);
    RETURN NULL;
END $$""",
    "DROP TRIGGER orders_summary ON orders",
    "CREATE TRIGGER orders_summary AFTER DELETE OR UPDATE OF customer_id, ordered_on ON orders "
    "FOR EACH ROW EXECUTE FUNCTION order_summary_of_row()",
    "CREATE TRIGGER orders_summary_inserted AFTER INSERT ON orders REFERENCING NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION order_summary_of_inserted()",
)


def _v20_bulk_load(db: Database) -> None:
    """Server only (SQLite 20 is a no-op): a bulk load into a fresh book builds its indexes and checks its foreign
    keys once at the end (store/pg_bulk.py); the order summary's inserted orders are summed once a statement; the
    name bands' zones let a search ask many empty bands in one probe (store/pg_search.py)."""
    pg_bulk.apply(db)
    for statement in V20_ORDER_SUMMARY:
        db.execute_sql(statement)
    pg_search.add_name_zones(db)


def _v21_quotations(db: Database) -> None:
    """SQLite 21's catalog, quotations and proforma invoices. The catalog is the company's, read and written by
    every salesperson (the default grants of step 11); a quotation or PI is its customer's row, and their lines
    are their document's."""
    if _table_exists(db, "product"):
        return
    for statement in rendered(V21_QUOTATIONS, POSTGRES):
        db.execute_sql(statement)
    for table in ("quotation", "proforma_invoice"):
        pg_access.secure_customer_rows(db, table, "customer_id")
    pg_access.secure_child_rows(db, "quotation_line", "quotation", "quotation_id")
    pg_access.secure_child_rows(db, "proforma_line", "proforma_invoice", "proforma_id")


def _v22_product_search(db: Database) -> None:
    """SQLite 22's catalog search: pg_trgm over the product's folded document, a GIN token array for 1-2
    character terms (store/product_search.py). The catalog is everyone's: no row-level security."""
    product_search.create_tables(db)


def _v23_money_places(db: Database) -> None:
    """SQLite 23: amounts keep 3 places, as store/fields.py's MoneyField writes them (a new book's base has them)."""
    db.execute_sql("ALTER TABLE orders ALTER COLUMN amount TYPE NUMERIC(18, 3)")
    db.execute_sql("ALTER TABLE opportunity ALTER COLUMN value TYPE NUMERIC(18, 3)")


POSTGRES_STEPS: dict[int, Callable[[Database], None]] = {
    8: _v8_smaller_search_index,
    9: _v9_reminder_changes,
    10: _v10_team,
    11: pg_access.apply,  # roles' grants, row-level security, audit triggers (SQLite 11 is a no-op)
    12: _v12_search_bands,
    13: pg_mail.apply,  # mail in: its tables, a mailbox its login's own (SQLite 13: store/migrations.py)
    14: _v14_search_page,
    15: _v15_set_triggers,
    16: _v16_order_summary,
    17: _v17_mail_out,
    18: _v18_attachments,
    19: _v19_smaller_reminder_indexes,
    20: _v20_bulk_load,
    21: _v21_quotations,
    22: _v22_product_search,
    23: _v23_money_places,
}
