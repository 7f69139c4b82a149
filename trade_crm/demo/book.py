"""The demo book: a realistic, deterministic customer book for an export salesperson at a Chinese factory.

Two halves, so the benchmark can reuse both:

- generation is pure: ``generate_book(spec, today)`` turns a seed into chunks of plain row tuples
  (one random stream, dates relative to `today`, so the same seed gives the same book);
- writing is bulk: ``write_book(db, chunks)`` inserts those rows with ``executemany`` inside the
  caller's transaction and brings the search index along.

``load_demo`` does both in one transaction. This module is the demo's public face (the app, the CLI, the
screenshots and the benchmark import from here); the parts live beside it: rows.py (the shapes),
tables.py (data.py's tables parsed), people.py and history.py (what is drawn), generator.py, writer.py.
The tables themselves (names, companies, what gets said) live in data.py.
"""

from __future__ import annotations

from trade_crm.demo.generator import generate_book
from trade_crm.demo.history import fair_tags
from trade_crm.demo.rates import seed_demo_rates
from trade_crm.demo.rows import GENERATOR_VERSION, BookRows, BookSpec, DemoSummary, FirstIds
from trade_crm.demo.writer import first_free_ids, write_book
from trade_crm.domain.clock import Clock
from trade_crm.domain.clock import today as today_of
from trade_crm.domain.insights.segments import recompute_segments
from trade_crm.store.models import database

# What the app, the CLI, the screenshots, the tests and the benchmark use.
__all__ = ["GENERATOR_VERSION", "BookRows", "BookSpec", "DemoSummary", "FirstIds", "fair_tags",
           "generate_book", "load_demo", "write_book"]


def load_demo(clock: Clock, customers: int = 300, seed: int = 2026) -> DemoSummary:
    """Fill the bound database with a demo book (appended after any existing rows), in one transaction,
    with exchange rates for its currencies and every customer's stage and tier computed."""
    db = database.obj
    spec = BookSpec(customers=customers, seed=seed)
    with db.atomic():
        summary = write_book(db, generate_book(spec, today_of(clock), first_free_ids(db)))
        seed_demo_rates(today_of(clock), clock)
        recompute_segments(clock)
    return summary
