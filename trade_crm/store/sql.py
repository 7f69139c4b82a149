"""SQL that SQLite and PostgreSQL spell differently, chosen in one place (DESIGN rule 1, issue #18 item 1).

`dialect(db)` is the only place that looks at which engine a database is; store/sql_rows.py (row writes)
asks it too. Each helper returns an SQL fragment.

(port-b's tree holds only what the duplicate finder and the importers need; port-a's sql.py holds the
rest, its `dialect` the same as this one.)
"""

from __future__ import annotations

from typing import ClassVar

from peewee import Database, DatabaseProxy, SqliteDatabase

from trade_crm.store.models import database


class Sqlite:
    """The spelling of a book in a SQLite file."""

    engine: ClassVar[str] = "sqlite"


class Postgres:
    """The spelling of a book on a PostgreSQL server (store/pg_book.py)."""

    engine: ClassVar[str] = "postgresql"


Dialect = type[Sqlite] | type[Postgres]


def dialect(db: Database | DatabaseProxy) -> Dialect:
    """The spelling of `db`'s engine (the bound database behind a proxy)."""
    if isinstance(db, DatabaseProxy):
        db = db.obj
    return Sqlite if isinstance(db, SqliteDatabase) else Postgres


# -- strings (duplicates) --

_UPPER, _LOWER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"


def _sqlite(db: Database | None) -> bool:
    """Whether `db` (default: the database the models are bound to) is a SQLite book."""
    return dialect(database if db is None else db) is Sqlite


def ids_list(expr: str, *, distinct: bool = False, db: Database | None = None) -> str:
    """An aggregate of integer ids as one comma-separated text ("3,17"), in no particular order:
    SQLite's group_concat, PostgreSQL's string_agg."""
    keyword = "DISTINCT " if distinct else ""
    if _sqlite(db):
        return f"group_concat({keyword}{expr})"
    return f"string_agg({keyword}CAST({expr} AS text), ',')"


def email_domain(column: str, *, db: Database | None = None) -> str:
    """What follows the first '@' of an address. Word for word the expression of the index
    `contact_channel_email_domain` on each engine (SQLite migration 3, store/pg_schema.py), so a lookup
    by domain is an index lookup."""
    find = "instr" if _sqlite(db) else "strpos"
    return f"substr({column}, {find}({column}, '@') + 1)"


def name_prefix(name: str, *, db: Database | None = None) -> str:
    """The first two characters of a name with only A-Z lower-cased (SQLite's lower() folds ASCII alone;
    PostgreSQL's would fold every letter under a UTF-8 locale, so it spells the ASCII fold out):
    matching.block_key's first part."""
    if _sqlite(db):
        return f"lower(substr({name}, 1, 2))"
    return f"translate(substr({name}, 1, 2), '{_UPPER}', '{_LOWER}')"


def name_block(name: str, country: str, *, db: Database | None = None) -> str:
    """matching.block_key in SQL: the name's prefix and the country; the expression of the index
    `customer_name_block` on each engine."""
    return f"({name_prefix(name, db=db)} || '|' || coalesce({country}, ''))"


def join_in_order(*, db: Database | None = None) -> str:
    """A join whose tables SQLite must visit in the order written (its CROSS JOIN, which may carry an ON);
    PostgreSQL's CROSS JOIN takes no ON, and its planner picks the order."""
    return "CROSS JOIN" if _sqlite(db) else "JOIN"


def unindexed(column: str, *, db: Database | None = None) -> str:
    """A column SQLite's planner must not pick an index for (its unary `+`); PostgreSQL has no such
    hint and needs none (its statistics see the better plan)."""
    return f"+{column}" if _sqlite(db) else column
