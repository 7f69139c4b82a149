"""The backup policy: where copies go, when the daily copy is due, which copies rotation keeps, and
how the off-laptop copy is protected (settings kept in the book; never a secret among them).

The copies themselves are made by store/backup.py; the off-laptop copy's encryption lives in
exchange/encrypted_copy.py.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path

from trade_crm.domain.errors import ValidationError
from trade_crm.store.backup import last_backup_at, parse_name
from trade_crm.store.settings import SettingKey

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
KEEP_EVENT = 2  # the newest copies made before a migration or a restore are kept as well
# A decrypted copy being restored, named with the restoring process's id (older versions had none).
_RESTORING = re.compile(r"^restoring-\d{8}-\d{6}(?:-p(?P<pid>\d+))?\.tmp(\.partial)?$")
PARTIAL_STALE_SECONDS = 600  # a copy being written touches its file all the time; ten idle minutes: a kill

# How the off-laptop copy is protected: a random key in the OS keyring (shown once as a recovery
# code), a passphrase typed each session (for machines without a keyring), or not at all.
KEYRING, PASSPHRASE, PLAIN = "keyring", "passphrase", "plain"
MODES = (KEYRING, PASSPHRASE, PLAIN)

OFFSITE_DIR = SettingKey("backup.offsite_dir", str, "", "Folder for the off-laptop copy")
OFFSITE_MODE = SettingKey("backup.offsite_mode", str, KEYRING, "How the off-laptop copy is protected")
# The key id (hex; not secret) whose recovery code was shown, so it is offered only once.
RECOVERY_CODE_SHOWN = SettingKey("backup.recovery_code_shown", str, "", "Recovery code shown for key")


@dataclass(frozen=True)
class OffsiteSettings:
    folder: Path | None  # None: no off-laptop copy
    mode: str = KEYRING

    @property
    def enabled(self) -> bool:
        return self.folder is not None


def backup_dir_for(db_path: Path) -> Path:
    """The book's own backup folder: `backups` beside the file (where db.upgrade puts its copy too)."""
    return Path(db_path).absolute().parent / "backups"


def offsite_settings() -> OffsiteSettings:
    folder, mode = OFFSITE_DIR.read().strip(), OFFSITE_MODE.read()
    return OffsiteSettings(Path(folder) if folder else None, mode if mode in MODES else KEYRING)


def save_offsite_settings(folder: str | Path | None, mode: str) -> OffsiteSettings:
    text = str(folder).strip() if folder else ""
    if mode not in MODES:
        raise ValidationError("offsite_mode", f'"{mode}" is not one of {", ".join(MODES)}')
    if text and not Path(text).expanduser().is_absolute():
        raise ValidationError("offsite_dir", f'"{text}" is not a full folder path')
    OFFSITE_DIR.write(str(Path(text).expanduser()) if text else "")
    OFFSITE_MODE.write(mode)
    return offsite_settings()


def daily_due(backup_dir: Path, now: datetime, zone: tzinfo) -> bool:
    """True when no copy of any kind was made on today's local date."""
    last = last_backup_at(backup_dir)
    return last is None or last.astimezone(zone).date() < now.astimezone(zone).date()


def keep_set(stamped: Iterable[tuple[Path, str, datetime]], zone: tzinfo, *, daily: int = KEEP_DAILY,
             weekly: int = KEEP_WEEKLY, monthly: int = KEEP_MONTHLY) -> set[Path]:
    """The copies rotation keeps, from (path, kind, created_at): the newest of each of the last
    `daily` days, `weekly` ISO weeks and `monthly` months that have copies (local dates), every copy
    of the newest copy's last 24 hours, and the newest KEEP_EVENT copies made before a migration and
    before a restore."""
    ordered = sorted(stamped, key=lambda item: item[2], reverse=True)
    if not ordered:
        return set()
    # Everything from the newest copy's last 24 hours stays: today's morning copy and the one
    # made before this afternoon's import are both there to go back to.
    keep = {path for path, _, created in ordered if created > ordered[0][2] - timedelta(hours=24)}
    for count, period in ((daily, lambda d: d.date()), (weekly, lambda d: d.isocalendar()[:2]),
                          (monthly, lambda d: (d.year, d.month))):
        seen: list = []
        for path, _, created in ordered:
            key = period(created.astimezone(zone))
            if key not in seen:
                if len(seen) == count:
                    break
                seen.append(key)
                keep.add(path)
    for prefix in ("pre-migration", "pre-restore"):
        keep.update([path for path, kind, _ in ordered if kind.startswith(prefix)][:KEEP_EVENT])
    return keep


def restoring_name(now: datetime) -> str:
    """The name of the decrypted copy this process restores from (see clean_leftovers)."""
    return f"restoring-{now.astimezone(timezone.utc):%Y%m%d-%H%M%S}-p{os.getpid()}.tmp"


def _running(pid: int) -> bool:
    """Whether process `pid` is alive (POSIX; on Windows os.kill would end it)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: it exists, another user's
        return True
    return True


def clean_leftovers(folder: Path, now: float | None = None) -> list[Path]:
    """Delete what a killed backup or restore left in `folder`; run at start-up and before a restore.

    A decrypted copy (`restoring-*.tmp`) is a readable copy of a book its owner chose to encrypt: it
    goes as soon as the process that wrote it is gone. A `.partial` backup goes once ten minutes idle.
    """
    if not folder.is_dir():
        return []
    now = time.time() if now is None else now
    removed = []
    for path in folder.iterdir():
        try:
            idle = now - path.stat().st_mtime
        except OSError:
            continue
        if match := _RESTORING.match(path.name):
            pid = match["pid"]
            if pid is None or os.name == "posix":
                stale = pid is None or not _running(int(pid))
            else:  # Windows: an hour untouched (a file SQLite holds open cannot be deleted there anyway)
                stale = idle > 3600
        else:
            stale = (path.name.endswith(".partial") and parse_name(path.with_name(path.name[:-len(".partial")]))
                     is not None and idle > PARTIAL_STALE_SECONDS)
        if stale:
            try:
                path.unlink(missing_ok=True)
            except OSError:
                continue
            removed.append(path)
    return removed


def rotate(folder: Path, zone: tzinfo) -> list[Path]:
    """Delete the copies `keep_set` does not keep, and day-old leftovers of interrupted copies.

    Only files named like a backup are considered; anything else in the folder is left alone.
    """
    if not folder.is_dir():
        return []
    stamped, stale = [], []
    for path in folder.iterdir():
        leftover = (path.name.endswith(".partial") and parse_name(path.with_name(path.name[:-len(".partial")]))
                    or _RESTORING.match(path.name))
        if leftover:
            if path.stat().st_mtime < time.time() - 86_400:  # not a copy still being written
                stale.append(path)
        elif (parsed := parse_name(path)) is not None:
            stamped.append((path, parsed[0], parsed[1]))
    keep = keep_set(stamped, zone)
    removed = [path for path, _, _ in stamped if path not in keep] + stale
    for path in removed:
        path.unlink(missing_ok=True)
    return removed
