"""Dates between Python and Qt, and the one way the app writes a date: the locale's short format with a
four-digit year (en_US 12/5/2026, en_GB 05/12/2026, zh_CN 2026/12/5), everywhere: the customer list, the
timeline, cards, dialogs and the dashboard's axes (which drop the year or the day from that same format)."""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def date_format(locale: QLocale | None = None) -> str:
    """The locale's short date format with a four-digit year (en_US "M/d/yy" reads badly in a list)."""
    fmt = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    return fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy")


def _without(fmt: str, letter: str) -> str:
    """`fmt` without its `letter` field (d, M or y) and the separator that joined it to the rest."""
    tokens = [m.group() for m in re.finditer(r"d+|M+|y+|[^dMy]+", fmt)]
    fields = [i for i, t in enumerate(tokens) if t[0] == letter]
    for i in reversed(fields):
        separator = i - 1 if i > 0 else i + 1
        for j in sorted({i, separator} & set(range(len(tokens))), reverse=True):
            del tokens[j]
    return "".join(tokens).strip(" .,/-")


def short_date(value: date | None, locale: QLocale | None = None) -> str:
    """A date as the app writes it ("" for none)."""
    if value is None:
        return ""
    locale = locale or QLocale()
    return locale.toString(qdate(value), date_format(locale))


def short_date_time(value: datetime, locale: QLocale | None = None) -> str:
    """A wall-clock date and time: the short date, then the locale's short time."""
    locale = locale or QLocale()
    clock = locale.toString(QTime(value.hour, value.minute), QLocale.FormatType.ShortFormat)
    return f"{short_date(value.date(), locale)} {clock}"


def day_and_month(value: date, locale: QLocale | None = None) -> str:
    """An axis label for a day (weeks of follow-ups): the short date without its year."""
    locale = locale or QLocale()
    return locale.toString(qdate(value), _without(date_format(locale), "y"))


def month_and_year(value: date, locale: QLocale | None = None) -> str:
    """An axis label for a month (orders per month): the short date without its day."""
    locale = locale or QLocale()
    return locale.toString(qdate(value), _without(date_format(locale), "d"))
