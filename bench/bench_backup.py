"""Backup and restore figures for the big book: `bench_backup(db_path)` returns (label, value) pairs.

    backup      a consistent copy through SQLite's online backup API, plus quick_check of the copy
    encrypt     the off-laptop copy: AES-256-GCM in 1 MiB chunks (and decrypting it back)
    verify      PRAGMA integrity_check and the schema version of the copy (what a restore checks first)
    restore     the whole restore: verify, keep the current book as a copy, put the copy in place

Values are seconds, except the size in MB. The cached book is never changed: the restore goes into a
copy in a temporary folder. Run alone with `python -m bench.bench_backup [--quick]`.
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


def backup_rows(ctx) -> list:
    """The same figures as bench/report.py rows, for bench/cases.py's BENCHES."""
    from bench.report import Row, timing

    section = f"backup and restore ({ctx.customers:,} customers)"
    return [Row(section, label.rsplit(" (", 1)[0], value, "MB") if label.endswith("(MB)")
            else timing(section, label.rsplit(" (", 1)[0], value) for label, value in bench_backup(ctx.book.path)]


def main(argv: list[str] | None = None) -> int:
    from bench.book import CACHE_DIR, ensure_book

    parser = argparse.ArgumentParser(prog="python -m bench.bench_backup", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="the 10,000-customer book")
    args = parser.parse_args(argv)
    book = ensure_book(10_000 if args.quick else 100_000, cache_dir=CACHE_DIR)
    print(f"{book.stats['customers']:,} customers, {book.path.name}")
    for label, value in bench_backup(book.path):
        print(f"  {label:<48} {value:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
