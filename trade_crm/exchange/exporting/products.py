"""The catalog to an .xlsx a supplier or a colleague can edit and send back: the import's own headers
(importing/products/columns.py), so export -> edit -> import updates the same products by SKU.

One row per product, by SKU: the names in other languages as "Name (zh)", "Name (ar)", ... (every language
the catalog has), each price tier as "Price" (from any quantity) or "Price 1000+", the carton's L/W/H in cm.
Prices, quantities and weights are number cells (prices shown with 2-4 decimals: what Excel holds reads back
as the same decimal); SKU and HS code stay text (leading zeros, dots). Every text is a string cell, never a
formula. Written beside the target and renamed over it when complete (exporting/workbook.py's output_file).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from trade_crm.domain.quotes.catalog import ProductView, list_products, product_view
from trade_crm.exchange.exporting.workbook import output_file
from trade_crm.store.models import database

_PAGE = 1000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ProductExport:
    path: str
    products: int
    columns: tuple[str, ...]


def _tier_header(minimum: Decimal) -> str:
    return "Price" if minimum == 0 else f"Price {minimum.normalize():f}+"


def _products(include_archived: bool) -> list[ProductView]:
    views, offset = [], 0
    while True:
        page = list_products(offset=offset, limit=_PAGE, include_archived=include_archived)
        views += [product_view(hit.id) for hit in page.rows]
        offset += _PAGE
        if offset >= page.total:
            return views


def _number(value: Decimal | int | None) -> float | None:
    return None if value is None else float(value)


def export_products(path: str | Path, *, include_archived: bool = False) -> ProductExport:
    """Write the catalog (without archived products unless asked) to `path`; raises ExportError for a target
    that cannot be written, leaving whatever was there."""
    import xlsxwriter  # lazy: start-up, loaded by the first export

    with database.obj.atomic("DEFERRED"):  # one snapshot of the catalog, no write lock
        views = _products(include_archived)
    languages = sorted({lang for v in views for lang in v.local_names})
    minimums = sorted({t.min_quantity for v in views for t in v.tiers})
    headers = (["SKU", "Name", *(f"Name ({lang})" for lang in languages), "Description", "HS Code", "Unit", "MOQ",
                "Currency", *(_tier_header(m) for m in minimums), "Cost", "Pcs/carton", "Carton L (cm)",
                "Carton W (cm)", "Carton H (cm)", "CBM", "N.W. (kg)", "G.W. (kg)", "Tags"])
    with output_file(path) as temp:
        book = xlsxwriter.Workbook(str(temp), {"strings_to_formulas": False, "strings_to_numbers": False,
                                               "strings_to_urls": False})
        book.set_properties({"title": "Trade CRM products", "creator": "Trade CRM"})
        head = book.add_format({"bold": True, "bg_color": "#E8EEF4", "bottom": 1})
        price = book.add_format({"num_format": "#,##0.00##"})
        quote = book.add_format({"quote_prefix": True})
        sheet = book.add_worksheet("Products")
        sheet.write_row(0, 0, headers, head)
        sheet.freeze_panes(1, 0)
        widths = [max(8, len(h) + 2) for h in headers]
        for row, view in enumerate(views, start=1):
            tiers = {t.min_quantity: t.unit_price for t in view.tiers}
            cells = [view.sku, view.name, *(view.local_names.get(lang, "") for lang in languages), view.description,
                     view.hs_code, view.unit, view.moq or None, view.currency, *(tiers.get(m) for m in minimums),
                     view.cost, view.pcs_per_carton, view.carton_length_cm, view.carton_width_cm,
                     view.carton_height_cm, view.carton_cbm, view.carton_net_kg, view.carton_gross_kg,
                     ", ".join(view.tags)]
            for column, value in enumerate(cells):
                if value is None or value == "":
                    continue
                if isinstance(value, str):
                    sheet.write_string(row, column, value, quote if value.startswith(_FORMULA_START) else None)
                    widths[column] = min(60, max(widths[column], len(value) + 2))
                elif isinstance(value, Decimal) and headers[column].startswith(("Price", "Cost")):
                    sheet.write_number(row, column, _number(value), price)
                else:
                    sheet.write_number(row, column, _number(value))
        for column, width in enumerate(widths):
            sheet.set_column(column, column, width)
        sheet.autofilter(0, 0, max(1, len(views)), len(headers) - 1)
        book.close()
    return ProductExport(str(Path(path).expanduser()), len(views), tuple(headers))
