"""The command line's parser, built from the table of commands, and `run`: one command line -> an exit code."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from peewee import PeeweeException

from trade_crm import __version__
from trade_crm.cli.base import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, PROG, Command, CommandError, Context
from trade_crm.cli.commands import GROUPS, all_commands
from trade_crm.cli.commands.gui import GUI
from trade_crm.domain.clock import Clock, SystemClock
from trade_crm.domain.errors import DomainError, ValidationError
from trade_crm.exchange.files.refusal import FileRefused
from trade_crm.logs import configure_logging
from trade_crm.paths import resolve_db_path, resolve_log_dir
from trade_crm.store.backup import BackupError
from trade_crm.store.db import DatabaseError, close_database, open_database
from trade_crm.store.postgres import is_server_url

log = logging.getLogger(__name__)

# Arguments that name a file: bytes that are not UTF-8 are a real (POSIX) file name and stay as the
# OS gave them (decoded with surrogateescape, so they round-trip); in any other argument they are refused.
PATH_ARGUMENTS = frozenset({"db", "file", "target", "to", "report"})
FILE_ONLY_COMMANDS = frozenset({"backup", "restore"})  # they copy the SQLite file itself


def _add_common(parser: argparse.ArgumentParser, command: Command) -> None:
    # SUPPRESS: a --db given before the command name is not overwritten by this parser's default.
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="database file, or postgresql://user@host:port/dbname for a team server "
                             "(default: $TRADE_CRM_DB, else the app's data folder)")
    if command.json:
        parser.add_argument("--json", action="store_true", default=False,
                            help="print one JSON document instead of text")
    command.arguments(parser)
    parser.set_defaults(command=command)


def build_parser(commands: Sequence[Command] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Trade CRM: customers, follow-ups and orders for the export salesperson. "
                               "Without a command it opens the window.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--db", metavar="PATH", default=None,
                        help="database file, or postgresql://user@host:port/dbname for a team server "
                             "(default: $TRADE_CRM_DB, else the app's data folder)")
    parser.add_argument("-v", "--verbose", action="store_true", default=False,
                        help="print debug logs on stderr (the log file in the app's log folder gets INFO always)")
    top = parser.add_subparsers(title="commands", metavar="COMMAND")
    groups: dict[str, argparse._SubParsersAction] = {}
    for command in commands if commands is not None else all_commands():
        *path, sub = command.name.split(" ")  # "mail account add": group "mail", its group "account", "add"
        where = top
        for depth, name in enumerate(path):
            group = " ".join(path[:depth + 1])
            if group not in groups:
                group_parser = where.add_parser(name, help=GROUPS.get(group, ""), description=GROUPS.get(group))
                groups[group] = group_parser.add_subparsers(title=f"{group} commands", metavar="COMMAND",
                                                            required=True)
            where = groups[group]
        _add_common(where.add_parser(sub, help=command.help, description=command.help), command)
    return parser


def run(argv: Sequence[str], *, stdout: TextIO | None = None, stderr: TextIO | None = None,
        clock: Clock | None = None) -> int:
    """Run one command line and return its exit code; never raises for errors a person can fix."""
    out, err = stdout or sys.stdout, stderr or sys.stderr
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = build_parser().parse_args(list(argv))
        undecodable = _undecodable_argument(args)
        if undecodable:
            return fail(err, undecodable, EXIT_USAGE)
        command = getattr(args, "command", None)
        if command is None:  # no command: open the window
            command = GUI
        logs = configure_logging(resolve_log_dir(), verbose=args.verbose, stream=err)
        try:
            log.info("%s %s: %s", PROG, __version__, command.name)
            try:
                code = _run_command(command, args, clock or SystemClock(), out, err)
            except BrokenPipeError:
                raise
            except Exception:
                log.exception("%s %s failed unexpectedly", PROG, command.name)
                raise
            (log.info if code == EXIT_OK else log.warning)("%s %s: exit code %s", PROG, command.name, code)
            return code
        finally:
            logs.close()
    except SystemExit as exc:  # argparse: --help, --version, usage errors (already printed)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    except ValidationError as exc:  # from an argument type, while parsing
        return fail(err, str(exc), EXIT_USAGE)
    except KeyboardInterrupt:
        return fail(err, "interrupted", 130)
    except BrokenPipeError:  # `trade-crm customer list | head`: stop quietly, also at interpreter exit
        with contextlib.suppress(AttributeError, OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
        return EXIT_OK


def _undecodable_argument(args: argparse.Namespace) -> str | None:
    """A message for the first text argument holding bytes that are not UTF-8, else None."""
    for name, value in vars(args).items():
        for item in value if isinstance(value, list) else [value]:
            if name not in PATH_ARGUMENTS and isinstance(item, str) and _has_surrogates(item):
                return (f'{name.replace("_", " ")}: "{shown(item)}" is not UTF-8 text; set the terminal to UTF-8 '
                        "(or type the text again) and repeat the command")
    return None


def _has_surrogates(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def shown(text: str) -> str:
    """Text as a person can read it: bytes that were not UTF-8 (surrogateescape) as \\xff."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that did not come from a byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _run_command(command: Command, args: argparse.Namespace, clock: Clock, out: TextIO, err: TextIO) -> int:
    server = is_server_url(args.db)
    ctx = Context(db_path=args.db.strip() if server else resolve_db_path(args.db), clock=clock,
                  json=getattr(args, "json", False), out=out, err=err)
    try:
        if server and command.name in FILE_ONLY_COMMANDS:
            raise CommandError(f"{command.name} works on a book file; a server's book is backed up on the server "
                               "(pg_dump)", EXIT_FAILURE)
        if command.opens_db:
            ctx.db = open_database(ctx.db_path)
        return command.run(ctx, args) or EXIT_OK
    except CommandError as exc:
        return fail(err, str(exc), exc.code)
    except (ValidationError, FileRefused) as exc:  # fix the input
        return fail(err, str(exc), EXIT_USAGE)
    except (DomainError, DatabaseError, BackupError) as exc:  # NotFoundError and the rest: exit 1
        return fail(err, str(exc), EXIT_FAILURE)
    except PeeweeException as exc:  # "database is locked", a disk that is full
        return fail(err, f"database {ctx.db_path}: {exc}", EXIT_FAILURE)
    finally:
        if ctx.db is not None:
            close_database(ctx.db)


def fail(err: TextIO, message: str, code: int) -> int:
    err.write(f"{PROG}: error: {' '.join(shown(message).split())}\n")
    return code
