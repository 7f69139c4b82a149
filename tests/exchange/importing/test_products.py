"""A product list through the import engine (exchange/importing/products/): a real .xlsx with Chinese headers
and messy cells, every row accounted for, dry run, undo, and the export that reads back unchanged. Each test
runs on SQLite and on PostgreSQL (tests/exchange/conftest.py)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import openpyxl
import pytest

from trade_crm.domain.quotes.catalog import (
    archive_product,
    list_products,
    product_view,
    save_product,
    search_products,
    tier_price,
)
from trade_crm.domain.quotes.product_input import PriceTier, ProductInput
from trade_crm.exchange.exporting.products import export_products
from trade_crm.exchange.importing.importer import undo_import
from trade_crm.exchange.importing.products.commit import commit_products
from trade_crm.exchange.importing.products.plan import NO_PRICE, ProductImportOptions, plan_products
from trade_crm.exchange.importing.readers import ReadError
from trade_crm.store.models import ImportBatch, Product, ProductPrice

HEADERS = ["货号", "品名", "中文名", "海关编码", "单位", "起订量", "FOB价", "≥1000 单价", "Price 5000+", "币种", "装箱数",
           "外箱尺寸", "净重", "毛重", "体积", "标签", "备注"]


def _workbook(path, rows, headers=HEADERS, title="2026 秋季报价单"):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "报价"
    sheet.append([title])  # a title line above the header, as suppliers' sheets have
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


ROWS = [
    ["LP-6060-40W", "LED panel light 40W", "LED 面板灯", "9405.42", "pcs", "1,000", "USD 2.50", "2.30", "$2.10", "",
     4, "62*62*40", "9.6kg", "10.8 kgs", "", "LED, 面板", "new"],
    ["BL-A60-9W", "LED bulb A60 9W", "球泡灯", 8539.52, "pcs", 500, "", "", "", "USD", "100 pcs", "50x40x30 cm",
     8, 9, 0.06, "bulb", ""],  # no price: kept, flagged
    ["SH-304-M8", "Stainless hook M8", "不锈钢挂钩", "7326.90", "pcs", -5, "0.35", "", "", "", "", "", "", "", "", "",
     ""],  # a negative MOQ: refused
    ["", "Row without SKU", "", "", "", "", "1", "", "", "", "", "", "", "", "", "", ""],
    ["LP-6060-40W", "The same SKU again", "", "", "", "", "3", "", "", "", "", "", "", "", "", "", ""],
    ["CL-1", "Clip", "夹子", "", "", "", "EUR 0.10", "", "", "USD", "", "", "", "", "", "", ""],  # EUR price, USD
]


@pytest.fixture
def price_list(tmp_path):
    return _workbook(tmp_path / "报价单.xlsx", ROWS)


def test_a_chinese_price_list_is_planned_row_by_row_with_messy_numbers_read_exactly(db, price_list):
    plan = plan_products(price_list)
    assert {c.header: c.target for c in plan.columns} == {
        "货号": "sku", "品名": "name", "中文名": "local:zh", "海关编码": "hs_code", "单位": "unit", "起订量": "moq",
        "FOB价": "price", "≥1000 单价": "price:1000", "Price 5000+": "price:5000", "币种": "currency",
        "装箱数": "pcs_per_carton", "外箱尺寸": "carton_size", "净重": "carton_net_kg", "毛重": "carton_gross_kg",
        "体积": "carton_cbm", "标签": "tags"}
    assert any("备注" in notice for notice in plan.notices)  # a column no product field takes is named
    assert plan.header_row == 2
    assert [(o.row, o.outcome) for o in plan.outcomes] == [(3, "created"), (4, "created"), (5, "refused"),
                                                           (6, "refused"), (7, "refused"), (8, "refused")]
    assert plan.counts == {"rows": 6, "created": 2, "updated": 0, "unchanged": 0, "refused": 4, "without_price": 1}
    errors = {p.row: (p.column, p.message) for p in plan.problems if p.severity == "error"}
    assert errors[5] == ("起订量", "-5 must be at least 0")
    assert errors[6][0] == "货号"
    assert errors[7] == ("货号", '"LP-6060-40W" is on row 3 already')
    assert errors[8][0] == "币种" and "EUR" in errors[8][1]
    warnings = [p for p in plan.problems if p.severity == "warning"]
    assert [(p.row, p.column, p.message) for p in warnings] == [(4, "FOB价", NO_PRICE)]
    assert Product.select().count() == 0  # the plan is the dry run


def test_commit_writes_the_products_with_exact_decimals_and_undo_removes_them(db, price_list, clock):
    result = commit_products(plan_products(price_list), clock)
    assert (result.created, result.updated, result.refused, result.rows, result.without_price) == (2, 0, 4, 6, 1)
    panel = search_products("LP-6060")[0]
    assert panel.moq == 1000 and panel.currency == "USD" and panel.local_names == {"zh": "LED 面板灯"}
    assert panel.tiers == (PriceTier(Decimal(0), Decimal("2.50")), PriceTier(Decimal(1000), Decimal("2.30")),
                           PriceTier(Decimal(5000), Decimal("2.10")))
    view = product_view(panel.id)
    assert (view.carton_length_cm, view.carton_width_cm, view.carton_height_cm) == (62, 62, 40)
    assert view.carton_cbm == Decimal("0.153760") and view.carton_net_kg == Decimal("9.6")
    assert view.pcs_per_carton == 4 and view.tags == ("LED", "面板") and view.hs_code == "9405.42"
    bulb = product_view(search_products("球泡")[0].id)
    assert bulb.tiers == () and bulb.hs_code == "8539.52" and bulb.carton_cbm == Decimal("0.06")
    assert tier_price(bulb.id, Decimal(1000)) is None  # kept without a price: a line needs a typed one
    assert [h.sku for h in search_products("灯")] == ["BL-A60-9W", "LP-6060-40W"]
    summary = ImportBatch.get_by_id(result.batch).summary
    assert '"target": "products"' in summary and '"refused": 4' in summary
    undone = undo_import(result.batch, clock)
    assert (undone.products_removed, undone.products_restored) == (2, 0)
    assert Product.select().count() == 0 and ProductPrice.select().count() == 0 and search_products("灯") == []


def test_a_dry_run_writes_nothing(db, price_list, clock):
    result = commit_products(plan_products(price_list), clock, dry_run=True)
    assert result.dry_run and result.batch is None and result.created == 2
    assert Product.select().count() == 0 and ImportBatch.select().count() == 0


def test_rows_update_products_by_sku_and_undo_restores_what_they_were(db, tmp_path, clock):
    stored = save_product(ProductInput(sku="lp-6060-40w", name="Old panel", local_names={"ru": "Панель"},
                                       cost="1.95", tiers=((1, "2.80"),), tags=("old",)), clock)
    untouched = save_product(ProductInput(sku="KEEP-1", name="Kept as it is", tiers=((0, "5"),)), clock)
    before = product_view(stored.id)
    path = _workbook(tmp_path / "update.xlsx", [ROWS[0], ["KEEP-1", "Kept as it is", "", "", "", "", "5"]],
                     headers=HEADERS[:7])
    plan = plan_products(path)
    assert [(o.outcome, o.product_id) for o in plan.outcomes] == [("updated", stored.id), ("unchanged", untouched.id)]
    result = commit_products(plan, clock)
    after = product_view(stored.id)
    assert after.sku == "LP-6060-40W" and after.name == "LED panel light 40W"
    assert after.local_names == {"ru": "Панель", "zh": "LED 面板灯"}  # a name the file lacks is kept
    assert after.cost == Decimal("1.95")  # a column the file lacks keeps its value
    assert after.tiers == (PriceTier(Decimal(0), Decimal("2.50")),)  # the row's prices replace the tiers
    assert (result.updated, result.unchanged) == (1, 1)
    undo_import(result.batch, clock)
    assert product_view(stored.id) == before
    assert [h.sku for h in search_products("old panel")] == ["lp-6060-40w"] and search_products("面板灯") == []


def test_an_import_that_changed_anothers_products_is_undone_first(db, tmp_path, clock):
    first = commit_products(plan_products(_workbook(tmp_path / "a.xlsx", [ROWS[0]])), clock)
    second_rows = [replace_cell(ROWS[0], 6, "USD 2.40")]
    second = commit_products(plan_products(_workbook(tmp_path / "b.xlsx", second_rows)), clock)
    assert second.updated == 1
    with pytest.raises(Exception, match=f"undo import {second.batch} first"):
        undo_import(first.batch, clock)
    undo_import(second.batch, clock)
    assert search_products("LP-6060")[0].price == Decimal("2.50")
    undo_import(first.batch, clock)
    assert Product.select().count() == 0


def replace_cell(row: list, index: int, value) -> list:
    return [value if i == index else cell for i, cell in enumerate(row)]


def test_a_csv_with_english_headers_and_tier_columns_imports_too(db, tmp_path, clock):
    path = tmp_path / "prices.csv"
    path.write_text("SKU,Name,Name (ar),Price (USD),Price 1000+,MOQ,Carton size (L×W×H cm),Tags\n"
                    'KT-1,Electric kettle 1.7L,غلاية كهربائية,"12,50",11.8,"1,000",40×30×25,kitchen\n',
                    encoding="utf-8")
    result = commit_products(plan_products(path), clock)
    assert result.created == 1
    kettle = product_view(search_products("غلاية")[0].id)
    assert kettle.tiers == (PriceTier(Decimal(0), Decimal("12.50")), PriceTier(Decimal(1000), Decimal("11.8")))
    assert kettle.carton_cbm == Decimal("0.030000") and kettle.moq == 1000


def test_a_sheet_without_a_sku_column_is_refused_in_one_line(db, tmp_path):
    path = _workbook(tmp_path / "no-sku.xlsx", [["a", "b"]], headers=["Colour", "Weight"])
    with pytest.raises(ReadError, match="no header row names a SKU"):
        plan_products(path)
    mapped = plan_products(path, ProductImportOptions(mapping={"Colour": "sku", "Weight": "name"}))
    assert [(o.row, o.outcome) for o in mapped.outcomes] == [(3, "created")]


def test_export_then_import_reads_back_unchanged(db, tmp_path, clock):
    panel = save_product(ProductInput(
        sku="LP-6060-40W", name="LED panel light 40W", local_names={"zh": "LED 面板灯", "ar": "لوحة إضاءة"},
        description="600×600, 4000K", hs_code="9405.42", moq=500, cost="9.1", currency="EUR",
        tiers=((1, "12.5"), (1000, "11.80"), (5000, "0.0350")), pcs_per_carton=4, carton_length_cm="62.5",
        carton_width_cm="62", carton_height_cm="40", carton_net_kg="9.6", carton_gross_kg="10.8",
        tags=("LED", "panel")), clock)
    save_product(ProductInput(sku="=CMD", name="+A formula-looking name", hs_code="0101.21"), clock)
    archived = save_product(ProductInput(sku="OLD-1", name="Old"), clock)
    archive_product(archived.id, clock)
    path = tmp_path / "catalog.xlsx"
    result = export_products(path)
    assert result.products == 2
    assert result.columns[:4] == ("SKU", "Name", "Name (ar)", "Name (zh)")
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A2"].value == "=CMD" and sheet["A2"].data_type == "s"  # text, never a formula
    plan = plan_products(path)
    assert [o.outcome for o in plan.outcomes] == ["unchanged", "unchanged"]
    assert plan.counts["without_price"] == 1
    Product.update(name="Renamed").where(Product.id == panel.id).execute()
    again = plan_products(path)
    assert [(o.sku, o.outcome) for o in again.outcomes] == [("=CMD", "unchanged"), ("LP-6060-40W", "updated")]
    assert list_products(include_archived=True).total == 3


@pytest.mark.parametrize(("cell", "message"), [
    ("12.5.1", "is not a number"), ("abc", "is not a number"), ("1.23456", "more than 4 decimal places"),
])
def test_a_bad_price_is_refused_naming_the_row_and_column(db, tmp_path, cell, message):
    path = _workbook(tmp_path / "bad.xlsx", [["X-1", "Thing", "", "", "", "", cell]], headers=HEADERS[:7])
    plan = plan_products(path)
    problem = next(p for p in plan.problems if p.severity == "error")
    assert (problem.row, problem.column) == (3, "FOB价") and message in problem.message
    assert plan.counts["refused"] == 1


def test_each_refusal_keeps_the_other_rows_and_nothing_half_saved(db, price_list, clock):
    plan = plan_products(price_list)
    taken = replace(plan.products[1].data, sku="BL-A60-9W")
    save_product(replace(taken, name="Saved meanwhile"), clock)  # the SKU is taken after the preview
    with pytest.raises(Exception, match="already the SKU"):
        commit_products(plan, clock)
    assert Product.select().count() == 1 and ImportBatch.select().count() == 0


def test_a_file_that_is_not_what_its_name_says_is_refused_in_one_line(db, tmp_path):
    fake = tmp_path / "products.xlsx"
    fake.write_text("SKU,Name\nA-1,Thing\n", encoding="utf-8")  # a CSV saved under an Excel name
    with pytest.raises(ReadError) as error:
        plan_products(fake)
    assert "products.xlsx" in str(error.value) and "\n" not in str(error.value)
    assert Product.select().count() == 0


def test_a_row_updates_the_product_with_its_sku_even_when_another_sku_is_that_products_id(db, tmp_path, clock):
    numbered = save_product(ProductInput(sku="2", name="A SKU that is a number", cost="5", tags=("bolts",)), clock)
    lettered = save_product(ProductInput(sku="X-1", name="Old name"), clock)
    assert lettered.id == 2 and numbered.id == 1
    path = _workbook(tmp_path / "x.xlsx", [["X-1", "New name"]], headers=HEADERS[:2])
    commit_products(plan_products(path), clock)
    updated = product_view(lettered.id)
    assert updated.name == "New name" and updated.cost is None and updated.tags == ()  # nothing of product 1
    assert product_view(numbered.id).name == "A SKU that is a number"
