"""The PostgreSQL engine: a peewee database that speaks to psycopg 3 the way the SQLite book behaves.

The domain was written against SQLite; until every raw SQL site moves behind a store interface (see
store/pg_schema.py's list), three small adaptations keep one code base working on both engines, all
here and nowhere else:

- **Placeholders.** peewee and the domain's raw SQL write `?`; psycopg wants `%s`. The database's
  cursor rewrites `?` outside string literals (and doubles a literal `%`), once per distinct statement.
- **Dates as SQLite returns them.** A DATE column comes back as 'YYYY-MM-DD' text: peewee's DateField
  parses it, and raw SQL that reads one gets what it gets on SQLite.
- **Transactions.** The domain asks SQLite for `atomic("DEFERRED")` (a read that must see one snapshot)
  or `atomic("IMMEDIATE")` (take the write lock at BEGIN). On PostgreSQL the first is REPEATABLE READ,
  the second the default READ COMMITTED: row locks make a second writer wait, as SQLite's lock does.
- **Errors.** A failed connection becomes one line naming the server and the cause: wrong password,
  server unreachable, database missing (never the password, never a traceback).

peewee 4 picks its psycopg 3 adapter only when psycopg was importable at its own import, which
trade_crm/drivers.py prevents for start-up's sake: this module brings the adapter itself.
"""

from __future__ import annotations

import contextlib
import functools
import re
from dataclasses import dataclass

import psycopg
from peewee import InterfaceError, OperationalError, PostgresqlDatabase, ProgrammingError, Psycopg3Adapter
from psycopg.conninfo import conninfo_to_dict
from psycopg.pq import TransactionStatus
from psycopg.types.string import TextLoader

from trade_crm.keystore import KeyStore, KeystoreError
from trade_crm.store import migrations, pg_schema
from trade_crm.store.errors import AccessDenied, DatabaseError, ServerGoneError, ServerUnreachableError
from trade_crm.store.models import database

CONNECT_TIMEOUT_S = 5
SQLITE_LOCKS = {"DEFERRED": "REPEATABLE READ", "IMMEDIATE": None, "EXCLUSIVE": None}


@functools.lru_cache(maxsize=2048)
def to_pyformat(sql: str) -> str:
    """`?` placeholders (outside quotes) as `%s`, a literal `%` as `%%`; `%s` already there stays."""
    out: list[str] = []
    quote = ""
    i = 0
    while i < len(sql):
        ch = sql[i]
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch == "?":
            out.append("%s")
            i += 1
            continue
        if ch == "%":
            if not quote and sql.startswith("%s", i):
                out.append("%s")
                i += 2
                continue
            out.append("%%")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


class TranslatingCursor:
    """A psycopg cursor that takes SQLite-style SQL (`?`); everything else is the cursor's own."""

    __slots__ = ("_cursor",)

    def __init__(self, cursor):
        self._cursor = cursor

    def execute(self, sql, params=None):
        self._cursor.execute(to_pyformat(sql), params)
        return self

    def executemany(self, sql, params_seq):
        try:
            self._cursor.executemany(to_pyformat(sql), params_seq)
        except psycopg.errors.InsufficientPrivilege as exc:
            raise AccessDenied(*refusal(exc)) from None
        return self

    def __iter__(self):
        return iter(self._cursor)

    def __getattr__(self, name):
        return getattr(self._cursor, name)


class Psycopg3(Psycopg3Adapter):
    """peewee's psycopg 3 adapter, with the names it would have taken from the module it did not import."""

    txn_idle = TransactionStatus.IDLE
    txn_inerror = TransactionStatus.INERROR
    txn_unknown = TransactionStatus.UNKNOWN

    def check_driver(self):
        return None

    def get_binary_type(self):
        return psycopg.Binary

    def connect(self, db, **params):
        conn = psycopg.connect(db.database, **params)
        conn.adapters.register_loader("date", TextLoader)
        return conn

    def server_side_cursor(self, conn):
        in_txn = self.txn_status(conn) == TransactionStatus.INTRANS
        return conn.cursor(name=f"c{id(conn)}", withhold=not in_txn)


class PostgresBook(PostgresqlDatabase):
    """The book on a server. `database` is the URL (without a password)."""

    param = "?"  # peewee writes the placeholder the domain's raw SQL uses; the cursor translates

    def init(self, database, **kwargs):
        super().init(database, **kwargs)
        self._adapter = Psycopg3()

    def cursor(self, named_cursor=None):
        return TranslatingCursor(super().cursor(named_cursor))

    def begin(self, isolation_level=None):
        if isinstance(isolation_level, str) and isolation_level.upper() in SQLITE_LOCKS:
            isolation_level = SQLITE_LOCKS[isolation_level.upper()]
        self._forget_lost_connection()
        try:
            with self._server_gone():
                super().begin(isolation_level)
        except ServerGoneError:  # found dead by this BEGIN: nothing was sent yet, so once more on a new one
            self._forget_lost_connection()
            with self._server_gone():
                super().begin(isolation_level)

    # A server that goes away (restarted, a dropped network, its backend terminated) leaves psycopg's
    # connection closed or broken. The statement, or the COMMIT, that found it so becomes one
    # ServerGoneError; the ROLLBACK that follows is skipped (the server has already rolled back a dead
    # session's transaction); and the next statement outside a transaction connects again. A BEGIN or a
    # read outside a transaction that is the first to find the connection dead is retried once on a new one.
    # A server that does not take the new connection (still down) is a ServerGoneError too.

    _opened_once = False

    def _connect(self):
        conn = super()._connect()
        self._opened_once = True
        return conn

    def lost(self) -> bool:
        """True when this thread's connection was open and the server is no longer at the other end."""
        conn = self._state.conn
        return conn is not None and bool(conn.closed or conn.broken)

    def _forget_lost_connection(self) -> None:
        if not self.in_transaction() and self.lost():
            try:
                self._state.conn.close()  # psycopg's handle of the dead session (a broken one is still "open")
            except Exception:  # noqa: BLE001 - it is gone either way
                pass
            self._state.reset()  # peewee's autoconnect opens a new one at the next cursor()

    @contextlib.contextmanager
    def _server_gone(self):
        try:
            yield
        except (OperationalError, InterfaceError) as exc:
            if isinstance(exc, ServerGoneError):
                raise
            if self.lost() or (self._opened_once and self._state.conn is None):  # dead, or not back yet
                raise ServerGoneError() from exc
            raise

    def execute_sql(self, sql, params=None):
        self._forget_lost_connection()
        outside = not self.in_transaction()
        try:
            with self._server_gone():
                return self._execute_refusals_named(sql, params)
        except ServerGoneError:
            # A read outside a transaction that found the connection dead is asked again on a new one (a
            # write is not: it may have run before the server went).
            if not (outside and sql.lstrip()[:6].upper() == "SELECT"):
                raise
            self._forget_lost_connection()
            with self._server_gone():
                return self._execute_refusals_named(sql, params)

    def _execute_refusals_named(self, sql, params):
        """A team rule's refusal (SQLSTATE 42501: row-level security, a missing right, a trigger of
        store/pg_access.py) as one AccessDenied line."""
        try:
            return super().execute_sql(sql, params)
        except ProgrammingError as exc:
            cause = getattr(exc, "orig", None)  # peewee keeps psycopg's own error here
            if isinstance(cause, psycopg.errors.InsufficientPrivilege):
                raise AccessDenied(*refusal(cause)) from None
            raise

    def commit(self):
        with self._server_gone():
            super().commit()

    def rollback(self):
        if self.lost():
            return
        with self._server_gone():
            super().rollback()

    @property
    def engine(self) -> str:
        return "postgresql"


# What a row-level security or privilege refusal was about, in a salesperson's words.
TABLE_WORDS = {"interaction": "timeline entry", "customer_share": "share", "audit_entry": "audit trail",
               "contact_channel": "contact's email or phone", "orders": "order", "customer_tag": "tag",
               "custom_field_value": "custom field"}


def refusal(exc: psycopg.Error) -> tuple[str, str]:
    """One line for SQLSTATE 42501, and which kind of rule refused (store.errors.AccessDenied.reason): a team
    rule's own message (store/pg_access.py's triggers say who owns the customer), or what a policy or a
    missing right refused."""
    text = exc.diag.message_primary or str(exc)
    table = re.search(r'(?:policy for table|permission denied for table) "?(\w+)', text)
    if table is None:
        return f"the team server refused: {text}", "rule"
    what = TABLE_WORDS.get(table.group(1), table.group(1).replace("_", " "))
    if "policy" in text:
        return (f"the team server refused to save this {what}: its customer is neither yours nor shared with you "
                "(or is in the pool: claim it first)", "policy")
    return f"the team server refused: this login may not change a {what}", "right"


def parse_url(url: str) -> dict[str, str]:
    """The URL's parts; refuses a password in it (it would land in shell history and settings)."""
    try:
        parts = conninfo_to_dict(url.strip())
    except psycopg.ProgrammingError as exc:
        raise DatabaseError(f"{url} is not a PostgreSQL URL (postgresql://user@host:port/dbname): {exc}") from None
    if parts.get("password"):
        raise DatabaseError("put the password in the keyring or PGPASSWORD, not in the URL")
    for key in ("user", "dbname"):
        if not parts.get(key):
            raise DatabaseError(f"{url} names no {'user' if key == 'user' else 'database'} "
                                "(postgresql://user@host:port/dbname)")
    return parts


def keyring_account(parts: dict[str, str]) -> str:
    """The name the password is kept under: one per login on one server."""
    return f"postgresql://{parts['user']}@{parts.get('host', 'localhost')}:{parts.get('port', '5432')}"


def where(parts: dict[str, str]) -> str:
    return f"{parts.get('host', 'localhost')}:{parts.get('port', '5432')}"


def unreachable(text: str) -> bool:
    """libpq's text says the server was never reached (as opposed to reached, and refusing)."""
    return any(cause in text for cause in ("Connection refused", "timeout expired", "could not translate host",
                                           "No route to host", "Network is unreachable"))


def explain(exc: Exception, parts: dict[str, str]) -> str:
    """One line for a failed connection; the libpq text names the cause, in English, in every version."""
    text = str(exc)
    server = f"the PostgreSQL server at {where(parts)}"
    if "password authentication failed" in text or "no password supplied" in text:
        return (f"{server} refused the password for {parts['user']} (the keyring or PGPASSWORD holds "
                "a wrong one, or none)")
    if re.search(r'role ".*" does not exist', text):
        return f"{server} has no login {parts['user']}; ask its administrator to create it"
    if re.search(r'database ".*" does not exist', text):
        return f"{server} has no database {parts['dbname']}; ask its administrator to create it"
    if unreachable(text):
        reason = text.split("failed:")[-1].strip().splitlines()[0] if "failed:" in text else text
        return f"cannot reach {server}: {reason}"
    return f"{server}: {' '.join(text.split())}"


def stored_password(parts: dict[str, str], keystore: KeyStore | None = None) -> str | None:
    """The keyring's password for this login, or None (libpq then reads PGPASSWORD or ~/.pgpass)."""
    try:
        return (keystore or KeyStore()).server_password(keyring_account(parts))
    except KeystoreError:
        return None


def connect(url: str, *, password: str | None = None, keystore: KeyStore | None = None) -> PostgresBook:
    """A connection to a server database, not bound to the models and with no schema check (the book's, or the
    server's `postgres` database for an administrator's setup); a DatabaseError says why not."""
    parts = parse_url(url)
    secret = password if password is not None else stored_password(parts, keystore)
    params = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "trade-crm"}
    if secret is not None:
        params["password"] = secret
    db = PostgresBook(url.strip(), autoconnect=True, **params)
    try:
        db.connect(reuse_if_open=True)
    except Exception as exc:  # noqa: BLE001 - peewee wraps psycopg's OperationalError; either way one line
        db.close()
        error = ServerUnreachableError if unreachable(str(exc)) else DatabaseError
        raise error(explain(exc, parts)) from None
    return db


def open_book(url: str, *, password: str | None = None, migrate: bool = True,
              keystore: KeyStore | None = None, bind: bool = True) -> PostgresBook:
    """Connect and check (or create, or upgrade) the schema. `bind=False` opens a second book beside the one
    the models are bound to (publishing a laptop book reads one and writes the other): it only checks the
    schema, since creating one goes through the models."""
    parts = parse_url(url)
    db = connect(url, password=password, keystore=keystore)
    if bind:
        database.initialize(db)
    try:
        pg_schema.prepare(db, migrate=migrate and bind, label=f"{parts['dbname']} on {where(parts)}")
    except BaseException:
        db.close()
        raise
    return db


@dataclass(frozen=True)
class ServerCheck:
    """What a test connection found: the schema's version (None: no schema yet) and whether this login may
    create or upgrade it. A book that cannot be used raises DatabaseError instead."""

    user: str
    dbname: str
    server: str
    version: int | None
    latest: int
    administrator: bool


def check_server(url: str, *, password: str | None = None, keystore: KeyStore | None = None) -> ServerCheck:
    """Connect, read the schema's version and the login's rights, and disconnect; nothing is written, and the
    open book (the models' binding) is left alone. Refusals are the ones opening the book would give."""
    parts = parse_url(url)
    label = f"{parts['dbname']} on {where(parts)}"
    db = connect(url, password=password, keystore=keystore)
    try:
        version = pg_schema.current_version(db)
        admin = pg_schema.is_administrator(db)
        if version is None and pg_schema.has_tables(db):
            raise DatabaseError(f"{label} holds tables but no Trade CRM schema; use an empty database")
    finally:
        db.close()
    pg_schema.check_version(version, admin, label)
    return ServerCheck(parts["user"], parts["dbname"], where(parts), version, migrations.LATEST_VERSION, admin)
