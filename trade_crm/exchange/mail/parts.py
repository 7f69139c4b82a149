"""The MIME tree of a message, the same whether it was read from the raw bytes or from IMAP's BODYSTRUCTURE
(bodystructure.py); the choices made on it, which parts are the text and which are attachments, are in
choose.py.

Reading the raw bytes, the tree is found by scanning for boundary lines with `bytes.find` and keeps each
body as offsets into the message: a 50 MB attachment is measured, never copied or decoded, and a nested
boundary is searched only inside its own part (linear in the message, times the depth, which is capped).
Each part's header block goes through the stdlib's compat32 header parser (RFC 2231 parameters, quoting).
Part numbers are IMAP's (RFC 3501 6.4.5): the body of a single-part message is "1", the children of a
multipart are "1", "2" …, nested ones "2.1"; a message/rfc822 part is a leaf here (its subject names it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import Compat32
from email.utils import decode_params, unquote

from trade_crm.exchange.mail.charsets import decode
from trade_crm.exchange.mail.headers import clean_text, decode_words, raw_bytes

MAX_DEPTH = 20  # nested multiparts deeper than this are kept as one opaque part
MAX_PARTS = 2_000  # parts beyond this are not read (a problem says so)
# Text parts are read up to this many encoded bytes: far more than TEXT_CAP_CHARS of text (4 bytes a
# character, base64's 4/3) for plain text; HTML needs room for its markup.
PLAIN_READ_BYTES = 256 * 1024
HTML_READ_BYTES = 1024 * 1024
_HEADER_LINES = re.compile(rb"(?:(?:[\x21-\x39\x3b-\x7e]+[ \t]*:|[ \t])[^\n]*(?:\n|\Z))*")
_BLANK = re.compile(rb"\r?\n")


class _AsSent(Compat32):
    """compat32, but a header is always handed out as the string it was sent as (8-bit bytes as surrogate
    escapes), never as an email.header.Header object: headers.py decodes it."""

    def header_fetch_parse(self, name: str, value: str) -> str:
        return value


AS_SENT = _AsSent()
_HEADERS = BytesHeaderParser(policy=AS_SENT)  # headers only: a multipart's boundary is never compiled


@dataclass(frozen=True)
class Part:
    number: str  # IMAP part number; "" for the top multipart (it has none)
    content_type: str  # lower case "maintype/subtype"
    params: Mapping[str, str]  # Content-Type parameters, keys lower case, values decoded
    disposition: str = ""  # "attachment", "inline" or ""
    disposition_params: Mapping[str, str] = field(default_factory=dict)
    encoding: str = ""  # Content-Transfer-Encoding, lower case
    size: int = 0  # the body's encoded size in bytes
    content_id: str = ""
    children: tuple[Part, ...] = ()
    start: int = -1  # the body's offsets in the raw message (-1 when the tree came from BODYSTRUCTURE)
    end: int = -1
    enclosed_subject: str = ""  # message/rfc822: the subject of the message inside

    @property
    def maintype(self) -> str:
        return self.content_type.partition("/")[0]

    @property
    def subtype(self) -> str:
        return self.content_type.partition("/")[2]

    @property
    def charset(self) -> str:
        return self.params.get("charset", "")

    @property
    def read_limit(self) -> int:
        return HTML_READ_BYTES if self.subtype == "html" else PLAIN_READ_BYTES

    def walk(self) -> Iterator[Part]:
        yield self
        for child in self.children:
            yield from child.walk()


def param_value(value: object, problems: list[str]) -> str:
    """A parameter value as decode_params gives it: a string, or (charset, language, %-decoded latin-1) for
    RFC 2231; RFC 2047 words inside quotes (not allowed, sent every day) are decoded too."""
    if isinstance(value, tuple):
        charset, _language, text = value
        text = unquote(text)
        try:
            data = text.encode("latin-1", "surrogateescape")  # %-decoded bytes, one character each
        except UnicodeEncodeError:
            data = raw_bytes(text)
        decoded, problem = decode(data, charset or "", where="an attachment name")
        if problem:
            problems.append(problem)
        return decoded
    return decode_words(str(value), where="an attachment name", problems=problems)


def finish_params(collapsed: list[tuple[str, object]], problems: list[str]) -> dict[str, str]:
    """Parameters as the stdlib's decode_params leaves them (continuations joined) -> {name: text}."""
    params: dict[str, str] = {}
    for name, value in collapsed:
        key = name.lower().strip().rstrip("*")
        if isinstance(value, str):
            value = unquote(value)
        if key and key not in params:
            params[key] = clean_text(param_value(value, problems), 500)
    return params


def decoded_params(pairs: list[tuple[str, str]], problems: list[str]) -> dict[str, str]:
    """Parameters as (name, value) pairs, e.g. from BODYSTRUCTURE: continuations joined, values decoded."""
    try:
        collapsed = decode_params([("", ""), *((name, f'"{value}"') for name, value in pairs)])[1:]
    except Exception:  # noqa: BLE001 - the stdlib's RFC 2231 code raises on some broken continuations
        problems.append("parameters that could not be read")
        collapsed = [(name.partition("*")[0], value) for name, value in pairs]
    return finish_params(collapsed, problems)


def _header_params(message: Message, header: str, problems: list[str]) -> tuple[str, dict[str, str]]:
    value = message.get(header)
    if value is None:
        return "", {}
    main = str(value).partition(";")[0].strip().lower()
    try:
        found = message.get_params(header=header, unquote=True) or []
    except Exception:  # noqa: BLE001 - a header the stdlib cannot split; its main value still counts
        problems.append(f"a {header} header that could not be read")
        found = []
    return main, finish_params(found[1:], problems)


def read_header(raw: bytes, start: int, end: int) -> tuple[Message, int, bool]:
    """The header block at raw[start:end] as a compat32 Message, where the body starts, and whether the
    blank line that ends the headers was missing."""
    match = _HEADER_LINES.match(raw, start, end)
    stop = match.end() if match else start
    blank = _BLANK.match(raw, stop, end)
    body = blank.end() if blank else stop
    header = raw[start:stop]
    message = _HEADERS.parsebytes(header) if header else Message(policy=AS_SENT)
    return message, body, blank is None and stop < end


def _content_type(message: Message, default: str) -> str:
    value = message.get("content-type")
    if value is None:
        return default
    main = str(value).partition(";")[0].strip().lower()
    if main.count("/") != 1 or not all(main.partition("/")[::2]):
        return "text/plain"  # RFC 2045 5.2: an unreadable Content-Type is text/plain
    return clean_text(main, 100)


def _boundaries(raw: bytes, start: int, end: int, boundary: bytes) -> tuple[list[tuple[int, int]], bool]:
    """The bodies between `--boundary` lines in raw[start:end] as (start, end) offsets, and whether the
    closing `--boundary--` was found. The line break before a boundary line belongs to the boundary."""
    delimiter = b"--" + boundary
    bodies: list[tuple[int, int]] = []
    opened = -1  # where the current part's body starts (after a boundary line)
    position = start
    while True:
        found = raw.find(delimiter, position, end)
        if found < 0:
            break
        if found == start or raw[found - 1] == 0x0A:
            after = found + len(delimiter)
            closing = raw.startswith(b"--", after, end)
            cursor = after + 2 if closing else after
            while cursor < end and raw[cursor] in (0x20, 0x09):
                cursor += 1
            if cursor == end or raw[cursor] == 0x0A or (raw[cursor] == 0x0D and (cursor + 1 == end
                                                                                  or raw[cursor + 1] == 0x0A)):
                line_end = cursor if cursor == end else cursor + (1 if raw[cursor] == 0x0A else 2)
                if opened >= 0:
                    stop = found
                    if stop > opened and raw[stop - 1] == 0x0A:
                        stop -= 1
                        if stop > opened and raw[stop - 1] == 0x0D:
                            stop -= 1
                    bodies.append((opened, stop))
                if closing:
                    return bodies, True
                opened = line_end
                position = line_end
                continue
        position = found + 1
    if opened >= 0:
        bodies.append((opened, end))
    return bodies, False


class _Scan:
    def __init__(self, raw: bytes, problems: list[str]) -> None:
        self.raw = raw
        self.problems = problems
        self.count = 0

    def part(self, message: Message, body: int, end: int, number: str, depth: int, default: str) -> Part:
        self.count += 1
        problems = self.problems
        content_type = _content_type(message, default)
        _main, params = _header_params(message, "content-type", problems)
        disposition, disposition_params = _header_params(message, "content-disposition", problems)
        encoding = clean_text(str(message.get("content-transfer-encoding", "")), 40).lower()
        content_id = clean_text(str(message.get("content-id", "")), 200).strip("<>")
        common = dict(params=params, disposition=disposition, disposition_params=disposition_params,
                      encoding=encoding, size=end - body, content_id=content_id, start=body, end=end)
        if content_type.startswith("multipart/"):
            boundary = str(message.get_boundary("") or "")  # as sent: the bytes to look for
            if not boundary:
                problems.append(f"a {content_type} part without a boundary, read as text")
                return Part(number or "1", "text/plain", **{**common, "params": {}})
            if depth >= MAX_DEPTH:
                problems.append(f"multiparts nested deeper than {MAX_DEPTH} were not read")
                return Part(number or "1", content_type, **common)
            bodies, closed = _boundaries(self.raw, body, end, raw_bytes(boundary))
            if not bodies:
                problems.append(f"a {content_type} part with no parts, read as text")
                return Part(number or "1", "text/plain", **{**common, "params": {}})
            if not closed:
                problems.append(f"a {content_type} part without its closing boundary")
            child_default = "message/rfc822" if content_type == "multipart/digest" else "text/plain"
            children = []
            for index, (child_start, child_end) in enumerate(bodies, 1):
                if self.count >= MAX_PARTS:
                    problems.append(f"parts beyond the first {MAX_PARTS} were not read")
                    break
                child_number = f"{number}.{index}" if number else str(index)
                header, child_body, missing = read_header(self.raw, child_start, child_end)
                if missing:
                    problems.append(f"part {child_number} has no blank line after its headers")
                children.append(self.part(header, child_body, child_end, child_number, depth + 1, child_default))
            return Part(number, content_type, children=tuple(children), **common)
        subject = ""
        if content_type in ("message/rfc822", "message/global"):
            enclosed, _body, _missing = read_header(self.raw, body, end)
            subject = clean_text(decode_words(enclosed.get("subject"), problems=problems), 200)
        return Part(number or "1", content_type, enclosed_subject=subject, **common)


def scan(raw: bytes, message: Message, body: int, problems: list[str]) -> Part:
    """The MIME tree of a raw message whose top header is `message` and whose body starts at `body`."""
    return _Scan(raw, problems).part(message, body, len(raw), "", 0, "text/plain")
