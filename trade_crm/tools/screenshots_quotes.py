"""`make screenshots`: the quotation editor (quotation_editor_<suffix>.png) and page 1 of a rendered proforma
invoice (pi_page1_<suffix>.png), over the demo book with a small catalog, the seller's profile and, for
the mail customer, a quotation being edited and an accepted one with its PI, all written here through the
domain."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from trade_crm.demo.quotes import load_demo_catalog
from trade_crm.domain.attachments.blobs import attachments_for
from trade_crm.domain.clock import today
from trade_crm.domain.customers.records import get_customer
from trade_crm.domain.quotes.document import BankDetails, SellerProfile
from trade_crm.domain.quotes.documents import proforma_document
from trade_crm.domain.quotes.pricing import LineInput
from trade_crm.domain.quotes.proforma import ProformaInput, proforma_from_quotation
from trade_crm.domain.quotes.quotations import QuotationInput, create_quotation, set_quotation_status
from trade_crm.domain.quotes.seller import save_seller_profile
from trade_crm.domain.quotes.sent import mark_document_sent
from trade_crm.exchange.documents.pdf import render_pdf
from trade_crm.exchange.documents.preview import page_png
from trade_crm.ui.common.i18n import install_translator, remove_translators
from trade_crm.ui.quotes.quote_editor import QuotationDialog
from trade_crm.ui.quotes.quote_lines import PRICE, QUANTITY

EDITOR_SIZE = (1280, 720)
def load_demo_quotes(clock, db_path: Path, customer_id: int) -> tuple[int, int]:
    """A draft quotation to show in the editor, and an accepted one with its PI issued: (draft id, PI id)."""
    products = load_demo_catalog(clock)
    save_seller_profile(SellerProfile(
        company="Ningbo Sunrise Lighting Co., Ltd.", company_local="宁波日出照明有限公司",
        address="88 Jiangnan Road, Hi-Tech Zone\nNingbo 315000, Zhejiang, China", phone="+86 574 8888 1234",
        email="sales@sunrise-light.cn", website="www.sunrise-light.cn",
        bank=BankDetails(beneficiary="Ningbo Sunrise Lighting Co., Ltd.", bank_name="Bank of China, Ningbo Branch",
                         bank_address="139 Yaohang Street, Ningbo, China", swift="BKCHCNBJ92A",
                         account="3581 2345 6789 0012")), attachments_for(db_path))
    contacts = get_customer(customer_id).contacts
    terms = {"customer_id": customer_id, "contact_id": contacts[0].id if contacts else None, "currency": "USD",
             "incoterm": "FOB", "incoterm_place": "Ningbo", "valid_until": today(clock) + timedelta(days=30),
             "payment_terms": "T/T 30% deposit, 70% before shipment", "lead_time": "30 days after deposit"}
    accepted = create_quotation(QuotationInput(**terms, lines=(
        LineInput(products["LP-6060-40W"], quantity=1200), LineInput(products["DL-R6-12W"], quantity=4000),
        LineInput(products["TL-T8-18W"], quantity=2000, discount_percent=Decimal(3)))), clock)
    mark_document_sent("quotation", accepted.id, None, clock)
    set_quotation_status(accepted.id, "accepted", clock)
    pi = proforma_from_quotation(accepted.id, ProformaInput(port_of_loading="Ningbo, China",
                                                            port_of_discharge="Jebel Ali, UAE"), clock)
    draft = create_quotation(QuotationInput(**terms, lines=(
        LineInput(products["LP-6060-40W"], quantity=800), LineInput(products["BL-A60-9W"], quantity=2000),
        LineInput(products["DL-R6-12W"], quantity=6000, unit_price="3.30"),
        LineInput(products["DR-40W-CC"], quantity=200, unit_price="4.80"),
        LineInput(None, "Sample freight by courier", quantity=1, unit_price="85.00", unit="lot"))), clock)
    return draft.id, pi.id


def shoot_quotes(app, out: Path, db_path: Path, clock, language: str, suffix: str, draft_id: int,
                 proforma_id: int) -> list[Path]:
    translators = install_translator(app, language)
    editor = QuotationDialog(clock, quotation_id=draft_id)
    editor.resize(*EDITOR_SIZE)
    editor.show()
    for _ in range(5):
        app.processEvents()
    editor.lines.item(0, PRICE).setText("")  # line 1's price cleared: the tier price for 1200 comes back, proposed
    editor.lines.item(0, QUANTITY).setText("1200")
    editor.update_totals()
    for _ in range(5):
        app.processEvents()
    shots = [out / f"quotation_editor_{suffix}.png"]
    editor.grab().save(str(shots[0]))
    editor.close()
    editor.deleteLater()
    app.processEvents()
    remove_translators(app, translators)
    document = proforma_document(proforma_id, "zh" if suffix == "zh" else "en", attachments_for(db_path))
    pdf = render_pdf(document, db_path.with_name(f"proforma_{suffix}.pdf"))
    shots.append(page_png(pdf, 1, out / f"pi_page1_{suffix}.png", dpi=90))
    return shots
