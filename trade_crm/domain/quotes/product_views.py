"""The catalog as read: a product's full view (the editor, a quotation line, `product show`) and its list row
(the catalog window, the quotation editor's picker), read by id or SKU. Writes are catalog.py's."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from peewee import fn

from trade_crm.domain.errors import NotFoundError
from trade_crm.domain.quotes.product_input import PriceTier, ProductPhoto, price_for
from trade_crm.store.models import Product, ProductPrice


@dataclass(frozen=True)
class ProductView:
    """A stored product, as the editor, a quotation line and `product show` see it."""

    id: int
    sku: str
    name: str
    local_names: dict[str, str]
    description: str
    hs_code: str
    unit: str
    moq: int
    currency: str
    cost: Decimal | None
    tiers: tuple[PriceTier, ...]
    pcs_per_carton: int | None
    carton_length_cm: Decimal | None
    carton_width_cm: Decimal | None
    carton_height_cm: Decimal | None
    carton_cbm: Decimal | None
    carton_net_kg: Decimal | None
    carton_gross_kg: Decimal | None
    tags: tuple[str, ...]
    photos: tuple[ProductPhoto, ...]
    created_at: datetime
    updated_at: datetime
    archived_at: datetime | None

    __json_extra__ = ("archived", "has_price")

    @property
    def archived(self) -> bool:
        return self.archived_at is not None

    @property
    def has_price(self) -> bool:
        return bool(self.tiers)

    def price_for(self, quantity: Decimal) -> Decimal | None:
        return price_for(self.tiers, quantity)

    def name_in(self, language: str) -> str:
        """The name in `language` ("zh") when the product has one, else the English name."""
        return self.local_names.get(language) or self.name


@dataclass(frozen=True)
class ProductHit:
    """A product in a list or a search's results (the catalog window, the quotation editor's picker)."""

    id: int
    sku: str
    name: str
    local_names: dict[str, str]
    hs_code: str
    unit: str
    moq: int
    currency: str
    tiers: tuple[PriceTier, ...]
    tags: tuple[str, ...]
    archived: bool
    pcs_per_carton: int | None = None  # the catalog window's Pcs/carton column

    __json_extra__ = ("price",)

    @property
    def price(self) -> Decimal | None:
        """The price of the lowest tier (the list price); None when the product has no price."""
        return self.tiers[0].unit_price if self.tiers else None

    def price_for(self, quantity: Decimal) -> Decimal | None:
        return price_for(self.tiers, quantity)


@dataclass(frozen=True)
class ProductPage:
    total: int
    rows: tuple[ProductHit, ...]


def tag_list(text: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in (text or "").split(",") if t.strip())


def tiers_of(ids: list[int]) -> dict[int, tuple[PriceTier, ...]]:
    out: dict[int, list[PriceTier]] = {i: [] for i in ids}
    if ids:
        query = (ProductPrice.select(ProductPrice.product_id, ProductPrice.min_quantity, ProductPrice.unit_price)
                 .where(ProductPrice.product_id.in_(ids)).order_by(ProductPrice.product_id, ProductPrice.min_quantity))
        for product_id, minimum, price in query.tuples():
            out[product_id].append(PriceTier(minimum, price))
    return {i: tuple(tiers) for i, tiers in out.items()}


def _view(row: Product, tiers: tuple[PriceTier, ...]) -> ProductView:
    return ProductView(
        id=row.id, sku=row.sku, name=row.name, local_names=json.loads(row.local_names or "{}"),
        description=row.description, hs_code=row.hs_code, unit=row.unit, moq=row.moq, currency=row.currency,
        cost=row.cost, tiers=tiers, pcs_per_carton=row.pcs_per_carton, carton_length_cm=row.carton_length_cm,
        carton_width_cm=row.carton_width_cm, carton_height_cm=row.carton_height_cm, carton_cbm=row.carton_cbm,
        carton_net_kg=row.carton_net_kg, carton_gross_kg=row.carton_gross_kg, tags=tag_list(row.tags),
        photos=tuple(ProductPhoto(p["sha256"], p.get("name", "")) for p in json.loads(row.photos or "[]")),
        created_at=row.created_at, updated_at=row.updated_at, archived_at=row.archived_at)


def stored_row(product_id: int) -> Product:
    row = Product.get_or_none(Product.id == product_id)
    if row is None:
        raise NotFoundError("product", product_id)
    return row


def product_view(product_id: int) -> ProductView:
    return _view(stored_row(product_id), tiers_of([product_id])[product_id])


def find_product(reference: str) -> ProductView:
    """A product by its SKU (any case) or, failing that, its id ("LP-6060-40W", "17")."""
    text = (reference or "").strip()
    row = (Product.get_or_none(Product.sku == text)
           or Product.select().where(fn.lower(Product.sku) == text.lower()).order_by(Product.id).first())
    if row is None and text.isdigit():
        row = Product.get_or_none(Product.id == int(text))
    if row is None:
        raise NotFoundError("product", text)
    return _view(row, tiers_of([row.id])[row.id])


def sku_owner(sku: str, exclude: int | None = None) -> int | None:
    """The id of the product that has `sku` (case aside), other than `exclude`."""
    query = Product.select(Product.id).where(fn.lower(Product.sku) == sku.lower())
    if exclude is not None:
        query = query.where(Product.id != exclude)
    row = query.first()
    return row.id if row else None




_HIT_FIELDS = (Product.id, Product.sku, Product.name, Product.local_names, Product.hs_code, Product.unit, Product.moq,
               Product.currency, Product.tags, Product.archived_at, Product.pcs_per_carton)


def product_hits(ids: list[int]) -> list[ProductHit]:
    """The products `ids` as list rows, in that order (a missing id is left out): what a page of a list or a
    search shows, read by primary key with their tiers."""
    if not ids:
        return []
    rows = {r[0]: r for r in Product.select(*_HIT_FIELDS).where(Product.id.in_(ids)).tuples()}
    tiers = tiers_of(list(rows))
    return [ProductHit(id=r[0], sku=r[1], name=r[2], local_names=json.loads(r[3] or "{}"), hs_code=r[4], unit=r[5],
                       moq=r[6], currency=r[7], tiers=tiers[r[0]], tags=tag_list(r[8]), archived=r[9] is not None,
                       pcs_per_carton=r[10])
            for r in (rows[i] for i in ids if i in rows)]
