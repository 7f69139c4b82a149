"""When composed messages go: now, or each at its recipient's local morning as domain/mail/planning plans it
(09:00–11:00 in their zone, not on their weekend or public holidays, the account's pace and daily cap kept,
the times already taken by the account's outbox left free)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from trade_crm.domain.clock import Clock
from trade_crm.domain.mail.merge import Recipient
from trade_crm.domain.mail.outbox import outbox_entries
from trade_crm.domain.mail.outgoing import OutboxState

NOW, MORNING = "now", "local-morning"


def taken_times(account_id: int) -> list[datetime]:
    """The send times the account's waiting messages hold already."""
    return [e.send_at for e in outbox_entries(states=(OutboxState.QUEUED, OutboxState.PAUSED))
            if e.account_id == account_id and e.send_at is not None]


def plan_times(recipients: Sequence[Recipient], clock: Clock, account_id: int | None, when: str, *,
               greeting_id: str = "") -> dict[int, datetime | None]:
    """Each recipient's send time (UTC) by position; None: as soon as the account's pace allows."""
    if when != MORNING or account_id is None or not recipients:
        return {}
    # lazy: start-up, the planner brings the `holidays` calendars; only a morning plan needs them
    from trade_crm.domain.mail.planning import PlanRequest, account_plan_settings, plan_sends

    requests = [PlanRequest(number, r.country, greeting_id=greeting_id) for number, r in enumerate(recipients)]
    planned = plan_sends(requests, clock, settings=account_plan_settings(account_id), taken=taken_times(account_id))
    return {p.ref: p.send_at for p in planned}
