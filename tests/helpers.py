"""Helpers several test folders share: small workbooks built in tmp_path, whole-database dumps, the shared
samples, a working in-memory keyring and a version-1 book."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from openpyxl import Workbook
from peewee import SqliteDatabase

from trade_crm.cli.parser import run
from trade_crm.store import migrations, search


def make_xlsx(path: Path, rows: list[list], *, sheet: str = "Sheet1", more: dict[str, list[list]] | None = None,
              merge: str | None = None) -> Path:
    book = Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    if merge:
        ws.merge_cells(merge)
    for name, other in (more or {}).items():
        extra = book.create_sheet(name)
        for row in other:
            extra.append(row)
    book.save(path)
    return path


VERSION_COLUMNS = {("version", t) for t in ("customer", "contact", "opportunity")}


def dump(db, *, versions: bool = True) -> dict[str, list[tuple]]:
    """Every row of every table (the import history, the reminders' change set and a server's append-only
    audit trail aside), in a stable order.
    `versions=False` leaves out the save counters (an undo is a save: it puts the values back and moves
    the version on, so a form opened before it sees the change)."""
    catalog = ("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
               if isinstance(db, SqliteDatabase) else  # a server book (tests/postgres_server.py)
               "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()")
    tables = [r[0] for r in db.execute_sql(
        f"SELECT name FROM ({catalog}) AS t WHERE name NOT LIKE 'search_%' "
        "AND name NOT IN ('import_batch', 'reminder_change', 'reminder_mark', 'audit_entry') ORDER BY name")]
    out = {}
    for t in tables:
        columns = ", ".join(f'"{c.name}"' for c in db.get_columns(t)
                            if versions or (c.name, t) not in VERSION_COLUMNS)
        out[t] = sorted(db.execute_sql(f"SELECT {columns} FROM {t}").fetchall(), key=repr)
    # search_words keeps no text: what it indexes is a function of search_trigram's (store/search.py)
    out["search_trigram"] = sorted(db.execute_sql("SELECT rowid, body FROM search_trigram").fetchall())
    return out


SAMPLES_ROOT = Path(__file__).resolve().parents[1].parent / "shared" / "samples" / "import"


def sample_names(root: Path) -> list[str]:
    """The sample files under `root` as "kind/name"; one placeholder where the folder is absent, so the
    tests parametrized over them still run once and `require_samples` decides skip or fail."""
    if not root.is_dir():
        return ["(samples absent)"]
    return sorted(p.relative_to(root).as_posix() for p in root.glob("*/*") if p.suffix != ".md")


def require_samples(root: Path, environ: Mapping[str, str]) -> Path:
    """`root` where it exists. Absent, the test skips on a developer's machine but fails under CI=true:
    a CI run without the samples must not pass as if it had checked them."""
    if root.is_dir():
        return root
    message = f"shared samples not present at {root}"
    if environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message} (CI=true: the samples are required)", pytrace=False)
    pytest.skip(message)


SAMPLES = sample_names(SAMPLES_ROOT)


class MemoryKeyring(KeyringBackend):
    """A keyring that works, kept in a dict: the "usable backend" path in tests."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        self.items.pop((service, username), None)


def build_v1_book(path):
    raw = SqliteDatabase(str(path), pragmas={"foreign_keys": 1})
    raw.connect()
    migrations.migrate(raw, target=1)
    now = "2025-01-02 03:04:05"
    raw.execute_sql(
        "INSERT INTO customer (id, name, country, city, created_at, updated_at, rating, notes) "
        "VALUES (7, 'Müller Haustechnik GmbH', 'DE', 'München', ?, ?, 'A', 'prefers email')", (now, now))
    raw.execute_sql("INSERT INTO contact (id, customer_id, name, is_primary, created_at, updated_at) "
                    "VALUES (3, 7, 'Jürgen Müller', 1, ?, ?)", (now, now))
    raw.execute_sql("INSERT INTO contact_channel (contact_id, kind, value) VALUES (3, 'email', 'jm@mueller.de')")
    raw.execute_sql("INSERT INTO interaction (customer_id, contact_id, kind, occurred_at, summary, created_at) "
                    "VALUES (7, 3, 'call', ?, 'MOQ for LED panels', ?)", (now, now))
    raw.execute_sql("INSERT INTO orders (customer_id, ordered_on, amount, currency, created_at) "
                    "VALUES (7, '2025-01-01', '1234.50', 'EUR', ?)", (now,))
    raw.execute_sql("INSERT INTO tag (id, name) VALUES (1, 'Canton Fair 2024 Autumn')")
    raw.execute_sql("INSERT INTO customer_tag (customer_id, tag_id) VALUES (7, 1)")
    raw.close()


def no_connection_left(db: SqliteDatabase, db_path: Path) -> bool:
    """Close the GUI thread's connection and see whether it was the last one to the book (SQLite removes
    the -wal file when the last connection closes), then reopen it so the test goes on."""
    db.close()
    gone = not Path(f"{db_path}-wal").exists()
    db.connect()
    return gone


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    """One `trade-crm` command line, run in-process: (exit code, stdout, stderr)."""
    code = run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def cli_json(capsys, *argv: str):
    """The same with --json: the one JSON document it printed (the command must succeed)."""
    code, out, err = cli(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)  # json.loads rejects anything after the one document


def fill_book(db, count: int) -> None:
    """`count` plain customers ("Customer 000000", ...) written in one go, with their search documents:
    a book big enough for the list to page through, made in milliseconds."""
    stamp = "2026-11-01 00:00:00"
    rows = [(f"Customer {i:06d}", "DE", stamp, stamp) for i in range(count)]
    with db.atomic():
        db.cursor().executemany("INSERT INTO customer (name, country, created_at, updated_at) VALUES (?, ?, ?, ?)",
                                rows)
        search.rebuild_index(db)
