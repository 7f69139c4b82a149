"""Quotations and PIs to render in the document tests and bench/bench_documents.py: a Ningbo lighting maker
selling to Dubai, with Chinese, Arabic and Russian product names, and its logo, signature, stamp and photos
drawn with Pillow."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from PIL import Image, ImageDraw

from trade_crm.domain.quotes.document import (
    BankDetails,
    DocumentLine,
    PackingSummary,
    Party,
    QuoteDocument,
    SellerProfile,
)
from trade_crm.domain.quotes.money import line_amount

CHINESE_NAME = "LED 面板灯 600×600 防眩光"
ARABIC_NAME = "مصباح سقف لاسلكي"
RUSSIAN_NAME = "Светодиодная панель 600×600"
PI_NUMBER = "PI-261205-042"
SWIFT = "BKCHCNBJ92A"
IBAN = "GB29NWBK60161331926819"
ACCOUNT = "3581 0001 0940 1234 567"

_PRODUCTS = (
    ("LED-P600", f"{CHINESE_NAME}\nLED panel 600×600, anti-glare, 40 W", "9405.11", "pcs", "12.5000", "0"),
    ("LED-C30", f"Ceiling lamp, wireless\n{ARABIC_NAME}", "9405.11", "pcs", "8.7500", "5"),
    ("LED-R24", f"{RUSSIAN_NAME}\nLED panel 600×600 for Russia, EAC", "9405.11", "pcs", "13.2000", "0"),
    ("DRV-40", "Driver 40 W, flicker-free, 0-10 V dimming", "8504.40", "pcs", "0.0350", "0"),
    ("CLIP-02", "Spring clip for ceiling mounting", "7326.20", "set", "0.4200", "2.5"),
)


def draw_images(folder: Path) -> dict[str, Path]:
    """A logo, a signature, a round red stamp and a product photo as PNG files in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    logo = Image.new("RGB", (240, 120), (22, 58, 110))
    ImageDraw.Draw(logo).ellipse((20, 20, 100, 100), fill=(250, 200, 40))
    signature = Image.new("RGBA", (300, 100), (255, 255, 255, 0))
    ImageDraw.Draw(signature).line([(10, 70), (60, 20), (100, 80), (160, 30), (220, 75), (290, 40)],
                                   fill=(20, 30, 120, 255), width=5)
    stamp = Image.new("RGBA", (300, 300), (255, 255, 255, 0))
    draw = ImageDraw.Draw(stamp)
    draw.ellipse((10, 10, 290, 290), outline=(210, 30, 30, 200), width=12)
    draw.regular_polygon((150, 150, 50), 5, fill=(210, 30, 30, 200))
    photo = Image.new("RGB", (160, 160), (235, 235, 235))
    ImageDraw.Draw(photo).rectangle((20, 20, 140, 140), outline=(90, 90, 90), width=6)
    paths = {}
    for name, image in (("logo", logo), ("signature", signature), ("stamp", stamp), ("photo", photo)):
        paths[name] = folder / f"{name}.png"
        image.save(paths[name])
    return paths


def sample_document(*, kind: str = "proforma", lines: int = 5, currency: str = "USD", language: str = "en",
                    images: dict[str, Path] | None = None, photos: bool = False) -> QuoteDocument:
    """A document of `lines` lines cycling through the five products (quantities growing), with its total."""
    images = images or {}
    seller = SellerProfile(
        company="Ningbo Brightway Lighting Co., Ltd.", company_local="宁波明途照明有限公司",
        address="No. 88 Xingning Road, Yinzhou District, Ningbo 315040, Zhejiang, China",
        phone="+86 574 8765 4321", email="sales@brightway-lighting.cn", website="www.brightway-lighting.cn",
        bank=BankDetails(beneficiary="Ningbo Brightway Lighting Co., Ltd.",
                         bank_name="Bank of China, Ningbo Branch",
                         bank_address="No. 139 Yaoxing Street, Ningbo, Zhejiang, China",
                         swift=SWIFT, account=ACCOUNT, iban=IBAN),
        logo=images.get("logo"), signature=images.get("signature"), stamp=images.get("stamp"))
    buyer = Party(name="Gulf Lighting Trading LLC", address="Office 1204, Al Moosa Tower 2\nSheikh Zayed Road, Dubai, UAE",
                  contact="Mr. Ahmed Al-Farsi", phone="+971 4 321 7788", email="ahmed@gulflighting.ae",
                  tax_id="TRN 100234567800003")
    consignee = replace(buyer, name="Gulf Lighting Warehouse, Jebel Ali Free Zone", tax_id="")
    document_lines = []
    for position in range(1, lines + 1):
        sku, description, hs, unit, price, discount = _PRODUCTS[(position - 1) % len(_PRODUCTS)]
        quantity = Decimal(100 * position)
        amount = line_amount(quantity, Decimal(price), Decimal(discount), currency)
        document_lines.append(DocumentLine(
            position=position, sku=sku, description=description, unit=unit, quantity=quantity,
            unit_price=Decimal(price), discount_percent=Decimal(discount), amount=amount, hs_code=hs,
            photo=images.get("photo") if photos else None))
    total = sum((line.amount for line in document_lines), Decimal(0))
    proforma = kind == "proforma"
    return QuoteDocument(
        kind=kind, number=PI_NUMBER if proforma else "Q261201-7 v2", issued_on=date(2026, 12, 5),
        currency=currency, seller=seller, buyer=buyer, lines=tuple(document_lines), total=total,
        valid_until=None if proforma else date(2026, 12, 31), consignee=consignee if proforma else None,
        incoterm="FOB", incoterm_place="Ningbo", payment_terms="T/T 30% deposit, 70% against B/L copy",
        lead_time="25 days after deposit", port_of_loading="Ningbo, China" if proforma else "",
        port_of_discharge="Jebel Ali, UAE" if proforma else "",
        notes="Prices valid for the quantities above. Packing: export cartons, 4 pcs per carton.",
        packing=PackingSummary(Decimal(lines * 25), Decimal("0.864") * lines, Decimal("48.5") * lines,
                               Decimal("52.75") * lines) if proforma else None,
        language=language)
