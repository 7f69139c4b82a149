"""`trade-crm` and `trade-crm gui`: open the desktop window."""

from __future__ import annotations

from pathlib import Path

from trade_crm.cli.base import EXIT_FAILURE, Command, CommandError
from trade_crm.store.postgres import is_server_url


def run_gui(ctx, args) -> int:
    try:
        from trade_crm.app import run_gui as start  # lazy: start-up, only the window loads Qt
    except ImportError as exc:  # no display libraries, a broken Qt install
        raise CommandError(f"the window cannot start here: {exc}", EXIT_FAILURE) from exc
    # Without --db the app chooses itself (the team server connected to, $TRADE_CRM_DB, the data folder).
    if is_server_url(args.db):
        return start(args.db)
    return start(Path(args.db).expanduser() if args.db else None)


GUI = Command("gui", "open the desktop window (the default when no command is given)", run_gui,
              json=False, opens_db=False)
COMMANDS = (GUI,)
