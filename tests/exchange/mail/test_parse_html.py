"""An HTML body becomes readable text: lines and paragraphs, lists, links with their address, no script."""

from __future__ import annotations

from trade_crm.exchange.mail.html_text import html_to_text


def test_paragraphs_breaks_lists_and_links_read_as_text():
    html = ("<html><head><title>Offer</title><style>p { color: red }</style></head><body>"
            "<script>track('open')</script><p>Dear Mr. Li,</p>"
            "<p>Please see <a href='https://acme.example/q?id=7&amp;x=1'>our quotation</a> &amp; reply."
            "<br>Second&nbsp;line</p><ul><li>LED panel</li><li>Tube <b>T8</b><ul><li>1200 mm</li></ul></li></ul>"
            "<ol><li>First</li><li>Second</li></ol><p>Kind regards<br/>John</p></body></html>")
    assert html_to_text(html) == (
        "Dear Mr. Li,\n\n"
        "Please see our quotation (https://acme.example/q?id=7&x=1) & reply.\nSecond line\n\n"
        "- LED panel\n- Tube T8\n  - 1200 mm\n\n"
        "1. First\n2. Second\n\n"
        "Kind regards\nJohn")


def test_a_link_whose_text_is_its_address_is_not_repeated():
    html = ('<p>Write to <a href="mailto:sales@acme.example">sales@acme.example</a> or see '
            '<a href="https://acme.example">https://acme.example</a> or <a href="#top">top</a>.</p>')
    assert html_to_text(html) == "Write to sales@acme.example or see https://acme.example or top."


def test_tables_become_rows_of_cells():
    html = "<table><tr><th>Item</th><th>Price</th></tr><tr><td>LED</td><td>$1.20</td></tr></table>"
    assert html_to_text(html) == "Item | Price\nLED | $1.20"


def test_preformatted_text_keeps_its_spaces_and_images_their_alt_text():
    html = "<p>Spec:</p><pre>  W  x  H\n  60 x 60</pre><img src='cid:logo' alt='Acme logo'>"
    assert html_to_text(html) == "Spec:\n\n  W  x  H\n  60 x 60\n\nAcme logo"


def test_broken_html_is_read_as_far_as_it_goes():
    assert html_to_text("<div><p>Unclosed <b>bold <i>text</div> after <script>never") == "Unclosed bold text\nafter"
    assert html_to_text("") == ""
    assert html_to_text("<<<>>> &bogus; &#x110000; text") == "<<<>>> &bogus; \ufffd text"


def test_a_huge_document_stops_once_the_limit_is_out():
    html = "<p>" + "word " * 2_000_000 + "</p>"
    text = html_to_text(html, limit=1_000)
    assert 1_000 <= len(text) < 1_000 + 70_000
    assert text.startswith("word word")
