"""Rows inside a list that are no one: a total under the list, a lone number, the header repeated on a
printed page, a title or a date line. They are ignored and listed as such, never imported as a customer
named "175".

Only what no person or company row can look like is ignored: a row with a name, an email or a phone
in its columns stays a row (refused with a reason when it cannot be imported, never dropped silently).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from trade_crm.exchange.files.dates import parse_date
from trade_crm.exchange.importing.layout.headers import ColumnMapping

# "Total", "Grand total", "Sub-total", "合计", "总计", "小计", "Summe", "Gesamt", "Insgesamt", "Totale", "Итого"
_TOTAL_WORD = (r"(?:(?:(?:grand|sub)\s*-?\s*)?totals?|zwischensumme|summe|gesamt(?:summe)?|insgesamt|totale|итого|sum)"
               r"(?![^\W\d_])|(?:合\s*计|总\s*计|小\s*计|共\s*计|合\s*計|總\s*計|小\s*計)")
_TOTAL = re.compile(rf"^(?:{_TOTAL_WORD})\s*[:：]?$", re.I)
_NUMBER = re.compile(r"^[-+]?[\d\s.,'’]*\d[\d\s.,'’]*%?$")
_TOTAL_IN_ONE_CELL = re.compile(rf"^(?:{_TOTAL_WORD})\s*[:：]?\s*[-+]?\d[\d\s.,'’]*%?\s*(?:家|个|人|rows?|entries)?$",
                                re.I)
_DATE_WORDS = re.compile(r"^(?:as\s+of|as\s+at|updated|last\s+updated|printed|date|stand|stand:|datum|日期|更新|截至)"
                         r"\s*[:：]?\s*", re.I)
_TITLE_WORDS = re.compile(r"^(?:page|seite|página|pagina|第\s*\d+\s*页)|(?:list|liste|directory|verzeichnis|名录|名单"
                          r"|通讯录|列表)\s*[:：]?$|[:：]$", re.I)
_PERSON_FIELDS = frozenset({"phone", "whatsapp", "email", "wechat", "skype", "linkedin"})
_NAME_FIELDS = frozenset({"company", "contact_name", "first_name", "last_name"})


def _is_number(text: str) -> bool:
    return bool(_NUMBER.match(text))


def _is_date(text: str) -> bool:
    """A date written as a date ("2024-03-01", "1 March 2024", "2024年3月1日"), not a bare number."""
    text = _DATE_WORDS.sub("", text).strip()
    if not text or text.replace(".", "").isdigit():
        return False  # "175" or "45123.5" could be an Excel serial, and is as likely a count
    try:
        parse_date(text)
    except ValueError:
        return False
    return True


class JunkFilter:
    """Says of each row of one sheet whether it is a total, a lone number, a repeated header, a title or
    a date line; `reason(cells)` is None for a row to import."""

    def __init__(self, headers: Sequence[str], columns: Sequence[ColumnMapping]):
        self.headers = [h.strip().casefold() for h in headers]
        self.header_set = frozenset(self.headers)
        targets = {c.index: c.target for c in columns}
        self.person = frozenset(i for i, t in targets.items() if t in _PERSON_FIELDS)
        self.names = frozenset(i for i, t in targets.items() if t in _NAME_FIELDS)

    def reason(self, cells: Sequence[str]) -> str | None:
        if len(cells) >= 3 and cells[0] and cells[1] and cells[2]:  # its first three cells filled, as most are
            texts: Sequence[str] = cells
        else:
            texts = [c for c in cells if c]
        if len(texts) >= 3:  # the common row, decided on its first two cells: not a total, number or header
            a, b = texts[0].strip(), texts[1].strip()
            if not (_TOTAL.match(a) or _NUMBER.match(a) or a.casefold() in self.header_set
                    or b.casefold() in self.header_set):
                return None
        filled = [(i, c.strip()) for i, c in enumerate(cells) if c and not c.isspace()]
        if not filled:
            return "a blank row"
        texts = [t for _, t in filled]
        first = texts[0]
        if (_TOTAL.match(first) and all(_is_number(t) for t in texts[1:])) or (  # "Total" alone: its label
                len(texts) == 1 and _TOTAL_IN_ONE_CELL.match(first)):
            return f'a total row ("{" ".join(texts)[:60]}")'
        if all(_is_number(t) for t in texts) and not any(i in self.person for i, _ in filled):
            return f'only a number ("{" ".join(texts)[:60]}"), not a customer'
        same = 0  # a repeated header has one of its first two cells among the headers: rows of people seldom do
        if any(t.casefold() in self.header_set for _, t in filled[:2]):
            same = sum(1 for i, t in filled if i < len(self.headers) and t.casefold() == self.headers[i])
        if same and same >= max(1, (len(filled) * 3 + 4) // 5) and (same >= 2 or len(self.headers) == 1):
            return "the header row repeated"
        if len(filled) == 1 and not any(i in self.person for i, _ in filled):
            if _is_date(first):
                return f'a date line ("{first[:60]}")'
            if _TITLE_WORDS.search(first) or not any(i in self.names for i, _ in filled):
                return f'a title line ("{first[:60]}")'
        return None
