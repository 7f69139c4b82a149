"""A team on the test server: ann and bob sell, mia manages; each opens the same empty book as herself.

The models are bound to one database at a time (store.models.database); `team.act(person)` binds the
person's connection, as that person's app would have it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.postgres_server import SHARED
from trade_crm.store.models import database


@dataclass
class Team:
    books: dict

    def act(self, name: str):
        """Bind `name`'s connection to the models and return it (for raw SQL as that person)."""
        db = self.books[name]
        database.initialize(db)
        return db

    def sql(self, name: str, statement: str, params=()):
        return self.books[name].execute_sql(statement, params)


@pytest.fixture
def team(pg_url, postgres_server):
    people = {"ann": postgres_server.person("ann"), "bob": postgres_server.person("bob"),
              "mia": postgres_server.person("mia", manager=True)}
    books = {name: person.open(SHARED) for name, person in people.items()}
    yield Team(books)
    for db in books.values():
        db.close()
