"""One suite, both engines (#18 item 1): a conftest that imports these runs every test of its folder that
uses the `db` fixture twice, on a SQLite file and on the emptied PostgreSQL book (tests/postgres_server.py).

A test that needs what only a SQLite file has (the file on disk, an encrypted copy of it, a backup,
PRAGMAs) says so with `@pytest.mark.sqlite_only("why")` and runs on SQLite alone under its usual name, or
asks for `sqlite_db` instead of `db`. Usage, in a conftest.py:

    from tests.both_engines import db, db_location, pytest_configure, pytest_generate_tests, sqlite_db  # noqa: F401

A CLI test passes `--db {db_location}`: the book's file, or the server book's URL (its password in PGPASSWORD,
where libpq finds it, as a script on a team server would).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from peewee import SqliteDatabase

from tests.book_template import open_new_book
from tests.postgres_server import ENGINES, MANAGER, MANAGER_PASSWORD, OWNER, OWNER_PASSWORD
from trade_crm.store.db import close_database


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only(reason): the test needs a SQLite file; it runs on SQLite alone")


def sqlite_only(definition) -> bool:
    marker = definition.get_closest_marker("sqlite_only")
    if marker is not None and not marker.args:
        raise pytest.UsageError(f"{definition.nodeid}: sqlite_only needs a reason")
    return marker is not None


def pytest_generate_tests(metafunc):
    if "db" in metafunc.fixturenames and not sqlite_only(metafunc.definition):
        metafunc.parametrize("db", ENGINES, indirect=True)


@pytest.fixture
def db(request):
    """An empty book: a SQLite file, or (parametrised above) the shared PostgreSQL book, emptied."""
    if getattr(request, "param", "sqlite") == "postgresql":
        return request.getfixturevalue("pg_db")
    return request.getfixturevalue("sqlite_db")


@pytest.fixture
def sqlite_db(db_path: Path):
    """A book in a SQLite file at `db_path`, whatever engine the test runs on."""
    database = open_new_book(db_path)
    yield database
    close_database(database)


@pytest.fixture
def db_location(db, db_path: Path, monkeypatch) -> str:
    """What `--db` takes for this test's book: the SQLite file, or the server book's URL."""
    if isinstance(db, SqliteDatabase):
        return str(db_path)
    user = db.database.split("//", 1)[1].split("@", 1)[0]  # the login pg_db opened the book as
    monkeypatch.setenv("PGPASSWORD", {OWNER: OWNER_PASSWORD, MANAGER: MANAGER_PASSWORD}[user])
    return db.database
