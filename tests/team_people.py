"""The team for handover and the pool: two salespeople (ann, bob) and a manager (mia) on the test server,
as tests/postgres_server.py's `team` makes them; `staff` is their connections by name, with the models
bound to mia's (a manager: the tests write their customers and read the results as her)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from trade_crm.store.models import Customer

NOW = datetime(2026, 11, 23, 1, 30, tzinfo=timezone.utc)


def password(name: str) -> str:
    """A person's password on the test server (as tests/postgres_server.py makes people's)."""
    return f"{name}-secret"


@pytest.fixture
def staff(team):
    team.act("mia")
    return team.books


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
def own_book(postgres_server, pg_book_url):
    """A book of the test's own, for bulk rows or a trigger that must not stay in the shared book (its
    churn would leave the shared customer table's statistics to other tests): (its name, mia's connection
    there, bound to the models)."""
    dbname = pg_book_url.rsplit("/", 1)[1]
    for name in ("ann", "bob"):
        postgres_server.person(name)
    mia = postgres_server.person("mia", manager=True).open(dbname)
    yield dbname, mia
    mia.close()
