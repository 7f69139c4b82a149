"""A small, fast MIME writer for the generated mail corpus (tests/mail_corpus.py).

It writes exactly the bytes a test asks for (a GBK subject as B words, an ISO-2022-JP one, an RFC 2231
filename or an RFC 2047 one, quoted-printable Latin-1) with string formatting and binascii, about a hundred
times faster than building EmailMessage objects, so the 20,000-message bench mailbox is built in seconds.
Lines end in "\n" while building; `finish` turns the message into CRLF, as it travels.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

WORD_BYTES = 45  # bytes of text per encoded word (75 characters at most once encoded, RFC 2047 2)


# What a mailer that declares the first writes: GB2312 mail carries GBK, ISO-2022-JP half-width katakana.
WRITES = {"gb2312": "gbk", "iso-2022-jp": "iso2022_jp_ext", "us-ascii": "utf-8"}


@lru_cache(maxsize=4096)
def word(text: str, charset: str = "utf-8", kind: str = "B") -> str:
    """`text` as RFC 2047 encoded words, split on whole characters and folded."""
    if text.isascii() and kind != "force":
        return text
    kind = "B" if kind == "force" else kind
    codec = WRITES.get(charset.lower(), charset)
    chunks: list[bytes] = []
    current = b""
    if charset.lower().startswith("iso-2022"):
        chunks = [text.encode(codec)]  # one word: the escape sequences must not be split
    else:
        for char in text:
            encoded = char.encode(codec)
            if len(current) + len(encoded) > WORD_BYTES:
                chunks.append(current)
                current = b""
            current += encoded
        chunks.append(current)
    words = []
    for chunk in chunks:
        if kind == "B":
            words.append(f"=?{charset}?B?{base64.b64encode(chunk).decode('ascii')}?=")
        else:
            q = "".join(chr(b) if (48 <= b <= 57 or 65 <= b <= 90 or 97 <= b <= 122) else
                        ("_" if b == 32 else f"={b:02X}") for b in chunk)
            words.append(f"=?{charset}?Q?{q}?=")
    return "\n ".join(words)


def address(name: str, email: str, charset: str = "utf-8") -> str:
    if not name:
        return email
    if name.isascii():
        return f'"{name}" <{email}>' if any(c in name for c in ',.;:"()<>@') else f"{name} <{email}>"
    return f"{word(name, charset)} <{email}>"


def addresses(people: Sequence[tuple[str, str]], charset: str = "utf-8") -> str:
    return ",\n ".join(address(name, email, charset) for name, email in people)


def _wrap(data: bytes, width: int = 76) -> bytes:
    return b"\n".join(data[i:i + width] for i in range(0, len(data), width))


def encode_body(data: bytes, encoding: str) -> bytes:
    if encoding == "base64":
        return _wrap(base64.b64encode(data))
    if encoding == "quoted-printable":
        return binascii.b2a_qp(data, istext=True)
    return data


@dataclass(frozen=True)
class Mime:
    """One MIME entity: its header lines (without the message headers) and its body, both "\n"-ended."""

    headers: tuple[str, ...]
    body: bytes

    def bytes(self) -> bytes:
        return "\n".join(self.headers).encode("utf-8", "surrogateescape") + b"\n\n" + self.body


def text(content: str, subtype: str = "plain", charset: str = "utf-8", encoding: str = "quoted-printable",
         declared: str | None = None) -> Mime:
    """A text part: `content` encoded in `charset`, declared as `declared` (default: charset; '' = none)."""
    data = content.encode(WRITES.get(charset.lower(), charset))
    name = charset if declared is None else declared
    kind = f"text/{subtype}; charset={name}" if name else f"text/{subtype}"
    return Mime((f"Content-Type: {kind}", f"Content-Transfer-Encoding: {encoding}"), encode_body(data, encoding))


def attachment(name: str, content_type: str, data: bytes, style: str = "2231", inline: bool = False,
               content_id: str = "") -> Mime:
    """A base64 file part whose name is written RFC 2231 style (filename*=utf-8''…), RFC 2047 style (a quoted
    encoded word, as Outlook and Chinese webmail do), or 'gbk-2047' (GBK words)."""
    if style == "2231" and not name.isascii():
        filename = f"filename*=utf-8''{quote(name, safe='')}"
        type_name = f'name="{word(name)}"'
    elif style == "gbk-2047":
        filename = f'filename="{word(name, "gbk")}"'
        type_name = f'name="{word(name, "gbk")}"'
    else:
        filename = f'filename="{word(name)}"'
        type_name = f'name="{word(name)}"'
    headers = [f"Content-Type: {content_type};\n {type_name}", "Content-Transfer-Encoding: base64",
               f"Content-Disposition: {'inline' if inline else 'attachment'};\n {filename}"]
    if content_id:
        headers.append(f"Content-ID: <{content_id}>")
    return Mime(tuple(headers), encode_body(data, "base64"))


def multipart(subtype: str, parts: Sequence[Mime], boundary: str, extra: str = "") -> Mime:
    body = b"".join(b"--" + boundary.encode() + b"\n" + part.bytes() + b"\n" for part in parts)
    body += b"--" + boundary.encode() + b"--\n"
    return Mime((f'Content-Type: multipart/{subtype}; boundary="{boundary}"{extra}',), body)


def enclosed(raw: bytes) -> Mime:
    """A message/rfc822 part holding `raw` ("\n"-ended)."""
    return Mime(("Content-Type: message/rfc822", "Content-Disposition: inline"), raw)


def message(headers: Sequence[tuple[str, str]], body: Mime) -> bytes:
    """A whole message, "\n"-ended: its headers, MIME-Version, and the body entity's headers and bytes."""
    lines = [f"{name}: {value}" for name, value in headers]
    return ("\n".join([*lines, "MIME-Version: 1.0"]) + "\n").encode("utf-8", "surrogateescape") + body.bytes()


def finish(raw: bytes) -> bytes:
    """CRLF line ends, as a message travels (and as a server hands it out)."""
    return raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
