"""The people of a team server: salespeople's and managers' login roles, and setting up a company's server.

A person is a PostgreSQL login role, a member of the group `trade_crm_sales` (a manager also of
`trade_crm_managers`); the book's rules (store/pg_access.py) grant the groups, never a person. Creating
roles and databases is the server administrator's (a superuser, or a login with CREATEROLE and CREATEDB).
"""

from __future__ import annotations

from dataclasses import dataclass

from trade_crm.domain.errors import ValidationError
from trade_crm.store import pg_access
from trade_crm.store.errors import DatabaseError
from trade_crm.store.models import database
from trade_crm.store.postgres import connect_postgres, is_server_url, open_postgres

DEFAULT_OWNER = "crm_owner"


@dataclass(frozen=True)
class Person:
    name: str
    manager: bool
    can_log_in: bool
    customers: int  # customers this person owns, as far as the one asking sees


@dataclass(frozen=True)
class SetupSummary:
    server: str
    book: str
    owner: str
    owner_created: bool
    database_created: bool
    schema_version: int


def _require_server() -> None:
    if getattr(database.obj, "engine", "sqlite") != "postgresql":
        raise ValidationError("--db", "people live on a team server: give --db postgresql://you@host/book")


def _check_name(name: str, field: str = "name") -> str:
    name = name.strip()
    if not pg_access.valid_role_name(name):
        raise ValidationError(field, f'"{name}" is not a login name: use lower-case letters, digits and _, '
                                     "starting with a letter (not trade_crm_… or pg_…)")
    return name


def people() -> list[Person]:
    """Everyone in the groups, by name, with how many customers each owns."""
    _require_server()
    owned = dict(database.execute_sql("SELECT owner, count(*) FROM customer WHERE owner IS NOT NULL GROUP BY owner"))
    return [Person(name, manager, login, owned.get(name, 0))
            for name, manager, login in pg_access.people_rows(database.obj)]


def require_person(name: str) -> str:
    """The name of a person on this server, or a ValidationError saying there is none."""
    name = _check_name(name, "person")
    if name not in {p for p, _m, _l in pg_access.people_rows(database.obj)}:
        raise ValidationError("person", f"{name} is not a salesperson on this server (see `trade-crm team people`)")
    return name


def add_person(name: str, password: str, *, manager: bool = False) -> Person:
    """A new login role in the sales group (and the managers' with `manager`)."""
    _require_server()
    name = _check_name(name)
    if len(password) < 8:
        raise ValidationError("password", "use at least 8 characters")
    with database.atomic():
        if pg_access.role_exists(database.obj, name):
            raise ValidationError("name", f"the server has a role named {name} already")
        try:
            pg_access.create_login(database.obj, name, password, manager=manager)
        except DatabaseError as exc:  # AccessDenied: no CREATEROLE
            raise ValidationError("name", f"this login may not create roles ({exc}); ask the server's "
                                          "administrator") from None
    return Person(name, manager, True, 0)


def setup_server(server_url: str, book: str, *, owner: str = DEFAULT_OWNER, password: str | None = None,
                 locale: str | None = None) -> SetupSummary:
    """As the server's administrator: the group roles, the owner role, the book's database (UTF-8, from
    template0) and its schema with the team rules. Safe to run again: what exists is kept."""
    if not is_server_url(server_url):
        raise ValidationError("--server", "give the server as postgresql://admin@host:port/postgres")
    book = _check_name(book, "--book")
    owner = _check_name(owner, "--owner")
    if locale is not None and not all(c.isalnum() or c in "._-@" for c in locale):
        raise ValidationError("--locale", f'"{locale}" is not a locale name (e.g. C.UTF-8)')
    admin = connect_postgres(server_url, password=password)
    try:
        admin.execute_sql(pg_access.roles_sql())
        owner_created = pg_access.create_owner(admin, owner)
        exists = admin.execute_sql("SELECT 1 FROM pg_database WHERE datname = ?", (book,)).fetchone() is not None
        if not exists:
            where = f" LOCALE '{locale}'" if locale else ""
            admin.execute_sql(f"CREATE DATABASE {book} OWNER {owner} ENCODING 'UTF8' TEMPLATE template0{where}")
    except DatabaseError as exc:
        raise DatabaseError(f"setting up {book}: {exc}") from None
    finally:
        admin.close()
    book_url = server_url.strip().rsplit("/", 1)[0] + "/" + book
    db = open_postgres(book_url, password=password)  # the administrator creates the schema as the owner
    try:
        version = db.execute_sql("SELECT max(version) FROM schema_version").fetchone()[0]
    finally:
        db.close()
    return SetupSummary(server_url.strip(), book, owner, owner_created, not exists, version)
