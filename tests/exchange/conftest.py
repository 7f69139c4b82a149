"""Every test here that uses `db` runs on SQLite and on PostgreSQL (tests/both_engines.py)."""

from tests.both_engines import db, db_location, pytest_configure, pytest_generate_tests, sqlite_db  # noqa: F401
