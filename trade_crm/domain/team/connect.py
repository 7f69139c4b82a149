"""Connecting to a team server: a login's parts as a URL, a test connection, the password in the keyring.

The password never goes into the URL, the settings or the book: it is kept in the OS keyring under the
login (keystore.py), or, on a computer without one, in libpq's own ~/.pgpass or PGPASSWORD.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from trade_crm.domain.errors import ValidationError
from trade_crm.keystore import KeyStore, KeystoreError
from trade_crm.store.postgres import DEFAULT_PORT, is_server_url, server_label

_HOST = re.compile(r"^[A-Za-z0-9._:\-\[\]]+$")
_NAME = re.compile(r"^[^\s/@:?#]+$")
NO_KEYRING = ("this computer has no keyring, so Trade CRM cannot keep the password: put it in ~/.pgpass "
              "(or PGPASSWORD) and leave the password empty")


@dataclass(frozen=True)
class ServerLogin:
    """One login on one server's book: postgresql://user@host:port/database."""

    host: str
    port: int
    database: str
    user: str

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host and not self.host.startswith("[") else self.host
        return f"postgresql://{quote(self.user, safe='')}@{host}:{self.port}/{quote(self.database, safe='')}"

    @property
    def label(self) -> str:
        """"ann @ crm.example.com / trade_book"."""
        return server_label(self.url)

    @property
    def keyring_account(self) -> str:
        """The name the keyring keeps the password under (as store/pg_book.py looks it up)."""
        return f"postgresql://{self.user}@{self.host}:{self.port}"


def server_login(host: str, port: int | str, database: str, user: str) -> ServerLogin:
    """The login from a form's fields; the first bad one raises ValidationError naming it."""
    host, database, user = host.strip(), database.strip(), user.strip()
    if not host:
        raise ValidationError("host", "name the server (crm.example.com, or its address)")
    if not _HOST.match(host):
        raise ValidationError("host", "is not a server name or address")
    try:
        number = int(str(port).strip())
    except ValueError:
        raise ValidationError("port", "is not a number") from None
    if not 1 <= number <= 65535:
        raise ValidationError("port", "must be between 1 and 65535")
    if not database:
        raise ValidationError("database", "name the book's database (trade_book)")
    if not _NAME.match(database):
        raise ValidationError("database", "a database name has no spaces or / @ : ? #")
    if not user:
        raise ValidationError("user", "name your login on the server")
    if not _NAME.match(user):
        raise ValidationError("user", "a login has no spaces or / @ : ? #")
    return ServerLogin(host, number, database, user)


def login_of(url: str) -> ServerLogin | None:
    """The login a saved server URL names, or None for anything else (a book file, an empty setting)."""
    if not is_server_url(url):
        return None
    parts = urlsplit(url.strip())
    if not parts.hostname or not parts.username:
        return None
    return ServerLogin(parts.hostname, parts.port or DEFAULT_PORT, unquote(parts.path.lstrip("/")),
                       unquote(parts.username))


def check_connection(login: ServerLogin, password: str | None = None, *, keystore: KeyStore | None = None) -> str:
    """Connect, look at the book, disconnect: one line saying what Connect would do. A login or book that
    cannot be used raises store.errors.DatabaseError with one line (wrong password, unreachable, no such
    database, a schema older or newer than the app that this login may not upgrade)."""
    from trade_crm.store.pg_book import check_server  # lazy: start-up, psycopg loads only for a server

    found = check_server(login.url, password=password or None, keystore=keystore)
    where = f"Connected to {found.dbname} on {found.server} as {found.user}"
    if found.version == found.latest:
        return f"{where}: the book is ready"
    if found.version is None:
        return f"{where}: the database is empty, and Connect creates the book in it (you own the database)"
    return (f"{where}: Connect upgrades the book from schema {found.version} to {found.latest} "
            "(you own the database)")


def keep_password(login: ServerLogin, password: str, keystore: KeyStore) -> None:
    """Keep the typed password in the keyring for this login; KeystoreError (one line) where it cannot be kept."""
    if not keystore.usable():
        raise KeystoreError(NO_KEYRING)
    keystore.set_server_password(login.keyring_account, password)


def connect(login: ServerLogin, password: str | None, keystore: KeyStore) -> str:
    """Test the login (with the typed password, else the kept one) and, when it works, keep the typed password;
    the line check_connection says. Nothing is kept when the test fails."""
    if password and not keystore.usable():
        raise KeystoreError(NO_KEYRING)
    line = check_connection(login, password, keystore=keystore)
    if password:
        keep_password(login, password, keystore)
    return line
