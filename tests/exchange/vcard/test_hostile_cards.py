"""vCards that used to raise or crawl: charsets whose decoder cannot replace, very long folded values."""

from __future__ import annotations

import pytest

from trade_crm.exchange.vcard.cards import parse_vcards


@pytest.mark.parametrize("charset", [b"idna", b"punycode", b"undefined", b"rot13", b"base64", b"no-such-charset"])
def test_a_charset_whose_decoder_raises_falls_back_to_the_files_encoding(charset):
    card = parse_vcards(b"BEGIN:VCARD\r\nFN;CHARSET=%s:Acme M\xc3\xbcller\r\nEMAIL:a@acme.de\r\nEND:VCARD\r\n"
                        % charset)[0]
    assert card.full_name == "Acme Müller" and card.emails == ("a@acme.de",)


def test_fifty_thousand_folded_lines_unfold_into_one_value():
    piece = b"0123456789" * 7
    data = (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Joe\r\nNOTE:" + b"\r\n ".join([piece] * 50_000)
            + b"\r\nEMAIL:joe@x.com\r\nEND:VCARD\r\n")
    card = parse_vcards(data)[0]
    assert card.note == (piece * 50_000).decode() and card.emails == ("joe@x.com",)


def test_a_long_quoted_printable_value_with_soft_breaks_is_joined():
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;ENCODING=QUOTED-PRINTABLE:" + b"=\r\n".join([b"a=3Db"] * 20_000)
            + b"\r\nFN:Joe\r\nEND:VCARD\r\n")
    card = parse_vcards(data)[0]
    assert card.note == "a=b" * 20_000 and card.full_name == "Joe"


def test_a_soft_break_inside_the_name_part_of_a_folded_head_is_found():
    data = b"BEGIN:VCARD\r\nNOTE;ENCODING=\r\n QUOTED-PRINTABLE:caf=C3=\r\n=A9\r\nEND:VCARD\r\n"
    assert parse_vcards(data)[0].note == "café"


def test_thirty_thousand_cards_are_each_read():
    data = b"".join(b"BEGIN:VCARD\r\nFN:Joe %d\r\nEMAIL:j%d@x.com\r\nEND:VCARD\r\n" % (i, i) for i in range(30_000))
    cards = parse_vcards(data)
    assert len(cards) == 30_000 and cards[-1].emails == ("j29999@x.com",)
