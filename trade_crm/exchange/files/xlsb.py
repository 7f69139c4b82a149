"""The cells an .xlsb sheet holds, read from its binary records before the native reader builds them.

An .xlsb keeps each sheet in the zip as BIFF12 records (xl/worksheets/sheetN.bin): a record type
and a body length, each a little-endian base-128 number, then the body. BrtRowHdr (0x0000) starts
a row and holds its index; a cell record holds its column first. The reader builds the whole
rectangle up to the farthest cell, so one mutated column number asks for terabytes and aborts the
process. This walks the records streaming, keeping only the first bytes of each body, and gives
the last row and column that hold a value, as bounds.py does for .xlsx. It raises only what the
stream raises (zip errors), which the caller turns into a refusal.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterator
from typing import IO

_CHUNK = 1024 * 1024
_ROW = 0x0000  # BrtRowHdr: rw (u32), ...
# Cells with a column (u32) first: Rk, Error, Bool, Real, St, Isst, FmlaString/Num/Bool/Error, RString.
# BrtCellBlank (0x0001) and BrtShortBlank (0x000C) hold nothing, as a styled empty <c/> in .xlsx.
_CELLS = frozenset(range(0x0002, 0x000C)) | {0x003E}
_SHORT_CELLS = frozenset(range(0x000D, 0x0013)) | {0x003F}  # no column: the one after the previous cell
_END_SHEET_DATA = 0x0092
_BUNDLE_SHEET = 0x009C  # BrtBundleSh in workbook.bin: state, tab id, relationship id, name
_MAX_WORKBOOK = 16 * 1024 * 1024
_RELATIONSHIP = re.compile(r"<(?:\w+:)?Relationship\b([^>]*)>")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def records(stream: IO[bytes], keep: int = 4) -> Iterator[tuple[int, bytes]]:
    """(type, the first `keep` bytes of the body) of each record, in order; a body longer than what
    is kept is skipped without being held, and a record cut off by the end of the stream is not given."""
    data, at, skip = b"", 0, 0
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return
        if skip >= len(chunk):
            skip -= len(chunk)
            continue
        data, at, skip = data[at:] + chunk[skip:], 0, 0
        end = len(data)
        while at < end:
            start = at
            byte = data[at]
            kind, at = byte & 0x7F, at + 1
            if byte & 0x80:
                if at >= end:
                    at = start
                    break
                kind, at = kind | (data[at] & 0x7F) << 7, at + 1
            size, length, complete = 0, 0, False
            while at < end and not complete:  # at most four bytes, as the reader reads it
                byte, at = data[at], at + 1
                size |= (byte & 0x7F) << (7 * length)
                length += 1
                complete = not byte & 0x80 or length == 4
            if not complete or at + min(size, keep) > end:
                at = start  # the header or the kept part of the body goes on in the next chunk
                break
            yield kind, data[at:at + min(size, keep)]
            if at + size <= end:
                at += size
            else:
                skip, at = at + size - end, end


def sheet_extent(stream: IO[bytes]) -> tuple[int, int]:
    """(last row, last column), 1-based, of the cells holding a value, placed as the reader places them."""
    row, column, last_row, last_column = 0, -1, 0, 0
    for kind, head in records(stream):
        if kind == _ROW:
            if len(head) == 4:
                row, column = int.from_bytes(head, "little"), -1
            continue
        if kind in _CELLS and len(head) == 4:
            column = int.from_bytes(head, "little")
        elif kind in _SHORT_CELLS:
            column += 1
        elif kind == _END_SHEET_DATA:
            break
        else:
            continue
        last_row, last_column = max(last_row, row + 1), max(last_column, column + 1)
    return last_row, last_column


def _wide_string(body: bytes, at: int) -> tuple[str, int]:
    """An XLWideString (u32 count of UTF-16 units, then the units) and the offset after it."""
    count = int.from_bytes(body[at:at + 4], "little")
    if count == 0xFFFFFFFF or at + 4 > len(body):
        return "", at + 4
    end = at + 4 + 2 * count
    return body[at + 4:end].decode("utf-16-le", "replace"), end


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the zip member holding it, for an .xlsb (empty when it cannot tell)."""
    try:
        book, rels = archive.getinfo("xl/workbook.bin"), archive.getinfo("xl/_rels/workbook.bin.rels")
    except KeyError:
        return {}
    if book.file_size > _MAX_WORKBOOK or rels.file_size > _MAX_WORKBOOK:
        return {}
    text = archive.read(rels).decode("utf-8", "replace")
    targets = {}
    for body in _RELATIONSHIP.findall(text):
        attributes = dict(_ATTRIBUTE.findall(body))
        targets[attributes.get("Id", "")] = html.unescape(attributes.get("Target", "")).lstrip("/")
    parts = {}
    for kind, body in records(io.BytesIO(archive.read(book)), keep=_MAX_WORKBOOK):
        if kind == _BUNDLE_SHEET and len(body) >= 12:
            relation, at = _wide_string(body, 8)
            name, _ = _wide_string(body, at)
            target = targets.get(relation, "")
            if target:
                parts[name] = target if target.startswith("xl/") else f"xl/{target}"
    return parts
