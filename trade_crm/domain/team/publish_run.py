"""One publish's working state and its steps for the rows people edit (domain/team/publish.py runs them).

`PublishRun` holds what a publish knows as it goes: which laptop rows are already on the server (from
`row_origin`), the server ids of the rows it writes, the counts. Customers, contacts and opportunities are
compared three ways here (publish_rows.py's fingerprints); timeline entries, orders, reminders, import
history and the search documents are publish_steps.py's.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import datetime, timezone

from peewee import Database

from trade_crm.domain.team import publish_rows as rows_
from trade_crm.domain.team.publish_rows import COLUMNS, FLAGS, PARENTS, fingerprint

Progress = Callable[[str, int, int], None]  # (table, rows done, rows of that table)
LOCK = 7_180_106  # pg_advisory_xact_lock(LOCK, hashtext(origin)): one publish of a book at a time
BATCH = 10_000  # rows between progress reports
TABLES = ("tag", "custom_field", "customer", "contact", "contact_channel", "interaction", "opportunity",
          "orders", "reminder", "import_batch", "not_duplicate", "search")
VERSIONED = ("customer", "contact", "opportunity")
RESERVED = ("customer", "contact", "interaction", "opportunity", "orders", "import_batch")  # ids drawn up front
WRITTEN = ("customer", "customer_tag", "custom_field_value", "contact", "contact_channel", "interaction",
           "opportunity", "orders", "import_batch", "row_origin")  # COPYed: staged where row-level security is on  # rows two people edit: compared three ways


def _draw_sql(table: str, n: int) -> str:
    """SQL for `n` new ids of `table`: as one range (an array of its last id) when this transaction holds the
    table against every other writer (a bulk load's: store/pg_bulk.py), so nobody else draws one in between;
    else one `nextval` each (an array of them). A million `nextval`s cost the server seconds."""
    sequence = f"pg_get_serial_sequence('{table}', 'id')"
    held = ("EXISTS (SELECT 1 FROM pg_locks WHERE pid = pg_backend_pid() AND granted AND "
            f"relation = to_regclass('{table}') AND mode IN ('ExclusiveLock', 'AccessExclusiveLock'))")
    return (f"CASE WHEN {held} THEN ARRAY[setval({sequence}, nextval({sequence}) + {n - 1})] "
            f"ELSE (SELECT array_agg(nextval({sequence})) FROM generate_series(1, {n})) END")


@dataclass(frozen=True)
class TableCount:
    table: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_server: int = 0  # changed on the laptop and on the server since the last publish: the server's kept
    skipped: int = 0  # its customer was deleted on the server


class TableCounter:
    """The counts of one table, as a publish goes."""

    def __init__(self) -> None:
        self.values: dict[str, int] = defaultdict(int)

    def add(self, name: str, n: int = 1) -> None:
        self.values[name] += n

    def result(self, table: str) -> TableCount:
        names = {f.name for f in fields(TableCount)} - {"table"}
        return TableCount(table, **{k: v for k, v in self.values.items() if k in names})


class PublishRun:
    """One publish, inside both transactions."""

    def __init__(self, source: Database, target: Database, origin: str, progress: Progress, now: datetime):
        self.source, self._target, self.origin, self.progress = source, target, origin, progress
        self.pipe = None  # store.pg_pipeline.Pipeline: the server's writes sent by a second thread, in order
        self._reserved: dict[str, tuple[Sequence[int], int]] = {}  # table -> (ids drawn at the start, next unused)
        self._reserving = None  # (rows per table, the Future of their ids) until the ids are first needed
        self.stamp = now.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
        self.owner = ""
        self.maps: dict[str, dict[int, int]] = defaultdict(dict)  # table -> laptop id -> server id
        self.secured: dict[str, bool] = {}  # table -> under row-level security (COPY goes through a temp table)
        self.marks: dict[str, dict[int, int]] = defaultdict(dict)  # table -> laptop id -> published fingerprint
        self.counters: dict[str, TableCounter] = defaultdict(TableCounter)
        self.kept_customers: set[int] = set()
        self.phases: dict[str, float] = {}
        self._keys_of: dict[str, list[tuple[int, dict[int, int], bool]]] = {}
        self.reindex: set[int] = set()  # server customer ids whose documents must be rebuilt
        self.new_customers: list[tuple[int, int]] = []  # (laptop id, server id) of customers created now
        self.origin_rows: list[tuple[str, str, str, int]] = []
        self.gone: dict[str, set[int]] = defaultdict(set)  # laptop ids whose server row was deleted on the server
        self.new_marks: dict[str, dict[int, int]] = defaultdict(dict)  # fingerprints that replace the published
        # (table, laptop ids, laptop id -> fingerprint) of the rows created: computed when the row origins are
        # written, after the rows went to the server (this side's work while the server works)
        self.created_marks: list[tuple[str, list[int], Callable[[int], int]]] = []
        self.first = False  # set by load_origins: nothing of this book on the server yet
        self.bulk = False  # a bulk load into a book without customers (store/pg_bulk.py)
        self.documents = None  # publish_steps.Documents: the search documents read beside the first steps

    @property
    def target(self) -> Database:
        """The server book, for a statement whose answer this side needs: everything queued runs first."""
        if self.pipe is not None:
            self.pipe.drain()
        return self._target

    def execute(self, sql: str, params: Sequence | None = None) -> None:
        """A statement whose answer is not needed: queued when the writes are pipelined."""
        if self.pipe is not None:
            self.pipe.execute(sql, params)
        else:
            self._target.execute_sql(sql, params)

    @property
    def counts(self) -> dict[str, TableCount]:
        return {t: self.counters[t].result(t) for t in TABLES}

    # --- the steps ---

    def load_origins(self) -> None:
        """Wait for any other publish of this book, then read what its earlier publishes wrote."""
        db = self.target
        db.execute_sql("SELECT pg_advisory_xact_lock(?, hashtext(?))", (LOCK, self.origin))
        self.owner = db.execute_sql("SELECT current_user").fetchone()[0]
        for tbl, key, row_id in db.execute_sql("SELECT tbl, key::bigint, row_id FROM row_origin WHERE origin = ?",
                                               (self.origin,)):  # this book's keys are its row ids
            table, mark, _ = tbl.partition("#")
            (self.marks if mark else self.maps)[table][key] = row_id
        self.find_gone()
        self.first = not self.maps["customer"]  # none of this book's customers on the server yet

    def customer_count(self) -> int:
        return self.source.execute_sql("SELECT count(*) FROM customer").fetchone()[0]

    def tags_and_fields(self) -> tuple[dict[int, int], dict[int, int]]:
        """The server's tag and custom field ids of the laptop's, by name (case folded); the missing made."""
        tags = self._by_name("tag", "SELECT id, name FROM tag", ("name",), "SELECT id, name FROM tag")
        fields_ = self._by_name("custom_field", "SELECT id, name, kind, choices, position FROM custom_field",
                                ("name", "kind", "choices", "position"), "SELECT id, name FROM custom_field")
        return tags, fields_

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.phases[name] = self.phases.get(name, 0.0) + time.perf_counter() - started

    def find_gone(self) -> None:
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

    def tick(self, table: str, done: int, total: int) -> None:
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
        self.tick(table, len(local), len(local))
        return {row[0]: server[row[1].casefold()] for row in local}

    def local_rows(self, table: str) -> list[tuple]:
        columns = COLUMNS[table]
        return self.source.execute_sql(f"SELECT id, {', '.join(columns)} FROM {table} ORDER BY id").fetchall()

    def mapped(self, table: str, row: Sequence) -> list | None:
        """A laptop row's values (without its id) with the server's ids in its foreign keys; None when the
        row's customer (or a channel's contact) is not on the server."""
        return self.mapper(table)(row)

    def mapper(self, table: str) -> Callable[[Sequence], list | None]:
        """`mapped` for the rows of one table (its keys looked up once: a million rows go through it)."""
        keys = self._foreign_keys(table)

        def mapped(row: Sequence) -> list | None:
            values = list(row[1:])
            for i, parent, required in keys:
                local_id = values[i]
                if local_id is None:
                    continue
                server_id = parent.get(local_id)
                if server_id is None and required:
                    return None
                values[i] = server_id
            return values

        return mapped

    def _foreign_keys(self, table: str) -> list[tuple[int, dict[int, int], bool]]:
        """(position, laptop id -> server id, required) of each foreign key of a table's data columns."""
        found = self._keys_of.get(table)
        if found is None:
            found = self._keys_of[table] = [(i, self.maps[PARENTS[c]], c == "customer_id" or table == "contact_channel")
                                            for i, c in enumerate(COLUMNS[table]) if c in PARENTS]
        return found

    def reserve_ids(self) -> None:
        """On a book's first publish, every new row's id drawn at once, before the rows are read: each table
        then needs none drawn in its turn, which would wait for the server to finish the tables before it.
        At most the laptop's rows of each table (a row skipped leaves a gap, as a rolled-back insert does)."""
        if any(self.maps.values()) or self.pipe is None:
            return
        counts = {t: self.source.execute_sql(f"SELECT count(*) FROM {t}").fetchone()[0] for t in RESERVED}
        counts = {t: int(n) for t, n in counts.items() if n}
        if counts:
            self._reserving = (counts, self.pipe.result("SELECT " + ", ".join(_draw_sql(t, n) for t, n in counts.items())))

    def _reserved_ids(self, table: str, n: int) -> list[int] | None:
        reserving = self._reserving
        if reserving is not None:
            counts, found = reserving
            row = found.result()[0]
            for (drawn_for, rows), ids in zip(counts.items(), row, strict=True):
                if len(ids) != rows:  # the last of a range drawn at once
                    ids = range(ids[0] - rows + 1, ids[0] + 1)
                self._reserved[drawn_for] = (ids, 0)
            self._reserving = None
        ids, at = self._reserved.get(table, ((), 0))
        if at + n > len(ids):
            return None
        self._reserved[table] = (ids, at + n)
        return list(ids[at:at + n])

    def allocate(self, table: str, n: int) -> list[int]:
        if n == 0:
            return []
        reserved = self._reserved_ids(table, n)
        if reserved is not None:
            return reserved
        return self.target.execute_sql(  # one array: a million rows fetched one by one cost seconds here
            f"SELECT array_agg(nextval(pg_get_serial_sequence('{table}', 'id'))) FROM generate_series(1, ?)",
            (n,)).fetchone()[0]

    def copy(self, table: str, columns: Sequence[str], rows: Iterable[Sequence], *, report: str | None = None,
              total: int = 0, done: int = 0) -> None:
        """COPY the rows in; a table under row-level security (which refuses COPY FROM) gets them through a
        temporary table and one INSERT ... SELECT, so its policies and triggers see every row."""
        names = ", ".join(columns)
        staged = self.row_secured(table)
        into = f"publish_stage_{table}" if staged else table
        if staged:
            self.execute(f"CREATE TEMP TABLE {into} AS SELECT {names} FROM {table} WITH NO DATA")
        sql = f"COPY {into} ({names}) FROM STDIN"
        with self.pipe.copy(sql) if self.pipe is not None else self._target.cursor().copy(sql) as copy:
            for i, row in enumerate(rows, 1):
                copy.write_row(row)
                if report and i % BATCH == 0:
                    self.tick(report, done + i, total)
        if staged:
            self.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {into}")
            self.execute(f"DROP TABLE {into}")

    def learn_secured(self, tables: Sequence[str]) -> None:
        """Which of `tables` are under row-level security, asked once for all."""
        self.secured.update(self._target.execute_sql(
            "SELECT t, coalesce((SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass(t)), false) "
            "FROM unnest(CAST(? AS text[])) AS t", (list(tables),)).fetchall())

    def row_secured(self, table: str) -> bool:
        if table.startswith("publish_"):
            return False  # a temporary table of this publish's
        if table not in self.secured:
            row = self.target.execute_sql("SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass(?)",
                                          (table,)).fetchone()
            self.secured[table] = bool(row and row[0])
        return self.secured[table]

    def create(self, table: str, pending: list[tuple[int, list]], *, extra_columns: Sequence[str] = (),
                extra_values: Sequence = (), marks: Callable[[int], int] | None = None, total: int = 0) -> list[int]:
        """Insert new rows (laptop id, mapped values) with ids from the server's sequence; note their origin
        (and fingerprint: `marks(laptop id)`, asked when the origins are written). Returns the server ids."""
        ids = self.allocate(table, len(pending))
        columns = ["id", *COLUMNS[table], *extra_columns]
        extra = list(extra_values)
        self.copy(table, columns, ((sid, *values, *extra) for sid, (_, values) in zip(ids, pending, strict=True)),
                   report=table, total=total)
        for sid, (local_id, _) in zip(ids, pending, strict=True):
            self.maps[table][local_id] = sid
            self.origin_rows.append((self.origin, table, str(local_id), sid))
        if marks is not None:
            self.created_marks.append((table, [lid for lid, _ in pending], marks))
        self.counters[table].add("created", len(pending))
        return ids

    def _three_way(self, table: str, local: dict[int, tuple[list, int]],
                   server_marks: Callable[[list[int]], dict[int, int]]) -> list[tuple[int, int, list]]:
        """The published rows the laptop changed since: (laptop id, server id, values) of those to update.
        `local` maps laptop id -> (mapped values, fingerprint now: of the published rows at least);
        `server_marks` fingerprints server rows."""
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
        if not updates:
            return
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

    def customers(self, tags: dict[int, int], fields_: dict[int, int]) -> None:
        rows = self.local_rows("customer")
        total = len(rows)
        self.tick("customer", 0, total)
        extras = rows_.customer_extras(self.source, None)
        columns = COLUMNS["customer"]
        published = self.maps["customer"]
        local = {r[0]: (list(r[1:]), fingerprint(columns, r[1:], extras.get(r[0], ())) if r[0] in published else 0)
                 for r in rows}
        pending = [(lid, values) for lid, (values, _) in local.items() if self._is_new("customer", lid)]
        self.counters["customer"].add("skipped", len(self.gone["customer"] & local.keys()))

        def server_marks(ids: list[int]) -> dict[int, int]:
            found = self.target.execute_sql(f"SELECT id, {', '.join(columns)} FROM customer WHERE id = ANY(?)",
                                            (ids,)).fetchall()
            more = rows_.customer_extras(self.target, ids)
            return {r[0]: fingerprint(columns, r[1:], more.get(r[0], ())) for r in found}

        updates = self._three_way("customer", local, server_marks)
        ids = self.create("customer", pending, extra_columns=("owner",), extra_values=(self.owner,),
                           marks=lambda lid: fingerprint(columns, local[lid][0], extras.get(lid, ())), total=total)
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
        self.copy("customer_tag", ("customer_id", "tag_id"), links)
        values = [(customer_map[c], fields_[f], v) for c, f, v in self.source.execute_sql(
                  "SELECT customer_id, field_id, value FROM custom_field_value ORDER BY id") if c in touched]
        self.copy("custom_field_value", ("customer_id", "field_id", "value"), values)
        self.tick("customer", total, total)

    # --- contacts with their channels ---

    def contacts(self) -> None:
        rows = self.local_rows("contact")
        total = len(rows)
        self.tick("contact", 0, total)
        channels = rows_.contact_channels(self.source, None)
        columns = COLUMNS["contact"]
        local, pending = {}, []
        mapped = self.mapper("contact")
        for row in rows:
            values = mapped(row)
            if values is None or row[0] in self.gone["contact"]:
                self.counters["contact"].add("skipped")
                continue
            published = row[0] in self.maps["contact"]
            local[row[0]] = (values, fingerprint(columns, values, tuple(channels.get(row[0], ()))) if published else 0)
            if self._is_new("contact", row[0]):
                pending.append((row[0], values))

        def server_marks(ids: list[int]) -> dict[int, int]:
            found = self.target.execute_sql(f"SELECT id, {', '.join(columns)} FROM contact WHERE id = ANY(?)",
                                            (ids,)).fetchall()
            more = rows_.contact_channels(self.target, ids)
            return {r[0]: fingerprint(columns, r[1:], tuple(more.get(r[0], ()))) for r in found}

        updates = self._three_way("contact", local, server_marks)
        self.create("contact", pending, total=total,
                    marks=lambda lid: fingerprint(columns, local[lid][0], tuple(channels.get(lid, ()))))
        self._update("contact", updates)
        updated = [sid for _, sid, _ in updates]
        if updated:
            self.target.execute_sql("DELETE FROM contact_channel WHERE contact_id = ANY(?)", (updated,))
        contact_map = self.maps["contact"]
        touched = {lid for lid, _ in pending} | {lid for lid, _, _ in updates}
        written = [(contact_map[cid], *channel) for cid in sorted(touched) for channel in channels.get(cid, ())]
        self.copy("contact_channel", ("contact_id", "kind", "value", "raw", "position"), written,
                   report="contact_channel", total=len(written))
        self.counters["contact_channel"].add("created", len(written))
        owner_at = columns.index("customer_id")
        self.reindex.update(local[lid][0][owner_at] for lid in touched)  # the document names its contacts
        self.tick("contact", total, total)

    # --- the timeline and orders: facts, added once ---

    def opportunities(self, table: str = "opportunity") -> None:
        """Opportunities: compared three ways on their own columns."""
        rows = self.local_rows(table)
        total = len(rows)
        self.tick(table, 0, total)
        columns = COLUMNS[table]
        local, pending = {}, []
        mapped = self.mapper(table)
        for row in rows:
            values = mapped(row)
            if values is None or row[0] in self.gone[table]:
                self.counters[table].add("skipped")
                continue
            local[row[0]] = (values, fingerprint(columns, values) if row[0] in self.maps[table] else 0)
            if self._is_new(table, row[0]):
                pending.append((row[0], values))

        def server_marks(ids: list[int]) -> dict[int, int]:
            found = self.target.execute_sql(f"SELECT id, {', '.join(columns)} FROM {table} WHERE id = ANY(?)",
                                            (ids,)).fetchall()
            return {r[0]: fingerprint(columns, r[1:]) for r in found}

        updates = self._three_way(table, local, server_marks)
        self.create(table, pending, marks=lambda lid: fingerprint(columns, local[lid][0]), total=total)
        self._update(table, updates)
        self.tick(table, total, total)

    # --- reminders: the state the user gave them ---
