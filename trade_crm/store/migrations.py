"""Numbered schema migrations, applied on open.

Each step is frozen SQL for that version (never generated from today's models, which move on),
and runs with its version bump in one transaction. Before the first step runs on an existing
file, the caller takes a backup copy.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from peewee import SqliteDatabase

from trade_crm.store import product_search, search  # the search modules own the indexes' shape and documents
from trade_crm.store.later_tables import (
    SQLITE,
    V17_OUTBOX,
    V18_ATTACHMENT,
    V21_QUOTATIONS,
    account_columns,
    rendered,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[SqliteDatabase], None]
    compacts: bool = False  # frees much of the file: VACUUM after it, when the book already held data


def _run_script(db: SqliteDatabase, script: str) -> None:
    for statement in script.split(";\n"):
        if statement.strip():
            db.execute_sql(statement)


V1_SCHEMA = """
CREATE TABLE customer (
    id INTEGER NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    country VARCHAR(2),
    city TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    source VARCHAR(255) NOT NULL DEFAULT 'other',
    industry TEXT NOT NULL DEFAULT '',
    products TEXT NOT NULL DEFAULT '',
    company_size TEXT NOT NULL DEFAULT '',
    rating VARCHAR(1),
    preferred_language VARCHAR(255) NOT NULL DEFAULT '',
    currency VARCHAR(3) NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    lifecycle VARCHAR(255) NOT NULL DEFAULT 'potential',
    lost INTEGER NOT NULL DEFAULT 0,
    follow_up_on DATE,
    last_contact_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX customer_name ON customer (name COLLATE NOCASE);
CREATE INDEX customer_country ON customer (country);
CREATE INDEX customer_rating ON customer (rating);
CREATE INDEX customer_follow_up_on ON customer (follow_up_on);
CREATE INDEX customer_last_contact_at ON customer (last_contact_at);
CREATE TABLE contact (
    id INTEGER NOT NULL PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    name TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    birthday DATE,
    is_primary INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX contact_customer_id ON contact (customer_id);
CREATE INDEX contact_birthday ON contact (birthday);
CREATE TABLE contact_channel (
    id INTEGER NOT NULL PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    kind VARCHAR(255) NOT NULL,
    value TEXT NOT NULL,
    raw TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX contact_channel_contact_id ON contact_channel (contact_id);
CREATE INDEX contact_channel_kind_value ON contact_channel (kind, value);
CREATE TABLE interaction (
    id INTEGER NOT NULL PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    kind VARCHAR(255) NOT NULL,
    occurred_at TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    follow_up_on DATE,
    valid_until DATE,
    created_at TEXT NOT NULL
);
CREATE INDEX interaction_customer_occurred ON interaction (customer_id, occurred_at);
CREATE INDEX interaction_contact_id ON interaction (contact_id);
CREATE TABLE opportunity (
    id INTEGER NOT NULL PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    stage VARCHAR(255) NOT NULL DEFAULT 'inquiry',
    value DECIMAL(18, 2),
    currency VARCHAR(3) NOT NULL DEFAULT 'USD',
    probability INTEGER,
    expected_close DATE,
    closed_on DATE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX opportunity_customer_id ON opportunity (customer_id);
CREATE INDEX opportunity_stage ON opportunity (stage);
CREATE TABLE orders (
    id INTEGER NOT NULL PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    ordered_on DATE NOT NULL,
    amount DECIMAL(18, 2) NOT NULL,
    currency VARCHAR(3) NOT NULL DEFAULT 'USD',
    reference TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX orders_customer_ordered ON orders (customer_id, ordered_on);
CREATE TABLE reminder (
    id INTEGER NOT NULL PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    kind VARCHAR(255) NOT NULL,
    due_on DATE NOT NULL,
    customer_id INTEGER REFERENCES customer (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    payload TEXT NOT NULL DEFAULT '{}',
    state VARCHAR(255) NOT NULL DEFAULT 'open',
    snoozed_until TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX reminder_due_state ON reminder (due_on, state);
CREATE INDEX reminder_customer_id ON reminder (customer_id);
CREATE TABLE tag (
    id INTEGER NOT NULL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE customer_tag (
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    PRIMARY KEY (customer_id, tag_id)
);
CREATE INDEX customer_tag_tag_id ON customer_tag (tag_id);
CREATE TABLE custom_field (
    id INTEGER NOT NULL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind VARCHAR(255) NOT NULL DEFAULT 'text',
    choices TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE custom_field_value (
    id INTEGER NOT NULL PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    field_id INTEGER NOT NULL REFERENCES custom_field (id) ON DELETE CASCADE,
    value TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX custom_field_value_customer_field ON custom_field_value (customer_id, field_id);
CREATE INDEX custom_field_value_field_id ON custom_field_value (field_id);
CREATE TABLE import_batch (
    id INTEGER NOT NULL PRIMARY KEY,
    file_name TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    tag TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    undone_at TEXT,
    summary TEXT NOT NULL DEFAULT '{}',
    journal TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE setting (
    key TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
)
"""


def _v1_core_tables(db: SqliteDatabase) -> None:
    _run_script(db, V1_SCHEMA)


V2_SEARCH_INDEX = """
CREATE VIRTUAL TABLE search_trigram USING fts5(body, tokenize='trigram');
CREATE VIRTUAL TABLE search_words USING fts5(body, tokenize='unicode61 remove_diacritics 2', prefix='1 2')
"""


def _v2_search_index(db: SqliteDatabase) -> None:
    # The index is filled by the step that next changes what a document holds (v6): filling it here
    # would read today's document columns from a version-2 table.
    _run_script(db, V2_SEARCH_INDEX)


V3_MATCHING_INDEXES = """
CREATE INDEX contact_channel_email_domain ON contact_channel (substr(value, instr(value, '@') + 1))
    WHERE kind = 'email';
CREATE INDEX customer_name_block ON customer ((lower(substr(name, 1, 2)) || '|' || coalesce(country, '')), name, country);
CREATE INDEX customer_website ON customer (website) WHERE website <> ''
"""


def _v3_matching_indexes(db: SqliteDatabase) -> None:
    # Duplicate matching (domain/duplicates/matching.py) looks customers up by email domain, by the first two
    # letters of the name within a country, and by website, without scanning the book.
    _run_script(db, V3_MATCHING_INDEXES)


V4_SEGMENTS = """
CREATE TABLE exchange_rate (
    currency VARCHAR(3) NOT NULL PRIMARY KEY,
    rate TEXT NOT NULL,
    as_of DATE NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE customer_segment (
    customer_id INTEGER NOT NULL PRIMARY KEY REFERENCES customer (id) ON DELETE CASCADE,
    tier VARCHAR(1),
    recency INTEGER,
    frequency INTEGER,
    monetary INTEGER,
    orders INTEGER NOT NULL DEFAULT 0,
    first_order DATE,
    last_order DATE,
    value_12m REAL NOT NULL DEFAULT 0,
    value_total REAL NOT NULL DEFAULT 0,
    dormant_on DATE
);
CREATE INDEX customer_segment_tier ON customer_segment (tier);
CREATE INDEX customer_lifecycle ON customer (lifecycle)
"""


def _v4_segments(db: SqliteDatabase) -> None:
    # Exchange rates (one per currency, with the day it was taken) and the computed segment of each
    # customer who has ordered: Pareto tier, RFM scores, order figures (domain/insights/segments.py keeps them).
    # Derived data: recompute_segments() rebuilds it from the orders at any time.
    _run_script(db, V4_SEGMENTS)


V5_MERGES = """
CREATE TABLE merge_record (
    id INTEGER NOT NULL PRIMARY KEY,
    kept_id INTEGER NOT NULL,
    merged_ids TEXT NOT NULL,
    interaction_id INTEGER,
    choices TEXT NOT NULL DEFAULT '{}',
    snapshot TEXT NOT NULL,
    after_state TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    undone_at TEXT
);
CREATE INDEX merge_record_kept_id ON merge_record (kept_id);
CREATE INDEX merge_record_interaction_id ON merge_record (interaction_id);
CREATE TABLE not_duplicate (
    customer_a INTEGER NOT NULL,
    customer_b INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (customer_a, customer_b),
    CHECK (customer_a < customer_b)
)
"""


def _v5_merges(db: SqliteDatabase) -> None:
    # Merging duplicate customers (domain/duplicates/merge.py): each merge keeps the exact rows of every customer
    # involved as they were before (store/snapshot.py), so it can be undone; and the pairs the user said
    # are not duplicates (domain/duplicates/scan.py). No foreign keys: a record outlives its customers.
    _run_script(db, V5_MERGES)


V6_ALT_NAME = """
ALTER TABLE customer ADD COLUMN alt_name TEXT NOT NULL DEFAULT ''
"""


def _v6_alt_name(db: SqliteDatabase) -> None:
    # A second name in another script (an exhibitor list's Chinese company name beside the English one),
    # searchable: the documents now include it, so the index is built again (and for a version-1 book,
    # built for the first time), in the version-2 tables' shape: the whole folded text in both.
    _run_script(db, V6_ALT_NAME)
    db.execute_sql("DELETE FROM search_trigram")
    db.execute_sql("DELETE FROM search_words")
    texts = [(cid, search.fold(" \n".join(dict.fromkeys(parts))))
             for cid, parts in search.document_parts(db, None).items()]
    cursor = db.cursor()
    cursor.executemany("INSERT INTO search_trigram (rowid, body) VALUES (?, ?)", texts)
    cursor.executemany("INSERT INTO search_words (rowid, body) VALUES (?, ?)",
                       [(cid, search.words_text(text)) for cid, text in texts])


V7_OVERDUE_INDEX = """
CREATE INDEX customer_overdue ON customer (follow_up_on, lost)
"""


def _v7_overdue_index(db: SqliteDatabase) -> None:
    # The count of customers whose follow-up is overdue (the status bar, the pane's title, the filter)
    # answers from this index alone: 29k of 100k customers, 35 ms -> 2 ms, at every start.
    _run_script(db, V7_OVERDUE_INDEX)


def _v8_smaller_search_index(db: SqliteDatabase) -> None:
    # The index without positions (detail=none), the words table without a copy of the text, and each
    # document's words once: a third of its former size (243 -> ~75 MB for 100k customers), with the
    # same hits (store/search.py says how). Built again from the rows; the file is then compacted.
    db.execute_sql("DROP TABLE search_trigram")
    db.execute_sql("DROP TABLE search_words")
    search.create_index_tables(db)
    search.rebuild_index(db)


V9_REMINDER_CHANGES = """
CREATE TABLE reminder_change (customer_id INTEGER PRIMARY KEY);
CREATE TABLE reminder_mark (tbl TEXT NOT NULL PRIMARY KEY, id INTEGER NOT NULL);
CREATE TRIGGER customer_change_update AFTER UPDATE OF name, country, rating, lost, follow_up_on, last_contact_at, created_at ON customer
    BEGIN INSERT OR IGNORE INTO reminder_change (customer_id) VALUES (NEW.id); END;
CREATE TRIGGER customer_change_delete AFTER DELETE ON customer
    BEGIN INSERT OR IGNORE INTO reminder_change (customer_id) VALUES (OLD.id); UPDATE reminder_mark SET id = OLD.id - 1 WHERE tbl = 'customer' AND id >= OLD.id; END;
CREATE TRIGGER contact_change_update AFTER UPDATE OF customer_id, name, birthday ON contact
    BEGIN INSERT OR IGNORE INTO reminder_change (customer_id) SELECT NEW.customer_id UNION SELECT OLD.customer_id; END;
CREATE TRIGGER contact_change_delete AFTER DELETE ON contact
    BEGIN INSERT OR IGNORE INTO reminder_change (customer_id) VALUES (OLD.customer_id); UPDATE reminder_mark SET id = OLD.id - 1 WHERE tbl = 'contact' AND id >= OLD.id; END;
CREATE TRIGGER interaction_change_update AFTER UPDATE OF customer_id, kind, occurred_at, valid_until ON interaction
    BEGIN INSERT OR IGNORE INTO reminder_change (customer_id) SELECT NEW.customer_id UNION SELECT OLD.customer_id; END;
CREATE TRIGGER interaction_change_delete AFTER DELETE ON interaction
    BEGIN INSERT OR IGNORE INTO reminder_change (customer_id) VALUES (OLD.customer_id); UPDATE reminder_mark SET id = OLD.id - 1 WHERE tbl = 'interaction' AND id >= OLD.id; END;
CREATE TRIGGER orders_change_update AFTER UPDATE OF customer_id, ordered_on ON orders
    BEGIN INSERT OR IGNORE INTO reminder_change (customer_id) SELECT NEW.customer_id UNION SELECT OLD.customer_id; END;
CREATE TRIGGER orders_change_delete AFTER DELETE ON orders
    BEGIN INSERT OR IGNORE INTO reminder_change (customer_id) VALUES (OLD.customer_id); UPDATE reminder_mark SET id = OLD.id - 1 WHERE tbl = 'orders' AND id >= OLD.id; END;
CREATE INDEX interaction_quotation_valid ON interaction (valid_until) WHERE kind = 'quotation' AND valid_until IS NOT NULL;
CREATE INDEX interaction_quotation_sent ON interaction (occurred_at) WHERE kind = 'quotation';
CREATE INDEX reminder_open_kind_due ON reminder (kind, due_on) WHERE state = 'open';
CREATE INDEX reminder_snoozed ON reminder (snoozed_until) WHERE state = 'snoozed'
"""


def _v9_reminder_changes(db: SqliteDatabase) -> None:
    # A re-sync computes only the customers changed since the last one (updates and deletes logged by
    # triggers, rows added found after each table's mark: no trigger slows an import's inserts); the
    # quotation rules read their few quotations from indexes instead of scanning customers or interactions;
    # the due counts and the snoozed ones to wake read small indexes instead of every reminder ever raised.
    # The table's name and the columns watched are store.changes' (CHANGE_TABLE, WATCHED).
    _run_script(db, V9_REMINDER_CHANGES)


V10_TEAM = """
ALTER TABLE customer ADD COLUMN owner TEXT;
ALTER TABLE customer ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE contact ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE opportunity ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX customer_owner ON customer (owner) WHERE owner IS NOT NULL;
CREATE TABLE customer_share (
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    person TEXT NOT NULL,
    PRIMARY KEY (customer_id, person)
);
CREATE INDEX customer_share_person ON customer_share (person);
CREATE TABLE audit_entry (
    id INTEGER NOT NULL PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    tbl TEXT NOT NULL,
    row_id INTEGER,
    customer_id INTEGER,
    action VARCHAR(255) NOT NULL,
    before TEXT,
    after TEXT
);
CREATE INDEX audit_entry_customer ON audit_entry (customer_id, id);
CREATE TABLE row_origin (
    origin TEXT NOT NULL,
    tbl TEXT NOT NULL,
    key TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    PRIMARY KEY (origin, tbl, key)
)
"""


def _v10_team(db: SqliteDatabase) -> None:
    # Team mode's columns and tables, on both engines so that one code base reads them: an owner and the
    # people a customer is shared with; a version on the rows two people may edit at once; the audit trail
    # (filled on a server by its triggers); where a published or queued row came from. A laptop book keeps
    # them empty: NULL owners and the constant version cost a header byte a row, the partial index nothing.
    _run_script(db, V10_TEAM)


def _v11_team_access(db: SqliteDatabase) -> None:
    """Server only: a laptop book has one user, so no roles, row-level security or audit triggers
    (store/pg_access.py is PostgreSQL's step 11). The number keeps both engines' histories in step."""


def _v12_server_search(db: SqliteDatabase) -> None:
    # Nothing on a laptop book: the server's search keeps each document's sort bands beside it
    # (store/pg_search.py, server step 12); FTS5 and domain/customers/query.py's walks need none.
    pass


V13_MAIL = """
CREATE TABLE mail_account (
    id INTEGER NOT NULL PRIMARY KEY,
    label TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL,
    provider VARCHAR(255) NOT NULL DEFAULT 'other',
    host TEXT NOT NULL,
    port INTEGER NOT NULL,
    security VARCHAR(255) NOT NULL DEFAULT 'ssl',
    username TEXT NOT NULL,
    since_on DATE,
    extra_folders TEXT NOT NULL DEFAULT '[]',
    interval_minutes INTEGER NOT NULL DEFAULT 15,
    enabled INTEGER NOT NULL DEFAULT 1,
    own_domains TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    owner TEXT
);
CREATE TABLE mail_folder (
    account_id INTEGER NOT NULL REFERENCES mail_account (id) ON DELETE CASCADE,
    folder TEXT NOT NULL,
    uidvalidity INTEGER NOT NULL,
    last_uid INTEGER NOT NULL DEFAULT 0,
    highest_modseq INTEGER,
    synced_at TEXT,
    owner TEXT,
    PRIMARY KEY (account_id, folder)
);
CREATE TABLE mail_message (
    id INTEGER NOT NULL PRIMARY KEY,
    key TEXT NOT NULL,
    message_id TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    sender TEXT NOT NULL DEFAULT '',
    sender_name TEXT NOT NULL DEFAULT '',
    recipients TEXT NOT NULL DEFAULT '[]',
    sent_at TEXT NOT NULL,
    direction VARCHAR(3) NOT NULL DEFAULT 'in',
    in_reply_to TEXT NOT NULL DEFAULT '',
    refs TEXT NOT NULL DEFAULT '[]',
    thread_key TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    text_truncated INTEGER NOT NULL DEFAULT 0,
    auto VARCHAR(255) NOT NULL DEFAULT '',
    attachments TEXT NOT NULL DEFAULT '[]',
    problems TEXT NOT NULL DEFAULT '[]',
    status VARCHAR(255) NOT NULL DEFAULT 'unmatched',
    created_at TEXT NOT NULL,
    owner TEXT
);
CREATE UNIQUE INDEX mail_message_key ON mail_message (key);
CREATE INDEX mail_message_message_id ON mail_message (message_id) WHERE message_id <> '';
CREATE INDEX mail_message_thread ON mail_message (thread_key);
CREATE INDEX mail_message_sender ON mail_message (sender);
CREATE TABLE mail_location (
    account_id INTEGER NOT NULL REFERENCES mail_account (id) ON DELETE CASCADE,
    folder TEXT NOT NULL,
    uidvalidity INTEGER NOT NULL,
    uid INTEGER NOT NULL,
    message_id INTEGER NOT NULL REFERENCES mail_message (id) ON DELETE CASCADE,
    owner TEXT,
    PRIMARY KEY (account_id, folder, uidvalidity, uid)
);
CREATE INDEX mail_location_message ON mail_location (message_id);
CREATE TABLE mail_link (
    message_id INTEGER NOT NULL REFERENCES mail_message (id) ON DELETE CASCADE,
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    interaction_id INTEGER REFERENCES interaction (id) ON DELETE SET NULL,
    direction VARCHAR(3) NOT NULL DEFAULT 'in',
    rule VARCHAR(255) NOT NULL DEFAULT 'address',
    thread_key TEXT NOT NULL DEFAULT '',
    owner TEXT,
    PRIMARY KEY (message_id, customer_id)
);
CREATE INDEX mail_link_customer ON mail_link (customer_id);
CREATE INDEX mail_link_interaction ON mail_link (interaction_id);
CREATE TABLE mail_sender (
    id INTEGER NOT NULL PRIMARY KEY,
    email TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    state VARCHAR(255) NOT NULL DEFAULT 'new',
    customer_id INTEGER REFERENCES customer (id) ON DELETE SET NULL,
    last_message_id INTEGER REFERENCES mail_message (id) ON DELETE SET NULL,
    messages INTEGER NOT NULL DEFAULT 0,
    first_seen_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    owner TEXT
);
CREATE UNIQUE INDEX mail_sender_email ON mail_sender (email);
CREATE INDEX mail_sender_state ON mail_sender (state, last_seen_at);
CREATE TABLE mail_never_log (
    id INTEGER NOT NULL PRIMARY KEY,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL,
    owner TEXT
);
CREATE UNIQUE INDEX mail_never_log_value ON mail_never_log (value)
"""


def _v13_mail(db: SqliteDatabase) -> None:
    # Mail in (#19): accounts (never a password: the keyring holds it), each folder's sync state, the
    # messages (one row per Message-ID or content hash, however many folders or accounts hold a copy),
    # where each copy lives, which customers a message was put on (with the timeline entry made), the
    # senders waiting for triage and the never-log list. `owner` is NULL on a laptop book; on a server
    # the login whose mailbox it is (store/pg_mail.py, server step 13). Its twin: store/pg_mail.py.
    _run_script(db, V13_MAIL)


def _v14_server_search_page(db: SqliteDatabase) -> None:
    # Nothing on a laptop book: the server finds a text search's page in one function (store/pg_search.py,
    # server step 14); FTS5's plans stay in domain/customers/query.py.
    pass


def _v15_set_triggers(db: SqliteDatabase) -> None:
    """Server only: a laptop book has no audit trail, and its change log is SQLite's own triggers
    (store/pg_set_triggers.py is PostgreSQL's step 15). The number keeps both engines' histories in step."""


V16_ORDER_SUMMARY = """
CREATE TABLE order_summary (
    customer_id INTEGER NOT NULL PRIMARY KEY,
    order_count INTEGER NOT NULL,
    first_order_on DATE NOT NULL,
    last_order_on DATE NOT NULL
);
INSERT INTO order_summary (customer_id, order_count, first_order_on, last_order_on)
    SELECT customer_id, count(*), min(ordered_on), max(ordered_on) FROM orders GROUP BY customer_id;
CREATE TRIGGER orders_summary_insert AFTER INSERT ON orders
    BEGIN INSERT INTO order_summary (customer_id, order_count, first_order_on, last_order_on) VALUES (NEW.customer_id, 1, NEW.ordered_on, NEW.ordered_on) ON CONFLICT (customer_id) DO UPDATE SET order_count = order_summary.order_count + 1, first_order_on = min(order_summary.first_order_on, excluded.first_order_on), last_order_on = max(order_summary.last_order_on, excluded.last_order_on); END;
CREATE TRIGGER orders_summary_delete AFTER DELETE ON orders
    BEGIN DELETE FROM order_summary WHERE customer_id = OLD.customer_id; INSERT INTO order_summary (customer_id, order_count, first_order_on, last_order_on) SELECT customer_id, count(*), min(ordered_on), max(ordered_on) FROM orders WHERE customer_id = OLD.customer_id GROUP BY customer_id; END;
CREATE TRIGGER orders_summary_update AFTER UPDATE OF customer_id, ordered_on ON orders
    BEGIN DELETE FROM order_summary WHERE customer_id IN (OLD.customer_id, NEW.customer_id); INSERT INTO order_summary (customer_id, order_count, first_order_on, last_order_on) SELECT customer_id, count(*), min(ordered_on), max(ordered_on) FROM orders WHERE customer_id IN (OLD.customer_id, NEW.customer_id) GROUP BY customer_id; END;
DROP INDEX customer_follow_up_on;
CREATE INDEX interaction_quote_or_order ON interaction (customer_id, occurred_at) WHERE kind IN ('quotation', 'order')
"""


def _v16_order_summary(db: SqliteDatabase) -> None:
    # The dormant rule reads each customer's order count, first and last order day from this summary, kept by
    # triggers on every insert, delete and move of an order, instead of grouping every order at each new
    # day's sync (47k groups of 127k orders: ~80 ms of the 100k book's compute-all). The (follow_up_on)
    # index goes: customer_overdue (follow_up_on, lost) answers every query it did, and each index is
    # one more b-tree an import's inserts write. The expired-quotation rule asks, of each quotation, for a
    # newer quotation or order of its customer: a small index of those two kinds answers without reading
    # every later timeline entry (an import's entries are of other kinds: it does not write this one).
    _run_script(db, V16_ORDER_SUMMARY)


def _v17_mail_out(db: SqliteDatabase) -> None:
    # Mail out (#20): each account's SMTP side, signature and pace, and the outbox (store/later_tables.py says
    # it once for both engines; the server's twin is store/pg_steps.py 17).
    for statement in account_columns(set()) + rendered(V17_OUTBOX, SQLITE):
        db.execute_sql(statement)


def _v18_attachments(db: SqliteDatabase) -> None:
    # Files (#22): which file belongs to which customer or timeline entry; the bytes live under the
    # attachments folder, once per content (domain/attachments/blobs.py).
    for statement in rendered(V18_ATTACHMENT, SQLITE):
        db.execute_sql(statement)


V19_SMALLER_REMINDER_INDEXES = """
DROP INDEX interaction_quotation_sent;
DROP INDEX interaction_quotation_valid;
DROP INDEX interaction_quote_or_order;
CREATE INDEX interaction_quotation ON interaction (customer_id, occurred_at, valid_until) WHERE kind = 'quotation';
CREATE INDEX interaction_order ON interaction (customer_id, occurred_at) WHERE kind = 'order';
DROP INDEX contact_birthday;
CREATE INDEX contact_birthday ON contact (birthday) WHERE birthday IS NOT NULL
"""


def _v19_smaller_reminder_indexes(db: SqliteDatabase) -> None:
    # The quotation rules' three indexes (9: sent, valid; 16: a newer quotation or order) become one of the
    # quotations, (customer, sent, valid until), that answers all three questions without reading the timeline
    # (the rules scan it once each, 91k entries on the 100k book), and a small one of 'order' entries. The
    # birthday index keeps only contacts with a birthday (70% have none): every query of it says a birthday.
    # 6 MB less on the 100k book; no query of the search or the customer list used them.
    _run_script(db, V19_SMALLER_REMINDER_INDEXES)


def _v20_bulk_load(db: SqliteDatabase) -> None:
    """Server only: a publish into a fresh team server builds its indexes and checks its keys once at the end
    (store/pg_bulk.py is PostgreSQL's step 20), and sums inserted orders once a statement. A laptop book is
    written by one person; its indexes stay as they are. The number keeps both engines' histories in step."""


def _v21_quotations(db: SqliteDatabase) -> None:
    # Products, quotations and proforma invoices (#21): store/later_tables.py says them once for both engines.
    for statement in rendered(V21_QUOTATIONS, SQLITE):
        db.execute_sql(statement)


def _v22_product_search(db: SqliteDatabase) -> None:
    # The catalog's search index (#21): store/product_search.py owns its shape, as store/search.py the customers'.
    product_search.create_tables(db)


def _v23_money_places(db: SqliteDatabase) -> None:
    """Server only: an order's amount and an opportunity's value keep a third decimal (KWD, BHD, OMR, JOD, TND: a
    PI paid in one records its order to the last fils). A laptop book's DECIMAL columns have NUMERIC affinity and
    no scale: they keep what store/fields.py's MoneyField writes. The number keeps both engines' histories in step."""


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "customers, contacts, timeline, orders, reminders, tags, custom fields, imports", _v1_core_tables),
    Migration(2, "full-text search index (trigram + words)", _v2_search_index),
    Migration(3, "indexes for duplicate matching: email domain, name block, website", _v3_matching_indexes),
    Migration(4, "exchange rates and customer segments (tier, RFM)", _v4_segments),
    Migration(5, "merged customers (undoable) and pairs marked not duplicates", _v5_merges),
    Migration(6, "a customer's alternative name (another script or language)", _v6_alt_name),
    Migration(7, "an index that counts overdue follow-ups without reading the customers", _v7_overdue_index),
    Migration(8, "a smaller search index: no positions, no second copy of the text", _v8_smaller_search_index,
              compacts=True),
    Migration(9, "changed customers for incremental reminders; indexes for the reminder queries",
              _v9_reminder_changes),
    Migration(10, "team mode: owners, shares, versions, the audit trail, where published rows came from",
              _v10_team),
    Migration(11, "team access rules (server only)", _v11_team_access),
    Migration(12, "search on a server (server only)", _v12_server_search),
    Migration(13, "mail in: accounts, folders, messages, their customers, new senders, the never-log list",
              _v13_mail),
    Migration(14, "a server search's page in one round trip (server only)", _v14_server_search_page),
    Migration(15, "set-based triggers for inserted rows (server only)", _v15_set_triggers),
    Migration(16, "each customer's orders summed up for the dormant rule; reminder indexes, none the overdue one covers",
              _v16_order_summary),
    Migration(17, "mail out: each account's SMTP side and pace, and the outbox", _v17_mail_out),
    Migration(18, "files kept with a customer or a timeline entry", _v18_attachments),
    Migration(19, "one index of quotations for the quotation rules; the birthday index without contacts lacking one",
              _v19_smaller_reminder_indexes),
    Migration(20, "a bulk load into a fresh server book indexes once at the end (server only)", _v20_bulk_load),
    Migration(21, "products and their price tiers, quotations, proforma invoices", _v21_quotations),
    Migration(22, "the catalog's search index (SKU, names in any script, HS code, tags)", _v22_product_search),
    Migration(23, "an order's amount keeps a third decimal (server only)", _v23_money_places),
)
LATEST_VERSION = MIGRATIONS[-1].version


def current_version(db: SqliteDatabase) -> int:
    exists = db.execute_sql(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'"
    ).fetchone()
    if not exists:
        return 0
    row = db.execute_sql("SELECT version FROM schema_version").fetchone()
    return row[0] if row else 0


def pending(db: SqliteDatabase, target: int = LATEST_VERSION) -> list[Migration]:
    version = current_version(db)
    return [m for m in MIGRATIONS if version < m.version <= target]


def migrate(db: SqliteDatabase, target: int = LATEST_VERSION) -> list[int]:
    """Apply every pending step up to `target`; returns the versions applied.

    A step that frees much of an existing book's file (`compacts`) is followed, once all steps are
    done, by a VACUUM, so the book on disk shrinks instead of keeping the pages free for later.
    """
    applied = []
    existing = current_version(db) > 0
    compact = False
    for migration in pending(db, target):
        with db.atomic():
            db.execute_sql("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            migration.apply(db)
            db.execute_sql("DELETE FROM schema_version")
            db.execute_sql("INSERT INTO schema_version (version) VALUES (?)", (migration.version,))
        applied.append(migration.version)
        compact = compact or migration.compacts
        log.info("database schema migrated to version %s", migration.version)
    if compact and existing:
        db.execute_sql("VACUUM")
        log.info("database compacted after migrating")
    return applied
