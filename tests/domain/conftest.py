"""The domain suite runs on both engines (#18 item 1): every test that uses the `db` fixture runs once on a
SQLite file and once on an emptied PostgreSQL book (tests/postgres_server.py; ~30 ms a test).

A test that needs what only a SQLite file has (the file on disk, a backup of it, PRAGMAs) says so with
`@pytest.mark.sqlite_only("why")`, and runs on SQLite alone under its usual name. Folders listed in
SQLITE_ONLY_FOLDERS stay on SQLite as a whole until their code is ported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.book_template import open_new_book
from tests.postgres_server import ENGINES
from trade_crm.store.db import close_database

HERE = Path(__file__).parent
SQLITE_ONLY_FOLDERS = (
    HERE / "duplicates",  # port-b ports domain/duplicates: deleting this line puts it on both engines
)


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only(reason): the test needs a SQLite file; it runs on SQLite alone")


def _sqlite_only(metafunc) -> bool:
    path = Path(metafunc.definition.path)
    if any(folder in path.parents for folder in SQLITE_ONLY_FOLDERS):
        return True
    marker = metafunc.definition.get_closest_marker("sqlite_only")
    if marker is not None and not marker.args:
        raise pytest.UsageError(f"{metafunc.definition.nodeid}: sqlite_only needs a reason")
    return marker is not None


def pytest_generate_tests(metafunc):
    if "db" in metafunc.fixturenames and not _sqlite_only(metafunc):
        metafunc.parametrize("db", ENGINES, indirect=True)


@pytest.fixture
def db(request, db_path: Path):
    """An empty book: a SQLite file, or (parametrised above) the shared PostgreSQL book, emptied."""
    if getattr(request, "param", "sqlite") == "postgresql":
        yield request.getfixturevalue("pg_db")
        return
    yield request.getfixturevalue("sqlite_db")


@pytest.fixture
def sqlite_db(db_path: Path):
    """A book in a SQLite file at `db_path`, whatever engine the test runs on."""
    database = open_new_book(db_path)
    yield database
    close_database(database)
