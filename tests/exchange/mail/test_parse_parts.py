"""A big message read in parts (its header, its BODYSTRUCTURE, the text part's bytes) parses to what the whole
message parses to; the BODYSTRUCTURE says which part to fetch and lists the attachments."""

from __future__ import annotations

import random

import pytest

from tests.exchange.mail.imap_bodystructure import body_section, bodystructure
from tests.mail_corpus import build_corpus
from tests.mail_mime import attachment, finish, message, multipart, text
from trade_crm.domain.mail.messages import TEXT_CAP_CHARS
from trade_crm.exchange.mail.parse import (
    attachments_from_bodystructure,
    parse_message,
    parse_parts,
    text_parts_to_fetch,
)
from trade_crm.exchange.mail.parts import PLAIN_READ_BYTES, read_header


@pytest.fixture(scope="module")
def corpus():
    return [item for item in build_corpus(seed=7, size=400) if not item.hostile]


def _header(raw: bytes) -> bytes:
    return raw[:read_header(raw, 0, len(raw))[1]]


def _in_parts(raw: bytes, **kwargs):
    structure = bodystructure(raw)
    texts = {part.part: body_section(raw, part.part)[:part.fetch_bytes] for part in text_parts_to_fetch(structure)}
    return parse_parts(_header(raw), structure, texts, **kwargs)


def test_every_corpus_message_read_in_parts_equals_the_whole_parse(corpus):
    different = [(item.kind, field) for item in corpus
                 for whole, parts in [(parse_message(item.raw, received_at=item.internal_date),
                                       _in_parts(item.raw, received_at=item.internal_date))]
                 for field in whole.__dataclass_fields__ if getattr(whole, field) != getattr(parts, field)]
    assert different == []


def test_attachments_from_bodystructure_are_those_of_the_whole_message(corpus):
    with_files = [item for item in corpus if item.expected.attachments]
    assert len(with_files) > 50
    for item in with_files:
        listed = attachments_from_bodystructure(bodystructure(item.raw))
        assert listed == parse_message(item.raw).attachments
        assert [(a.name, a.content_type) for a in listed] == list(item.expected.attachments)


def _mail(entity) -> bytes:
    return finish(message([("From", "a@b.com"), ("To", "c@d.com"), ("Subject", "s"),
                           ("Date", "Mon, 02 Mar 2026 09:00:00 +0100"), ("Message-ID", "<x@b.com>")], entity))


def test_the_plain_part_is_fetched_not_the_html_one():
    raw = _mail(multipart("mixed", [multipart("alternative", [text("plain words"), text("<p>html</p>", "html")],
                                              "alt"), attachment("a.pdf", "application/pdf", b"%PDF" * 10)], "mix"))
    (part,) = text_parts_to_fetch(bodystructure(raw))
    assert (part.part, part.subtype, part.charset, part.encoding) == ("1.1", "plain", "utf-8", "quoted-printable")
    assert part.size == len(body_section(raw, "1.1"))
    assert part.fetch_bytes == part.size


def test_the_html_part_is_fetched_when_there_is_no_plain_one():
    raw = _mail(multipart("related", [text("<p>Only <b>HTML</b></p>", "html", encoding="base64"),
                                      attachment("logo.png", "image/png", b"\x89PNG" * 10, inline=True,
                                                 content_id="logo@x")], "rel"))
    (part,) = text_parts_to_fetch(bodystructure(raw))
    assert (part.part, part.subtype, part.encoding) == ("1", "html", "base64")
    mail = _in_parts(raw)
    assert mail.text == "Only HTML"
    assert mail.attachments == ()  # the inline logo is part of the HTML, not a file sent


def test_a_message_that_is_only_a_file_has_no_text_part_to_fetch():
    raw = _mail(attachment("scan.pdf", "application/pdf", b"%PDF" * 10))
    assert text_parts_to_fetch(bodystructure(raw)) == []
    mail = _in_parts(raw)
    assert [(a.name, a.part) for a in mail.attachments] == [("scan.pdf", "1")]
    assert mail.text == "" and mail.problems == ()


def test_a_partial_fetch_of_a_long_text_keeps_its_start_and_says_it_was_cut():
    long_text = "".join(f"Zeile {i:05d}: Größe und Menge.\n" for i in range(12_000))
    raw = _mail(text(long_text, encoding="base64"))
    (part,) = text_parts_to_fetch(bodystructure(raw))
    assert part.size > PLAIN_READ_BYTES and part.fetch_bytes == PLAIN_READ_BYTES
    fetched = body_section(raw, "1")[:part.fetch_bytes - 3]  # a cut inside a base64 quantum and a character
    mail = parse_parts(_header(raw), bodystructure(raw), {"1": fetched})
    assert mail.text_truncated
    assert mail.text.startswith("Zeile 00000: Größe und Menge.\nZeile 00001")
    assert len(mail.text) == TEXT_CAP_CHARS
    assert "\ufffd" not in mail.text
    assert mail.text == parse_message(raw).text


def test_a_text_part_that_was_not_fetched_is_a_problem_not_a_failure():
    raw = _mail(text("never fetched"))
    mail = parse_parts(_header(raw), bodystructure(raw), {})
    assert mail.subject == "s" and mail.text == ""
    assert mail.problems == ("the text (part 1) was not fetched",)


@pytest.mark.parametrize("structure", [None, (), b"garbage", (b"TEXT",), ([], b"MIXED"), ((b"x",), 5),
                                       ([(b"TEXT", b"PLAIN", (b"CHARSET",), None, None, b"7BIT", b"ten")],
                                        b"MIXED", (b"BOUNDARY",), (b"ATTACHMENT",), None)])
def test_a_malformed_bodystructure_never_raises(structure):
    mail = parse_parts(b"From: a@b.com\r\nSubject: ok\r\n\r\n", structure, {"1": b"text"})
    assert mail.subject == "ok" and mail.sender.email == "a@b.com"


def test_plain_tuples_read_like_imapclients_bodydata():
    """imapclient leaves the body inside a message/rfc822 part as plain nested tuples."""
    inner = ((b"TEXT", b"PLAIN", (b"CHARSET", b"utf-8"), None, None, b"7BIT", 10, 1),
             (b"APPLICATION", b"PDF", (b"NAME", b"=?utf-8?B?5oql5Lu35Y2VLnBkZg==?="), None, None, b"BASE64", 300,
              None, (b"ATTACHMENT", (b"FILENAME*", b"utf-8''%E6%8A%A5%E4%BB%B7%E5%8D%95.pdf")), None, None),
             b"MIXED", (b"BOUNDARY", b"b1"), None, None, None)
    assert [(a.name, a.size, a.part) for a in attachments_from_bodystructure(inner)] == [("报价单.pdf", 300, "2")]
    assert [(p.part, p.subtype) for p in text_parts_to_fetch(inner)] == [("1", "plain")]


def test_no_mangled_bodystructure_makes_parse_parts_raise():
    """Elements of real BODYSTRUCTUREs replaced by junk or dropped: still a result, never the catch-all."""
    rng = random.Random(3)
    junk = [None, 0, -5, b"", b"X", (), [], (b"A",), "str", 10**30, (None, None)]

    def mangle(value):
        if rng.random() < 0.08:
            return rng.choice(junk)
        if isinstance(value, (tuple, list)):
            items = [mangle(item) for item in value]
            if items and rng.random() < 0.05:
                items.pop(rng.randrange(len(items)))
            return list(items) if isinstance(value, list) else tuple(items)
        return value

    for item in build_corpus(seed=1, size=80):
        structure = bodystructure(item.raw)
        for _ in range(5):
            mail = parse_parts(item.raw[:300], mangle(structure), {"1": b"abc", "1.1": b"x", "2": b"y"})
            assert not any("could not be read (" in problem for problem in mail.problems)
