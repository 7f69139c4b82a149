"""The hostile messages of the generated mail corpus: what a real mailbox also holds and a parse must survive.

Each adds itself through the corpus builder (`builder.add`, `builder.when`, `builder.mid`), with the facts a
correct parse still gives and a fragment of the problem it must report.
"""

from __future__ import annotations

import base64
import random
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.mail_facts import USER, CorpusMessage, Expected, header_date
from tests.mail_mime import Mime, addresses, attachment, finish, message, multipart, text, word

CUSTOMER = ("Hans Becker", "hans@becker-licht.de")
RECIPIENTS = 10_000


def _headers(builder: Any, subject: str, mid: str, **extra: str) -> list[tuple[str, str]]:
    headers = [("From", addresses([CUSTOMER])), ("To", addresses([USER])), ("Subject", subject),
               ("Date", header_date(builder.when(len(builder.out)), 1)), ("Message-ID", f"<{mid}>")]
    return headers + [(name.replace("_", "-"), value) for name, value in extra.items()]


def _expected(builder: Any, subject: str, mid: str, **facts: Any) -> Expected:
    base = dict(subject=subject, sender=CUSTOMER[1], sender_name=CUSTOMER[0], to=(USER[1],), cc=(),
                sent_at=builder.when(len(builder.out)), message_id=mid)
    return Expected(**{**base, **facts})


def add_all(builder: Any) -> None:
    add = builder.add

    def simple(kind: str, subject_sent: str, subject: str, entity: Mime, problem: str, **facts: Any) -> None:
        mid = builder.mid(kind, "becker-licht.de")
        raw = message(_headers(builder, subject_sent, mid), entity)
        add(raw, "INBOX", _expected(builder, subject, mid, problem=problem, **facts), kind, hostile=True,
            customer="becker-licht.de")

    # Headers that run into the body with no blank line.
    mid = builder.mid("hostile-no-blank-line", "becker-licht.de")
    raw = ("\n".join(f"{n}: {v}" for n, v in _headers(builder, "No blank line", mid)) +
           "\nThis line is the body, right after the headers.\nSecond line.\n").encode()
    add(raw, "INBOX", _expected(builder, "No blank line", mid, problem="no blank line",
                                text_has=("This line is the body",)), "hostile-no-blank-line", hostile=True,
        customer="becker-licht.de")
    # A multipart without a boundary, and one whose closing boundary never comes.
    simple("hostile-no-boundary", "No boundary", "No boundary",
           Mime(("Content-Type: multipart/mixed",), b"Text of a multipart that has no boundary.\n"),
           "without a boundary", text_has=("has no boundary",))
    unclosed = multipart("mixed", [text("The offer is attached."),
                                   attachment("angebot.pdf", "application/pdf", b"%PDF-1.4 cut short" * 20)], "cut-1")
    simple("hostile-unclosed", "Unclosed multipart", "Unclosed multipart",
           Mime(unclosed.headers, unclosed.body.rsplit(b"--cut-1--", 1)[0]), "closing boundary",
           text_has=("The offer is attached.",), attachments=(("angebot.pdf", "application/pdf"),))
    # Charsets nobody knows: UTF-8 bytes (read as UTF-8) and Latin-1 bytes (read as Latin-1).
    simple("hostile-unknown-charset", "Unknown charset", "Unknown charset",
           text("Grüße aus Köln, 你好", charset="utf-8", declared="x-klingon", encoding="8bit"),
           "unknown charset x-klingon", text_has=("Grüße aus Köln, 你好",))
    simple("hostile-unknown-charset", "Unknown charset 2", "Unknown charset 2",
           text("Grüße aus Köln", charset="latin-1", declared="x-unknown-8bit", encoding="8bit"),
           "unknown charset x-unknown-8bit", text_has=("Grüße aus Köln",))
    # Broken RFC 2047 words: a character split across two words, no padding, glued to text, lower-case b,
    # a space inside a word (a mailer that folded it).
    halves = "报价单".encode()
    broken = (f"=?utf-8?b?{base64.b64encode(halves[:4]).decode()}?= =?UTF-8?B?"
              f"{base64.b64encode(halves[4:]).decode()}?=Nr.=?utf-8?B?{base64.b64encode('一'.encode()).decode().rstrip('=')}?="
              f" =?gb2312?B?{base64.b64encode('价格'.encode('gbk')).decode()[:4]} "
              f"{base64.b64encode('价格'.encode('gbk')).decode()[4:]}?=")
    simple("hostile-broken-words", broken, "报价单Nr.一价格", text("Broken words in the subject."), "",
           text_has=("Broken words",))
    # Raw 8-bit headers: UTF-8 with no encoding at all, and GBK with a GBK body to go by.
    simple("hostile-raw-8bit", "Angebot für Lampen – 报价", "Angebot für Lampen – 报价",
           text("Raw UTF-8 in the subject."), "", text_has=("Raw UTF-8",))
    gbk_subject = "询价单".encode("gbk").decode("ascii", "surrogateescape")
    simple("hostile-raw-8bit", gbk_subject, "询价单", text("请报价。", charset="gbk", encoding="base64"), "",
           text_has=("请报价",))
    # 10,000 recipients in To: all kept.
    mid = builder.mid("hostile-many", "becker-licht.de")
    many = tuple(f"buyer{i:05d}@list{i % 50}.example.com" for i in range(RECIPIENTS))
    headers = _headers(builder, "Newsletter to everyone", mid)
    headers[1] = ("To", ",\n ".join(f"Buyer {i} <{email}>" for i, email in enumerate(many)))
    add(message(headers, text("One message, ten thousand recipients.")), "INBOX",
        _expected(builder, "Newsletter to everyone", mid, to=many, problem="10000 addresses",
                  text_has=("ten thousand recipients",)), "hostile-many-addresses", hostile=True,
        customer="becker-licht.de")
    # Multiparts nested 30 deep.
    entity = text("The innermost text.")
    for depth in range(30):
        entity = multipart("mixed", [entity], f"deep-{depth}")
    simple("hostile-deep-nesting", "Deep nesting", "Deep nesting", entity, "nested deeper")
    # Dates: unreadable, and missing (the server's received date stands in).
    for kind, date in (("hostile-bad-date", "the 5th of never"), ("hostile-no-date", None)):
        mid = builder.mid(kind, "becker-licht.de")
        headers = [h for h in _headers(builder, "Date trouble", mid) if h[0] != "Date"]
        if date:
            headers.append(("Date", date))
        received = builder.when(len(builder.out)) + timedelta(minutes=7)
        add(message(headers, text("When was this sent?")), "INBOX",
            _expected(builder, "Date trouble", mid, sent_at=received, problem="Date", text_has=("When was this",)),
            kind, hostile=True, internal_date=received, customer="becker-licht.de")
    # Bare LF line ends throughout (as some tools save .eml files).
    mid = builder.mid("hostile-lf", "becker-licht.de")
    entity = multipart("alternative", [text("Plain with LF only."), text("<p>HTML with LF only</p>", "html")], "lf-1")
    add(message(_headers(builder, "LF only", mid), entity), "INBOX",
        _expected(builder, "LF only", mid, text_has=("Plain with LF only.",)), "hostile-lf", hostile=True,
        crlf=False, customer="becker-licht.de")
    # base64 with junk characters and no padding.
    junk = base64.b64encode("Base64 with junk, still readable. 可以读。".encode()).decode().rstrip("=")
    junk = junk[:10] + "!!*" + junk[10:30] + "\n\n" + junk[30:]
    simple("hostile-bad-base64", "Bad base64", "Bad base64",
           Mime(("Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64"), junk.encode()),
           "", text_has=("still readable. 可以读。",))
    # No From at all.
    mid = builder.mid("hostile-no-from", "becker-licht.de")
    headers = [h for h in _headers(builder, "Who sent this", mid) if h[0] != "From"]
    add(message(headers, text("Nobody signed this.")), "INBOX",
        _expected(builder, "Who sent this", mid, sender="", sender_name="", problem="no sender",
                  text_has=("Nobody signed",)), "hostile-no-from", hostile=True)
    # Bytes that are no message at all, and an empty one.
    noise = bytes(random.Random(5).randrange(128, 256) for _ in range(2048))
    for kind, raw in (("hostile-garbage", noise), ("hostile-empty", b"")):
        add(raw, "INBOX", Expected("", "", "", (), (), builder.when(len(builder.out)), "", problem="no sender"),
            kind, hostile=True, internal_date=builder.when(len(builder.out)), crlf=False)
    # A text longer than the cap: kept up to TEXT_CAP_CHARS, marked truncated.
    long_text = "".join(f"Line {i:05d} of a very long specification sheet.\n" for i in range(2_000))
    simple("hostile-long-text", "Long text", "Long text", text(long_text, encoding="base64"), "",
           text_has=("Line 00000 of a very long",), text_lacks=("Line 01999",), text_truncated=True)


def big_attachment(megabytes: int) -> CorpusMessage:
    line = base64.b64encode(bytes(range(57))) + b"\r\n"  # 57 bytes -> one 76-character line
    count = megabytes * 1024 * 1024 // 57
    mid = "big-attachment@becker-licht.de"
    head = finish(message([("From", addresses([CUSTOMER])), ("To", addresses([USER])),
                           ("Subject", word("Große Datei")), ("Date", "Mon, 02 Mar 2026 09:00:00 +0100"),
                           ("Message-ID", f"<{mid}>")],
                          Mime(('Content-Type: multipart/mixed; boundary="big-1"',), b"")))
    text_part = finish(b"--big-1\n" + text("The drawings are attached.").bytes() + b"\n")
    file_head = finish(b"--big-1\nContent-Type: application/zip; name=\"drawings.zip\"\n"
                       b"Content-Transfer-Encoding: base64\n"
                       b"Content-Disposition: attachment; filename=\"drawings.zip\"\n\n")
    raw = b"".join((head, text_part, file_head, line * count, b"--big-1--\r\n"))
    sent = Expected("Große Datei", CUSTOMER[1], CUSTOMER[0], (USER[1],), (),
                    datetime(2026, 3, 2, 8, 0, tzinfo=UTC),
                    mid, text_has=("The drawings are attached.",),
                    attachments=(("drawings.zip", "application/zip"),), problem="MB attachment")
    return CorpusMessage(raw, "INBOX", ("\\Seen",), sent.sent_at + timedelta(minutes=1), "hostile-big-attachment",
                         sent, customer="becker-licht.de", hostile=True)
