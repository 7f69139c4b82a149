"""The built-in PDF layout of a quotation or proforma invoice: fpdf2, embedded subset faces, shaped text.

Why fpdf2 (../shared/notes/wave2-research.md L7-L10): Qt's PDF writer with a CJK main face garbles digits in
the text layer, reportlab refuses the CFF outlines of Noto Sans CJK, WeasyPrint takes seconds; fpdf2 embeds
TrueType and CFF faces as subsets with a ToUnicode map, so the text a buyer copies is the text we printed.

The main face is Latin (it covers Cyrillic); Arabic and CJK characters fall back per character run to their
faces (`set_fallback_fonts`), and uharfbuzz shapes the runs (Arabic joined, right to left). The line table
repeats its header row on every page and never splits a row (fpdf2's table breaks before a row that does
not fit). Page numbers print as "1/3".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from trade_crm.domain.quotes.document import QuoteDocument
from trade_crm.exchange.documents import pdf_sections
from trade_crm.exchange.documents.fonts import FaceSet, MissingFaceError, find_faces, scripts_needed
from trade_crm.exchange.documents.labels import label

MARGIN = 14.0
GREY = (110, 110, 110)


class DocumentPdf(FPDF):
    """An A4 page in millimetres with the document's running header (pages after the first) and footer."""

    def __init__(self, document: QuoteDocument):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.document = document
        self.set_margins(MARGIN, 12, MARGIN)
        self.set_auto_page_break(True, margin=16)
        self.set_creator("Trade CRM")
        self.set_title(f"{label(document.kind, 'en').title()} {document.number}")
        self.set_author(document.seller.company)

    def label(self, key: str) -> str:
        return label(key, self.document.language)

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("latin", "", 8)
        self.set_text_color(*GREY)
        self.cell(0, 5, f"{self.label(self.document.kind)} {self.document.number} ({self.label('continued')})",
                  align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0)
        self.ln(1)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("latin", "", 7.5)
        self.set_text_color(*GREY)
        self.cell(0, 5, f"{self.document.seller.company}  ·  {self.document.number}", align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, f"{self.page_no()}/{{nb}}", align="R")
        self.set_text_color(0)

    def _render_styled_text_line(self, *args: Any, **kwargs: Any) -> Any:
        # fpdf2 2.8.9 (the follow-up of py-pdf/fpdf2#1772): when a page's first line of text starts with a
        # fallback face (an Arabic or Chinese name), the main face is selected inside that line's q/Q block
        # but recorded as set for the page, so the next line is shown with no font and vanishes (poppler:
        # "No font in show"). Asking for the face again on every line costs a few bytes a line.
        result = super()._render_styled_text_line(*args, **kwargs)
        self.current_font_is_set_on_page = False
        return result


def register_faces(pdf: DocumentPdf, faces: FaceSet, scripts: frozenset[str]) -> None:
    """Embed the Latin face (regular and bold) and, for the scripts the document uses, the fallbacks."""
    pdf.add_font("latin", "", faces.latin.regular.path, collection_font_number=faces.latin.regular.index)
    pdf.add_font("latin", "B", faces.latin.bold.path, collection_font_number=faces.latin.bold.index)
    fallbacks = []
    for name, pair in (("arabic", faces.arabic), ("cjk", faces.cjk)):
        if name not in scripts:
            continue
        if pair is None:
            raise MissingFaceError(name, "the faces given have none; call find_faces with the document's scripts")
        pdf.add_font(name, "", pair.regular.path, collection_font_number=pair.regular.index)
        if name != "cjk" or pdf.document.language == "zh":  # a CJK bold face takes ~150 ms to load: for zh labels
            # (elsewhere bold Chinese falls back to the regular face: exact_match=False)
            pdf.add_font(name, "B", pair.bold.path, collection_font_number=pair.bold.index)
        fallbacks.append(name)
    if fallbacks:
        pdf.set_fallback_fonts(fallbacks, exact_match=False)


def render_pdf(document: QuoteDocument, out: Path, *, faces: FaceSet | None = None, words: bool = True) -> Path:
    """Write `document` as a PDF to `out` and return `out`. `words`: print the total in words (PI custom).

    Raises MissingFaceError when a script the document prints has no face (fonts.find_faces)."""
    scripts = scripts_needed(document)
    faces = faces or find_faces(scripts)
    pdf = DocumentPdf(document)
    try:
        register_faces(pdf, faces, scripts)
        pdf.set_text_shaping(True)
        pdf.alias_nb_pages()
        pdf.add_page()
        pdf_sections.letterhead(pdf)
        pdf_sections.parties(pdf)
        pdf_sections.terms(pdf)
        pdf_sections.line_table(pdf)
        pdf_sections.totals(pdf, words=words)
        if document.kind == "proforma":
            pdf_sections.bank(pdf)
        pdf_sections.notes(pdf)
        pdf_sections.signatures(pdf)
        out = Path(out)
        pdf.output(str(out))
    finally:
        for font in pdf.fonts.values():  # fontTools keeps the font files open (lazy tables) until closed
            close = getattr(font, "close", None)
            if close is not None:
                close()
    return out
