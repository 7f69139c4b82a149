"""CSV and tab-separated text: decode, find the delimiter, split into numbered rows.

The delimiter is the candidate whose count per line is most consistent over the first lines
(a preamble such as LinkedIn's "Notes:" block, or one comma line before tab lines, cannot
outvote the rest). A line that did not split with it, while the table has several columns, is
split again with the delimiter it does use.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter

from trade_crm.exchange.files.encoding import decode_bytes

DELIMITERS = (",", ";", "\t", "|")
_QUOTED = re.compile(r'"[^"]*"')
csv.field_size_limit(16 * 1024 * 1024)


def decode(data: bytes) -> tuple[str, str, bool]:
    text, encoding, lossy = decode_bytes(data)
    return text.lstrip("\ufeff"), encoding, lossy


def sniff_delimiter(text: str, sample_lines: int = 60) -> str:
    lines = [line for line in text[:200_000].splitlines() if line.strip()][:sample_lines]
    best, best_key = ",", (0, 0)
    for delimiter in DELIMITERS:
        counts = Counter(_QUOTED.sub("", line).count(delimiter) for line in lines)
        counts.pop(0, None)
        if not counts:
            continue
        mode, frequency = counts.most_common(1)[0]
        key = (frequency, mode)
        if key > best_key:
            best, best_key = delimiter, key
    return best


def _resplit(cell: str, used: str) -> list[str] | None:
    for delimiter in DELIMITERS:
        if delimiter != used and delimiter in cell:
            return next(csv.reader([cell], delimiter=delimiter))
    return None


def parse(text: str, delimiter: str | None = None) -> list[tuple[int, list[str]]]:
    """(line number where the record starts, cells) for every record, blank ones included."""
    delimiter = delimiter or sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for cells in reader:
            rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error:  # a NUL byte or an unterminated quote at the very end: keep what was read
        pass
    width = Counter(len(c) for _, c in rows if len(c) > 1).most_common(1)
    if width and width[0][0] > 1:
        for index, (number, cells) in enumerate(rows):
            if len(cells) == 1:
                again = _resplit(cells[0], delimiter)
                if again and len(again) > 1:
                    rows[index] = (number, again)
    return rows
