"""The line table of the built-in PDF layout, laid out in one pass: each cell measured once, then drawn.

Why not fpdf2's table(): it lays every cell out twice (a dry run for the row's height, then the real one), and its
line breaker measures the line again at every space; that was two thirds of a 50-line PI's time (issue #21's
bench). Here a paragraph that fits its column (nearly all do) is one line, measured once with get_string_width;
only a longer one goes through fpdf2's line breaker (a multi_cell dry run, so it wraps where fpdf2 would). The
lines are then drawn with cell(), which picks the fallback face per character run and shapes Arabic
(pdf_page.DocumentPdf.cell).

The look is that of fpdf2's table with HORIZONTAL_LINES borders: a filled header row, rules between rows, text
centred in its row's height; the header row repeats at the top of every page and a row never splits across pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trade_crm.exchange.documents.pdf_page import DocumentPdf


@dataclass(frozen=True)
class Column:
    width: float
    align: str  # "L", "C" or "R"


@dataclass(frozen=True)
class TableStyle:
    line_height: float
    pad_x: float  # left and right, inside each cell
    pad_y: float  # top and bottom
    heading_font: tuple[str, str, float]  # family, style, size
    body_font: tuple[str, str, float]
    heading_fill: tuple[int, int, int]
    min_row_height: float = 0.0


@dataclass(frozen=True)
class Cell:
    text: str = ""
    align: str | None = None  # None: the column's
    image: Path | None = None


@dataclass(frozen=True)
class _Row:
    lines: tuple[tuple[str, ...], ...]  # per cell
    cells: tuple[Cell, ...]
    height: float


class RowTooHighError(Exception):
    """A row taller than a page (after the header row): `index` counts the body rows from 0."""

    def __init__(self, index: int):
        super().__init__(f"row {index} does not fit on one page")
        self.index = index


def wrap(pdf: DocumentPdf, text: str, column: Column, style: TableStyle) -> tuple[str, ...]:
    """The lines `text` takes in `column`, in the current font: a paragraph a line unless it is too wide."""
    if not text:
        return ()
    room = column.width - 2 * style.pad_x
    lines: list[str] = []
    for paragraph in text.rstrip("\n").split("\n"):
        pdf.shape_only(paragraph)
        if text_width(pdf, paragraph) <= room:
            lines.append(paragraph)
        else:  # fpdf2's own line breaker, with the padding its table gives a cell
            lines.extend(pdf.multi_cell(column.width, style.line_height, paragraph, padding=(0, style.pad_x),
                                        dry_run=True, output="LINES"))
    return tuple(lines)


def text_width(pdf: DocumentPdf, text: str) -> float:
    """`pdf.get_string_width(text)`, by arithmetic on the face's advance widths when the current (embedded) face
    prints every character unshaped, as in most cells; else fpdf2's own measure (fallback faces, shaping)."""
    font = pdf.current_font
    cmap = getattr(font, "cmap", None)  # an embedded face's; a core font (the bench's floor) has none
    if (cmap is None or pdf.text_shaping or pdf.char_spacing or pdf.font_stretching != 100
            or not all(ord(char) in cmap for char in text)):
        return pdf.get_string_width(text)
    widths = font.cw
    return sum(widths[ord(char)] for char in text) * pdf.font_size_pt * 0.001 / pdf.k


def _layout(pdf: DocumentPdf, columns: Sequence[Column], cells: Sequence[Cell], style: TableStyle,
            min_height: float) -> _Row:
    lines = tuple(wrap(pdf, cell.text, column, style) for column, cell in zip(columns, cells, strict=True))
    tallest = max((len(cell_lines) for cell_lines in lines), default=0)
    height = tallest * style.line_height + 2 * style.pad_y if tallest else style.line_height
    return _Row(lines, tuple(cells), max(height, min_height))


def _draw(pdf: DocumentPdf, columns: Sequence[Column], row: _Row, style: TableStyle, *, heading: bool) -> None:
    left, top = pdf.l_margin, pdf.get_y()
    width = sum(column.width for column in columns)
    if heading:
        pdf.set_fill_color(*style.heading_fill)
        pdf.rect(left, top, width, row.height, style="F")
    else:
        pdf.line(left, top, left + width, top)  # the rule above a body row (below the header or the row before)
    x = left
    for column, cell, lines in zip(columns, row.cells, row.lines, strict=True):
        if cell.image is not None:  # fitted into the cell inside its padding, as fpdf2's table does
            line_width = pdf.line_width
            pdf.image(str(cell.image), x=x + style.pad_x + line_width / 2, y=top + style.pad_y + line_width / 2,
                      w=column.width - 2 * style.pad_x - line_width,
                      h=row.height - 2 * style.pad_y - line_width, keep_aspect_ratio=True)
        y = top + (row.height - len(lines) * style.line_height) / 2
        for line in lines:
            pdf.set_xy(x, y)
            pdf.cell(column.width, style.line_height, line, align=cell.align or column.align)
            y += style.line_height
        x += column.width
    pdf.set_xy(left, top + row.height)


def draw_table(pdf: DocumentPdf, columns: Sequence[Column], heading: Sequence[Cell],
               body: Sequence[Sequence[Cell]], style: TableStyle) -> None:
    """Draw the table from the current position down, breaking pages between rows (the header row again at the
    top of each page). Raises RowTooHighError for a row that does not fit on an empty page under the header."""
    margin = pdf.c_margin
    pdf.c_margin = style.pad_x  # cell() insets its text by c_margin: the cell's left and right padding
    try:
        pdf.set_font(*style.heading_font)
        head = _layout(pdf, columns, heading, style, 0.0)
        pdf.set_font(*style.body_font)
        rows = [_layout(pdf, columns, cells, style, style.min_row_height) for cells in body]
        if rows and pdf.will_page_break(head.height + rows[0].height):  # never the header alone at a page's foot
            _new_page(pdf, margin)
        _heading(pdf, columns, head, style)
        for index, row in enumerate(rows):
            if pdf.will_page_break(row.height):
                if index:  # close the page's last row
                    pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + sum(c.width for c in columns), pdf.get_y())
                _new_page(pdf, margin)
                if pdf.will_page_break(head.height + row.height):
                    raise RowTooHighError(index)
                _heading(pdf, columns, head, style)
            _draw(pdf, columns, row, style, heading=False)
    finally:
        pdf.c_margin = margin


def _new_page(pdf: DocumentPdf, margin: float) -> None:
    """The next page, its running header and footer drawn with the page's own cell margin."""
    padding, pdf.c_margin = pdf.c_margin, margin
    try:
        pdf.add_page(same=True)
    finally:
        pdf.c_margin = padding


def _heading(pdf: DocumentPdf, columns: Sequence[Column], head: _Row, style: TableStyle) -> None:
    pdf.set_font(*style.heading_font)
    _draw(pdf, columns, head, style, heading=True)
    pdf.set_font(*style.body_font)
