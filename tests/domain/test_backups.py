"""Cleaning what a killed backup or restore left in the backup folder (domain/backups.clean_leftovers)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime, timezone

import pytest

from trade_crm.domain.backups import PARTIAL_STALE_SECONDS, clean_leftovers, restoring_name

NOW = datetime(2026, 11, 23, 1, 30, tzinfo=timezone.utc)


def dead_pid() -> int:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(child.stdout)


@pytest.mark.skipif(os.name != "posix", reason="process ids are checked on POSIX")
def test_a_decrypted_copy_goes_when_its_process_is_gone_and_stays_while_it_runs(tmp_path):
    mine = tmp_path / restoring_name(NOW)
    killed = tmp_path / f"restoring-20261123-013000-p{dead_pid()}.tmp"
    killed_partial = tmp_path / f"restoring-20261123-013000-p{dead_pid()}.tmp.partial"
    unnamed = tmp_path / "restoring-20261122-013000.tmp"  # written before names carried a process id
    for path in (mine, killed, killed_partial, unnamed):
        path.write_bytes(b"SQLite format 3\0")
    removed = clean_leftovers(tmp_path)
    assert sorted(removed) == sorted([killed, killed_partial, unnamed])
    assert mine.exists() and f"-p{os.getpid()}.tmp" in mine.name


def test_a_partial_backup_goes_after_ten_idle_minutes_and_other_files_stay(tmp_path):
    stale = tmp_path / "daily-20261123-013000.db.partial"
    fresh = tmp_path / "manual-20261123-093000.db.partial"
    encrypted = tmp_path / "daily-20261120-013000.db.enc.partial"
    own = tmp_path / "notes.partial"
    backup = tmp_path / "daily-20261122-013000.db"
    for path in (stale, fresh, encrypted, own, backup):
        path.write_bytes(b"")
    old = time.time() - PARTIAL_STALE_SECONDS - 60
    for path in (stale, encrypted, own, backup):
        os.utime(path, (old, old))
    assert sorted(clean_leftovers(tmp_path)) == sorted([stale, encrypted])
    assert fresh.exists() and own.exists() and backup.exists()


def test_cleaning_a_folder_that_is_not_there_does_nothing(tmp_path):
    assert clean_leftovers(tmp_path / "backups") == []
