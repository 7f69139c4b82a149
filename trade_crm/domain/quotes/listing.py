"""A customer's quotations and proforma invoices in one list, for the customer's page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from trade_crm.domain.quotes.proforma import list_proformas
from trade_crm.domain.quotes.quotations import list_quotations, status_on


@dataclass(frozen=True)
class CustomerDocument:
    kind: str  # "quotation" or "proforma"
    id: int
    number: str  # as printed: "Q261205-3 v2", "PI261207-1"
    status: str
    currency: str
    total: Decimal
    issued_on: date
    valid_until: date | None = None
    quotation_id: int | None = None  # a PI's quotation

    def status_on(self, day: date) -> str:
        """The status as the person reads it on `day` (quotations.status_on)."""
        return status_on(self.status, self.valid_until, day) if self.kind == "quotation" else self.status


def customer_documents(customer_id: int) -> list[CustomerDocument]:
    """Every revision of the customer's quotations and their PIs, newest day first (a PI before its quotation
    on the same day)."""
    documents = [CustomerDocument("quotation", q.id, q.label, q.status, q.currency, q.total, q.issued_on,
                                  q.valid_until) for q in list_quotations(customer_id, limit=10_000)]
    documents += [CustomerDocument("proforma", p.id, p.number, p.status, p.currency, p.total, p.issued_on,
                                   quotation_id=p.quotation_id) for p in list_proformas(customer_id, limit=10_000)]
    return sorted(documents, key=lambda d: (d.issued_on, d.kind == "proforma", d.id), reverse=True)
