"""parse_message on the shapes real mailers send: which parts make the text, which are files, who is a machine."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

from tests.exchange.mail.imap_bodystructure import body_section, bodystructure
from tests.mail_mime import Mime, attachment, finish, message, multipart, text
from trade_crm.exchange.mail.parse import parse_message, parse_parts, text_parts_to_fetch
from trade_crm.exchange.mail.parts import read_header

HEADERS = [("From", "Buyer <buyer@acme.example>"), ("To", "li.wei@dragonlight.cn"), ("Subject", "Samples"),
           ("Date", "Mon, 02 Mar 2026 09:00:00 +0100"), ("Message-ID", "<s1@acme.example>")]


def _gbk(text: str) -> str:
    return base64.b64encode(text.encode("gbk")).decode()


def _raw(entity: Mime, headers=HEADERS) -> bytes:
    return finish(message(headers, entity))


def _both(raw: bytes):
    """parse_message, and the same message read in parts as the IMAP side will (they must agree)."""
    structure = bodystructure(raw)
    texts = {p.part: body_section(raw, p.part)[:p.fetch_bytes] for p in text_parts_to_fetch(structure)}
    whole = parse_message(raw)
    assert parse_parts(raw[:read_header(raw, 0, len(raw))[1]], structure, texts) == whole
    return whole


def test_every_inline_text_of_a_mixed_message_is_kept_in_order():
    """Apple Mail splits the text around an inline photo."""
    raw = _raw(multipart("mixed", [text("See the sample:"), attachment("IMG_0042.jpg", "image/jpeg", b"\xff\xd8" * 50,
                                                                        inline=True),
                                   text("Sent from my iPhone")], "apple"))
    mail = _both(raw)
    assert mail.text == "See the sample:\n\nSent from my iPhone"
    assert [(a.name, a.part) for a in mail.attachments] == [("IMG_0042.jpg", "2")]
    assert [p.part for p in text_parts_to_fetch(bodystructure(raw))] == ["1", "3"]


def test_an_empty_plain_alternative_gives_way_to_the_html():
    raw = _raw(multipart("alternative", [text(""), text("<p>Only the <i>HTML</i> says it</p>", "html")], "alt"))
    assert _both(raw).text == "Only the HTML says it"


def test_a_signature_and_a_calendar_invite_are_told_apart():
    signed = multipart("signed", [text("Signed offer."), Mime(("Content-Type: application/pkcs7-signature; "
                                                                'name="smime.p7s"', "Content-Transfer-Encoding: base64"),
                                                               base64.b64encode(b"sig" * 20))],
                       "sig", extra='; protocol="application/pkcs7-signature"')
    invite = Mime(("Content-Type: text/calendar; method=REQUEST; charset=utf-8",), b"BEGIN:VCALENDAR\nEND:VCALENDAR\n")
    mail = _both(_raw(multipart("mixed", [signed, invite], "outer")))
    assert mail.text == "Signed offer."
    assert [(a.name, a.content_type, a.part) for a in mail.attachments] == [("part-2.ics", "text/calendar", "2")]


def test_attachment_names_in_every_form_chinese_mailers_send():
    gbk_2231 = Mime(("Content-Type: application/pdf", "Content-Transfer-Encoding: base64",
                     "Content-Disposition: attachment; filename*=gbk''%B1%A8%BC%DB%B5%A5.pdf"), b"JVBERi0=")
    continued = Mime(("Content-Type: application/pdf", "Content-Transfer-Encoding: base64",
                      "Content-Disposition: attachment;\n filename*0*=utf-8''%E4%BA%A7%E5%93%81;\n"
                      " filename*1*=%E7%9B%AE%E5%BD%95.pdf"), b"JVBERi0=")
    raw_utf8 = Mime(("Content-Type: application/pdf", "Content-Transfer-Encoding: base64",
                     'Content-Disposition: attachment; filename="装箱单.pdf"'), b"JVBERi0=")
    name_only = Mime((f'Content-Type: application/vnd.ms-excel; name="=?GB2312?B?{_gbk("价格表")}?=.xls"',
                      "Content-Transfer-Encoding: base64"), b"JVBERi0=")
    mail = _both(_raw(multipart("mixed", [text("files"), gbk_2231, continued, raw_utf8, name_only], "names")))
    assert [a.name for a in mail.attachments] == ["报价单.pdf", "产品目录.pdf", "装箱单.pdf", "价格表.xls"]


def test_a_file_name_sent_with_its_path_keeps_only_its_last_part():
    with_path = Mime(("Content-Type: application/pdf", "Content-Transfer-Encoding: base64",
                      'Content-Disposition: attachment; filename="C:\\\\Users\\\\li\\\\Desktop\\\\offer.pdf"'), b"JVBERi0=")
    unix = Mime(("Content-Type: application/pdf", "Content-Transfer-Encoding: base64",
                 'Content-Disposition: attachment; filename="../../etc/passwd"'), b"JVBERi0=")
    mail = _both(_raw(multipart("mixed", [text("files"), with_path, unix], "paths")))
    assert [a.name for a in mail.attachments] == ["offer.pdf", "passwd"]


def test_format_flowed_lines_are_joined():
    flowed = Mime(("Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes",),
                  b"This is a long line that the mailer wrapp \ned for sending.\n\nNew paragraph.\n-- \nJohn\n")
    assert _both(_raw(flowed)).text == ("This is a long line that the mailer wrapped for sending.\n\nNew paragraph.\n"
                                           "--\nJohn")


def test_html_without_a_declared_charset_is_read_by_its_meta_tag():
    html = Mime(("Content-Type: text/html", "Content-Transfer-Encoding: base64"),
                base64.encodebytes('<html><head><meta charset="gbk"></head><p>请报价</p></html>'.encode("gbk")))
    mail = _both(_raw(html))
    assert mail.text == "请报价" and mail.problems == ()


def test_auto_submitted_no_is_a_person_writing():
    mail = parse_message(_raw(text("A real reply."), [*HEADERS, ("Auto-Submitted", "no")]))
    assert mail.auto == ""


def test_a_delivery_report_from_exchange_is_a_bounce():
    report = multipart("report", [text("Delivery has failed to these recipients."),
                                  Mime(("Content-Type: message/delivery-status",), b"Action: failed\n")],
                       "ndr", extra="; report-type=delivery-status")
    headers = [("From", "Microsoft Outlook <MicrosoftExchange329e71ec88ae@acme.example>"),
               ("To", "li.wei@dragonlight.cn"), ("Subject", "Undeliverable: Samples"),
               ("Date", "Mon, 02 Mar 2026 09:00:00 +0100")]
    mail = _both(_raw(report, headers))
    assert mail.auto == "bounce" and mail.attachments == ()


def test_a_message_without_message_id_is_known_by_what_every_copy_has():
    raw = _raw(text("Same words."), [h for h in HEADERS if h[0] != "Message-ID"])
    relayed = b"Received: from relay by mx; Mon, 02 Mar 2026 09:01:00 +0100\r\nX-Spam: no\r\n" + raw
    first, copy = parse_message(raw, received_at=datetime(2026, 3, 2, tzinfo=UTC)), parse_message(
        relayed.replace(b"\r\n", b"\n"), received_at=datetime(2026, 3, 5, tzinfo=UTC))
    assert first.message_id == "" and first.key == copy.key == f"hash:{first.content_hash}"
    other = parse_message(_raw(text("Other words."), [h for h in HEADERS if h[0] != "Message-ID"]))
    assert other.key != first.key
