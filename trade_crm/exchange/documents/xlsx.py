"""The built-in .xlsx of a quotation or PI: one plain sheet a buyer can edit, with numbers stored as numbers
(exact Decimal values, shown in the currency's format) and dates as dates. The user's own Excel template is
filled by template.py (`fill_template`, re-exported here)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from trade_crm.domain.quotes.document import Party, QuoteDocument
from trade_crm.domain.quotes.money import minor_unit
from trade_crm.exchange.documents.formats import amount_in_words, format_quantity
from trade_crm.exchange.documents.labels import label
from trade_crm.exchange.documents.template import TemplateError, fill_template

__all__ = ["TemplateError", "amount_format", "fill_template", "price_format", "quantity_format", "render_xlsx"]

_BOLD = Font(bold=True)
_HEADING_FILL = PatternFill("solid", fgColor="E7ECF3")
_THIN = Side(style="thin", color="BEC4CC")
_COLUMNS = ("col_no", "col_sku", "col_description", "col_hs", "col_qty", "col_unit", "col_price", "col_discount",
            "col_amount")
_WIDTHS = (6, 14, 48, 12, 10, 8, 14, 9, 16)


def amount_format(currency: str) -> str:
    """'#,##0.00 "USD"' (JPY: '#,##0 "JPY"'): the currency's minor unit, the code beside the number."""
    places = minor_unit(currency)
    return f'#,##0{"." + "0" * places if places else ""} "{currency.upper()}"'


def price_format(currency: str) -> str:
    """At least the currency's places, up to 4 (a unit price of USD 0.035)."""
    places = minor_unit(currency)
    return f'#,##0.{"0" * places}{"#" * (4 - places)}' if places < 4 else "#,##0.0000"


def quantity_format(quantity: Decimal) -> str:
    places = len(format_quantity(quantity).partition(".")[2])
    return f"#,##0.{'0' * places}" if places else "#,##0"


def _write(sheet: Worksheet, row: int, column: int, value: object, *, bold: bool = False,
           number_format: str | None = None) -> None:
    cell = sheet.cell(row=row, column=column, value=value)
    if bold:
        cell.font = _BOLD
    if number_format:
        cell.number_format = number_format
    cell.alignment = Alignment(vertical="top", wrap_text=isinstance(value, str) and "\n" in value)


def _party(sheet: Worksheet, row: int, column: int, heading: str, party: Party, tax_label: str) -> int:
    _write(sheet, row, column, heading, bold=True)
    row += 1
    _write(sheet, row, column, party.name, bold=True)
    tax = f"{tax_label}: {party.tax_id}" if party.tax_id else ""
    for text in (party.contact, *party.address.splitlines(), party.phone, party.email, tax):
        if text:
            row += 1
            _write(sheet, row, column, text)
    return row + 1


def render_xlsx(document: QuoteDocument, out: Path) -> Path:
    """Write `document` as a one-sheet workbook to `out` and return `out`."""
    language, seller, currency = document.language, document.seller, document.currency
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = label(document.kind, "en").title()[:31]
    for index, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[chr(64 + index)].width = width
    row = 1
    _write(sheet, row, 1, seller.company, bold=True)
    sheet.cell(row=row, column=1).font = Font(bold=True, size=14)
    for text in (seller.company_local, seller.address,
                 "  ·  ".join(part for part in (seller.phone, seller.email, seller.website) if part)):
        if text:
            row += 1
            _write(sheet, row, 1, text)
    row += 2
    _write(sheet, row, 1, label(document.kind, language))
    sheet.cell(row=row, column=1).font = Font(bold=True, size=16, color="163A6E")
    meta: list[tuple[str, object, str | None]] = [(label("number", language), document.number, None),
                                                  (label("date", language), document.issued_on, "yyyy-mm-dd")]
    if document.valid_until is not None:
        meta.append((label("valid_until", language), document.valid_until, "yyyy-mm-dd"))
    for key, value, number_format in meta:
        row += 1
        _write(sheet, row, 1, key)
        _write(sheet, row, 2, value, bold=True, number_format=number_format)
    row += 2
    tax_label = label("tax_id", language)
    end = _party(sheet, row, 1, label("buyer", language), document.buyer, tax_label)
    if document.consignee is not None:
        end = max(end, _party(sheet, row, 3, label("consignee", language), document.consignee, tax_label))
    row = end + 1
    incoterm = " ".join(part for part in (document.incoterm, document.incoterm_place) if part)
    for key, value in (("incoterm", incoterm), ("payment_terms", document.payment_terms),
                       ("lead_time", document.lead_time), ("port_of_loading", document.port_of_loading),
                       ("port_of_discharge", document.port_of_discharge)):
        if value:
            _write(sheet, row, 1, label(key, language))
            _write(sheet, row, 3, value)
            row += 1
    row += 1
    header_row = row
    for column, key in enumerate(_COLUMNS, start=1):
        text = label(key, language) + (f" ({currency})" if key in ("col_price", "col_amount") else "")
        cell = sheet.cell(row=row, column=column, value=text)
        cell.font, cell.fill = _BOLD, _HEADING_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(bottom=_THIN)
    money, price = amount_format(currency), price_format(currency)
    for line in document.lines:
        row += 1
        values = (line.position, line.sku, line.description, line.hs_code, line.quantity, line.unit,
                  line.unit_price, line.discount_percent or None, line.amount)
        formats = (None, None, None, "@", quantity_format(line.quantity), None, price, "0.##", money)
        for column, (value, number_format) in enumerate(zip(values, formats, strict=True), start=1):
            _write(sheet, row, column, value, number_format=number_format)
            sheet.cell(row=row, column=column).border = Border(bottom=_THIN)
        sheet.cell(row=row, column=3).alignment = Alignment(vertical="top", wrap_text=True)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    row += 1
    _write(sheet, row, 8, f"{label('total', language)}", bold=True)
    _write(sheet, row, 9, document.total, bold=True, number_format=money)
    row += 1
    _write(sheet, row, 1, f"{label('in_words', language)}: {amount_in_words(document.total, currency)}")
    if document.packing is not None:
        packing = document.packing
        row += 1
        for key, value, unit, number_format in (
                ("cartons", packing.cartons, "", quantity_format(packing.cartons)),
                ("volume", packing.cbm, "CBM", "#,##0.000"),
                ("net_weight", packing.net_kg, "kg", "#,##0.00"), ("gross_weight", packing.gross_kg, "kg", "#,##0.00")):
            row += 1
            _write(sheet, row, 1, f"{label(key, language)} {unit}".strip())
            _write(sheet, row, 3, value, number_format=number_format)
    if document.kind == "proforma":
        bank = seller.bank
        row += 2
        _write(sheet, row, 1, label("bank", language), bold=True)
        for key, value in (("beneficiary", bank.beneficiary), ("bank_name", bank.bank_name),
                           ("bank_address", bank.bank_address), ("swift", bank.swift), ("account", bank.account),
                           ("iban", bank.iban)):
            if value:
                row += 1
                _write(sheet, row, 1, label(key, language))
                _write(sheet, row, 3, value, bold=key in ("swift", "account", "iban"), number_format="@")
    if document.notes:
        row += 2
        _write(sheet, row, 1, label("notes", language), bold=True)
        _write(sheet, row + 1, 1, document.notes)
    out = Path(out)
    workbook.save(out)
    return out
