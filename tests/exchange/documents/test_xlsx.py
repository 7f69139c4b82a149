"""The built-in .xlsx and the user's Excel template filled through {{…}} placeholders (openpyxl read back)."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.drawing.image import Image as SheetImage
from openpyxl.styles import Font

from tests.exchange.documents.sample_documents import IBAN, PI_NUMBER, SWIFT, sample_document
from trade_crm.exchange.documents.xlsx import TemplateError, fill_template, render_xlsx


def _cells(sheet) -> dict[object, object]:
    return {cell.value: cell for row in sheet.iter_rows() for cell in row if cell.value is not None}


def test_builtin_sheet_stores_amounts_as_numbers_in_the_currency_format(tmp_path):
    document = sample_document()
    sheet = load_workbook(render_xlsx(document, tmp_path / "pi.xlsx")).active
    cells = _cells(sheet)
    assert PI_NUMBER in cells and SWIFT in cells and IBAN in cells and "Gulf Lighting Trading LLC" in cells
    amounts = [cell for cell in cells.values() if cell.number_format == '#,##0.00 "USD"']
    assert sorted(Decimal(str(cell.value)) for cell in amounts) == sorted(
        [line.amount for line in document.lines] + [document.total])
    assert all(isinstance(cell.value, int | float) for cell in amounts)  # numbers, not text
    driver_row = cells["DRV-40"].row
    price = sheet.cell(row=driver_row, column=7)
    assert Decimal(str(price.value)) == Decimal("0.035") and price.number_format == "#,##0.00##"
    assert sheet.cell(row=driver_row, column=5).value == 400
    assert isinstance(cells[datetime(2026, 12, 5)].value, datetime)


def test_builtin_sheet_in_yen_has_no_decimals_and_chinese_labels(tmp_path):
    document = sample_document(currency="JPY", language="zh")
    cells = _cells(load_workbook(render_xlsx(document, tmp_path / "pi.xlsx")).active)
    assert "形式发票" in cells and "金额 (JPY)" in cells
    assert cells[int(document.total)].number_format == '#,##0 "JPY"'


def _template(path, *, with_block: bool = True, extra: str = "", image=None):
    """A PI template as a seller makes one: title merged over A1:F1, a logo, a line row with a merged
    description and a formula, a total row with a SUM over the line row, a stamp picture below the table."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "PI"
    sheet["A1"] = "PROFORMA INVOICE {{pi.number}}"
    sheet.merge_cells("A1:F1")
    sheet["A3"], sheet["B3"] = "Buyer:", "{{buyer.name}}"
    sheet["A4"], sheet["B4"] = "Date:", "{{pi.date}}"
    sheet["B4"].number_format = "dd.mm.yyyy"
    sheet["B5"] = extra
    for column, text in enumerate(("No.", "Item", "Description", "", "Qty", "Price", "Amount"), start=1):
        sheet.cell(row=7, column=column, value=text)
    if with_block:
        for column, text in ((1, "{{line.no}}"), (2, "{{line.sku}}"), (3, "{{line.description}}"),
                             (5, "{{line.qty}}"), (6, "{{line.price}}"), (7, "=E8*F8")):
            sheet.cell(row=8, column=column, value=text)
        sheet.merge_cells("C8:D8")
        sheet["F8"].number_format = "#,##0.0000"
        sheet["G8"].number_format = "#,##0.00"
    sheet["A10"] = "Total"
    sheet.merge_cells("A10:D10")
    sheet["G10"] = "=SUM(G8:G8)"
    sheet["H10"] = "{{total}}"
    sheet["H10"].number_format = '#,##0.00 "USD"'
    sheet["H10"].font = Font(bold=True, color="C00000")
    sheet["A11"] = "Say: {{total.words}}; bank {{bank.swift}}, total {{total}} {{currency}}"
    sheet["G12"] = "=G10*0.3"
    sheet.row_dimensions[10].height = 30
    if image is not None:
        logo = SheetImage(str(image))
        sheet.add_image(logo, "H1")
        stamp = SheetImage(str(image))
        sheet.add_image(stamp, "C13")
    workbook.save(path)
    return path


def test_template_repeats_the_line_row_and_moves_what_is_below(tmp_path, images):
    document = sample_document(lines=5)
    template = _template(tmp_path / "template.xlsx", image=images["logo"])
    out = fill_template(document, template, tmp_path / "filled.xlsx")
    sheet = load_workbook(out)["PI"]
    assert sheet["A1"].value == f"PROFORMA INVOICE {PI_NUMBER}"
    assert sheet["B3"].value == "Gulf Lighting Trading LLC"
    assert sheet["B4"].value == datetime(2026, 12, 5) and sheet["B4"].number_format == "dd.mm.yyyy"
    assert [sheet.cell(row=row, column=2).value for row in range(8, 13)] == [line.sku for line in document.lines]
    assert [sheet.cell(row=row, column=5).value for row in range(8, 13)] == [100, 200, 300, 400, 500]
    assert sheet["F11"].value == Decimal("0.035") or sheet["F11"].value == pytest.approx(0.035)
    assert sheet["F12"].number_format == "#,##0.0000"
    assert sheet["G9"].value == "=E9*F9" and sheet["G12"].value == "=E12*F12"
    merged = {str(cell_range) for cell_range in sheet.merged_cells.ranges}
    assert {"A1:F1", "C8:D8", "C9:D9", "C12:D12", "A14:D14"} <= merged and "A10:D10" not in merged
    assert sheet["A14"].value == "Total" and sheet["G14"].value == "=SUM(G8:G12)"
    assert sheet["G16"].value == "=G14*0.3"
    assert sheet["H14"].value == document.total or Decimal(str(sheet["H14"].value)) == document.total
    assert sheet["H14"].number_format == '#,##0.00 "USD"' and sheet["H14"].font.b
    assert sheet.row_dimensions[14].height == 30
    assert sheet["A15"].value == ("Say: SAY US DOLLARS SEVEN THOUSAND NINETY-ONE AND CENTS TWENTY-FIVE ONLY; "
                                  f"bank {SWIFT}, total 7,091.25 USD")
    anchors = sorted(image.anchor._from.row for image in sheet._images)
    assert anchors == [0, 16]  # the logo stays in row 1, the stamp moved from row 13 to row 17


def test_template_without_a_line_row_is_refused_naming_the_block(tmp_path):
    template = _template(tmp_path / "no-lines.xlsx", with_block=False)
    with pytest.raises(TemplateError, match=r"no-lines.xlsx: has no line-items block: put \{\{line.sku\}\}"):
        fill_template(sample_document(), template, tmp_path / "out.xlsx")
    assert not (tmp_path / "out.xlsx").exists()


def test_unknown_placeholder_is_refused_naming_its_cell(tmp_path):
    template = _template(tmp_path / "typo.xlsx", extra="Ref. {{pi.numbr}}")
    with pytest.raises(TemplateError) as refused:
        fill_template(sample_document(), template, tmp_path / "out.xlsx")
    assert refused.value.cell == "PI!B5" and refused.value.placeholder == "{{pi.numbr}}"
    assert str(refused.value) == "typo.xlsx, cell PI!B5: unknown placeholder {{pi.numbr}}"


def test_zip_bomb_template_is_refused_before_parsing(tmp_path):
    template = _template(tmp_path / "bomb.xlsx")
    with zipfile.ZipFile(template, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/media/huge.xml", "w", force_zip64=True) as member:
            block = b"\0" * (1 << 20)
            for _ in range(64):
                member.write(block)
    with pytest.raises(TemplateError, match=r"^bomb.xlsx: refused: .*a zip bomb"):
        fill_template(sample_document(), template, tmp_path / "out.xlsx")


def test_a_file_that_is_no_workbook_is_refused_in_one_line(tmp_path):
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(TemplateError, match=r"^fake.xlsx: refused: "):
        fill_template(sample_document(), fake, tmp_path / "out.xlsx")


def test_document_date_placeholder_keeps_a_date_type(tmp_path):
    template = _template(tmp_path / "t.xlsx")
    sheet = load_workbook(fill_template(sample_document(kind="quotation"), template, tmp_path / "q.xlsx"))["PI"]
    assert sheet["B4"].value.date() == date(2026, 12, 5)


def test_a_formula_that_cannot_be_read_is_refused_naming_its_cell(tmp_path):
    template = _template(tmp_path / "bad-formula.xlsx")
    workbook = load_workbook(template)
    workbook["PI"]["G20"] = '=SUM(G8))'
    workbook.save(template)
    with pytest.raises(TemplateError, match=r"^bad-formula.xlsx, cell PI!G20: the formula =SUM\(G8\)\) cannot be read"):
        fill_template(sample_document(lines=3), template, tmp_path / "out.xlsx")


def test_filling_a_template_onto_itself_is_refused_and_leaves_it_untouched(tmp_path):
    template = _template(tmp_path / "mine.xlsx")
    before = template.read_bytes()
    with pytest.raises(TemplateError, match="would overwrite the template"):
        fill_template(sample_document(), template, tmp_path / "." / "mine.xlsx")
    assert template.read_bytes() == before
