"""What team mode asks of a server book's catalog: who is connected, who is a person, who is a manager,
and a lock on a name. PostgreSQL-only SQL, kept here (DESIGN rule 1); a laptop book has no people.

People are login roles (docs/team-server.md): every salesperson is a member of the group role SALES_ROLE,
every manager of MANAGERS_ROLE. A manager's rights (handover, every customer) are the database's
row-level security policies; `is_manager` only lets the app say so before it asks.
"""

from __future__ import annotations

from peewee import Database, PostgresqlDatabase

SALES_ROLE = "trade_crm_sales"
MANAGERS_ROLE = "trade_crm_managers"


def is_server(db: Database) -> bool:
    """True for a book on a PostgreSQL server (team mode); False for a laptop's SQLite book."""
    return isinstance(db, PostgresqlDatabase)


def current_login(db: Database) -> str:
    """The login role this connection acts as."""
    return db.execute_sql("SELECT current_user").fetchone()[0]


def login_exists(db: Database, name: str) -> bool:
    """`name` is a role that can log in (a person, or the database's owner)."""
    return db.execute_sql("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ? AND rolcanlogin)",
                          (name,)).fetchone()[0]


def is_manager(db: Database, name: str | None = None) -> bool:
    """`name` (default: the connected login) is a manager: a member of MANAGERS_ROLE, a superuser, or the
    database's owner (who created the schema). False when no managers' group exists yet."""
    row = db.execute_sql(
        "SELECT r.rolsuper OR r.oid = (SELECT datdba FROM pg_database WHERE datname = current_database()) "
        "OR coalesce((SELECT pg_has_role(r.oid, g.oid, 'MEMBER') FROM pg_roles g WHERE g.rolname = ?), FALSE) "
        "FROM pg_roles r WHERE r.rolname = coalesce(?, current_user)", (MANAGERS_ROLE, name)).fetchone()
    return bool(row and row[0])


def lock_name(db: Database, name: str) -> None:
    """Hold a lock on `name` until the current transaction ends: a second transaction asking for the same
    name waits (pg_advisory_xact_lock on a hash of it)."""
    db.execute_sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", (f"trade_crm:{name}",))


INSUFFICIENT_PRIVILEGE = "42501"  # SQLSTATE of a row-level security violation and of a missing grant


def is_refusal(exc: BaseException) -> bool:
    """`exc` (peewee's wrapper, or psycopg's own error) is the server refusing a write under its rules."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if getattr(current, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
            return True
        inner = current.args[0] if current.args and isinstance(current.args[0], BaseException) else None
        current = inner or current.__cause__ or current.__context__
    return False


def people_logins(db: Database) -> list[str]:
    """The login roles of the people: members of the salespeople's or the managers' group, by name."""
    return [name for (name,) in db.execute_sql(
        "SELECT DISTINCT r.rolname FROM pg_roles r JOIN pg_auth_members m ON m.member = r.oid "
        "JOIN pg_roles g ON g.oid = m.roleid WHERE r.rolcanlogin AND g.rolname IN (?, ?) ORDER BY r.rolname",
        (SALES_ROLE, MANAGERS_ROLE))]


def owner_of(db: Database, customer_id: int) -> str | None:
    """Who owns a customer (None: nobody, or no such customer), also one this login may not see: a name is
    not customer data, and a refused claim says who was first. The server's rules provide `team_owner_of`
    (a SECURITY DEFINER function); a book without them is read directly."""
    if db.execute_sql("SELECT to_regprocedure('team_owner_of(integer)') IS NOT NULL").fetchone()[0]:
        return db.execute_sql("SELECT team_owner_of(?)", (customer_id,)).fetchone()[0]
    row = db.execute_sql("SELECT owner FROM customer WHERE id = ?", (customer_id,)).fetchone()
    return row[0] if row else None
