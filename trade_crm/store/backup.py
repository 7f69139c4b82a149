"""Consistent copies of the live database through SQLite's online backup API.

A plain file copy of a WAL database can miss committed pages still in the -wal file; the
backup API copies a consistent snapshot while the app keeps running.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path


def copy_database(source: sqlite3.Connection, target: Path) -> Path:
    """Write a consistent snapshot of `source` to `target` (via a temp name, then rename)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    dest = sqlite3.connect(partial)
    try:
        source.backup(dest)
    finally:
        dest.close()
    partial.replace(target)
    return target


def timestamped_name(prefix: str, now: datetime) -> str:
    return f"{prefix}-{now.astimezone(timezone.utc):%Y%m%d-%H%M%S}.db"
