"""The demo book's catalog and quotations: a small LED-lighting catalog in English and Chinese, and a few of the
demo's good customers with a quotation each at a different point of its life (a draft, one sent this week, one
waiting for an answer, one expired, one accepted), so the Quotes tab, the catalog and the quotation reminders
have something to show. No seller profile: that is the user's own company, and a PI waits for it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from trade_crm.domain.clock import Clock, FixedClock, today
from trade_crm.domain.quotes.catalog import save_product
from trade_crm.domain.quotes.pricing import LineInput
from trade_crm.domain.quotes.product_input import ProductInput
from trade_crm.domain.quotes.quotations import QuotationInput, create_quotation, set_quotation_status
from trade_crm.domain.quotes.sent import mark_document_sent
from trade_crm.store.models import Product, database

CATALOG = (  # sku, name, Chinese name, MOQ, cost, tiers, pcs/carton, carton L W H cm, N.W., G.W., HS code
    ("LP-6060-40W", "LED panel light 600×600 40W", "LED 面板灯 600×600 40W", 500, "8.20",
     ((500, "12.50"), (1000, "11.80"), (5000, "10.90")), 4, ("62", "62", "40"), "9.6", "11.2", "9405.42"),
    ("DL-R6-12W", "LED downlight round 6\" 12W", "LED 筒灯 6寸 12W", 1000, "2.35",
     ((1000, "3.60"), (5000, "3.35")), 40, ("52", "36", "30"), "8.4", "9.6", "9405.11"),
    ("BL-A60-9W", "LED bulb A60 9W E27", "LED 球泡灯 A60 9W", 3000, "0.58",
     ((3000, "0.92"), (10000, "0.86")), 100, ("58", "30", "26"), "5.9", "6.8", "8539.52"),
    ("TL-T8-18W", "LED tube T8 1.2 m 18W", "LED 灯管 T8 1.2米 18W", 1000, "1.45",
     ((1000, "2.10"),), 25, ("124", "22", "16"), "6.0", "7.1", "8539.52"),
    ("DR-40W-CC", "Constant-current driver 40W", "恒流驱动电源 40W", 0, None, (), 50, ("45", "32", "24"),
     "7.5", "8.3", "8504.40"),
)


@dataclass(frozen=True)
class _Story:
    """One quotation's life, in days before today: made, sent (None: a draft), answered."""

    made: int
    sent: int | None
    valid_days: int
    accepted: int | None
    lines: tuple[tuple, ...]  # (sku, quantity[, unit price where the catalog has no tier])


STORIES = (
    _Story(2, 2, 30, None, (("LP-6060-40W", 1200), ("DL-R6-12W", 4000))),
    _Story(14, 13, 30, None, (("BL-A60-9W", 10000), ("TL-T8-18W", 2000))),
    _Story(50, 48, 30, None, (("LP-6060-40W", 600), ("DR-40W-CC", 150, "4.80"))),  # past its validity: expired
    _Story(30, 29, 45, 20, (("DL-R6-12W", 6000), ("LP-6060-40W", 800), ("TL-T8-18W", 1000))),
    _Story(0, None, 30, None, (("LP-6060-40W", 500), ("BL-A60-9W", 3000))),
)


def load_demo_catalog(clock: Clock) -> dict[str, int]:
    """The catalog's products, by SKU; a product whose SKU the catalog has already (the demo loaded twice) is used
    as it is."""
    ids = dict(Product.select(Product.sku, Product.id).where(Product.sku.in_([row[0] for row in CATALOG])).tuples())
    for sku, name, zh, moq, cost, tiers, pcs, (length, width, height), net, gross, hs in CATALOG:
        if sku in ids:
            continue
        ids[sku] = save_product(ProductInput(
            sku=sku, name=name, local_names={"zh": zh}, hs_code=hs, unit="pcs", moq=moq, currency="USD",
            cost=Decimal(cost) if cost else None, tiers=tiers, pcs_per_carton=pcs, carton_length_cm=length,
            carton_width_cm=width, carton_height_cm=height, carton_net_kg=net, carton_gross_kg=gross,
            tags=("led",)), clock).id
    return ids


def _buyers(count: int) -> list[tuple[int, int]]:
    """(customer, primary contact) of the demo's best customers: returning buyers with a contact, best rated first."""
    return [tuple(row) for row in database.obj.execute_sql(
        "SELECT c.id, p.id FROM customer c JOIN contact p ON p.customer_id = c.id AND p.is_primary "
        "WHERE c.lifecycle = 'returning' AND NOT c.lost "
        "ORDER BY c.rating IS NULL, c.rating, c.id LIMIT ?", [count])]


def load_demo_quotes(clock: Clock) -> int:
    """The catalog, and one quotation for each story on a good customer of the book; how many quotations."""
    with database.atomic():
        products = load_demo_catalog(clock)
        buyers = _buyers(len(STORIES))
        for story, (customer_id, contact_id) in zip(STORIES, buyers, strict=False):
            made = _back(clock, story.made)
            lines = tuple(LineInput(products[sku], quantity=quantity, unit_price=price[0] if price else None)
                          for sku, quantity, *price in story.lines)
            view = create_quotation(QuotationInput(
                customer_id, "USD", lines,
                contact_id=contact_id, incoterm="FOB", incoterm_place="Ningbo",
                payment_terms="T/T 30% deposit, 70% before shipment", lead_time="30 days after deposit",
                valid_until=today(made) + timedelta(days=story.valid_days)), made)
            if story.sent is not None:
                mark_document_sent("quotation", view.id, None, _back(clock, story.sent), channel="email",
                                   contact_id=contact_id)
            if story.accepted is not None:
                set_quotation_status(view.id, "accepted", _back(clock, story.accepted))
    return min(len(STORIES), len(buyers))


def _back(clock: Clock, days: int) -> FixedClock:
    return FixedClock(clock.now() - timedelta(days=days), clock.zone)
