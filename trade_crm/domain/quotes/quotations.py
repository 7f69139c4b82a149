"""Quotations: write a draft, revise what was sent (v2 is a new row; v1 stays as it was sent), copy one for
another customer, move it through its states. Every write is one transaction; every error names its field.

States: draft → sent → accepted | rejected | expired; accepted → ordered (through a PI, domain/quotes/proforma.py);
an earlier revision becomes superseded when a newer one is sent (domain/quotes/sent.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.quotes.money import round_money
from trade_crm.domain.quotes.numbering import next_number
from trade_crm.domain.quotes.pricing import LineInput, PricedLine, price_lines, totals_of
from trade_crm.domain.text import clean_block, clean_line
from trade_crm.store.models import Contact, Customer, ProformaInvoice, Quotation, QuotationLine, database

INCOTERMS = ("EXW", "FCA", "FAS", "FOB", "CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP")  # Incoterms 2020
# Where a status may go by set_quotation_status ("sent" is mark_document_sent's, "superseded" and "ordered"
# follow from sending a newer revision and from a PI's order).
TRANSITIONS = {
    "draft": (),
    "sent": ("accepted", "rejected", "expired"),
    "expired": ("accepted", "rejected"),
    "accepted": ("rejected",),
    "rejected": ("accepted",),
    "superseded": (),
    "ordered": (),
}
SETTLED = ("accepted", "rejected", "superseded", "ordered")  # no chaser follows these up


@dataclass(frozen=True)
class QuotationInput:
    customer_id: int
    currency: str
    lines: tuple[LineInput, ...]
    contact_id: int | None = None
    incoterm: str = ""  # one of INCOTERMS, or "" for none
    incoterm_place: str = ""  # the named place: "Ningbo" in FOB Ningbo
    payment_terms: str = ""  # "T/T 30% deposit, 70% before shipment"
    lead_time: str = ""  # "25 days after deposit"
    valid_until: date | None = None
    notes: str = ""
    allow_below_moq: bool = True  # False: a quantity below a product's MOQ is refused (lines[i].quantity)


@dataclass(frozen=True)
class DocumentLineView:
    position: int
    product_id: int | None
    sku: str
    description: str
    unit: str
    quantity: Decimal
    unit_price: Decimal
    discount_percent: Decimal
    amount: Decimal
    cost: Decimal | None  # per unit, in the document's currency (never printed)
    hs_code: str
    pcs_per_carton: int | None
    carton_cbm: Decimal | None
    carton_net_kg: Decimal | None
    carton_gross_kg: Decimal | None


@dataclass(frozen=True)
class QuotationView:
    id: int
    number: str
    revision: int
    label: str  # "Q261205-3 v2"; the number alone for v1
    previous_id: int | None
    customer_id: int
    customer_name: str
    contact_id: int | None
    issued_on: date
    valid_until: date | None
    status: str
    currency: str
    incoterm: str
    incoterm_place: str
    payment_terms: str
    lead_time: str
    notes: str
    total: Decimal
    margin: Decimal  # over the lines whose cost is known
    margin_percent: Decimal | None
    lines: tuple[DocumentLineView, ...]
    interaction_id: int | None  # the timeline entry of its sending
    newest: bool  # no later revision exists
    proforma_ids: tuple[int, ...]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class QuotationSummary:
    id: int
    number: str
    revision: int
    label: str
    customer_id: int
    customer_name: str
    status: str
    currency: str
    total: Decimal
    issued_on: date
    valid_until: date | None


def status_on(status: str, valid_until: date | None, day: date) -> str:
    """A quotation's status as the person reads it on `day`: sent and past its validity is expired (the stored
    status stays "sent" until someone marks it; the expiry chaser asks them to)."""
    return "expired" if status == "sent" and valid_until is not None and valid_until < day else status


def label_of(number: str, revision: int) -> str:
    return f"{number} v{revision}" if revision > 1 else number


def line_view(row, currency: str) -> DocumentLineView:
    return DocumentLineView(row.position, row.product_id, row.sku, row.description, row.unit, row.quantity,
                            row.unit_price, row.discount_percent, round_money(row.amount, currency), row.cost, row.hs_code,
                            row.pcs_per_carton, row.carton_cbm, row.carton_net_kg, row.carton_gross_kg)


def line_rows(lines: tuple[PricedLine, ...], parent: str, parent_id: int) -> list[dict]:
    return [{parent: parent_id, "position": line.position, "product": line.product_id, "sku": line.sku,
             "description": line.description, "unit": line.unit, "quantity": line.quantity,
             "unit_price": line.unit_price, "discount_percent": line.discount_percent, "amount": line.amount,
             "cost": line.cost, "hs_code": line.hs_code, "pcs_per_carton": line.pcs_per_carton,
             "carton_cbm": line.carton_cbm, "carton_net_kg": line.carton_net_kg,
             "carton_gross_kg": line.carton_gross_kg} for line in lines]


def stored_lines(rows, currency: str) -> list[PricedLine]:
    """Stored lines as priced lines again (a copy keeps their prices as they were)."""
    out = []
    for row in rows:
        amount = round_money(row.amount, currency)
        margin = amount - round_money(row.cost * row.quantity, currency) if row.cost is not None else None
        out.append(PricedLine(row.position, row.product_id, row.sku, row.description, row.unit, row.quantity,
                              row.unit_price, row.discount_percent, amount, row.cost, margin, False, 0,
                              row.hs_code, row.pcs_per_carton, row.carton_cbm, row.carton_net_kg,
                              row.carton_gross_kg))
    return out


def _quotation(quotation_id: int) -> Quotation:
    row = Quotation.get_or_none(Quotation.id == quotation_id)
    if row is None:
        raise NotFoundError("quotation", quotation_id)
    return row


def check_customer(customer_id: int, contact_id: int | None) -> Customer:
    customer = Customer.get_or_none(Customer.id == customer_id)
    if customer is None:
        raise ValidationError("customer_id", f"no customer with id {customer_id}")
    if contact_id is not None and not Contact.select().where(
            Contact.id == contact_id, Contact.customer == customer_id).exists():
        raise ValidationError("contact_id", f"contact {contact_id} is not one of {customer.name}'s contacts")
    return customer


def check_terms(data: QuotationInput, issued_on: date) -> dict:
    """The quotation's own fields, cleaned; ValidationError naming the first bad one."""
    incoterm = clean_line(data.incoterm).upper()
    if incoterm and incoterm not in INCOTERMS:
        raise ValidationError("incoterm", f'"{data.incoterm}" is not an Incoterms 2020 rule ({" ".join(INCOTERMS)})')
    place = clean_line(data.incoterm_place)
    if incoterm and not place:
        raise ValidationError("incoterm_place", f"{incoterm} needs its named place (FOB Ningbo, CIF Hamburg)")
    if data.valid_until is not None and data.valid_until < issued_on:
        raise ValidationError("valid_until", f"{data.valid_until} is before the quotation's day, {issued_on}")
    if not data.lines:
        raise ValidationError("lines", "a quotation needs at least one line")
    return {"contact": data.contact_id, "incoterm": incoterm, "incoterm_place": place,
            "payment_terms": clean_line(data.payment_terms), "lead_time": clean_line(data.lead_time),
            "valid_until": data.valid_until, "notes": clean_block(data.notes)}


def create_quotation(data: QuotationInput, clock: Clock) -> QuotationView:
    """A new draft with the next number of the user's numbering; prices not given are the tier prices."""
    day = today(clock)
    customer = check_customer(data.customer_id, data.contact_id)
    terms = check_terms(data, day)
    priced = price_lines(data.currency, data.lines, strict=True, allow_below_moq=data.allow_below_moq)
    now = clock.now()
    with database.atomic():
        quotation_id = Quotation.insert(
            number=next_number("quotation", day, customer.id), revision=1, customer=customer.id, issued_on=day,
            status="draft", currency=priced.currency, total=priced.total, created_at=now, updated_at=now,
            **terms).execute()
        QuotationLine.insert_many(line_rows(priced.lines, "quotation", quotation_id)).execute()
    return quotation_view(quotation_id)


def update_quotation(quotation_id: int, data: QuotationInput, clock: Clock) -> QuotationView:
    """Rewrite a draft (its lines replaced). A quotation that was sent is revised instead (revise_quotation)."""
    row = _quotation(quotation_id)
    if row.status != "draft":
        raise ValidationError("status", f"{label_of(row.number, row.revision)} is {row.status}: only a draft is "
                                        "edited; revise it to make a new version")
    check_customer(data.customer_id, data.contact_id)
    terms = check_terms(data, row.issued_on)
    priced = price_lines(data.currency, data.lines, strict=True, allow_below_moq=data.allow_below_moq)
    with database.atomic():
        changed = (Quotation.update(customer=data.customer_id, currency=priced.currency, total=priced.total,
                                    updated_at=clock.now(), **terms)
                   .where(Quotation.id == quotation_id, Quotation.status == "draft").execute())
        if not changed:
            raise ValidationError("status", f"{label_of(row.number, row.revision)} is no longer a draft")
        QuotationLine.delete().where(QuotationLine.quotation == quotation_id).execute()
        QuotationLine.insert_many(line_rows(priced.lines, "quotation", quotation_id)).execute()
    return quotation_view(quotation_id)


def _copy(row: Quotation, clock: Clock, **fields) -> int:
    now = clock.now()
    values = {"customer": row.customer_id, "contact": row.contact_id, "issued_on": today(clock),
              "valid_until": row.valid_until, "status": "draft", "currency": row.currency,
              "incoterm": row.incoterm, "incoterm_place": row.incoterm_place, "payment_terms": row.payment_terms,
              "lead_time": row.lead_time, "notes": row.notes, "total": row.total, "created_at": now,
              "updated_at": now, **fields}
    new_id = Quotation.insert(**values).execute()
    lines = stored_lines(row.lines.order_by(QuotationLine.position), row.currency)
    if lines:
        QuotationLine.insert_many(line_rows(tuple(lines), "quotation", new_id)).execute()
    return new_id


def _shifted_validity(row: Quotation, day: date) -> date | None:
    """The copy is valid as long as the original was from its day."""
    if row.valid_until is None:
        return None
    return day + timedelta(days=max(0, (row.valid_until - row.issued_on).days))


def revise_quotation(quotation_id: int, clock: Clock) -> QuotationView:
    """v(n+1) of a quotation that was sent: a new draft row with the same number, its lines and terms copied and
    `previous` pointing at this one. The earlier versions stay; they become superseded when the new one is sent."""
    with database.atomic():
        row = _quotation(quotation_id)
        name = label_of(row.number, row.revision)
        if row.status == "draft":
            raise ValidationError("status", f"{name} is a draft: edit it instead of revising")
        if row.status == "ordered":
            raise ValidationError("status", f"{name} was ordered: duplicate it for a new quotation")
        newest = (Quotation.select().where(Quotation.number == row.number)
                  .order_by(Quotation.revision.desc()).first())
        if newest.id != row.id:
            raise ValidationError("revision", f"{label_of(newest.number, newest.revision)} is the newest version: "
                                              "revise that one")
        new_id = _copy(row, clock, number=row.number, revision=row.revision + 1, previous=row.id,
                       valid_until=_shifted_validity(row, today(clock)))
    return quotation_view(new_id)


def duplicate_quotation(quotation_id: int, customer_id: int, clock: Clock, *,
                        contact_id: int | None = None) -> QuotationView:
    """The same lines, prices and terms for another (or the same) customer, as a new draft with a new number."""
    row = _quotation(quotation_id)
    customer = check_customer(customer_id, contact_id)
    day = today(clock)
    with database.atomic():
        new_id = _copy(row, clock, number=next_number("quotation", day, customer.id), revision=1, previous=None,
                       customer=customer.id, contact=contact_id, valid_until=_shifted_validity(row, day))
    return quotation_view(new_id)


def set_quotation_status(quotation_id: int, status: str, clock: Clock) -> QuotationView:
    """accepted, rejected or expired, from where the quotation is (TRANSITIONS). Sending is mark_document_sent's
    (it puts the quotation on the timeline); ordered follows from a PI."""
    with database.atomic():
        row = _quotation(quotation_id)
        name = label_of(row.number, row.revision)
        if status not in TRANSITIONS:
            raise ValidationError("status", f'"{status}" is not one of {", ".join(TRANSITIONS)}')
        if status == row.status:
            return quotation_view(quotation_id)
        if status not in TRANSITIONS[row.status]:
            hint = {"sent": ": mark it sent with its PDF (quote send / mark_document_sent)",
                    "ordered": ": issue a PI from it and mark the PI ordered",
                    "superseded": ": a quotation is superseded when a newer version is sent"}.get(status, "")
            raise ValidationError("status", f"{name} is {row.status}; it cannot become {status}{hint}")
        Quotation.update(status=status, updated_at=clock.now()).where(Quotation.id == quotation_id).execute()
    return quotation_view(quotation_id)


def delete_quotation(quotation_id: int) -> None:
    """Delete a draft (with its lines). A quotation that was sent stays: it is what the buyer holds."""
    with database.atomic():
        row = _quotation(quotation_id)
        if row.status != "draft":
            raise ValidationError("status", f"{label_of(row.number, row.revision)} is {row.status}: only a draft "
                                            "is deleted")
        row.delete_instance()


def quotation_view(quotation_id: int) -> QuotationView:
    row = _quotation(quotation_id)
    lines = list(row.lines.order_by(QuotationLine.position))
    totals = totals_of(row.currency, stored_lines(lines, row.currency))
    newest = not Quotation.select().where(Quotation.number == row.number,
                                          Quotation.revision > row.revision).exists()
    proformas = tuple(p.id for p in ProformaInvoice.select(ProformaInvoice.id)
                      .where(ProformaInvoice.quotation == row.id).order_by(ProformaInvoice.id))
    return QuotationView(
        row.id, row.number, row.revision, label_of(row.number, row.revision), row.previous_id, row.customer_id,
        row.customer.name, row.contact_id, row.issued_on, row.valid_until, row.status, row.currency, row.incoterm,
        row.incoterm_place, row.payment_terms, row.lead_time, row.notes, round_money(row.total, row.currency),
        totals.margin,
        totals.margin_percent, tuple(line_view(line, row.currency) for line in lines), row.interaction_id, newest, proformas,
        row.created_at, row.updated_at)


def quotation_input(view: QuotationView) -> QuotationInput:
    """A stored quotation as the input that would write it again (the editor starts from it)."""
    return QuotationInput(
        view.customer_id, view.currency,
        tuple(LineInput(line.product_id, line.description, line.quantity, line.unit_price, line.discount_percent,
                        line.unit) for line in view.lines),
        view.contact_id, view.incoterm, view.incoterm_place, view.payment_terms, view.lead_time, view.valid_until,
        view.notes)


def list_quotations(customer_id: int | None = None, *, status: str | None = None,
                    limit: int = 500) -> list[QuotationSummary]:
    """Quotations newest first (every revision), of one customer or all."""
    query = Quotation.select().order_by(Quotation.issued_on.desc(), Quotation.id.desc()).limit(limit)
    if customer_id is not None:
        query = query.where(Quotation.customer == customer_id)
    if status is not None:
        query = query.where(Quotation.status == status)
    rows = list(query)
    names = customer_names({q.customer_id for q in rows})
    return [QuotationSummary(q.id, q.number, q.revision, label_of(q.number, q.revision), q.customer_id,
                             names.get(q.customer_id, ""), q.status, q.currency, round_money(q.total, q.currency),
                             q.issued_on, q.valid_until) for q in rows]


def customer_names(ids: set[int]) -> dict[int, str]:
    ids = sorted(ids)
    return {c.id: c.name for start in range(0, len(ids), 500)
            for c in Customer.select(Customer.id, Customer.name).where(Customer.id.in_(ids[start:start + 500]))}


def revisions(quotation_id: int) -> list[QuotationSummary]:
    """Every version of a quotation's number, v1 first."""
    row = _quotation(quotation_id)
    return sorted((s for s in list_quotations(row.customer_id) if s.number == row.number),
                  key=lambda s: s.revision)
