"""`make screenshots`: the quotation editor (quotation_editor_<suffix>.png) and page 1 of a rendered proforma
invoice (pi_page1_<suffix>.png), over the demo book with a small catalog, the seller's profile and, for
the mail customer, a quotation being edited and an accepted one with its PI, all written here through the
domain."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from trade_crm.domain.attachments.blobs import attachments_for
from trade_crm.domain.clock import today
from trade_crm.domain.customers.records import get_customer
from trade_crm.domain.quotes.catalog import save_product
from trade_crm.domain.quotes.document import BankDetails, SellerProfile
from trade_crm.domain.quotes.documents import proforma_document
from trade_crm.domain.quotes.pricing import LineInput
from trade_crm.domain.quotes.product_input import ProductInput
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
CATALOG = (  # sku, name, Chinese name, MOQ, cost, tiers, pcs/carton, carton L W H cm, N.W., G.W., HS code
    ("LP-6060-40W", "LED panel light 600×600 40W", "LED 面板灯 600×600 40W", 500, "8.20",
     ((500, "12.50"), (1000, "11.80"), (5000, "10.90")), 4, ("62", "62", "40"), "9.6", "11.2", "9405.42"),
    ("DL-R6-12W", "LED downlight round 6\" 12W", "LED 筒灯 6寸 12W", 1000, "2.35",
     ((1000, "3.60"), (5000, "3.35")), 40, ("52", "36", "30"), "8.4", "9.6", "9405.11"),
    ("BL-A60-9W", "LED bulb A60 9W E27", "LED 球泡灯 A60 9W", 3000, "0.58",
     ((3000, "0.92"), (10000, "0.86")), 100, ("58", "30", "26"), "5.9", "6.8", "8539.52"),
    ("TL-T8-18W", "LED tube T8 1.2 m 18W", "LED 灯管 T8 1.2米 18W", 1000, "1.45",
     ((1000, "2.10"),), 25, ("124", "22", "16"), "6.0", "7.1", "8539.52"),
    ("DR-40W-CC", "Constant-current driver 40W", "恒流驱动电源 40W", 0, None, (), 50, ("45", "32", "24"),
     "7.5", "8.3", "8504.40"),
)


def load_demo_catalog(clock) -> dict[str, int]:
    ids = {}
    for sku, name, zh, moq, cost, tiers, pcs, (length, width, height), net, gross, hs in CATALOG:
        ids[sku] = save_product(ProductInput(
            sku=sku, name=name, local_names={"zh": zh}, hs_code=hs, unit="pcs", moq=moq, currency="USD",
            cost=Decimal(cost) if cost else None, tiers=tiers, pcs_per_carton=pcs, carton_length_cm=length,
            carton_width_cm=width, carton_height_cm=height, carton_net_kg=net, carton_gross_kg=gross,
            tags=("led",)), clock).id
    return ids


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
