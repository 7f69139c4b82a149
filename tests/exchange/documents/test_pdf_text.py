"""The PDF's text layer is what was printed: pdftotext (poppler) reads back the PI number, the bank fields, every
amount and the Chinese, Arabic and Russian names as given.

Arabic: fpdf2 shapes it with HarfBuzz and writes the glyphs in visual order (right to left on the page), each
glyph mapped in the font's ToUnicode table to the letters it stands for (the joined form of ه maps to U+0647,
not to a presentation form; the lam-alef ligature to لا). Poppler puts a right-to-left run back into reading
order and marks it with U+202B...U+202C; a viewer's copy does the same reordering (pdf.js, Acrobat, Evince), so
a buyer who copies an Arabic-only line gets it in reading order. Those marks are removed before comparing
(conftest.BIDI_MARKS). Where Arabic and Latin share one line, poppler returns the runs in the order they
stand on the page, so the tests give the Arabic name a line of its own in the description, as sellers do.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from tests.exchange.documents.conftest import page_count, pdf_text
from tests.exchange.documents.sample_documents import (
    ACCOUNT,
    ARABIC_NAME,
    CHINESE_NAME,
    IBAN,
    PI_NUMBER,
    RUSSIAN_NAME,
    SWIFT,
    sample_document,
)
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.quotes.money import format_amount
from trade_crm.exchange.documents.pdf import render_pdf


def test_pi_text_layer_holds_number_bank_fields_and_every_amount_exactly(tmp_path, faces, images):
    document = sample_document(images=images, photos=True)
    text = pdf_text(render_pdf(document, tmp_path / "pi.pdf", faces=faces))
    for expected in (PI_NUMBER, SWIFT, IBAN, ACCOUNT, "Bank of China, Ningbo Branch", "7,091.25", "0.035"):
        assert expected in text
    for line in document.lines:
        assert format_amount(line.amount, "USD") in text
    assert format_amount(document.total, "USD") in text
    assert "SAY US DOLLARS SEVEN THOUSAND NINETY-ONE AND CENTS TWENTY-FIVE ONLY" in text
    assert "125 cartons" in text and "4.320 CBM" in text and "N.W. 242.5 kg" in text


def test_packing_prints_volume_to_three_places_and_weights_to_two(tmp_path, faces):
    document = sample_document()
    packing = replace(document.packing, cbm=Decimal("55.23584"), net_kg=Decimal("1234.567"),
                      gross_kg=Decimal("1300"))
    text = pdf_text(render_pdf(replace(document, packing=packing), tmp_path / "packing.pdf", faces=faces))
    assert "Volume 55.236 CBM" in text and "N.W. 1,234.57 kg" in text and "G.W. 1,300 kg" in text
    assert "55.23584" not in text


def test_chinese_arabic_and_russian_product_names_read_back_as_given(tmp_path, faces):
    text = pdf_text(render_pdf(sample_document(), tmp_path / "pi.pdf", faces=faces))
    lines = text.splitlines()
    assert CHINESE_NAME in lines
    assert ARABIC_NAME in lines  # its own line: see the module's note on mixed lines
    assert RUSSIAN_NAME in lines
    assert "宁波明途照明有限公司" in lines


def test_english_document_prints_english_labels_and_zh_prints_chinese(tmp_path, faces):
    english = pdf_text(render_pdf(sample_document(language="en"), tmp_path / "en.pdf", faces=faces))
    chinese = pdf_text(render_pdf(sample_document(language="zh"), tmp_path / "zh.pdf", faces=faces))
    assert "PROFORMA INVOICE" in english and "Beneficiary" in english and "形式发票" not in english
    for label in ("形式发票", "收款人", "开户银行", "银行账号", "合计 (USD)", "品名及描述"):
        assert label in chinese
    assert "PROFORMA INVOICE" in chinese  # the English title under the Chinese one
    quotation = pdf_text(render_pdf(sample_document(kind="quotation", language="zh"), tmp_path / "q.pdf",
                                    faces=faces))
    assert "报价单" in quotation and "有效期至" in quotation and "2026-12-31" in quotation
    assert "银行信息" not in quotation  # a quotation carries no bank block


def test_yen_document_prints_amounts_without_decimals(tmp_path, faces):
    document = sample_document(currency="JPY")
    text = pdf_text(render_pdf(document, tmp_path / "jpy.pdf", faces=faces))
    assert document.total == Decimal(1_063_687) or document.total == sum(line.amount for line in document.lines)
    assert format_amount(document.total, "JPY") in text
    assert format_amount(document.total, "JPY").count(".") == 0
    assert "Total (JPY)" in text and "1,250" in text and "1,250.00" not in text
    assert "SAY JAPANESE YEN" in text


def test_200_line_pi_repeats_the_table_header_on_every_page_and_never_splits_a_row(tmp_path, faces):
    document = sample_document(lines=200)
    pdf = render_pdf(document, tmp_path / "long.pdf", faces=faces)
    pages = page_count(pdf)
    assert pages >= 5
    texts = [pdf_text(pdf, page) for page in range(1, pages + 1)]
    table_pages = [n for n, text in enumerate(texts, start=1) if "LED-P600" in text]
    assert len(table_pages) >= 5
    for number in table_pages:
        assert "Description" in texts[number - 1] and "Amount (USD)" in texts[number - 1], number
        assert f"{number}/{pages}" in texts[number - 1]
    for page in texts[1:]:
        assert f"{PI_NUMBER} (continued)" in page
    for line in document.lines:  # a row's quantity and amount stand on the same page
        quantity, amount = f"\n{line.quantity:,}\n", f"\n{format_amount(line.amount, 'USD')}\n"
        holding = [text for text in texts if amount in text]
        assert holding and all(quantity in text for text in holding), line.position


def test_lines_after_a_chinese_first_line_are_not_lost(tmp_path, faces):
    """fpdf2 2.8.9 dropped the text after a page's first line when that line began in a fallback face."""
    seller = replace(sample_document().seller, company="宁波明途照明有限公司", company_local="")
    document = replace(sample_document(), seller=seller)
    text = pdf_text(render_pdf(document, tmp_path / "cn-first.pdf", faces=faces))
    assert "宁波明途照明有限公司" in text
    assert "No. 88 Xingning Road" in text and "sales@brightway-lighting.cn" in text
    assert PI_NUMBER in text and "Gulf Lighting Trading LLC" in text


def test_a_line_too_long_for_one_page_is_refused_naming_it(tmp_path, faces):
    document = sample_document(lines=3)
    endless = replace(document.lines[1], description="\n".join(f"spec line {n}" for n in range(120)))
    document = replace(document, lines=(document.lines[0], endless, document.lines[2]))
    with pytest.raises(ValidationError, match=r"description: line 2 \(LED-C30\) does not fit on one page"):
        render_pdf(document, tmp_path / "long-line.pdf", faces=faces)


def test_a_logo_that_is_no_picture_or_a_missing_photo_is_refused_naming_the_field(tmp_path, faces, images):
    broken = tmp_path / "logo.png"
    broken.write_bytes(b"not a png")
    document = sample_document(images=images)
    with pytest.raises(ValidationError, match=r"^logo: logo.png is not a picture \(PNG or JPEG\)$"):
        render_pdf(replace(document, seller=replace(document.seller, logo=broken)), tmp_path / "a.pdf", faces=faces)
    lines = (replace(document.lines[0], photo=tmp_path / "gone.jpg"), *document.lines[1:])
    with pytest.raises(ValidationError, match=r"^lines\[1\].photo: gone.jpg is missing"):
        render_pdf(replace(document, lines=lines), tmp_path / "b.pdf", faces=faces)
    assert not (tmp_path / "a.pdf").exists() and not (tmp_path / "b.pdf").exists()


def test_an_empty_quotation_still_prints_its_frame(tmp_path, faces):
    document = replace(sample_document(kind="quotation"), lines=(), total=Decimal(0), notes="")
    text = pdf_text(render_pdf(document, tmp_path / "empty.pdf", faces=faces))
    assert "QUOTATION" in text and "Total (USD)" in text and "0.00" in text
