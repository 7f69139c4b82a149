"""Publish a laptop book to a team server (#18 item 6): its rows copied under the publisher as owner, once.

`publish(source, target, progress=..., now=...)` copies the laptop book `source` (SQLite) into the
server book `target` (PostgreSQL): customers (tags by name, custom field values by field name), contacts
and their channels, the timeline, opportunities, orders, the reminders' state, import history, the
pairs marked "not duplicates", and the search documents. Every customer gets `owner` = the publishing
login, set explicitly.

**Once.** The laptop book gets an id of its own (a UUID in its settings, made on the first publish).
Each row written is noted in the server's `row_origin` (origin = that id, tbl, key = the laptop's row
id, row_id = the server's), so publishing again finds it instead of creating it twice, and publishes
only what is new or changed:

- a customer, contact or opportunity the laptop changed since the last publish is updated, unless the
  server's copy changed too (its content no longer matches the fingerprint the last publish noted,
  publish_rows.py): then the server's is kept and the summary says so (`kept_server`);
- timeline entries, orders and import batches are facts: new ones are added, published ones left alone;
- a reminder the user dealt with on the laptop (done, snoozed, dismissed) is marked so on the server
  when the server's is still open, so the server does not raise it again;
- nothing the server holds is deleted; a customer deleted on the server is not brought back, and
  what the laptop added to it since is skipped (counted as `skipped`).

**One transaction.** The whole publish is one server transaction (the house rule for a multi-row
write): a failure or a cancel leaves the server as it was, and a publish of the same book by two
processes at once waits on an advisory lock instead of racing. A 100k-customer book is 2.7M rows:
PostgreSQL holds that in one transaction without trouble, and resuming half a publish would need the
same bookkeeping as a second publish anyway.

**Fast.** Rows go in with COPY through the server book's psycopg connection (staged in a temporary table
and moved with one INSERT ... SELECT where row-level security refuses COPY), ids drawn from the server's
sequences in one statement per table; the laptop's search documents (the folded text store/search.py
made) are copied with their tokens and get their sort bands in the same INSERT, so the server does not
gather and fold them again; only customers that were updated, or got contacts or tags, are re-indexed the
ordinary way. The server notes inserted rows once a statement (audit trail, reminders' change log: server
step 15). docs/team-server.md, "Publish: how it is fast", has the measurements.

Where: this module is the entry (`publish`, `publish_to`, the summary); publish_run.py holds one
publish's state and the three-way tables; publish_steps.py the facts, reminders, row origins and search
documents; publish_rows.py the fingerprints and the ids inside reminder keys.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone

from peewee import Database, InterfaceError, OperationalError

from trade_crm.domain.errors import DomainError
from trade_crm.domain.team import publish_steps as steps
from trade_crm.domain.team.publish_run import TABLES, WRITTEN, Progress, PublishRun, TableCount
from trade_crm.store import pg_bulk
from trade_crm.store.errors import DatabaseError
from trade_crm.store.models import database
from trade_crm.store.postgres import open_postgres

__all__ = ["ORIGIN_SETTING", "Progress", "PublishError", "PublishSummary", "TableCount", "book_origin",
           "ensure_origin", "publish", "publish_to"]

log = logging.getLogger(__name__)

ORIGIN_SETTING = "team.book_id"
# Customers from which a publish into a book without any is a bulk load (indexes built once at the end): below,
# dropping and creating some forty indexes costs more than keeping them.
BULK_FROM = 1_000


class PublishError(DomainError):
    """Publishing cannot start or went wrong on the server; the message says what to do."""


@dataclass(frozen=True)
class PublishSummary:
    origin: str  # the laptop book's id
    owner: str  # the login that owns the published customers
    tables: tuple[TableCount, ...]
    kept_server: tuple[int, ...]  # the laptop's ids of customers whose server copy was kept
    seconds: float
    phases: tuple[tuple[str, float], ...] = ()  # seconds per step, in order (the bench prints them)

    def count(self, table: str) -> TableCount:
        return next((t for t in self.tables if t.table == table), TableCount(table))

    @property
    def created(self) -> int:
        return sum(t.created for t in self.tables if t.table != "search")

    @property
    def updated(self) -> int:
        return sum(t.updated for t in self.tables if t.table != "search")


def book_origin(source: Database) -> str | None:
    """The laptop book's id, if it was ever published."""
    row = source.execute_sql("SELECT value FROM setting WHERE key = ?", (ORIGIN_SETTING,)).fetchone()
    try:
        value = json.loads(row[0]) if row else None
    except ValueError:
        return None
    return value if isinstance(value, str) and value else None


def ensure_origin(source: Database) -> str:
    """The laptop book's id, made and saved on its first publish."""
    with source.atomic():
        origin = book_origin(source)
        if origin is None:
            origin = str(uuid.uuid4())
            source.execute_sql("DELETE FROM setting WHERE key = ?", (ORIGIN_SETTING,))  # an unreadable one
            source.execute_sql("INSERT INTO setting (key, value) VALUES (?, ?)", (ORIGIN_SETTING, json.dumps(origin)))
    return origin


def publish(source: Database, target: Database, *, progress: Progress | None = None,
            now: datetime | None = None) -> PublishSummary:
    """Copy the laptop book `source` into the server book `target` in one server transaction (above).
    `progress` may raise to cancel (nothing is then published). Raises DatabaseError when the server
    stops answering or refuses a write."""
    if not _is_server(target):
        raise PublishError("publish copies a book on this computer to a team server; the target is not one")
    if _is_server(source):
        raise PublishError("this book is already on a server; publish copies a book on this computer")
    started = time.perf_counter()
    origin = ensure_origin(source)
    try:
        with source.atomic("DEFERRED"), target.atomic():
            job = PublishRun(source, target, origin, progress or _quiet, now or datetime.now(timezone.utc))
            _run(job)
    except (OperationalError, InterfaceError) as exc:
        raise DatabaseError(f"the team server stopped answering; nothing was published ({_line(exc)})") from None
    except DatabaseError:
        raise
    except Exception as exc:
        if type(exc).__module__.startswith(("psycopg", "peewee")):
            raise DatabaseError(f"the team server refused the publish; nothing was published ({_line(exc)})") from None
        raise
    summary = PublishSummary(origin, job.owner, tuple(job.counts[t] for t in TABLES),
                             tuple(sorted(job.kept_customers)), round(time.perf_counter() - started, 3),
                             tuple((name, round(seconds, 3)) for name, seconds in job.phases.items()))
    log.info("published book %s: %d rows created, %d updated, %d customers kept as the server has them",
             origin, summary.created, summary.updated, len(summary.kept_server))
    return summary


def _is_server(db: Database) -> bool:
    return getattr(db, "engine", "") == "postgresql"


def _line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300] or type(exc).__name__


def _quiet(table: str, done: int, total: int) -> None:
    return None


def _run(run: PublishRun) -> None:
    """The steps in order: each table after the ones its rows refer to; row origins and documents last. Into a
    book with no customer yet, a big publish is a bulk load (store/pg_bulk.py): the indexes are built and the
    foreign keys checked once, at the end, and the search bands drawn from the published customers."""
    from trade_crm.store.pg_pipeline import Pipeline  # lazy: psycopg, loaded with a server book only

    with run.phase("what was published before"):
        run.load_origins()
        run.bulk = run.customer_count() >= BULK_FROM and pg_bulk.begin(run.target)
        run.learn_secured(WRITTEN)
    run.pipe = Pipeline(run.target)
    try:
        run.reserve_ids()
        _write(run)
        run.pipe.close()
    except BaseException:
        run.pipe.abort()  # the statement that runs ends, the rest is dropped: the transaction then rolls back
        raise
    finally:
        run.pipe = None
        if run.documents is not None:  # a failed or cancelled publish waits for its reader before it returns
            run.documents.wait()


def _write(run: PublishRun) -> None:
    """Each table after the ones its rows refer to. The rows are prepared here while a second thread sends the
    server what was prepared before (store/pg_pipeline.py), so a phase's seconds are this side's until "the
    server catching up", which waits for the server to write what was sent; the steps whose answers are needed
    (reminders, imports, "not duplicates": a few rows) come after it."""
    with run.phase("tags and custom fields"):
        tags, fields_ = run.tags_and_fields()
    with run.phase("customers"):
        run.customers(tags, fields_)
        if run.bulk:
            run.execute("SELECT bulk_load_bounds()")  # pg_bulk.draw_bounds, for the documents' bands
    with run.phase("contacts"):
        run.contacts()
        steps.prepare_documents(run)
    with run.phase("timeline"):
        steps.facts(run, "interaction")
    with run.phase("opportunities, orders"):
        run.opportunities()
        steps.facts(run, "orders")
    with run.phase("search index"):
        steps.search_documents(run)
    with run.phase("row origins"):
        steps.write_origins(run, marks=False)
    with run.phase("the server catching up"):
        run.pipe.drain()
    with run.phase("reminders, imports, not duplicates"):
        steps.reminders(run)
        steps.import_batches(run)
        steps.not_duplicates(run)
        steps.write_origins(run)
    if run.bulk:
        with run.phase("indexes built, keys checked"):
            pg_bulk.end(run.target)


def publish_to(url: str, *, password: str | None = None, progress: Progress | None = None,
               now: datetime | None = None) -> PublishSummary:
    """Publish the open book (the one the models are bound to) to the server book at `url`; the password
    is `password`, else the keyring's or PGPASSWORD (store/pg_book.py). For the window's worker."""
    target = open_postgres(url, password=password, bind=False)
    try:
        return publish(database.obj, target, progress=progress, now=now)
    finally:
        target.close()
