"""What keeps a PDF quick without changing it: the one-pass line table (pdf_table) keeps a paragraph that fits its
column on one line and wraps a longer one inside it at spaces; the collector pause around a render (the imports'
domain.bulk.collector_paused, tested in tests/domain/test_bulk.py) ends with the render, also a refused one; a
bold Arabic or Chinese face is embedded only when the document prints that script in bold."""

from __future__ import annotations

import gc
import subprocess
from collections.abc import Iterator
from dataclasses import replace

import pytest

from tests.exchange.documents.conftest import pdf_text, require_tool
from tests.exchange.documents.sample_documents import ARABIC_NAME, sample_document
from trade_crm.domain.errors import ValidationError
from trade_crm.exchange.documents.pdf import close_faces, register_faces, render_pdf
from trade_crm.exchange.documents.pdf_page import DocumentPdf
from trade_crm.exchange.documents.pdf_table import Column, TableStyle, text_width, wrap

STYLE = TableStyle(line_height=3.9, pad_x=1.2, pad_y=1.1, heading_font=("latin", "B", 7.5),
                   body_font=("latin", "", 8), heading_fill=(231, 236, 243))


@pytest.fixture
def pdf(faces) -> Iterator[DocumentPdf]:
    page = DocumentPdf(sample_document())
    register_faces(page, faces, frozenset({"latin", "cyrillic", "arabic", "cjk"}), None)
    page.add_page()
    page.set_font("latin", "", 8)
    yield page
    close_faces(page)


def test_a_paragraph_that_fits_is_one_line_and_a_longer_one_wraps_at_spaces_inside_the_column(pdf):
    column = Column(40.0, "L")
    assert wrap(pdf, "Driver 40 W\nLED 面板灯 600×600", column, STYLE) == ("Driver 40 W", "LED 面板灯 600×600")
    long = "Spring clip for ceiling mounting, stainless steel, for 600 mm panels"
    lines = wrap(pdf, long, column, STYLE)
    assert len(lines) >= 2
    assert " ".join(lines) == long
    assert all(pdf.get_string_width(line) <= column.width - 2 * STYLE.pad_x for line in lines)
    assert wrap(pdf, "", column, STYLE) == ()


def test_the_width_by_arithmetic_is_fpdf2s_measure(pdf):
    for text in ("Driver 40 W, flicker-free, 0-10 V dimming", "Светодиодная панель 600×600", "LED 面板灯 防眩光",
                 ARABIC_NAME, ""):
        pdf.shape_only(text)
        assert text_width(pdf, text) == pytest.approx(pdf.get_string_width(text), abs=1e-9), text
    pdf.set_font("latin", "B", 7.5)
    assert text_width(pdf, "Amount (USD)") == pytest.approx(pdf.get_string_width("Amount (USD)"), abs=1e-9)


def test_a_description_longer_than_its_column_prints_whole_on_several_lines(tmp_path, faces):
    document = sample_document(lines=3)
    long = "Aluminium housing, opal diffuser, 4000 K neutral white, CRI above 90, five year warranty"
    document = replace(document, lines=(replace(document.lines[0], description=long), *document.lines[1:]))
    text = pdf_text(render_pdf(document, tmp_path / "long.pdf", faces=faces))
    assert long not in text.splitlines()  # wrapped, so not one line
    assert " ".join(text.split()).count(long) == 1


def test_the_collector_runs_again_after_a_render_and_after_a_refused_one(tmp_path, faces, automatic_collector):
    assert gc.isenabled()
    render_pdf(sample_document(), tmp_path / "a.pdf", faces=faces)
    assert gc.isenabled()
    endless = replace(sample_document(lines=1).lines[0], description="\n".join(f"spec {n}" for n in range(120)))
    with pytest.raises(ValidationError):
        render_pdf(replace(sample_document(lines=1), lines=(endless,)), tmp_path / "b.pdf", faces=faces)
    assert gc.isenabled()


def _embedded(pdf_file) -> str:
    return subprocess.run([require_tool("pdffonts"), str(pdf_file)], capture_output=True, text=True,
                          check=True).stdout


def test_a_bold_arabic_or_chinese_face_is_embedded_only_for_a_document_printing_that_script_in_bold(tmp_path, faces):
    english = render_pdf(sample_document(), tmp_path / "en.pdf", faces=faces)  # Arabic and Chinese names, regular
    assert "NotoNaskhArabic" in _embedded(english) and "NotoNaskhArabicBold" not in _embedded(english)
    assert "NotoSansCJKSCBold" not in _embedded(english)
    document = sample_document()
    arabic_buyer = replace(document, buyer=replace(document.buyer, name=ARABIC_NAME))
    bold = render_pdf(arabic_buyer, tmp_path / "ar.pdf", faces=faces)
    assert "NotoNaskhArabicBold" in _embedded(bold)
    assert ARABIC_NAME in pdf_text(bold).splitlines()
    chinese = render_pdf(sample_document(language="zh"), tmp_path / "zh.pdf", faces=faces)  # bold Chinese labels
    assert "NotoSansCJKSCBold" in _embedded(chinese)


def test_latin_greek_and_symbol_characters_beyond_latin_1_print_from_the_latin_face(tmp_path, faces, caplog):
    """register_faces gives the Latin face only the characters a document prints: the ones typed must be among them."""
    document = sample_document(lines=2)
    typed = "Łódź №5 – 10 € ±2 °C, Ωmega ‰ ™"
    document = replace(document, lines=(replace(document.lines[0], description=typed), document.lines[1]),
                       notes="Delivery “as agreed” — see §3")
    pdf = render_pdf(document, tmp_path / "symbols.pdf", faces=faces)
    text = pdf_text(pdf)
    assert typed in text.splitlines() and "Delivery “as agreed” — see §3" in text
    assert "missing the following glyphs" not in caplog.text  # fpdf2's warning for a character no face has
