"""The built-in PDF layout of a quotation or proforma invoice: fpdf2, embedded subset faces, shaped text.

Why fpdf2 (../shared/notes/wave2-research.md L7-L10): Qt's PDF writer with a CJK main face garbles digits in
the text layer, reportlab refuses the CFF outlines of Noto Sans CJK, WeasyPrint takes seconds; fpdf2 embeds
TrueType and CFF faces as subsets with a ToUnicode map, so the text a buyer copies is the text we printed.

The main face is Latin (it covers Cyrillic); Arabic and CJK characters fall back per character run to their
faces (`set_fallback_fonts`), and uharfbuzz shapes the text that needs it (Arabic joined, right to left; see
pdf_page.DocumentPdf.shape_only). The line table (pdf_table, laid out in one pass) repeats its header row on
every page and never splits a row. Page numbers print as "1/3".

Speed (issue #21: a 50-line PI well under 300 ms): each render loads its faces afresh, so what a face costs is
kept small: the CJK face from its reduced per-machine copy (face_cache), bold Arabic and Chinese faces only for a
document printing those scripts in bold, subsets written as read (_write_as_read); and the garbage collector
is paused while a render runs (domain.bulk.collector_paused, the imports' pause): fontTools reads a face into
hundreds of thousands of small objects whose full collector passes were a third of a warm PI's time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from fontTools.ttLib import OPTIMIZE_FONT_SPEED, TTFont
from PIL import Image

from trade_crm.domain.bulk import collector_paused
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.quotes.document import QuoteDocument
from trade_crm.exchange.documents import face_cache, pdf_sections
from trade_crm.exchange.documents.fonts import (
    Face,
    FaceSet,
    MissingFaceError,
    document_text,
    find_faces,
    needs_shaping,
    scripts_needed,
    scripts_of,
)
from trade_crm.exchange.documents.labels import labels_text
from trade_crm.exchange.documents.pdf_page import DocumentPdf

LAYOUT_CHARACTERS = frozenset(range(0x20, 0x7F)) | frozenset(range(0xA0, 0x100)) | frozenset(range(0x2000, 0x2070))


def register_faces(pdf: DocumentPdf, faces: FaceSet, scripts: frozenset[str], cache: Path | None = None) -> None:
    """Embed the Latin face (regular and bold) and, for the scripts the document uses, the fallbacks.

    `cache`: the folder of the reduced CJK faces (face_cache); None uses the original faces."""
    # A face maps only the characters this document prints (its text and labels; the Latin face also Latin-1 and
    # general punctuation, for what the layout adds: amounts, amounts in words, "·", page numbers): fpdf2
    # otherwise reads the widths of every character of the face for every document (2,800 of a Latin face,
    # 30,000+ of a CJK one).
    printed = {ord(char) for char in document_text(pdf.document) + labels_text(pdf.document.language)}
    latin = sorted(printed | LAYOUT_CHARACTERS)
    pdf.add_font("latin", "", faces.latin.regular.path, collection_font_number=faces.latin.regular.index,
                 unicode_range=latin)
    pdf.add_font("latin", "B", faces.latin.bold.path, collection_font_number=faces.latin.bold.index,
                 unicode_range=latin)
    fallbacks = []
    bold = {ord(char) for char in pdf_sections.bold_text(pdf.document)}
    for name, pair in (("arabic", faces.arabic), ("cjk", faces.cjk)):
        if name not in scripts:
            continue
        if pair is None:
            raise MissingFaceError(name, "the faces given have none; call find_faces with the document's scripts")
        used = sorted(code for code in printed if scripts_of(chr(code)) == {name})
        _add_fallback(pdf, name, "", pair.regular, used, cache)
        # The bold face only when something bold is in this script (Chinese labels, an Arabic buyer's name): each
        # face costs its loading and subsetting (~8 ms Arabic, ~20 ms reduced CJK, ~150 ms original CJK), and
        # fpdf2 embeds a face added even if nothing printed uses it. Elsewhere bold text of the script, if any,
        # falls back to the regular face (exact_match=False).
        if bold.intersection(used):
            _add_fallback(pdf, name, "B", pair.bold, used, cache)
        fallbacks.append(name)
    if fallbacks:
        pdf.set_fallback_fonts(fallbacks, exact_match=False)
    for font in pdf.fonts.values():
        _write_as_read(font.ttfont)


def _write_as_read(ttfont: TTFont) -> None:
    """Have fontTools write a face's subset as it was read (FPDF.output), with the work fpdf2 throws away left out.

    - Bounding boxes are not recomputed: by default fontTools recomputes every kept glyph's bounds (for a CFF face
      by running each glyph's charstring: half of a Chinese face's output time) and the head, hhea and maxp
      extremes from them. The face's own values bound the subset's glyphs as well.
    - The layout tables (GSUB, GPOS, GDEF) are left out before subsetting: fpdf2 drops them from the subset anyway,
      yet fontTools' subsetter reads their lookups first (~4 ms a Latin or Arabic face). Shaping does not use
      them from here: HarfBuzz reads the face's file itself."""
    ttfont.recalcBBoxes = False
    ttfont.cfg[OPTIMIZE_FONT_SPEED] = True  # TrueType glyphs copied as read, not re-encoded smaller
    for tag in ("GSUB", "GPOS", "GDEF"):
        if tag in ttfont:
            del ttfont[tag]


def _add_fallback(pdf: DocumentPdf, name: str, style: str, face: Face, used: list[int], cache: Path | None) -> None:
    """Add a fallback face; for CJK its reduced copy once built (~100 ms instead of ~650 ms, face_cache)."""
    chosen = face_cache.reduced_face(face, used, cache) if name == "cjk" else face
    pdf.add_font(name, style, chosen.path, collection_font_number=chosen.index, unicode_range=used)


def check_images(document: QuoteDocument) -> None:
    """Refuse, naming the field, a logo, signature, stamp or photo that is missing or is no picture."""
    seller = document.seller
    images = [("logo", seller.logo), ("signature", seller.signature), ("stamp", seller.stamp)]
    images += [(f"lines[{line.position}].photo", line.photo) for line in document.lines]
    for field, path in images:
        if path is None:
            continue
        try:
            with Image.open(path) as image:
                image.verify()
        except FileNotFoundError:
            raise ValidationError(field, f"{Path(path).name} is missing (looked in {Path(path).parent})") from None
        except Exception:  # Pillow raises several kinds for a file that is no picture
            raise ValidationError(field, f"{Path(path).name} is not a picture (PNG or JPEG)") from None


def render_pdf(document: QuoteDocument, out: Path, *, faces: FaceSet | None = None, words: bool = True,
               font_cache: Path | Literal["default"] | None = "default") -> Path:
    """Write `document` as a PDF to `out` and return `out`. `words`: print the total in words (PI custom).
    `font_cache`: the folder of the reduced CJK faces ("default": face_cache.cache_folder(); None: none). The first
    document that needs one starts its build in the background and prints with the original face.

    Raises MissingFaceError when a script the document prints has no face (fonts.find_faces)."""
    with collector_paused():
        return _render(document, Path(out), faces, words, font_cache)


def _render(document: QuoteDocument, out: Path, faces: FaceSet | None, words: bool,
            font_cache: Path | Literal["default"] | None) -> Path:
    check_images(document)
    scripts = scripts_needed(document)
    faces = faces or find_faces(scripts)
    pdf = DocumentPdf(document)
    try:
        cache = face_cache.cache_folder() if font_cache == "default" else font_cache
        register_faces(pdf, faces, scripts, cache)
        if needs_shaping(document_text(document)):
            pdf.set_text_shaping(True)
            pdf.shaping = pdf.text_shaping
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
        pdf.output(str(out))
    finally:
        close_faces(pdf)
    return out


def close_faces(pdf: DocumentPdf) -> None:
    """Close the face files: fontTools keeps them open (lazy tables) until closed."""
    for font in pdf.fonts.values():
        close = getattr(font, "close", None)
        if close is not None:
            close()
