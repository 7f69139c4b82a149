"""The `{{…}}` placeholders a user's Excel template may hold, and their values for a document.

Document fields: `{{pi.number}}` (also `{{doc.number}}`, `{{quote.number}}`), `{{buyer.name}}`, `{{total}}` …
(PLACEHOLDERS). Line fields, in the one row that is repeated per line: `{{line.sku}}`, `{{line.qty}}` …
(LINE_PLACEHOLDERS). A cell holding one placeholder alone gets the typed value (a number, a date) and keeps
its own number format; a placeholder inside text is replaced by the printed form (amounts as 12,345.60).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from trade_crm.domain.quotes.document import DocumentLine, Party, QuoteDocument
from trade_crm.exchange.documents.formats import (
    amount_in_words,
    format_amount,
    format_cbm,
    format_kg,
    format_price,
    format_quantity,
)
from trade_crm.exchange.documents.labels import label

PATTERN = re.compile(r"\{\{\s*([A-Za-z_][\w.]*)\s*\}\}")
Value = str | Decimal | int | date | None


def _party(getter: Callable[[QuoteDocument], Party | None], field: str) -> Callable[[QuoteDocument], Value]:
    def value(document: QuoteDocument) -> Value:
        party = getter(document)
        return getattr(party, field) if party is not None else ""
    return value


def _packing(field: str) -> Callable[[QuoteDocument], Value]:
    return lambda document: getattr(document.packing, field) if document.packing is not None else None


PLACEHOLDERS: dict[str, Callable[[QuoteDocument], Value]] = {
    "doc.number": lambda d: d.number,
    "doc.title": lambda d: label(d.kind, d.language),
    "doc.date": lambda d: d.issued_on,
    "doc.valid_until": lambda d: d.valid_until,
    "currency": lambda d: d.currency,
    "total": lambda d: d.total,
    "total.words": lambda d: amount_in_words(d.total, d.currency),
    "incoterm": lambda d: d.incoterm,
    "incoterm.place": lambda d: d.incoterm_place,
    "terms.delivery": lambda d: " ".join(part for part in (d.incoterm, d.incoterm_place) if part),
    "terms.payment": lambda d: d.payment_terms,
    "terms.lead_time": lambda d: d.lead_time,
    "port.loading": lambda d: d.port_of_loading,
    "port.discharge": lambda d: d.port_of_discharge,
    "notes": lambda d: d.notes,
    **{f"seller.{field}": (lambda f: lambda d: getattr(d.seller, f))(field)
       for field in ("company", "company_local", "address", "phone", "email", "website")},
    **{f"bank.{name}": (lambda f: lambda d: getattr(d.seller.bank, f))(field)
       for name, field in (("beneficiary", "beneficiary"), ("name", "bank_name"), ("address", "bank_address"),
                           ("swift", "swift"), ("account", "account"), ("iban", "iban"))},
    **{f"buyer.{field}": _party(lambda d: d.buyer, field)
       for field in ("name", "address", "contact", "phone", "email", "tax_id")},
    **{f"consignee.{field}": _party(lambda d: d.consignee, field)
       for field in ("name", "address", "contact", "phone", "email", "tax_id")},
    **{f"packing.{field}": _packing(field) for field in ("cartons", "cbm", "net_kg", "gross_kg")},
}
for _alias in ("pi", "quote"):
    for _field in ("number", "date", "valid_until", "title"):
        PLACEHOLDERS[f"{_alias}.{_field}"] = PLACEHOLDERS[f"doc.{_field}"]

LINE_PLACEHOLDERS: dict[str, Callable[[DocumentLine], Value]] = {
    "line.no": lambda line: line.position,
    "line.sku": lambda line: line.sku,
    "line.description": lambda line: line.description,
    "line.hs_code": lambda line: line.hs_code,
    "line.qty": lambda line: line.quantity,
    "line.unit": lambda line: line.unit,
    "line.price": lambda line: line.unit_price,
    "line.discount": lambda line: line.discount_percent,
    "line.amount": lambda line: line.amount,
    "line.cartons": lambda line: line.cartons,
    "line.cbm": lambda line: line.cbm,
    "line.net_kg": lambda line: line.net_kg,
    "line.gross_kg": lambda line: line.gross_kg,
}

_AMOUNTS = {"total", "line.amount"}
_PRICES = {"line.price"}


def printed(name: str, value: Value, currency: str) -> str:
    """`value` as it reads inside text: amounts in the currency's minor unit, prices and quantities as given."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        if name in _AMOUNTS:
            return format_amount(value, currency)
        if name in _PRICES:
            return format_price(value, currency)
        if name.endswith("cbm"):
            return format_cbm(value)
        if name.endswith("_kg"):
            return format_kg(value)
        return format_quantity(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
