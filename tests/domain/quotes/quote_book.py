"""A small catalog and customers for the quotation tests: products written as rows (the catalog's own functions
are another module's), rates set through the domain."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.quotes.document import BankDetails, SellerProfile
from trade_crm.domain.quotes.seller import save_seller_profile
from trade_crm.domain.world.currency import set_rate
from trade_crm.store.models import Product, ProductPrice

SELLER = SellerProfile(
    company="Ningbo Sunrise Lighting Co., Ltd.", company_local="宁波日出照明有限公司",
    address="88 Jiangnan Road\nNingbo 315000, China", phone="+86 574 8888 1234", email="sales@sunrise-light.cn",
    bank=BankDetails(beneficiary="Ningbo Sunrise Lighting Co., Ltd.", bank_name="Bank of China, Ningbo Branch",
                     swift="BKCHCNBJ92A", account="3581 2345 6789", iban=""))


def product(clock, sku: str, name: str, *, tiers=(("0", "10.00"),), currency: str = "USD", moq: int = 0,
            cost: str | None = None, names: dict | None = None, pcs: int | None = None, cbm: str | None = None,
            nw: str | None = None, gw: str | None = None, unit: str = "pcs", hs: str = "") -> int:
    now = clock.now()
    product_id = Product.insert(
        sku=sku, name=name, local_names=json.dumps(names or {}, ensure_ascii=False), currency=currency, moq=moq,
        cost=Decimal(cost) if cost is not None else None, pcs_per_carton=pcs, unit=unit, hs_code=hs,
        carton_cbm=Decimal(cbm) if cbm else None, carton_net_kg=Decimal(nw) if nw else None,
        carton_gross_kg=Decimal(gw) if gw else None, created_at=now, updated_at=now).execute()
    if tiers:
        ProductPrice.insert_many([{"product": product_id, "min_quantity": Decimal(q), "unit_price": Decimal(p)}
                                  for q, p in tiers]).execute()
    return product_id


def customer(clock, name: str = "Al Noor Trading LLC", **fields) -> int:
    contacts = fields.pop("contacts", [ContactInput(name="Ahmed Al-Farsi", emails=("ahmed@alnoor.ae",),
                                                    phones=("+971 4 123 4567",))])
    return create_customer(clock, name=name, contacts=contacts, **fields)


def rates(clock, **per_usd: str) -> None:
    """1 CODE = value USD (the book reports in USD)."""
    for code, value in per_usd.items():
        set_rate(code, value, date(2026, 12, 1), clock)


def seller(**bank) -> SellerProfile:
    profile = SellerProfile(**{**SELLER.__dict__, "bank": BankDetails(**{**SELLER.bank.__dict__, **bank})})
    return save_seller_profile(profile)
