"""A small catalog and a buyer, written through the domain: what the quotes windows' tests type against."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings

from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.quotes.catalog import save_product
from trade_crm.domain.quotes.document import BankDetails, SellerProfile
from trade_crm.domain.quotes.product_input import ProductInput
from trade_crm.domain.quotes.seller import save_seller_profile


@pytest.fixture
def products(db, clock) -> dict[str, int]:
    panel = save_product(ProductInput(
        sku="LP-6060-40W", name="LED panel 600x600 40W", local_names={"zh": "LED 面板灯"}, hs_code="9405.42",
        unit="pcs", moq=500, currency="USD", cost=Decimal("8.20"),
        tiers=((500, "12.50"), (1000, "11.80"), (5000, "10.90")), pcs_per_carton=4, carton_length_cm="62",
        carton_width_cm="62", carton_height_cm="40", carton_net_kg="9.6", carton_gross_kg="11.2",
        tags=("led", "panel")), clock)
    bulb = save_product(ProductInput(
        sku="BL-A60-9W", name="LED bulb A60 9W", local_names={"zh": "LED 球泡灯"}, unit="pcs", currency="USD",
        cost=Decimal("0.62"), tiers=((1, "0.95"),), pcs_per_carton=100), clock)
    spare = save_product(ProductInput(sku="DR-40W", name="LED driver 40W", local_names={"zh": "驱动电源"},
                                      unit="pcs", currency="USD"), clock)  # no price yet
    return {"panel": panel.id, "bulb": bulb.id, "driver": spare.id}


@pytest.fixture
def buyer(db, clock) -> int:
    return create_customer(clock, name="Al Noor Trading LLC", country="AE", city="Dubai", currency="USD",
                           contacts=(ContactInput(name="Ahmed Al-Farsi", emails=("ahmed@alnoor.example",),
                                                  is_primary=True),))


@pytest.fixture
def seller(db, tmp_path):
    return save_seller_profile(SellerProfile(
        company="Ningbo Bright Lighting Co., Ltd.", company_local="宁波明亮照明有限公司", address="No. 8 Lighting Rd, Ningbo",
        bank=BankDetails(beneficiary="Ningbo Bright Lighting Co., Ltd.", bank_name="Bank of China Ningbo Branch",
                         swift="BKCHCNBJ92A", account="3581 0000 1234 5678")), tmp_path / "attachments")


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
