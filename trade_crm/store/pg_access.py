"""Who may read and write what on a team server (#18 item 3): roles' grants, row-level security, the audit trail.

Server step 11 (store/pg_steps.py) runs `apply` as the database's owner. The rules live in the database,
not in the app, so psql sees what the app sees:

- Two group roles hold the rights: `trade_crm_sales` (every salesperson's login is a member) and
  `trade_crm_managers` (managers; they may do everything). The owner owns the tables and is nobody's daily
  login. Creating roles needs CREATEROLE, which an owner usually lacks: `roles_sql()` is what the server's
  administrator runs once (`trade-crm team setup`, or resources/team/roles.sql in psql: the same file); this
  step creates the groups itself only when its login may, and otherwise refuses in one line.
- FORCE ROW LEVEL SECURITY on every table holding customer data. A salesperson sees a customer they own,
  one shared with them, and the public pool (owner NULL); edits what they own or is shared with them; may
  claim a pool customer (owner := themselves) or release their own (owner := NULL), never give one to
  someone else (a BEFORE UPDATE trigger says so in one line). Children (contacts, timeline, orders, ...)
  follow their customer: their policies are a subquery on the customer, whose own policy then applies (a
  key probe per row). The search documents are read by all (READ_BY_ALL says why), written by policy. The
  shares' table, which the customer's policy reads, asks `team_access(customer_id, person)` instead, a STABLE
  SECURITY DEFINER function (a policy there that read the customer would recurse). The timeline is
  append-only for salespeople (no DELETE right; an UPDATE may only move an entry to another customer, as a
  merge does).
- Audit: AFTER INSERT/UPDATE/DELETE row triggers on the customer-data tables write one `audit_entry` per
  changed row (since step 15, store/pg_set_triggers.py, the inserted rows' entries are written once a
  statement, from a transition table: the same entries) (who = the login, at = UTC text, before/after as JSON: whole rows for an insert or a delete,
  the changed columns for an update). The function is SECURITY DEFINER: nobody else may write the table.
  Rows removed or nulled by a cascade are not noted again (their customer or contact is gone by then: RI
  actions fire their triggers at the outer statement's level, so pg_trigger_depth cannot tell): the parent's
  own entry covers them.
"""

from __future__ import annotations

import re

from peewee import Database

from trade_crm.resources import resource_path
from trade_crm.store.errors import DatabaseError

SALES, MANAGERS = "trade_crm_sales", "trade_crm_managers"
GROUPS = (SALES, MANAGERS)

# table -> how a row names its customer (the JSON key of the row; contact_channel goes through its contact)
CUSTOMER_OF = {
    "contact": "customer_id",
    "contact_channel": "contact_id",
    "interaction": "customer_id",
    "opportunity": "customer_id",
    "orders": "customer_id",
    "customer_tag": "customer_id",
    "custom_field_value": "customer_id",
    "customer_share": "customer_id",
    "customer_segment": "customer_id",
    "reminder": "customer_id",
    "merge_record": "kept_id",
    "search_trigram": "rowid",
    "search_words": "rowid",
    "audit_entry": "customer_id",
}
AUDITED = ("customer", "contact", "contact_channel", "interaction", "opportunity", "orders", "customer_tag",
           "customer_share")
# Derived data a salesperson's app writes for every customer it sees (the search index, reminders, segments):
# writable where the customer is visible, not only where it is editable.
DERIVED = frozenset({"customer_segment", "reminder", "search_trigram", "search_words"})
# Columns the app computes for every visible customer (reminders settle follow-up days, insights the stage):
# a pool customer's may change without a claim.
COMPUTED_COLUMNS = ("lifecycle", "follow_up_on", "last_contact_at", "updated_at", "version")

ROLES_SQL_FILE = ("team", "roles.sql")


def roles_sql() -> str:
    """The group roles, created where missing: what the administrator runs once per server."""
    return resource_path(*ROLES_SQL_FILE).read_text(encoding="utf-8")


FUNCTIONS = (
    # 3 own, 2 shared with the person, 1 the pool, 0 someone else's; NULL when no such customer
    """CREATE FUNCTION team_access(p_customer bigint, p_person text) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT CASE WHEN c.owner = $2 THEN 3
                WHEN EXISTS (SELECT 1 FROM customer_share s WHERE s.customer_id = c.id AND s.person = $2) THEN 2
                WHEN c.owner IS NULL THEN 1
                ELSE 0 END
    FROM customer c WHERE c.id = $1
$$""",
    # who owns a customer, for a refusal that names them (a name, not customer data)
    """CREATE FUNCTION team_owner_of(p_customer integer) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT owner FROM customer WHERE id = $1
$$""",
    f"""CREATE FUNCTION team_restricted() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(current_user, '{SALES}', 'MEMBER') AND NOT pg_has_role(current_user, '{MANAGERS}', 'MEMBER')
$$""",
    f"""CREATE FUNCTION team_customer_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT team_restricted() THEN
        RETURN NEW;
    END IF;
    IF NEW.owner IS DISTINCT FROM OLD.owner THEN
        IF OLD.owner IS NULL AND NEW.owner = current_user THEN
            RETURN NEW;  -- a claim from the pool
        ELSIF OLD.owner = current_user AND NEW.owner IS NULL THEN
            RETURN NEW;  -- a release to the pool
        ELSIF OLD.owner IS NULL THEN
            RAISE EXCEPTION 'customer % is in the pool: % may claim it only for themselves', OLD.id, current_user
                USING ERRCODE = 'insufficient_privilege';
        ELSIF OLD.owner = current_user THEN
            RAISE EXCEPTION 'customer % is yours: only a manager may hand it over to %', OLD.id, NEW.owner
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RAISE EXCEPTION 'customer % belongs to %: only a manager may hand it over', OLD.id, OLD.owner
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.owner IS NULL
            AND to_jsonb(NEW) - '{{{",".join(COMPUTED_COLUMNS)}}}'::text[]
                IS DISTINCT FROM to_jsonb(OLD) - '{{{",".join(COMPUTED_COLUMNS)}}}'::text[] THEN
        RAISE EXCEPTION 'customer % is in the pool: claim it before changing it', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$""",
    # Moving a timeline entry to another customer (a merge) is the only change a salesperson may make to one.
    """CREATE FUNCTION team_interaction_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF team_restricted() AND to_jsonb(NEW) - 'customer_id' IS DISTINCT FROM to_jsonb(OLD) - 'customer_id' THEN
        RAISE EXCEPTION 'timeline entries are append-only: % may add one, not change entry %', current_user, OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$""",
    # One entry per changed row; TG_ARGV[0] names the row's customer (a JSON key of the row). Tables are named
    # with their schema (@schema) instead of a SET search_path clause, which costs a configuration change on
    # every call; the schema also keeps a caller's temporary table from standing in for one of ours.
    """CREATE FUNCTION team_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    old_row jsonb;
    new_row jsonb;
    cur jsonb;
    v_customer integer;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        old_row := to_jsonb(OLD);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_row := to_jsonb(NEW);
    END IF;
    cur := coalesce(new_row, old_row);
    IF TG_ARGV[0] = 'contact_id' THEN
        SELECT c.customer_id INTO v_customer FROM @schema.contact c WHERE c.id = (cur ->> 'contact_id')::integer;
    ELSE
        v_customer := (cur ->> TG_ARGV[0])::integer;
    END IF;
    -- Rows a cascade removed or nulled (their customer or contact is gone): the parent's own entry covers them.
    IF TG_OP = 'DELETE' AND TG_TABLE_NAME <> 'customer'
            AND (v_customer IS NULL OR NOT EXISTS (SELECT 1 FROM @schema.customer WHERE id = v_customer)) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'interaction' AND new_row ->> 'contact_id' IS NULL
            AND old_row ->> 'contact_id' IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM @schema.contact WHERE id = (old_row ->> 'contact_id')::integer) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        SELECT jsonb_object_agg(n.key, old_row -> n.key), jsonb_object_agg(n.key, n.value)
            INTO old_row, new_row
            FROM jsonb_each(new_row) n WHERE old_row -> n.key IS DISTINCT FROM n.value;
        IF new_row IS NULL THEN
            RETURN NULL;  -- nothing changed
        END IF;
    END IF;
    INSERT INTO @schema.audit_entry (at, actor, tbl, row_id, customer_id, action, before, after)
    VALUES (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), session_user, TG_TABLE_NAME,
            (cur ->> 'id')::integer, v_customer, lower(TG_OP), old_row::text, new_row::text);
    RETURN NULL;
END $$""",
)


SHARED_WITH_ME = "SELECT s.customer_id FROM customer_share s WHERE s.person = current_user"
# Readable by every salesperson: the search documents. A policy on them would run before the LIKE / @> of a
# search (those operators are not LEAKPROOF, so row-level security may not let them go first), which takes
# the GIN indexes away: a seq scan with a customer probe per document (bench/bench_pg_access.py: 2.2 s
# instead of 0.17 s for "trading" on 100k). Their writes stay guarded; docs/team-server.md names the gap.
READ_BY_ALL = frozenset({"search_trigram", "search_words"})


def _rule(table: str, key: str, level: int) -> str:
    """The condition for a row of `table` whose customer is `key`: 1 the customer is visible, 2 editable,
    3 owned. Visibility is the customer's own policy, reached through a subquery on the customer: the
    planner probes its primary key per row. (OFFSET 0 keeps it from hashing every visible customer
    instead, which it picked for 50-row pages: 40-70 ms a query on 100k.) The shares' table asks the
    SECURITY DEFINER function instead, since the customer's policy reads the shares."""
    column = f"{table}.{key}"
    if table == "customer_share":
        access = f"team_access({column}, current_user)"
        return f"(customer_share.person = current_user OR {access} >= 1)" if level == 1 else f"{access} >= {level}"
    mine = {1: "", 2: f" AND (c.owner = current_user OR c.id IN ({SHARED_WITH_ME}))",
            3: " AND c.owner = current_user"}[level]
    if key == "contact_id":
        if level == 1:  # the contact's own policy sees to its customer
            return f"EXISTS (SELECT 1 FROM contact k WHERE k.id = {column} OFFSET 0)"
        return (f"EXISTS (SELECT 1 FROM contact k JOIN customer c ON c.id = k.customer_id "
                f"WHERE k.id = {column}{mine} OFFSET 0)")
    rule = f"EXISTS (SELECT 1 FROM customer c WHERE c.id = {column}{mine} OFFSET 0)"
    return f"({column} IS NULL OR {rule})" if table == "reminder" else rule


def _policies(table: str, key: str) -> list[str]:
    write = 1 if table in DERIVED else 3 if table == "customer_share" else 2  # shares: the owner's (or a manager's)
    read = "true" if table in READ_BY_ALL else _rule(table, key, 1)
    statements = [f"CREATE POLICY team_sales_read ON {table} FOR SELECT TO {SALES} USING ({read})"]
    if table == "audit_entry":
        return statements
    writable = _rule(table, key, write)
    statements += [
        f"CREATE POLICY team_sales_insert ON {table} FOR INSERT TO {SALES} WITH CHECK ({writable})",
        f"CREATE POLICY team_sales_update ON {table} FOR UPDATE TO {SALES} USING ({writable}) WITH CHECK ({writable})",
    ]
    if table != "interaction":
        statements.append(f"CREATE POLICY team_sales_delete ON {table} FOR DELETE TO {SALES} USING ({writable})")
    return statements


CUSTOMER_POLICIES = (
    f"CREATE POLICY team_sales_read ON customer FOR SELECT TO {SALES} USING (owner = current_user OR owner IS NULL "
    f"OR id IN ({SHARED_WITH_ME}))",
    f"CREATE POLICY team_sales_insert ON customer FOR INSERT TO {SALES} WITH CHECK (owner = current_user)",
    f"CREATE POLICY team_sales_update ON customer FOR UPDATE TO {SALES} USING (owner = current_user OR owner IS NULL "
    f"OR id IN ({SHARED_WITH_ME})) WITH CHECK (true)",
    f"CREATE POLICY team_sales_delete ON customer FOR DELETE TO {SALES} USING (owner = current_user)",
)


def missing_groups(db: Database) -> list[str]:
    present = {name for (name,) in db.execute_sql("SELECT rolname FROM pg_roles WHERE rolname IN (?, ?)", GROUPS)}
    return [name for name in GROUPS if name not in present]


def ensure_groups(db: Database) -> None:
    """The group roles exist after this, or a DatabaseError says who must create them."""
    missing = missing_groups(db)
    if not missing:
        return
    may_create = db.execute_sql(
        "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user").fetchone()[0]
    if not may_create:
        raise DatabaseError(f"the server has no role {' or '.join(missing)}, and this login may not create roles: "
                            "ask the server's administrator to run `trade-crm team setup` (or "
                            "resources/team/roles.sql in psql) once")
    db.execute_sql(roles_sql())


def apply(db: Database) -> None:
    """Step 11: grants, row-level security and the audit trail. Runs as the database's owner."""
    ensure_groups(db)
    owner = db.execute_sql("SELECT current_user").fetchone()[0]
    tables = [t for (t,) in db.execute_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")]
    groups = f"{SALES}, {MANAGERS}"
    data_tables = [t for t in tables if t != "schema_version"]
    db.execute_sql(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {', '.join(data_tables)} TO {groups}")
    db.execute_sql(f"REVOKE INSERT, UPDATE, DELETE ON audit_entry FROM {groups}")
    db.execute_sql(f"REVOKE DELETE ON interaction FROM {SALES}")
    # UPDATE: setval, for a bulk writer that picks its ids and moves the sequence past them (store.sql_rows)
    db.execute_sql(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {_schema(db)} TO {groups}")
    db.execute_sql(f"REVOKE ALL ON SEQUENCE audit_entry_id_seq FROM {groups}")
    # tables and sequences of later steps: the same rights (their row-level security is each step's own)
    db.execute_sql(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {_schema(db)} "
                   f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {groups}")
    db.execute_sql(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {_schema(db)} "
                   f"GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {groups}")
    db.execute_sql("ALTER TABLE customer ALTER COLUMN owner SET DEFAULT current_user")
    for statement in FUNCTIONS:
        db.execute_sql(statement.replace("@schema", _schema(db)))
    for table in ("customer", *CUSTOMER_OF):
        db.execute_sql(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        db.execute_sql(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        db.execute_sql(f'CREATE POLICY team_owner ON {table} TO "{owner}" USING (true) WITH CHECK (true)')
        db.execute_sql(f"CREATE POLICY team_managers ON {table} TO {MANAGERS} USING (true) WITH CHECK (true)")
        for statement in CUSTOMER_POLICIES if table == "customer" else _policies(table, CUSTOMER_OF[table]):
            db.execute_sql(statement)
    db.execute_sql("CREATE TRIGGER team_customer_rules BEFORE UPDATE ON customer "
                   "FOR EACH ROW EXECUTE FUNCTION team_customer_rules()")
    db.execute_sql("CREATE TRIGGER team_interaction_rules BEFORE UPDATE ON interaction "
                   "FOR EACH ROW EXECUTE FUNCTION team_interaction_rules()")
    for table in AUDITED:
        key = "id" if table == "customer" else CUSTOMER_OF[table]
        db.execute_sql(f"CREATE TRIGGER team_audit AFTER INSERT OR UPDATE OR DELETE ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION team_audit('{key}')")


def secure_derived(db: Database, table: str, key: str) -> None:
    """A later step's table that triggers keep from another (not written by the app): read under the same
    rule as the customer's own rows, written only by its SECURITY DEFINER trigger function."""
    owner = db.execute_sql("SELECT current_user").fetchone()[0]
    db.execute_sql(f"REVOKE INSERT, UPDATE, DELETE ON {table} FROM {SALES}, {MANAGERS}")
    db.execute_sql(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    db.execute_sql(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    db.execute_sql(f'CREATE POLICY team_owner ON {table} TO "{owner}" USING (true) WITH CHECK (true)')
    db.execute_sql(f"CREATE POLICY team_managers ON {table} FOR SELECT TO {MANAGERS} USING (true)")
    db.execute_sql(f"CREATE POLICY team_sales_read ON {table} FOR SELECT TO {SALES} USING ({_rule(table, key, 1)})")


def secure_customer_rows(db: Database, table: str, key: str) -> None:
    """A later step's table of a customer's own rows (the app writes them): the rules step 11 gives the
    tables of CUSTOMER_OF, read where the customer is visible and written where it is editable."""
    owner = db.execute_sql("SELECT current_user").fetchone()[0]
    db.execute_sql(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    db.execute_sql(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    db.execute_sql(f'CREATE POLICY team_owner ON {table} TO "{owner}" USING (true) WITH CHECK (true)')
    db.execute_sql(f"CREATE POLICY team_managers ON {table} TO {MANAGERS} USING (true) WITH CHECK (true)")
    for statement in _policies(table, key):
        db.execute_sql(statement)


def secure_child_rows(db: Database, table: str, parent: str, key: str) -> None:
    """A later step's table of rows that belong to a customer's row of `parent` (a quotation's lines): read where
    the parent is visible (its own policy decides), written where the parent's customer is editable."""
    owner = db.execute_sql("SELECT current_user").fetchone()[0]
    visible = f"EXISTS (SELECT 1 FROM {parent} p WHERE p.id = {table}.{key} OFFSET 0)"
    editable = (f"EXISTS (SELECT 1 FROM {parent} p JOIN customer c ON c.id = p.customer_id WHERE p.id = {table}.{key}"
                f" AND (c.owner = current_user OR c.id IN ({SHARED_WITH_ME})) OFFSET 0)")
    db.execute_sql(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    db.execute_sql(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    db.execute_sql(f'CREATE POLICY team_owner ON {table} TO "{owner}" USING (true) WITH CHECK (true)')
    db.execute_sql(f"CREATE POLICY team_managers ON {table} TO {MANAGERS} USING (true) WITH CHECK (true)")
    db.execute_sql(f"CREATE POLICY team_sales_read ON {table} FOR SELECT TO {SALES} USING ({visible})")
    db.execute_sql(f"CREATE POLICY team_sales_insert ON {table} FOR INSERT TO {SALES} WITH CHECK ({editable})")
    db.execute_sql(f"CREATE POLICY team_sales_update ON {table} FOR UPDATE TO {SALES} USING ({editable}) "
                   f"WITH CHECK ({editable})")
    db.execute_sql(f"CREATE POLICY team_sales_delete ON {table} FOR DELETE TO {SALES} USING ({editable})")


def _schema(db: Database) -> str:
    return db.execute_sql("SELECT quote_ident(current_schema())").fetchone()[0]


def valid_role_name(name: str) -> bool:
    """A login name that needs no quoting anywhere: lower-case letters, digits and _, not a group's prefix."""
    return bool(re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name)) and not name.startswith(("trade_crm_", "pg_"))


def role_exists(db: Database, name: str) -> bool:
    return db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = ?", (name,)).fetchone() is not None


def create_login(db: Database, name: str, password: str, *, manager: bool) -> None:
    """A person's login role, a member of the sales group (and the managers' for a manager). The password
    goes to the server already hashed (SCRAM, as psql's \\password does): never as text in a statement."""
    if not valid_role_name(name):
        raise ValueError(name)
    verifier = db.connection().pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256")
    db.execute_sql(f"CREATE ROLE {name} LOGIN PASSWORD '{verifier.decode()}'")
    db.execute_sql(f"GRANT {SALES}{', ' + MANAGERS if manager else ''} TO {name}")


def create_owner(db: Database, name: str) -> bool:
    """The role that owns a book's tables: NOLOGIN (nobody's daily login; an administrator acts as it to
    create or upgrade the schema). The connected administrator becomes a member, as CREATE DATABASE ...
    OWNER needs of a login that is not a superuser. False when it existed already."""
    if not valid_role_name(name):
        raise ValueError(name)
    created = not role_exists(db, name)
    if created:
        db.execute_sql(f"CREATE ROLE {name} NOLOGIN")
    if not db.execute_sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()[0]:
        db.execute_sql(f"GRANT {name} TO current_user")
    return created


def people_rows(db: Database) -> list[tuple[str, bool, bool]]:
    """(login, manager, may log in) of every member of the groups, by name; superusers are not people."""
    return list(db.execute_sql(
        f"SELECT r.rolname, pg_has_role(r.oid, '{MANAGERS}', 'MEMBER'), r.rolcanlogin FROM pg_roles r "
        f"WHERE NOT r.rolsuper AND r.rolname NOT IN ('{SALES}', '{MANAGERS}') "
        f"AND (pg_has_role(r.oid, '{SALES}', 'MEMBER') OR pg_has_role(r.oid, '{MANAGERS}', 'MEMBER')) "
        "ORDER BY r.rolname"))
