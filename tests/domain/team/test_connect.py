"""Connecting to a team server: the login's URL, the test connection's one line, the password in the keyring."""

from __future__ import annotations

import itertools
import socket

import pytest

from tests.helpers import MemoryKeyring
from tests.postgres_server import OWNER, OWNER_PASSWORD
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.team.connect import NO_KEYRING, check_connection, connect, login_of, server_login
from trade_crm.keystore import KeyStore, KeystoreError
from trade_crm.store import pg_book
from trade_crm.store.errors import DatabaseError
from trade_crm.store.migrations import LATEST_VERSION
from trade_crm.store.models import database

_roles = itertools.count()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_form_makes_a_url_without_a_password_and_reads_it_back():
    login = server_login(" crm.example.com ", "5433", "trade_book", "ann")
    assert login.url == "postgresql://ann@crm.example.com:5433/trade_book"
    assert login.label == "ann @ crm.example.com:5433 / trade_book"
    assert login_of(login.url) == login
    assert server_login("crm.example.com", 5432, "trade_book", "ann").label == "ann @ crm.example.com / trade_book"
    assert login_of("/home/ann/book.db") is None


@pytest.mark.parametrize(("fields", "field"), [
    (("", 5432, "book", "ann"), "host"),
    (("crm example", 5432, "book", "ann"), "host"),
    (("crm", 0, "book", "ann"), "port"),
    (("crm", "x", "book", "ann"), "port"),
    (("crm", 5432, "", "ann"), "database"),
    (("crm", 5432, "a/b", "ann"), "database"),
    (("crm", 5432, "book", ""), "user"),
    (("crm", 5432, "book", "ann@x"), "user"),
])
def test_a_bad_field_is_named(fields, field):
    with pytest.raises(ValidationError) as caught:
        server_login(*fields)
    assert caught.value.field == field


def test_the_keyring_account_is_the_one_the_book_looks_the_password_up_under():
    login = server_login("127.0.0.1", 6543, "trade_book", "ann")
    assert login.keyring_account == pg_book.keyring_account(pg_book.parse_url(login.url))


def test_a_ready_book_says_so_in_one_line(pg_book_url):
    line = check_connection(login_of(pg_book_url), OWNER_PASSWORD)
    assert line.startswith("Connected to ") and "the book is ready" in line and "\n" not in line


def test_connect_keeps_the_typed_password_in_the_keyring_and_the_book_then_opens_without_it(pg_book_url):
    keystore = KeyStore(MemoryKeyring())
    login = login_of(pg_book_url)
    connect(login, OWNER_PASSWORD, keystore)
    assert keystore.server_password(login.keyring_account) == OWNER_PASSWORD
    assert "the book is ready" in check_connection(login, None, keystore=keystore)


def test_a_wrong_password_is_one_line_and_nothing_is_kept(pg_book_url):
    backend = MemoryKeyring()
    with pytest.raises(DatabaseError, match="refused the password") as caught:
        connect(login_of(pg_book_url), "not-the-password", KeyStore(backend))
    assert "\n" not in str(caught.value) and "not-the-password" not in str(caught.value)
    assert backend.items == {}


def test_no_keyring_refuses_to_take_a_typed_password(pg_book_url):
    with pytest.raises(KeystoreError) as caught:
        connect(login_of(pg_book_url), OWNER_PASSWORD, KeyStore())  # the tests' null keyring
    assert str(caught.value) == NO_KEYRING


def test_a_server_that_does_not_answer_is_one_line():
    login = server_login("127.0.0.1", free_port(), "trade_book", "ann")
    with pytest.raises(DatabaseError, match="cannot reach the PostgreSQL server") as caught:
        check_connection(login, "x")
    assert "\n" not in str(caught.value)


def test_a_missing_database_is_one_line(postgres_server):
    login = server_login(postgres_server.host, postgres_server.port, "no_such_book", OWNER)
    with pytest.raises(DatabaseError, match="has no database no_such_book"):
        check_connection(login, OWNER_PASSWORD)


def test_a_schema_newer_than_the_app_is_refused(postgres_server, pg_book_url):
    dbname = pg_book_url.rsplit("/", 1)[1]
    postgres_server.execute(f"UPDATE schema_version SET version = {LATEST_VERSION + 1}", dbname)
    with pytest.raises(DatabaseError, match="newer Trade CRM"):
        check_connection(login_of(pg_book_url), OWNER_PASSWORD)


def test_an_older_schema_is_the_owners_to_upgrade_and_refused_to_anyone_else(postgres_server, pg_book_url):
    dbname = pg_book_url.rsplit("/", 1)[1]
    postgres_server.execute(f"UPDATE schema_version SET version = {LATEST_VERSION - 1}", dbname)
    assert f"upgrades the book from schema {LATEST_VERSION - 1}" in check_connection(login_of(pg_book_url),
                                                                                       OWNER_PASSWORD)
    role = f"seller_{next(_roles)}_{dbname}"
    postgres_server.create_role(role, "seller-secret")
    login = server_login(postgres_server.host, postgres_server.port, dbname, role)
    with pytest.raises(DatabaseError, match="only the database's owner may upgrade it"):
        check_connection(login, "seller-secret")


def test_the_test_connection_leaves_the_open_book_alone(db, pg_book_url):
    check_connection(login_of(pg_book_url), OWNER_PASSWORD)
    assert database.obj is db
