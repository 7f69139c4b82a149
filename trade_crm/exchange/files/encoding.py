"""Which text encoding a CSV or vCard file was saved in, when it does not say.

Byte-order marks and UTF-16's NUL pattern decide first, then strict UTF-8. Otherwise every
legacy candidate that decodes the bytes without error is scored on how plausible the text it
gives is: Chinese characters from the common range of *that* encoding (GB2312 level 1-2, Big5
frequent, JIS level 1), kana for Shift_JIS, and for the alphabetic code pages whole words in one
script (mis-decoded Cyrillic read as Windows-1252 is a run of accented letters and symbols;
"Müller" read as Windows-1251 mixes scripts inside one word). General-purpose detectors guess
wrong on the short files a salesperson imports (a 3-line GBK CSV, a one-card vCard), which is why
this small scorer exists.
"""

from __future__ import annotations

import codecs
import unicodedata
from functools import cache

CANDIDATES = ("gb18030", "big5", "shift_jis", "cp1252", "cp1251", "cp1253", "cp1255", "cp1256")
SAMPLE_BYTES = 64 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)

@cache
def _common_chars(encoding: str) -> frozenset[str]:
    """The characters a real text in this CJK encoding is mostly made of."""
    chars: set[str] = set()
    if encoding == "gb18030":  # GB2312 hanzi, levels 1 and 2
        leads, trails, codec = range(0xB0, 0xF8), range(0xA1, 0xFF), "gb2312"
    elif encoding == "big5":  # the 5,401 frequent characters
        leads, trails, codec = range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)], "big5"
    else:  # JIS X 0208 level 1 kanji
        leads, trails, codec = range(0x88, 0x99), [*range(0x40, 0x7F), *range(0x80, 0xFD)], "cp932"
    for lead in leads:
        for trail in trails:
            try:
                chars.add(bytes((lead, trail)).decode(codec))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


def _script(ch: str) -> str:
    code = ord(ch)
    if code < 0x250 or 0x1E00 <= code < 0x1F00:
        return "latin"
    for start, end, name in ((0x370, 0x400, "greek"), (0x400, 0x530, "cyrillic"),
                             (0x590, 0x600, "hebrew"), (0x600, 0x700, "arabic")):
        if start <= code < end:
            return name
    return "other"


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF


def _is_kana(ch: str) -> bool:
    code = ord(ch)
    return 0x3040 <= code <= 0x30FF or 0xFF66 <= code <= 0xFF9F


def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LM" and not _is_cjk(ch) and not _is_kana(ch)


def _word_score(word: str) -> tuple[int, int]:
    """(score, weight) of one alphabetic word: +1 per non-ASCII letter when plausible."""
    foreign = sum(1 for c in word if ord(c) > 0x7F)
    if not foreign:
        return 0, 0
    scripts = {_script(c) for c in word if unicodedata.category(c)[0] == "L"}
    if len(scripts) > 1:
        return -2 * foreign, foreign
    if scripts == {"latin"} and len(word) >= 3 and foreign * 2 > len(word):
        return -foreign, foreign
    return foreign, foreign


def _char_score(ch: str, encoding: str, common: frozenset[str]) -> int:
    category = unicodedata.category(ch)
    if category[0] == "C":
        return -3  # control, private use, unassigned
    if _is_cjk(ch):
        return 1 if ch in common else 0
    if _is_kana(ch):
        return 1 if encoding == "shift_jis" else 0
    if category[0] in "PZ" or category == "Sc":
        return 0
    return -1  # symbols, superscripts, box drawing: rare in names and addresses


def score(text: str, encoding: str) -> float:
    """Average plausibility of the non-ASCII characters of `text` decoded as `encoding` (-3 .. 1)."""
    common = _common_chars(encoding) if encoding in ("gb18030", "big5", "shift_jis") else frozenset()
    total = weight = 0
    word: list[str] = []
    for ch in text + " ":
        if _is_word_char(ch):
            word.append(ch)
            continue
        if word:
            value, size = _word_score("".join(word))
            total, weight, word = total + value, weight + size, []
        if ord(ch) > 0x7F:
            total, weight = total + _char_score(ch, encoding, common), weight + 1
    return total / max(1, weight)


def _decode_prefix(data: bytes, encoding: str) -> str | None:
    """Strictly decode a sample that may end inside a multi-byte character."""
    try:
        return codecs.getincrementaldecoder(encoding)("strict").decode(data, final=len(data) < SAMPLE_BYTES)
    except UnicodeDecodeError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Text in an 8-bit encoding has no NUL bytes; UTF-16 has them on one side of each pair
    (every ASCII comma and line end), even when most of the text is Chinese."""
    sample = data[:4096]
    sample = sample[: len(sample) - len(sample) % 2]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for encoding, ours, theirs in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if ours >= 2 and ours > 2 * theirs and _decode_prefix(data[:SAMPLE_BYTES], encoding) is not None:
            return encoding
    return None


def detect_encoding(data: bytes) -> str:
    """The codec name to read `data` with; never fails (the best guess wins)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return "utf-8"
    sample = data[:SAMPLE_BYTES]
    best, best_score = "cp1252", float("-inf")
    for encoding in CANDIDATES:
        text = _decode_prefix(sample, encoding)
        if text is None:
            continue
        value = score(text, encoding)
        if value > best_score + 1e-9:
            best, best_score = encoding, value
    return best


def decode_bytes(data: bytes) -> tuple[str, str, bool]:
    """(text, encoding, lossy): lossy is True when some bytes had to be replaced."""
    encoding = detect_encoding(data)
    try:
        return data.decode(encoding), encoding, False
    except UnicodeDecodeError:
        return data.decode(encoding, errors="replace"), encoding, True
