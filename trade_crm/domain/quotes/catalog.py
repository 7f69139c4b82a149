"""The product catalog (#21): save, read, archive, list and search products, and the price a quantity gets.

    view = save_product(ProductInput(sku="LP-6060-40W", name="LED panel light 600x600 40W",
                                     local_names={"zh": "LED 面板灯"}, tiers=((1, "12.50"), (1000, "11.80"))),
                        clock)
    tier_price(view.id, Decimal(1200))   # Decimal("11.8000")
    search_products("面板")               # [ProductHit(sku="LP-6060-40W", ...)]

A save is one transaction: the row, its price tiers (replaced as a whole) and its search document
(store/product_search.py). Prices are in the product's currency, Decimal end to end. Archiving hides a
product from the lists and the quotation editor's picker; its quotations keep their lines.
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal

from peewee import SQL, fn

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.quotes.product_input import ProductInput, clean_product
from trade_crm.domain.quotes.product_views import (
    ProductHit,
    ProductPage,
    ProductView,
    find_product,
    product_hits,
    product_view,
    sku_owner,
    stored_row,
)
from trade_crm.store import product_search
from trade_crm.store.models import Product, ProductPrice, database

# The views and reads live in product_views.py; they are named here too, the catalog's one import for callers.
__all__ = [
    "MAX_PAGE", "SORTS", "ProductHit", "ProductPage", "ProductView", "archive_product", "below_moq", "find_product",
    "list_products", "product_hits", "product_input", "product_view", "restore_product", "save_product",
    "search_products", "sku_owner", "tier_price", "write_product",
]
SORTS = ("sku", "name", "updated")
MAX_PAGE = 1000


def write_product(data: ProductInput, now: datetime, product_id: int | None = None) -> int:
    """Validate and write one product, its tiers and its search document, inside the caller's transaction
    (save_product's, or an import's); returns its id. Raises ValidationError naming the field."""
    clean = clean_product(data)
    values = dict(clean.values)
    other = sku_owner(values["sku"], product_id)
    if other is not None:
        raise ValidationError("sku", f'"{values["sku"]}" is already the SKU of product {other}')
    values["local_names"] = json.dumps(values["local_names"], ensure_ascii=False, sort_keys=True)
    values["photos"] = json.dumps(values["photos"], ensure_ascii=False)
    if product_id is None:
        product_id = Product.insert(**values, created_at=now, updated_at=now).execute()
    else:
        stored_row(product_id)
        Product.update(**values, updated_at=now).where(Product.id == product_id).execute()
        ProductPrice.delete().where(ProductPrice.product == product_id).execute()
    if clean.tiers:
        ProductPrice.insert_many([{"product": product_id, "min_quantity": t.min_quantity, "unit_price": t.unit_price}
                                  for t in clean.tiers]).execute()
    product_search.reindex(database.obj, [product_id])
    return product_id


def save_product(data: ProductInput, clock: Clock, product_id: int | None = None) -> ProductView:
    """Create a product (no `product_id`) or replace a stored one's fields and tiers, in one transaction."""
    with database.atomic():
        product_id = write_product(data, clock.now(), product_id)
    return product_view(product_id)


def product_input(view: ProductView) -> ProductInput:
    """A stored product as an input to edit and save again (the editor's starting point)."""
    return ProductInput(
        sku=view.sku, name=view.name, local_names=dict(view.local_names), description=view.description,
        hs_code=view.hs_code, unit=view.unit, moq=view.moq, currency=view.currency, cost=view.cost,
        tiers=view.tiers, pcs_per_carton=view.pcs_per_carton, carton_length_cm=view.carton_length_cm,
        carton_width_cm=view.carton_width_cm, carton_height_cm=view.carton_height_cm, carton_cbm=view.carton_cbm,
        carton_net_kg=view.carton_net_kg, carton_gross_kg=view.carton_gross_kg, tags=view.tags, photos=view.photos)


def _set_archived(product_id: int, at: datetime | None, now: datetime) -> ProductView:
    with database.atomic():
        stored_row(product_id)
        Product.update(archived_at=at, updated_at=now).where(Product.id == product_id).execute()
    return product_view(product_id)


def archive_product(product_id: int, clock: Clock) -> ProductView:
    """Hide a product from the lists and the quotation picker; quotations that name it keep their lines."""
    now = clock.now()
    return _set_archived(product_id, now, now)


def restore_product(product_id: int, clock: Clock) -> ProductView:
    return _set_archived(product_id, None, clock.now())


def tier_price(product_id: int, quantity: Decimal) -> Decimal | None:
    """The unit price `quantity` units get: the tier with the largest minimum at or below it; None when the
    product has no price (or none for so few), so a quotation line needs a typed price."""
    row = (ProductPrice.select(ProductPrice.unit_price)
           .where(ProductPrice.product == product_id, ProductPrice.min_quantity <= quantity)
           .order_by(ProductPrice.min_quantity.desc()).first())
    if row is None:
        stored_row(product_id)
    return row.unit_price if row else None


def below_moq(product: ProductView | ProductHit, quantity: Decimal) -> bool:
    """True when `quantity` is below the product's minimum order quantity (a warning on the quotation line)."""
    return product.moq > 0 and Decimal(quantity) < product.moq


def _listed(text: str, include_archived: bool, *fields):
    query = Product.select(*fields)
    found = product_search.matching_ids(database.obj, text)
    if found is not None:
        query = query.where(Product.id.in_(SQL(f"({found[0]})", found[1])))
    if not include_archived:
        query = query.where(Product.archived_at.is_null())
    return query


def _order(query, sort: str):
    if sort not in SORTS:
        raise ValidationError("sort", f'"{sort}" is not one of {", ".join(SORTS)}')
    return query.order_by(*{"sku": (Product.sku, Product.id), "name": (fn.lower(Product.name), Product.id),
                            "updated": (Product.updated_at.desc(), Product.id.desc())}[sort])

def _page_ids(text: str, include_archived: bool, sort: str, offset: int, limit: int) -> list[int]:
    offset, limit = max(0, offset), max(1, min(limit, MAX_PAGE))
    if sort == "sku":
        walked = product_search.ids_by_sku(database.obj, text, include_archived=include_archived, offset=offset,
                                           limit=limit)
        if walked is not None:
            return walked
    query = _order(_listed(text, include_archived, Product.id), sort)
    return [pid for (pid,) in query.offset(offset).limit(limit).tuples()]


def search_products(text: str, limit: int = 50, *, include_archived: bool = False) -> list[ProductHit]:
    """Products matching `text` like the customers' search (a SKU's start, a word of any name in any script,
    1-2 Chinese characters, an HS code, a tag): the SKU that is `text` first, then SKUs that start with it,
    then the other matches by SKU. An empty text lists products by SKU."""
    limit = max(1, min(limit, MAX_PAGE))
    words = text.split()
    first = product_search.sku_prefix_ids(database.obj, words[0], limit) if len(words) == 1 else []
    if first and not include_archived:
        kept = {pid for (pid,) in Product.select(Product.id).where(Product.id.in_(first),
                                                                   Product.archived_at.is_null()).tuples()}
        first = [pid for pid in first if pid in kept]
    taken = set(first)
    rest = [pid for pid in _page_ids(text, include_archived, "sku", 0, limit + len(first)) if pid not in taken]
    return product_hits((first + rest)[:limit])


def list_products(text: str = "", *, offset: int = 0, limit: int = 100, include_archived: bool = False,
                  sort: str = "sku") -> ProductPage:
    """A page of the catalog (optionally searched), with how many products match in all."""
    ids = _page_ids(text, include_archived, sort, offset, limit)
    return ProductPage(_listed(text, include_archived, Product.id).count(), tuple(product_hits(ids)))
