"""Fill the user's own Excel template: `{{…}}` placeholders (placeholders.py) and one line-items row.

The row holding `{{line.…}}` placeholders is repeated once per line; the rows below it move down with their
merged cells, row heights and images (the logo, a stamp), and every formula's references follow as Excel's
own row insertion would move them (`=SUM(I14:I14)` over the line row becomes `=SUM(I14:I63)` for 50 lines,
`=I15*0.3` below it becomes `=I64*0.3`). A formula in the line row itself is copied down relative (`=E14*G14`,
`=E15*G15`, …). Styles, number formats, column widths and the print setup stay the template's.

Bounded input (DESIGN rule 10): the zip is inspected before openpyxl parses it (exchange/files/bounds: member
sizes, ratios, CRCs, cells held), and a template over the limits is refused in one line.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from copy import copy
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.formula.tokenizer import Token, Tokenizer, TokenizerError
from openpyxl.formula.translate import Translator
from openpyxl.worksheet.worksheet import Worksheet

from trade_crm.domain.errors import DomainError
from trade_crm.domain.quotes.document import QuoteDocument
from trade_crm.exchange.documents.placeholders import LINE_PLACEHOLDERS, PATTERN, PLACEHOLDERS, Value, printed
from trade_crm.exchange.files.bounds import WorkbookError, inspect_zip

MAX_TEMPLATE_BYTES = 20 * 1024 * 1024
MAX_TEMPLATE_ROWS = 5_000
MAX_TEMPLATE_UNPACKED = 60 * 1024 * 1024
_BRACES = re.compile(r"\{\{(.*?)\}\}")
_REF = re.compile(r"(\$?[A-Z]{1,3}\$?)(\d+)(?::(\$?[A-Z]{1,3}\$?)(\d+))?")


class TemplateError(DomainError):
    """The template cannot be filled; `cell` ("Sheet1!B4") and `placeholder` say where and what, when known."""

    def __init__(self, template: Path, message: str, *, cell: str = "", placeholder: str = ""):
        where = f"{Path(template).name}" + (f", cell {cell}" if cell else "")
        super().__init__(f"{where}: {message}")
        self.cell, self.placeholder, self.message = cell, placeholder, message


def check_template(template: Path) -> None:
    """Refuse, before any parser runs, a template that is missing, too big, or a zip bomb."""
    try:
        size = template.stat().st_size
    except OSError as exc:
        raise TemplateError(template, f"cannot be read ({exc.strerror or exc})") from None
    if size > MAX_TEMPLATE_BYTES:
        raise TemplateError(template, f"is {size / 1048576:,.1f} MB; a template is at most "
                                      f"{MAX_TEMPLATE_BYTES // 1048576} MB")
    if template.suffix.lower() != ".xlsx":
        raise TemplateError(template, "is not an .xlsx workbook (save the template as .xlsx in Excel)")
    try:
        scans = inspect_zip(template)
    except WorkbookError as exc:
        raise TemplateError(template, f"refused: {exc.detail or exc.kind}") from None
    with zipfile.ZipFile(template) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_TEMPLATE_UNPACKED:
        raise TemplateError(template, f"refused: unpacks to {unpacked / 1048576:,.1f} MB; a template unpacks "
                                      f"to at most {MAX_TEMPLATE_UNPACKED // 1048576} MB")
    for member, scan in scans.items():
        if isinstance(scan, WorkbookError):
            raise TemplateError(template, f"refused: {scan.detail or scan.kind}")
        if scan[0] > MAX_TEMPLATE_ROWS:
            raise TemplateError(template, f"refused: {member} holds {scan[0]:,} rows; a template holds at most "
                                          f"{MAX_TEMPLATE_ROWS:,}")


def _where(sheet: Worksheet, coordinate: str) -> str:
    return f"{sheet.title}!{coordinate}"


def find_line_row(template: Path, workbook) -> tuple[Worksheet, int]:
    """The one row holding `{{line.…}}` placeholders; every placeholder checked for a known name first."""
    block: tuple[Worksheet, int] | None = None
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str) or "{{" not in cell.value:
                    continue
                for match in _BRACES.finditer(cell.value):
                    name = match.group(1).strip()
                    if name in LINE_PLACEHOLDERS:
                        if block is not None and (block[0] is not sheet or block[1] != cell.row):
                            raise TemplateError(template, f"{match.group(0)} is outside the line-items row "
                                                          f"({_where(block[0], str(block[1]))}): keep the line "
                                                          "placeholders in one row", cell=_where(sheet, cell.coordinate),
                                                placeholder=match.group(0))
                        block = (sheet, cell.row)
                    elif name not in PLACEHOLDERS:
                        raise TemplateError(template, f"unknown placeholder {match.group(0)}",
                                            cell=_where(sheet, cell.coordinate), placeholder=match.group(0))
    if block is None:
        raise TemplateError(template, "has no line-items block: put {{line.sku}}, {{line.qty}}, {{line.amount}} … "
                                      "in the row to repeat once per line", placeholder="{{line.…}}")
    return block


def _substitute(text: str, resolve: Callable[[str], Value], currency: str) -> Value:
    """A cell's new value: the typed value for a placeholder alone, else the text with printed values."""
    whole = PATTERN.fullmatch(text.strip())
    if whole is not None:
        return resolve(whole.group(1))
    return PATTERN.sub(lambda match: printed(match.group(1), resolve(match.group(1)), currency), text)


def shift_formula(formula: str, sheet_title: str, line_row: int, extra: int) -> str:
    """References in `formula` after `extra` rows are inserted below `line_row`: a row below it moves down,
    a range ending on it (`I14:I14`, the lines' sum) grows to cover the new rows."""
    def moved(row: int) -> int:
        return row + extra if row > line_row else row

    def reference(match: re.Match[str]) -> str:
        first = int(match.group(2))
        if match.group(3) is None:
            return f"{match.group(1)}{moved(first)}"
        last = int(match.group(4))
        last = last + extra if first <= line_row <= last else moved(last)
        return f"{match.group(1)}{moved(first)}:{match.group(3)}{last}"

    tokenizer = Tokenizer(formula)
    for token in tokenizer.items:
        if token.type != Token.OPERAND or token.subtype != Token.RANGE:
            continue
        sheet, bang, ref = token.value.rpartition("!")
        if bang and sheet.strip("'") != sheet_title:
            continue  # a reference into another sheet does not move
        token.value = f"{sheet}{bang}{_REF.sub(reference, ref)}"
    return tokenizer.render()


def _open_rows(template: Path, sheet: Worksheet, line_row: int, extra: int) -> None:
    """Insert `extra` rows under `line_row`, moving what is below: cells, merges, heights, images, formulas."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f" and isinstance(cell.value, str) and cell.row != line_row:
                try:
                    cell.value = shift_formula(cell.value, sheet.title, line_row, extra)
                except (TokenizerError, IndexError):  # openpyxl's tokenizer on unbalanced quotes, parentheses
                    raise TemplateError(template, f"the formula {cell.value[:80]} cannot be read",
                                        cell=_where(sheet, cell.coordinate)) from None
    below = [merged for merged in sheet.merged_cells.ranges if merged.min_row > line_row]
    across = [merged for merged in sheet.merged_cells.ranges if merged.min_row <= line_row < merged.max_row]
    for merged in across:
        sheet.unmerge_cells(merged.coord)
    heights = {row: dimension.height for row, dimension in sheet.row_dimensions.items() if row > line_row}
    sheet.insert_rows(line_row + 1, extra)
    for merged in below:
        merged.shift(row_shift=extra)
    for merged in across:
        sheet.merge_cells(start_row=merged.min_row, end_row=merged.max_row + extra,
                          start_column=merged.min_col, end_column=merged.max_col)
    for row in heights:
        sheet.row_dimensions[row].height = None
    for row, height in heights.items():
        sheet.row_dimensions[row + extra].height = height
    for image in sheet._images:  # openpyxl keeps a sheet's pictures there; no public accessor
        anchor = image.anchor
        for marker in (getattr(anchor, "_from", None), getattr(anchor, "to", None)):
            if marker is not None and marker.row >= line_row:  # 0-based: rows under the line row
                marker.row += extra


_STYLE = ("font", "border", "fill", "number_format", "protection", "alignment")


def _style_of(cell) -> dict[str, object]:
    return {name: copy(getattr(cell, name)) for name in _STYLE}


def _fill_lines(sheet: Worksheet, line_row: int, document: QuoteDocument) -> None:
    template_cells = [(cell.column, cell.value, _style_of(cell), cell.coordinate) for cell in sheet[line_row]
                      if not isinstance(cell, MergedCell)]
    merges = [merged for merged in sheet.merged_cells.ranges if merged.min_row == merged.max_row == line_row]
    height = sheet.row_dimensions[line_row].height
    for offset, line in enumerate(document.lines):
        row = line_row + offset

        def resolve(name: str, line=line) -> Value:
            return LINE_PLACEHOLDERS[name](line) if name in LINE_PLACEHOLDERS else PLACEHOLDERS[name](document)

        if offset:
            sheet.row_dimensions[row].height = height
            for merged in merges:
                sheet.merge_cells(start_row=row, end_row=row, start_column=merged.min_col, end_column=merged.max_col)
        for column, value, style, origin in template_cells:
            target = sheet.cell(row=row, column=column)
            if offset:
                for name, value_style in style.items():
                    setattr(target, name, copy(value_style))
            if isinstance(value, str) and value.startswith("="):
                target.value = Translator(value, origin=origin).translate_formula(target.coordinate)
            elif isinstance(value, str) and "{{" in value:
                target.value = _substitute(value, resolve, document.currency)
            else:
                target.value = value
    if not document.lines:
        for cell in sheet[line_row]:
            if isinstance(cell.value, str) and "{{" in cell.value:
                cell.value = None


def fill_template(document: QuoteDocument, template: Path, out: Path) -> Path:
    """Write `template` filled with `document` to `out` (the template itself is left as it was)."""
    template, out = Path(template), Path(out)
    if out.resolve() == template.resolve():
        raise TemplateError(template, "the filled copy would overwrite the template: choose another file name")
    check_template(template)
    try:
        workbook = load_workbook(template)
    except Exception as exc:  # openpyxl raises many kinds on a damaged part
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
        raise TemplateError(template, f"cannot be opened ({first})") from None
    sheet, line_row = find_line_row(template, workbook)
    if len(document.lines) > 1:
        _open_rows(template, sheet, line_row, len(document.lines) - 1)
    _fill_lines(sheet, line_row, document)

    def resolve(name: str) -> Value:
        return PLACEHOLDERS[name](document)

    for each in workbook.worksheets:
        for row in each.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and "{{" in cell.value:
                    cell.value = _substitute(cell.value, resolve, document.currency)
    workbook.save(out)
    return out
