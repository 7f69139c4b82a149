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

**Fast.** Rows go in with COPY through the server book's psycopg connection, ids drawn from the
server's sequences in one statement per table; the laptop's search documents (the folded text
store/search.py made) are copied with their token arrays, so the server does not gather and fold them
again; only customers that were updated, or got contacts or tags, are re-indexed the ordinary way.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import datetime, timezone

from peewee import Database, InterfaceError, OperationalError

from trade_crm.domain.errors import DomainError
from trade_crm.domain.team import publish_rows as rows_
from trade_crm.domain.team.publish_rows import COLUMNS, FLAGS, PARENTS, fingerprint, fingerprint_table
from trade_crm.store import search
from trade_crm.store.errors import DatabaseError
from trade_crm.store.models import database
from trade_crm.store.postgres import open_postgres

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (table, rows done, rows of that table)
ORIGIN_SETTING = "team.book_id"
_LOCK = 7_180_106  # pg_advisory_xact_lock(_LOCK, hashtext(origin)): one publish of a book at a time
_BATCH = 10_000  # rows between progress reports
TABLES = ("tag", "custom_field", "customer", "contact", "contact_channel", "interaction", "opportunity",
          "orders", "reminder", "import_batch", "not_duplicate", "search")
VERSIONED = ("customer", "contact", "opportunity")  # rows two people edit: compared three ways


class PublishError(DomainError):
    """Publishing cannot start or went wrong on the server; the message says what to do."""


@dataclass(frozen=True)
class TableCount:
    table: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_server: int = 0  # changed on the laptop and on the server since the last publish: the server's kept
    skipped: int = 0  # its customer was deleted on the server


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
            job = _Publish(source, target, origin, progress or _quiet, now or datetime.now(timezone.utc))
            job.run()
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


class _Counter:
    def __init__(self) -> None:
        self.values: dict[str, int] = defaultdict(int)

    def add(self, name: str, n: int = 1) -> None:
        self.values[name] += n

    def result(self, table: str) -> TableCount:
        names = {f.name for f in fields(TableCount)} - {"table"}
        return TableCount(table, **{k: v for k, v in self.values.items() if k in names})


class _Publish:
    """One publish, inside both transactions."""

    def __init__(self, source: Database, target: Database, origin: str, progress: Progress, now: datetime):
        self.source, self.target, self.origin, self.progress = source, target, origin, progress
        self.stamp = now.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
        self.owner = ""
        self.maps: dict[str, dict[int, int]] = defaultdict(dict)  # table -> laptop id -> server id
        self.marks: dict[str, dict[int, int]] = defaultdict(dict)  # table -> laptop id -> published fingerprint
        self.counters: dict[str, _Counter] = defaultdict(_Counter)
        self.kept_customers: set[int] = set()
        self.phases: dict[str, float] = {}
        self._keys_of: dict[str, list[tuple[int, dict[int, int], bool]]] = {}
        self.reindex: set[int] = set()  # server customer ids whose documents must be rebuilt
        self.new_customers: list[tuple[int, int]] = []  # (laptop id, server id) of customers created now
        self.origin_rows: list[tuple[str, str, str, int]] = []
        self.gone: dict[str, set[int]] = defaultdict(set)  # laptop ids whose server row was deleted on the server
        self.new_marks: dict[str, dict[int, int]] = defaultdict(dict)  # fingerprints that replace the published

    @property
    def counts(self) -> dict[str, TableCount]:
        return {t: self.counters[t].result(t) for t in TABLES}

    # --- the steps ---

    def run(self) -> None:
        db = self.target
        with self.phase("what was published before"):
            db.execute_sql("SELECT pg_advisory_xact_lock(?, hashtext(?))", (_LOCK, self.origin))
            self.owner = db.execute_sql("SELECT current_user").fetchone()[0]
            for tbl, key, row_id in db.execute_sql("SELECT tbl, key::bigint, row_id FROM row_origin WHERE origin = ?",
                                                   (self.origin,)):  # this book's keys are its row ids
                table, mark, _ = tbl.partition("#")
                (self.marks if mark else self.maps)[table][key] = row_id
            self._find_gone()
        with self.phase("tags and custom fields"):
            tags = self._by_name("tag", "SELECT id, name FROM tag", ("name",), "SELECT id, name FROM tag")
            fields_ = self._by_name("custom_field", "SELECT id, name, kind, choices, position FROM custom_field",
                                    ("name", "kind", "choices", "position"), "SELECT id, name FROM custom_field")
        with self.phase("customers"):
            self._customers(tags, fields_)
        with self.phase("contacts"):
            self._contacts()
        with self.phase("timeline"):
            self._facts("interaction")
        with self.phase("opportunities, orders"):
            self._versioned_simple("opportunity")
            self._facts("orders")
        with self.phase("reminders, imports, not duplicates"):
            self._reminders()
            self._import_batches()
            self._not_duplicates()
        with self.phase("row origins"):
            self._write_origins()
        with self.phase("search index"):
            self._search()

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.phases[name] = self.phases.get(name, 0.0) + time.perf_counter() - started

    def _find_gone(self) -> None:
        """Published rows someone deleted on the server since: they are not brought back (nor their children)."""
        for table in ("customer", "contact"):  # what new rows refer to; facts of a deleted customer went with it
            known = self.maps[table]
            if not known:
                continue
            there = {r[0] for r in self.target.execute_sql(f"SELECT id FROM {table} WHERE id = ANY(?)",
                                                           (list(known.values()),))}
            for lid in [lid for lid, sid in known.items() if sid not in there]:
                self.gone[table].add(lid)
                del known[lid]

    def _is_new(self, table: str, lid: int) -> bool:
        return lid not in self.maps[table] and lid not in self.gone[table]

    def _tick(self, table: str, done: int, total: int) -> None:
        self.progress(table, done, total)

    def _by_name(self, table: str, local_sql: str, columns: tuple[str, ...], server_sql: str) -> dict[int, int]:
        """Tags and custom fields are matched by name (case folded); the missing ones are created."""
        local = self.source.execute_sql(local_sql).fetchall()
        server = {name.casefold(): sid for sid, name in self.target.execute_sql(server_sql)}
        missing = {row[1].casefold(): row[1:] for row in local if row[1].casefold() not in server}
        if missing:
            marks = ", ".join("?" * len(columns))
            self.target.cursor().executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) ON CONFLICT DO NOTHING",
                list(missing.values()))
            server = {name.casefold(): sid for sid, name in self.target.execute_sql(server_sql)}
            self.counters[table].add("created", len(missing))
        self.counters[table].add("unchanged", len(local) - len(missing))
        self._tick(table, len(local), len(local))
        return {row[0]: server[row[1].casefold()] for row in local}

    def _local(self, table: str) -> list[tuple]:
        columns = COLUMNS[table]
        return self.source.execute_sql(f"SELECT id, {', '.join(columns)} FROM {table} ORDER BY id").fetchall()

    def _mapped(self, table: str, row: Sequence) -> list | None:
        """A laptop row's values (without its id) with the server's ids in its foreign keys; None when the
        row's customer (or a channel's contact) is not on the server."""
        values = list(row[1:])
        for i, parent, required in self._foreign_keys(table):
            local_id = values[i]
            if local_id is None:
                continue
            server_id = parent.get(local_id)
            if server_id is None and required:
                return None
            values[i] = server_id
        return values

    def _foreign_keys(self, table: str) -> list[tuple[int, dict[int, int], bool]]:
        """(position, laptop id -> server id, required) of each foreign key of a table's data columns."""
        found = self._keys_of.get(table)
        if found is None:
            found = self._keys_of[table] = [(i, self.maps[PARENTS[c]], c == "customer_id" or table == "contact_channel")
                                            for i, c in enumerate(COLUMNS[table]) if c in PARENTS]
        return found

    def _allocate(self, table: str, n: int) -> list[int]:
        if n == 0:
            return []
        return [r[0] for r in self.target.execute_sql(
            f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, ?)", (n,))]

    def _copy(self, table: str, columns: Sequence[str], rows: Sequence[Sequence], *, report: str | None = None,
              total: int = 0, done: int = 0) -> None:
        with self.target.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for i, row in enumerate(rows, 1):
                copy.write_row(row)
                if report and i % _BATCH == 0:
                    self._tick(report, done + i, total)

    def _create(self, table: str, pending: list[tuple[int, list]], *, extra_columns: Sequence[str] = (),
                extra_values: Sequence = (), marks: dict[int, int] | None = None, total: int = 0) -> list[int]:
        """Insert new rows (laptop id, mapped values) with ids from the server's sequence; note their origin
        (and fingerprint). Returns the server ids, in order."""
        ids = self._allocate(table, len(pending))
        columns = ["id", *COLUMNS[table], *extra_columns]
        extra = list(extra_values)
        self._copy(table, columns, ((sid, *values, *extra) for sid, (_, values) in zip(ids, pending, strict=True)),
                   report=table, total=total)
        for sid, (local_id, _) in zip(ids, pending, strict=True):
            self.maps[table][local_id] = sid
            self.origin_rows.append((self.origin, table, str(local_id), sid))
            if marks is not None:
                self.origin_rows.append((self.origin, fingerprint_table(table), str(local_id), marks[local_id]))
        self.counters[table].add("created", len(pending))
        return ids

    def _three_way(self, table: str, local: dict[int, tuple[list, int]],
                   server_marks: Callable[[list[int]], dict[int, int]]) -> list[tuple[int, int, list]]:
        """The published rows the laptop changed since: (laptop id, server id, values) of those to update.
        `local` maps laptop id -> (mapped values, fingerprint now); `server_marks` fingerprints server rows."""
        changed = [(lid, sid) for lid, sid in self.maps[table].items()
                   if lid in local and local[lid][1] != self.marks[table].get(lid)]
        counter = self.counters[table]
        counter.add("unchanged", sum(1 for lid in self.maps[table] if lid in local) - len(changed))
        server = server_marks([sid for _, sid in changed]) if changed else {}
        updates = []
        for lid, sid in changed:
            now_mark, published = local[lid][1], self.marks[table].get(lid)
            if sid not in server:  # deleted on the server
                counter.add("skipped")
            elif server[sid] == now_mark:  # the server already holds the laptop's version
                counter.add("unchanged")
                self.new_marks[table][lid] = now_mark
            elif server[sid] == published:
                updates.append((lid, sid, local[lid][0]))
                self.new_marks[table][lid] = now_mark
            else:
                counter.add("kept_server")
                if table == "customer":
                    self.kept_customers.add(lid)
        counter.add("updated", len(updates))
        return updates

    def _update(self, table: str, updates: list[tuple[int, int, list]]) -> None:
        columns = COLUMNS[table]
        sets = ", ".join(f"{c} = ?" for c in columns)
        bump = ", version = version + 1" if table in VERSIONED else ""
        flags = [i for i, c in enumerate(columns) if c in FLAGS.get(table, ())]
        rows = []
        for _, sid, values in updates:
            values = list(values)
            for i in flags:
                values[i] = None if values[i] is None else bool(values[i])
            rows.append((*values, sid))
        self.target.cursor().executemany(f"UPDATE {table} SET {sets}{bump} WHERE id = ?", rows)

    # --- customers with their tags and custom values ---

    def _customers(self, tags: dict[int, int], fields_: dict[int, int]) -> None:
        rows = self._local("customer")
        total = len(rows)
        self._tick("customer", 0, total)
        extras = rows_.customer_extras(self.source, None)
        columns = COLUMNS["customer"]
        local = {r[0]: (list(r[1:]), fingerprint(columns, r[1:], extras.get(r[0], ()))) for r in rows}
        pending = [(lid, values) for lid, (values, _) in local.items() if self._is_new("customer", lid)]
        self.counters["customer"].add("skipped", len(self.gone["customer"] & local.keys()))

        def server_marks(ids: list[int]) -> dict[int, int]:
            found = self.target.execute_sql(f"SELECT id, {', '.join(columns)} FROM customer WHERE id = ANY(?)",
                                            (ids,)).fetchall()
            more = rows_.customer_extras(self.target, ids)
            return {r[0]: fingerprint(columns, r[1:], more.get(r[0], ())) for r in found}

        updates = self._three_way("customer", local, server_marks)
        ids = self._create("customer", pending, extra_columns=("owner",), extra_values=(self.owner,),
                           marks={lid: local[lid][1] for lid, _ in pending}, total=total)
        self.new_customers = [(lid, sid) for (lid, _), sid in zip(pending, ids, strict=True)]
        self._update("customer", updates)
        touched = {lid for lid, _ in pending} | {lid for lid, _, _ in updates}
        updated_sids = [sid for _, sid, _ in updates]
        if updated_sids:
            self.target.execute_sql("DELETE FROM customer_tag WHERE customer_id = ANY(?)", (updated_sids,))
            self.target.execute_sql("DELETE FROM custom_field_value WHERE customer_id = ANY(?)", (updated_sids,))
            self.reindex.update(updated_sids)
        customer_map = self.maps["customer"]
        links = [(customer_map[c], tags[t]) for c, t in
                 self.source.execute_sql("SELECT customer_id, tag_id FROM customer_tag ORDER BY customer_id")
                 if c in touched]
        self._copy("customer_tag", ("customer_id", "tag_id"), links)
        values = [(customer_map[c], fields_[f], v) for c, f, v in self.source.execute_sql(
                  "SELECT customer_id, field_id, value FROM custom_field_value ORDER BY id") if c in touched]
        self._copy("custom_field_value", ("customer_id", "field_id", "value"), values)
        self._tick("customer", total, total)

    # --- contacts with their channels ---

    def _contacts(self) -> None:
        rows = self._local("contact")
        total = len(rows)
        self._tick("contact", 0, total)
        channels = rows_.contact_channels(self.source, None)
        columns = COLUMNS["contact"]
        local, pending = {}, []
        for row in rows:
            values = self._mapped("contact", row)
            if values is None or row[0] in self.gone["contact"]:
                self.counters["contact"].add("skipped")
                continue
            local[row[0]] = (values, fingerprint(columns, values, tuple(channels.get(row[0], ()))))
            if self._is_new("contact", row[0]):
                pending.append((row[0], values))

        def server_marks(ids: list[int]) -> dict[int, int]:
            found = self.target.execute_sql(f"SELECT id, {', '.join(columns)} FROM contact WHERE id = ANY(?)",
                                            (ids,)).fetchall()
            more = rows_.contact_channels(self.target, ids)
            return {r[0]: fingerprint(columns, r[1:], tuple(more.get(r[0], ()))) for r in found}

        updates = self._three_way("contact", local, server_marks)
        self._create("contact", pending, marks={lid: local[lid][1] for lid, _ in pending}, total=total)
        self._update("contact", updates)
        updated = [sid for _, sid, _ in updates]
        if updated:
            self.target.execute_sql("DELETE FROM contact_channel WHERE contact_id = ANY(?)", (updated,))
        contact_map = self.maps["contact"]
        touched = {lid for lid, _ in pending} | {lid for lid, _, _ in updates}
        written = [(contact_map[cid], *channel) for cid in sorted(touched) for channel in channels.get(cid, ())]
        self._copy("contact_channel", ("contact_id", "kind", "value", "raw", "position"), written,
                   report="contact_channel", total=len(written))
        self.counters["contact_channel"].add("created", len(written))
        owner_at = columns.index("customer_id")
        self.reindex.update(local[lid][0][owner_at] for lid in touched)  # the document names its contacts
        self._tick("contact", total, total)

    # --- the timeline and orders: facts, added once ---

    def _facts(self, table: str) -> None:
        """Timeline entries and orders: the new ones are streamed from the laptop's rows into one COPY, so
        the server inserts while this side still reads (ids drawn first, one per new row; a row whose
        customer is gone leaves a gap in the sequence, as a rolled-back insert does)."""
        ids = [r[0] for r in self.source.execute_sql(f"SELECT id FROM {table} ORDER BY id")]
        known = self.maps[table]
        fresh = [i for i in ids if i not in known]
        total, counter = len(ids), self.counters[table]
        counter.add("unchanged", total - len(fresh))
        self._tick(table, 0, total)
        select = f"SELECT id, {', '.join(COLUMNS[table])} FROM {table}"
        if len(fresh) > len(ids) // 10:
            rows: Iterable[tuple] = self.source.execute_sql(f"{select} ORDER BY id")
        else:  # a second publish: read only the rows added since (published ones are never updated)
            rows = (r for chunk in rows_.chunks(fresh, 500)
                    for r in self.source.execute_sql(f"{select} WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        server_ids = iter(self._allocate(table, len(fresh)))
        mapping = self.maps[table]
        origin, origin_rows = self.origin, self.origin_rows

        def new_rows() -> Iterator[tuple]:
            for row in rows:
                if row[0] in known:
                    continue
                values = self._mapped(table, row)
                if values is None:
                    counter.add("skipped")
                    continue
                sid = next(server_ids)
                mapping[row[0]] = sid
                origin_rows.append((origin, table, str(row[0]), sid))
                counter.add("created")
                yield (sid, *values)

        self._copy(table, ["id", *COLUMNS[table]], new_rows(), report=table, total=total)
        self._tick(table, total, total)

    def _versioned_simple(self, table: str) -> None:
        """Opportunities: compared three ways on their own columns."""
        rows = self._local(table)
        total = len(rows)
        self._tick(table, 0, total)
        columns = COLUMNS[table]
        local, pending = {}, []
        for row in rows:
            values = self._mapped(table, row)
            if values is None or row[0] in self.gone[table]:
                self.counters[table].add("skipped")
                continue
            local[row[0]] = (values, fingerprint(columns, values))
            if self._is_new(table, row[0]):
                pending.append((row[0], values))

        def server_marks(ids: list[int]) -> dict[int, int]:
            found = self.target.execute_sql(f"SELECT id, {', '.join(columns)} FROM {table} WHERE id = ANY(?)",
                                            (ids,)).fetchall()
            return {r[0]: fingerprint(columns, r[1:]) for r in found}

        updates = self._three_way(table, local, server_marks)
        self._create(table, pending, marks={lid: local[lid][1] for lid, _ in pending}, total=total)
        self._update(table, updates)
        self._tick(table, total, total)

    # --- reminders: the state the user gave them ---

    def _reminders(self) -> None:
        rows = self._local("reminder")
        columns = COLUMNS["reminder"]
        at = {c: i for i, c in enumerate(columns)}
        counter, maps = self.counters["reminder"], self.maps
        fresh: list[tuple[int, list]] = []
        dealt: list[tuple[int, list]] = []  # published ones, to tell the server what the user did since
        for row in rows:
            values = self._mapped("reminder", row)
            key = None if values is None else rows_.server_key(values[at["key"]], maps)
            if key is None or row[0] in self.gone["reminder"]:
                counter.add("skipped")
                continue
            values[at["key"]] = key
            values[at["payload"]] = rows_.server_payload(values[at["payload"]], maps)
            (dealt if row[0] in maps["reminder"] else fresh).append((row[0], values))
        if fresh:  # a key the server already raised is not inserted again: the server's row is this one
            self.target.execute_sql("CREATE TEMPORARY TABLE publish_reminder (LIKE reminder) ON COMMIT DROP")
            self._copy("publish_reminder", ["id", *columns], [(lid, *values) for lid, values in fresh])
            listed = ", ".join(columns)
            created = {r[0] for r in self.target.execute_sql(
                f"INSERT INTO reminder ({listed}) SELECT {listed} FROM publish_reminder ORDER BY id "
                "ON CONFLICT (key) DO NOTHING RETURNING id")}
            counter.add("created", len(created))
            by_key = dict(self.target.execute_sql("SELECT key, id FROM reminder WHERE key = ANY(?)",
                                                  ([values[at["key"]] for _, values in fresh],)).fetchall())
            for lid, values in fresh:
                sid = maps["reminder"][lid] = by_key[values[at["key"]]]
                self.origin_rows.append((self.origin, "reminder", str(lid), sid))
                if sid not in created:  # the server raised it too: what the user did with it may be news
                    dealt.append((lid, values))
        # The user's decision travels: a reminder done, snoozed or dismissed on the laptop and still open on
        # the server is set so there; a server-side decision is never undone.
        closed = [(values[at["state"]], values[at["snoozed_until"]], self.stamp, maps["reminder"][lid])
                  for lid, values in dealt if values[at["state"]] != "open"]
        if closed:  # only those still open there: a second publish sends no update for the rest
            still_open = {r[0] for r in self.target.execute_sql(
                "SELECT id FROM reminder WHERE id = ANY(?) AND state = 'open'", ([row[3] for row in closed],))}
            closed = [row for row in closed if row[3] in still_open]
        changed = 0
        if closed:
            cursor = self.target.cursor()
            cursor.executemany("UPDATE reminder SET state = ?, snoozed_until = ?, updated_at = ? "
                               "WHERE id = ? AND state = 'open'", closed)
            changed = max(cursor.rowcount, 0)
        counter.add("updated", changed)
        counter.add("unchanged", len(dealt) - changed)
        self._tick("reminder", len(rows), len(rows))

    # --- import history (its journal names the laptop's ids: not undoable on the server) ---

    def _import_batches(self) -> None:
        rows = self._local("import_batch")
        at = {c: i for i, c in enumerate(COLUMNS["import_batch"])}
        pending = []
        for row in rows:
            if row[0] in self.maps["import_batch"]:
                self.counters["import_batch"].add("unchanged")
                continue
            values = list(row[1:])
            values[at["journal"]] = json.dumps({"published_from": self.origin, "batch": row[0]})
            pending.append((row[0], values))
        self._create("import_batch", pending, total=len(rows))

    def _not_duplicates(self) -> None:
        customers = self.maps["customer"]
        pairs = []
        for a, b, created in self.source.execute_sql("SELECT customer_a, customer_b, created_at FROM not_duplicate"):
            if a in customers and b in customers:
                x, y = sorted((customers[a], customers[b]))
                pairs.append((x, y, created))
        if pairs:
            cursor = self.target.cursor()
            cursor.executemany("INSERT INTO not_duplicate (customer_a, customer_b, created_at) VALUES (?, ?, ?) "
                               "ON CONFLICT DO NOTHING", pairs)
            self.counters["not_duplicate"].add("created", max(cursor.rowcount, 0))
            self.counters["not_duplicate"].add("unchanged", len(pairs) - max(cursor.rowcount, 0))

    def _write_origins(self) -> None:
        for table, marks in self.new_marks.items():
            marks_table = fingerprint_table(table)
            self.target.execute_sql("DELETE FROM row_origin WHERE origin = ? AND tbl = ? AND key = ANY(?)",
                                    (self.origin, marks_table, [str(lid) for lid in marks]))
            self.origin_rows += [(self.origin, marks_table, str(lid), mark) for lid, mark in marks.items()]
        self._copy("row_origin", ("origin", "tbl", "key", "row_id"), self.origin_rows)

    # --- the search index ---

    def _search(self) -> None:
        total = len(self.new_customers)
        self._tick("search", 0, total)
        bodies = dict(self.source.execute_sql("SELECT rowid, body FROM search_trigram")) if total else {}
        missing = [lid for lid, _ in self.new_customers if lid not in bodies]
        for lid, parts in search.document_parts(self.source, missing).items():
            bodies[lid] = search.document_body(search.fold(" \n".join(dict.fromkeys(parts))))
        docs = [(sid, bodies[lid]) for lid, sid in self.new_customers if lid in bodies]
        self._copy("search_trigram", ("rowid", "body"), docs)
        self._copy("search_words", ("rowid", "tokens"),
                   ((sid, rows_.array_text(search.short_tokens(body))) for sid, body in docs),
                   report="search", total=total)
        new = {sid for _, sid in self.new_customers}
        again = sorted(self.reindex - new)
        if again:
            search.reindex(self.target, again)
        self.counters["search"].add("created", len(docs))
        self.counters["search"].add("updated", len(again))
        self._tick("search", total, total)


def publish_to(url: str, *, password: str | None = None, progress: Progress | None = None,
               now: datetime | None = None) -> PublishSummary:
    """Publish the open book (the one the models are bound to) to the server book at `url`; the password
    is `password`, else the keyring's or PGPASSWORD (store/pg_book.py). For the window's worker."""
    target = open_postgres(url, password=password, bind=False)
    try:
        return publish(database.obj, target, progress=progress, now=now)
    finally:
        target.close()
