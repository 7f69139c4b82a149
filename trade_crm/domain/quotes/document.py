"""What a quotation or proforma invoice says, ready to print: the contract between the domain, which builds it
from the rows (domain/quotes/documents.py), and the renderers (exchange/documents: the built-in PDF layout,
the user's Excel template). Renderers print these values as they are; amounts are already rounded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

DOCUMENT_KINDS = ("quotation", "proforma")


@dataclass(frozen=True)
class Party:
    """A buyer or consignee as printed: name and a free address block (lines kept as typed)."""

    name: str
    address: str = ""
    contact: str = ""  # the person: "Mr. Ahmed Al-Farsi"
    phone: str = ""
    email: str = ""
    tax_id: str = ""


@dataclass(frozen=True)
class BankDetails:
    beneficiary: str = ""
    bank_name: str = ""
    bank_address: str = ""
    swift: str = ""
    account: str = ""
    iban: str = ""


@dataclass(frozen=True)
class SellerProfile:
    """The seller's letterhead and bank, kept in the book's settings; images are files in the attachment blob
    store, given here as paths the renderer may read."""

    company: str = ""
    company_local: str = ""  # 宁波某某照明有限公司
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    bank: BankDetails = field(default_factory=BankDetails)
    logo: Path | None = None
    signature: Path | None = None
    stamp: Path | None = None


@dataclass(frozen=True)
class DocumentLine:
    position: int
    sku: str
    description: str  # the name(s) as offered, any script: "LED panel 600×600 / LED 面板灯"
    unit: str
    quantity: Decimal
    unit_price: Decimal
    discount_percent: Decimal
    amount: Decimal
    hs_code: str = ""
    cartons: Decimal | None = None  # PI packing: quantity / pcs per carton, rounded up
    cbm: Decimal | None = None
    net_kg: Decimal | None = None
    gross_kg: Decimal | None = None
    photo: Path | None = None


@dataclass(frozen=True)
class PackingSummary:
    cartons: Decimal
    cbm: Decimal
    net_kg: Decimal
    gross_kg: Decimal


@dataclass(frozen=True)
class QuoteDocument:
    """One document to render. `language` picks the printed labels ("en" or "zh"); the content stays as typed."""

    kind: str  # DOCUMENT_KINDS
    number: str  # with its revision when > 1: "Q261205-3 v2"
    issued_on: date
    currency: str
    seller: SellerProfile
    buyer: Party
    lines: tuple[DocumentLine, ...]
    total: Decimal
    valid_until: date | None = None
    consignee: Party | None = None
    incoterm: str = ""  # "FOB"
    incoterm_place: str = ""  # "Ningbo"
    payment_terms: str = ""
    lead_time: str = ""
    port_of_loading: str = ""
    port_of_discharge: str = ""
    notes: str = ""
    packing: PackingSummary | None = None
    language: str = "en"
