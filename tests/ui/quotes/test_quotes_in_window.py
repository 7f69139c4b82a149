"""The quotes in the main window: the Quotes menu, the customer page's Quotes tab listing quotations and PIs with
their version, total and status, double-click opening the editor, the tab's New quotation; the windows are
imported only when first opened."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from trade_crm.app import build_main_window
from trade_crm.domain.attachments.records import attachments_of
from trade_crm.domain.clock import FixedClock
from trade_crm.domain.customers.timeline import timeline
from trade_crm.domain.quotes.pricing import LineInput
from trade_crm.domain.quotes.quotations import QuotationInput, create_quotation, revise_quotation
from trade_crm.domain.quotes.sent import mark_document_sent
from trade_crm.ui.quotes.customer_quotes import NUMBER, STATUS, TOTAL, VERSION
from trade_crm.ui.quotes.quote_editor import QuotationDialog


@pytest.fixture
def window(qtbot, db_path, clock, settings, products, buyer):
    window = build_main_window(clock, db_path, settings, with_demo=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.customer_list.select_row(0)
    return window


def quotes_tab(window):
    pages = window.timeline.pages
    pane = window.quotes_controller.pane
    pages.setCurrentWidget(pane)
    return pages, pane


def test_the_quotes_menu_sits_before_help_with_products_new_quotation_and_the_seller_profile(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Quotes") == len(titles) - 2 and titles[-1] == "&Help"
    controller = window.quotes_controller
    assert [a.text() for a in controller.menu.actions() if a.text()] == ["&Products…", "New &quotation…",
                                                                          "&Seller profile…"]


def test_the_quotes_tab_lists_each_version_with_total_and_status_and_opens_one_by_double_click(qtbot, window, clock,
                                                                                               products, buyer):
    first = create_quotation(QuotationInput(customer_id=buyer, currency="USD", incoterm="FOB", incoterm_place="Ningbo",
                                            lines=(LineInput(products["panel"], quantity=Decimal(1200)),)), clock)
    mark_document_sent("quotation", first.id, None, clock)
    revise_quotation(first.id, clock)
    window.book_changed.emit()
    pages, pane = quotes_tab(window)
    qtbot.waitUntil(lambda: pane.table.rowCount() == 2)
    rows = {pane.table.item(r, VERSION).text(): r for r in range(2)}
    assert pane.table.item(rows["v1"], NUMBER).text() == "Q261123-1"
    assert pane.table.item(rows["v1"], STATUS).text() == "sent" and pane.table.item(rows["v2"], STATUS).text() == "draft"
    assert pane.table.item(rows["v1"], TOTAL).text() == "USD 14,160.00"
    assert pages.tabText(pages.indexOf(pane)) == "Quotes (2)"
    pane.table.setCurrentCell(rows["v2"], NUMBER)
    rect = pane.table.visualItemRect(pane.table.item(rows["v2"], NUMBER))
    qtbot.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a view's double
    qtbot.mouseDClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # click follows a press
    editors = window.quotes_controller.editors
    assert len(editors) == 1 and isinstance(editors[0], QuotationDialog)
    assert editors[0].view.revision == 2 and editors[0].save_button.isEnabled()


def test_a_sent_quotation_past_its_validity_shows_as_expired_with_the_date_in_its_tip(qtbot, window, clock,
                                                                                     products, buyer):
    lines = (LineInput(products["panel"], quantity=Decimal(1200)),)
    earlier = FixedClock.at("2026-11-02 09:30", "Asia/Shanghai")  # the window's day is 2026-11-23
    lapsed = create_quotation(QuotationInput(customer_id=buyer, currency="USD", lines=lines,
                                             valid_until=date(2026, 11, 20)), earlier)
    mark_document_sent("quotation", lapsed.id, None, earlier)
    draft = create_quotation(QuotationInput(customer_id=buyer, currency="USD", lines=lines,
                                            valid_until=date(2026, 11, 10)), earlier)  # never offered: not expired
    current = create_quotation(QuotationInput(customer_id=buyer, currency="USD", lines=lines,
                                              valid_until=date(2026, 11, 23)), clock)
    mark_document_sent("quotation", current.id, None, clock)  # valid through today
    window.book_changed.emit()
    _pages, pane = quotes_tab(window)
    qtbot.waitUntil(lambda: pane.table.rowCount() == 3)
    shown = {pane.table.item(r, NUMBER).text(): pane.table.item(r, STATUS) for r in range(3)}
    assert {number: item.text() for number, item in shown.items()} == {
        lapsed.number: "expired", draft.number: "draft", current.number: "sent"}
    assert shown[lapsed.number].toolTip() == "Valid until 11/20/2026"  # the short date of the locale (en_US here)


def test_new_quotation_from_the_tab_opens_the_editor_for_the_shown_customer(window, buyer):
    _pages, pane = quotes_tab(window)
    pane.new_action.trigger()
    editor = window.quotes_controller.editors[-1]
    assert editor.customer_id == buyer and editor.customer_label.text() == "Al Noor Trading LLC"
    assert editor.quotation_id is None


def test_a_saved_quotation_shows_in_the_tab_at_once(qtbot, window, clock, products, buyer):
    _pages, pane = quotes_tab(window)
    editor = window.quotes_controller.open_quotation(None, customer_id=buyer)
    editor.lines.choose_product(0, products["bulb"])
    editor.place_edit.setText("Ningbo")
    assert editor.save() is not None
    qtbot.waitUntil(lambda: pane.table.rowCount() == 1)
    assert pane.table.item(0, NUMBER).text() == "Q261123-1"


def test_starting_the_window_imports_none_of_the_quotes_windows():
    probe = ("import sys\nimport trade_crm.app\n"
             "later = ('trade_crm.ui.quotes.quote_editor', 'trade_crm.ui.quotes.product_window', "
             "'trade_crm.ui.quotes.proforma_dialog', 'trade_crm.ui.quotes.seller_dialog', 'fpdf', "
             "'trade_crm.exchange.documents.pdf', 'trade_crm.domain.quotes.quotations')\n"
             "print(sorted(m for m in later if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def draft_quote(clock, products, buyer) -> int:
    return create_quotation(QuotationInput(customer_id=buyer, currency="USD", incoterm="FOB", incoterm_place="Ningbo",
                                           lines=(LineInput(products["panel"], quantity=Decimal(1200)),)), clock).id


def test_email_pdf_opens_the_compose_dialog_with_the_pdf_attached_and_the_document_purpose(qtbot, window, clock,
                                                                                          products, buyer, tmp_path):
    controller = window.quotes_controller
    editor = controller.open_quotation(draft_quote(clock, products, buyer))
    editor.outputs.folder = tmp_path / "documents"
    qtbot.mouseClick(editor.output_bar.email_button, Qt.MouseButton.LeftButton)
    composers = window.mail_controller.out.composers
    qtbot.waitUntil(lambda: len(composers) == 1, timeout=20_000)
    compose = composers[0]
    assert [f.name for f in compose.form.files.files] == ["Q261123-1.pdf"]
    assert compose._purpose.startswith("document:quotation:")
    assert compose.recipients[0].email == "ahmed@alnoor.example"
    assert (tmp_path / "documents" / "Q261123-1.pdf").read_bytes().startswith(b"%PDF")


def test_sent_by_hand_puts_the_quotation_on_the_timeline_with_its_pdf(qtbot, window, clock, products, buyer,
                                                                      tmp_path):
    editor = window.quotes_controller.open_quotation(draft_quote(clock, products, buyer))
    editor.outputs.folder = tmp_path / "documents"
    with qtbot.waitSignal(editor.outputs.sent, timeout=20_000):
        qtbot.mouseClick(editor.output_bar.sent_button, Qt.MouseButton.LeftButton)
    assert editor.view.status == "sent" and editor.revise_button.isEnabled()
    entries = [e for e in timeline(buyer) if e.kind == "quotation"]
    assert len(entries) == 1
    assert [a.name for a in attachments_of(buyer)] == ["Q261123-1.pdf"]
