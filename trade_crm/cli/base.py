"""The frame every command stands on: the Command row, its Context, errors, exit codes, argument types.

A command is a `Command` row: a name ("search", or "customer add" inside a group), a function that
adds its arguments, and a function `run(ctx, args) -> exit code`. The rows live in modules under
`trade_crm/cli/commands/`, listed in `trade_crm.cli.commands.MODULES`; `cli.parser` builds the parser.
Every command accepts `--db PATH` (also before the command name); commands that print data accept
`--json` and then print exactly one JSON document. Errors a person can act on (DomainError,
DatabaseError, CommandError) become one line on stderr: exit 2 for usage/validation, 3 for an edit that
conflicts with someone else's newer save, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.serialize import to_jsonable
from trade_crm.domain.world.countries import UnknownCountryError, normalize_country

PROG = "trade-crm"
EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
EXIT_CONFLICT = 3  # an edit named a version someone else has saved over (domain EditConflict)


class CommandError(Exception):
    """A command cannot go on; the message says what to do. Exit 2 unless `code` says otherwise."""

    def __init__(self, message: str, code: int = EXIT_USAGE):
        super().__init__(message)
        self.code = code


@dataclass
class Context:
    """What every command gets: the database (already open unless the command opts out), a clock,
    the --json flag and the output streams. Commands print through `emit`/`print`, never `print()`."""

    db_path: Path | str  # a str only for a server book's postgresql:// URL
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
