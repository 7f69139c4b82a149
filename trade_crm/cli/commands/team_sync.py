"""`trade-crm team sync`: send what was logged on a trip to the team server, then refresh the laptop's copy."""

from __future__ import annotations

from trade_crm.cli.base import Command, Context
from trade_crm.domain.team.offline import sync
from trade_crm.paths import resolve_db_path


def team_sync(ctx: Context, args) -> int:
    result = sync(resolve_db_path(None), str(ctx.db_path), ctx.clock)

    def human() -> str:
        box, fresh = result.outbox, result.refresh
        lines = [f"Sent {box.applied} queued entr{'y' if box.applied == 1 else 'ies'} to the server"
                 + (f" ({box.already} it already had)" if box.already else "")]
        lines += [f"Still queued: {problem}" for problem in box.problems]
        if fresh.synced_at is None:
            lines.append("The copy on this computer was not refreshed: entries are still queued")
        else:
            lines.append(f"Copy on this computer: {fresh.customers} customers, {fresh.interactions} timeline "
                         f"entries, as of {ctx.local(fresh.synced_at)} ({result.copy})")
        return "\n".join(lines)

    ctx.emit(result, human)
    return 1 if result.outbox.pending else 0


COMMANDS = (Command("team sync", "send what was logged offline to the team server (--db postgresql://…), "
                    "then refresh this computer's copy of your customers", team_sync),)
