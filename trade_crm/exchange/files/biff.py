"""The cells an Excel 97-2003 (.xls) workbook holds, read from its record stream before the native reader.

A 5.6 KB .xls with one value in IV65536 made the reader build the whole 65,536 x 256 rectangle (1.2 GB).
This reads the compound file's Workbook stream (header, FAT, directory, and the mini stream for small
files) and walks the BIFF records for the row and column of every cell that holds a value, per sheet.
It never raises: a file it cannot make sense of is left to the reader, which then says it is damaged.
"""

from __future__ import annotations

import struct
from pathlib import Path

_FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE
_VALUE_RECORDS = {0x0203, 0x0204, 0x00FD, 0x027E, 0x0205, 0x0006, 0x00D6, 0x0406, 0x0207}  # NUMBER ... FORMULA
_MULRK, _BOF, _EOF, _BOUNDSHEET = 0x00BD, 0x0809, 0x000A, 0x0085
_MAX_CHAIN = 1 << 20  # sectors a chain may have in a file of at most 50 MB (cycles end here)


def _chain(fat: list[int], start: int) -> list[int]:
    chain, seen = [], set()
    while start < len(fat) and start not in seen and len(chain) < _MAX_CHAIN:
        seen.add(start)
        chain.append(start)
        start = fat[start]
    return chain


def workbook_stream(data: bytes) -> bytes | None:
    """The Workbook (or Book) stream of a compound file, or None when the file is not one it can read."""
    if len(data) < 512 or not data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return None
    shift, mini_shift = struct.unpack_from("<HH", data, 30)
    if shift not in (9, 12) or mini_shift != 6:
        return None
    size = 1 << shift
    fat_count, directory_start, _, mini_cutoff, mini_fat_start, mini_fat_count, difat_start, difat_count = \
        struct.unpack_from("<I I I I I I I I", data, 44)

    def sector(number: int) -> bytes:
        return data[512 + number * size: 512 + (number + 1) * size]

    difat = list(struct.unpack_from("<109I", data, 76))
    for _ in range(min(difat_count, 1024)):
        if difat_start >= _END or 512 + difat_start * size >= len(data):
            break
        block = sector(difat_start)
        entries = struct.unpack(f"<{size // 4}I", block)
        difat.extend(entries[:-1])
        difat_start = entries[-1]
    fat: list[int] = []
    for number in difat[:fat_count]:
        if number >= _END or 512 + number * size >= len(data):
            break
        fat.extend(struct.unpack(f"<{size // 4}I", sector(number)))

    def stream(start: int, length: int, table: list[int], read) -> bytes:
        return b"".join(read(n) for n in _chain(table, start))[:length]

    directory = stream(directory_start, len(data), fat, sector)
    entries = {}
    for at in range(0, len(directory) - 127, 128):
        name_size = struct.unpack_from("<H", directory, at + 64)[0]
        name = directory[at:at + max(0, min(name_size, 64) - 2)].decode("utf-16-le", "replace")
        start, length = struct.unpack_from("<II", directory, at + 116)
        entries[name] = (start, length)
    root = next(iter(entries.values()), None)
    found = entries.get("Workbook") or entries.get("Book")
    if root is None or found is None:
        return None
    start, length = found
    if length >= mini_cutoff:
        return stream(start, length, fat, sector)
    mini_fat = []
    for number in _chain(fat, mini_fat_start)[:max(mini_fat_count, 0)]:
        mini_fat.extend(struct.unpack(f"<{size // 4}I", sector(number)))
    mini_stream = stream(root[0], root[1], fat, sector)
    return stream(start, length, mini_fat, lambda n: mini_stream[n * 64:(n + 1) * 64])


def sheet_extents(path: Path) -> dict[str, tuple[int, int]]:
    """Sheet name -> (last row, last column), 1-based, of the cells holding a value; {} when unreadable."""
    try:
        data = workbook_stream(path.read_bytes())
        return _walk(data) if data else {}
    except (OSError, struct.error, ValueError, IndexError):
        return {}


def _walk(data: bytes) -> dict[str, tuple[int, int]]:
    names, extents = {}, {}
    at, current, rows, columns = 0, None, 0, 0
    while at + 4 <= len(data):
        kind, length = struct.unpack_from("<HH", data, at)
        body = data[at + 4:at + 4 + length]
        if kind == _BOUNDSHEET and length >= 8:
            offset, name_length, wide = struct.unpack_from("<IxxBB", body)
            raw = body[8:]
            names[offset] = (raw[:name_length * 2].decode("utf-16-le", "replace") if wide & 1
                             else raw[:name_length].decode("latin-1"))
        elif kind == _BOF:
            current, rows, columns = names.get(at), 0, 0  # None: the workbook globals, not a sheet
        elif kind == _EOF and current is not None:
            extents[current] = (rows, columns)
            current = None
        elif current is not None and length >= 4 and (kind in _VALUE_RECORDS or kind == _MULRK):
            row, column = struct.unpack_from("<HH", body)
            if kind == _MULRK and length >= 6:
                column = struct.unpack_from("<H", body, length - 2)[0]
            rows, columns = max(rows, row + 1), max(columns, column + 1)
        at += 4 + length
    return extents
