"""The quotation editor driven as a salesperson uses it, over a real book: a product picked by typing part of its
SKU, the tier price proposed for the quantity and the margin shown live; a typed price kept; a draft saved and
numbered; a domain error shown at its field with nothing saved; a sent quotation revised into v2."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.quotes.pricing import LineInput
from trade_crm.domain.quotes.quotations import (
    QuotationInput,
    create_quotation,
    list_quotations,
    quotation_view,
    revisions,
)
from trade_crm.domain.quotes.sent import mark_document_sent
from trade_crm.ui.quotes.quote_editor import QuotationDialog
from trade_crm.ui.quotes.quote_lines import AMOUNT, CHECK, PRICE, PRODUCT, PRODUCT_ID, QUANTITY


def editor(qtbot, clock, **kwargs) -> QuotationDialog:
    dialog = QuotationDialog(clock, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_cell(qtbot, dialog: QuotationDialog, row: int, column: int, text: str) -> None:
    """Type into a cell as a person does: the cell current, then the keys (any key starts the edit), then Enter."""
    table = dialog.lines
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClicks(table, text[0])  # opens the cell's editor with that key in it
    editor = next(w for w in table.findChildren(QLineEdit) if w.isVisible())
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on its next turn of the event loop
    qtbot.waitUntil(lambda: table.item(row, column).text() == text)


def pick_product(qtbot, dialog: QuotationDialog, row: int, typed: str) -> None:
    """Type part of a SKU or name into the Product cell and take the completer's first proposal."""
    table = dialog.lines
    table.setCurrentCell(row, PRODUCT)
    table.editItem(table.item(row, PRODUCT))
    edit = table.findChild(QLineEdit, "product_edit")
    qtbot.keyClicks(edit, typed)
    completer = edit.completer_
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    first = popup.visualRect(completer.completionModel().index(0, 0)).center()
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.waitUntil(lambda: table.item(row, PRODUCT).data(PRODUCT_ID) is not None)


@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing the keyboard")
def test_a_product_typed_by_sku_gets_its_tier_price_for_the_quantity_and_the_margin_shows(qtbot, clock, products,
                                                                                           buyer):
    dialog = editor(qtbot, clock, customer_id=buyer)
    pick_product(qtbot, dialog, 0, "LP-60")
    assert dialog.lines.item(0, PRODUCT).text() == "LP-6060-40W"
    assert "LED 面板灯" in dialog.lines.item(0, 1).text()
    type_cell(qtbot, dialog, 0, QUANTITY, "1200")
    qtbot.waitUntil(lambda: dialog.lines.item(0, AMOUNT).text() == "14,160.00")
    price = dialog.lines.item(0, PRICE)
    assert price.text() == "11.80" and price.font().italic()  # proposed: the 1000+ tier
    assert "14,160.00" in dialog.totals_label.text()
    assert "Margin USD 4,320.00 (30.5%)" in dialog.margin_label.text()  # 1200 × (11.80 − 8.20)


def test_a_typed_price_is_kept_and_the_amount_and_margin_follow(qtbot, clock, products, buyer):
    dialog = editor(qtbot, clock, customer_id=buyer)
    dialog.lines.choose_product(0, products["panel"])
    type_cell(qtbot, dialog, 0, QUANTITY, "1000")
    type_cell(qtbot, dialog, 0, PRICE, "11.50")
    qtbot.waitUntil(lambda: dialog.lines.item(0, AMOUNT).text() == "11,500.00")
    assert dialog.lines.item(0, PRICE).text() == "11.50" and not dialog.lines.item(0, PRICE).font().italic()
    assert "Margin USD 3,300.00" in dialog.margin_label.text()
    assert dialog.quotation_input().lines[0].unit_price == Decimal("11.50")


def test_below_moq_and_no_price_are_said_on_their_lines(qtbot, clock, products, buyer):
    dialog = editor(qtbot, clock, customer_id=buyer)
    dialog.lines.choose_product(0, products["panel"])
    type_cell(qtbot, dialog, 0, QUANTITY, "100")
    row = dialog.lines.add_line()
    dialog.lines.choose_product(row, products["driver"])
    dialog.update_totals()
    assert "MOQ" in dialog.lines.item(0, CHECK).text()
    assert "price" in dialog.lines.item(row, CHECK).text()


def test_save_draft_writes_the_quotation_with_its_number(qtbot, clock, products, buyer):
    dialog = editor(qtbot, clock, customer_id=buyer)
    dialog.lines.choose_product(0, products["panel"])
    type_cell(qtbot, dialog, 0, QUANTITY, "1200")
    dialog.place_edit.setText("Ningbo")
    with qtbot.waitSignal(dialog.quotation_saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    view = quotation_view(saved.args[0])
    assert view.number == "Q261123-1" and view.status == "draft"
    assert (view.incoterm, view.incoterm_place, view.total) == ("FOB", "Ningbo", Decimal("14160.00"))
    assert view.lines[0].unit_price == Decimal("11.80")
    assert "Q261123-1" in dialog.windowTitle()


def test_an_incoterm_without_its_place_is_shown_at_the_incoterm_and_nothing_is_saved(qtbot, clock, products, buyer):
    dialog = editor(qtbot, clock, customer_id=buyer)
    dialog.lines.choose_product(0, products["panel"])
    dialog.place_edit.setText("")
    assert dialog.save() is None
    shown = dialog.errors.shown()
    assert "incoterm" in shown or "incoterm_place" in shown, shown
    assert dialog.errors.labels["incoterm"].isVisible()
    assert list_quotations(buyer) == []


def test_a_quantity_that_is_not_a_number_is_shown_under_the_lines_with_its_cell_selected(qtbot, clock, products,
                                                                                         buyer):
    dialog = editor(qtbot, clock, customer_id=buyer)
    dialog.lines.choose_product(0, products["panel"])
    dialog.place_edit.setText("Ningbo")
    type_cell(qtbot, dialog, 0, QUANTITY, "twelve")
    assert dialog.save() is None
    assert "twelve" in dialog.errors.labels["lines"].text() and dialog.errors.labels["lines"].isVisible()
    assert (dialog.lines.currentRow(), dialog.lines.currentColumn()) == (0, QUANTITY)
    assert list_quotations(buyer) == []


def test_a_sent_quotation_is_read_only_and_revise_makes_v2_to_edit(qtbot, clock, products, buyer):
    view = create_quotation(QuotationInput(customer_id=buyer, currency="USD", incoterm="FOB", incoterm_place="Ningbo",
                                           lines=(LineInput(products["panel"], quantity=Decimal(1200)),)), clock)
    mark_document_sent("quotation", view.id, None, clock)
    dialog = editor(qtbot, clock, quotation_id=view.id)
    assert not dialog.save_button.isEnabled() and dialog.revise_button.isEnabled()
    assert not dialog.place_edit.isEnabled()
    qtbot.mouseClick(dialog.revise_button, Qt.MouseButton.LeftButton)
    assert dialog.view.revision == 2 and dialog.view.status == "draft"
    assert "Q261123-1 v2" in dialog.windowTitle()
    assert dialog.save_button.isEnabled() and dialog.place_edit.isEnabled()
    assert [q.revision for q in revisions(view.id)] == [1, 2]
    assert quotation_view(view.id).status == "sent"  # v1 stays as it was sent


def test_in_chinese_the_editor_its_warnings_and_the_margin_are_translated(qtbot, chinese, clock, products, buyer):
    dialog = editor(qtbot, clock, customer_id=buyer)
    dialog.lines.choose_product(0, products["panel"])
    type_cell(qtbot, dialog, 0, QUANTITY, "100")
    dialog.update_totals()
    assert dialog.save_button.text() == "保存草稿" and dialog.windowTitle() == "新建报价单"
    assert dialog.lines.item(0, CHECK).text() == "低于起订量 500 pcs"
    assert dialog.margin_label.text().count("利润 USD 430.00")  # 100 × (12.50 − 8.20)


def test_duplicate_for_another_customer_makes_a_new_numbered_draft_with_the_same_prices(qtbot, clock, products, buyer):
    other = create_customer(clock, name="Sahara Lighting Co.", country="EG")
    view = create_quotation(QuotationInput(customer_id=buyer, currency="USD", incoterm="FOB", incoterm_place="Ningbo",
                                           lines=(LineInput(products["panel"], quantity=Decimal(1200),
                                                            unit_price="11.50"),)), clock)
    dialog = editor(qtbot, clock, quotation_id=view.id)
    with qtbot.waitSignal(dialog.quotation_opened) as opened:
        dialog.duplicate_for(other)
    copy = quotation_view(opened.args[0])
    assert (copy.customer_id, copy.number, copy.status) == (other, "Q261123-2", "draft")
    assert copy.lines[0].unit_price == Decimal("11.50")
