"""The laptop's side of a team server's book (#18 item 7): a copy of the user's own customers, and an outbox.

The copy is a SQLite file beside the laptop's book, one per server URL, with the normal schema (the
SQLite migrations), so every read of the app works on it offline. It holds the customers the login owns
or has been shared, with their contacts, channels, timeline and tags, as the server last gave them;
`trip_meta` says when. The `outbox` table beside them keeps what the user logged offline (client-made
uids, a JSON payload, when), in order, until the server has it; `device_id` names this laptop to the
server's `row_origin`, which records every uid applied there so that none is applied twice.

Everything here takes its database explicitly: while the copy is refreshed, the models are bound to the
server's book, and the copy is written beside it through its own connection.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from peewee import Database, SqliteDatabase

from trade_crm.store import migrations, search
from trade_crm.store.errors import DatabaseError

COPIED_TABLES = ("customer", "contact", "contact_channel", "interaction", "tag", "customer_tag")
"""Parents first: they are written in this order and emptied in the reverse one."""

OWN_CUSTOMERS = ("SELECT id FROM customer WHERE owner = current_user "
                 "UNION SELECT customer_id FROM customer_share WHERE person = current_user")
_WHERE = {  # each copied table's rows that belong to the login's own customers (server side)
    "customer": f"id IN ({OWN_CUSTOMERS})",
    "contact": f"customer_id IN ({OWN_CUSTOMERS})",
    "contact_channel": f"contact_id IN (SELECT id FROM contact WHERE customer_id IN ({OWN_CUSTOMERS}))",
    "interaction": f"customer_id IN ({OWN_CUSTOMERS})",
    "tag": f"id IN (SELECT tag_id FROM customer_tag WHERE customer_id IN ({OWN_CUSTOMERS}))",
    "customer_tag": f"customer_id IN ({OWN_CUSTOMERS})",
}

TRIP_SQL = """
CREATE TABLE IF NOT EXISTS trip_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    uid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    local_id INTEGER,
    created_at TEXT NOT NULL,
    applied_at TEXT,
    server_id INTEGER
)"""

READ_ONLY = ("offline: your customers on this computer are a read-only copy until the team server answers; "
             "new customers and timeline entries are queued")

# While the copy is open offline (trip_meta offline = '1'), SQLite itself keeps it: a new customer or timeline
# entry, whichever window or command wrote it, goes into the outbox too (a uid made here, the entry as
# JSON, when), and a change to anything the server already has is refused with READ_ONLY. A customer queued
# on this trip stays the laptop's to edit until it is sent. A refresh (online) clears the flag first.
_OFF = "(SELECT value FROM trip_meta WHERE key = 'offline') = '1'"
_QUEUED_CUSTOMERS = "(SELECT local_id FROM outbox WHERE kind = 'customer' AND applied_at IS NULL)"
_QUEUED_ENTRIES = "(SELECT local_id FROM outbox WHERE kind = 'interaction' AND applied_at IS NULL)"
_NEW_UID = "lower(hex(randomblob(16)))"
_NOW = "strftime('%Y-%m-%d %H:%M:%S', 'now')"
_REFUSE = f"SELECT RAISE(ABORT, '{READ_ONLY}')"
_CUSTOMER_COLUMNS = ("name", "alt_name", "country", "city", "address", "website", "source", "industry",
                     "products", "company_size", "rating", "preferred_language", "currency", "notes", "lost",
                     "lifecycle")
_ENTRY_COLUMNS = ("customer_id", "contact_id", "kind", "summary", "body", "occurred_at", "follow_up_on",
                  "valid_until")


def _json(columns) -> str:
    return "json_object(" + ", ".join(f"'{c}', NEW.{c}" for c in columns) + ")"


def _refuse(name: str, when: str, on: str, condition: str) -> str:
    return (f"CREATE TRIGGER IF NOT EXISTS trip_{name} {when} ON {on} WHEN {_OFF} AND {condition} "
            f"BEGIN {_REFUSE}; END")


TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS trip_queue_customer AFTER INSERT ON customer WHEN {_OFF} BEGIN "
    f"INSERT INTO outbox (uid, kind, payload, local_id, created_at) VALUES ({_NEW_UID}, 'customer', "
    f"{_json(_CUSTOMER_COLUMNS)}, NEW.id, {_NOW}); END",
    f"CREATE TRIGGER IF NOT EXISTS trip_queue_interaction AFTER INSERT ON interaction WHEN {_OFF} BEGIN "
    f"INSERT INTO outbox (uid, kind, payload, local_id, created_at) VALUES ({_NEW_UID}, 'interaction', "
    f"{_json(_ENTRY_COLUMNS)}, NEW.id, {_NOW}); END",
    _refuse("customer_edit", f"BEFORE UPDATE OF {', '.join(_CUSTOMER_COLUMNS)}", "customer",
            f"OLD.id NOT IN {_QUEUED_CUSTOMERS}"),
    _refuse("customer_delete", "BEFORE DELETE", "customer", f"OLD.id NOT IN {_QUEUED_CUSTOMERS}"),
    _refuse("contact_add", "BEFORE INSERT", "contact", f"NEW.customer_id NOT IN {_QUEUED_CUSTOMERS}"),
    _refuse("contact_edit", "BEFORE UPDATE", "contact", f"OLD.customer_id NOT IN {_QUEUED_CUSTOMERS}"),
    _refuse("contact_delete", "BEFORE DELETE", "contact", f"OLD.customer_id NOT IN {_QUEUED_CUSTOMERS}"),
    *(_refuse(f"channel_{verb.split()[1].lower()}", verb, "contact_channel",
              f"(SELECT customer_id FROM contact WHERE id = {row}.contact_id) NOT IN {_QUEUED_CUSTOMERS}")
      for verb, row in (("BEFORE INSERT", "NEW"), ("BEFORE UPDATE", "OLD"), ("BEFORE DELETE", "OLD"))),
    _refuse("tag_add", "BEFORE INSERT", "customer_tag", f"NEW.customer_id NOT IN {_QUEUED_CUSTOMERS}"),
    _refuse("tag_remove", "BEFORE DELETE", "customer_tag", f"OLD.customer_id NOT IN {_QUEUED_CUSTOMERS}"),
    _refuse("entry_edit", "BEFORE UPDATE", "interaction", f"OLD.id NOT IN {_QUEUED_ENTRIES}"),
    _refuse("entry_delete", "BEFORE DELETE", "interaction", f"OLD.id NOT IN {_QUEUED_ENTRIES}"),
    _refuse("order_add", "BEFORE INSERT", "orders", "1"),
    _refuse("opportunity_add", "BEFORE INSERT", "opportunity", "1"),
)

PRAGMAS = {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 5000, "synchronous": "full"}


def copy_path(book_path: Path, url: str) -> Path:
    """The copy of the server book at `url`, beside the laptop's book (never the password: the URL has none)."""
    digest = hashlib.sha256(url.strip().encode("utf-8")).hexdigest()[:16]
    return Path(book_path).parent / f"team-copy-{digest}.db"


def open_copy(path: Path) -> SqliteDatabase:
    """The copy's own connection (not bound to the models), its schema migrated and the trip tables there."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
        db.connect(reuse_if_open=True)
        ensure_trip_tables(db)
    except Exception as exc:  # noqa: BLE001 - sqlite3's "file is not a database", a read-only folder
        raise DatabaseError(f"the offline copy {path} cannot be used: {exc}") from None
    return db


def ensure_trip_tables(db: SqliteDatabase) -> None:
    if migrations.pending(db):
        migrations.migrate(db)
    with db.atomic():
        for statement in (*TRIP_SQL.split(";\n"), *TRIGGERS):
            db.execute_sql(statement)
        if get_meta(db, "device_id") is None:
            set_meta(db, "device_id", uuid.uuid4().hex)


def get_meta(db: Database, key: str) -> str | None:
    row = db.execute_sql("SELECT value FROM trip_meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(db: Database, key: str, value: str) -> None:
    db.execute_sql("INSERT OR REPLACE INTO trip_meta (key, value) VALUES (?, ?)", (key, value))


def set_offline(db: Database, offline: bool) -> None:
    """Open (True) or close the copy for work on a trip: queued writes, everything else refused."""
    with db.atomic():
        set_meta(db, "offline", "1" if offline else "0")


def has_copy(path: Path) -> bool:
    """True when a copy was written at `path` at least once (a refresh ran to its end)."""
    if not Path(path).is_file():
        return False
    db = SqliteDatabase(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return db.execute_sql("SELECT value FROM trip_meta WHERE key = 'synced_at'").fetchone() is not None
    except Exception:  # noqa: BLE001 - no trip_meta yet, not a database: no copy
        return False
    finally:
        db.close()


# --- the copy --------------------------------------------------------------------------------------


def copy_columns(db: SqliteDatabase) -> dict[str, list[str]]:
    return {table: [row[1] for row in db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()]
            for table in COPIED_TABLES}


def read_own_rows(server: Database, columns: dict[str, list[str]]) -> dict[str, list[tuple]]:
    """The login's own and shared customers and what hangs on them, read from the server (the caller
    holds one REPEATABLE READ transaction, so they are one moment's rows)."""
    rows = {}
    for table in COPIED_TABLES:
        names = ", ".join(f'"{c}"' for c in columns[table])
        rows[table] = server.execute_sql(f'SELECT {names} FROM "{table}" WHERE {_WHERE[table]}').fetchall()
    return rows


def _value(value):
    return int(value) if isinstance(value, bool) else value


def write_copy(db: SqliteDatabase, columns: dict[str, list[str]], rows: dict[str, list[tuple]],
               synced_at: str, url: str) -> None:
    """Replace the copy's rows with `rows` and rebuild its search index, in one transaction."""
    with db.atomic("IMMEDIATE"):
        set_meta(db, "offline", "0")  # the refresh's own writes are not the user's
        for table in reversed(COPIED_TABLES):
            db.execute_sql(f'DELETE FROM "{table}"')
        for table in COPIED_TABLES:
            if rows[table]:
                names = ", ".join(f'"{c}"' for c in columns[table])
                marks = ", ".join("?" for _ in columns[table])
                db.connection().executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
                                            [tuple(_value(v) for v in row) for row in rows[table]])
        search.rebuild_index(db)
        set_meta(db, "synced_at", synced_at)
        set_meta(db, "url", url)


# --- the outbox ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutboxRow:
    seq: int
    uid: str
    kind: str  # "customer" or "interaction"
    payload: dict
    local_id: int | None
    created_at: str
    applied_at: str | None
    server_id: int | None


def outbox_rows(db: Database, *, pending_only: bool = True) -> list[OutboxRow]:
    sql = ("SELECT seq, uid, kind, payload, local_id, created_at, applied_at, server_id FROM outbox"
           + (" WHERE applied_at IS NULL" if pending_only else "") + " ORDER BY seq")
    return [OutboxRow(seq, uid, kind, json.loads(payload), local_id, created_at, applied_at, server_id)
            for seq, uid, kind, payload, local_id, created_at, applied_at, server_id in db.execute_sql(sql)]


def mark_applied(db: Database, uid: str, server_id: int, applied_at: str) -> None:
    with db.atomic():
        db.execute_sql("UPDATE outbox SET applied_at = ?, server_id = ? WHERE uid = ? AND applied_at IS NULL",
                       (applied_at, server_id, uid))


def queued_local_ids(db: Database, kind: str) -> set[int]:
    return {row[0] for row in db.execute_sql(
        "SELECT local_id FROM outbox WHERE kind = ? AND applied_at IS NULL AND local_id IS NOT NULL", (kind,))}


def outbox_uid_of_local(db: Database, kind: str, local_id: int, *, pending_only: bool = True) -> str | None:
    """The uid of the entry that made this row of the copy (None: the row came from the server)."""
    row = db.execute_sql("SELECT uid FROM outbox WHERE kind = ? AND local_id = ?"
                         + (" AND applied_at IS NULL" if pending_only else "") + " ORDER BY seq DESC",
                         (kind, local_id)).fetchone()
    return row[0] if row else None


def queued_customer(db: Database, local_id: int) -> tuple[dict, list[dict], list[str]] | None:
    """A customer made on the trip as the copy holds it now: its fields, contacts (with their channels as
    (kind, value) pairs) and tag names; None when it is no longer there."""
    names = ", ".join(f'"{c}"' for c in (*_CUSTOMER_COLUMNS, "follow_up_on"))
    row = db.execute_sql(f"SELECT {names} FROM customer WHERE id = ?", (local_id,)).fetchone()
    if row is None:
        return None
    values = dict(zip((*_CUSTOMER_COLUMNS, "follow_up_on"), row, strict=True))
    contacts = []
    for contact_id, name, title, birthday, is_primary, notes in db.execute_sql(
            "SELECT id, name, title, birthday, is_primary, notes FROM contact WHERE customer_id = ? ORDER BY id",
            (local_id,)).fetchall():
        channels = [(kind, value) for kind, value in db.execute_sql(
            "SELECT kind, value FROM contact_channel WHERE contact_id = ? ORDER BY position, id", (contact_id,))]
        contacts.append({"name": name, "title": title, "birthday": birthday, "is_primary": is_primary,
                         "notes": notes, "channels": channels})
    tags = [name for (name,) in db.execute_sql(
        "SELECT t.name FROM tag t JOIN customer_tag ct ON ct.tag_id = t.id WHERE ct.customer_id = ? ORDER BY t.name",
        (local_id,))]
    return values, contacts, tags


# --- the server's record of what was applied ------------------------------------------------------------


def applied_row_id(server: Database, origin: str, table: str, key: str) -> int | None:
    row = server.execute_sql("SELECT row_id FROM row_origin WHERE origin = ? AND tbl = ? AND key = ?",
                             (origin, table, key)).fetchone()
    return row[0] if row else None


def record_applied(server: Database, origin: str, table: str, key: str, row_id: int) -> None:
    server.execute_sql("INSERT INTO row_origin (origin, tbl, key, row_id) VALUES (?, ?, ?, ?)",
                       (origin, table, key, row_id))


def claim_customer(server: Database, customer_id: int) -> None:
    """A customer made from the outbox is the login's own (where the server has not already named an owner)."""
    server.execute_sql("UPDATE customer SET owner = current_user WHERE id = ? AND owner IS NULL", (customer_id,))

