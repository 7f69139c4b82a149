"""The sales pipeline as a board and a list: cards per stage, stage names, editing and moving.

Builds on pipeline.py (create_opportunity, move_opportunity and its timeline line). Moving a card into
"quotation" with a validity date also logs the quotation itself, with `valid_until`, which the
reminder engine turns into a follow-up when it expires. Stage keys are fixed; their display names are
the user's (a Setting), falling back to the translated defaults in the UI.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from trade_crm.domain.clock import Clock
from trade_crm.domain.customers.conflicts import (
    StaleRead,
    field_conflicts,
    lock_row,
    resolved,
    run_versioned,
    three_way,
)
from trade_crm.domain.customers.orders import parse_amount
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.domain.errors import EditConflict, NotFoundError, ValidationError
from trade_crm.domain.insights.pipeline import (
    CLOSED_STAGES,
    clean_opportunity,
    in_period_sql,
    move_opportunity,
)
from trade_crm.domain.text import clean_line
from trade_crm.domain.world.currency import check_code
from trade_crm.store.fields import money_value
from trade_crm.store.models import OPPORTUNITY_STAGES, Opportunity, database
from trade_crm.store.settings import SettingKey
from trade_crm.store.sql import dialect

STAGE_NAMES = SettingKey("pipeline.stage_names", dict, {}, "Names of the pipeline stages")
OPEN_STAGES = tuple(s for s in OPPORTUNITY_STAGES if s not in CLOSED_STAGES)
DEFAULT_PROBABILITY = {"inquiry": 10, "quotation": 30, "sample": 50, "negotiation": 70, "won": 100, "lost": 0}
CARDS_PER_STAGE = 100


@dataclass(frozen=True)
class OpportunityCard:
    id: int
    customer_id: int
    customer_name: str
    country: str | None
    title: str
    stage: str
    value: Decimal | None
    currency: str
    probability: int | None
    expected_close: date | None
    closed_on: date | None
    version: int = 1  # bumped by every save; update_opportunity names the version the person started from


def stage_names() -> dict[str, str]:
    """The user's own names of stages (only those renamed)."""
    return {k: v for k, v in STAGE_NAMES.read().items() if k in OPPORTUNITY_STAGES and isinstance(v, str) and v}


def set_stage_names(names: dict[str, str]) -> None:
    """Rename stages; an empty name goes back to the default one."""
    unknown = set(names) - set(OPPORTUNITY_STAGES)
    if unknown:
        raise ValidationError("stage", f'"{sorted(unknown)[0]}" is not one of {", ".join(OPPORTUNITY_STAGES)}')
    cleaned = {k: clean_line(v)[:40] for k, v in names.items() if clean_line(v)}
    STAGE_NAMES.write(cleaned)


_CARD_SQL = ("SELECT o.id, o.customer_id, c.name, c.country, o.title, o.stage, o.value, o.currency, o.probability, "
             "o.expected_close, o.closed_on, o.version FROM opportunity o JOIN customer c ON c.id = o.customer_id ")


def _cards(where: str, params: list, order: str, limit: int | None) -> list[OpportunityCard]:
    sql = f"{_CARD_SQL} {where} ORDER BY {order} LIMIT ?"
    out = []
    for oid, cid, name, country, title, stage, value, currency, probability, expected, closed, version in \
            database.obj.execute_sql(sql, [*params, dialect(database).NO_LIMIT if limit is None else limit]):
        out.append(OpportunityCard(
            oid, cid, name, country, title, stage, None if value is None else money_value(value), currency,
            probability, date.fromisoformat(expected) if expected else None,
            date.fromisoformat(closed) if closed else None, version))
    return out


def stage_cards(stage: str, *, limit: int | None = CARDS_PER_STAGE,
                closed_since: date | None = None) -> list[OpportunityCard]:
    """One board column: open deals by expected close (soonest first), closed ones newest first (those
    closed on or after `closed_since`, when given)."""
    order = ("o.closed_on DESC, o.id DESC" if stage in CLOSED_STAGES
             else "o.expected_close IS NULL, o.expected_close, o.id")
    condition, params = in_period_sql(closed_since)
    return _cards(f"WHERE o.stage = ? AND {condition}", [stage, *params], order, limit)


def opportunity_list(stages: tuple[str, ...] = (), *, customer_id: int | None = None,
                     limit: int | None = 500, closed_since: date | None = None) -> list[OpportunityCard]:
    """Opportunities in `stages` (all when empty), newest first; closed ones only from `closed_since`."""
    condition, params = in_period_sql(closed_since)
    clauses = [condition] if closed_since is not None else []
    if stages:
        clauses.append(f"o.stage IN ({','.join('?' * len(stages))})")
        params.extend(stages)
    if customer_id is not None:
        clauses.append("o.customer_id = ?")
        params.append(customer_id)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return _cards(where, params, "o.updated_at DESC, o.id DESC", limit)


def stage_counts(closed_since: date | None = None) -> dict[str, int]:
    """Deals per stage; won and lost ones closed on or after `closed_since`, when given (as the funnel)."""
    condition, params = in_period_sql(closed_since)
    found = dict(database.obj.execute_sql(
        f"SELECT o.stage, count(*) FROM opportunity o WHERE {condition} GROUP BY o.stage", params))
    return {stage: found.get(stage, 0) for stage in OPPORTUNITY_STAGES}


def get_card(opportunity_id: int) -> OpportunityCard:
    cards = _cards("WHERE o.id = ?", [opportunity_id], "o.id", 1)
    if not cards:
        raise NotFoundError("opportunity", opportunity_id)
    return cards[0]


def move_card(opportunity_id: int, stage: str, clock: Clock, *, valid_until: date | None = None) -> None:
    """Move to `stage` (a timeline line says so); a probability left at its stage's default follows the
    new stage's. Into "quotation" with `valid_until`: the quotation is logged with its validity too."""
    with database.obj.atomic():
        card = get_card(opportunity_id)
        if card.stage == stage:
            return
        move_opportunity(opportunity_id, stage, clock)
        if card.probability is None or card.probability == DEFAULT_PROBABILITY.get(card.stage):
            Opportunity.update(probability=DEFAULT_PROBABILITY.get(stage), version=Opportunity.version + 1).where(
                Opportunity.id == opportunity_id).execute()
        if stage == "quotation" and valid_until is not None:
            log_interaction(card.customer_id, "quotation", f"Quotation: {card.title}", clock,
                            valid_until=valid_until)


def update_opportunity(opportunity_id: int, clock: Clock, *, title: str, value: object = None,
                       currency: str = "USD", probability: int | None = None,
                       expected_close: date | None = None, base: OpportunityCard | None = None) -> int:
    """Change what a deal is (its stage moves with move_card, so the timeline hears of it); returns the
    new version. With `base` (the card as the person read it) only what they changed is written, merged
    with what others saved since; fields both changed differently raise EditConflict, writing nothing."""
    title = clean_opportunity(title, probability)
    money = None if value in (None, "") else parse_amount(value)
    code = check_code(currency)
    mine = {"title": title, "value": money, "currency": code, "probability": probability,
            "expected_close": expected_close}
    before = opportunity_values(base) if base is not None else None

    def step() -> int:
        changes = mine if before is None else {k: v for k, v in mine.items() if before.get(k) != v}
        query = Opportunity.update(updated_at=clock.now(), version=Opportunity.version + 1, **changes).where(
            Opportunity.id == opportunity_id)
        if base is not None:
            if not changes:
                return get_card(opportunity_id).version
            if query.where(Opportunity.version == base.version).execute():
                return base.version + 1
        elif query.execute():
            return get_card(opportunity_id).version
        lock_row(Opportunity, opportunity_id)
        current = get_card(opportunity_id)  # NotFoundError when it is gone
        theirs = opportunity_values(current)
        merge = three_way(before, mine, theirs)
        if merge.conflicts:
            updated_at = Opportunity.select(Opportunity.updated_at).where(Opportunity.id == opportunity_id).scalar()
            raise EditConflict("opportunity", opportunity_id, field_conflicts(
                "opportunity", opportunity_id, merge, before, mine, theirs, since=base.version if base else None,
                updated_at=updated_at, label=current.title), since=base.version if base else None,
                version=current.version, base=base, mine=mine, theirs=current)
        if not merge.changes:
            return current.version
        if not Opportunity.update(updated_at=clock.now(), version=Opportunity.version + 1, **merge.changes).where(
                Opportunity.id == opportunity_id, Opportunity.version == current.version).execute():
            raise StaleRead
        return current.version + 1

    return run_versioned(step)


def resolve_opportunity(conflict: EditConflict, choices: dict[str, str], clock: Clock) -> int:
    """Save the person's choice ("mine"/"theirs" per field) over the deal as stored at the conflict."""
    theirs = opportunity_values(conflict.theirs)
    before = opportunity_values(conflict.base) if conflict.base is not None else None
    values = theirs | resolved(three_way(before, conflict.mine, theirs), conflict.mine, theirs, choices)
    return update_opportunity(conflict.row_id, clock, base=conflict.theirs, **values)


def opportunity_values(card: OpportunityCard) -> dict:
    """A deal as the fields update_opportunity compares."""
    return {"title": card.title, "value": card.value, "currency": card.currency, "probability": card.probability,
            "expected_close": card.expected_close}


def delete_opportunity(opportunity_id: int) -> None:
    with database.obj.atomic():
        if not Opportunity.delete().where(Opportunity.id == opportunity_id).execute():
            raise NotFoundError("opportunity", opportunity_id)
