"""`trade-crm` and `trade-crm gui`: open the desktop window."""

from __future__ import annotations

from pathlib import Path

from trade_crm.cli.base import EXIT_FAILURE, Command, CommandError


def run_gui(ctx, args) -> int:
    try:
        from trade_crm.app import run_gui as start  # lazy: start-up, only the window loads Qt
    except ImportError as exc:  # no display libraries, a broken Qt install
        raise CommandError(f"the window cannot start here: {exc}", EXIT_FAILURE) from exc
    # Without --db the app resolves the path itself ($TRADE_CRM_DB, else the data folder).
    return start(Path(args.db).expanduser() if args.db else None)


GUI = Command("gui", "open the desktop window (the default when no command is given)", run_gui,
              json=False, opens_db=False)
COMMANDS = (GUI,)
