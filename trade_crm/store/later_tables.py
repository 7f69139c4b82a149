"""The tables of migrations 17 (mail out), 18 (files) and 21 (quotations), written once for both engines.

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


# A document line keeps what the buyer was offered even when the product changes later: its SKU, words, unit,
# packing and cost are copied from the catalog when the line is written. Prices: 4 places (a screw at
# USD 0.0350); quantities: 3 places (12.5 kg); amounts are rounded to the currency's minor unit by the
# domain (domain/quotes/money.py) before they are stored.
_LINE_COLUMNS = """id {id},
    {parent} INTEGER NOT NULL REFERENCES {parent_table} (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    product_id INTEGER REFERENCES product (id) ON DELETE SET NULL,
    sku TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT 'pcs',
    quantity NUMERIC(18,3) NOT NULL,
    unit_price NUMERIC(18,4) NOT NULL,
    discount_percent NUMERIC(7,4) NOT NULL DEFAULT 0,
    amount NUMERIC(18,4) NOT NULL,
    cost NUMERIC(18,4),
    hs_code TEXT NOT NULL DEFAULT '',
    pcs_per_carton INTEGER,
    carton_cbm NUMERIC(12,6),
    carton_net_kg NUMERIC(12,3),
    carton_gross_kg NUMERIC(12,3)"""

_DOCUMENT_TERMS = """currency VARCHAR(3) NOT NULL,
    incoterm VARCHAR(3) NOT NULL DEFAULT '',
    incoterm_place TEXT NOT NULL DEFAULT '',
    payment_terms TEXT NOT NULL DEFAULT '',
    lead_time TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    total NUMERIC(18,4) NOT NULL DEFAULT 0,
    interaction_id INTEGER REFERENCES interaction (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL"""

V21_QUOTATIONS = (
    """CREATE TABLE product (
    id {id},
    sku TEXT NOT NULL,
    name TEXT NOT NULL,
    local_names TEXT NOT NULL DEFAULT '{{}}',
    description TEXT NOT NULL DEFAULT '',
    hs_code TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT 'pcs',
    moq INTEGER NOT NULL DEFAULT 0,
    currency VARCHAR(3) NOT NULL DEFAULT 'USD',
    cost NUMERIC(18,4),
    pcs_per_carton INTEGER,
    carton_length_cm NUMERIC(10,1),
    carton_width_cm NUMERIC(10,1),
    carton_height_cm NUMERIC(10,1),
    carton_cbm NUMERIC(12,6),
    carton_net_kg NUMERIC(12,3),
    carton_gross_kg NUMERIC(12,3),
    tags TEXT NOT NULL DEFAULT '',
    photos TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    archived_at TEXT,
    {owner})""",
    "CREATE UNIQUE INDEX product_sku ON product (sku)",
    """CREATE TABLE product_price (
    id {id},
    product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    min_quantity NUMERIC(18,3) NOT NULL DEFAULT 0,
    unit_price NUMERIC(18,4) NOT NULL)""",
    "CREATE UNIQUE INDEX product_price_tier ON product_price (product_id, min_quantity)",
    """CREATE TABLE quotation (
    id {id},
    number TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    previous_id INTEGER REFERENCES quotation (id) ON DELETE SET NULL,
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    issued_on DATE NOT NULL,
    valid_until DATE,
    status VARCHAR(255) NOT NULL DEFAULT 'draft',
    """ + _DOCUMENT_TERMS + """,
    {owner})""",
    "CREATE UNIQUE INDEX quotation_number ON quotation (number, revision)",
    "CREATE INDEX quotation_customer ON quotation (customer_id, issued_on)",
    "CREATE INDEX quotation_interaction ON quotation (interaction_id) WHERE interaction_id IS NOT NULL",
    "CREATE TABLE quotation_line (\n    " + _LINE_COLUMNS.format(
        id="{id}", parent="quotation_id", parent_table="quotation") + ")",
    "CREATE INDEX quotation_line_quotation ON quotation_line (quotation_id, position)",
    """CREATE TABLE proforma_invoice (
    id {id},
    number TEXT NOT NULL,
    quotation_id INTEGER REFERENCES quotation (id) ON DELETE SET NULL,
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    issued_on DATE NOT NULL,
    status VARCHAR(255) NOT NULL DEFAULT 'issued',
    seller TEXT NOT NULL DEFAULT '{{}}',
    buyer TEXT NOT NULL DEFAULT '',
    consignee TEXT NOT NULL DEFAULT '',
    port_of_loading TEXT NOT NULL DEFAULT '',
    port_of_discharge TEXT NOT NULL DEFAULT '',
    order_id INTEGER REFERENCES orders (id) ON DELETE SET NULL,
    """ + _DOCUMENT_TERMS + """,
    {owner})""",
    "CREATE UNIQUE INDEX proforma_invoice_number ON proforma_invoice (number)",
    "CREATE INDEX proforma_invoice_customer ON proforma_invoice (customer_id, issued_on)",
    "CREATE INDEX proforma_invoice_quotation ON proforma_invoice (quotation_id) WHERE quotation_id IS NOT NULL",
    "CREATE TABLE proforma_line (\n    " + _LINE_COLUMNS.format(
        id="{id}", parent="proforma_id", parent_table="proforma_invoice") + ")",
    "CREATE INDEX proforma_line_proforma ON proforma_line (proforma_id, position)",
)


def rendered(statements: tuple[str, ...], dialect: dict[str, str]) -> list[str]:
    return [statement.format(**dialect) for statement in statements]


def account_columns(exists: set[str]) -> list[str]:
    """ALTER statements for the columns of 17 the mail_account table lacks (a server step runs again safely)."""
    return [f"ALTER TABLE mail_account ADD COLUMN {column}" for column in V17_ACCOUNT_COLUMNS
            if column.split()[0] not in exists]
