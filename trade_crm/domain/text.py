"""Small text cleaners shared by every write path. They never strip a script's marks."""

from __future__ import annotations

import re
import unicodedata

_INLINE_SPACE = re.compile(r"[ \t\u00a0\u3000\u2000-\u200b]+")
_EMAIL_SPLITS = re.compile(r"[,;/、，；\n\r]+")
_EMAIL = re.compile(r"^[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\]]{2,}$")


def clean_line(value: object) -> str:
    """One-line text: NFC, whitespace folded to single spaces, trimmed."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    return _INLINE_SPACE.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()


def clean_block(value: object) -> str:
    """Multi-line text (notes, bodies): NFC, line endings unified, outer blank space trimmed."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def normalize_email(value: str) -> str | None:
    """Lower-cased address if it looks like one (full-width @ and dots folded), else None."""
    text = unicodedata.normalize("NFKC", value or "").strip().strip("<>").strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    text = text.lower()
    return text if _EMAIL.match(text) else None


def split_emails(value: str) -> list[str]:
    """Split a cell holding several addresses; a piece with spaces splits only if each part has an @."""
    out: list[str] = []
    if value and value.isascii() and not _EMAIL_SPLITS.search(value):  # one piece, as most cells hold
        pieces: list[str] = [value]  # NFKC leaves ASCII as it is
    else:
        pieces = _EMAIL_SPLITS.split(unicodedata.normalize("NFKC", value or ""))
    for piece in pieces:
        words = piece.split()
        if len(words) > 1 and all("@" in w for w in words):
            out.extend(words)
        elif piece.strip():
            out.append(piece.strip())
    return out
