"""A stored quotation or PI as the QuoteDocument the renderers print (domain/quotes/document.py is the contract).

A line's description is given in the document's language (the product's name in that language when the catalog
has one), with the product's name in the other language the buyer reads beside it where that helps: the
customer's preferred language on an English document ("LED panel / لوحة LED"), English on a Chinese one.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.quotes.document import DocumentLine, QuoteDocument
from trade_crm.domain.quotes.money import minor_unit
from trade_crm.domain.quotes.pricing import local_names
from trade_crm.domain.quotes.proforma import customer_party, proforma_view
from trade_crm.domain.quotes.quotations import DocumentLineView, quotation_view
from trade_crm.domain.quotes.seller import profile_from, read_seller_profile, stored_profile
from trade_crm.store.models import Customer, Product, ProformaInvoice

LANGUAGES = ("en", "zh")


def _language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValidationError("language", f'"{language}" is not one of {", ".join(LANGUAGES)}')
    return language


def _buyer_language(customer_id: int) -> str:
    customer = Customer.get_or_none(Customer.id == customer_id)
    code = (customer.preferred_language if customer is not None else "") or ""
    return code.strip().lower().replace("_", "-").split("-")[0]


def describe(line: DocumentLineView, product: Product | None, language: str, buyer_language: str) -> str:
    """The line's words in `language`, with a second name after " / " where the buyer reads it."""
    if product is None:
        return line.description
    names = local_names(product)
    words = line.description.strip() or product.name  # as written on the line (the catalog's name by default)
    if language == "en":
        primary = words
        second = names.get(buyer_language, "") if buyer_language not in ("", "en") else ""
    else:
        primary = names.get(language) or words
        second = words if primary != words else ""
    second = second.strip()
    if not second or second in primary:
        return primary
    return f"{primary} / {second}"


def trimmed(value: Decimal, places: int) -> Decimal:
    """A stored number without its trailing zeros beyond `places` (12.5000 USD → 12.50, 0.0350 → 0.035,
    600.000 pcs → 600): what a buyer reads."""
    exponent = value.normalize().as_tuple().exponent
    return value.quantize(Decimal(1).scaleb(min(-places, exponent if isinstance(exponent, int) else 0)))


def _lines(lines: tuple[DocumentLineView, ...], language: str, buyer_language: str, currency: str,
           packing: dict | None = None) -> tuple[DocumentLine, ...]:
    ids = [line.product_id for line in lines if line.product_id is not None]
    products = {p.id: p for p in Product.select().where(Product.id.in_(ids))} if ids else {}
    out = []
    for line in lines:
        packed = (packing or {}).get(line.position)
        out.append(DocumentLine(
            line.position, line.sku, describe(line, products.get(line.product_id), language, buyer_language),
            line.unit, trimmed(line.quantity, 0), trimmed(line.unit_price, minor_unit(currency)),
            trimmed(line.discount_percent, 0), line.amount, line.hs_code,
            cartons=packed.cartons if packed else None, cbm=packed.cbm if packed else None,
            net_kg=packed.net_kg if packed else None, gross_kg=packed.gross_kg if packed else None))
    return tuple(out)


def quotation_document(quotation_id: int, language: str = "en", root: Path | None = None) -> QuoteDocument:
    """The quotation as printed, with the seller's current profile (images from the blob store under `root`)."""
    language = _language(language)
    view = quotation_view(quotation_id)
    buyer = customer_party(view.customer_id, view.contact_id)
    return QuoteDocument(
        kind="quotation", number=view.label, issued_on=view.issued_on, currency=view.currency,
        seller=read_seller_profile(root), buyer=buyer,
        lines=_lines(view.lines, language, _buyer_language(view.customer_id), view.currency), total=view.total,
        valid_until=view.valid_until, incoterm=view.incoterm, incoterm_place=view.incoterm_place,
        payment_terms=view.payment_terms, lead_time=view.lead_time, notes=view.notes, language=language)


def proforma_document(proforma_id: int, language: str = "en", root: Path | None = None) -> QuoteDocument:
    """The PI as printed, with the seller as it was when the PI was issued (images resolved under `root`)."""
    language = _language(language)
    row = ProformaInvoice.get_or_none(ProformaInvoice.id == proforma_id)
    if row is None:
        raise NotFoundError("proforma invoice", proforma_id)
    view = proforma_view(proforma_id)
    try:
        snapshot = json.loads(row.seller or "{}")
    except ValueError:
        snapshot = {}
    seller = profile_from(snapshot if isinstance(snapshot, dict) else stored_profile(), root)
    packing = {p.position: p for p in view.line_packing}
    return QuoteDocument(
        kind="proforma", number=view.number, issued_on=view.issued_on, currency=view.currency, seller=seller,
        buyer=view.buyer, lines=_lines(view.lines, language, _buyer_language(view.customer_id), view.currency, packing),
        total=view.total, consignee=view.consignee, incoterm=view.incoterm, incoterm_place=view.incoterm_place,
        payment_terms=view.payment_terms, lead_time=view.lead_time, port_of_loading=view.port_of_loading,
        port_of_discharge=view.port_of_discharge, notes=view.notes,
        packing=view.packing if view.line_packing else None, language=language)
