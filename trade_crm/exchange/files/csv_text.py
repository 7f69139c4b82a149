"""CSV and tab-separated text: decode, find the delimiter, split into numbered rows.

The delimiter is the candidate whose count per line is most consistent over the first lines
(a preamble such as LinkedIn's "Notes:" block, or one comma line before tab lines, cannot
outvote the rest). A line that did not split with it, while the table has several columns, is
split again with the delimiter it does use.

Records are assembled line by line, with the quote state tracked per line, so nothing is read
past a limit: a quoted cell that never ends (a missing ") would otherwise swallow the rest of the
file into one cell, and an oversized cell used to stop the csv module and drop every row after
it. Each such record is a problem at the line where it starts, and reading resumes on the next
line, so the rows and the problems together account for every line.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field

from trade_crm.exchange.files.encoding import decode_bytes

DELIMITERS = (",", ";", "\t", "|")
MAX_FIELD_CHARS = 1024 * 1024  # no cell a person typed is a million characters
MAX_RECORD_CHARS = 4 * 1024 * 1024
MAX_RECORD_LINES = 1_000  # lines one quoted cell may span
_QUOTED = re.compile(r'"[^"]*"')
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+\Z")
_OPEN_QUOTED = re.compile(r'"(?:[^"]|"")*+"')  # possessive: "a"" stays open
_CLOSE_QUOTED = re.compile(r'(?:[^"]|"")*+"')
csv.field_size_limit(MAX_RECORD_CHARS + 1)


@dataclass
class Records:
    """What a text held: (line, cells) per record (blank ones too), (line, message) per record refused."""

    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    truncated: bool = False  # stopped at the row limit


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str, bool]:
    text, encoding, lossy = decode_bytes(data, encoding)
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


def _ends_inside(line: str, delimiter: str, inside: bool) -> bool:
    """Whether a quoted cell is still open at the end of `line` (csv's rules: a quote opens a
    quoted cell only at the start of a cell; "" inside one is a quote)."""
    at = 0
    if inside:
        closed = _CLOSE_QUOTED.match(line)
        if closed is None:
            return True
        at = line.find(delimiter, closed.end())
        if at < 0:
            return False
        at += 1
    while at < len(line):
        if line[at] == '"':
            quoted = _OPEN_QUOTED.match(line, at)
            if quoted is None:
                return True
            at = quoted.end()
        at = line.find(delimiter, at)
        if at < 0:
            return False
        at += 1
    return False


def _lines(text: str) -> Iterator[tuple[int, str]]:
    for number, match in enumerate(_LINE.finditer(text), start=1):
        yield number, match.group()


def _too_long(cells: list[str]) -> bool:
    return any(len(cell) > MAX_FIELD_CHARS for cell in cells)


def read_records(text: str, delimiter: str, limit: int | None = None) -> Records:
    """Every record of `text`, within the limits; stops once `limit` non-blank records are read."""
    out = Records()
    source, pending = _lines(text.replace("\x00", "")), deque()
    filled = 0
    while True:
        first = pending.popleft() if pending else next(source, None)
        if first is None:
            return out
        number, line = first
        if '"' not in line:
            if len(line) > MAX_RECORD_CHARS:
                out.problems.append((number, f"the row is {len(line):,} characters long; rows up to "
                                             f"{MAX_RECORD_CHARS:,} can be read. It was not imported"))
                continue
            cells = line.rstrip("\r\n").split(delimiter)
        else:
            record, size = [line], len(line)
            inside = _ends_inside(line, delimiter, False)
            while inside and len(record) <= MAX_RECORD_LINES and size <= MAX_RECORD_CHARS:
                more = pending.popleft() if pending else next(source, None)
                if more is None:
                    break
                record.append(more[1])
                size += len(more[1])
                inside = _ends_inside(more[1], delimiter, True)
            if inside:  # re-read what the open quote took, from the next line on
                pending.extendleft(reversed([(number + i, part) for i, part in enumerate(record[1:], start=1)]))
                out.problems.append((number, 'a quoted cell starts in this row and never ends (a " is missing); '
                                             "the row was not imported, the lines after it were"))
                continue
            if size > MAX_RECORD_CHARS:
                out.problems.append((number, f"the row is {size:,} characters long; rows up to "
                                             f"{MAX_RECORD_CHARS:,} can be read. It was not imported"))
                continue
            try:
                cells = next(csv.reader(record, delimiter=delimiter), [])
            except csv.Error as exc:
                out.problems.append((number, f"the row cannot be read as CSV ({exc}); it was not imported"))
                continue
        if _too_long(cells):
            out.problems.append((number, f"a cell in this row is longer than {MAX_FIELD_CHARS:,} characters; "
                                         "the row was not imported"))
            continue
        out.rows.append((number, cells))
        if any(cells) and any(c.strip() for c in cells):
            filled += 1
            if limit is not None and filled > limit:
                out.truncated = True
                return out


def parse(text: str, delimiter: str | None = None) -> list[tuple[int, list[str]]]:
    """(line number where the record starts, cells) for every record, blank ones included."""
    return parse_records(text, delimiter).rows


def parse_records(text: str, delimiter: str | None = None, limit: int | None = None) -> Records:
    """The records of `text` with its row problems; a line that did not split is split again."""
    delimiter = delimiter or sniff_delimiter(text)
    records = read_records(text, delimiter, limit)
    rows = records.rows
    width = Counter(len(c) for _, c in rows if len(c) > 1).most_common(1)
    if width and width[0][0] > 1:
        for index, (number, cells) in enumerate(rows):
            if len(cells) == 1:
                again = _resplit(cells[0], delimiter)
                if again and len(again) > 1:
                    rows[index] = (number, again)
    return records
