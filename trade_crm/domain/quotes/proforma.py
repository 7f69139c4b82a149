"""Proforma invoices: issued from an accepted quotation with the seller's bank (a snapshot: a later change of bank
does not rewrite an issued PI), the buyer and consignee, the ports and the packing summary; marked ordered, a PI
becomes the customer's Order (its amount, in its currency, referenced by the PI's number) in the same
transaction, and its quotation becomes ordered.

States: issued → sent (domain/quotes/sent.py) → ordered; issued or sent → cancelled.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date, datetime
from decimal import ROUND_CEILING, Decimal

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.customers.orders import record_order
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.quotes.document import PackingSummary, Party, SellerProfile
from trade_crm.domain.quotes.money import round_money
from trade_crm.domain.quotes.numbering import next_number
from trade_crm.domain.quotes.pricing import LineInput, price_lines, totals_of
from trade_crm.domain.quotes.quotations import (
    DocumentLineView,
    customer_names,
    label_of,
    line_rows,
    line_view,
    stored_lines,
)
from trade_crm.domain.quotes.seller import check_bank_complete, profile_from, stored_profile
from trade_crm.domain.text import clean_block, clean_line
from trade_crm.domain.world.countries import country_name
from trade_crm.store.models import (
    Contact,
    ContactChannel,
    Customer,
    ProformaInvoice,
    ProformaLine,
    Quotation,
    QuotationLine,
    database,
)

TRANSITIONS = {"issued": ("cancelled", "ordered"), "sent": ("cancelled", "ordered"), "ordered": (), "cancelled": ()}
PARTY_FIELDS = ("name", "address", "contact", "phone", "email", "tax_id")


@dataclass(frozen=True)
class ProformaInput:
    """What a PI adds to its quotation. None: take it from the quotation (terms, lines) or the customer (buyer);
    the consignee is the buyer unless given."""

    buyer: Party | None = None
    consignee: Party | None = None
    port_of_loading: str = ""
    port_of_discharge: str = ""
    payment_terms: str | None = None
    lead_time: str | None = None
    notes: str | None = None
    lines: tuple[LineInput, ...] | None = None  # the lines as edited before issue; None: the quotation's


@dataclass(frozen=True)
class LinePacking:
    position: int
    cartons: Decimal
    cbm: Decimal
    net_kg: Decimal
    gross_kg: Decimal


@dataclass(frozen=True)
class ProformaView:
    id: int
    number: str
    quotation_id: int | None
    quotation_label: str
    customer_id: int
    customer_name: str
    contact_id: int | None
    issued_on: date
    status: str
    seller: SellerProfile  # the snapshot, without image paths
    buyer: Party
    consignee: Party
    port_of_loading: str
    port_of_discharge: str
    currency: str
    incoterm: str
    incoterm_place: str
    payment_terms: str
    lead_time: str
    notes: str
    total: Decimal
    lines: tuple[DocumentLineView, ...]
    packing: PackingSummary
    line_packing: tuple[LinePacking, ...]  # the lines with packing data
    order_id: int | None
    interaction_id: int | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class ProformaSummary:
    id: int
    number: str
    customer_id: int
    customer_name: str
    status: str
    currency: str
    total: Decimal
    issued_on: date
    quotation_id: int | None


def line_packing(line) -> LinePacking | None:
    """Cartons = quantity / pieces per carton, rounded up; CBM and weights per carton times cartons."""
    if not line.pcs_per_carton or line.pcs_per_carton <= 0:
        return None
    cartons = (line.quantity / Decimal(line.pcs_per_carton)).to_integral_value(rounding=ROUND_CEILING)
    zero = Decimal(0)
    return LinePacking(line.position, cartons, cartons * (line.carton_cbm or zero),
                       cartons * (line.carton_net_kg or zero), cartons * (line.carton_gross_kg or zero))


def packing_summary(lines) -> tuple[PackingSummary, tuple[LinePacking, ...]]:
    packed = tuple(p for p in (line_packing(line) for line in lines) if p is not None)
    total = PackingSummary(sum((p.cartons for p in packed), Decimal(0)), sum((p.cbm for p in packed), Decimal(0)),
                           sum((p.net_kg for p in packed), Decimal(0)), sum((p.gross_kg for p in packed), Decimal(0)))
    return total, packed


def customer_party(customer_id: int, contact_id: int | None = None) -> Party:
    """The buyer as printed from the customer: name, address block, the contact (given, else the primary one)
    and their first email and phone."""
    customer = Customer.get_or_none(Customer.id == customer_id)
    if customer is None:
        raise NotFoundError("customer", customer_id)
    contact = Contact.get_or_none(Contact.id == contact_id) if contact_id is not None else (
        Contact.select().where(Contact.customer == customer_id)
        .order_by(Contact.is_primary.desc(), Contact.id).first())
    email = phone = ""
    if contact is not None:
        channels = list(ContactChannel.select().where(ContactChannel.contact == contact.id)
                        .order_by(ContactChannel.position, ContactChannel.id))
        email = next((c.value for c in channels if c.kind == "email"), "")
        phone = next((c.raw or c.value for c in channels if c.kind == "phone"), "")
    place = ", ".join(part for part in (customer.city, country_name(customer.country) if customer.country else "")
                      if part)
    address = "\n".join(part for part in (customer.address, place) if part)
    return Party(customer.name, address, contact.name if contact is not None else "", phone, email)


def clean_party(party: Party, field: str) -> Party:
    values = {name: clean_line(getattr(party, name)) for name in PARTY_FIELDS}
    values["address"] = clean_block(party.address)
    if not values["name"]:
        raise ValidationError(f"{field}.name", "a name is needed")
    return Party(**values)


def party_from(text: str) -> Party:
    try:
        data = json.loads(text or "{}")
    except ValueError:
        data = {"name": text}
    data = data if isinstance(data, dict) else {}
    return Party(**{name: str(data.get(name) or "") for name in PARTY_FIELDS})


def _proforma(proforma_id: int) -> ProformaInvoice:
    row = ProformaInvoice.get_or_none(ProformaInvoice.id == proforma_id)
    if row is None:
        raise NotFoundError("proforma invoice", proforma_id)
    return row


def _parts(data: ProformaInput, quotation: Quotation, customer_id: int, contact_id: int | None) -> dict:
    buyer = clean_party(data.buyer, "buyer") if data.buyer is not None else customer_party(customer_id, contact_id)
    consignee = clean_party(data.consignee, "consignee") if data.consignee is not None else buyer
    return {"buyer": json.dumps(asdict(buyer), ensure_ascii=False),
            "consignee": json.dumps(asdict(consignee), ensure_ascii=False),
            "port_of_loading": clean_line(data.port_of_loading), "port_of_discharge": clean_line(data.port_of_discharge),
            "payment_terms": clean_line(data.payment_terms) if data.payment_terms is not None
            else quotation.payment_terms,
            "lead_time": clean_line(data.lead_time) if data.lead_time is not None else quotation.lead_time,
            "notes": clean_block(data.notes) if data.notes is not None else quotation.notes}


def _priced(data: ProformaInput, quotation: Quotation):
    if data.lines is not None:
        if not data.lines:
            raise ValidationError("lines", "a proforma invoice needs at least one line")
        return price_lines(quotation.currency, data.lines, strict=True)
    return totals_of(quotation.currency, stored_lines(quotation.lines.order_by(QuotationLine.position),
                                                      quotation.currency))


def proforma_from_quotation(quotation_id: int, data: ProformaInput, clock: Clock) -> ProformaView:
    """Issue a PI from an accepted quotation, with the next PI number. Refused while the seller profile lacks a
    bank field (the message names it: bank.swift, …) or the quotation is not accepted."""
    quotation = Quotation.get_or_none(Quotation.id == quotation_id)
    if quotation is None:
        raise NotFoundError("quotation", quotation_id)
    if quotation.status != "accepted":
        raise ValidationError("status", f"{label_of(quotation.number, quotation.revision)} is {quotation.status}: "
                                        "a PI is issued from an accepted quotation")
    seller = stored_profile()
    profile = profile_from(seller, None)
    if not profile.company.strip():
        raise ValidationError("seller.company", "the seller profile has no company name")
    check_bank_complete(profile.bank, "seller.bank.")
    parts = _parts(data, quotation, quotation.customer_id, quotation.contact_id)
    priced = _priced(data, quotation)
    day, now = today(clock), clock.now()
    with database.atomic():
        proforma_id = ProformaInvoice.insert(
            number=next_number("proforma", day, quotation.customer_id), quotation=quotation.id,
            customer=quotation.customer_id, contact=quotation.contact_id, issued_on=day, status="issued",
            seller=json.dumps(seller, ensure_ascii=False), currency=quotation.currency, incoterm=quotation.incoterm,
            incoterm_place=quotation.incoterm_place, total=priced.total, created_at=now, updated_at=now,
            **parts).execute()
        ProformaLine.insert_many(line_rows(priced.lines, "proforma", proforma_id)).execute()
    return proforma_view(proforma_id)


def update_proforma(proforma_id: int, data: ProformaInput, clock: Clock) -> ProformaView:
    """Change a PI before it is sent (parties, ports, terms, lines); a sent PI is what the bank has."""
    row = _proforma(proforma_id)
    if row.status != "issued":
        raise ValidationError("status", f"{row.number} is {row.status}: only a PI not yet sent is changed")
    quotation = row.quotation if row.quotation_id is not None else None
    if quotation is None:
        raise ValidationError("quotation", f"{row.number} has no quotation to take its terms from")
    parts = _parts(data, quotation, row.customer_id, row.contact_id)
    if data.lines is None:
        priced = totals_of(row.currency, stored_lines(row.lines.order_by(ProformaLine.position), row.currency))
    else:
        priced = _priced(data, quotation)
    with database.atomic():
        ProformaInvoice.update(total=priced.total, updated_at=clock.now(), **parts).where(
            ProformaInvoice.id == proforma_id).execute()
        if data.lines is not None:
            ProformaLine.delete().where(ProformaLine.proforma == proforma_id).execute()
            ProformaLine.insert_many(line_rows(priced.lines, "proforma", proforma_id)).execute()
    return proforma_view(proforma_id)


def set_proforma_status(proforma_id: int, status: str, clock: Clock) -> ProformaView:
    """ordered: the Order is written (the PI's total in its currency, reference = the PI's number, ordered on
    today) and the quotation becomes ordered, in one transaction; cancelled: the PI stays, marked."""
    with database.atomic():
        row = _proforma(proforma_id)
        if status not in TRANSITIONS:
            raise ValidationError("status", f'"{status}" is not one of {", ".join(TRANSITIONS)}')
        if status == row.status:
            return proforma_view(proforma_id)
        if status not in TRANSITIONS[row.status]:
            hint = ": mark it sent with its PDF (pi send / mark_document_sent)" if status == "sent" else ""
            raise ValidationError("status", f"{row.number} is {row.status}; it cannot become {status}{hint}")
        changes = {"status": status, "updated_at": clock.now()}
        if status == "ordered":
            changes["order"] = record_order(row.customer_id, today(clock), round_money(row.total, row.currency),
                                            row.currency, clock, reference=row.number,
                                            notes=f"From proforma invoice {row.number}")
            if row.quotation_id is not None:
                Quotation.update(status="ordered", updated_at=clock.now()).where(
                    Quotation.id == row.quotation_id).execute()
        ProformaInvoice.update(**changes).where(ProformaInvoice.id == proforma_id).execute()
    return proforma_view(proforma_id)


def proforma_view(proforma_id: int) -> ProformaView:
    row = _proforma(proforma_id)
    lines = list(row.lines.order_by(ProformaLine.position))
    packing, packed = packing_summary(lines)
    try:
        seller = json.loads(row.seller or "{}")
    except ValueError:
        seller = {}
    quotation = row.quotation if row.quotation_id is not None else None
    return ProformaView(
        row.id, row.number, row.quotation_id, label_of(quotation.number, quotation.revision) if quotation else "",
        row.customer_id, row.customer.name, row.contact_id, row.issued_on, row.status,
        profile_from(seller if isinstance(seller, dict) else {}, None), party_from(row.buyer),
        party_from(row.consignee), row.port_of_loading, row.port_of_discharge, row.currency, row.incoterm,
        row.incoterm_place, row.payment_terms, row.lead_time, row.notes, round_money(row.total, row.currency),
        tuple(line_view(line, row.currency) for line in lines), packing, packed, row.order_id, row.interaction_id,
        row.created_at, row.updated_at)


def list_proformas(customer_id: int | None = None, *, limit: int = 500) -> list[ProformaSummary]:
    query = (ProformaInvoice.select().order_by(ProformaInvoice.issued_on.desc(), ProformaInvoice.id.desc())
             .limit(limit))
    if customer_id is not None:
        query = query.where(ProformaInvoice.customer == customer_id)
    rows = list(query)
    names = customer_names({p.customer_id for p in rows})
    return [ProformaSummary(p.id, p.number, p.customer_id, names.get(p.customer_id, ""), p.status, p.currency,
                            round_money(p.total, p.currency), p.issued_on, p.quotation_id) for p in rows]


def proforma_defaults(quotation_id: int) -> ProformaInput:
    """What a new PI from this quotation starts with (the PI dialog before issue): the customer as buyer and
    consignee, the quotation's terms and its lines as quoted, each as a LineInput to edit."""
    quotation = Quotation.get_or_none(Quotation.id == quotation_id)
    if quotation is None:
        raise NotFoundError("quotation", quotation_id)
    buyer = customer_party(quotation.customer_id, quotation.contact_id)
    lines = tuple(LineInput(line.product_id, line.description, line.quantity, line.unit_price,
                            line.discount_percent, line.unit)
                  for line in quotation.lines.order_by(QuotationLine.position))
    return ProformaInput(buyer, buyer, "", "", quotation.payment_terms, quotation.lead_time, quotation.notes, lines)


def proforma_input(view: ProformaView) -> ProformaInput:
    """An issued PI as the input that would write it again (update_proforma while it is not sent)."""
    lines = tuple(LineInput(line.product_id, line.description, line.quantity, line.unit_price,
                            line.discount_percent, line.unit) for line in view.lines)
    return ProformaInput(view.buyer, view.consignee, view.port_of_loading, view.port_of_discharge,
                         view.payment_terms, view.lead_time, view.notes, lines)
