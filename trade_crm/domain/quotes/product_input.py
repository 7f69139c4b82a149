"""What a person (the product editor, an import row, the command line) gives to save a product, and the
checks that turn it into clean values: every refusal a ValidationError naming the field.

Numbers may come as Decimal, int or text ("1,000", "2.50"); a float is refused (money.parse_decimal). The
carton's CBM is computed from its length × width × height in cm when it is not given.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

import pycountry

from trade_crm.domain.errors import ValidationError
from trade_crm.domain.quotes.money import PRICE_PLACES, QUANTITY_PLACES, parse_decimal

Number = Decimal | int | str
MAX_SKU = 64
MAX_NAME = 300
_HS_CODE = re.compile(r"^[0-9][0-9. ]*$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
_CM3_PER_CBM = Decimal(1_000_000)
CBM_PLACES = 6


@dataclass(frozen=True)
class ProductPhoto:
    """A photo of a product: its bytes in the attachment blob store (domain/attachments/blobs.py)."""

    sha256: str
    name: str


@dataclass(frozen=True)
class PriceTier:
    """From `min_quantity` units up, each costs `unit_price` (in the product's currency)."""

    min_quantity: Decimal
    unit_price: Decimal


@dataclass(frozen=True)
class ProductInput:
    """A product as typed. `tiers` are (min_quantity, unit_price) pairs in any order (PriceTier works too);
    none means the product has no price yet (a quotation line then needs one typed). `local_names` maps a
    language code ("zh", "ar", "ru") to the name in it."""

    sku: str
    name: str
    local_names: Mapping[str, str] = field(default_factory=dict)
    description: str = ""
    hs_code: str = ""
    unit: str = "pcs"
    moq: Number = 0
    currency: str = "USD"
    cost: Number | None = None
    tiers: tuple = ()
    pcs_per_carton: Number | None = None
    carton_length_cm: Number | None = None
    carton_width_cm: Number | None = None
    carton_height_cm: Number | None = None
    carton_cbm: Number | None = None
    carton_net_kg: Number | None = None
    carton_gross_kg: Number | None = None
    tags: tuple[str, ...] = ()
    photos: tuple[ProductPhoto, ...] = ()


@dataclass(frozen=True)
class CleanProduct:
    """A ProductInput checked: the column values of a product row and its tiers, sorted by minimum."""

    values: Mapping[str, object]
    tiers: tuple[PriceTier, ...]


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _positive(value: Number | None, name: str, places: int) -> Decimal | None:
    if _blank(value):
        return None
    number = parse_decimal(value, name, places=places)
    if number <= 0:
        raise ValidationError(name, f"{number} must be more than 0")
    return number


def _whole(value: Number | None, name: str, *, minimum: int) -> int | None:
    if _blank(value):
        return None
    number = parse_decimal(value, name, places=QUANTITY_PLACES)
    if number != number.to_integral_value():
        raise ValidationError(name, f"{number.normalize():f} is not a whole number")
    if number < minimum:
        raise ValidationError(name, f"{number.normalize():f} must be {'more than 0' if minimum == 1 else 'at least 0'}")
    return int(number)


def check_currency(code: str) -> str:
    code = (code or "").strip().upper()
    if not code:
        raise ValidationError("currency", "give the currency (USD, EUR, CNY, ...)")
    if len(code) != 3 or pycountry.currencies.get(alpha_3=code) is None:
        raise ValidationError("currency", f'"{code}" is not an ISO 4217 currency code (USD, EUR, CNY, ...)')
    return code


def clean_tiers(tiers: tuple) -> tuple[PriceTier, ...]:
    out: dict[Decimal, PriceTier] = {}
    for tier in tiers:
        minimum, price = (tier.min_quantity, tier.unit_price) if isinstance(tier, PriceTier) else tier
        minimum = Decimal(0) if _blank(minimum) else parse_decimal(minimum, "tiers", places=QUANTITY_PLACES)
        if minimum < 0:
            raise ValidationError("tiers", f"a price tier's minimum quantity {minimum} is below 0")
        if _blank(price):
            raise ValidationError("price", f"the tier from {minimum} has no price")
        price = parse_decimal(price, "price", places=PRICE_PLACES)
        if price < 0:
            raise ValidationError("price", f"{price.normalize():f} is a negative price")
        if minimum in out:
            raise ValidationError("tiers", f"two prices from the same quantity {minimum.normalize():f}")
        out[minimum] = PriceTier(minimum, price)
    return tuple(out[m] for m in sorted(out))


def _local_names(names: Mapping[str, str]) -> dict[str, str]:
    out = {}
    for language, name in (names or {}).items():
        language = (language or "").strip()
        if not _LANGUAGE.match(language):
            raise ValidationError("local_names", f'"{language}" is not a language code (zh, ar, ru, ...)')
        if name and name.strip():
            out[language] = " ".join(name.split())
    return out


def _tags(tags: tuple[str, ...] | str) -> str:
    items = tags.split(",") if isinstance(tags, str) else tags
    return ", ".join(dict.fromkeys(t.strip() for t in items if t and t.strip()))


def clean_product(data: ProductInput) -> CleanProduct:
    """Check every field of `data`, first problem first; nothing is written here."""
    sku = " ".join((data.sku or "").split())
    if not sku:
        raise ValidationError("sku", "give the product's SKU (item number)")
    if len(sku) > MAX_SKU:
        raise ValidationError("sku", f"{len(sku)} characters; at most {MAX_SKU}")
    name = " ".join((data.name or "").split())
    if not name:
        raise ValidationError("name", "give the product's name")
    if len(name) > MAX_NAME:
        raise ValidationError("name", f"{len(name)} characters; at most {MAX_NAME}")
    hs_code = (data.hs_code or "").strip()
    if hs_code and (not _HS_CODE.match(hs_code) or not 4 <= len(re.sub(r"\D", "", hs_code)) <= 12):
        raise ValidationError("hs_code", f'"{hs_code}" is not an HS code (4 to 12 digits, e.g. 9405.42)')
    currency = check_currency(data.currency)
    moq = _whole(data.moq, "moq", minimum=0) or 0
    cost = None if _blank(data.cost) else parse_decimal(data.cost, "cost", places=PRICE_PLACES)
    if cost is not None and cost < 0:
        raise ValidationError("cost", f"{cost} is a negative cost")
    tiers = clean_tiers(tuple(data.tiers))
    dims = {key: _positive(getattr(data, key), key, 1)
            for key in ("carton_length_cm", "carton_width_cm", "carton_height_cm")}
    cbm = _positive(data.carton_cbm, "carton_cbm", CBM_PLACES)
    if cbm is None and all(dims.values()):
        volume = dims["carton_length_cm"] * dims["carton_width_cm"] * dims["carton_height_cm"] / _CM3_PER_CBM
        cbm = volume.quantize(Decimal(1).scaleb(-CBM_PLACES))
    net = _positive(data.carton_net_kg, "carton_net_kg", 3)
    gross = _positive(data.carton_gross_kg, "carton_gross_kg", 3)
    if net is not None and gross is not None and gross < net:
        raise ValidationError("carton_gross_kg", f"gross weight {gross} kg is below the net weight {net} kg")
    values = {
        "sku": sku, "name": name, "local_names": _local_names(data.local_names),
        "description": (data.description or "").strip(), "hs_code": hs_code,
        "unit": " ".join((data.unit or "").split()) or "pcs", "moq": moq, "currency": currency, "cost": cost,
        "pcs_per_carton": _whole(data.pcs_per_carton, "pcs_per_carton", minimum=1), **dims, "carton_cbm": cbm,
        "carton_net_kg": net, "carton_gross_kg": gross, "tags": _tags(data.tags),
        "photos": [{"sha256": p.sha256, "name": p.name} for p in data.photos],
    }
    return CleanProduct(values, tiers)


def price_for(tiers: tuple[PriceTier, ...], quantity: Decimal) -> Decimal | None:
    """The unit price for `quantity`: the tier with the largest minimum at or below it; None when the product
    has no price, or only tiers above `quantity` (the line then needs a typed price)."""
    best = None
    for tier in tiers:
        if tier.min_quantity <= quantity and (best is None or tier.min_quantity > best.min_quantity):
            best = tier
    return best.unit_price if best else None
