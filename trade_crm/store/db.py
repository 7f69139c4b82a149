"""The one way to open the database: WAL, foreign keys, a busy timeout, IMMEDIATE transactions, migrations on open."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from peewee import PeeweeException, SqliteDatabase

from trade_crm.store import migrations
from trade_crm.store.backup import BackupError, copy_database, timestamped_name
from trade_crm.store.checkpoints import wait_for_checkpoints
from trade_crm.store.errors import DatabaseError
from trade_crm.store.models import database
from trade_crm.store.postgres import is_server_url, open_postgres

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "full",  # a salesperson's laptop loses power; a committed write must survive it
    "cache_size": -32000,
}


__all__ = ["DatabaseError", "close_database", "needs_upgrade", "open_database", "upgrade"]  # DatabaseError: its old home


# Every transaction begins IMMEDIATE, taking the write lock at BEGIN: there the busy timeout makes a second
# writer wait. A DEFERRED transaction that reads, then writes cannot wait: when another connection
# committed in between, SQLite refuses its upgrade to a writer at once ("database is locked").
LOCK_TYPE = "IMMEDIATE"


class _Database(SqliteDatabase):
    """SqliteDatabase whose rollback keeps the real error.

    When a COMMIT fails (a full disk), SQLite has already rolled back; peewee's own rollback then
    fails with "no transaction is active" and hides "database or disk is full" from the user.
    """

    def rollback(self):
        if self.connection().in_transaction:
            super().rollback()


def open_database(path: str | Path, *, backup_dir: Path | None = None, migrate: bool = True,
                  now: datetime | None = None) -> SqliteDatabase:
    """Open (creating if needed) the database at `path`, bind the models to it, and migrate it.

    `path` may be ":memory:". Before migrating a file that already holds data, a copy is written
    to `backup_dir` (default: a `backups` folder beside the file). A `postgresql://user@host:port/db`
    URL opens a book on a server instead (store/postgres.py); SQLite stays the default.
    """
    if is_server_url(path):
        return open_postgres(str(path), migrate=migrate)
    in_memory = str(path) == ":memory:"
    if not in_memory:
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"cannot create the folder for {path}: {exc.strerror}") from exc
    db = _Database(str(path), pragmas=PRAGMAS, check_same_thread=False, lock_type=LOCK_TYPE)
    try:
        db.connect(reuse_if_open=True)
        db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception as exc:  # sqlite3.DatabaseError: "file is not a database"
        db.close()
        raise DatabaseError(f"{path} cannot be opened as a Trade CRM database: {exc}") from exc
    database.initialize(db)
    if migrate:
        upgrade(db, None if in_memory else Path(path), backup_dir, now or datetime.now(timezone.utc))
    return db


def upgrade(db: SqliteDatabase, path: Path | None, backup_dir: Path | None, now: datetime) -> list[int]:
    version = migrations.current_version(db)
    if version > migrations.LATEST_VERSION:
        raise DatabaseError(
            f"{path} was written by a newer Trade CRM (schema {version}, this one knows "
            f"{migrations.LATEST_VERSION}); update the app"
        )
    if not migrations.pending(db):
        return []
    if path is not None and version > 0:
        folder = backup_dir or path.parent / "backups"
        try:
            copy_database(db.connection(), folder / timestamped_name(f"pre-migration-v{version}", now))
        except (BackupError, OSError) as exc:
            raise DatabaseError(f"{path}: the copy before upgrading failed, so nothing was changed: {exc}") from exc
    return migrations.migrate(db)


def needs_upgrade(path: str | Path) -> bool:
    """Whether opening this existing book file will migrate it (a big book's upgrade can take half a minute,
    so the window says so first). Read-only: never creates or changes the file; an unreadable one says no
    and lets open_database give its own error."""
    path = Path(path)
    if not path.is_file():
        return False
    book = SqliteDatabase(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        version = migrations.current_version(book)
    except PeeweeException:  # "file is not a database", unreadable: not a book
        return False
    finally:
        book.close()
    return 0 < version < migrations.LATEST_VERSION


def close_database(db: SqliteDatabase) -> None:
    if isinstance(db, SqliteDatabase):
        wait_for_checkpoints(db.database)
    if not db.is_closed():
        db.close()


@contextmanager
def small_page_cache(kib: int = 4000) -> Iterator[None]:
    """Cap this connection's page cache for one pass over the whole book (the reminder sync), then put it
    back: the pages are in the OS's cache anyway (no slower), and the app's peak memory stays lower.
    A server book keeps its own cache: nothing to do there."""
    if not isinstance(database.obj, SqliteDatabase):
        yield
        return
    before = database.execute_sql("PRAGMA cache_size").fetchone()[0]
    database.execute_sql(f"PRAGMA cache_size = {-abs(int(kib))}")
    try:
        yield
    finally:
        database.execute_sql(f"PRAGMA cache_size = {int(before)}")
