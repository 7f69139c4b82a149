"""Server step 20: a bulk load into a fresh book builds its indexes and checks its keys once, at the end.

The first publish of a laptop book into a new team server (domain/team/publish.py) writes millions of rows
into tables that hold none. Kept row by row, the indexes and the foreign keys were most of the server's
work (docs/team-server.md, "Publish: how it is fast"): the two GIN indexes of the search documents
~13-16 s of CPU for the 100k bench book, the foreign-key checks ~15 s (one probe of the parent per child
row), the other b-tree indexes (the timeline's, the channels', the audit trail's, ...) ~13 s. Built once
over the loaded rows, the indexes cost a sort each; a foreign key added back is checked by one anti-join.

`bulk_load_begin()` (SECURITY DEFINER: the database's owner does the DDL, for any member of the team that
publishes) does it only when the book holds **no customer at all**: it locks the customer table against
other writers, and when none is there notes the definitions of the foreign keys on the tables a publish
writes, of their indexes that are neither a primary key nor unique (a unique one stays: it is checked as
rows come, and ON CONFLICT needs it), of the search GIN indexes and of the row origins' primary key (nothing
refers to it), in `bulk_load_deferred`; then drops them and returns true. Otherwise it does nothing and
returns false: a book people work in keeps its indexes (dropping one locks its table against every reader
until the publish commits).

`bulk_load_end()` creates them again from the notes (the foreign keys validated, as owner) and empties
them. The publish calls it before it commits; a constraint trigger deferred to the commit calls it too,
so a transaction that began a bulk load cannot commit without its indexes and keys, whatever the client
does (psql included): a row that breaks a key then fails the commit, and nothing is written. A rollback
takes the dropped objects back by itself (DDL is transactional).

`bulk_load_bounds()` draws the search bands' bounds from the customers a bulk load wrote (the owner's
work, as `pg_search.draw_bounds`), so the documents that follow get bands that spread them; a fresh book had
none. SQLite's migration 20 is a no-op: a laptop book is written by one person, its indexes as they are.
"""

from __future__ import annotations

from peewee import Database

from trade_crm.store.pg_access import MANAGERS, SALES
from trade_crm.store.pg_search import BANDS

# The tables a publish writes (and the audit trail its triggers write): their foreign keys and plain indexes
# are what a bulk load drops and creates again.
BULK_TABLES = ("customer", "contact", "contact_channel", "interaction", "opportunity", "orders", "reminder",
               "customer_tag", "custom_field_value", "import_batch", "not_duplicate", "search_trigram",
               "search_words", "audit_entry", "row_origin")

# Primary keys built again too: no foreign key refers to them and no upsert during a publish needs them. The
# row origins' (origin, table, key as text) takes 2.2M keys in no order for the 100k bench book.
REBUILT_KEYS = ("row_origin",)

SCHEMA = (
    # kind 'index' or 'fkey', the object's name, its table, and the SQL that makes it again
    "CREATE TABLE bulk_load_deferred (kind TEXT NOT NULL, name TEXT NOT NULL, tbl TEXT NOT NULL, "
    "definition TEXT NOT NULL, PRIMARY KEY (kind, name))",
    "CREATE TABLE bulk_load_pending (begun_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    """CREATE FUNCTION bulk_load_end() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = @schema, pg_temp AS $$
DECLARE
    r RECORD;
    made INTEGER := 0;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM bulk_load_deferred) THEN
        RETURN 0;
    END IF;
    PERFORM set_config('maintenance_work_mem', '256MB', TRUE);  -- the GIN builds' sorts, this transaction only
    FOR r IN SELECT definition FROM bulk_load_deferred ORDER BY kind DESC, name LOOP  -- primary, indexes, foreign
        EXECUTE r.definition;
        made := made + 1;
    END LOOP;
    DELETE FROM bulk_load_deferred;
    DELETE FROM bulk_load_pending;
    RETURN made;
END $$""",
    """CREATE FUNCTION bulk_load_begin() RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = @schema, pg_temp AS $$
DECLARE
    r RECORD;
BEGIN
    IF EXISTS (SELECT 1 FROM bulk_load_deferred) THEN
        RETURN TRUE;  -- begun already in this transaction (another's would still hold the lock below)
    END IF;
    IF EXISTS (SELECT 1 FROM customer) THEN
        RETURN FALSE;  -- a book in use keeps its indexes; and no lock is taken
    END IF;
    LOCK TABLE customer IN EXCLUSIVE MODE;  -- no other writer adds a customer until this load commits
    IF EXISTS (SELECT 1 FROM customer) THEN
        RETURN FALSE;  -- another load committed while this one waited
    END IF;
    INSERT INTO bulk_load_deferred (kind, name, tbl, definition)
    SELECT 'fkey', c.conname, t.relname,
           format('ALTER TABLE %I ADD CONSTRAINT %I ', t.relname, c.conname) || pg_get_constraintdef(c.oid)
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
    WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace AND t.relname = ANY(@tables);
    INSERT INTO bulk_load_deferred (kind, name, tbl, definition)
    SELECT 'index', i.relname, t.relname, pg_get_indexdef(x.indexrelid)
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
    WHERE NOT x.indisunique AND NOT x.indisprimary AND t.relnamespace = current_schema()::regnamespace
      AND t.relname = ANY(@tables)
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid);
    INSERT INTO bulk_load_deferred (kind, name, tbl, definition)  -- keys nobody refers to nor upserts on
    SELECT 'pkey', c.conname, t.relname,
           format('ALTER TABLE %I ADD CONSTRAINT %I ', t.relname, c.conname) || pg_get_constraintdef(c.oid)
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
    WHERE c.contype = 'p' AND t.relnamespace = current_schema()::regnamespace AND t.relname = ANY(@rebuilt_keys);
    FOR r IN SELECT kind, name, tbl FROM bulk_load_deferred ORDER BY kind, name LOOP  -- keys, then indexes
        IF r.kind IN ('fkey', 'pkey') THEN
            EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', r.tbl, r.name);
        ELSE
            EXECUTE format('DROP INDEX %I', r.name);
        END IF;
    END LOOP;
    INSERT INTO bulk_load_pending DEFAULT VALUES;  -- its deferred trigger ends the load at commit at the latest
    RETURN TRUE;
END $$""",
    """CREATE FUNCTION bulk_load_at_commit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = @schema, pg_temp AS $$
BEGIN
    PERFORM bulk_load_end();
    RETURN NULL;
END $$""",
    "CREATE CONSTRAINT TRIGGER bulk_load_at_commit AFTER INSERT ON bulk_load_pending "
    "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bulk_load_at_commit()",
    f"""CREATE FUNCTION bulk_load_bounds() RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = @schema, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM bulk_load_deferred) THEN
        RETURN FALSE;  -- only a bulk load's own customers: a book in use keeps the bounds it has
    END IF;
    DELETE FROM search_band;
    INSERT INTO search_band (sort, bounds)
    SELECT 'name', coalesce(array_agg(name ORDER BY r), '{{}}') FROM (
        SELECT name, row_number() OVER (ORDER BY name COLLATE nocase, id) AS r, count(*) OVER () AS n
        FROM customer WHERE name IS NOT NULL) AS ranked
    WHERE r > 1 AND (r - 1) % greatest(n / {BANDS["name"]}, 1) = 0;
    INSERT INTO search_band (sort, bounds)
    SELECT 'last_contact', coalesce(array_agg(last_contact_at ORDER BY r), '{{}}') FROM (
        SELECT last_contact_at, row_number() OVER (ORDER BY last_contact_at, id) AS r, count(*) OVER () AS n
        FROM customer WHERE last_contact_at IS NOT NULL) AS ranked
    WHERE r > 1 AND (r - 1) % greatest(n / {BANDS["last_contact"]}, 1) = 0;
    RETURN TRUE;
END $$""",
)
FUNCTIONS = ("bulk_load_begin()", "bulk_load_end()", "bulk_load_bounds()")


def apply(db: Database) -> None:
    """Step 20: the notes table, the functions and their deferred check, granted to the team's groups."""
    tables = "ARRAY[" + ", ".join(f"'{t}'" for t in BULK_TABLES) + "]::name[]"
    keys = "ARRAY[" + ", ".join(f"'{t}'" for t in REBUILT_KEYS) + "]::name[]"
    # the book's schema, then pg_temp last: a temporary table named `customer` cannot stand in for the book's
    schema = db.execute_sql("SELECT quote_ident(current_schema())").fetchone()[0]
    for statement in SCHEMA:
        db.execute_sql(statement.replace("@tables", tables).replace("@rebuilt_keys", keys).replace("@schema", schema))
    # read by all (what a load dropped: the catalogue says as much), written by the owner's functions only
    db.execute_sql(f"REVOKE ALL ON bulk_load_deferred, bulk_load_pending FROM {SALES}, {MANAGERS}")
    db.execute_sql(f"GRANT SELECT ON bulk_load_deferred, bulk_load_pending TO {SALES}, {MANAGERS}")
    for function in (*FUNCTIONS, "bulk_load_at_commit()"):
        db.execute_sql(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
    for function in FUNCTIONS:
        db.execute_sql(f"GRANT EXECUTE ON FUNCTION {function} TO {SALES}, {MANAGERS}")


def begin(db: Database) -> bool:
    """Start a bulk load in the caller's transaction when the book holds no customer (above); False: not."""
    return bool(db.execute_sql("SELECT bulk_load_begin()").fetchone()[0])


def draw_bounds(db: Database) -> bool:
    """The search bands' bounds from the customers this bulk load wrote; False (nothing done) outside one."""
    return bool(db.execute_sql("SELECT bulk_load_bounds()").fetchone()[0])


def end(db: Database) -> int:
    """Create again what `begin` dropped (the foreign keys checked); how many indexes and keys that was."""
    return int(db.execute_sql("SELECT bulk_load_end()").fetchone()[0])
