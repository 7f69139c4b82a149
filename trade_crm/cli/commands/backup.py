"""`trade-crm backup [--to DIR]`, `trade-crm backup list` and `trade-crm restore FILE`."""

from __future__ import annotations

import signal
import sqlite3
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from peewee import PeeweeException

from trade_crm.cli.base import EXIT_FAILURE, EXIT_USAGE, Command, CommandError, Context, table
from trade_crm.domain.backups import (
    KEYRING,
    PASSPHRASE,
    PLAIN,
    OffsiteSettings,
    backup_dir_for,
    clean_leftovers,
)
from trade_crm.domain.backups import offsite_settings as saved_offsite
from trade_crm.keystore import KeyStore
from trade_crm.store.backup import BackupError, list_backups
from trade_crm.store.db import DatabaseError, open_database

BACKUP_HELP = "make a consistent copy of the book now; `backup list` shows the copies with dates and sizes"
RESTORE_HELP = "replace the book with a backup copy (the current book is kept as a backup first)"


def _size(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 104_858 else f"{max(1, round(size / 1024))} KB"


def _info_json(info) -> dict:
    return {"path": str(info.path), "kind": info.kind, "created_at": info.created_at, "size": info.size,
            "customers": info.customers, "schema_version": info.schema_version, "encrypted": info.encrypted}


def _passphrase(args) -> str | None:
    if not getattr(args, "passphrase_stdin", False):
        return None
    text = sys.stdin.readline().rstrip("\r\n")
    if not text:
        raise CommandError("--passphrase-stdin: no passphrase was given on standard input")
    return text


def backup_arguments(parser) -> None:
    parser.add_argument("action", nargs="?", choices=("now", "list"), default="now",
                        help="now (the default): make a copy; list: show the copies with dates and sizes")
    parser.add_argument("--to", metavar="DIR", help="also put a copy in DIR (a USB stick, a synced folder), "
                        "encrypted with the keyring's backup key, or with --passphrase-stdin")
    parser.add_argument("--passphrase-stdin", action="store_true",
                        help="read the passphrase for the encrypted copy from standard input")
    parser.add_argument("--plain", action="store_true",
                        help="with --to: write that copy unencrypted (anyone holding the file can read it)")


def run_backup(ctx: Context, args) -> int:
    # lazy: start-up, every command line loads every command module; only this one needs cryptography
    from trade_crm.exchange.encrypted_copy import back_up

    if args.action == "list":  # also when the book itself cannot be opened: that is when it matters
        folder = None
        if ctx.db_path.exists():
            try:
                ctx.db = open_database(ctx.db_path, migrate=False)
                folder = saved_offsite().folder
            except (DatabaseError, PeeweeException, sqlite3.Error):
                pass
        return _list(ctx, list_backups(backup_dir_for(ctx.db_path), folder))
    clean_leftovers(backup_dir_for(ctx.db_path))  # what a killed backup or restore left
    ctx.db = open_database(ctx.db_path)
    offsite = saved_offsite()
    if args.plain and not args.to:
        raise CommandError("--plain only applies to the copy made with --to DIR")
    passphrase = _passphrase(args)
    if args.to:
        mode = PLAIN if args.plain else PASSPHRASE if passphrase else KEYRING
        offsite = OffsiteSettings(Path(args.to).expanduser().resolve(), mode)
    try:
        report = back_up(ctx.db.connection(), ctx.db_path, "manual", ctx.clock.now(), ctx.clock.zone,
                         offsite=offsite, store=KeyStore(), passphrase=passphrase)
    except BackupError as exc:
        raise CommandError(str(exc), EXIT_FAILURE) from exc
    data = {"backup": _info_json(report.local), "removed": [str(p) for p in report.removed],
            "offsite": str(report.offsite) if report.offsite else None, "offsite_problem": report.offsite_problem,
            "files": report.files, "offsite_files": report.offsite_files}
    lines = [f"Backed up {report.local.customers} customers to {report.local.path} "
             f"({_size(report.local.size)})"]
    if report.files.added or report.files.already:
        lines.append(f"Attached files: {report.files.added} new, {report.files.already} already in the backups")
    if report.files.missing:
        lines.append(f"{len(report.files.missing)} attached files are missing on this disk: trade-crm files check")
    if report.offsite:
        lines.append(f"Off-laptop copy: {report.offsite}")
    if report.removed:
        lines.append(f"Rotation removed {len(report.removed)} older "
                     f"{'copy' if len(report.removed) == 1 else 'copies'}")
    ctx.emit(data, "\n".join(lines))
    if report.offsite_problem:
        ctx.err.write(f"trade-crm: warning: no off-laptop copy: {report.offsite_problem}\n")
        return EXIT_FAILURE if args.to else 0
    return 0


def _list(ctx: Context, infos) -> int:
    def human() -> str:
        if not infos:
            return "No backups yet."
        rows = [(ctx.local(i.created_at), i.kind, "encrypted" if i.encrypted else
                 "-" if i.customers is None else str(i.customers), _size(i.size), str(i.path)) for i in infos]
        return table(("date", "kind", "customers", "size", "file"), rows, max_width=80)
    ctx.emit({"backups": [_info_json(i) for i in infos], "count": len(infos)}, human)
    return 0


def restore_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help="a backup: a .db copy, or an encrypted .db.enc copy")
    secret = parser.add_mutually_exclusive_group()
    secret.add_argument("--recovery-code", metavar="CODE",
                        help="the recovery code of an encrypted copy whose key is not in this keyring")
    secret.add_argument("--passphrase-stdin", action="store_true",
                        help="read the passphrase of a passphrase-encrypted copy from standard input")


@contextmanager
def _finally_on_termination() -> Iterator[None]:
    """SIGTERM and SIGHUP (a closed terminal) end the command through its `finally` blocks, so a
    decrypted copy is removed; a SIGKILL leaves it to the cleaning at the next start."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, _frame):
        raise SystemExit(128 + signum)

    wanted = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None]
    previous = {s: signal.signal(s, stop) for s in wanted}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def run_restore(ctx: Context, args) -> int:
    # lazy: start-up, every command line loads every command module; only this one needs cryptography
    from trade_crm.exchange.encrypted_copy import SecretNeeded, migrate_file, restore_file

    now = ctx.clock.now()
    try:
        with _finally_on_termination():
            result = restore_file(Path(args.file).expanduser(), ctx.db_path, now, store=KeyStore(),
                                  recovery_code=args.recovery_code, passphrase=_passphrase(args))
            migrated = migrate_file(ctx.db_path, now)
    except SecretNeeded as exc:
        hint = "--recovery-code CODE" if exc.mode == 1 else "--passphrase-stdin"
        raise CommandError(f"{args.file}: {exc} ({hint})", EXIT_USAGE) from exc
    except (BackupError, DatabaseError) as exc:
        raise CommandError(str(exc), EXIT_FAILURE) from exc
    data = {"restored": str(result.source), "database": str(ctx.db_path), "customers": result.customers,
            "schema_version": result.schema_version, "migrated_to": migrated,
            "safety_copy": str(result.safety_copy) if result.safety_copy else None,
            "damaged_moved_to": str(result.damaged_moved_to) if result.damaged_moved_to else None,
            "files_restored": result.files_restored, "files_missing": result.files_missing}
    lines = [f"Restored {result.customers} customers from {result.source} into {ctx.db_path}"]
    if result.files_restored:
        lines.append(f"Brought back {result.files_restored} attached files")
    if result.files_missing:
        lines.append(f"{len(result.files_missing)} attached files are in no backup found: trade-crm files check")
    if result.safety_copy:
        lines.append(f"The book as it was is kept in {result.safety_copy}")
    if result.damaged_moved_to:
        lines.append(f"The damaged book was moved aside to {result.damaged_moved_to}")
    if migrated:
        lines.append(f"Upgraded from schema {result.schema_version} to {migrated[-1]}")
    ctx.emit(data, "\n".join(lines))
    return 0


COMMANDS = (
    Command("backup", BACKUP_HELP, run_backup, backup_arguments, opens_db=False),
    Command("restore", RESTORE_HELP, run_restore, restore_arguments, opens_db=False),
)
