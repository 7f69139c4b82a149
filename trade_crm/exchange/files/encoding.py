"""Which text encoding a CSV or vCard file was saved in, when it does not say.

Byte-order marks and UTF-16's NUL pattern decide first, then strict UTF-8. Otherwise every
legacy candidate that decodes the bytes without error is scored on how plausible the text it
gives is: Chinese characters from the common range of *that* encoding (GB2312 level 1-2, Big5
frequent, JIS level 1), kana for Shift_JIS, and for the alphabetic code pages whole words in one
script (mis-decoded Cyrillic read as Windows-1252 is a run of accented letters and symbols;
"Müller" read as Windows-1251 mixes scripts inside one word; KOI8-R or Greek read as Windows-1251
puts capitals inside lower-case words; Hebrew read as Cyrillic is made of the rare letters).
EUC-KR and GB18030 share their byte ranges, so the characters a language uses most (Hangul
syllables, the frequent hanzi) count double, and kana in a Japanese code page do too. General-
purpose detectors guess wrong on the short files a salesperson imports (a 3-line GBK CSV, a
one-card vCard), which is why this small scorer exists. When another candidate scores close to
the best, `rank_encodings` says so and the import review offers it.
"""

from __future__ import annotations

import codecs
import unicodedata
from functools import cache

CANDIDATES = ("gb18030", "big5", "shift_jis", "euc_kr", "euc_jp", "cp1252", "cp1251", "koi8_r", "cp1253",
              "iso8859_7", "cp1255", "cp1256")
CLOSE = 0.15  # candidates within this of the best score are offered as alternatives
_CJK = ("gb18030", "big5", "shift_jis", "euc_kr", "euc_jp")
_KANA = ("shift_jis", "euc_jp")
# The characters each language uses most: a real text is mostly made of them, a mis-decoded one is not.
_FREQUENT = {
    "gb18030": frozenset(
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后"
        "多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合"
        "还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只"
        "没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边"
        "流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造"
        "百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例"
        "真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且"
        "究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何"
        "除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满"
        "县局照参红细引听该铁价严龙飞司限贸股份实圳州浙乌宁波莞佛厦苏杭"),
    "euc_kr": frozenset(
        "이다의는에하고을가지사로기서리자대한인어수도아나정주보시스전일제상성소장무국회식것들우그게부해여원위없면요내거"
        "할문학만신관있경과말생세방구화금조중동선되러계안민공재실적미연업개분통모치물데오유영비진산명발심체교양마라드트"
        "크레코터테니디김박최강윤임황송류홍울광역품출입용당를은와까또및등번년월날천백호층길군읍청팀님씨께습였었겠했합됩"),
}
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
    elif encoding == "euc_kr":  # the 2,350 Hangul syllables of KS X 1001 (not its hanja)
        leads, trails, codec = range(0xB0, 0xC9), range(0xA1, 0xFF), "euc_kr"
    elif encoding == "euc_jp":  # JIS X 0208 level 1 kanji
        leads, trails, codec = range(0xB0, 0xD0), range(0xA1, 0xFF), "euc_jp"
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


def _is_hangul(ch: str) -> bool:
    return 0xAC00 <= ord(ch) <= 0xD7A3


def _is_kana(ch: str) -> bool:
    code = ord(ch)
    return 0x3040 <= code <= 0x30FF or 0xFF66 <= code <= 0xFF9F


def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LM" and not _is_cjk(ch) and not _is_kana(ch) and not _is_hangul(ch)


_GLUED = frozenset("¶¦¤§")  # symbols no word starts with; a code page that puts a letter there reads them so
# Letters a text in these scripts is mostly made of (Hebrew read as Windows-1251 is made of the others).
_USUAL = {"cyrillic": frozenset("оеаинтсрвлкмдпуяыьгзбчОЕАИНТСРВЛКМДПУЯЫЬГЗБЧ"),
          "hebrew": frozenset("יוהלמארתבנשעקדכפסחגזצטףךםןץ"),
          "greek": frozenset("αοιετνσυρπκμληωςδγάέίόήύώχθφβξζψϊϋΑΟΙΕΤΝΣΥΡΠΚΜΛΗΩΔΓΧΘΦΒΞΖΨΆΈΊΌΉΎΏ"),
          "arabic": frozenset("اليمونرتبةعدسفهكقحجشطصأإآىئءزخذثضظغؤ")}


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
    if word[0].islower() and any(c.isupper() for c in word[1:]):  # "пРИВЕТ": KOI8-R read as Windows-1251
        return -foreign, foreign
    usual = _USUAL.get(next(iter(scripts), ""))
    if usual is not None:
        rare = sum(1 for c in word if ord(c) > 0x7F and c not in usual)
        return foreign - 2 * rare, foreign
    return foreign, foreign


def _char_score(ch: str, encoding: str, common: frozenset[str], frequent: frozenset[str]) -> int:
    category = unicodedata.category(ch)
    if category[0] == "C":
        return -3  # control, private use, unassigned
    if _is_cjk(ch) or _is_hangul(ch):
        return (1 + (ch in frequent)) if ch in common else 0
    if _is_kana(ch):
        return 2 if encoding in _KANA else 0
    if category[0] in "PZ" or category == "Sc":
        return 0
    return -1  # symbols, superscripts, box drawing: rare in names and addresses


def _inside_latin_word(text: str, index: int) -> bool:
    """A kana, hangul or hanzi between two ASCII letters: no language writes that, a wrong code page does."""
    ch, before, after = text[index], text[index - 1], text[index + 1]
    return (_is_kana(ch) or _is_cjk(ch) or _is_hangul(ch)) and before.isascii() and before.isalpha() \
        and after.isascii() and after.isalpha()


def score(text: str, encoding: str) -> float:
    """Average plausibility of the non-ASCII characters of `text` decoded as `encoding` (-3 .. 2)."""
    common = _common_chars(encoding) if encoding in _CJK else frozenset()
    frequent = _FREQUENT.get(encoding, frozenset())
    total = weight = 0
    word: list[str] = []
    text += " "
    for index, ch in enumerate(text):
        if _is_word_char(ch):
            word.append(ch)
            continue
        if word:
            value, size = _word_score("".join(word))
            total, weight, word = total + value, weight + size, []
        if ch in _GLUED and _is_word_char(text[index + 1]):  # "¶λφα": ISO-8859-7 "Άλφα" read as Windows-1253
            total, weight = total - 2, weight + 1
        elif ord(ch) > 0x7F and 0 < index < len(text) - 1 and _inside_latin_word(text, index):  # "Maｳgorzata": Polish "ł" read as Shift_JIS kana
            total, weight = total - 2, weight + 1
        elif ord(ch) > 0x7F:
            total, weight = total + _char_score(ch, encoding, common, frequent), weight + 1
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


def _unicode(data: bytes) -> str | None:
    """The encoding when a byte-order mark, UTF-16's NUL pattern or valid UTF-8 decides it."""
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
    return None


def rank_encodings(data: bytes, candidates: tuple[str, ...] = CANDIDATES) -> list[tuple[str, float]]:
    """Every legacy candidate that decodes `data`, best first, with its score (Unicode: one entry)."""
    unicode = _unicode(data)
    if unicode:
        return [(unicode, 2.0)]
    sample = data[:SAMPLE_BYTES]
    ranked = []
    for encoding in candidates:
        text = _decode_prefix(sample, encoding)
        if text is not None:
            ranked.append((encoding, score(text, encoding)))
    ranked.sort(key=lambda pair: -pair[1])  # stable: a tie keeps the order of CANDIDATES
    return ranked or [("cp1252", float("-inf"))]


def detect_encoding(data: bytes) -> str:
    """The codec name to read `data` with; never fails (the best guess wins)."""
    return rank_encodings(data)[0][0]


def close_alternatives(data: bytes) -> tuple[str, ...]:
    """The best encoding and the others that score close to it (a person should get to choose)."""
    ranked = rank_encodings(data)
    best = ranked[0][1]
    return tuple(name for name, value in ranked if value >= best - CLOSE)


def preview(data: bytes, encoding: str, width: int = 60) -> str:
    """The first line with non-ASCII bytes as `encoding` reads it: what a person compares to choose."""
    for line in data[:SAMPLE_BYTES].splitlines():
        if any(byte > 0x7F for byte in line):
            text = " ".join(line.decode(encoding, errors="replace").split())
            return text if len(text) <= width else text[: width - 1] + "…"
    return ""


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str, bool]:
    """(text, encoding, lossy): lossy is True when some bytes had to be replaced. `encoding` forces one."""
    encoding = encoding or detect_encoding(data)
    try:
        return data.decode(encoding), encoding, False
    except UnicodeDecodeError:
        return data.decode(encoding, errors="replace"), encoding, True
