"""Text in the charset a mailer declares is read with the superset that mailer really writes."""

from __future__ import annotations

import pytest

from trade_crm.exchange.mail.charsets import codecs_for, decode


@pytest.mark.parametrize(("text", "written", "declared"), [
    ("王喆镕", "gbk", "gb2312"),  # GBK characters in mail declared GB2312
    ("询价𠀀", "gb18030", "GB2312"),  # a four-byte GB18030 character
    ("詢價單", "big5", "big5"),
    ("碁銹裏", "cp950", "big5"),  # Microsoft's Big5 extension
    ("見積①ｶﾀｶﾅ", "cp932", "Shift_JIS"),  # Windows extensions and half-width katakana
    ("見積依頼", "iso2022_jp", "ISO-2022-JP"),
    ("ｶﾀｶﾅ", "iso2022_jp_ext", "iso-2022-jp"),
    ("見積", "euc_jp", "EUC-JP"),
    ("견적서", "cp949", "ks_c_5601-1987"),
    ("Запрос цены", "koi8_r", "KOI8-R"),
    ("Запрос цены", "cp1251", "windows-1251"),
    ("Grüße – „Angebot“", "cp1252", "iso-8859-1"),  # Windows-1252 quotes in mail declared Latin-1
    ("Grüße", "utf-8", "utf8mb4"),
    ("Grüße", "mac_roman", "x-mac-roman"),
    ("ราคา", "cp874", "TIS-620"),
])
def test_declared_charsets_read_what_mailers_write(text, written, declared):
    assert decode(text.encode(written), declared, where="t") == (text, "")


def test_utf8_sent_under_a_legacy_label_is_still_read():
    assert decode("报价单".encode(), "gb2312", where="t") == ("报价单", "")


def test_bytes_the_declared_charset_cannot_read_are_replaced_and_said():
    text, problem = decode(b"\xff\xfe price", "koi8-r-broken", where="the text")
    assert problem.startswith("the text: unknown charset koi8-r-broken")
    text, problem = decode(b"ok" + b"\x80\x81", "shift_jis", where="the text")
    assert "\ufffd" in text and problem == "the text: bytes that are not shift_jis were replaced"


def test_an_undeclared_text_is_read_by_the_message_other_charsets_first():
    assert decode("询价".encode("gbk"), "", where="t", hints=("gb2312",)) == ("询价", "")
    assert decode("Grüße".encode(), "", where="t") == ("Grüße", "")
    assert decode("Grüße".encode("latin-1"), "", where="t") == ("Grüße", "t: 8-bit text without a charset, read as latin-1")


def test_names_that_are_no_text_encoding_are_unknown():
    for name in ("base64", "rot13", "idna", "hex", "x-foo", ""):
        assert codecs_for(name) == ()
