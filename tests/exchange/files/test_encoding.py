import codecs

import pytest

from trade_crm.exchange.files.csv_text import decode, parse, sniff_delimiter
from trade_crm.exchange.files.encoding import decode_bytes, detect_encoding

CHINESE = "公司名称,联系人,电话\n深圳市华为技术有限公司,张三,13812345678\n广州白云电器设备股份有限公司,李四,13912345678\n"
TRADITIONAL = "公司名稱,聯絡人\n台灣積體電路製造股份有限公司,王小明\n"
WESTERN = "Firma,Straße,Ort\nMüller GmbH,Hauptstraße 5,Köln\nCafé Crème,Rue d'Été,Genève\n"
RUSSIAN = "Компания,Город\nООО Ромашка,Москва\n"
JAPANESE = "会社,氏名\n株式会社サンプル,山田太郎\n"


@pytest.mark.parametrize(("text", "encoding"), [
    (CHINESE, "gbk"), (CHINESE, "gb18030"), (TRADITIONAL, "big5"), (WESTERN, "cp1252"), (RUSSIAN, "cp1251"),
    (JAPANESE, "shift_jis"), (CHINESE, "utf-8"), (CHINESE, "utf-16-le"), (CHINESE, "utf-16-be"),
])
def test_legacy_and_unicode_encodings_decode_to_the_same_text(text, encoding):
    decoded, _, lossy = decode_bytes(text.encode(encoding))
    assert decoded == text
    assert not lossy


@pytest.mark.parametrize(("bom", "codec"), [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
])
def test_a_byte_order_mark_decides_and_is_dropped(bom, codec):
    text, _, _ = decode(bom + CHINESE.encode(codec))
    assert text == CHINESE


def test_utf8_cut_inside_a_character_at_the_end_is_still_utf8():
    data = CHINESE.encode("utf-8")
    assert detect_encoding(data[:-2]) == "utf-8"


def test_delimiters_are_sniffed_and_a_preamble_does_not_vote():
    assert sniff_delimiter("a;b;c\n1;2;3\n") == ";"
    assert sniff_delimiter("a\tb\tc\n1\t2\t3\n") == "\t"
    linkedin = 'Notes:\n"When exporting, you may notice, fields"\n\n\nFirst Name,Last Name,URL\nAda,L,u\nAlan,T,v\n'
    assert sniff_delimiter(linkedin) == ","


def test_one_comma_line_before_tab_lines_is_split_with_commas():
    rows = parse("1,1,1@x.com\n2\t2\t2@x.com\n3\t3\t3@x.com\n")
    assert [cells for _, cells in rows] == [["1", "1", "1@x.com"], ["2", "2", "2@x.com"], ["3", "3", "3@x.com"]]


def test_rows_keep_the_line_they_start_on_across_quoted_line_breaks():
    rows = parse('name,address\nA,"line 1\nline 2"\nB,x\n')
    assert [n for n, _ in rows] == [1, 2, 4]
