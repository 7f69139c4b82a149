"""A real PostgreSQL for the tests: one throwaway server per test session, a fresh database per test.

`initdb` writes a cluster into a temp folder (UTF-8, C.UTF-8 locale, so pg_trgm and case folding
behave as on a real server); `pg_ctl` starts it on a free loopback port with its unix socket in the
same folder, and stops it when the session ends. The cluster is a test's, so durability is off
(fsync, synchronous_commit, full_page_writes): a cloned database then costs milliseconds, not a sync.

initdb refuses to run as root, so under root the server runs as the unprivileged `postgres` user
(Debian's package creates it; `nobody` otherwise) through `runuser`, with the folder owned by it.
The fixture's own work (roles, databases) goes over the socket as the cluster's superuser; the app
under test connects over TCP with a password, as it would to a company's server.

No server binaries: the tests that need one skip with one line, or fail under CI=true (DESIGN rule 13).
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest

from tests import server_reaper
from trade_crm.store.models import database
from trade_crm.store.pg_access import MANAGERS, SALES, roles_sql
from trade_crm.store.postgres import open_postgres

SUPERUSER = "postgres"
PORT_ATTEMPTS = 3
MISSING = ("PostgreSQL tests skipped: no PostgreSQL server binaries (initdb, pg_ctl) found; "
           "install Debian's `postgresql` (make test does so when run as root)")


DEBIAN_BIN_DIRS = "/usr/lib/postgresql/*/bin"


def find_bin_dir(environ: Mapping[str, str], debian: str = DEBIAN_BIN_DIRS) -> Path | None:
    """The folder holding initdb and pg_ctl: $PG_BIN, else the newest /usr/lib/postgresql/N/bin, else PATH."""
    candidates = [environ.get("PG_BIN", "")]
    candidates += sorted(glob.glob(debian), key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit()
                         else 0, reverse=True)
    found = shutil.which("initdb", path=environ.get("PATH", ""))
    candidates.append(str(Path(found).parent) if found else "")
    for folder in filter(None, candidates):
        if (Path(folder) / "initdb").is_file() and (Path(folder) / "pg_ctl").is_file():
            return Path(folder)
    return None


def require_bin_dir(environ: Mapping[str, str], debian: str = DEBIAN_BIN_DIRS) -> Path:
    folder = find_bin_dir(environ, debian)
    if folder is not None:
        return folder
    if environ.get("CI", "").lower() == "true":
        pytest.fail(f"{MISSING} (CI=true: a real PostgreSQL is required)", pytrace=False)
    pytest.skip(MISSING)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_user() -> str | None:
    """None when we are not root (the server runs as us); else the unprivileged account to run it as."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise RuntimeError("running as root, and neither a postgres nor a nobody account exists to run PostgreSQL")


@dataclass
class PostgresServer:
    bin_dir: Path
    folder: Path
    port: int
    run_as: str | None
    host: str = "127.0.0.1"
    _names: Iterator[int] = field(default_factory=itertools.count)
    _keepers: dict[str, psycopg.Connection] = field(default_factory=dict)  # empty()'s connections, one a book

    @property
    def socket_dir(self) -> Path:
        return self.folder / "socket"

    @property
    def data_dir(self) -> Path:
        return self.folder / "data"

    def _run(self, *args: str) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.run_as:
            command = ["runuser", "-u", self.run_as, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "LC_ALL": "C.UTF-8"})
        if result.returncode:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{args[0]} failed: {result.stderr.strip() or result.stdout.strip()}\n{tail}")

    def start(self, attempts: int = PORT_ATTEMPTS) -> None:
        self.socket_dir.mkdir()
        if self.run_as:
            account = pwd.getpwnam(self.run_as)
            for path in (self.folder, self.socket_dir):
                os.chown(path, account.pw_uid, account.pw_gid)
        self._run("initdb", "-D", str(self.data_dir), "-U", SUPERUSER, "-E", "UTF8", "--locale=C.UTF-8",
                  "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync", "--no-instructions")
        for attempt in range(1, attempts + 1):
            options = (f"-p {self.port} -k {self.socket_dir} -c listen_addresses={self.host} -c fsync=off "
                       "-c synchronous_commit=off -c full_page_writes=off -c max_connections=40 "
                       "-c shared_buffers=16MB")
            try:
                self._run("pg_ctl", "-D", str(self.data_dir), "-l", str(self.folder / "server.log"), "-o", options,
                          "-w", "-t", "30", "start")
                return
            except RuntimeError as exc:
                # free_port's port is free when asked, not when the server binds it: another process (a second
                # xdist worker's server) may take it in between. Then once more on another one.
                if attempt == attempts or "Address already in use" not in str(exc):
                    raise
                self.port = free_port()

    def stop(self) -> None:
        if (self.data_dir / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")

    def admin(self, dbname: str = "postgres") -> psycopg.Connection:
        """A superuser connection over the unix socket (trust), autocommit, for the fixture's own work."""
        return psycopg.connect(host=str(self.socket_dir), port=self.port, user=SUPERUSER, dbname=dbname,
                               autocommit=True)

    def execute(self, sql: str, dbname: str = "postgres") -> None:
        with self.admin(dbname) as conn:
            conn.execute(sql)

    def create_role(self, name: str, password: str, *, login: bool = True) -> None:
        self.execute(f"CREATE ROLE {name} {'LOGIN' if login else 'NOLOGIN'} PASSWORD '{password}'")

    def create_database(self, owner: str, template: str = "template0") -> str:
        """A new database; FILE_COPY clones a small template in half the time of PostgreSQL 15's WAL_LOG."""
        name = f"book_{next(self._names)}"
        self.execute(f"CREATE DATABASE {name} OWNER {owner} TEMPLATE {template} STRATEGY FILE_COPY")
        return name

    def empty(self, dbname: str) -> None:
        """Delete every row and set every id sequence back to its start, keeping the schema and its version:
        one round trip over a connection kept open for the session (~2 ms on an empty book, where a database
        cloned per test costs ~200 ms). setval, not ALTER SEQUENCE RESTART: the same next id, without
        rewriting each sequence's file (RESTART cost ~2 ms a sequence, 13 sequences, every test)."""
        try:
            self._keeper(dbname).execute(EMPTY_BOOK)
        except psycopg.OperationalError:  # a test ended the kept connection (pg_terminate_backend): once more
            self._keepers.pop(dbname).close()
            self._keeper(dbname).execute(EMPTY_BOOK)

    def _keeper(self, dbname: str) -> psycopg.Connection:
        conn = self._keepers.get(dbname)
        if conn is None or conn.closed:
            conn = self._keepers[dbname] = self.admin(dbname)
        return conn

    def close_keepers(self) -> None:
        for conn in self._keepers.values():
            conn.close()
        self._keepers.clear()

    def person(self, name: str, *, manager: bool = False) -> Person:
        """A salesperson's login (a manager's with `manager`), as `trade-crm team add-person` makes one: a
        member of the sales group, and of the managers' too for a manager. Roles are the cluster's, so a
        second call with the same name returns the same login."""
        password = f"{name}-secret"
        groups = f"{SALES}, {MANAGERS}" if manager else SALES
        self.execute(f"DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') THEN "
                     f"CREATE ROLE {name} LOGIN PASSWORD '{password}'; END IF; END$$")
        self.execute(f"GRANT {groups} TO {name}")
        if not manager:
            self.execute(f"REVOKE {MANAGERS} FROM {name}")
        return Person(self, name, password)

    def drop_database(self, name: str) -> None:
        self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def url(self, user: str, dbname: str, *, port: int | None = None) -> str:
        return f"postgresql://{user}@{self.host}:{port or self.port}/{dbname}"


@dataclass(frozen=True)
class Person:
    """A login on the test server: `url(dbname)` to connect as it, `open(dbname)` to open a book as the app does."""

    server: PostgresServer
    name: str
    password: str

    def url(self, dbname: str) -> str:
        return self.server.url(self.name, dbname)

    def open(self, dbname: str):
        return open_postgres(self.url(dbname), password=self.password)


def worker_name(environ: Mapping[str, str]) -> str:
    """"gw0", "gw1" … under pytest-xdist (each worker is a session of its own, with its own servers); else "main"."""
    return environ.get("PYTEST_XDIST_WORKER", "main")


def start_server(environ: Mapping[str, str]) -> PostgresServer:
    bin_dir = require_bin_dir(environ)
    folder = Path(tempfile.mkdtemp(prefix=f"trade-crm-pg-{worker_name(environ)}-"))
    server = PostgresServer(bin_dir, folder, free_port(), server_user())
    try:
        server.start()
    except BaseException:
        with contextlib.suppress(Exception):  # a half-started server; the start's own error is the one to see
            server.stop()
        shutil.rmtree(server.folder, ignore_errors=True)
        raise
    # Stopped by stop_server at the session's end; by the reaper if this process dies first (SIGQUIT:
    # PostgreSQL's immediate shutdown, as `pg_ctl -m immediate`).
    server_reaper.watch(server.folder, server.data_dir / "postmaster.pid", signal.SIGQUIT)
    return server


def stop_server(server: PostgresServer) -> None:
    try:
        server.close_keepers()
        server.stop()
    finally:
        shutil.rmtree(server.folder, ignore_errors=True)


# What PostgresServer.empty runs, in one transaction (a DO block is one): no triggers fire (rows go, nothing is
# noted in the audit trail); every table but schema_version is emptied; every sequence starts again from its
# start, as ALTER SEQUENCE RESTART would, without rewriting it.
EMPTY_BOOK = """DO $$
DECLARE
    name text;
BEGIN
    SET LOCAL session_replication_role = replica;
    FOR name IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_version' LOOP
        EXECUTE format('DELETE FROM %I', name);
    END LOOP;
    PERFORM setval(format('%I', sequencename)::regclass, start_value, false)
        FROM pg_sequences WHERE schemaname = 'public';
END$$"""

OWNER, OWNER_PASSWORD = "crm_owner", "owner-secret"
MANAGER = "crm_manager"  # the daily login of the tests: a manager, who sees and may change every row
MANAGER_PASSWORD = f"{MANAGER}-secret"  # as PostgresServer.person makes it
TEMPLATE = "book_template"
SHARED = "book_shared"


@pytest.fixture(scope="session")
def postgres_server():
    """The session's server, with the team's group roles, a login that owns the books, a manager's login, a
    template book holding today's schema, and one shared book cloned from it that `pg_db` empties before
    each test."""
    server = start_server(os.environ)
    try:
        server.execute(roles_sql())
        server.create_role(OWNER, OWNER_PASSWORD)
        server.person(MANAGER, manager=True)
        server.execute(f"CREATE DATABASE {TEMPLATE} OWNER {OWNER} TEMPLATE template0")
        open_postgres(server.url(OWNER, TEMPLATE), password=OWNER_PASSWORD).close()
        server.execute(f"CREATE DATABASE {SHARED} OWNER {OWNER} TEMPLATE {TEMPLATE} STRATEGY FILE_COPY")
        yield server
    finally:
        stop_server(server)


@pytest.fixture
def pg_book_url(postgres_server):
    """A database of its own (today's schema, owned by OWNER), for a test that changes more than rows
    (the schema version, the tables); dropped afterwards."""
    name = postgres_server.create_database(OWNER, template=TEMPLATE)
    yield postgres_server.url(OWNER, name)
    postgres_server.drop_database(name)


@pytest.fixture
def pg_url(postgres_server):
    """The owner's URL of an empty book on the server: the shared book with every row deleted."""
    postgres_server.empty(SHARED)
    return postgres_server.url(OWNER, SHARED)


@pytest.fixture
def pg_db(pg_url, postgres_server):
    """An empty book on the server, opened as the app opens one, by a manager: the daily login that sees
    every row (the owner is nobody's daily login; step 11's row-level security binds it too)."""
    database = open_postgres(postgres_server.url(MANAGER, SHARED), password=MANAGER_PASSWORD)
    yield database
    database.close()


@dataclass
class Team:
    """Logins of one team, each with the shared book open. The models are bound to one database at a time
    (store.models.database): `act(name)` binds that person's connection, as their app would have it."""

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
    """ann and bob sell, mia manages: each opens the same empty book as herself (no one is bound yet)."""
    people = {"ann": postgres_server.person("ann"), "bob": postgres_server.person("bob"),
              "mia": postgres_server.person("mia", manager=True)}
    books = {name: person.open(SHARED) for name, person in people.items()}
    yield Team(books)
    for db in books.values():
        db.close()


ENGINES = ("sqlite", "postgresql")


@pytest.fixture(params=ENGINES)
def book(request):
    """An empty book on each engine in turn: the same test runs on SQLite and on PostgreSQL."""
    return request.getfixturevalue("db" if request.param == "sqlite" else "pg_db")
