"""Opportunities moving through the sales stages; each move leaves a line on the timeline."""

from __future__ import annotations

from datetime import date, timedelta

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.customers.orders import parse_amount
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.text import clean_line
from trade_crm.store.models import OPPORTUNITY_STAGES, Customer, Interaction, Opportunity, database

CLOSED_STAGES = ("won", "lost")
# The period a funnel or board counts: every open deal, plus the won and lost ones closed within it.
# The dashboard and the board default to the same one, so their figures agree.
CLOSED_PERIODS = {"30d": 30, "90d": 90, "12m": 365, "all": None}
DEFAULT_PERIOD = "12m"


def closed_since(on: date, period: str) -> date | None:
    """The first closing day counted for `period` (a key of CLOSED_PERIODS); None: every closed deal."""
    if period not in CLOSED_PERIODS:
        raise ValidationError("period", f'"{period}" is not one of {", ".join(CLOSED_PERIODS)}')
    days = CLOSED_PERIODS[period]
    return None if days is None else on - timedelta(days=days)


def in_period_sql(since: date | None, alias: str = "o") -> tuple[str, list]:
    """The SQL condition (and its parameters) for "open, or closed on or after `since`"."""
    if since is None:
        return "TRUE", []
    return (f"({alias}.stage NOT IN ('won', 'lost') OR {alias}.closed_on >= ?)", [since.isoformat()])


def _check_stage(stage: str) -> str:
    if stage not in OPPORTUNITY_STAGES:
        raise ValidationError("stage", f'"{stage}" is not one of {", ".join(OPPORTUNITY_STAGES)}')
    return stage


def clean_opportunity(title: str, probability: int | None) -> str:
    """The deal's cleaned title; raises ValidationError for an empty title or a probability outside 0-100."""
    title = clean_line(title)
    if not title:
        raise ValidationError("title", "an opportunity needs a title")
    if probability is not None and not 0 <= probability <= 100:
        raise ValidationError("probability", "a probability is between 0 and 100")
    return title


def create_opportunity(customer_id: int, title: str, clock: Clock, *, stage: str = "inquiry",
                       value: object = None, currency: str = "USD", probability: int | None = None,
                       expected_close: date | None = None) -> int:
    title = clean_opportunity(title, probability)
    now = clock.now()
    with database.atomic():
        if not Customer.select().where(Customer.id == customer_id).exists():
            raise NotFoundError("customer", customer_id)
        return Opportunity.insert(
            customer=customer_id, title=title, stage=_check_stage(stage),
            value=None if value in (None, "") else parse_amount(value), currency=currency.upper(),
            probability=probability, expected_close=expected_close,
            closed_on=today(clock) if stage in CLOSED_STAGES else None, created_at=now, updated_at=now,
        ).execute()


def move_opportunity(opportunity_id: int, stage: str, clock: Clock) -> None:
    _check_stage(stage)
    with database.atomic():
        opp = Opportunity.get_or_none(Opportunity.id == opportunity_id)
        if opp is None:
            raise NotFoundError("opportunity", opportunity_id)
        if opp.stage == stage:
            return
        now = clock.now()
        Opportunity.update(stage=stage, updated_at=now, version=Opportunity.version + 1,
                           closed_on=today(clock) if stage in CLOSED_STAGES else None
                           ).where(Opportunity.id == opportunity_id).execute()
        Interaction.insert(customer=opp.customer_id, kind="stage_change", occurred_at=now, created_at=now,
                           summary=f"{opp.title}: {opp.stage} → {stage}").execute()
