"""Backups: consistent copies of a live WAL book, rotation 7/4/12, listing, checks and restore.

Full-disk and read-only cases mount a tiny tmpfs (the tests run as root, where chmod stops nothing);
where mounting is not allowed they are skipped, and a folder whose parent is a file stands in.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from peewee import SqliteDatabase

from tests.helpers import build_v1_book
from trade_crm.domain.backups import daily_due, keep_set, rotate
from trade_crm.domain.customers.records import create_customer, customer_count
from trade_crm.exchange.encrypted_copy import migrate_file
from trade_crm.store import migrations
from trade_crm.store.backup import (
    BackupError,
    copy_database,
    last_backup_at,
    list_backups,
    make_backup,
    newest_good_backup,
    parse_name,
    restore_backup,
    timestamped_name,
    verify_backup,
)
from trade_crm.store.db import DatabaseError, close_database, open_database

NOW = datetime(2026, 11, 23, 1, 30, tzinfo=timezone.utc)
SHANGHAI = ZoneInfo("Asia/Shanghai")


def add_customers(clock, count: int, prefix: str = "Customer") -> None:
    for n in range(count):
        create_customer(clock, name=f"{prefix} {n}", country="DE")


def count_in(path: Path) -> int:
    """Customers in the file at `path`; -1 when it holds no customer table at all."""
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM customer").fetchone()[0]
    except sqlite3.OperationalError:
        return -1
    finally:
        con.close()


def fill_disk(folder: Path, leave: int = 48 * 1024) -> None:
    stats = os.statvfs(folder)
    (folder / "filler").write_bytes(b"\0" * max(0, stats.f_bavail * stats.f_frsize - leave))


@contextmanager
def tmpfs(where: Path, size: str = "256k"):
    """A tiny tmpfs at `where`; skip the test where this machine does not allow mounting."""
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def remount_readonly(where: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)


# --- consistent copies --------------------------------------------------------------------------

def test_backup_of_a_live_wal_book_holds_commits_still_in_the_wal_file(db, db_path, clock, tmp_path):
    db.execute_sql("PRAGMA wal_autocheckpoint=0")
    add_customers(clock, 5)
    assert Path(str(db_path) + "-wal").stat().st_size > 0
    naive = tmp_path / "naive.db"
    shutil.copyfile(db_path, naive)  # what a plain file copy gets: the main file without the WAL
    assert count_in(naive) != 5  # missing rows, or not even the tables
    info = make_backup(db.connection(), tmp_path / "backups", "manual", NOW)
    assert (info.customers, info.schema_version, info.kind) == (5, migrations.LATEST_VERSION, "manual")
    assert count_in(info.path) == 5
    con = sqlite3.connect(info.path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    con.close()
    assert not list((tmp_path / "backups").glob("*.partial*"))


def test_backup_from_the_file_path_works_from_another_thread_and_names_are_unique(db, db_path, clock, tmp_path):
    add_customers(clock, 2)
    first = make_backup(db_path, tmp_path / "b", "daily", NOW)
    second = make_backup(db_path, tmp_path / "b", "daily", NOW)
    assert first.path.name == "daily-20261123-013000.db"
    assert second.path.name == "daily-20261123-013000-2.db"
    assert parse_name(second.path) == ("daily", NOW, False)


def test_backup_of_a_missing_book_does_not_create_one(tmp_path):
    with pytest.raises(BackupError, match="cannot read"):
        make_backup(tmp_path / "nothing.db", tmp_path / "b", "manual", NOW)
    assert not (tmp_path / "nothing.db").exists()


def test_backup_into_a_folder_that_cannot_exist_says_so_and_leaves_nothing(db, db_path, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(BackupError, match="cannot write the backup"):
        make_backup(db_path, blocker / "backups", "manual", NOW)


# --- full disk and read-only folders -------------------------------------------------------------

def test_backup_on_a_full_disk_fails_clearly_and_leaves_no_partial_copy(db, db_path, clock, tmp_path):
    create_customer(clock, name="Big notes", notes="x" * 400_000)
    with tmpfs(tmp_path / "small", "128k") as small:
        with pytest.raises(BackupError, match="full|space"):
            make_backup(db_path, small, "manual", NOW)
        assert list(small.iterdir()) == []
    assert verify_backup(db_path)[1] == 1  # the book itself is untouched


def test_backup_into_a_read_only_folder_fails_clearly(db, db_path, tmp_path):
    with tmpfs(tmp_path / "ro") as folder:
        remount_readonly(folder)
        with pytest.raises(BackupError, match="Read-only|read-only"):
            make_backup(db_path, folder, "manual", NOW)


def test_a_write_that_fills_the_disk_is_rolled_back_whole(clock, tmp_path):
    with tmpfs(tmp_path / "disk", "4m") as disk:
        path = disk / "book.db"
        database = open_database(path)
        try:
            add_customers(clock, 3)
            fill_disk(disk)
            with pytest.raises(Exception) as raised:
                create_customer(clock, name="Too big", notes="y" * 1_000_000)
            chain, error = [], raised.value
            while error is not None:
                chain.append(str(error))
                error = error.__context__
            # peewee's rollback after the failed COMMIT masks the cause; the cause is in the chain
            assert "database or disk is full" in chain
            assert customer_count() == 3
        finally:
            close_database(database)
        (disk / "filler").unlink()
        assert verify_backup(path) == (migrations.LATEST_VERSION, 3)


def test_a_book_in_a_read_only_folder_is_refused_with_a_clear_error(clock, tmp_path):
    with tmpfs(tmp_path / "data", "4m") as data:
        database = open_database(data / "book.db")
        add_customers(clock, 1)
        close_database(database)
        before = (data / "book.db").read_bytes()
        remount_readonly(data)
        with pytest.raises(DatabaseError, match="book.db cannot be opened"):
            open_database(data / "book.db")
        assert (data / "book.db").read_bytes() == before
        with pytest.raises(BackupError, match="Read-only file system"):  # nor a copy beside it
            make_backup(data / "book.db", data / "backups", "manual", NOW)


# --- listing -------------------------------------------------------------------------------------

def test_list_shows_date_size_customers_and_schema_newest_first(db, db_path, clock, tmp_path):
    folder = tmp_path / "b"
    add_customers(clock, 3)
    make_backup(db_path, folder, "daily", NOW - timedelta(days=1))
    add_customers(clock, 2, "More")
    make_backup(db_path, folder, "manual", NOW)
    (folder / "notes.txt").write_text("mine")
    (folder / "daily-20261120-010000.db.enc").write_bytes(b"TCRMBAK\x1a" + bytes(60))
    infos = list_backups(folder, None, tmp_path / "missing")
    assert [(i.kind, i.customers, i.encrypted) for i in infos] == [
        ("manual", 5, False), ("daily", 3, False), ("daily", None, True)]
    assert infos[0].created_at == NOW and infos[0].size == infos[0].path.stat().st_size
    assert infos[0].schema_version == migrations.LATEST_VERSION
    assert last_backup_at(folder) == NOW


def test_daily_copy_is_due_once_per_local_day(tmp_path):
    folder = tmp_path / "b"
    assert daily_due(folder, NOW, SHANGHAI)
    folder.mkdir()
    (folder / timestamped_name("daily", NOW)).write_bytes(b"")
    assert not daily_due(folder, NOW + timedelta(hours=10), SHANGHAI)  # 19:30 the same day in Shanghai
    assert daily_due(folder, NOW + timedelta(hours=15), SHANGHAI)  # after midnight there


# --- rotation ------------------------------------------------------------------------------------

def test_rotation_keeps_7_daily_4_weekly_and_12_monthly_copies(tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    start = datetime(2025, 1, 1, 2, 0, tzinfo=timezone.utc)
    for day in range(500):
        (folder / timestamped_name("daily", start + timedelta(days=day))).write_bytes(b"")
    (folder / "my-own-file.db").write_bytes(b"")
    old_partial = folder / (timestamped_name("daily", start) + ".partial")
    old_decrypted = folder / "restoring-20250101-020000.tmp"
    for leftover in (old_partial, old_decrypted):
        leftover.write_bytes(b"")
        os.utime(leftover, (0, 0))
    rotate(folder, timezone.utc)
    kept = sorted(parse_name(p)[1] for p in folder.iterdir() if parse_name(p))
    newest = start + timedelta(days=499)
    days = {d.date() for d in kept}
    assert {newest.date() - timedelta(days=n) for n in range(7)} <= days
    assert len({d.isocalendar()[:2] for d in kept}) >= 4
    assert len({(d.year, d.month) for d in kept}) == 12
    assert len(kept) <= 7 + 4 + 12
    assert kept[0] > newest - timedelta(days=370)
    assert (folder / "my-own-file.db").exists() and not old_partial.exists() and not old_decrypted.exists()


def test_rotation_keeps_the_last_24_hours_and_the_newest_pre_migration_and_pre_restore_copies(tmp_path):
    base = NOW
    items = [(Path(f"daily-{n}"), "daily", base - timedelta(days=n)) for n in range(40)]
    items += [(Path("manual-a"), "manual", base - timedelta(hours=3)),
              (Path("pre-import-a"), "pre-import", base - timedelta(hours=1))]
    items += [(Path(f"pre-migration-v{n}"), f"pre-migration-v{n}", base - timedelta(days=100 + n))
              for n in range(1, 4)]
    keep = keep_set(items, timezone.utc)
    assert {Path("manual-a"), Path("pre-import-a"), Path("daily-0")} <= keep
    assert {Path("pre-migration-v1"), Path("pre-migration-v2")} <= keep
    assert Path("pre-migration-v3") not in keep
    older = [(p, c) for p, k, c in items if k == "daily" and c < base - timedelta(days=6)]
    for path, created in older:  # beyond the 7 days: only a week's or a month's newest copy stays
        newest_of_week = all(c <= created for _, c in older if c.isocalendar()[:2] == created.isocalendar()[:2])
        newest_of_month = all(c <= created for _, c in older if (c.year, c.month) == (created.year, created.month))
        if path in keep:
            assert newest_of_week or newest_of_month
    assert len([p for p, _ in older if p in keep]) <= 4 + 12


# --- checks --------------------------------------------------------------------------------------

def test_verify_accepts_a_good_copy_and_names_what_is_wrong_with_bad_ones(db, db_path, clock, tmp_path):
    add_customers(clock, 4)
    good = make_backup(db_path, tmp_path / "b", "manual", NOW).path
    assert verify_backup(good) == (migrations.LATEST_VERSION, 4)
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(BackupError, match="cannot be read as a database"):
        verify_backup(garbage)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE x (y)").connection.close()
    with pytest.raises(BackupError, match="not a Trade CRM backup"):
        verify_backup(other)
    newer = tmp_path / "newer.db"
    shutil.copyfile(good, newer)
    con = sqlite3.connect(newer)
    con.execute("UPDATE schema_version SET version = 999")
    con.commit()
    con.close()
    with pytest.raises(BackupError, match="schema version 999"):
        verify_backup(newer)


def corrupt_pages(path: Path) -> None:
    """Scribble over the middle of the file (past the header), as a failing disk would."""
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.seek(size // 2)
        handle.write(os.urandom(min(8192, size // 3)))


def test_newest_good_backup_skips_damaged_copies(db, db_path, clock, tmp_path):
    folder = tmp_path / "b"
    add_customers(clock, 30)
    older = make_backup(db_path, folder, "daily", NOW - timedelta(days=1))
    newer = make_backup(db_path, folder, "daily", NOW)
    corrupt_pages(newer.path)
    assert newest_good_backup(folder).path == older.path


# --- restore -------------------------------------------------------------------------------------

def test_restore_keeps_the_current_book_first_then_puts_the_copy_in_place(db, db_path, clock, tmp_path):
    backups = tmp_path / "backups"
    add_customers(clock, 3)
    copy = make_backup(db_path, backups, "daily", NOW - timedelta(days=1)).path
    add_customers(clock, 4, "Later")
    result = restore_backup(copy, db_path, backups, NOW)
    assert result.customers == 3 and result.damaged_moved_to is None
    assert count_in(result.safety_copy) == 7 and result.safety_copy.name.startswith("pre-restore-")
    assert customer_count() == 3  # the open connection sees the restored book
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_restore_checks_the_copy_before_touching_anything(db, db_path, clock, tmp_path):
    add_customers(clock, 30)
    bad = make_backup(db_path, tmp_path / "b", "daily", NOW).path
    corrupt_pages(bad)
    before = count_in(db_path)
    with pytest.raises(BackupError):
        restore_backup(bad, db_path, tmp_path / "b", NOW)
    assert count_in(db_path) == before
    assert [p.name for p in (tmp_path / "b").iterdir()] == [bad.name]  # no safety copy was even needed
    with pytest.raises(BackupError, match="the book itself"):
        restore_backup(db_path, db_path, tmp_path / "b", NOW)


def test_damaged_book_is_renamed_aside_never_overwritten(tmp_path, clock):
    path = tmp_path / "data" / "book.db"
    database = open_database(path)
    add_customers(clock, 2)
    copy = make_backup(path, tmp_path / "data" / "backups", "daily", NOW).path
    close_database(database)
    path.write_bytes(b"garbage after a disk failure" * 50)
    damaged_bytes = path.read_bytes()
    with pytest.raises(DatabaseError, match="cannot be opened"):
        open_database(path)
    assert path.read_bytes() == damaged_bytes  # opening said what happened and changed nothing
    result = restore_backup(copy, path, tmp_path / "data" / "backups", NOW)
    assert result.damaged_moved_to.read_bytes() == damaged_bytes
    assert result.safety_copy is None and count_in(path) == 2
    reopened = open_database(path)
    assert customer_count() == 2
    close_database(reopened)


def test_restoring_an_older_schema_version_migrates_it(db, db_path, tmp_path):
    old = tmp_path / "elsewhere" / "daily-20250101-010000.db"
    old.parent.mkdir()
    build_v1_book(old)
    result = restore_backup(old, db_path, tmp_path / "backups", NOW)
    assert result.schema_version == 1
    close_database(db)
    assert migrate_file(db_path, NOW) == [m.version for m in migrations.MIGRATIONS[1:]]
    check = SqliteDatabase(str(db_path))
    assert migrations.current_version(check) == migrations.LATEST_VERSION
    assert check.execute_sql("SELECT name FROM customer").fetchone()[0] == "Müller Haustechnik GmbH"
    check.close()
    assert list((db_path.parent / "backups").glob("pre-migration-v1-*.db"))


def test_copy_database_replaces_nothing_when_the_source_fails(tmp_path):
    target = tmp_path / "t.db"
    target.write_bytes(b"keep me")
    closed = sqlite3.connect(":memory:")
    closed.close()
    with pytest.raises(BackupError):
        copy_database(closed, target)
    assert target.read_bytes() == b"keep me"
