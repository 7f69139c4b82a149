"""SQL that SQLite and PostgreSQL spell differently, chosen in one place (DESIGN rule 1, issue #18 item 1).

The domain writes its set-based queries as SQL text; where the engines differ (date arithmetic on the
'YYYY-MM-DD' text SQLite keeps, `total()`, `INSERT OR ...`), it asks `dialect(db)` for the expression
instead of spelling it. Each engine has one implementation, `Sqlite` and `Postgres`, with the same
methods; `dialect` is the only place that looks at which engine a database is.

The SQLite spelling is the one the domain had before (the reminder bench measures it: the planner must
keep seeing the same SQL). The PostgreSQL one returns the same values with the same Python types as
the SQLite book gives them: a day is a DATE (which store/pg_book.py reads back as 'YYYY-MM-DD' text),
day counts and sums are double precision (SQLite's julianday() and total() are floats, and the domain
does float arithmetic on them). Stored instants are UTC text ('YYYY-MM-DD HH:MM:SS') on both engines.

Each method returns an SQL fragment; a `?` in it is a parameter the caller passes, in order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from peewee import Database, DatabaseProxy, SqliteDatabase

from trade_crm.store.models import database


def day_shift(minutes: int) -> str:
    """The parameter `local_day` takes for a zone `minutes` ahead of UTC: a SQLite date() modifier, which
    PostgreSQL also reads as an interval."""
    return f"{int(minutes):+d} minutes"


def _columns(columns: Sequence[str]) -> str:
    return ", ".join(columns)


def _marks(columns: Sequence[str]) -> str:
    return ", ".join("?" * len(columns))


class Sqlite:
    """The spelling of a book in a SQLite file."""

    engine: ClassVar[str] = "sqlite"
    NO_LIMIT: ClassVar[int | None] = -1  # the `LIMIT ?` parameter that keeps every row

    @staticmethod
    def days_between(later: str, earlier: str) -> str:
        """Days from the day `earlier` to the day `later` (dates or 'YYYY-MM-DD' text), as a float."""
        return f"(julianday({later}) - julianday({earlier}))"

    @staticmethod
    def truncate(number: str) -> str:
        """A number as an integer, its fraction cut off toward zero (a plain CAST rounds on PostgreSQL)."""
        return f"CAST({number} AS INTEGER)"

    @staticmethod
    def add_days(day: str, days: str) -> str:
        """The day `days` (an integer expression) after `day`."""
        return f"date({day}, '+' || ({days}) || ' days')"  # || binds before *

    @staticmethod
    def local_day(instant: str) -> str:
        """The day of a stored UTC instant in the user's zone; one `?`: `day_shift(minutes ahead of UTC)`."""
        return f"date({instant}, ?)"

    @staticmethod
    def date_of(instant: str) -> str:
        """The UTC day of a stored instant, comparable with a DATE column."""
        return f"substr({instant}, 1, 10)"

    @staticmethod
    def month_day(day: str) -> str:
        """'MM-DD' of a DATE column (a birthday's day in any year)."""
        return f"substr({day}, 6, 5)"

    @staticmethod
    def year_month(day: str) -> str:
        """'YYYY-MM' of a DATE column."""
        return f"substr({day}, 1, 7)"

    @staticmethod
    def sum_or_zero(value: str) -> str:
        """The float sum of `value` over the group's rows, 0.0 when all are NULL."""
        return f"total({value})"

    @staticmethod
    def is_distinct(a: str, b: str) -> str:
        """True when `a` and `b` differ, NULL counting as a value (NULL vs NULL: not distinct)."""
        return f"{a} IS NOT {b}"

    @staticmethod
    def nulls_low(descending: bool) -> str:
        """What follows an ORDER BY key so that NULL sorts below every value, as SQLite sorts it."""
        return ""

    @classmethod
    def upsert(cls, table: str, key: Sequence[str], columns: Sequence[str]) -> str:
        """An INSERT of `columns` (the whole row) that replaces the row with the same `key`."""
        return cls.upsert_select(table, key, columns, f"VALUES ({_marks(columns)})")

    @staticmethod
    def upsert_select(table: str, key: Sequence[str], columns: Sequence[str], rows: str) -> str:
        """The same, of the rows `rows` gives (a SELECT, or VALUES)."""
        return f"INSERT OR REPLACE INTO {table} ({_columns(columns)}) {rows}"



class Postgres:
    """The spelling of a book on a PostgreSQL server (store/pg_book.py)."""

    engine: ClassVar[str] = "postgresql"
    NO_LIMIT: ClassVar[int | None] = None

    @staticmethod
    def days_between(later: str, earlier: str) -> str:
        return f"CAST(CAST({later} AS date) - CAST({earlier} AS date) AS double precision)"

    @staticmethod
    def truncate(number: str) -> str:
        return f"CAST(trunc({number}) AS integer)"

    @staticmethod
    def add_days(day: str, days: str) -> str:
        return f"(CAST({day} AS date) + CAST({days} AS integer))"

    @staticmethod
    def local_day(instant: str) -> str:
        return f"CAST(CAST({instant} AS timestamp) + CAST(? AS interval) AS date)"

    @staticmethod
    def date_of(instant: str) -> str:
        return f"CAST(left({instant}, 10) AS date)"

    @staticmethod
    def month_day(day: str) -> str:
        return f"to_char({day}, 'MM-DD')"

    @staticmethod
    def year_month(day: str) -> str:
        return f"to_char({day}, 'YYYY-MM')"

    @staticmethod
    def sum_or_zero(value: str) -> str:
        return f"CAST(coalesce(sum({value}), 0) AS double precision)"

    @staticmethod
    def is_distinct(a: str, b: str) -> str:
        return f"{a} IS DISTINCT FROM {b}"

    @staticmethod
    def nulls_low(descending: bool) -> str:
        return " NULLS LAST" if descending else " NULLS FIRST"  # PostgreSQL's NULL sorts high

    @classmethod
    def upsert(cls, table: str, key: Sequence[str], columns: Sequence[str]) -> str:
        return cls.upsert_select(table, key, columns, f"VALUES ({_marks(columns)})")

    @staticmethod
    def upsert_select(table: str, key: Sequence[str], columns: Sequence[str], rows: str) -> str:
        rest = [c for c in columns if c not in key]
        action = (f"UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in rest)}" if rest else "NOTHING")
        return f"INSERT INTO {table} ({_columns(columns)}) {rows} ON CONFLICT ({_columns(key)}) DO {action}"



Dialect = type[Sqlite] | type[Postgres]


def dialect(db: Database | DatabaseProxy) -> Dialect:
    """The spelling of `db`'s engine (the bound database behind a proxy)."""
    if isinstance(db, DatabaseProxy):
        db = db.obj
    return Sqlite if isinstance(db, SqliteDatabase) else Postgres


def upsert(db: Database | DatabaseProxy, table: str, key: Sequence[str], columns: Sequence[str],
           rows: Iterable[Sequence]) -> None:
    """Insert `rows`, each replacing the row with the same `key` (in the caller's transaction)."""
    db.cursor().executemany(dialect(db).upsert(table, key, columns), rows)


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


def plain_host(column: str, *, db: Database | None = None) -> str:
    """True for a text of ASCII letters, digits, dots and hyphens alone, not ending in a dot: a website that
    is only its host (most are), which has nothing to take apart (matching._website_hits)."""
    if _sqlite(db):
        return f"({column} NOT GLOB '*[^a-zA-Z0-9.-]*' AND {column} NOT LIKE '%.')"
    return f"({column} !~ '[^a-zA-Z0-9.-]' AND {column} NOT LIKE '%.')"


def join_in_order(*, db: Database | None = None) -> str:
    """A join whose tables SQLite must visit in the order written (its CROSS JOIN, which may carry an ON);
    PostgreSQL's CROSS JOIN takes no ON, and its planner picks the order."""
    return "CROSS JOIN" if _sqlite(db) else "JOIN"


def unindexed(column: str, *, db: Database | None = None) -> str:
    """A column SQLite's planner must not pick an index for (its unary `+`); PostgreSQL has no such
    hint and needs none (its statistics see the better plan)."""
    return f"+{column}" if _sqlite(db) else column
