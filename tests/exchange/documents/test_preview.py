"""Page previews through pdftoppm."""

from __future__ import annotations

import pytest
from PIL import Image

from tests.exchange.documents.conftest import require_tool
from tests.exchange.documents.sample_documents import sample_document
from trade_crm.exchange.documents.pdf import render_pdf
from trade_crm.exchange.documents.preview import PreviewError, page_png


def test_page_one_renders_to_an_a4_png(tmp_path, faces, images):
    require_tool("pdftoppm")
    pdf = render_pdf(sample_document(images=images), tmp_path / "pi.pdf", faces=faces)
    png = page_png(pdf, 1, tmp_path / "page1.png", dpi=50)
    with Image.open(png) as image:
        assert image.size == (414, 585)  # A4 at 50 dpi
        assert image.convert("L").getextrema()[0] < 80  # ink on the page


def test_a_page_past_the_end_is_refused_in_one_line(tmp_path, faces):
    require_tool("pdftoppm")
    pdf = render_pdf(sample_document(), tmp_path / "pi.pdf", faces=faces)
    with pytest.raises(PreviewError, match=r"^pi.pdf: no preview of page 9 \("):
        page_png(pdf, 9, tmp_path / "page9.png")


def test_missing_pdftoppm_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(PreviewError, match="pdftoppm is missing; install poppler-utils"):
        page_png(tmp_path / "any.pdf", 1, tmp_path / "page.png")
