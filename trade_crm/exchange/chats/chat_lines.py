"""One line of a WhatsApp export: is it the start of a message (a time stamp), and what it says.

The stamp comes in the shapes the research notes list (docs: wave2-research §4.3): Android's
`d/m/yy, HH:MM - Name: text`, iOS's `[dd/mm/yyyy HH:MM:SS] Name: text`, year-first dates, dotted and
dashed dates, 12-hour times with a marker after the time (`PM`, `p. m.`, `a.m.`, often after U+202F)
or before it (上午/下午, 午前/午後, 오전/오후), and direction marks (U+200E, U+200F) anywhere before it.
The date's fields are kept as numbers: which is the day is decided over the whole file (whatsapp.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_SPACE = r"[ \t\u00a0\u202f\u2009]"
# A marker is a word: "am" is not the start of "amigo".
_AM = ("am", "a.m.", "a. m.", "a m", "vorm.", "上午", "凌晨", "早上", "午前", "오전", "ص")
_PM = ("pm", "p.m.", "p. m.", "p m", "nachm.", "下午", "晚上", "中午", "午後", "오후", "م")
_MARKER = "|".join(re.escape(m).replace(r"\ ", _SPACE + "?") for m in sorted(_AM + _PM, key=len, reverse=True))
HEADER = re.compile(
    rf"^[{MARKS}]*(?P<open>\[)?[{MARKS}]*"
    r"(?P<a>\d{1,4})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})\.?"
    rf",?{_SPACE}*[{MARKS}]*"
    rf"(?:(?P<pre>{_MARKER}){_SPACE}*)?"
    r"(?P<h>\d{1,2})[:.](?P<m>\d{2})(?:[:.](?P<s>\d{2}))?"
    rf"(?:{_SPACE}*(?P<post>{_MARKER})(?![^\W\d_]))?"
    rf"[{MARKS}]*(?(open)\]{_SPACE}*|(?:{_SPACE}*[-–—]{_SPACE}+|:{_SPACE}+))"
    r"(?P<rest>.*)$",
    re.IGNORECASE,
)
# "Name: text" (Bob:Hi too); a name is short and has no line-ish characters in it.
_AUTHOR = re.compile(rf"^[{MARKS}]*(?P<author>[^:\n]{{1,80}}?)[{MARKS}]*:(?:{_SPACE}|$)?(?P<text>.*)$", re.DOTALL)
_SPACES = re.compile(_SPACE)
_AM_SET = frozenset(m.replace(" ", "") for m in _AM)
_PM_SET = frozenset(m.replace(" ", "") for m in _PM)


@dataclass(frozen=True, slots=True)
class Stamp:
    """A message's time stamp as written: the date's three numbers in file order, the 24-hour time."""

    a: int
    b: int
    c: int
    year_first: bool  # the first field had four digits
    hour: int
    minute: int
    second: int
    rest: str  # the line after the stamp: "Name: text" or a system line


def read_stamp(line: str) -> Stamp | None:
    """The stamp that starts `line`, or None (a continuation of the message before)."""
    match = HEADER.match(line)
    if match is None:
        return None
    hour, minute = int(match["h"]), int(match["m"])
    marker = match["pre"] or match["post"]
    if marker:
        marker = _SPACES.sub("", marker.lower())
        if not 1 <= hour <= 12:
            return None
        if marker in _PM_SET and not (marker == "中午" and hour >= 11):
            hour = hour % 12 + 12
        elif marker in _AM_SET:
            hour = hour % 12
    second = int(match["s"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    a, b, c = int(match["a"]), int(match["b"]), int(match["c"])
    year_first = len(match["a"]) == 4
    if year_first and not (1 <= b <= 12 and 1 <= c <= 31):
        return None
    if not year_first and (len(match["c"]) not in (2, 4) or a == 0 or b == 0 or a > 31 or b > 31):
        return None
    return Stamp(a, b, c, year_first, hour, minute, second, match["rest"])


def split_author(rest: str) -> tuple[str | None, str]:
    """("Name", "text") for a message, (None, line) for a system line with no author."""
    match = _AUTHOR.match(rest)
    if match is None:
        return None, rest.strip(MARKS)
    author = match["author"].strip().strip(MARKS).strip()
    if not author or author.count(" ") > 6:  # a sentence with a colon, not a name
        return None, rest.strip(MARKS)
    return author, match["text"]
