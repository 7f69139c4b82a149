"""The PI dialog over a real book: from an accepted quotation the buyer and the lines come as quoted; a seller
profile without its bank stops the issue with the message and the button to the profile; issued, then ordered
makes the order, which the customer's timeline shows."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from trade_crm.domain.customers.timeline import timeline
from trade_crm.domain.quotes.pricing import LineInput
from trade_crm.domain.quotes.proforma import list_proformas, proforma_view
from trade_crm.domain.quotes.quotations import (
    QuotationInput,
    create_quotation,
    quotation_view,
    set_quotation_status,
)
from trade_crm.domain.quotes.sent import mark_document_sent
from trade_crm.ui.quotes.proforma_dialog import ProformaDialog
from trade_crm.ui.quotes.quote_lines import AMOUNT, QUANTITY


def accepted_quote(clock, products, buyer) -> int:
    view = create_quotation(QuotationInput(
        customer_id=buyer, currency="USD", incoterm="FOB", incoterm_place="Ningbo",
        lines=(LineInput(products["panel"], quantity=Decimal(1200)), LineInput(products["bulb"], quantity=500))),
        clock)
    mark_document_sent("quotation", view.id, None, clock)
    set_quotation_status(view.id, "accepted", clock)
    return view.id


def dialog_for(qtbot, clock, **kwargs) -> ProformaDialog:
    dialog = ProformaDialog(clock, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_pi_from_an_accepted_quotation_starts_with_the_buyer_lines_and_packing(qtbot, clock, products, buyer,
                                                                                seller):
    quote = accepted_quote(clock, products, buyer)
    dialog = dialog_for(qtbot, clock, quotation_id=quote)
    assert dialog.buyer_box.name_edit.text() == "Al Noor Trading LLC"
    assert "Ahmed Al-Farsi" in dialog.buyer_box.contact_edit.text()
    assert dialog.lines.rowCount() == 2 and dialog.lines.item(0, QUANTITY).text() == "1200"
    assert "305 cartons · 46.128 CBM" in dialog.packing_label.text()  # 1200 / 4 + 500 / 100; 300 × 0.15376
    assert not dialog.seller_bar.isVisible()


def test_a_missing_bank_field_is_said_with_a_button_to_the_seller_profile_and_nothing_is_issued(qtbot, clock, products,
                                                                                               buyer):
    quote = accepted_quote(clock, products, buyer)
    dialog = dialog_for(qtbot, clock, quotation_id=quote)
    assert dialog.seller_bar.isVisible()
    assert "beneficiary" in dialog.seller_label.text() or "company" in dialog.seller_label.text()
    assert dialog.issue() is None
    assert dialog.seller_bar.isVisible() and list_proformas(buyer) == []
    with qtbot.waitSignal(dialog.seller_profile_requested):
        qtbot.mouseClick(dialog.seller_button, Qt.MouseButton.LeftButton)


def test_issued_then_ordered_makes_the_order_on_the_customer_timeline(qtbot, clock, products, buyer, seller):
    quote = accepted_quote(clock, products, buyer)
    dialog = dialog_for(qtbot, clock, quotation_id=quote)
    dialog.loading_edit.setText("Ningbo, China")
    dialog.discharge_edit.setText("Jebel Ali, UAE")
    with qtbot.waitSignal(dialog.proforma_saved) as issued:
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    pi = proforma_view(issued.args[0])
    assert pi.status == "issued" and pi.number == "PI261123-1"
    assert (pi.port_of_loading, pi.port_of_discharge) == ("Ningbo, China", "Jebel Ali, UAE")
    assert pi.total == Decimal("14635.00")  # 1200 × 11.80 + 500 × 0.95
    assert dialog.issue_button.isHidden() and dialog.ordered_button.isEnabled()
    assert dialog.lines.item(0, AMOUNT).text() == "14,160.00"
    qtbot.mouseClick(dialog.ordered_button, Qt.MouseButton.LeftButton)
    assert proforma_view(pi.id).status == "ordered" and proforma_view(pi.id).order_id is not None
    assert quotation_view(quote).status == "ordered"
    orders = [e for e in timeline(buyer) if e.kind == "order"]
    assert len(orders) == 1 and "PI261123-1" in orders[0].summary
    assert "order" in dialog.status_label.text().lower()
