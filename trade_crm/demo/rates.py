"""The demo book's exchange rates: the generator priced its orders with its own table, so the book's
figures add up only with the same rates. Kept in demo/ because the domain never reads demo data."""

from __future__ import annotations

from datetime import date

from trade_crm.demo.data import PER_USD
from trade_crm.domain.clock import Clock
from trade_crm.domain.world.currency import seed_rates


def seed_demo_rates(as_of: date, clock: Clock) -> int:
    """Rates for the demo book's currencies against the reporting one; existing rates are kept."""
    return seed_rates(PER_USD, as_of, clock)
