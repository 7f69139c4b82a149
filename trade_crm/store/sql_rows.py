"""Row writes and list parameters whose SQL differs between a SQLite book and a PostgreSQL one.

The domain and the importers write rows through these few helpers instead of speaking one engine's
dialect (DESIGN rule 1): `INSERT OR IGNORE` is `ON CONFLICT DO NOTHING` on a server, `cursor.lastrowid`
is `RETURNING id`, a list passed as one parameter is `json_each(?)` on SQLite and an array on a server,
and a writer that picks ids itself must move a server's id sequence past them. (An upsert is
store/sql.py's `upsert`.) Each helper takes the
database it writes to (default: the one the models are bound to) and hands the work to that engine's
implementation, as store/sql.py's `dialect` (the one place that looks at the engine) says.

Every helper runs inside the caller's transaction; none opens or commits one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass

from peewee import Database

from trade_crm.store.checkpoints import checkpoint_after
from trade_crm.store.models import database
from trade_crm.store.sql import Sqlite, dialect

BULK_CACHE_KIB = 64 * 1024


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _ints(values: Sequence[object]) -> bool:
    return bool(values) and all(isinstance(v, int) and not isinstance(v, bool) for v in values)


@dataclass(frozen=True)
class ValueList:
    """A list of values as one parameter: `sql` is a FROM item with one column, `value` (alias given),
    `param` the parameter it reads."""

    sql: str
    param: object


class SqliteRows:
    """SQLite: `INSERT OR IGNORE`, `lastrowid`, `json_each(?)`; the write lock keeps picked ids."""

    name = "sqlite"

    def insert_ignore(self, db: Database, table: str, columns: Sequence[str], rows: list[tuple]) -> int:
        cursor = db.cursor()
        cursor.executemany(f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({_marks(len(columns))})",
                           rows)
        return cursor.rowcount

    def insert_ignore_select(self, db: Database, table: str, columns: Sequence[str], select: str,
                             params: Sequence[object]) -> int:
        return db.execute_sql(f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) {select}", params).rowcount

    def insert_returning_id(self, db: Database, table: str, values: dict[str, object]) -> int:
        return db.execute_sql(f"INSERT INTO {table} ({', '.join(values)}) VALUES ({_marks(len(values))})",
                              tuple(values.values())).lastrowid

    def reserve_ids(self, db: Database, table: str, n: int, above: int) -> int:
        # The transaction holds the write lock from BEGIN IMMEDIATE: nobody else takes these ids.
        stored = db.execute_sql(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
        return max(stored, above) + 1

    def sync_ids(self, db: Database, table: str) -> None:
        return None  # SQLite gives a new row max(rowid) + 1 by itself

    def value_list(self, values: list, alias: str) -> ValueList:
        return ValueList(f"json_each(?) AS {alias}", json.dumps(values, ensure_ascii=False))

    def in_values(self, values: list) -> tuple[str, object]:
        return "IN (SELECT value FROM json_each(?))", json.dumps(values, ensure_ascii=False)

    def table_exists(self, db: Database, name: str) -> bool:
        return db.execute_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                              (name,)).fetchone() is not None

    def bulk_write_settings(self, db: Database, kib: int) -> AbstractContextManager[None]:
        return _bulk_sqlite(db, kib)


class PostgresRows:
    """PostgreSQL: `ON CONFLICT DO NOTHING`, `RETURNING id`, arrays; picked ids move the sequence."""

    name = "postgresql"

    def insert_ignore(self, db: Database, table: str, columns: Sequence[str], rows: list[tuple]) -> int:
        cursor = db.cursor()
        cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({_marks(len(columns))}) "
                           "ON CONFLICT DO NOTHING", rows)
        return max(cursor.rowcount, 0)

    def insert_ignore_select(self, db: Database, table: str, columns: Sequence[str], select: str,
                             params: Sequence[object]) -> int:
        return db.execute_sql(f"INSERT INTO {table} ({', '.join(columns)}) {select} ON CONFLICT DO NOTHING",
                              params).rowcount

    def insert_returning_id(self, db: Database, table: str, values: dict[str, object]) -> int:
        return db.execute_sql(f"INSERT INTO {table} ({', '.join(values)}) VALUES ({_marks(len(values))}) "
                              "RETURNING id", tuple(values.values())).fetchone()[0]

    def reserve_ids(self, db: Database, table: str, n: int, above: int) -> int:
        # One statement: the sequence jumps past the stored ids, `above` and what it had handed out, by n;
        # a concurrent nextval then gets an id after the block (a setval is not rolled back, so a failed
        # import leaves a gap, as a failed insert does).
        last = db.execute_sql(f"SELECT setval('{_sequence(table)}', greatest({_HANDED_OUT.format(table=table)}, ?) + ?)",
                              (above, n)).fetchone()[0]
        return last - n + 1

    def sync_ids(self, db: Database, table: str) -> None:
        last = db.execute_sql(f"SELECT {_HANDED_OUT.format(table=table)}").fetchone()[0]
        if last:
            db.execute_sql(f"SELECT setval('{_sequence(table)}', ?)", (last,))

    def value_list(self, values: list, alias: str) -> ValueList:
        return ValueList(f"unnest(CAST(? AS {_array_type(values)})) AS {alias}(value)", list(values))

    def in_values(self, values: list) -> tuple[str, object]:
        return f"= ANY(CAST(? AS {_array_type(values)}))", list(values)

    def table_exists(self, db: Database, name: str) -> bool:
        return db.execute_sql("SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = ?",
                              (name,)).fetchone() is not None

    def bulk_write_settings(self, db: Database, kib: int) -> AbstractContextManager[None]:
        return nullcontext()  # a server's memory is its administrator's to tune


# The highest id in use or handed out: the stored rows' and the sequence's (0 when it never gave one).
_HANDED_OUT = ("greatest((SELECT coalesce(max(id), 0) FROM {table}), "
               "(SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {table}_id_seq))")


def _sequence(table: str) -> str:
    """The id sequence of a peewee AutoField (SERIAL) table, by PostgreSQL's own naming."""
    return f"{table}_id_seq"


def _array_type(values: list) -> str:
    return "bigint[]" if _ints(values) else "text[]"


SQLITE, POSTGRESQL = SqliteRows(), PostgresRows()


def _db(db: Database | None) -> Database:
    return database.obj if db is None else getattr(db, "obj", db)


def engine_of(db: Database | None = None) -> SqliteRows | PostgresRows:
    """This engine's row writer, as store/sql.py's `dialect` (the one place that looks) says."""
    return SQLITE if dialect(_db(db)) is Sqlite else POSTGRESQL


# --- the helpers the domain calls -------------------------------------------------------------------------

def insert_ignore(table: str, columns: Sequence[str], rows: Iterable[tuple], *, db: Database | None = None) -> int:
    """Insert `rows`, skipping each that would break a unique key; returns how many went in."""
    rows = list(rows)
    if not rows:
        return 0
    return engine_of(db).insert_ignore(_db(db), table, columns, rows)


def insert_ignore_select(table: str, columns: Sequence[str], select: str, params: Sequence[object] = (), *,
                         db: Database | None = None) -> int:
    """`INSERT … SELECT` that skips rows breaking a unique key; returns how many went in."""
    return engine_of(db).insert_ignore_select(_db(db), table, columns, select, params)


def insert_returning_id(table: str, values: dict[str, object], *, db: Database | None = None) -> int:
    """Insert one row and return the id the database gave it."""
    return engine_of(db).insert_returning_id(_db(db), table, values)


def reserve_ids(table: str, n: int, *, above: int = 0, db: Database | None = None) -> int:
    """The first of `n` consecutive ids past every stored one (and past `above`), for a bulk writer that
    picks ids itself: on a server the id sequence moves past them at once, so nobody else gets one."""
    return engine_of(db).reserve_ids(_db(db), table, max(1, n), above)


def sync_ids(table: str, *, db: Database | None = None) -> None:
    """After rows were written with ids the writer picked: the next id the database hands out is past them."""
    engine_of(db).sync_ids(_db(db), table)


def value_list(values: Iterable[object], *, alias: str = "j", db: Database | None = None) -> ValueList:
    """A list as one parameter, read as a table of one column `value`: `FROM {vl.sql} JOIN …`.
    Integers become a bigint list on a server, anything else text."""
    return engine_of(db).value_list(list(values), alias)


def in_values(values: Iterable[object], *, db: Database | None = None) -> tuple[str, object]:
    """(`IN …` condition text, its one parameter): `f"WHERE id {cond}"` with `param` for any number of values."""
    return engine_of(db).in_values(list(values))


def table_exists(name: str, *, db: Database | None = None) -> bool:
    return engine_of(db).table_exists(_db(db), name)


def bulk_write_settings(kib: int = BULK_CACHE_KIB, *, db: Database | None = None) -> AbstractContextManager[None]:
    """Settings for one bulk write, then the old ones: on SQLite a bigger page cache (the search index's
    pages stay in memory) and the WAL checkpointed after the COMMIT, in the background (store/checkpoints.py);
    nothing on a server."""
    return engine_of(db).bulk_write_settings(_db(db), kib)


@contextmanager
def _bulk_sqlite(db: Database, kib: int) -> Iterator[None]:
    with checkpoint_after(db), _page_cache(db, kib):
        yield


@contextmanager
def _page_cache(db: Database, kib: int) -> Iterator[None]:
    before = db.execute_sql("PRAGMA cache_size").fetchone()[0]
    page_kib = db.execute_sql("PRAGMA page_size").fetchone()[0] // 1024 or 1
    if (-before if before < 0 else before * page_kib) >= kib:
        yield
        return
    db.execute_sql(f"PRAGMA cache_size = {-kib}")
    try:
        yield
    finally:
        db.execute_sql(f"PRAGMA cache_size = {before}")
