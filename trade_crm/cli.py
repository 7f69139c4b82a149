"""The command line: one frame (parser, context, errors, output) and a table of small commands.

A command is a `Command` row: a name ("search", or "customer add" inside a group), a function that
adds its arguments, and a function `run(ctx, args) -> exit code`. The rows live in modules under
`trade_crm/commands/`, listed in `trade_crm.commands.MODULES`; the parser is built from them.
Every command accepts `--db PATH` (also before the command name); commands that print data accept
`--json` and then print exactly one JSON document. Errors a person can act on (DomainError,
DatabaseError, CommandError) become one line on stderr: exit 2 for usage/validation, 1 otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from trade_crm import __version__
from trade_crm.domain.clock import Clock, SystemClock
from trade_crm.domain.countries import UnknownCountryError, normalize_country
from trade_crm.domain.errors import DomainError, ValidationError
from trade_crm.domain.serialize import to_jsonable

PROG = "trade-crm"
EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A command cannot go on; the message says what to do. Exit 2 unless `code` says otherwise."""

    def __init__(self, message: str, code: int = EXIT_USAGE):
        super().__init__(message)
        self.code = code


@dataclass
class Context:
    """What every command gets: the database (already open unless the command opts out), a clock,
    the --json flag and the output streams. Commands print through `emit`/`print`, never `print()`."""

    db_path: Path
    clock: Clock
    json: bool
    out: TextIO
    err: TextIO
    db: Any = None

    def print(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def emit(self, data: Any, human: str | Callable[[], str]) -> None:
        """Print `data` as the one JSON document (with --json), else the human text."""
        if self.json:
            self.out.write(json.dumps(to_jsonable(data), ensure_ascii=False, indent=2) + "\n")
        else:
            text = human() if callable(human) else human
            if text:
                self.print(text)

    def local(self, instant: datetime | None) -> str:
        """An instant as the user's wall-clock time, "YYYY-MM-DD HH:MM"; "-" when there is none."""
        return instant.astimezone(self.clock.zone).strftime("%Y-%m-%d %H:%M") if instant else "-"


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    return None


@dataclass(frozen=True)
class Command:
    name: str  # "search", or "group sub" for a command inside a group ("customer add")
    help: str
    run: Callable[[Context, argparse.Namespace], int | None]
    arguments: Callable[[argparse.ArgumentParser], None] = _no_arguments
    json: bool = True  # accepts --json
    opens_db: bool = True  # False: ctx.db stays None (the GUI, a restore that replaces the file)


# --- argument types: a bad value is a ValidationError naming the option (argparse lets it through) ---

def date_arg(flag: str) -> Callable[[str], date]:
    def parse(text: str) -> date:
        try:
            return date.fromisoformat(text.strip())
        except ValueError:
            raise ValidationError(flag, f'"{text}" is not a date (YYYY-MM-DD)') from None
    return parse


def datetime_arg(flag: str) -> Callable[[str], datetime]:
    """An ISO date-time; one without a zone is read later as the user's local time (`as_instant`)."""
    def parse(text: str) -> datetime:
        try:
            return datetime.fromisoformat(text.strip())
        except ValueError:
            raise ValidationError(flag, f'"{text}" is not a date and time (YYYY-MM-DDTHH:MM)') from None
    return parse


def country_arg(flag: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        try:
            code = normalize_country(text)
        except UnknownCountryError as exc:
            raise ValidationError(flag, str(exc)) from None
        if code is None:
            raise ValidationError(flag, "give a country code or name")
        return code
    return parse


def count_arg(flag: str, minimum: int = 1) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = minimum - 1
        if value < minimum:
            raise ValidationError(flag, f'"{text}" is not a whole number of at least {minimum}')
        return value
    return parse


def as_instant(value: datetime, ctx: Context) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=ctx.clock.zone)


# --- plain-text tables that line up with Chinese (double-width) text ---

def text_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def fit(text: str, width: int) -> str:
    """Cut `text` to `width` columns (ending in "…" when cut) and pad it to exactly that width."""
    if text_width(text) > width:
        out, used = "", 0
        for char in text:
            w = text_width(char)
            if used + w > width - 1:
                break
            out, used = out + char, used + w
        text = out + "…"
    return text + " " * (width - text_width(text))


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], max_width: int = 32) -> str:
    widths = [min(max_width, max([text_width(h)] + [text_width(r[i]) for r in rows]))
              for i, h in enumerate(headers)]
    lines = [[fit(h, w) for h, w in zip(headers, widths, strict=True)]]
    lines += [[fit(cell, w) for cell, w in zip(row, widths, strict=True)] for row in rows]
    return "\n".join("  ".join(line).rstrip() for line in lines)


# --- building the parser from the table ---

def _add_common(parser: argparse.ArgumentParser, command: Command) -> None:
    # SUPPRESS: a --db given before the command name is not overwritten by this parser's default.
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="database file (default: $TRADE_CRM_DB, else the app's data folder)")
    if command.json:
        parser.add_argument("--json", action="store_true", default=False,
                            help="print one JSON document instead of text")
    command.arguments(parser)
    parser.set_defaults(command=command)


def build_parser(commands: Sequence[Command] | None = None) -> argparse.ArgumentParser:
    from trade_crm.commands import GROUPS, all_commands

    parser = argparse.ArgumentParser(
        prog=PROG, description="Trade CRM: customers, follow-ups and orders for the export salesperson. "
                               "Without a command it opens the window.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--db", metavar="PATH", default=None,
                        help="database file (default: $TRADE_CRM_DB, else the app's data folder)")
    top = parser.add_subparsers(title="commands", metavar="COMMAND")
    groups: dict[str, argparse._SubParsersAction] = {}
    for command in commands if commands is not None else all_commands():
        group, _, sub = command.name.rpartition(" ")
        if group and group not in groups:
            group_parser = top.add_parser(group, help=GROUPS.get(group, ""), description=GROUPS.get(group))
            groups[group] = group_parser.add_subparsers(title=f"{group} commands", metavar="COMMAND",
                                                        required=True)
        where = groups[group] if group else top
        _add_common(where.add_parser(sub, help=command.help, description=command.help), command)
    return parser


def run(argv: Sequence[str], *, stdout: TextIO | None = None, stderr: TextIO | None = None,
        clock: Clock | None = None) -> int:
    """Run one command line and return its exit code; never raises for errors a person can fix."""
    out, err = stdout or sys.stdout, stderr or sys.stderr
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = build_parser().parse_args(list(argv))
        command = getattr(args, "command", None)
        if command is None:  # no command: open the window
            from trade_crm.commands.gui import GUI
            command = GUI
        return _run_command(command, args, clock or SystemClock(), out, err)
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


def _run_command(command: Command, args: argparse.Namespace, clock: Clock, out: TextIO, err: TextIO) -> int:
    from peewee import PeeweeException

    from trade_crm.paths import resolve_db_path
    from trade_crm.store.backup import BackupError
    from trade_crm.store.db import DatabaseError, close_database, open_database

    ctx = Context(db_path=resolve_db_path(args.db), clock=clock,
                  json=getattr(args, "json", False), out=out, err=err)
    try:
        if command.opens_db:
            ctx.db = open_database(ctx.db_path)
        return command.run(ctx, args) or EXIT_OK
    except CommandError as exc:
        return fail(err, str(exc), exc.code)
    except ValidationError as exc:
        return fail(err, str(exc), EXIT_USAGE)
    except (DomainError, DatabaseError, BackupError) as exc:  # NotFoundError and the rest: exit 1
        return fail(err, str(exc), EXIT_FAILURE)
    except PeeweeException as exc:  # "database is locked", a disk that is full
        return fail(err, f"database {ctx.db_path}: {exc}", EXIT_FAILURE)
    finally:
        if ctx.db is not None:
            close_database(ctx.db)


def fail(err: TextIO, message: str, code: int) -> int:
    err.write(f"{PROG}: error: {' '.join(message.split())}\n")
    return code
