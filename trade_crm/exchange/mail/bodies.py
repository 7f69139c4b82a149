"""The text of a message from the raw bytes of its text parts: transfer encoding undone, charset read
(an HTML part's <meta charset> when its header names none), HTML turned into text, format=flowed lines joined,
line ends and blank runs tidied, the whole capped at TEXT_CAP_CHARS.

A part read only in part (a partial IMAP fetch, a read limit) may end inside a base64 quantum, a
quoted-printable escape or a multibyte character: those tails are dropped, not reported.
"""

from __future__ import annotations

import binascii
import re

from trade_crm.domain.mail.messages import TEXT_CAP_CHARS
from trade_crm.exchange.mail.charsets import decode
from trade_crm.exchange.mail.html_text import html_to_text
from trade_crm.exchange.mail.parts import Part

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_BASE64_KEEP = re.compile(rb"[^A-Za-z0-9+/=]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]")
_BLANK_RUNS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")


def _transfer_decode(data: bytes, encoding: str, where: str, cut: bool, problems: list[str]) -> bytes:
    if encoding == "base64":
        data = data.translate(None, b" \t\r\n")
        if _BASE64_KEEP.search(data):
            data = _BASE64_KEEP.sub(b"", data)
        data = data.rstrip(b"=")
        if len(data) % 4 == 1:
            data = data[:-1]
        try:
            return binascii.a2b_base64(data + b"=" * (-len(data) % 4))
        except (binascii.Error, ValueError):
            problems.append(f"{where}: base64 that could not be decoded")
            return b""
    if encoding == "quoted-printable":
        if cut:
            data = re.sub(rb"=[0-9A-Fa-f]?\Z", b"", data)
        return binascii.a2b_qp(data)
    if encoding and encoding not in ("7bit", "8bit", "binary") and not encoding.startswith("x-"):
        problems.append(f"{where}: unknown transfer encoding {encoding[:40]}, read as it is")
    elif encoding.startswith("x-"):
        problems.append(f"{where}: transfer encoding {encoding[:40]} not decoded")
    return data


def _plain_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    text = _TRAILING_SPACE.sub("\n", text)
    return _BLANK_RUNS.sub("\n\n", text).strip()


def _read_text(chosen: Part, data: bytes, cut: bool, hints: tuple[str, ...], problems: list[str]) -> str:
    where = f"the text (part {chosen.number})"
    body = _transfer_decode(data, chosen.encoding, where, cut, problems)
    charset = chosen.charset
    if charset.strip().lower() in ("us-ascii", "ascii"):
        charset = ""  # what a server reports for a part that names none (RFC 2045's default): 8-bit text is not
    if not charset and chosen.subtype == "html":
        found = _META_CHARSET.search(body[:4096])
        charset = found.group(1).decode("ascii") if found else ""
    text, problem = decode(body, charset, where=where, hints=hints)
    if problem and cut:  # perhaps only the last character, cut in two by a partial read
        for trim in (1, 2, 3):
            clean, trimmed_problem = decode(body[:-trim], charset, where=where, hints=hints)
            if not trimmed_problem:
                text, problem = clean, ""
                break
    if problem:
        problems.append(problem)
    if chosen.subtype == "html":
        text = html_to_text(text, TEXT_CAP_CHARS + 1)
    elif chosen.params.get("format", "").lower() == "flowed":
        text = _unflow(text, chosen.params.get("delsp", "").lower() == "yes")
    return _plain_text(text)


def _unflow(text: str, delsp: bool) -> str:
    """format=flowed (RFC 3676): a line ending in a space goes on in the next line."""
    lines = text.replace("\r\n", "\n").split("\n")
    out: list[str] = []
    carry = ""
    for line in lines:
        if line == "-- ":  # the signature separator is never flowed
            out.append(carry + line)
            carry = ""
            continue
        line = line[1:] if line.startswith(" ") else line  # space-stuffing
        if line.endswith(" "):
            carry += line[:-1] if delsp else line
        else:
            out.append(carry + line)
            carry = ""
    if carry:
        out.append(carry)
    return "\n".join(out)


def message_text(texts: list[tuple[Part, bytes, bool]], short: bool, hints: tuple[str, ...], problems: list[str],
                 ) -> tuple[str, bool]:
    """The message's text from its text parts: (part, its raw bytes as read, whether the read stopped short
    of its end). Joined by a blank line, capped at TEXT_CAP_CHARS; and whether anything was left out.
    `short`: the whole message was cut short by the server."""
    pieces = []
    truncated = short
    for part, data, cut in texts:
        piece = _read_text(part, data, cut or short, hints, problems)
        truncated = truncated or cut
        if piece:
            pieces.append(piece)
        if sum(len(p) for p in pieces) > TEXT_CAP_CHARS:
            break
    text = "\n\n".join(pieces)
    if len(text) > TEXT_CAP_CHARS:
        text, truncated = text[:TEXT_CAP_CHARS], True
    return text, truncated
