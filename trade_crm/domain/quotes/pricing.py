"""A quotation's lines priced: the tier price a product proposes for a quantity, converted into the quotation's
currency with the book's rates, each line's amount rounded to the currency's minor unit, the margin from the
catalog cost, and what to warn about (below MOQ, no price, no rate).

`draft_totals` is the editor's view while the user types: it reads the catalog and the rates and writes
nothing. `price_lines` is the same pricing for a write: a gap (no price, no rate) is an error naming the line's
field instead of a warning.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from peewee import fn

from trade_crm.domain.errors import ValidationError
from trade_crm.domain.quotes.money import (
    PRICE_PLACES,
    QUANTITY_PLACES,
    line_amount,
    parse_decimal,
    round_money,
)
from trade_crm.domain.quotes.product_input import PriceTier, price_for
from trade_crm.domain.text import clean_block, clean_line
from trade_crm.domain.world.currency import MissingRateError, RateTable, check_code, rate_table
from trade_crm.store.models import Product, ProductPrice

_PRICE_QUANTUM = Decimal(1).scaleb(-PRICE_PLACES)
MAX_LINES = 500

# warning codes (QuoteWarning.code)
BELOW_MOQ, NO_PRICE, NO_RATE, NO_PRODUCT = "below_moq", "no_price", "no_rate", "no_product"


@dataclass(frozen=True)
class LineInput:
    """One line as the user gives it. `product_id` None: a free-text line (a mould fee, freight), which needs
    a description and a unit price. `unit_price` None: the product's tier price for the quantity, converted.
    Numbers may be Decimal, int or text ("1,234.50"); never float."""

    product_id: int | None = None
    description: str = ""  # "" on a product line: the product's name
    quantity: object = Decimal(1)
    unit_price: object | None = None
    discount_percent: object = Decimal(0)
    unit: str = ""  # "" on a product line: the product's unit; else "pcs"


@dataclass(frozen=True)
class QuoteWarning:
    position: int  # 1-based line number; 0 for the whole quotation
    field: str  # "lines[0].quantity"
    code: str  # BELOW_MOQ, NO_PRICE, NO_RATE, NO_PRODUCT
    message: str


@dataclass(frozen=True)
class PricedLine:
    """A line ready to store or show: the catalog's snapshot (sku, unit, hs_code, packing) and the cost per unit
    converted into the quotation's currency (None: unknown)."""

    position: int
    product_id: int | None
    sku: str
    description: str
    unit: str
    quantity: Decimal
    unit_price: Decimal | None  # None only in a draft's totals (no price, no rate)
    discount_percent: Decimal
    amount: Decimal
    cost: Decimal | None
    margin: Decimal | None  # amount − cost × quantity, in the quotation's currency
    tier_price: bool  # the unit price was proposed by the product's tiers
    moq: int
    hs_code: str = ""
    pcs_per_carton: int | None = None
    carton_cbm: Decimal | None = None
    carton_net_kg: Decimal | None = None
    carton_gross_kg: Decimal | None = None


@dataclass(frozen=True)
class QuoteTotals:
    currency: str
    lines: tuple[PricedLine, ...]
    total: Decimal
    cost: Decimal  # of the lines whose cost is known
    margin: Decimal  # total − cost, over the lines whose cost is known
    margin_percent: Decimal | None  # margin / (their amounts) × 100, 1 place; None when no cost is known
    cost_complete: bool  # every line has a cost (a free-text line has none)
    warnings: tuple[QuoteWarning, ...]


def field_of(index: int, name: str) -> str:
    return f"lines[{index}].{name}"


def tier_price_of(tiers: list[tuple[Decimal, Decimal]], quantity: Decimal) -> Decimal | None:
    """The unit price of the highest tier whose minimum the quantity reaches; below every tier, the first tier's
    price (the MOQ warning says the rest); None without tiers."""
    if not tiers:
        return None
    price = price_for(tuple(PriceTier(minimum, unit_price) for minimum, unit_price in tiers), quantity)
    return price if price is not None else min(tiers)[1]


def product_tiers(product_ids: list[int]) -> dict[int, list[tuple[Decimal, Decimal]]]:
    """Each product's price tiers (min quantity, unit price), read straight from product_price."""
    tiers: dict[int, list[tuple[Decimal, Decimal]]] = {}
    if product_ids:
        for row in ProductPrice.select().where(ProductPrice.product.in_(product_ids)):
            tiers.setdefault(row.product_id, []).append((row.min_quantity, row.unit_price))
    return tiers


def convert_price(value: Decimal, source: str, target: str, table: RateTable) -> Decimal:
    """A unit price or cost of `source` in `target`, to 4 places; MissingRateError names the currency."""
    if source == target:
        return value
    in_reporting = value * table.rate(source)
    return (in_reporting / table.rate(target)).quantize(_PRICE_QUANTUM, rounding=ROUND_HALF_UP)


def local_names(product: Product) -> dict[str, str]:
    try:
        names = json.loads(product.local_names or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in names.items() if str(v).strip()} if isinstance(names, dict) else {}


def _number(value: object, field: str, places: int, minimum: Decimal | None = None) -> Decimal:
    return parse_decimal(value, field, places=places, minimum=minimum)


def price_lines(currency: str, lines: tuple[LineInput, ...] | list[LineInput], *, strict: bool,
                allow_below_moq: bool = True) -> QuoteTotals:
    """Price every line in `currency`. `strict`: a missing price, rate or product raises (ValidationError naming
    `lines[i].…`, MissingRateError naming the currency); otherwise each becomes a warning and the line counts 0.
    A bad number always raises: the editor shows it beside the field."""
    currency = check_code(currency)
    lines = list(lines)
    if len(lines) > MAX_LINES:
        raise ValidationError("lines", f"{len(lines)} lines is over the limit of {MAX_LINES}")
    ids = sorted({line.product_id for line in lines if line.product_id is not None})
    products = {p.id: p for p in Product.select().where(Product.id.in_(ids))} if ids else {}
    tiers = product_tiers(ids)
    table = rate_table()
    priced: list[PricedLine] = []
    warnings: list[QuoteWarning] = []

    def warn(index: int, name: str, code: str, message: str) -> None:
        warnings.append(QuoteWarning(index + 1, field_of(index, name), code, message))

    for index, line in enumerate(lines):
        quantity = _number(line.quantity, field_of(index, "quantity"), QUANTITY_PLACES)
        if quantity <= 0:
            raise ValidationError(field_of(index, "quantity"), "a quantity is above zero")
        discount = _number(line.discount_percent if line.discount_percent not in (None, "") else 0,
                           field_of(index, "discount_percent"), 4, Decimal(0))
        if discount > 100:
            raise ValidationError(field_of(index, "discount_percent"), f"{discount}% is over 100%")
        given = None
        if line.unit_price not in (None, ""):
            given = _number(line.unit_price, field_of(index, "unit_price"), PRICE_PLACES, Decimal(0))
        product = products.get(line.product_id) if line.product_id is not None else None
        if line.product_id is not None and product is None:
            if strict:
                raise ValidationError(field_of(index, "product_id"), f"no product with id {line.product_id}")
            warn(index, "product_id", NO_PRODUCT, f"line {index + 1}: no product with id {line.product_id}")
        description = clean_block(line.description) or (product.name if product else "")
        if not description:
            raise ValidationError(field_of(index, "description"), "a line without a product needs a description")
        unit = clean_line(line.unit) or (product.unit if product else "") or "pcs"
        price, cost, from_tier, moq = given, None, False, 0
        if product is not None:
            moq = product.moq or 0
            if moq and quantity < moq:
                message = f"line {index + 1}: {quantity.normalize():f} {unit} is below the MOQ of {moq}"
                if strict and not allow_below_moq:
                    raise ValidationError(field_of(index, "quantity"), message.split(": ", 1)[1])
                warn(index, "quantity", BELOW_MOQ, message)
            if price is None:
                tier = tier_price_of(tiers.get(product.id, []), quantity)
                try:
                    if tier is not None:
                        price, from_tier = convert_price(tier, product.currency, currency, table), True
                except MissingRateError as error:
                    if strict:
                        raise
                    warn(index, "unit_price", NO_RATE, f"line {index + 1}: {error}")
            if product.cost is not None:
                try:  # the cost only feeds the margin: a missing rate leaves it unknown
                    cost = convert_price(product.cost, product.currency, currency, table)
                except MissingRateError as error:
                    if not strict and not any(w.position == index + 1 and w.code == NO_RATE for w in warnings):
                        warn(index, "cost", NO_RATE, f"line {index + 1}: {error}")
        if price is None and not any(w.position == index + 1 and w.code == NO_RATE for w in warnings):
            message = (f"{product.sku} has no price tier and no unit price was given" if product is not None
                       else "a free-text line needs a unit price")
            if strict:
                raise ValidationError(field_of(index, "unit_price"), message)
            warn(index, "unit_price", NO_PRICE, f"line {index + 1}: {message}")
        amount = line_amount(quantity, price, discount, currency) if price is not None else round_money(
            Decimal(0), currency)
        margin = amount - round_money(cost * quantity, currency) if cost is not None and price is not None else None
        priced.append(PricedLine(
            index + 1, product.id if product else None, product.sku if product else "", description, unit, quantity,
            price, discount, amount, cost, margin, from_tier, moq,
            hs_code=product.hs_code if product else "",
            pcs_per_carton=product.pcs_per_carton if product else None,
            carton_cbm=product.carton_cbm if product else None,
            carton_net_kg=product.carton_net_kg if product else None,
            carton_gross_kg=product.carton_gross_kg if product else None))
    return totals_of(currency, priced, warnings)


def totals_of(currency: str, lines: list[PricedLine], warnings: list[QuoteWarning] | tuple = ()) -> QuoteTotals:
    total = round_money(sum((line.amount for line in lines), Decimal(0)), currency)
    known = [line for line in lines if line.margin is not None]
    margin = round_money(sum((line.margin for line in known), Decimal(0)), currency)
    earned = sum((line.amount for line in known), Decimal(0))
    cost = round_money(earned - margin, currency) if known else round_money(Decimal(0), currency)
    percent = (margin * 100 / earned).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) if earned else None
    return QuoteTotals(currency, tuple(lines), total, cost, margin, percent,
                       bool(lines) and len(known) == len(lines), tuple(warnings))


def draft_totals(data) -> QuoteTotals:
    """The editor's figures for a QuotationInput (or anything with `currency` and `lines`): each line's amount,
    the total, the margin from the catalog cost and the warnings. Reads, never writes."""
    return price_lines(data.currency, tuple(data.lines), strict=False)


def product_by_sku(sku: str) -> int | None:
    """The id of the product with this SKU, any case (the command line's `--line SKU:QTY`); None when unknown."""
    text = clean_line(sku)
    if not text:
        return None
    row = Product.get_or_none(Product.sku == text) or Product.select().where(
        fn.LOWER(Product.sku) == text.lower()).first()
    return row.id if row is not None else None
