"""A second connection to the test's book, as another person's app holds one: another peewee database
object on the same SQLite file, or another login session on the same server database.

The models are bound to one proxy, so a test speaks through a connection by binding it for a block:
`with speaking_through(second_book): update_customer(...)`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.postgres_server import OWNER_PASSWORD
from trade_crm.store.db import open_database
from trade_crm.store.models import database
from trade_crm.store.postgres import open_postgres


@contextmanager
def speaking_through(db) -> Iterator[None]:
    """Bind the models to `db` for the block, then back to the connection bound before."""
    before = database.obj
    database.initialize(db)
    try:
        yield
    finally:
        database.initialize(before)


@pytest.fixture
def second_book(request, book):
    """Another connection to `book` (whichever engine it is); the models stay bound to `book`."""
    callspec = getattr(request.node, "callspec", None)
    if callspec is not None and callspec.params.get("book") == "postgresql":
        other = open_postgres(request.getfixturevalue("pg_url"), password=OWNER_PASSWORD, migrate=False)
    else:
        other = open_database(book.database, migrate=False)
    database.initialize(book)
    yield other
    other.close()
