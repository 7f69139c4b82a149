"""`trade-crm team publish --to postgresql://user@host:port/dbname`: copy this laptop's book to a team server.

    trade-crm team publish --to postgresql://ann@crm.example.com/trade_book [--db BOOK] [--json]

The book (--db, default: the app's) is copied into the server book under the login in the URL as owner,
once: publishing again adds what is new and updates what changed (domain/team/publish.py). The password
comes from the keyring or PGPASSWORD, as for `--db postgresql://…`. On a terminal a progress bar runs on
stderr; Ctrl-C stops it and nothing is published.
"""

from __future__ import annotations

from typing import TextIO

from trade_crm.cli.base import EXIT_FAILURE, Command, CommandError, Context, table
from trade_crm.store.postgres import is_server_url, open_postgres

BAR_WIDTH = 30
LABELS = {"tag": "tags", "custom_field": "custom fields", "customer": "customers", "contact": "contacts",
          "contact_channel": "contact channels", "interaction": "timeline", "opportunity": "opportunities",
          "orders": "orders", "reminder": "reminders", "import_batch": "import history",
          "not_duplicate": "not duplicates", "search": "search index"}


def arguments(parser) -> None:
    parser.add_argument("--to", required=True, metavar="URL",
                        help="the team server's book: postgresql://user@host:port/dbname (the password comes "
                             "from the keyring or PGPASSWORD)")


class ProgressBar:
    """One line on a terminal, redrawn in place: the table being copied and how far it is."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.shown = ""

    def __call__(self, table: str, done: int, total: int) -> None:
        share = done / total if total else 1.0
        filled = round(BAR_WIDTH * share)
        line = (f"publishing {LABELS.get(table, table):<16} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] "
                f"{done:,}/{total:,}")
        if line != self.shown:
            self.stream.write("\r" + line.ljust(len(self.shown)))
            self.stream.flush()
            self.shown = line

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * len(self.shown) + "\r")
            self.stream.flush()


def _interactive(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def render(summary, url: str) -> str:
    rows = [[LABELS.get(t.table, t.table), f"{t.created:,}", f"{t.updated:,}", f"{t.unchanged:,}",
             f"{t.kept_server:,}", f"{t.skipped:,}"] for t in summary.tables]
    lines = [f"Published this book to {url} as {summary.owner} in {summary.seconds:.1f} s "
             f"({summary.created:,} rows created, {summary.updated:,} updated).",
             table(["", "Created", "Updated", "Unchanged", "Server's kept", "Skipped"], rows)]
    if summary.kept_server:
        ids = ", ".join(str(i) for i in summary.kept_server[:20]) + (" …" if len(summary.kept_server) > 20 else "")
        lines.append(f"{len(summary.kept_server):,} customers changed here and on the server since the last publish "
                     f"kept the server's copy (IDs in this book: {ids}).")
    if any(t.skipped for t in summary.tables):
        lines.append("Skipped: rows of customers deleted on the server since the last publish.")
    return "\n".join(lines)


def run(ctx: Context, args) -> int:
    # lazy: start-up, every command line loads every command module; only a publish needs the publisher
    from trade_crm.domain.team.publish import publish

    url = args.to.strip()
    if not is_server_url(url):
        raise CommandError(f"--to takes a team server's book, postgresql://user@host:port/dbname, not {url}")
    if is_server_url(ctx.db_path):
        raise CommandError("--db names a server book; publish copies a book on this computer to a server",
                           EXIT_FAILURE)
    target = open_postgres(url, bind=False)
    bar = ProgressBar(ctx.err) if _interactive(ctx.err) else None
    try:
        summary = publish(ctx.db, target, progress=bar, now=ctx.clock.now())
    finally:
        if bar is not None:
            bar.close()
        target.close()
    ctx.emit(summary, lambda: render(summary, url))
    return 0


COMMANDS = (Command("team publish", "copy this book to a team server (once: again adds what is new)", run,
                    arguments),)
