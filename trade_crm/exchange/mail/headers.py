"""Header values of a mail, read the way mail clients read them: encoded words, addresses, ids, dates.

The values come from the stdlib's compat32 header parser, which keeps a header as it was sent (8-bit bytes
as surrogate escapes) and never raises; policy.default parses eagerly, raises on some broken address lists
and is slow on a header with thousands of addresses. What a mail client forgives is forgiven here too:
RFC 2047 words with a wrong padding, spaces inside a word (a mailer that folded it), a multibyte character
split across two words, words glued to text, a quoted display name made of encoded words, raw GBK or UTF-8
bytes with no encoding at all. Addresses are split by one linear tokenizer, so a header with 10,000
recipients costs 10,000 times one.
"""

from __future__ import annotations

import binascii
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from trade_crm.domain.mail.messages import Address
from trade_crm.exchange.mail.charsets import decode

_WORD = re.compile(r"=\?([^?\s]*)\?([bBqQ])\?([^?]*?)\?=")
_FOLD = re.compile(r"\r?\n(?=[ \t])|\r?\n\Z")
_SPACES = re.compile(r"\s+")
_B64_JUNK = re.compile(r"[^A-Za-z0-9+/]")
_QP_HEX = re.compile(rb"=([0-9A-Fa-f]{2})")
# One token of an address list: a quoted string, a comment, an angle address, an encoded word (whose text
# may hold a comma a mailer forgot to encode), a separator, or a run of text.
_TOKEN = re.compile(r'"(?:\\.|[^"\\])*"?|\((?:\\.|[^()\\])*\)?|<[^<>]*>?|=\?[^?\s]*\?[bBqQ]\?[^?]*\?='
                    r'|[,;:]|(?:[^",;:<(=]|=(?!\?))+|[<(=]')
_ID = re.compile(r"<([^<>]*)>")
_LOOSE_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?")
MAX_ID_CHARS = 500  # a longer "Message-ID" is junk; keep its start so it still tells copies apart
MAX_REFERENCES = 100  # the thread's root (first) and the nearest ancestors (last) are what threading needs


def unfold(value: str) -> str:
    return _FOLD.sub("", value)


def raw_bytes(text: str) -> bytes:
    """The bytes a header value was sent as (compat32 keeps 8-bit bytes as surrogate escapes; a character
    that is already decoded goes back as UTF-8)."""
    return text.encode("ascii") if text.isascii() else text.encode("utf-8", "surrogateescape")


def _b64(text: str) -> bytes:
    data = _B64_JUNK.sub("", text)
    if len(data) % 4 == 1:
        data = data[:-1]
    data += "=" * (-len(data) % 4)
    try:
        return binascii.a2b_base64(data)
    except (binascii.Error, ValueError):
        return b""


def _q(text: str) -> bytes:
    return _QP_HEX.sub(lambda match: bytes([int(match.group(1), 16)]), raw_bytes(text).replace(b"_", b" "))


def _plain(text: str, where: str, hints: tuple[str, ...], problems: list[str]) -> str:
    if text.isascii():
        return text
    if not any("\udc80" <= char <= "\udcff" for char in text):
        return text  # already text (a value handed over decoded)
    decoded, problem = decode(raw_bytes(text), "", where=where, hints=hints)
    if problem:
        problems.append(problem)
    return decoded


def decode_words(value: str | None, *, where: str = "header", hints: tuple[str, ...] = (),
                 problems: list[str] | None = None) -> str:
    """A header value as text: RFC 2047 words decoded (adjacent words of one charset joined as bytes first,
    so a character split across two words survives), raw 8-bit bytes read by `hints` or as UTF-8."""
    if not value:
        return ""
    problems = [] if problems is None else problems
    value = unfold(value)
    if "=?" not in value:
        return _plain(value, where, hints, problems)
    out: list[str] = []
    pending: list[bytes] = []  # bytes of adjacent encoded words of one charset
    pending_charset = ""
    position = 0

    def flush() -> None:
        nonlocal pending_charset
        if pending:
            text, problem = decode(b"".join(pending), pending_charset, where=where)
            out.append(text)
            if problem:
                problems.append(problem)
            pending.clear()
        pending_charset = ""

    for match in _WORD.finditer(value):
        between = value[position:match.start()]
        if between and not (pending and between.isspace()):
            flush()
            out.append(_plain(between, where, hints, problems))
        charset = match.group(1).partition("*")[0]  # RFC 2231 language suffix: utf-8*en
        data = _b64(match.group(3)) if match.group(2) in "bB" else _q(match.group(3))
        if pending and charset.lower() != pending_charset.lower():
            flush()
        pending_charset = charset
        pending.append(data)
        position = match.end()
    flush()
    out.append(_plain(value[position:], where, hints, problems))
    return "".join(out)


def clean_text(value: str, limit: int = 1000) -> str:
    """One line: folding and runs of whitespace become one space; control characters go."""
    text = _SPACES.sub(" ", value).strip()
    if not text.isprintable():
        text = "".join(char for char in text if char.isprintable())
    return text[:limit]


def fold_email(email: str) -> str:
    """An address folded to lower case, its IDNA (xn--) domain labels decoded to Unicode."""
    email = email.strip().strip("<>\"' ").lower()
    if email.startswith("mailto:"):
        email = email[7:]
    local, at, domain = email.rpartition("@")
    if not at:
        return email
    domain = domain.strip().rstrip(".")
    if "xn--" in domain:
        labels = []
        for label in domain.split("."):
            if label.startswith("xn--"):
                try:
                    label = label.encode("ascii").decode("idna")
                except (UnicodeError, ValueError):
                    pass
            labels.append(label)
        domain = ".".join(labels)
    return f"{local}@{domain}"


def _unquote(token: str) -> str:
    inner = token[1:-1] if len(token) > 1 and token.endswith('"') else token[1:]
    return re.sub(r"\\(.)", r"\1", inner) if "\\" in inner else inner


def _address(phrase: list[str], angle: str | None, comment: str, hints: tuple[str, ...],
             problems: list[str]) -> Address | None:
    text = "".join(phrase).strip()
    if angle is not None:
        email = angle.rpartition(":")[2]  # an obsolete source route: <@relay:user@host>
        name = text or comment
    else:
        words = text.split()
        email = next((word for word in words if "@" in word), text if len(words) == 1 else "")
        name = " ".join(word for word in words if word != email) or comment
    email = fold_email(email)
    if not email:
        return None
    name = clean_text(decode_words(name.strip().strip('"'), where="an address", hints=hints, problems=problems),
                      200)
    if name.lower().strip("'\" ") == email:
        name = ""
    return Address(email=email, name=name)


def parse_addresses(value: str | None, *, hints: tuple[str, ...] = (), problems: list[str] | None = None,
                    ) -> list[Address]:
    """Every address of an address-list header, in order, each once; group names and empty groups
    (`undisclosed-recipients:;`) are dropped, entries without an address too. Linear in the header's length."""
    if not value:
        return []
    problems = [] if problems is None else problems
    found: list[Address] = []
    seen: set[str] = set()
    phrase: list[str] = []
    angle: str | None = None
    comment = ""

    def flush() -> None:
        nonlocal angle, comment
        if phrase or angle is not None:
            address = _address(phrase, angle, comment, hints, problems)
            if address is not None and address.email not in seen:
                seen.add(address.email)
                found.append(address)
        phrase.clear()
        angle, comment = None, ""

    for match in _TOKEN.finditer(unfold(value)):
        token = match.group()
        first = token[0]
        if first in ",;":
            flush()
        elif first == ":":
            if angle is None and "@" not in "".join(phrase):
                phrase.clear()  # a group's display name
            else:
                phrase.append(token)
        elif first == "<":
            angle = token.strip("<>").strip()
        elif first == '"':
            phrase.append(_unquote(token))
        elif first == "(":
            comment = comment or token.strip("()").strip()
        else:
            phrase.append(token)
    flush()
    return found


def message_ids(value: str | None) -> list[str]:
    """The ids of a Message-ID, In-Reply-To or References header: without angle brackets, lower case."""
    if not value:
        return []
    value = _plain(unfold(value), "a message id", (), [])
    ids = [found.strip().lower()[:MAX_ID_CHARS] for found in _ID.findall(value)]
    if not ids:  # an id sent without brackets
        ids = [word.strip().lower()[:MAX_ID_CHARS] for word in value.split() if "@" in word]
    return [found for found in ids if found and found.isprintable()]


def references(value: str | None) -> tuple[str, ...]:
    ids = list(dict.fromkeys(message_ids(value)))
    if len(ids) > MAX_REFERENCES:
        ids = [ids[0], *ids[-(MAX_REFERENCES - 1):]]
    return tuple(ids)


def _loose_date(text: str) -> datetime | None:
    """ISO 8601, or the "2024-3-5 10:00:00" some systems write (taken as UTC when it names no zone)."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    match = _LOOSE_DATE.fullmatch(text)
    if match is None:
        return None
    try:
        return datetime(*(int(part or 0) for part in match.groups()))
    except ValueError:
        return None


def parse_date(value: str | None) -> datetime | None:
    """The Date header as an aware UTC instant; None when it cannot be read or is not a plausible date.
    A date without a zone (`-0000`, none) is taken as UTC."""
    if not value:
        return None
    text = clean_text(unfold(value), 200)
    when = None
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        when = _loose_date(text)
    if when is None:
        return None
    try:
        when = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    except (OverflowError, ValueError):
        return None
    if not 1980 <= when.year <= 2100:
        return None
    return when
