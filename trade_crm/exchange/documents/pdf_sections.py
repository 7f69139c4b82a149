"""The sections of the built-in PDF layout, top to bottom: letterhead, parties, terms, lines, totals, bank,
notes, signatures. Each draws at the current position of a pdf.DocumentPdf and leaves it below itself."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from fpdf.enums import Align, TableBordersLayout, VAlign, XPos, YPos
from fpdf.fonts import FontFace

from trade_crm.domain.errors import ValidationError
from trade_crm.domain.quotes.document import DocumentLine, Party, QuoteDocument
from trade_crm.exchange.documents.formats import (
    amount_in_words,
    format_amount,
    format_cbm,
    format_kg,
    format_price,
    format_quantity,
)
from trade_crm.exchange.documents.labels import labels_text
from trade_crm.exchange.documents.pdf_table import Cell, Column, RowTooHighError, TableStyle, draw_table

if TYPE_CHECKING:
    from trade_crm.exchange.documents.pdf_page import DocumentPdf

ACCENT = (22, 58, 110)
GREY = (110, 110, 110)
RULE = (190, 196, 204)
HEADING_FILL = (231, 236, 243)
LOGO_HEIGHT = 18.0
PHOTO_HEIGHT = 16.0  # a row with a photo is at least this high, so photos print alike


def bold_text(document: QuoteDocument) -> str:
    """Every string the sections print in bold, joined: the labels, the seller's and the parties' names, the
    number and the bank's SWIFT, account and IBAN (digits and amounts are Latin). Keep it in step with the
    sections: pdf.register_faces embeds a bold Arabic or Chinese face only for a document whose bold text has
    that script, and bold text in a script without its bold face prints in the regular face."""
    bank = document.seller.bank
    names = [document.seller.company, document.buyer.name, document.number, bank.swift, bank.account, bank.iban]
    if document.consignee is not None:
        names.append(document.consignee.name)
    return "\n".join([labels_text(document.language), *names])


def _image(path: Path | None) -> Path | None:
    return path if path is not None and Path(path).is_file() else None


def _rule(pdf: DocumentPdf, gap: float = 2.5) -> None:
    pdf.ln(gap)
    pdf.set_draw_color(*RULE)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.set_draw_color(0)
    pdf.ln(gap)


def _small_heading(pdf: DocumentPdf, text: str, width: float = 0) -> None:
    pdf.set_font("latin", "B", 8)
    pdf.set_text_color(*ACCENT)
    pdf.cell(width, 4.5, text.upper() if pdf.document.language != "zh" else text,
             new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_text_color(0)


def letterhead(pdf: DocumentPdf) -> None:
    """Logo and seller on the left; the title, number and dates on the right."""
    document, seller = pdf.document, pdf.document.seller
    top, left = pdf.get_y(), pdf.l_margin
    text_x = left
    logo = _image(seller.logo)
    if logo is not None:
        placed = pdf.image(str(logo), x=left, y=top, h=LOGO_HEIGHT)
        text_x = left + min(float(placed.rendered_width), 45.0) + 4
    column = 118 - text_x
    pdf.set_xy(text_x, top)
    pdf.set_font("latin", "B", 12.5)
    pdf.multi_cell(column, 5.6, seller.company, align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
    if seller.company_local:
        pdf.set_font("latin", "", 10)
        pdf.multi_cell(column, 5, seller.company_local, align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_font("latin", "", 8)
    pdf.set_text_color(*GREY)
    contact = "  ·  ".join(part for part in (seller.phone, seller.email, seller.website) if part)
    for text in (seller.address, contact):
        if text:
            pdf.multi_cell(column, 3.8, text, align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_text_color(0)
    left_end = max(pdf.get_y(), top + (LOGO_HEIGHT if logo is not None else 0))

    right_x, right_w = 120.0, pdf.w - pdf.r_margin - 120.0
    pdf.set_xy(right_x, top)
    pdf.set_font("latin", "B", 17 if document.language == "zh" else 15)
    pdf.set_text_color(*ACCENT)
    pdf.cell(right_w, 8, pdf.label(document.kind), align="R", new_x=XPos.LEFT, new_y=YPos.NEXT)
    if document.language == "zh":  # the English title under the Chinese one: the buyer's bank reads it
        pdf.set_font("latin", "B", 8.5)
        pdf.cell(right_w, 4.5, _english(document.kind), align="R", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_text_color(0)
    pdf.ln(1.5)
    meta = [(pdf.label("number"), document.number), (pdf.label("date"), document.issued_on.isoformat())]
    if document.valid_until is not None:
        meta.append((pdf.label("valid_until"), document.valid_until.isoformat()))
    for key, value in meta:
        pdf.set_x(right_x)
        pdf.set_font("latin", "", 8.5)
        pdf.set_text_color(*GREY)
        pdf.cell(right_w - 44, 5, key, align="R")
        pdf.set_text_color(0)
        pdf.set_font("latin", "B", 9.5)
        pdf.cell(44, 5, value, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(max(left_end, pdf.get_y()))
    _rule(pdf)


def _english(kind: str) -> str:
    return "PROFORMA INVOICE" if kind == "proforma" else "QUOTATION"


def _party(pdf: DocumentPdf, heading: str, party: Party, x: float, width: float) -> float:
    pdf.set_x(x)
    _small_heading(pdf, heading, width)
    pdf.set_font("latin", "B", 10)
    pdf.multi_cell(width, 5, party.name, align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_font("latin", "", 8.5)
    tax = f"{pdf.label('tax_id')}: {party.tax_id}" if party.tax_id else ""
    for text in (party.contact, party.address, party.phone, party.email, tax):
        if text:
            pdf.multi_cell(width, 4.2, text, align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
    return pdf.get_y()


def parties(pdf: DocumentPdf) -> None:
    """The buyer, and beside it the consignee of a PI."""
    document = pdf.document
    top, half = pdf.get_y(), (pdf.epw - 8) / 2
    ends = [_party(pdf, pdf.label("buyer"), document.buyer, pdf.l_margin, half)]
    if document.consignee is not None:
        pdf.set_y(top)
        ends.append(_party(pdf, pdf.label("consignee"), document.consignee, pdf.l_margin + half + 8, half))
    pdf.set_xy(pdf.l_margin, max(ends))
    _rule(pdf)


def terms(pdf: DocumentPdf) -> None:
    """Incoterm and place, payment, lead time, ports: two label/value pairs a row, the present ones only."""
    document = pdf.document
    incoterm = " ".join(part for part in (document.incoterm, document.incoterm_place) if part)
    pairs = [(pdf.label(key), value) for key, value in (
        ("incoterm", incoterm), ("payment_terms", document.payment_terms), ("lead_time", document.lead_time),
        ("port_of_loading", document.port_of_loading), ("port_of_discharge", document.port_of_discharge),
    ) if value]
    if not pairs:
        return
    if len(pairs) % 2:
        pairs.append(("", ""))
    pdf.set_font("latin", "", 8.5)
    label_style = FontFace(emphasis="BOLD", color=GREY)
    with pdf.table(col_widths=(31, 60, 31, 60), first_row_as_headings=False, line_height=4.3,
                   borders_layout=TableBordersLayout.NONE, text_align=Align.L, v_align=VAlign.T,
                   padding=(0.6, 1, 0.6, 0)) as table:
        for first, second in zip(pairs[::2], pairs[1::2], strict=True):
            row = table.row()
            for key, value in (first, second):
                row.cell(key, style=label_style)
                row.cell(value)
    _rule(pdf)


def _columns(pdf: DocumentPdf) -> list[tuple[str, float, str]]:
    """(key, width share, alignment) of the line table, leaving out the columns no line fills."""
    lines = pdf.document.lines
    currency = pdf.document.currency
    columns = [("col_no", 9, "C")]
    if any(_image(line.photo) for line in lines):
        columns.append(("col_photo", 16, "C"))
    columns.append(("col_sku", 20, "L"))
    columns.append(("col_description", 0, "L"))  # the rest
    if any(line.hs_code for line in lines):
        columns.append(("col_hs", 17, "L"))
    columns += [("col_qty", 14, "R"), ("col_unit", 10, "C"), ("col_price", 19, "R")]
    if any(line.discount_percent for line in lines):
        columns.append(("col_discount", 11, "R"))
    columns.append(("col_amount", 24 if len(format_amount(pdf.document.total, currency)) < 13 else 28, "R"))
    fixed = sum(width for _, width, _ in columns)
    return [(key, width or pdf.epw - fixed, align) for key, width, align in columns]


def _line_values(line: DocumentLine, currency: str) -> dict[str, str]:
    return {
        "col_no": str(line.position), "col_sku": line.sku, "col_description": line.description,
        "col_hs": line.hs_code, "col_qty": format_quantity(line.quantity), "col_unit": line.unit,
        "col_price": format_price(line.unit_price, currency),
        "col_discount": format_quantity(line.discount_percent) if line.discount_percent else "",
        "col_amount": format_amount(line.amount, currency),
    }


def _line_cells(line: DocumentLine, columns: list[tuple[str, float, str]], currency: str) -> list[Cell]:
    values = _line_values(line, currency)
    photo = _image(line.photo)
    return [Cell(image=photo) if key == "col_photo" else Cell(values.get(key, "")) for key, _, _ in columns]


def line_table(pdf: DocumentPdf) -> None:
    """One row a line; the header row repeats on every page and a row never splits across pages (pdf_table)."""
    document, currency = pdf.document, pdf.document.currency
    columns = _columns(pdf)
    headings = {key: pdf.label(key) for key, _, _ in columns}
    headings["col_price"] += f" ({currency})"
    headings["col_amount"] += f" ({currency})"
    photos = any(key == "col_photo" for key, _, _ in columns)
    style = TableStyle(line_height=3.9, pad_x=1.2, pad_y=1.1, heading_font=("latin", "B", 7.5),
                       body_font=("latin", "", 8), heading_fill=HEADING_FILL,
                       min_row_height=PHOTO_HEIGHT if photos else 0.0)
    pdf.ln(1)
    pdf.set_draw_color(*RULE)
    try:
        draw_table(pdf, [Column(width, align) for _, width, align in columns],
                   [Cell(headings[key], "C" if key != "col_description" else "L") for key, _, _ in columns],
                   [_line_cells(line, columns, currency) for line in document.lines], style)
    except RowTooHighError as exc:
        line = document.lines[exc.index]
        raise ValidationError("description", f"line {line.position} ({line.sku}) does not fit on one page: "
                                             "shorten its description") from None
    finally:
        pdf.set_draw_color(0)


def totals(pdf: DocumentPdf, *, words: bool) -> None:
    document = pdf.document
    pdf.ln(2)
    width = 70.0
    pdf.set_x(pdf.w - pdf.r_margin - width)
    pdf.set_fill_color(*HEADING_FILL)
    pdf.set_font("latin", "B", 10.5)
    pdf.cell(width - 36, 7.5, f"{pdf.label('total')} ({document.currency})", align="R", fill=True)
    pdf.cell(36, 7.5, format_amount(document.total, document.currency), align="R", fill=True,
             new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if words:
        pdf.ln(1)
        pdf.set_font("latin", "", 8)
        pdf.multi_cell(0, 4, f"{pdf.label('in_words')}: {amount_in_words(document.total, document.currency)}",
                       align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    packing = document.packing
    if packing is not None:
        pdf.ln(1)
        pdf.set_font("latin", "", 8.5)
        text = (f"{pdf.label('packing')}: {format_quantity(packing.cartons)} {pdf.label('cartons')}  ·  "
                f"{pdf.label('volume')} {format_cbm(packing.cbm)} CBM  ·  "
                f"{pdf.label('net_weight')} {format_kg(packing.net_kg)} kg  ·  "
                f"{pdf.label('gross_weight')} {format_kg(packing.gross_kg)} kg")
        pdf.multi_cell(0, 4.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def bank(pdf: DocumentPdf) -> None:
    """The seller's bank, as the buyer's bank clerk types it into a transfer: large enough, one field a line."""
    details = pdf.document.seller.bank
    rows = [(key, value) for key, value in (
        ("beneficiary", details.beneficiary), ("bank_name", details.bank_name),
        ("bank_address", details.bank_address), ("swift", details.swift), ("account", details.account),
        ("iban", details.iban)) if value]
    if not rows:
        return
    pdf.ln(2)
    if pdf.will_page_break(6 + 5 * len(rows)):
        pdf.add_page()
    _small_heading(pdf, pdf.label("bank"))
    for key, value in rows:
        pdf.set_font("latin", "", 8.5)
        pdf.set_text_color(*GREY)
        pdf.cell(32, 5, pdf.label(key))
        pdf.set_text_color(0)
        pdf.set_font("latin", "B" if key in ("swift", "account", "iban") else "", 9.5)
        pdf.multi_cell(0, 5, value, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def notes(pdf: DocumentPdf) -> None:
    if not pdf.document.notes:
        return
    pdf.ln(2)
    _small_heading(pdf, pdf.label("notes"))
    pdf.set_font("latin", "", 8.5)
    pdf.multi_cell(0, 4.3, pdf.document.notes, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def signatures(pdf: DocumentPdf) -> None:
    """The buyer's confirmation line on the left; the seller's signature and stamp on the right."""
    document, seller = pdf.document, pdf.document.seller
    height = 34.0
    pdf.ln(4)
    if pdf.will_page_break(height):
        pdf.add_page()
    top = pdf.get_y()
    half = (pdf.epw - 10) / 2
    right = pdf.l_margin + half + 10
    pdf.set_font("latin", "", 8.5)
    pdf.set_text_color(*GREY)
    if document.kind == "proforma":
        pdf.set_xy(pdf.l_margin, top)
        pdf.cell(half, 4.5, pdf.label("buyer_confirmation"))
        pdf.line(pdf.l_margin, top + height - 6, pdf.l_margin + half - 10, top + height - 6)
    pdf.set_xy(right, top)
    pdf.multi_cell(half, 4.5, f"{pdf.label('for_seller')} {seller.company}", align="L",
                   new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_text_color(0)
    stamp, signature = _image(seller.stamp), _image(seller.signature)
    if stamp is not None:
        pdf.image(str(stamp), x=right + 22, y=top + 5, h=26)
    if signature is not None:
        pdf.image(str(signature), x=right + 2, y=top + 10, h=14)
    pdf.line(right, top + height - 6, pdf.w - pdf.r_margin, top + height - 6)
    pdf.set_y(top + height)
