"""Bytes of a mail part or header word to text, by the charset it declares, as mail clients read it.

Mailers declare the narrow charset and write the wide one: GB2312 mail carries GBK and GB18030
characters, Big5 carries HKSCS, Shift_JIS carries the Windows (cp932) extensions, EUC-KR is cp949,
ISO-8859-1 is Windows-1252 (as the WHATWG encoding standard reads them). So each declared name maps to
the superset that reads what is really sent. A charset Python does not know, or bytes the declared one
cannot read, never stop the read: strict UTF-8 is tried, then UTF-8 with replacement when the damage is
small, else Latin-1 (every byte is a character), and the caller gets a sentence saying so.
"""

from __future__ import annotations

import codecs
from functools import cache

# ISO-2022-JP as sent: JIS X 0208, plus half-width katakana (ext), JIS X 0212 (2), JIS X 0213 (2004).
_JIS = "iso2022_jp iso2022_jp_ext iso2022_jp_2 iso2022_jp_2004"
# Declared name (folded: lower case, no "-", "_" or spaces) -> the codec that reads what is really sent.
SUPERSETS = {
    "gb2312": "gb18030", "gbk": "gb18030", "xgbk": "gb18030", "cp936": "gb18030", "euccn": "gb18030",
    "chinese": "gb18030", "csgb2312": "gb18030", "hzgb2312": "hz", "gb18030": "gb18030", "936": "gb18030",
    "gb231280": "gb18030", "xmacchinesesimp": "gb18030",
    "big5": "big5hkscs cp950", "big5hkscs": "big5hkscs cp950", "xxbig5": "big5hkscs cp950", "cp950": "cp950 big5hkscs",
    "shiftjis": "cp932 shift_jis_2004", "sjis": "cp932 shift_jis_2004", "xsjis": "cp932 shift_jis_2004",
    "mskanji": "cp932", "windows31j": "cp932", "cp932": "cp932", "iso2022jp": _JIS, "csiso2022jp": _JIS, "eucjp": "euc_jp euc_jis_2004",
    "euckr": "cp949", "ksc56011987": "cp949", "ksc5601": "cp949", "cp949": "cp949",
    "iso88591": "cp1252", "latin1": "cp1252", "usascii": "utf-8", "ascii": "utf-8", "ansix3.41968": "utf-8",
    "iso885911": "cp874", "tis620": "cp874", "windows874": "cp874",
    "utf8": "utf-8", "utf8mb4": "utf-8", "unicode11utf7": "utf-7", "koi8r": "koi8_r", "koi8u": "koi8_u",
    "xmacroman": "mac_roman", "macintosh": "mac_roman", "xmaccyrillic": "mac_cyrillic",
}
# Codecs that are not a text encoding a mail part can be in, whatever Python's registry says.
_NOT_TEXT = frozenset({"idna", "punycode", "undefined", "raw-unicode-escape", "unicode-escape"})
_SEVEN_BIT = ("iso2022", "utf_7", "utf-7", "hz")  # codecs whose text is written in ASCII bytes
LOSSY_SHARE = 0.01  # UTF-8 with replacement is kept when at most this share of the characters were replaced


def fold(name: str) -> str:
    return "".join(name.strip().strip("\"'").lower().split()).replace("-", "").replace("_", "")


@cache
def codecs_for(declared: str) -> tuple[str, ...]:
    """The codecs that read text declared as `declared`, widest last; () for a name no codec reads as text."""
    folded = fold(declared)
    if not folded:
        return ()
    if folded in SUPERSETS:
        return tuple(SUPERSETS[folded].split())
    for candidate in (declared.strip().strip("\"'"), folded):
        try:
            info = codecs.lookup(candidate)
        except (LookupError, ValueError, TypeError):
            continue
        try:
            b"Ab\xe9".decode(info.name, "replace")  # base64, rot13, hex...: "not a text encoding"
        except (LookupError, UnicodeError, ValueError, TypeError):
            return ()
        return () if info.name in _NOT_TEXT else (info.name,)
    return ()


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeError, LookupError, ValueError):
        return None


def fallback(data: bytes) -> tuple[str, str]:
    """Bytes of no known charset: (text, how it was read)."""
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    text = data.decode("utf-8", "replace")
    if text.count("\ufffd") <= int(len(text) * LOSSY_SHARE):
        return text, "utf-8 with replacement"
    return data.decode("latin-1"), "latin-1"


def decode(data: bytes, declared: str, *, where: str, hints: tuple[str, ...] = ()) -> tuple[str, str]:
    """(text, problem) for bytes declared as `declared` ('' when undeclared); problem is '' when read cleanly.

    `hints` are other charsets the same message names (its other parts, its header words): an undeclared
    8-bit text is read with them before the fallback. `where` names the place for the problem sentence."""
    chain = codecs_for(declared) if declared else ()
    if data.isascii() and not any(codec.startswith(_SEVEN_BIT) for codec in chain):
        return data.decode("ascii"), ""
    if chain:
        for codec in (*chain, "utf-8"):  # utf-8: declared legacy, sent as UTF-8 (a common webmail mistake)
            text = _strict(data, codec)
            if text is not None:
                return text, ""
        text = data.decode(chain[0], "replace")
        return text, f"{where}: bytes that are not {declared.strip()[:40]} were replaced"
    if not declared:
        for codec in (*(c for hint in hints for c in codecs_for(hint)), "utf-8"):
            text = _strict(data, codec)
            if text is not None:
                return text, ""
        text, how = fallback(data)
        return text, f"{where}: 8-bit text without a charset, read as {how}"
    text, how = fallback(data)
    return text, f"{where}: unknown charset {declared.strip()[:40]}, read as {how}"
