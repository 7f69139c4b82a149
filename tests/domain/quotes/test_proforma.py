"""Proforma invoices: the seller's bank checked, the packing summed, ordered into an Order; the documents built."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tests.domain.quotes.quote_book import SELLER, customer, product, seller
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.quotes.document import Party, SellerProfile
from trade_crm.domain.quotes.documents import proforma_document, quotation_document
from trade_crm.domain.quotes.pricing import LineInput, draft_totals
from trade_crm.domain.quotes.proforma import (
    ProformaInput,
    packing_summary,
    proforma_defaults,
    proforma_from_quotation,
    proforma_input,
    set_proforma_status,
    update_proforma,
)
from trade_crm.domain.quotes.quotations import (
    QuotationInput,
    create_quotation,
    quotation_view,
    revise_quotation,
    set_quotation_status,
)
from trade_crm.domain.quotes.seller import check_iban, check_swift, read_seller_profile, save_seller_profile
from trade_crm.domain.quotes.sent import mark_document_sent
from trade_crm.store.models import Customer, Order, ProformaInvoice


def accepted(clock, cid, lines, currency="USD", **fields):
    view = create_quotation(QuotationInput(cid, currency, lines, incoterm="FOB", incoterm_place="Ningbo",
                                           payment_terms="T/T 30% deposit, 70% before shipment", **fields), clock)
    mark_document_sent("quotation", view.id, None, clock)
    return set_quotation_status(view.id, "accepted", clock)


def test_a_pi_refuses_to_issue_while_a_bank_field_is_missing_and_names_it(db, clock):
    cid = customer(clock)
    view = accepted(clock, cid, (LineInput(None, "LED panel", 10, "12.50"),))
    with pytest.raises(ValidationError) as error:
        proforma_from_quotation(view.id, ProformaInput(), clock)
    assert error.value.field == "seller.company"
    seller(swift="")
    with pytest.raises(ValidationError) as error:
        proforma_from_quotation(view.id, ProformaInput(), clock)
    assert error.value.field == "seller.bank.swift" and "SWIFT/BIC is missing" in error.value.message
    seller(account="", iban="")
    with pytest.raises(ValidationError) as error:
        proforma_from_quotation(view.id, ProformaInput(), clock)
    assert error.value.field == "seller.bank.account"
    seller(beneficiary="")
    with pytest.raises(ValidationError) as error:
        proforma_from_quotation(view.id, ProformaInput(), clock)
    assert error.value.field == "seller.bank.beneficiary"
    assert ProformaInvoice.select().count() == 0
    seller(account="", iban="DE89 3704 0044 0532 0130 00")
    assert proforma_from_quotation(view.id, ProformaInput(), clock).seller.bank.iban == "DE89 3704 0044 0532 0130 00"


def test_a_bad_iban_or_swift_is_refused_when_the_profile_is_saved(db):
    with pytest.raises(ValidationError) as error:
        seller(iban="DE89 3704 0044 0532 0130 01")
    assert error.value.field == "bank.iban" and "check digits" in error.value.message
    with pytest.raises(ValidationError) as error:
        seller(swift="BKCH-CN")
    assert error.value.field == "bank.swift"
    with pytest.raises(ValidationError) as error:
        check_swift("BKCHQQBJ")
    assert "QQ is not a country code" in error.value.message
    assert check_swift("bkch cn bj 92a") == "BKCHCNBJ92A" and check_iban("gb82west12345698765432") == (
        "GB82 WEST 1234 5698 7654 32")
    assert read_seller_profile() == SellerProfile()  # nothing was kept


def test_seller_images_are_kept_in_the_blob_store_and_read_back_as_paths(db, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n logo")
    saved = save_seller_profile(SELLER.__class__(**{**SELLER.__dict__, "logo": logo}), tmp_path / "attachments")
    assert saved.logo is not None and saved.logo.read_bytes() == logo.read_bytes() and saved.logo != logo
    assert read_seller_profile(tmp_path / "attachments").logo == saved.logo and read_seller_profile().logo is None
    again = save_seller_profile(saved, tmp_path / "attachments")  # unchanged images are kept as they are
    assert again.logo == saved.logo and again.company == SELLER.company


def test_packing_is_summed_from_the_lines_with_cartons_rounded_up(db, clock):
    seller()
    panel = product(clock, "LP-600", "LED panel", tiers=(("0", "12.50"),), pcs=4, cbm="0.052", nw="9.6", gw="11.2")
    tube = product(clock, "T8-120", "T8 tube 120cm", tiers=(("0", "1.80"),), pcs=25, cbm="0.031500", nw="4.5",
                   gw="5.25")
    cid = customer(clock)
    view = accepted(clock, cid, (LineInput(panel, quantity=600), LineInput(tube, quantity=1010),
                                 LineInput(None, "Mould fee", 1, "350")))
    pi = proforma_from_quotation(view.id, ProformaInput(port_of_loading="Ningbo", port_of_discharge="Jebel Ali"),
                                 clock)
    # 600 / 4 = 150 cartons; 1010 / 25 = 40.4 → 41 cartons
    assert [(p.position, p.cartons) for p in pi.line_packing] == [(1, Decimal(150)), (2, Decimal(41))]
    assert pi.packing.cartons == Decimal(191)
    assert pi.packing.cbm == Decimal("150") * Decimal("0.052") + Decimal("41") * Decimal("0.0315")  # 9.0915
    assert pi.packing.net_kg == Decimal("1440") + Decimal("184.5")
    assert pi.packing.gross_kg == Decimal("1680") + Decimal("215.25")
    assert pi.total == Decimal("7500.00") + Decimal("1818.00") + Decimal("350.00")
    assert (pi.port_of_loading, pi.port_of_discharge, pi.incoterm) == ("Ningbo", "Jebel Ali", "FOB")
    document = proforma_document(pi.id, "en")
    assert document.packing == pi.packing and document.lines[1].cartons == Decimal(41)
    assert document.lines[2].cartons is None


def test_buyer_and_consignee_come_from_the_customer_unless_given(db, clock):
    seller()
    cid = customer(clock, address="Office 12, Al Fahidi St", city="Dubai", country="AE")
    view = accepted(clock, cid, (LineInput(None, "LED panel", 10, "12.50"),))
    pi = proforma_from_quotation(view.id, ProformaInput(), clock)
    assert pi.buyer == Party("Al Noor Trading LLC", "Office 12, Al Fahidi St\nDubai, United Arab Emirates",
                             "Ahmed Al-Farsi", "+971 4 123 4567", "ahmed@alnoor.ae")
    assert pi.consignee == pi.buyer and pi.payment_terms == "T/T 30% deposit, 70% before shipment"
    forwarder = Party("Gulf Freight FZE", "Jebel Ali Free Zone")
    edited = update_proforma(pi.id, ProformaInput(consignee=forwarder, lines=(
        LineInput(None, "LED panel", 12, "12.00"),), payment_terms="L/C at sight"), clock)
    assert edited.consignee == forwarder and edited.total == Decimal("144.00")
    assert edited.payment_terms == "L/C at sight"
    with pytest.raises(ValidationError) as error:
        update_proforma(pi.id, ProformaInput(buyer=Party("  ")), clock)
    assert error.value.field == "buyer.name"


def test_a_pi_needs_an_accepted_quotation(db, clock):
    seller()
    cid = customer(clock)
    view = create_quotation(QuotationInput(cid, "USD", (LineInput(None, "Fee", 1, "10"),)), clock)
    with pytest.raises(ValidationError) as error:
        proforma_from_quotation(view.id, ProformaInput(), clock)
    assert error.value.field == "status" and "accepted" in error.value.message


def issued(clock, lines, currency):
    """A PI issued from an accepted quotation of a new customer (the seller's profile saved): (customer, quotation,
    PI)."""
    seller()
    cid = customer(clock)
    view = accepted(clock, cid, lines, currency=currency)
    return cid, view, proforma_from_quotation(view.id, ProformaInput(), clock)


def test_an_ordered_pi_becomes_the_customers_order_with_its_amount_on_both_engines(book, clock):
    cid, view, pi = issued(clock, (LineInput(None, "LED panel", 600, "11.90"), LineInput(None, "Mould", 1, "350")),
                           "EUR")
    assert pi.number == "PI261123-1" and pi.status == "issued" and pi.order_id is None
    with pytest.raises(ValidationError) as error:
        set_proforma_status(pi.id, "sent", clock)
    assert "mark it sent" in error.value.message
    ordered = set_proforma_status(pi.id, "ordered", clock)
    order = Order.get_by_id(ordered.order_id)
    assert (order.customer_id, order.amount, order.currency, order.reference, order.ordered_on) == (
        cid, Decimal("7490.00"), "EUR", pi.number, date(2026, 11, 23))
    assert quotation_view(view.id).status == "ordered" and Customer.get_by_id(cid).lifecycle == "new"
    with pytest.raises(ValidationError):
        set_proforma_status(pi.id, "cancelled", clock)
    with pytest.raises(ValidationError) as error:
        revise_quotation(view.id, clock)
    assert "ordered" in error.value.message
    assert Order.select().count() == 1


def test_an_ordered_pi_in_dinars_records_its_order_to_the_last_fils_on_both_engines(book, clock):
    """KWD has 3 decimals: the order keeps the PI's total as the buyer's bank pays it (it kept 2)."""
    _cid, _view, pi = issued(clock, (LineInput(None, "Sample set", 3, "1.2345"), LineInput(None, "Mould", 1, "350")),
                             "KWD")
    order = Order.get_by_id(set_proforma_status(pi.id, "ordered", clock).order_id)
    assert (order.amount, order.currency) == (Decimal("353.704"), "KWD")


def test_the_documents_show_the_revision_and_the_names_in_the_buyers_language(db, clock):
    seller()
    panel = product(clock, "LP-600", "LED panel 600x600", tiers=(("0", "12.50"),),
                    names={"zh": "LED 面板灯", "ar": "لوحة LED"})
    cid = customer(clock, preferred_language="ar")
    view = accepted(clock, cid, (LineInput(panel, quantity=100), LineInput(None, "Mould fee", 1, "350")),
                    valid_until=date(2026, 12, 23))
    v2 = revise_quotation(view.id, clock)
    en = quotation_document(v2.id, "en")
    assert en.number == f"{view.number} v2" and en.kind == "quotation" and en.valid_until == date(2026, 12, 23)
    assert [line.description for line in en.lines] == ["LED panel 600x600 / لوحة LED", "Mould fee"]
    assert [(str(line.quantity), str(line.unit_price)) for line in en.lines] == [("100", "12.50"), ("1", "350.00")]
    assert en.seller.company == SELLER.company and en.buyer.name == "Al Noor Trading LLC"
    zh = quotation_document(v2.id, "zh")
    assert [line.description for line in zh.lines] == ["LED 面板灯 / LED panel 600x600", "Mould fee"]
    assert en.total == Decimal("1600.00") and (en.incoterm, en.incoterm_place) == ("FOB", "Ningbo")
    pi = proforma_from_quotation(view.id, ProformaInput(), clock)
    seller(swift="DEUTDEFF")  # a later change of bank does not rewrite the issued PI
    document = proforma_document(pi.id, "zh")
    assert document.kind == "proforma" and document.number == pi.number and document.language == "zh"
    assert document.seller.bank.swift == "BKCHCNBJ92A" and document.consignee == pi.consignee
    with pytest.raises(ValidationError) as error:
        quotation_document(v2.id, "fr")
    assert error.value.field == "language"


def test_the_pi_dialog_starts_from_the_quotation_and_an_issued_pi_reads_back_as_its_input(db, clock):
    seller()
    panel = product(clock, "LP-600", "LED panel", tiers=(("0", "12.50"),), pcs=4, cbm="0.052")
    cid = customer(clock)
    view = accepted(clock, cid, (LineInput(panel, quantity=600, discount_percent="2"),
                                 LineInput(None, "Mould fee", 1, "350")))
    defaults = proforma_defaults(view.id)
    assert defaults.buyer == defaults.consignee and defaults.buyer.name == "Al Noor Trading LLC"
    assert [(line.product_id, line.quantity, line.unit_price, line.discount_percent) for line in defaults.lines] == [
        (panel, Decimal(600), Decimal("12.5"), Decimal(2)), (None, Decimal(1), Decimal(350), Decimal(0))]
    assert defaults.payment_terms == "T/T 30% deposit, 70% before shipment"
    preview = draft_totals(QuotationInput(cid, view.currency, defaults.lines))  # the dialog's figures before issue
    packing, packed = packing_summary(preview.lines)
    assert (packing.cartons, packing.cbm, len(packed)) == (Decimal(150), Decimal("7.8"), 1)
    pi = proforma_from_quotation(view.id, defaults, clock)
    assert pi.total == preview.total == Decimal("7700.00")
    again = update_proforma(pi.id, proforma_input(pi), clock)
    assert (again.total, again.lines, again.buyer) == (pi.total, pi.lines, pi.buyer)
