"""Dates as spreadsheets hold them: ISO text, Chinese "2020年1月1日", "14 May 2026", Excel serials.

A day/month order that cannot be told ("03/04/1990") is refused rather than guessed, so a
birthday is never silently moved to another month.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_EXCEL_EPOCH = date(1899, 12, 30)
_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$")
_BASIC = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_SERIAL = re.compile(r"^\d{1,5}(?:\.\d+)?$")
_TEXT_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d-%b-%Y",
                 "%d %b. %Y")


def _make(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f'"{text}" is not a real date') from None


def parse_date(text: str) -> date:
    """The date `text` means; ValueError with a reason a person understands when it means none."""
    value = text.strip()
    if match := _YMD.match(value) or _BASIC.match(value):
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)), value)
    if match := _DMY.match(value):
        first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        if first > 12:
            return _make(year, second, first, value)
        if second > 12:
            return _make(year, first, second, value)
        if first == second:
            return _make(year, first, second, value)
        raise ValueError(f'"{value}" could be day/month or month/day; write it as YYYY-MM-DD')
    if _SERIAL.match(value):
        serial = float(value)
        if 1 <= serial < 80_000:
            return _EXCEL_EPOCH + timedelta(days=int(serial))
    for fmt in _TEXT_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(f'"{value}" is not a date (YYYY-MM-DD)')
