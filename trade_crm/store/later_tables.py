"""The tables of migrations 17 (mail out) and 18 (files), written once for both engines.

Each engine's step renders the same text with its own words for an id, a flag and the owner: a laptop book
leaves `owner` NULL; a server fills it with the writing login, which row-level security then keys on
(store/pg_steps.py). Writing the columns once keeps the twins from drifting (tests/store/test_pg_book.py
compares the two schemas).
"""

from __future__ import annotations

SQLITE = {"id": "INTEGER NOT NULL PRIMARY KEY", "false": "INTEGER NOT NULL DEFAULT 0", "owner": "owner TEXT"}
POSTGRES = {"id": "SERIAL PRIMARY KEY", "false": "BOOLEAN NOT NULL DEFAULT FALSE",
            "owner": "owner TEXT NOT NULL DEFAULT current_user"}

V17_ACCOUNT_COLUMNS = (
    "smtp_host TEXT NOT NULL DEFAULT ''",
    "smtp_port INTEGER NOT NULL DEFAULT 465",
    "smtp_security VARCHAR(255) NOT NULL DEFAULT 'ssl'",
    "smtp_username TEXT NOT NULL DEFAULT ''",
    "signature TEXT NOT NULL DEFAULT ''",
    "send_interval_seconds INTEGER NOT NULL DEFAULT 20",
    "daily_cap INTEGER NOT NULL DEFAULT 0",
)

V17_OUTBOX = (
    """CREATE TABLE outbox_message (
    id {id},
    account_id INTEGER NOT NULL REFERENCES mail_account (id) ON DELETE CASCADE,
    customer_id INTEGER REFERENCES customer (id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    message_id TEXT NOT NULL,
    to_addrs TEXT NOT NULL DEFAULT '[]',
    cc_addrs TEXT NOT NULL DEFAULT '[]',
    bcc_addrs TEXT NOT NULL DEFAULT '[]',
    subject TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    html TEXT NOT NULL DEFAULT '',
    attachments TEXT NOT NULL DEFAULT '[]',
    template TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL DEFAULT '',
    in_reply_to TEXT NOT NULL DEFAULT '',
    refs TEXT NOT NULL DEFAULT '[]',
    cancel_on_reply {false},
    state VARCHAR(255) NOT NULL DEFAULT 'queued',
    send_at TEXT,
    next_attempt_at TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    sent_at TEXT,
    interaction_id INTEGER REFERENCES interaction (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    {owner})""",
    "CREATE UNIQUE INDEX outbox_message_message_id ON outbox_message (message_id)",
    "CREATE INDEX outbox_message_state ON outbox_message (state, send_at)",
    "CREATE INDEX outbox_message_customer ON outbox_message (customer_id)",
    "CREATE INDEX outbox_message_purpose ON outbox_message (purpose, customer_id) WHERE purpose <> ''",
)

V18_ATTACHMENT = (
    """CREATE TABLE attachment (
    id {id},
    sha256 VARCHAR(255) NOT NULL,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    content_type TEXT NOT NULL DEFAULT '',
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    interaction_id INTEGER REFERENCES interaction (id) ON DELETE CASCADE,
    source VARCHAR(255) NOT NULL DEFAULT 'user',
    created_at TEXT NOT NULL,
    deleted_at TEXT,
    {owner})""",
    "CREATE INDEX attachment_customer ON attachment (customer_id)",
    "CREATE INDEX attachment_interaction ON attachment (interaction_id) WHERE interaction_id IS NOT NULL",
    "CREATE INDEX attachment_sha256 ON attachment (sha256)",
)


def rendered(statements: tuple[str, ...], dialect: dict[str, str]) -> list[str]:
    return [statement.format(**dialect) for statement in statements]


def account_columns(exists: set[str]) -> list[str]:
    """ALTER statements for the columns of 17 the mail_account table lacks (a server step runs again safely)."""
    return [f"ALTER TABLE mail_account ADD COLUMN {column}" for column in V17_ACCOUNT_COLUMNS
            if column.split()[0] not in exists]
