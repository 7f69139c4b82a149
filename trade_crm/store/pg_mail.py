"""Mail in (#19) on a team server: server step 13, the twin of SQLite migration 13 (store/migrations.py).

The same tables and columns as the SQLite book, with a server's types (ids from sequences, UIDs and
mod-sequences as BIGINT: an IMAP UID is an unsigned 32-bit number, a MODSEQ 63 bits), and a mailbox that
is its login's own:

- `owner` defaults to the writing login (`current_user`) and is part of each unique key, so two people who
  both received one message each keep their copy, and neither learns of the other's.
- FORCE ROW LEVEL SECURITY on every mail table. Accounts, folder states, messages, their locations, the
  senders waiting for triage and the never-log list: the owner's alone, managers included (a manager does
  not read a salesperson's mailbox). The database's owner role (nobody's daily login) sees all, as step 11
  has it for the customer tables.
- A message's link to a customer (`mail_link`: which timeline entry it made, in or out, by which rule, in
  which thread) is
  readable wherever its customer is (step 11's rule for a child row): it holds no text, and the reminder
  rules and the search document of a customer need it for every person who sees the customer (an outgoing
  mail does not close the quotation chaser, whoever runs the sync). Only its owner writes it.
- `mail_domain_customers`: customers by a contact's email domain or by website, read through the indexes
  (store/mail_lookup.py says why); it returns ids and the domain asked, the caller's query keeps the ids
  the customer's policy shows. (A salesperson calling it by hand in psql learns which customer ids have a
  contact at a domain: ids, not names, a smaller gap than the search documents' of step 11.)
- No audit triggers: the timeline entries a message makes are `interaction` rows, audited as any other.
"""

from __future__ import annotations

from peewee import Database

from trade_crm.store.mail_lookup import DOMAIN_FUNCTION
from trade_crm.store.pg_access import MANAGERS, SALES

OWN = "owner TEXT NOT NULL DEFAULT current_user"

TABLES_SQL = (
    f"""CREATE TABLE mail_account (
    id SERIAL PRIMARY KEY,
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
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    own_domains TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    {OWN})""",
    f"""CREATE TABLE mail_folder (
    account_id INTEGER NOT NULL REFERENCES mail_account (id) ON DELETE CASCADE,
    folder TEXT NOT NULL,
    uidvalidity BIGINT NOT NULL,
    last_uid BIGINT NOT NULL DEFAULT 0,
    highest_modseq BIGINT,
    synced_at TEXT,
    {OWN},
    PRIMARY KEY (account_id, folder))""",
    f"""CREATE TABLE mail_message (
    id SERIAL PRIMARY KEY,
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
    text_truncated BOOLEAN NOT NULL DEFAULT FALSE,
    auto VARCHAR(255) NOT NULL DEFAULT '',
    attachments TEXT NOT NULL DEFAULT '[]',
    problems TEXT NOT NULL DEFAULT '[]',
    status VARCHAR(255) NOT NULL DEFAULT 'unmatched',
    created_at TEXT NOT NULL,
    {OWN})""",
    "CREATE UNIQUE INDEX mail_message_key ON mail_message (owner, key)",
    "CREATE INDEX mail_message_message_id ON mail_message (message_id) WHERE message_id <> ''",
    "CREATE INDEX mail_message_thread ON mail_message (thread_key)",
    "CREATE INDEX mail_message_sender ON mail_message (sender)",
    f"""CREATE TABLE mail_location (
    account_id INTEGER NOT NULL REFERENCES mail_account (id) ON DELETE CASCADE,
    folder TEXT NOT NULL,
    uidvalidity BIGINT NOT NULL,
    uid BIGINT NOT NULL,
    message_id INTEGER NOT NULL REFERENCES mail_message (id) ON DELETE CASCADE,
    {OWN},
    PRIMARY KEY (account_id, folder, uidvalidity, uid))""",
    "CREATE INDEX mail_location_message ON mail_location (message_id)",
    f"""CREATE TABLE mail_link (
    message_id INTEGER NOT NULL REFERENCES mail_message (id) ON DELETE CASCADE,
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    interaction_id INTEGER REFERENCES interaction (id) ON DELETE SET NULL,
    direction VARCHAR(3) NOT NULL DEFAULT 'in',
    rule VARCHAR(255) NOT NULL DEFAULT 'address',
    thread_key TEXT NOT NULL DEFAULT '',
    {OWN},
    PRIMARY KEY (message_id, customer_id))""",
    "CREATE INDEX mail_link_customer ON mail_link (customer_id)",
    "CREATE INDEX mail_link_interaction ON mail_link (interaction_id)",
    f"""CREATE TABLE mail_sender (
    id SERIAL PRIMARY KEY,
    email TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    state VARCHAR(255) NOT NULL DEFAULT 'new',
    customer_id INTEGER REFERENCES customer (id) ON DELETE SET NULL,
    last_message_id INTEGER REFERENCES mail_message (id) ON DELETE SET NULL,
    messages INTEGER NOT NULL DEFAULT 0,
    first_seen_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    {OWN})""",
    "CREATE UNIQUE INDEX mail_sender_email ON mail_sender (owner, email)",
    "CREATE INDEX mail_sender_state ON mail_sender (state, last_seen_at)",
    f"""CREATE TABLE mail_never_log (
    id SERIAL PRIMARY KEY,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL,
    {OWN})""",
    "CREATE UNIQUE INDEX mail_never_log_value ON mail_never_log (owner, value)",
)

MAIL_TABLES = ("mail_account", "mail_folder", "mail_message", "mail_location", "mail_link", "mail_sender",
               "mail_never_log")
"""Every table of step 13, in the order they may be created (and, reversed, emptied)."""

SEQUENCES = ("mail_account_id_seq", "mail_message_id_seq", "mail_sender_id_seq", "mail_never_log_id_seq")
MINE = "owner = current_user"
# a link is readable where its customer is (step 11's rule for a child row); OFFSET 0 as pg_access says why
LINK_READ = f"{MINE} OR EXISTS (SELECT 1 FROM customer c WHERE c.id = mail_link.customer_id OFFSET 0)"


def policies(table: str, owner_role: str) -> list[str]:
    groups = f"{SALES}, {MANAGERS}"
    statements = [
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
        f'CREATE POLICY team_owner ON {table} TO "{owner_role}" USING (true) WITH CHECK (true)',
    ]
    if table == "mail_link":
        return [*statements,
                f"CREATE POLICY mail_read ON {table} FOR SELECT TO {groups} USING ({LINK_READ})",
                f"CREATE POLICY mail_insert ON {table} FOR INSERT TO {groups} WITH CHECK ({MINE})",
                f"CREATE POLICY mail_update ON {table} FOR UPDATE TO {groups} USING ({MINE}) WITH CHECK ({MINE})",
                f"CREATE POLICY mail_delete ON {table} FOR DELETE TO {groups} USING ({MINE})"]
    return [*statements, f"CREATE POLICY mail_own ON {table} TO {groups} USING ({MINE}) WITH CHECK ({MINE})"]


def apply(db: Database) -> None:
    """Step 13: the mail tables, their rights and their row-level security. Runs as the database's owner."""
    for statement in TABLES_SQL:
        db.execute_sql(statement)
    owner_role = db.execute_sql("SELECT current_user").fetchone()[0]
    groups = f"{SALES}, {MANAGERS}"
    db.execute_sql(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {', '.join(MAIL_TABLES)} TO {groups}")
    db.execute_sql(f"GRANT USAGE, SELECT, UPDATE ON SEQUENCE {', '.join(SEQUENCES)} TO {groups}")
    for table in MAIL_TABLES:
        for statement in policies(table, owner_role):
            db.execute_sql(statement)
    db.execute_sql(DOMAIN_FUNCTION)  # matching by domain, past row-level security (store/mail_lookup.py)
