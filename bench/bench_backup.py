"""Backup and restore figures for the big book: `bench_backup(db_path)` returns (label, value) pairs.

    backup      a consistent copy through SQLite's online backup API, plus quick_check of the copy
    encrypt     the off-laptop copy: AES-256-GCM in 1 MiB chunks (and decrypting it back)
    verify      PRAGMA integrity_check and the schema version of the copy (what a restore checks first)
    restore     the whole restore: verify, keep the current book as a copy, put the copy in place

Values are seconds, except the size in MB. The cached book is never changed: the restore goes into a
copy in a temporary folder. Run alone with `python -m bench.bench_backup [--quick] [--files-mb N]`.

The kept files (attachments) are measured on a small book of their own holding N MB of files (default 500,
100 files of 5 MB; their cost does not depend on the book's size), each against its floor measured in the
same run: the first backup (a hard link per blob) and a second one with nothing new against the book-only
copy; the same first backup when links are impossible against copying the folder; the encrypted off-laptop
files against encrypting one file of the same size; the restore of every file (hash-checked) against a copy.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path


def _timed(call) -> tuple[float, object]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def bench_backup(db_path: Path) -> list[tuple[str, float]]:
    from trade_crm.exchange.encrypted_copy import decrypt_file, encrypt_file, key_sealing
    from trade_crm.keystore import new_key
    from trade_crm.store.backup import make_backup, restore_backup, verify_backup

    now = datetime.now(timezone.utc)
    with tempfile.TemporaryDirectory(prefix="trade-crm-bench-backup-") as folder:
        work = Path(folder)
        backup_s, info = _timed(lambda: make_backup(Path(db_path), work / "backups", "manual", now))
        key = new_key()
        sealed = work / "usb" / (info.path.name + ".enc")
        encrypt_s, _ = _timed(lambda: encrypt_file(info.path, sealed, key_sealing(key), {}))
        decrypt_s, _ = _timed(lambda: decrypt_file(sealed, work / "decrypted.db", key))
        verify_s, _ = _timed(lambda: verify_backup(info.path))
        live = work / "live" / "book.db"
        live.parent.mkdir()
        shutil.copyfile(db_path, live)
        restore_s, _ = _timed(lambda: restore_backup(info.path, live, work / "live" / "backups",
                                                     now + timedelta(seconds=1)))
        size_mb = info.size / 1_000_000
    return [("backup: online copy + quick_check (s)", backup_s), ("encrypt off-laptop copy, AES-GCM (s)", encrypt_s),
            ("decrypt it back (s)", decrypt_s), ("verify: integrity_check + schema (s)", verify_s),
            ("restore: verify + keep current + copy in (s)", restore_s), ("book size (MB)", size_mb)]


def _files_book(folder: Path, megabytes: int):
    """A book with one customer and `megabytes` MB of random files (5 MB each), closed again."""
    import os

    from trade_crm.domain.attachments.blobs import attachments_for
    from trade_crm.domain.attachments.records import NewFile, attach_files
    from trade_crm.domain.clock import SystemClock
    from trade_crm.domain.customers.records import create_customer
    from trade_crm.store.db import close_database, open_database

    db_path = folder / "files" / "book.db"
    db_path.parent.mkdir(parents=True)
    database = open_database(db_path)
    clock = SystemClock()
    customer = create_customer(clock, name="Files bench")
    for _ in range(max(1, megabytes // 5)):
        attach_files(attachments_for(db_path), customer, [NewFile(os.urandom(5_000_000), "scan.pdf")], clock)
    close_database(database)
    return db_path


def _copy_synced_tree(source: Path, target: Path) -> None:
    """The fair floor for a durable copy: every file copied and fsynced, as a backup's blob is."""
    import os

    for path in source.rglob("*"):
        if path.is_file():
            out_path = target / path.relative_to(source)
            out_path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "rb") as file, open(out_path, "wb") as out:
                shutil.copyfileobj(file, out, 1024 * 1024)
                out.flush()
                os.fsync(out.fileno())


def bench_files(megabytes: int = 500) -> list[tuple[str, float]]:
    """The kept files in backups and restores; (label, seconds or MB) pairs, each beside its floor."""
    from trade_crm.domain.attachments.blobs import attachments_for
    from trade_crm.domain.attachments.copies import backup_files, files_dir
    from trade_crm.domain.backups import KEYRING, OffsiteSettings, backup_dir_for
    from trade_crm.exchange.encrypted_copy import back_up, encrypt_file, key_sealing, restore_file
    from trade_crm.keystore import new_key
    from trade_crm.store.backup import attachment_hashes, make_backup

    class Keys:  # the keyring's answer, without a keyring
        def __init__(self, key):
            self.key = key

        def backup_key(self):
            return self.key

        def key_for(self, _key_id):
            return self.key

    now, zone = datetime.now(timezone.utc), timezone.utc
    with tempfile.TemporaryDirectory(prefix="trade-crm-bench-files-") as folder:
        work = Path(folder)
        db_path = _files_book(work, megabytes)
        root = attachments_for(db_path)
        size_mb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) / 1_000_000
        book_only_s, _ = _timed(lambda: make_backup(db_path, work / "floor-backups", "manual", now))
        first_s, first = _timed(lambda: back_up(db_path, db_path, "manual", now, zone))
        second_s, _ = _timed(lambda: back_up(db_path, db_path, "manual", now + timedelta(seconds=1), zone))
        hashes = attachment_hashes(db_path)
        copy_floor_s, _ = _timed(lambda: shutil.copytree(root, work / "floor-copy"))
        synced_floor_s, _ = _timed(lambda: _copy_synced_tree(root, work / "floor-synced"))
        copied_s, _ = _timed(lambda: backup_files(root, work / "copied", hashes, link=False))
        key = new_key()
        usb = work / "usb"
        usb.mkdir()
        one_file = work / "floor-copy-one"
        with open(one_file, "wb") as out:
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                out.write(path.read_bytes())
        encrypt_floor_s, _ = _timed(lambda: encrypt_file(one_file, work / "one.enc", key_sealing(key), {}))
        offsite_s, report = _timed(lambda: back_up(db_path, db_path, "manual", now + timedelta(seconds=2), zone,
                                                   offsite=OffsiteSettings(usb, KEYRING), store=Keys(key)))
        assert first.files.added == len(hashes) and report.offsite_files.added == len(hashes), report
        shutil.rmtree(root)
        restore_s, result = _timed(lambda: restore_file(first.local.path, db_path, now + timedelta(seconds=3)))
        assert result.files_restored == len(hashes) and not result.files_missing
        shutil.rmtree(root)
        shutil.rmtree(files_dir(backup_dir_for(db_path)))
        restore_enc_s, result = _timed(lambda: restore_file(report.offsite, db_path, now + timedelta(seconds=4),
                                                            store=Keys(key)))
        assert result.files_restored == len(hashes)
    return [(f"files: {size_mb:.0f} MB in {len(hashes)} files (MB)", size_mb),
            ("files floor: book-only copy (s)", book_only_s),
            ("files: first backup, hard links (s)", first_s),
            ("files: next backup, nothing new (s)", second_s),
            ("files floor: copy the folder (s)", copy_floor_s),
            ("files floor: copy the folder, each file synced (s)", synced_floor_s),
            ("files: first backup without links, copies (s)", copied_s),
            ("files floor: encrypt one file of that size (s)", encrypt_floor_s),
            ("files: backup + encrypted off-laptop files (s)", offsite_s),
            ("files: restore every file, hash-checked (s)", restore_s),
            ("files: restore from the encrypted copy (s)", restore_enc_s)]


def backup_rows(ctx) -> list:
    """The same figures as bench/report.py rows, for bench/cases.py's BENCHES."""
    from bench.report import Row, timing

    section = f"backup and restore ({ctx.customers:,} customers)"
    from trade_crm.store.models import database

    pairs = bench_backup(ctx.book.path) + bench_files()
    database.initialize(ctx.db)  # the files' figures opened a book of their own: the models go back to the bench's
    return [Row(section, label.rsplit(" (", 1)[0], value, "MB") if label.endswith("(MB)")
            else timing(section, label.rsplit(" (", 1)[0], value) for label, value in pairs]


def main(argv: list[str] | None = None) -> int:
    from bench.book import CACHE_DIR, ensure_book

    parser = argparse.ArgumentParser(prog="python -m bench.bench_backup", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="the 10,000-customer book")
    parser.add_argument("--files-mb", type=int, default=500, help="MB of kept files to back up (0: none)")
    parser.add_argument("--files-only", action="store_true", help="only the kept files' figures")
    args = parser.parse_args(argv)
    if args.files_only:
        for label, value in bench_files(args.files_mb):
            print(f"  {label:<52} {value:8.2f}")
        return 0
    book = ensure_book(10_000 if args.quick else 100_000, cache_dir=CACHE_DIR)
    print(f"{book.stats['customers']:,} customers, {book.path.name}")
    for label, value in bench_backup(book.path) + (bench_files(args.files_mb) if args.files_mb else []):
        print(f"  {label:<52} {value:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
