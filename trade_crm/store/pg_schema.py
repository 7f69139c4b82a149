"""The schema of a PostgreSQL book: created at the current version, checked on every open.

A server book does not replay the SQLite migration history (store/migrations.py): an empty database
gets today's tables in one transaction, built from the peewee models plus the tables that only raw
SQL reads (below), and a schema_version row saying which version they are. From here on, **every new
migration is written for both engines**: a numbered step in migrations.py for SQLite and its twin in
its twin in store/pg_steps.py for PostgreSQL; tests/store/test_pg_schema.py compares the two schemas table by table
and column by column and fails until both exist. The base schema stands at BASE_VERSION; each later
version is a step in store/pg_steps.py, run after the base on a new book and alone on an older one.

Only the database's owner (or a superuser) may create or upgrade the schema: on a shared server a
salesperson's login reads and writes rows, never tables. Everyone else gets a one-line refusal that
names who can fix it.

The column types follow the SQLite book where the domain's raw SQL depends on them: instants are
sortable UTC TEXT (store/fields.py), and a `nocase` collation (ICU,
case-insensitive) stands in for SQLite's NOCASE, so `ORDER BY name COLLATE NOCASE` and the
case-insensitive unique tag names read the same on both. Flags are BOOLEAN (`WHEN lost` and peewee's
`where(Contact.is_primary)` work on both; SQLite's `lost = 0` does not, see the list). The full-text tables hold the same folded
documents as on SQLite, kept by store/search.py's reindex; step 8 indexes them for PostgreSQL
(store/pg_search.py: pg_trgm over the body, a GIN token array for 1-2 character terms).
"""

from __future__ import annotations

from peewee import Database

from trade_crm.store import migrations
from trade_crm.store.errors import DatabaseError
from trade_crm.store.models import ALL_MODELS
from trade_crm.store.pg_steps import POSTGRES_STEPS

BASE_VERSION = 7
"""The SQLite migration whose schema the base (models + CREATE_SQL) matches; later ones are store/pg_steps.py's."""

_LOCK = 7_180_018  # pg_advisory_xact_lock key: two first connections never both create the schema

NOCASE = ("CREATE COLLATION IF NOT EXISTS nocase "
          "(provider = icu, locale = 'und-u-ks-level2', deterministic = false)")

# Tables that no peewee model describes (raw SQL reads them), indexes beyond the models' own, and the
# case-insensitive columns. Each mirrors a SQLite migration (its number in the comment).
CREATE_SQL = """
CREATE TABLE schema_version (version INTEGER NOT NULL);
GRANT SELECT ON schema_version TO PUBLIC;
ALTER TABLE tag ALTER COLUMN name TYPE TEXT COLLATE nocase;
CREATE INDEX customer_name ON customer (name COLLATE nocase);
CREATE INDEX customer_country ON customer (country);
CREATE INDEX customer_rating ON customer (rating);
CREATE INDEX customer_follow_up_on ON customer (follow_up_on);
CREATE INDEX customer_last_contact_at ON customer (last_contact_at);
CREATE INDEX contact_birthday ON contact (birthday);
CREATE INDEX contact_channel_kind_value ON contact_channel (kind, value);
CREATE INDEX interaction_customer_occurred ON interaction (customer_id, occurred_at);
CREATE INDEX opportunity_stage ON opportunity (stage);
CREATE INDEX orders_customer_ordered ON orders (customer_id, ordered_on);
CREATE INDEX reminder_due_state ON reminder (due_on, state);
CREATE TABLE search_trigram (rowid BIGINT NOT NULL PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE search_words (rowid BIGINT NOT NULL PRIMARY KEY, body TEXT NOT NULL);
CREATE INDEX customer_website ON customer (website) WHERE website <> '';
CREATE INDEX contact_channel_email_domain ON contact_channel (substr(value, strpos(value, '@') + 1))
    WHERE kind = 'email';
CREATE INDEX customer_name_block ON customer ((translate(substr(name, 1, 2), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    'abcdefghijklmnopqrstuvwxyz') || '|' || coalesce(country, '')), name, country);
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
    value_12m DOUBLE PRECISION NOT NULL DEFAULT 0,
    value_total DOUBLE PRECISION NOT NULL DEFAULT 0,
    dormant_on DATE
);
CREATE INDEX customer_segment_tier ON customer_segment (tier);
CREATE INDEX customer_lifecycle ON customer (lifecycle);
CREATE TABLE merge_record (
    id SERIAL PRIMARY KEY,
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
);
CREATE INDEX customer_overdue ON customer (follow_up_on, lost)
"""


def _literal(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def _column_defaults(db: Database) -> None:
    """The models' constant defaults as column DEFAULTs, as the SQLite DDL has them: a raw INSERT that
    leaves a column out (a bulk import, a snapshot of an older row) gets the same value on both engines."""
    for model in ALL_MODELS:
        for field in model._meta.sorted_fields:
            if field.default is None or callable(field.default):
                continue
            db.execute_sql(f'ALTER TABLE "{model._meta.table_name}" ALTER COLUMN "{field.column_name}" '
                           f"SET DEFAULT {_literal(field.default)}")


def create_schema(db: Database, label: str) -> None:
    """Today's schema on an empty database: the base, then every later step; the caller holds the transaction."""
    db.execute_sql(NOCASE)
    db.create_tables(ALL_MODELS, safe=False)
    _column_defaults(db)
    for statement in CREATE_SQL.split(";\n"):
        db.execute_sql(statement)
    db.execute_sql("INSERT INTO schema_version (version) VALUES (?)", (BASE_VERSION,))
    upgrade(db, BASE_VERSION, label)


def upgrade(db: Database, version: int, label: str) -> None:
    """Run the PostgreSQL step of every version after `version`, each with its version bump (the versions are
    SQLite's, which may skip a number while branches that each add a step are merged)."""
    for step in [m.version for m in migrations.MIGRATIONS if version < m.version <= migrations.LATEST_VERSION]:
        if step not in POSTGRES_STEPS:
            raise DatabaseError(f"{label} has schema {version}, and this app cannot bring a PostgreSQL book "
                                f"past it (no PostgreSQL step {step} in store/pg_steps.py)")
        POSTGRES_STEPS[step](db)
        db.execute_sql("UPDATE schema_version SET version = ?", (step,))
        version = step


def current_version(db: Database) -> int | None:
    """The schema version, or None when the database holds no Trade CRM schema."""
    if db.execute_sql("SELECT to_regclass('schema_version')").fetchone()[0] is None:
        return None
    row = db.execute_sql("SELECT max(version) FROM schema_version").fetchone()
    return row[0] if row else None


def is_administrator(db: Database) -> bool:
    """True when the login owns this database (or is a member of its owning role) or is a superuser."""
    return bool(db.execute_sql(
        "SELECT r.rolsuper OR pg_has_role(current_user, d.datdba, 'MEMBER') "
        "FROM pg_database d JOIN pg_roles r ON r.rolname = current_user WHERE d.datname = current_database()"
    ).fetchone()[0])


def act_as_owner(db: Database) -> None:
    """For the rest of the transaction, be the database's owner: an administrator (a superuser, a member of
    the owning role) creates tables the owner owns, so that the grants and policies of step 11 hold for
    everyone else."""
    owner, me = db.execute_sql("SELECT pg_get_userbyid(datdba), current_user FROM pg_database "
                               "WHERE datname = current_database()").fetchone()
    if owner != me:
        db.execute_sql(f'SET LOCAL ROLE "{owner}"')


def has_tables(db: Database) -> bool:
    return bool(db.execute_sql(
        "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()").fetchone()[0])


def check_version(version: int | None, admin: bool, label: str, *, migrate: bool = True) -> None:
    """Refuse, in one line, a schema this app cannot use as it is and this login may not create or upgrade."""
    if version is not None and version > migrations.LATEST_VERSION:
        raise DatabaseError(f"{label} was written by a newer Trade CRM (schema {version}, this one knows "
                            f"{migrations.LATEST_VERSION}); update the app")
    if version == migrations.LATEST_VERSION or (migrate and admin):
        return
    if version is None:
        raise DatabaseError(f"{label} has no Trade CRM schema yet, and only the database's owner may "
                            "create it: connect once as the owner")
    raise DatabaseError(f"{label} has schema {version}, this app needs {migrations.LATEST_VERSION}; "
                        "only the database's owner may upgrade it: connect once as the owner")


def prepare(db: Database, *, migrate: bool, label: str) -> None:
    """Create the schema on an empty database, upgrade an older one, or refuse, in one transaction."""
    with db.atomic():
        db.execute_sql("SELECT pg_advisory_xact_lock(?)", (_LOCK,))
        version = current_version(db)
        if version == migrations.LATEST_VERSION:
            return
        if version is None and has_tables(db):
            raise DatabaseError(f"{label} holds tables but no Trade CRM schema; use an empty database")
        check_version(version, is_administrator(db), label, migrate=migrate)
        if version is None:
            act_as_owner(db)
            create_schema(db, label)
        else:
            act_as_owner(db)
            upgrade(db, version, label)
