"""People on the test server for handover and the pool: two salespeople (ann, bob) and a manager (mia).

Until the roles' grants and row-level security policies (server step 11) are in the book, the group
roles and table grants are made here with plain SQL, as the team-mode contract names them; each login
gets a book of its own connection, so that two of them can work at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest

from tests.postgres_server import SHARED
from trade_crm.store.models import Customer, database
from trade_crm.store.pg_book import PostgresBook


def password(name: str) -> str:
    """A person's password on the test server (as tests/postgres_server.py makes people's)."""
    return f"{name}-secret"

SALES, MANAGERS = ("ann", "bob", "mia"), ("mia",)
NOW = datetime(2026, 11, 23, 1, 30, tzinfo=timezone.utc)


def create_people(server, dbname: str) -> None:
    statements = [
        "DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'trade_crm_sales') THEN "
        "CREATE ROLE trade_crm_sales NOLOGIN; END IF; END$$",
        "DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'trade_crm_managers') THEN "
        "CREATE ROLE trade_crm_managers NOLOGIN; END IF; END$$",
    ]
    for name in SALES:
        statements.append(f"DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') THEN "
                          f"CREATE ROLE {name} LOGIN PASSWORD '{password(name)}' IN ROLE trade_crm_sales; END IF; END$$")
    statements += [f"GRANT trade_crm_managers TO {name}" for name in MANAGERS]
    for statement in statements:
        server.execute(statement)
    for statement in ("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO trade_crm_sales",
                      "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO trade_crm_sales"):
        server.execute(statement, dbname=dbname)


@pytest.fixture(scope="session")
def people(postgres_server):
    create_people(postgres_server, SHARED)
    return postgres_server


def connect(server, name: str, dbname: str = SHARED) -> PostgresBook:
    """A connection as `name` that leaves the models' binding alone (the test's own book stays bound)."""
    db = PostgresBook(server.url(name, dbname), autoconnect=True, password=password(name))
    db.connect()
    return db


@pytest.fixture
def staff(people, pg_db) -> Iterator[dict[str, PostgresBook]]:
    """The empty shared book (bound, as its owner: `pg_db`) and a connection as each person."""
    books = {name: connect(people, name) for name in SALES}
    yield books
    for db in books.values():
        db.close()


def add_customers(count: int, owner: str | None, *, created: datetime = NOW - timedelta(days=400),
                  last_contact: datetime | None = None, prefix: str = "Customer") -> list[int]:
    """`count` customers of `owner`, written through the bound book; their ids in order."""
    first = (Customer.select(Customer.id).order_by(Customer.id.desc()).limit(1).scalar() or 0) + 1
    rows = [dict(name=f"{prefix} {owner or 'pool'} {i}", created_at=created, updated_at=created, owner=owner,
                 last_contact_at=last_contact) for i in range(count)]
    for start in range(0, len(rows), 1000):
        Customer.insert_many(rows[start:start + 1000]).execute()
    return [c.id for c in Customer.select(Customer.id).where(Customer.id >= first).order_by(Customer.id)]


@pytest.fixture
def own_book(people, pg_book_url):
    """A book of the test's own, for bulk rows or a trigger that must not stay in the shared book (its
    churn would leave the shared customer table's statistics to other tests): (its name, mia's connection
    there, bound to the models)."""
    dbname = pg_book_url.rsplit("/", 1)[1]
    create_people(people, dbname)
    mia = connect(people, "mia", dbname)
    database.initialize(mia)
    yield dbname, mia
    mia.close()
