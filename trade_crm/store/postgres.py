"""A book on a PostgreSQL server (team mode, issue #18): recognise its URL and open it.

`postgresql://user@host:port/dbname` (or `postgres://`) names a book on a server; anything else is a
SQLite file. The password is never part of the URL: it comes from the OS keyring (keystore.py,
`KeyStore.server_password`) or, for scripts, from libpq's own PGPASSWORD / ~/.pgpass.

psycopg costs 150 ms to import, so the engine itself (store/pg_book.py) loads only when a server book
is opened; a laptop book never pays for it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

SCHEMES = ("postgresql://", "postgres://")
DEFAULT_PORT = 5432


def is_server_url(location: str | Path | None) -> bool:
    return isinstance(location, str) and location.strip().lower().startswith(SCHEMES)


def open_postgres(url: str, *, password: str | None = None, migrate: bool = True, bind: bool = True):
    """Connect, bind the models (unless `bind` is False), and create or check the schema; a DatabaseError
    says what is wrong."""
    from trade_crm.store import pg_book  # lazy: start-up, psycopg loads only for a server book

    return pg_book.open_book(url, password=password, migrate=migrate, bind=bind)


def server_label(url: str) -> str:
    """"ann @ crm.example.com / trade_book": which server book is open, for a title or a status bar."""
    parts = urlsplit(url.strip())
    host = parts.hostname or "localhost"
    if parts.port and parts.port != DEFAULT_PORT:
        host = f"{host}:{parts.port}"
    return f"{unquote(parts.username or '')} @ {host} / {unquote(parts.path.lstrip('/'))}"


def connect_postgres(url: str, *, password: str | None = None):
    """A plain connection to a server database (no models bound, no schema check): an administrator's setup."""
    from trade_crm.store import pg_book  # lazy: start-up, psycopg loads only for a server book

    return pg_book.connect(url, password=password)
