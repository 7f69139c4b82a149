"""Which character set a vCard value is in, when the card may say so on one property only.

vCard 2.1 names a charset per property, and writers are uneven about it: Outlook puts
`CHARSET=Windows-1253` on LABEL while N, FN and ORG carry the same Greek bytes with none, and an
old phone writes quoted-printable Windows-1250 with no CHARSET at all. So a value is read with,
in order: its own CHARSET; UTF-8 when the bytes are valid UTF-8 (vCard 3.0 and 4.0 say so, and a
legacy text is almost never valid UTF-8 by chance); a CHARSET another property of the same card
names; and last the file's legacy code page, guessed once from the bytes that nothing above could
read. A value read by that guess, or with characters replaced by U+FFFD, is reported, never
stored silently.
"""

from __future__ import annotations

import codecs
from collections.abc import Sequence
from functools import cache

from trade_crm.exchange.files.encoding import CANDIDATES, CLOSE, preview, rank_encodings

# Address books also come from Central Europe (Polish, Czech, Hungarian names), whose code pages
# CSV detection leaves out; after Windows-1252, so a German or French card keeps reading as Western.
GUESS_CANDIDATES = (*CANDIDATES, "cp1250", "iso8859_2")
_NOT_TEXT = frozenset({"idna", "punycode", "undefined", "raw-unicode-escape", "unicode-escape"})

READ = ""  # how a value was read: as it says, or valid UTF-8
GUESSED = "guessed"  # with the file's guessed code page
LOSSY = "lossy"  # some bytes replaced by U+FFFD


@cache
def codec(name: str) -> str | None:
    """Python's codec for a CHARSET parameter; None for an unknown one or one that cannot read text
    with replacement (idna, punycode, undefined, rot13, base64...)."""
    try:
        info = codecs.lookup(name.strip().strip('"'))
    except (LookupError, ValueError, TypeError):
        return None
    if info.name in _NOT_TEXT:
        return None
    try:
        b"Ab\xe9".decode(info.name, "replace")  # rot13, base64...: LookupError, "not a text encoding"
    except (LookupError, UnicodeError, ValueError, TypeError):
        return None
    return info.name


def _strict(raw: bytes, name: str) -> str | None:
    try:
        return raw.decode(name)
    except (UnicodeError, LookupError):
        return None


def needs_guess(raw: bytes, own: str | None, siblings: Sequence[str]) -> bool:
    """True when `raw` names no charset and none its card names, nor UTF-8, reads it: the file's guess must."""
    if raw.isascii() or own:
        return False
    return all(_strict(raw, name) is None for name in (*([own] if own else []), "utf-8", *siblings))


def decode_value(raw: bytes, own: str | None, siblings: Sequence[str], fallback: str) -> tuple[str, str]:
    """(text, how): how is READ, GUESSED (the file's code page was used) or LOSSY (U+FFFD stored)."""
    if raw.isascii():
        return raw.decode("ascii"), READ
    for name in (*([own] if own else []), "utf-8", *(s for s in siblings if s != own)):
        text = _strict(raw, name)
        if text is not None:
            return text, READ
    text = None if own else _strict(raw, fallback)  # a value naming its charset is never read by a guess
    if text is not None:
        return text, GUESSED
    return raw.decode(own or fallback, errors="replace"), LOSSY


def guess(samples: Sequence[bytes], chosen: str | None = None) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The code page for text no card names, and (encoding, preview) for it and the close others.

    `chosen` (a person picked it in the review) wins; with no samples the answer is UTF-8."""
    if not samples:
        return chosen or "utf-8", ()
    data = b"\n".join(samples)
    ranked = rank_encodings(data, GUESS_CANDIDATES)
    best = chosen or ranked[0][0]
    top = ranked[0][1]
    names = [best, *(name for name, value in ranked if value >= top - CLOSE and name != best)]
    return best, tuple((name, preview(data, name)) for name in names)
