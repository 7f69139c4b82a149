"""The page of the built-in PDF layout: A4 in millimetres, the running header and footer, shaping per cell."""

from __future__ import annotations

from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from trade_crm.domain.quotes.document import QuoteDocument
from trade_crm.exchange.documents.fonts import needs_shaping
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
        self.shaping: dict[str, Any] | None = None  # fpdf2's shaping settings, kept while a cell is unshaped

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
        self.cell(0, 5, "  ·  ".join(part for part in (self.document.seller.company, self.document.number) if part),
                  align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, f"{self.page_no()}/{{nb}}", align="R")
        self.set_text_color(0)

    def shape_only(self, text: str) -> None:
        """Shape `text` with HarfBuzz only if its script needs it (Arabic joins and runs right to left).

        fpdf2's line breaker shapes a fragment again for every character it measures, so shaping the whole
        document costs more than all the rest of the layout; Latin, Cyrillic and Chinese print the same glyphs
        unshaped (only Latin kerning is lost)."""
        if self.shaping is not None:
            self.text_shaping = self.shaping if needs_shaping(text) else None

    def cell(self, *args: Any, **kwargs: Any) -> Any:
        self.shape_only(str(kwargs.get("text", args[2] if len(args) > 2 else "")))
        return super().cell(*args, **kwargs)

    def multi_cell(self, *args: Any, **kwargs: Any) -> Any:
        self.shape_only(str(kwargs.get("text", args[2] if len(args) > 2 else "")))
        return super().multi_cell(*args, **kwargs)

    def _render_styled_text_line(self, *args: Any, **kwargs: Any) -> Any:
        # fpdf2 2.8.9 (the follow-up of py-pdf/fpdf2#1772): when a page's first line of text starts with a
        # fallback face (an Arabic or Chinese name), the main face is selected inside that line's q/Q block
        # but recorded as set for the page, so the next line is shown with no font and vanishes (poppler:
        # "No font in show"). Asking for the face again on every line costs a few bytes a line.
        result = super()._render_styled_text_line(*args, **kwargs)
        self.current_font_is_set_on_page = False
        return result
