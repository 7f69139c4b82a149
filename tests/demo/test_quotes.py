"""demo/quotes.py: the demo's catalog and its quotations, one at each point of a quotation's life."""

from __future__ import annotations

import pytest
from peewee import SqliteDatabase

from tests.book_cache import demo_book
from trade_crm.demo.quotes import CATALOG, STORIES, load_demo_quotes
from trade_crm.domain.clock import today
from trade_crm.domain.customers.timeline import timeline
from trade_crm.domain.quotes.quotations import status_on
from trade_crm.store.models import Customer, Product, Quotation


@pytest.fixture
def book(db, clock, request):
    server = None if isinstance(db, SqliteDatabase) else request.getfixturevalue("postgres_server")
    return demo_book(db, clock, server=server)


def test_the_demo_quotes_its_best_customers_from_a_catalog_of_its_own(book, clock):
    assert load_demo_quotes(clock) == len(STORIES) == 5
    assert sorted(p.sku for p in Product.select()) == sorted(row[0] for row in CATALOG)
    quotations = list(Quotation.select().order_by(Quotation.id))
    day = today(clock)
    assert sorted(status_on(q.status, q.valid_until, day) for q in quotations) == [
        "accepted", "draft", "expired", "sent", "sent"]
    assert len({q.customer_id for q in quotations}) == 5
    for quotation in quotations:
        customer = Customer.get_by_id(quotation.customer_id)
        assert customer.lifecycle == "returning" and quotation.contact_id is not None and quotation.total > 0
        sent = [e for e in timeline(customer.id) if e.kind == "quotation" and quotation.number in e.summary]
        assert len(sent) == (0 if quotation.status == "draft" else 1)


def test_loading_the_demo_quotations_again_uses_the_catalog_it_made(book, clock):
    load_demo_quotes(clock)
    load_demo_quotes(clock)
    assert Product.select().count() == len(CATALOG) and Quotation.select().count() == 2 * len(STORIES)
