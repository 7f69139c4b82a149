"""IMAP's BODYSTRUCTURE (as imapclient returns it) as the MIME tree parts.py chooses on, so a big message
is read without fetching it whole: which text part to fetch, and its attachments' names and sizes.

imapclient gives a multipart as BodyData([children], subtype, params, disposition, language, location) and a
single part as (type, subtype, params, id, description, encoding, size, …extension data) where a text part
adds its line count and a message/rfc822 part its envelope, body and line count before the extension data
(RFC 3501 7.4.2). Strings are bytes, NIL is None, a parameter list is a flat tuple (name, value, name, value).
Anything missing or malformed reads as empty: this never raises.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from trade_crm.domain.mail.messages import AttachmentInfo
from trade_crm.exchange.mail.choose import attachments, text_parts
from trade_crm.exchange.mail.headers import clean_text, decode_words
from trade_crm.exchange.mail.parts import HTML_READ_BYTES, MAX_DEPTH, PLAIN_READ_BYTES, Part, decoded_params


@dataclass(frozen=True)
class TextPart:
    """A text part to fetch (BODY.PEEK[part]<0.fetch_bytes>): its number, plain or html, charset and
    Content-Transfer-Encoding as declared, and its encoded size."""

    part: str
    subtype: str
    charset: str
    encoding: str
    size: int

    @property
    def fetch_bytes(self) -> int:
        """How much of the part to fetch (BODY.PEEK[part]<0.n>): what parse_parts reads of it, at most."""
        limit = HTML_READ_BYTES if self.subtype == "html" else PLAIN_READ_BYTES
        return min(self.size, limit) if self.size > 0 else limit


def _text(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("ascii", "surrogateescape")
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    return ""


def _int(value: object) -> int:
    try:
        return max(int(value), 0)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


def _pairs(value: object) -> list[tuple[str, str]]:
    if not isinstance(value, (tuple, list)):
        return []
    items = list(value)
    return [(_text(items[i]), _text(items[i + 1])) for i in range(0, len(items) - 1, 2)]


def _disposition(value: object, problems: list[str]) -> tuple[str, dict[str, str]]:
    if isinstance(value, (tuple, list)) and value:
        kind = _text(value[0]).lower()
        return kind, decoded_params(_pairs(value[1] if len(value) > 1 else None), problems)
    return (_text(value).lower(), {}) if value else ("", {})


def _is_multipart(value: object) -> bool:
    return isinstance(value, (tuple, list)) and bool(value) and isinstance(value[0], (tuple, list))


def _at(items: Sequence[object], index: int) -> object:
    return items[index] if len(items) > index else None


def _subject(envelope: object, problems: list[str]) -> str:
    subject = getattr(envelope, "subject", None)
    if subject is None and isinstance(envelope, (tuple, list)) and len(envelope) > 1:
        subject = envelope[1]
    return clean_text(decode_words(_text(subject), problems=problems), 200)


def tree(bodystructure: object, problems: list[str], number: str = "", depth: int = 0) -> Part:
    """The MIME tree of a BODYSTRUCTURE value (imapclient's BodyData, or the same nested tuples)."""
    if not isinstance(bodystructure, (tuple, list)) or not bodystructure:
        problems.append("an empty BODYSTRUCTURE")
        return Part(number or "1", "text/plain", {})
    items = list(bodystructure)
    if _is_multipart(items):
        children_raw = list(items[0]) if isinstance(items[0], list) else []
        rest = items[1:]
        if not children_raw:  # the raw tuples: children first, then the subtype
            while items and isinstance(items[0], (tuple, list)):
                children_raw.append(items.pop(0))
            rest = items
        subtype = _text(_at(rest, 0)).lower() or "mixed"
        params = decoded_params(_pairs(_at(rest, 1)), problems)
        disposition, disposition_params = _disposition(_at(rest, 2), problems)
        if depth >= MAX_DEPTH:
            problems.append(f"multiparts nested deeper than {MAX_DEPTH} were not read")
            children_raw = []
        children = tuple(tree(child, problems, f"{number}.{index}" if number else str(index), depth + 1)
                         for index, child in enumerate(children_raw, 1))
        return Part(number, f"multipart/{subtype}", params, disposition, disposition_params, children=children)
    content_type = f"{_text(items[0]).lower() or 'text'}/{_text(_at(items, 1)).lower() or 'plain'}"
    params = decoded_params(_pairs(_at(items, 2)), problems)
    content_id = clean_text(_text(_at(items, 3)), 200).strip("<>")
    encoding = clean_text(_text(_at(items, 5)), 40).lower()
    size = _int(_at(items, 6))
    subject = ""
    if content_type in ("message/rfc822", "message/global"):
        extension = 10
        subject = _subject(_at(items, 7), problems)
    elif content_type.startswith("text/"):
        extension = 8
    else:
        extension = 7
    disposition, disposition_params = _disposition(_at(items, extension + 1), problems)
    return Part(number or "1", content_type, params, disposition, disposition_params, encoding, size, content_id,
                enclosed_subject=subject)


def text_parts_to_fetch(bodystructure: object) -> list[TextPart]:
    """The parts parse_parts needs for the text (choose.py says which): text/plain preferred, else
    text/html; several when a mixed message has its text in several inline pieces."""
    return [TextPart(part.number, part.subtype, part.charset, part.encoding, part.size)
            for part in text_parts(tree(bodystructure, []))]


def attachments_from_bodystructure(bodystructure: object) -> tuple[AttachmentInfo, ...]:
    return attachments(tree(bodystructure, []), [])

