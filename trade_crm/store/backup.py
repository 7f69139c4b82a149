"""Consistent copies of the live database through SQLite's online backup API; rotation, checks, restore.

A plain file copy of a WAL database can miss committed pages still in the -wal file; the backup
API copies a consistent snapshot while the app keeps running. Every copy is written under a
temporary name, synced, and renamed, so a crash or a full disk never leaves half a backup under a
backup's name. A copy is named `<kind>-<UTC yyyymmdd-hhmmss>.db` (`.db.enc` once encrypted by
exchange/encrypted_copy.py); rotation (domain/backups.py) only deletes files named like that.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from trade_crm.store.migrations import LATEST_VERSION

log = logging.getLogger(__name__)

KINDS = ("daily", "manual", "pre-import", "pre-migration", "pre-restore")
ENCRYPTED_SUFFIX = ".enc"
RESTORE_STEP_PAGES = 1024  # pages per step of a restore's copy (each step may report progress)
Progress = Callable[[int, int, int], object]  # sqlite3's backup progress: (status, remaining, total)
_NAME = re.compile(r"^(?P<kind>[a-z][a-z0-9-]*?)-(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.db(?P<enc>\.enc)?$")


class BackupError(RuntimeError):
    """A copy cannot be made, checked or restored; the message says which file and why."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str  # "daily", "manual", "pre-import", "pre-migration-v1", "pre-restore", ...
    created_at: datetime  # UTC, from the name
    size: int  # bytes
    customers: int | None  # None when it cannot be read here (encrypted, damaged)
    schema_version: int | None
    encrypted: bool = False


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    customers: int
    schema_version: int  # of the copy, before any migration
    safety_copy: Path | None  # the book as it was, kept as a pre-restore backup
    damaged_moved_to: Path | None  # a book that could not be opened, moved aside (never overwritten)
    files_restored: int = 0  # kept files (attachments) brought back beside the book
    files_missing: tuple[str, ...] = ()  # sha256 of files the copy names but no backup holds


def timestamped_name(prefix: str, now: datetime) -> str:
    return f"{prefix}-{now.astimezone(timezone.utc):%Y%m%d-%H%M%S}.db"


def parse_name(path: Path) -> tuple[str, datetime, bool] | None:
    """(kind, created_at UTC, encrypted) from a backup's file name, or None for any other file."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    created = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S").replace(tzinfo=timezone.utc)
    return match["kind"], created, bool(match["enc"])


def unique_path(folder: Path, name: str) -> Path:
    path, number = folder / name, 2
    while path.exists() or path.with_name(path.name + ENCRYPTED_SUFFIX).exists():
        path = folder / name.replace(".db", f"-{number}.db")
        number += 1
    return path


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; its renames are durable enough
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _describe(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc)


def copy_database(source: sqlite3.Connection, target: Path) -> Path:
    """Write a consistent snapshot of `source` to `target` (via a temp name, synced, then renamed).

    The copy is a single self-contained file (rollback journal, not WAL). On any failure the
    temporary file is removed and a BackupError says why; `target` is then untouched.
    """
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        partial.replace(target)
        fsync_dir(target.parent)
    except (OSError, sqlite3.Error) as exc:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass
        raise BackupError(f"cannot write the backup {target}: {_describe(exc)}") from exc
    return target


def open_readonly(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)


def open_existing(path: Path) -> sqlite3.Connection:
    """A read-write connection to a database file that must exist (sqlite3.connect would create it)."""
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=rw", uri=True, check_same_thread=False,
                           timeout=30)


def _schema_version(con: sqlite3.Connection) -> int:
    if not con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'").fetchone():
        return 0
    row = con.execute("SELECT version FROM schema_version").fetchone()
    return row[0] if row else 0


def _counts(con: sqlite3.Connection) -> tuple[int, int]:
    """(schema version, customers) of an open copy; sqlite3.Error when it is no Trade CRM book."""
    version = _schema_version(con)
    return version, con.execute("SELECT count(*) FROM customer").fetchone()[0]


def make_backup(source: sqlite3.Connection | Path, backup_dir: Path, kind: str, now: datetime, *,
                check: bool = True) -> BackupInfo:
    """A consistent copy of `source` (a connection, or the database file's path) in `backup_dir`.

    With `check`, the copy passes PRAGMA quick_check or is removed and a BackupError says the
    book itself looks damaged (older good copies are then all still there).
    """
    target = unique_path(backup_dir, timestamped_name(kind, now))
    own = not isinstance(source, sqlite3.Connection)
    try:
        con = open_existing(source) if own else source
    except sqlite3.Error as exc:
        raise BackupError(f"cannot read {source}: {exc}") from exc
    try:
        copy_database(con, target)
    finally:
        if own:
            con.close()
    try:
        with closing(open_readonly(target)) as copy:
            problem = copy.execute("PRAGMA quick_check").fetchone()[0] if check else "ok"
            version, customers = _counts(copy) if problem == "ok" else (None, None)
    except sqlite3.Error as exc:
        problem, version, customers = str(exc), None, None
    if problem != "ok":
        target.unlink(missing_ok=True)
        raise BackupError(f"the copy of the book failed its check ({problem}); the book may be damaged. "
                          f"Older backups in {backup_dir} were kept")
    size = target.stat().st_size
    log.info("backup %s written: %s customers, %s bytes", target.name, customers, size)
    return BackupInfo(target, kind, parse_name(target)[1], size, customers, version)


def attachment_hashes(path: Path) -> set[str]:
    """The sha256 of every file a plain copy (or a book file) names, deleted ones included: what a backup of
    its attachments must hold. Empty for a copy older than the attachment table."""
    try:
        with closing(open_readonly(path)) as con:
            if not con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='attachment'").fetchone():
                return set()
            hashes = {row[0] for row in con.execute("SELECT DISTINCT sha256 FROM attachment")}
            if con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='product'").fetchone():
                hashes |= {row[0] for row in con.execute(  # the catalog's photos (#21) live in the same store
                    "SELECT DISTINCT json_extract(p.value, '$.sha256') FROM product, json_each(product.photos) p")
                    if row[0]}
            return hashes
    except sqlite3.Error as exc:
        raise BackupError(f"cannot read the files named by {path}: {exc}") from exc


def read_info(path: Path) -> BackupInfo | None:
    """What a backup file holds, or None when its name is not a backup's name."""
    parsed = parse_name(path)
    if parsed is None:
        return None
    kind, created, encrypted = parsed
    version = customers = None
    if not encrypted:
        try:
            with closing(open_readonly(path)) as con:
                version, customers = _counts(con)
        except sqlite3.Error:
            pass
    return BackupInfo(path, kind, created, path.stat().st_size, customers, version, encrypted)


def list_backups(*folders: Path | None) -> list[BackupInfo]:
    """Every backup in `folders` (missing ones skipped), newest first."""
    found = []
    for folder in dict.fromkeys(f for f in folders if f is not None):
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            try:
                info = read_info(path) if path.is_file() else None
            except OSError:
                info = None
            if info is not None:
                found.append(info)
    return sorted(found, key=lambda i: (i.created_at, i.path.name), reverse=True)


def last_backup_at(*folders: Path | None) -> datetime | None:
    stamps = [parsed[1] for folder in folders if folder is not None and folder.is_dir()
              for path in folder.iterdir() if (parsed := parse_name(path))]
    return max(stamps, default=None)


def verify_backup(path: Path) -> tuple[int, int]:
    """(schema version, customers) of a copy that passes PRAGMA integrity_check; else BackupError."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist")
    try:
        with closing(open_readonly(path)) as con:
            problems = [row[0] for row in con.execute("PRAGMA integrity_check(5)")]
            if problems != ["ok"]:
                raise BackupError(f"{path} is damaged: {'; '.join(problems)}")
            try:
                version, customers = _counts(con)
            except sqlite3.Error:
                raise BackupError(f"{path} is not a Trade CRM backup") from None
    except sqlite3.Error as exc:
        raise BackupError(f"{path} cannot be read as a database: {exc}") from exc
    if not 1 <= version <= LATEST_VERSION:
        raise BackupError(f"{path} has schema version {version}; this Trade CRM reads 1 to {LATEST_VERSION}")
    return version, customers


def newest_good_backup(*folders: Path | None) -> BackupInfo | None:
    """The newest readable backup that passes integrity_check, or None."""
    for info in list_backups(*folders):
        if info.encrypted:
            continue
        try:
            verify_backup(info.path)
        except BackupError:
            continue
        return info
    return None


# --- restore -----------------------------------------------------------------------------------

def _healthy(db_path: Path) -> bool:
    try:
        with closing(open_existing(db_path)) as con:
            return con.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.Error:
        return False


def move_aside(db_path: Path, now: datetime) -> Path:
    """Rename a damaged book (with its -wal and -shm) to a new name beside it; returns the new name."""
    stamp = f"{now.astimezone(timezone.utc):%Y%m%d-%H%M%S}"
    target = db_path.with_name(f"{db_path.stem}.damaged-{stamp}{db_path.suffix}")
    number = 2
    while target.exists():
        target = db_path.with_name(f"{db_path.stem}.damaged-{stamp}-{number}{db_path.suffix}")
        number += 1
    for extra in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + extra)
        if side.exists():
            side.replace(target.with_name(target.name + extra))
    db_path.replace(target)
    return target


def _copy_into(source: Path, db_path: Path, progress: Progress | None = None) -> None:
    """Replace the content of the live book with `source`: one write transaction on the book, held
    across the backup API's steps and committed at the end (a crash midway leaves the old book)."""
    with closing(open_readonly(source)) as src, closing(open_existing(db_path)) as dest:
        if src.execute("PRAGMA page_size").fetchone() != dest.execute("PRAGMA page_size").fetchone():
            raise BackupError(f"{source} uses another page size than the book; cannot restore it in place")
        src.backup(dest, pages=RESTORE_STEP_PAGES, progress=progress)


def restore_backup(source: Path, db_path: Path, backup_dir: Path, now: datetime, *,
                   progress: Progress | None = None) -> RestoreResult:
    """Put the copy `source` in place of the book at `db_path`; the caller then reopens (and migrates).

    The copy is checked (integrity_check, schema version) before anything is touched. A healthy
    book is first kept as a pre-restore backup, then overwritten in one transaction; a book that
    cannot be read is renamed aside, never overwritten. `progress(status, remaining, total)` is
    called after each step of the copy (pages).
    """
    if db_path.exists() and Path(source).resolve() == db_path.resolve():
        raise BackupError(f"{source} is the book itself, not a backup of it")
    version, customers = verify_backup(source)
    safety = damaged = None
    if db_path.exists() and _healthy(db_path):
        safety = make_backup(db_path, backup_dir, "pre-restore", now, check=False).path
        try:
            _copy_into(source, db_path, progress)
        except sqlite3.Error as exc:
            raise BackupError(f"cannot write {db_path}: {exc}; the book was left as it was") from exc
    else:
        if db_path.exists():
            damaged = move_aside(db_path, now)
        with closing(open_readonly(source)) as src:
            copy_database(src, db_path)
    log.info("restored a copy with %s customers (schema %s); the book before it kept: %s", customers, version,
             (safety or damaged).name if (safety or damaged) else "none")
    return RestoreResult(Path(source), customers, version, safety, damaged)
