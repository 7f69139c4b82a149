"""The Products window and the Seller profile dialog over a real book: search in any script, a product saved with
its tiers and packing (CBM from the carton's size), a duplicate SKU shown at the SKU, an import's dry run summed
up before anything is written; the seller's bank with a bad SWIFT refused at that field."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook

from trade_crm.domain.quotes.catalog import find_product, search_products
from trade_crm.domain.quotes.numbering import numbering
from trade_crm.domain.quotes.seller import read_seller_profile
from trade_crm.ui.quotes.product_dialog import ProductDialog
from trade_crm.ui.quotes.product_window import NAME, PER_CARTON, PRICE, SKU, ProductsWindow
from trade_crm.ui.quotes.seller_dialog import SellerProfileDialog


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_catalog_window_lists_products_and_finds_one_by_two_chinese_characters(qtbot, clock, products):
    window = shown(qtbot, ProductsWindow(clock))
    assert window.table.rowCount() == 3
    row = next(r for r in range(3) if window.table.item(r, SKU).text() == "LP-6060-40W")
    assert (window.table.item(row, PRICE).text(), window.table.item(row, PER_CARTON).text()) == ("12.50", "4")
    window.search_edit.setText("面板")  # as an input method commits it (QTest types Latin keys only)
    qtbot.waitUntil(lambda: window.table.rowCount() == 1)
    assert window.table.item(0, NAME).text() == "LED panel 600x600 40W"


def test_a_new_product_is_saved_with_tiers_and_its_carton_volume_worked_out(qtbot, clock, db):
    dialog = shown(qtbot, ProductDialog(clock))
    dialog.sku_edit.setText("FL-100W")
    dialog.name_edit.setText("LED flood light 100W")
    dialog.names_table.item(0, 1).setText("LED 投光灯")
    dialog.tiers_table.item(0, 1).setText("18.40")
    dialog.add_tier("1000", "17.90")
    for key, value in (("pcs_per_carton", "6"), ("carton_length_cm", "50"), ("carton_width_cm", "40"),
                       ("carton_height_cm", "30")):
        dialog.packing_edits[key].setText(value)
    assert dialog.packing_edits["carton_cbm"].placeholderText().startswith("0.06 ")
    with qtbot.waitSignal(dialog.product_saved):
        dialog.accept()
    view = find_product("FL-100W")
    assert view.local_names == {"zh": "LED 投光灯"} and view.carton_cbm == Decimal("0.06")
    assert [(t.min_quantity, t.unit_price) for t in view.tiers] == [(Decimal(1), Decimal("18.40")),
                                                                     (Decimal(1000), Decimal("17.90"))]


def test_a_duplicate_sku_is_shown_under_the_sku_and_nothing_is_saved(qtbot, clock, products):
    dialog = shown(qtbot, ProductDialog(clock))
    dialog.sku_edit.setText("lp-6060-40w")
    dialog.name_edit.setText("Another panel")
    assert dialog.save() is None
    assert dialog.errors.labels["sku"].isVisible() and dialog.tabs.currentIndex() == 0
    assert len(search_products("panel")) == 1


def test_an_import_dry_run_sums_up_the_file_before_anything_is_written(qtbot, clock, db, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["货号", "品名", "中文名", "单价", "币种"])
    sheet.append(["TB-01", "Table lamp", "台灯", "6.20", "USD"])
    sheet.append(["TB-02", "Desk lamp", "书桌灯", "7.10", "USD"])
    path = tmp_path / "products.xlsx"
    book.save(path)
    window = shown(qtbot, ProductsWindow(clock))
    job = window.start_import(path, dry_run=True)
    with qtbot.waitSignal(job.done, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: getattr(window, "summary_box", None) is not None and window.summary_box.isVisible())
    assert window.summary_box.text().startswith("2 new, 0 updated")
    assert search_products("") == []
    window.summary_box.close()


def test_the_seller_profile_refuses_a_bad_swift_at_its_field_and_saves_a_good_one(qtbot, clock, db, tmp_path):
    dialog = shown(qtbot, SellerProfileDialog(clock, root=tmp_path / "attachments"))
    assert dialog.quote_format_edit.text() == "Q{yyMMdd}-{n}"
    assert dialog.quote_example.text().endswith("Q261123-1")
    dialog.edits["company"].setText("Ningbo Bright Lighting Co., Ltd.")
    dialog.edits["swift"].setText("BANK OF CHINA")
    assert not dialog.save()
    assert dialog.errors.labels["bank.swift"].isVisible() and dialog.tabs.currentIndex() == 1
    assert read_seller_profile().company == ""
    dialog.edits["swift"].setText("BKCHCNBJ92A")
    dialog.pi_format_edit.setText("PI-{yyyy}-{n}")
    assert dialog.save()
    assert read_seller_profile().bank.swift == "BKCHCNBJ92A" and numbering("proforma") == "PI-{yyyy}-{n}"
