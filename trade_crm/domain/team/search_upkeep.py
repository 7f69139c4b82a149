"""Keeping a team server's search fast after its book grew: the sort bands drawn again (an administrator's job).

The server's search reads many hits a band at a time (store/pg_search.py). Step 12 draws the bands from the
customers there are when it runs — none, on a new book — so after a publish, a big import or months of work
the bands no longer split the book evenly and searches with many hits read more than they need. Rebalancing
draws them again and stores the documents in band order; it rewrites the search tables (CLUSTER), which only
the database's owner may do, so an administrator runs it, in one transaction, at a quiet hour.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from peewee import Database

from trade_crm.domain.errors import DomainError
from trade_crm.store import pg_schema, pg_search


@dataclass(frozen=True)
class Rebalanced:
    documents: int
    name_bands: int
    contact_bands: int
    seconds: float


def rebalance_search(db: Database) -> Rebalanced:
    """Draw the search bands again from today's customers; refuses in one line on a laptop book or a login
    that is not the server's administrator (nothing changes then)."""
    if not pg_search.answers(db):
        raise DomainError("a book on this computer has no search bands: rebalancing is for a team server")
    if not pg_schema.is_administrator(db):
        raise DomainError("only the team server's administrator (its owner or a superuser) may rebalance the "
                          "search: it rewrites the search tables")
    started = time.perf_counter()
    with db.atomic():
        pg_schema.act_as_owner(db)
        pg_search.rebalance(db)
    documents = db.execute_sql("SELECT count(*) FROM search_trigram").fetchone()[0]
    return Rebalanced(documents, len(pg_search.band_starts(db, "name")) + 1,
                      len(pg_search.band_starts(db, "last_contact")) + 1, time.perf_counter() - started)
