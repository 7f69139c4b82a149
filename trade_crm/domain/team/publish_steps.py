"""The steps of a publish for the rows that are facts (timeline entries, orders, import history), the
reminders' state, the "not duplicates" pairs, the row origins and the search documents.

Each is a function of the `PublishRun` (publish_run.py) that domain/team/publish.py runs in order.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator

from peewee import Database

from trade_crm.domain.team import publish_rows as rows_
from trade_crm.domain.team.publish_rows import COLUMNS, fingerprint_table
from trade_crm.domain.team.publish_run import PublishRun
from trade_crm.store import pg_search, search


def facts(run: PublishRun, table: str) -> None:
    """Timeline entries and orders: the new ones are streamed from the laptop's rows into one COPY, so
    the server inserts while this side still reads (ids drawn first, one per new row; a row whose
    customer is gone leaves a gap in the sequence, as a rolled-back insert does)."""
    ids = [r[0] for r in run.source.execute_sql(f"SELECT id FROM {table} ORDER BY id")]
    known = run.maps[table]
    fresh = [i for i in ids if i not in known]
    total, counter = len(ids), run.counters[table]
    counter.add("unchanged", total - len(fresh))
    run.tick(table, 0, total)
    select = f"SELECT id, {', '.join(COLUMNS[table])} FROM {table}"
    if len(fresh) > len(ids) // 10:
        rows: Iterable[tuple] = run.source.execute_sql(f"{select} ORDER BY id")
    else:  # a second publish: read only the rows added since (published ones are never updated)
        rows = (r for chunk in rows_.chunks(fresh, 500)
                for r in run.source.execute_sql(f"{select} WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    server_ids = iter(run.allocate(table, len(fresh)))
    mapping = run.maps[table]
    origin, origin_rows = run.origin, run.origin_rows
    mapped = run.mapper(table)

    def new_rows() -> Iterator[tuple]:
        for row in rows:
            if row[0] in known:
                continue
            values = mapped(row)
            if values is None:
                counter.add("skipped")
                continue
            sid = next(server_ids)
            mapping[row[0]] = sid
            origin_rows.append((origin, table, str(row[0]), sid))
            counter.add("created")
            yield (sid, *values)

    run.copy(table, ["id", *COLUMNS[table]], new_rows(), report=table, total=total)
    run.tick(table, total, total)


def reminders(run: PublishRun) -> None:
    """The reminders' state: new keys added (one the server raised already is its row), and what the user
    did on the laptop with one still open on the server told to the server."""
    rows = run.local_rows("reminder")
    columns = COLUMNS["reminder"]
    at = {c: i for i, c in enumerate(columns)}
    counter, maps = run.counters["reminder"], run.maps
    fresh: list[tuple[int, list]] = []
    dealt: list[tuple[int, list]] = []  # published ones, to tell the server what the user did since
    for row in rows:
        values = run.mapped("reminder", row)
        key = None if values is None else rows_.server_key(values[at["key"]], maps)
        if key is None or row[0] in run.gone["reminder"]:
            counter.add("skipped")
            continue
        values[at["key"]] = key
        values[at["payload"]] = rows_.server_payload(values[at["payload"]], maps)
        (dealt if row[0] in maps["reminder"] else fresh).append((row[0], values))
    if fresh:  # a key the server already raised is not inserted again: the server's row is this one
        run.target.execute_sql("CREATE TEMPORARY TABLE publish_reminder (LIKE reminder) ON COMMIT DROP")
        run.copy("publish_reminder", ["id", *columns], [(lid, *values) for lid, values in fresh])
        listed = ", ".join(columns)
        created = {r[0] for r in run.target.execute_sql(
            f"INSERT INTO reminder ({listed}) SELECT {listed} FROM publish_reminder ORDER BY id "
            "ON CONFLICT (key) DO NOTHING RETURNING id")}
        counter.add("created", len(created))
        by_key = dict(run.target.execute_sql("SELECT key, id FROM reminder WHERE key = ANY(?)",
                                              ([values[at["key"]] for _, values in fresh],)).fetchall())
        for lid, values in fresh:
            sid = maps["reminder"][lid] = by_key[values[at["key"]]]
            run.origin_rows.append((run.origin, "reminder", str(lid), sid))
            if sid not in created:  # the server raised it too: what the user did with it may be news
                dealt.append((lid, values))
    # The user's decision travels: a reminder done, snoozed or dismissed on the laptop and still open on
    # the server is set so there; a server-side decision is never undone.
    closed = [(values[at["state"]], values[at["snoozed_until"]], run.stamp, maps["reminder"][lid])
              for lid, values in dealt if values[at["state"]] != "open"]
    if closed:  # only those still open there: a second publish sends no update for the rest
        still_open = {r[0] for r in run.target.execute_sql(
            "SELECT id FROM reminder WHERE id = ANY(?) AND state = 'open'", ([row[3] for row in closed],))}
        closed = [row for row in closed if row[3] in still_open]
    changed = 0
    if closed:
        cursor = run.target.cursor()
        cursor.executemany("UPDATE reminder SET state = ?, snoozed_until = ?, updated_at = ? "
                           "WHERE id = ? AND state = 'open'", closed)
        changed = max(cursor.rowcount, 0)
    counter.add("updated", changed)
    counter.add("unchanged", len(dealt) - changed)
    run.tick("reminder", len(rows), len(rows))

def import_batches(run: PublishRun) -> None:
    """Import history: its journal names the laptop's ids, so the server keeps it as not undoable."""
    rows = run.local_rows("import_batch")
    at = {c: i for i, c in enumerate(COLUMNS["import_batch"])}
    pending = []
    for row in rows:
        if row[0] in run.maps["import_batch"]:
            run.counters["import_batch"].add("unchanged")
            continue
        values = list(row[1:])
        values[at["journal"]] = json.dumps({"published_from": run.origin, "batch": row[0]})
        pending.append((row[0], values))
    run.create("import_batch", pending, total=len(rows))

def not_duplicates(run: PublishRun) -> None:
    """The pairs the user said are not duplicates, both customers on the server."""
    customers = run.maps["customer"]
    pairs = []
    for a, b, created in run.source.execute_sql("SELECT customer_a, customer_b, created_at FROM not_duplicate"):
        if a in customers and b in customers:
            x, y = sorted((customers[a], customers[b]))
            pairs.append((x, y, created))
    if pairs:
        cursor = run.target.cursor()
        cursor.executemany("INSERT INTO not_duplicate (customer_a, customer_b, created_at) VALUES (?, ?, ?) "
                           "ON CONFLICT DO NOTHING", pairs)
        run.counters["not_duplicate"].add("created", max(cursor.rowcount, 0))
        run.counters["not_duplicate"].add("unchanged", len(pairs) - max(cursor.rowcount, 0))

def write_origins(run: PublishRun, *, marks: bool = True) -> None:
    """The rows written since the last call, and (`marks`) the new fingerprints of those updated, into
    row_origin in one COPY."""
    for table, found in run.new_marks.items() if marks else ():
        marks_table = fingerprint_table(table)
        run.execute("DELETE FROM row_origin WHERE origin = ? AND tbl = ? AND key = ANY(?)",
                    (run.origin, marks_table, [str(lid) for lid in found]))
        run.origin_rows += [(run.origin, marks_table, str(lid), mark) for lid, mark in found.items()]
    if marks:
        run.new_marks.clear()
    for table, created, mark in run.created_marks:
        marks_table = fingerprint_table(table)
        run.origin_rows += [(run.origin, marks_table, str(lid), mark(lid)) for lid in created]
    run.created_marks.clear()
    rows, run.origin_rows = run.origin_rows, []
    if rows:
        run.copy("row_origin", ("origin", "tbl", "key", "row_id"), rows)


class Documents:
    """The laptop's search documents with their tokens (laptop id -> (body, tokens as one space-separated text)),
    read and split on a second thread while the publish's first steps run: the tokens are seconds of this
    side's CPU for a big book, spent while the server works on the customers, contacts and timeline (the
    publish's thread then waits on the server, the GIL free). It reads through the publish's own SQLite
    connection, in its read transaction: the documents of the rows the publish reads."""

    def __init__(self, source: Database) -> None:
        self._connection = source.connection()
        self._found: dict[int, tuple[str, str]] = {}
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._read, name="publish-documents", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            for rowid, body in self._connection.execute("SELECT rowid, body FROM search_trigram").fetchall():
                self._found[rowid] = (body, " ".join(search.short_tokens(body)))
        except BaseException as exc:  # handed to the publish's thread by `result`
            self._error = exc

    def wait(self) -> None:
        self._thread.join()

    def result(self) -> dict[int, tuple[str, str]]:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._found


def prepare_documents(run: PublishRun) -> None:
    """Start reading the documents when this is the book's first publish (all new). Started once the contacts
    are prepared: from then on the server is the slower side (store/pg_pipeline.py), and this thread uses the
    time this side waits for it; started earlier it took the interpreter from the customers' and contacts'
    preparation, which the server was waiting for."""
    if run.first:
        run.documents = Documents(run.source)


def search_documents(run: PublishRun) -> None:
    """The new customers' documents as the laptop folded them (with their token arrays, and their sort bands
    computed once a statement: pg_search.band_values_stored_sql); the customers updated, or given contacts, re-indexed
    from the server's rows."""
    total = len(run.new_customers)
    run.tick("search", 0, total)
    if run.documents is not None:
        bodies = run.documents.result()
    elif total:
        bodies = {rowid: (body, None) for rowid, body in run.source.execute_sql("SELECT rowid, body FROM search_trigram")}
    else:
        bodies = {}
    missing = [lid for lid, _ in run.new_customers if lid not in bodies]
    for lid, parts in search.document_parts(run.source, missing).items():
        bodies[lid] = (search.document_body(search.fold(" \n".join(dict.fromkeys(parts)))), None)
    docs = [(sid, *bodies[lid]) for lid, sid in run.new_customers if lid in bodies]
    if docs:
        run.execute("CREATE TEMPORARY TABLE publish_document (rowid BIGINT, body TEXT, tokens TEXT) ON COMMIT DROP")
        # the tokens as one space-separated text (a token is letters and digits: unicode61's pieces), split by
        # the server: string_to_array reads them several times faster than an array literal
        run.copy("publish_document", ("rowid", "body", "tokens"),
                 ((sid, body, " ".join(search.short_tokens(body)) if tokens is None else tokens)
                  for sid, body, tokens in docs), report="search", total=total)
        # the bands (their bounds read once a statement) and the sort keys (step 14) given here, the row
        # trigger then has nothing to do (step 15)
        bands = pg_search.band_values_stored_sql("c")
        keys = "c.name, c.last_contact_at"
        # stored in name-band order, as pg_search.rebalance stores them: a band's rows sit together
        run.execute(f"INSERT INTO search_trigram (rowid, body, name_band, contact_band, name, last_contact_at) "
                    f"SELECT d.rowid, d.body, {bands}, {keys} FROM publish_document d JOIN customer c ON c.id = d.rowid "
                    "ORDER BY 3, 1")
        run.execute(f"INSERT INTO search_words (rowid, tokens, name_band, contact_band, name, last_contact_at) "
                    f"SELECT d.rowid, string_to_array(d.tokens, ' '), {bands}, {keys} FROM publish_document d "
                    "JOIN customer c ON c.id = d.rowid ORDER BY 3, 1")
    new = {sid for _, sid in run.new_customers}
    again = sorted(run.reindex - new)
    if again:
        search.reindex(run.target, again)
    run.counters["search"].add("created", len(docs))
    run.counters["search"].add("updated", len(again))
    run.tick("search", total, total)
