"""Header values as mail clients read them: encoded words (broken ones too), addresses, ids, dates."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

import pytest

from trade_crm.domain.mail.messages import Address
from trade_crm.exchange.mail.headers import (
    decode_words,
    fold_email,
    message_ids,
    parse_addresses,
    parse_date,
    references,
)


def _b(text: str, charset: str) -> str:
    return base64.b64encode(text.encode(charset)).decode()


@pytest.mark.parametrize(("value", "decoded"), [
    (f"=?GB2312?B?{_b('报价单', 'gbk')}?=", "报价单"),
    (f"=?gb2312?B?{_b('王喆的报价', 'gbk')}?=", "王喆的报价"),  # 喆 is GBK, not GB2312: read as GB18030
    (f"=?GBK?B?{_b('询价', 'gbk')}?=", "询价"),
    (f"=?gb18030?B?{_b('询价𠀀', 'gb18030')}?=", "询价𠀀"),
    (f"=?big5?B?{_b('詢價單', 'big5')}?=", "詢價單"),
    (f"=?ISO-2022-JP?B?{_b('見積依頼', 'iso2022_jp')}?=", "見積依頼"),
    (f"=?iso-2022-jp?B?{_b('ｶﾀｶﾅ', 'iso2022_jp_ext')}?=", "ｶﾀｶﾅ"),
    (f"=?shift_jis?B?{_b('見積①', 'cp932')}?=", "見積①"),  # ① is a Windows extension of Shift_JIS
    (f"=?koi8-r?B?{_b('Запрос цены', 'koi8_r')}?=", "Запрос цены"),
    ("=?iso-8859-1?Q?Gr=FC=DFe_aus_M=FCnchen?=", "Grüße aus München"),
    ("=?utf-8?q?caf=C3=A9?= =?utf-8?q?_au_lait?=", "café au lait"),  # whitespace between words goes
    ("Re: =?utf-8?B?5oql5Lu3?= und mehr", "Re: 报价 und mehr"),  # around plain text it stays
    ("=?UTF-8*en?Q?hello?=", "hello"),  # RFC 2231 language suffix
])
def test_encoded_words_are_decoded_in_every_charset(value, decoded):
    problems = []
    assert decode_words(value, problems=problems) == decoded
    assert problems == []


def test_a_character_split_across_two_words_is_joined_first():
    data = "你好世界".encode()
    value = f"=?utf-8?B?{base64.b64encode(data[:4]).decode()}?=\r\n =?utf-8?B?{base64.b64encode(data[4:]).decode()}?="
    assert decode_words(value) == "你好世界"


@pytest.mark.parametrize(("value", "decoded"), [
    ("=?utf-8?B?5oql5Lu35Y2V?=", "报价单"),
    ("=?utf-8?B?5oql5Lu35Y2V?", "=?utf-8?B?5oql5Lu35Y2V?"),  # not a word: left as sent
    ("=?utf-8?B?5oql5Lu35Y2?=", "报价\ufffd"),  # a missing padding character, a cut character
    ("=?utf-8?B?5oql 5Lu3?=", "报价"),  # a space inside the word (a mailer folded it)
    ("Nr.=?utf-8?B?5LiA?=x", "Nr.一x"),  # glued to the text around it
    ("=?x-unknown?B?5oql5Lu3?=", "报价"),
])
def test_broken_encoded_words_are_read_as_far_as_they_go(value, decoded):
    assert decode_words(value) == decoded


def test_an_unknown_charset_in_a_word_is_a_problem():
    problems = []
    assert decode_words("=?x-foo?Q?caf=C3=A9?=", problems=problems) == "café"
    assert problems == ["header: unknown charset x-foo, read as utf-8"]


def test_raw_8bit_header_bytes_are_read_as_utf8_else_by_the_message_charset():
    utf8 = "Angebot für 报价".encode().decode("ascii", "surrogateescape")
    gbk = "报价单".encode("gbk").decode("ascii", "surrogateescape")
    assert decode_words(utf8) == "Angebot für 报价"
    assert decode_words(gbk, hints=("gb2312",)) == "报价单"


def test_addresses_are_folded_and_named():
    value = ('"Smith, John" <John.Smith@Example.COM>, =?utf-8?B?5byg5LiJ?= <Zhang@Example.cn>,\r\n'
             ' bob@x.org (Bob Brown), <plain@x.org>, "=?utf-8?Q?J=C3=BCrgen?=" <j@x.de>')
    assert parse_addresses(value) == [Address("john.smith@example.com", "Smith, John"),
                                      Address("zhang@example.cn", "张三"), Address("bob@x.org", "Bob Brown"),
                                      Address("plain@x.org", ""), Address("j@x.de", "Jürgen")]


def test_a_comma_inside_an_encoded_word_does_not_split_the_address():
    value = "=?utf-8?Q?M=C3=BCller,_J=C3=BCrgen?= <j@x.de>, Mr =?utf-8?Q?Smith,_John?= <s@x.com>"
    assert parse_addresses(value) == [Address("j@x.de", "Müller, Jürgen"), Address("s@x.com", "Mr Smith, John")]


def test_groups_are_flattened_and_empty_groups_dropped():
    value = "undisclosed-recipients:;, Team: a@b.com, Cee <c@d.com>;, e@f.com"
    assert [a.email for a in parse_addresses(value)] == ["a@b.com", "c@d.com", "e@f.com"]


def test_the_same_address_twice_is_kept_once():
    assert [a.email for a in parse_addresses("A <a@b.com>, a@B.com, b@b.com")] == ["a@b.com", "b@b.com"]


def test_idna_domains_are_decoded():
    assert fold_email("Kai@XN--BCHERLICHT-9DB.de") == "kai@bücherlicht.de"
    assert fold_email("x@xn--fiqs8s.cn") == "x@中国.cn"
    assert fold_email("x@xn--broken-.com") == "x@xn--broken-.com"  # not valid IDNA: kept as sent
    assert fold_email("mailto:Someone@Example.com") == "someone@example.com"


def test_message_ids_lose_their_brackets_and_case():
    assert message_ids("<ABC.123@Mail.Example.com>") == ["abc.123@mail.example.com"]
    assert message_ids("  abc@host  ") == ["abc@host"]  # sent without brackets
    assert message_ids("<a@x> <b@y>\r\n <c@z>") == ["a@x", "b@y", "c@z"]
    assert message_ids("") == [] and message_ids(None) == []


def test_references_keep_the_root_and_the_nearest_ones():
    refs = references(" ".join(f"<id{i}@x>" for i in range(300)))
    assert len(refs) == 100
    assert refs[0] == "id0@x" and refs[-1] == "id299@x" and refs[1] == "id201@x"


@pytest.mark.parametrize(("value", "when"), [
    ("Tue, 05 Mar 2024 10:00:00 +0800", datetime(2024, 3, 5, 2, 0, tzinfo=UTC)),
    ("Tue, 5 Mar 2024 10:00:00 +0800 (CST)", datetime(2024, 3, 5, 2, 0, tzinfo=UTC)),
    ("5 Mar 2024 10:00 -0500", datetime(2024, 3, 5, 15, 0, tzinfo=UTC)),
    ("Tue, 05 Mar 2024 10:00:00 -0000", datetime(2024, 3, 5, 10, 0, tzinfo=UTC)),  # no zone: UTC
    ("Tue, 05 Mar 24 10:00:00 GMT", datetime(2024, 3, 5, 10, 0, tzinfo=UTC)),
    ("2024-03-05T10:00:00+08:00", datetime(2024, 3, 5, 2, 0, tzinfo=UTC)),
    ("2024-3-5 10:00:00", datetime(2024, 3, 5, 10, 0, tzinfo=UTC)),
    ("Tue, 5 Mar 2024 10:00:00 +0800 (\udce4\udcb8\udcad)", datetime(2024, 3, 5, 2, 0, tzinfo=UTC)),  # 8-bit comment
    ("the 5th of never", None),
    ("Tue, 31 Feb 2024 10:00:00 +0800", None),
    ("Tue, 05 Mar 1901 10:00:00 +0000", None),  # not a plausible date
    ("Tue, 05 Mar 9999 23:59:59 -1200", None),
    ("", None),
])
def test_dates_are_read_into_utc(value, when):
    assert parse_date(value) == when
