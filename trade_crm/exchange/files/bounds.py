"""Look at a workbook before any parser does: the zip directory and the cells a sheet really holds.

A 4.8 KB workbook with one value in cell XFD1048576 makes the native reader allocate the whole
rectangle up to it (512 GiB) and abort the process, and a zip bomb unpacks to gigabytes from a
few megabytes. So, before python-calamine sees a file: the directory's member count, each
member's and the total unpacked size and its compression ratio are checked; every member is
streamed once through Python's zipfile (which stops at the declared size and checks the CRC, so
a member that lies about its size is caught); and each sheet to be read is scanned for the cells
it holds (not its declared <dimension>; an .xlsb's records in xlsb.py) so the rectangle the reader
builds is known to be small.
Everything over a limit raises WorkbookError("refused", reason): one line for the person.
"""

from __future__ import annotations

import html
import re
import struct
import zipfile
from pathlib import Path
from typing import IO

from trade_crm.exchange.files import xlsb

MAX_UNPACKED = 200 * 1024 * 1024  # all members together
MAX_MEMBERS = 10_000
MAX_RATIO = 100  # unpacked / packed, for members big enough to matter
RATIO_FLOOR = 1024 * 1024  # a member below this unpacks to little whatever its ratio
MAX_SHEET_ROWS = 200_000 + 1_000  # the import's 200,000 data rows, and room for a preamble
MAX_COLUMNS = 1_000
MAX_CELLS = 6_000_000  # the rectangle the reader allocates (about 32 bytes a cell)
MAX_DIRECTORY = 16 * 1024 * 1024
_PARSED = (".xml", ".rels", ".bin")  # the parts a reader unpacks (.bin: .xlsb sheets)
_CHUNK = 1024 * 1024
_MAX_TAG = 4 * 1024 * 1024


class WorkbookError(Exception):
    """The workbook cannot be read; `kind` is "encrypted", "corrupt", "unsupported" or "refused"."""

    def __init__(self, kind: str, detail: str = ""):
        super().__init__(detail or kind)
        self.kind = kind
        self.detail = detail


def _mb(size: int) -> str:
    return f"{size / 1048576:,.1f} MB"


def _directory_record(path: Path) -> tuple[int, int] | None:
    """(member count, directory size) from the end-of-directory record, read without zipfile."""
    with open(path, "rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - 65_557))
        tail = handle.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return None
    entries, directory_size = struct.unpack("<HI", tail[at + 10:at + 16])
    return entries, directory_size


SheetScan = tuple[int, int, bool] | WorkbookError
"""A worksheet part's scan_sheet result, or the refusal it raised (raised again if that sheet is read)."""


def inspect_zip(path: Path) -> dict[str, SheetScan]:
    """Refuse a zip-based workbook whose directory promises too much; verify every member's size.

    The worksheet parts (xl/worksheets/*.xml) are scanned for their cells as they stream past
    (scan_sheet), so check_sheets need not unpack them again: returns member -> its scan.
    """
    try:
        record = _directory_record(path)
    except OSError as exc:
        raise WorkbookError("corrupt", str(exc)) from exc
    if record is None:
        raise WorkbookError("corrupt", "the zip directory is missing")
    if record[0] > MAX_MEMBERS or record[1] > MAX_DIRECTORY:
        raise WorkbookError("refused", f"the workbook holds {record[0]:,} parts; a real one has a few dozen "
                                       f"(up to {MAX_MEMBERS:,} can be read)")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_MEMBERS:
                raise WorkbookError("refused", f"the workbook holds {len(infos):,} parts (up to {MAX_MEMBERS:,})")
            total = 0
            for info in infos:
                _check_member(info)
                total += info.file_size
            if total > MAX_UNPACKED:
                raise WorkbookError("refused", f"the workbook unpacks to {_mb(total)}; up to {_mb(MAX_UNPACKED)} "
                                               "can be read. Split it, or save only the sheet you need")
            scans: dict[str, SheetScan] = {}
            for info in infos:  # zipfile stops at the declared size and checks the CRC
                if not info.filename.lower().endswith(_PARSED):
                    continue  # pictures and other parts the reader does not parse
                with archive.open(info) as member:
                    if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                        try:
                            scans[info.filename] = _scan_stream(member, info.filename)
                        except WorkbookError as refused:
                            scans[info.filename] = refused
                    while member.read(_CHUNK):
                        pass
    except WorkbookError:
        raise
    except Exception as exc:  # BadZipFile, zlib.error, NotImplementedError, UnicodeDecodeError, EOFError...
        raise WorkbookError("corrupt", _first_line(exc)) from exc
    return scans


def _check_member(info: zipfile.ZipInfo) -> None:
    if info.flag_bits & 0x1:
        raise WorkbookError("encrypted", f"{info.filename} is encrypted")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise WorkbookError("refused", f"part {info.filename} is compressed with method {info.compress_type}, "
                                       "which Excel does not use. Open the file in Excel and save it again")
    if info.file_size > MAX_UNPACKED:
        raise WorkbookError("refused", f"part {info.filename} unpacks to {_mb(info.file_size)}; up to "
                                       f"{_mb(MAX_UNPACKED)} can be read")
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
        raise WorkbookError("refused", f"part {info.filename} unpacks to {_mb(info.file_size)} from "
                                       f"{info.compress_size:,} bytes (over {MAX_RATIO} times): a zip bomb, "
                                       "not a workbook")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__


# --- which part holds which sheet ------------------------------------------------------------------

_TAG = re.compile(r"<(?:\w+:)?(sheet|Relationship)\b([^>]*)>")
_ATTR = re.compile(r'([\w:]+)="([^"]*)"')


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the zip member holding it, for an .xlsx/.xlsm (empty when it cannot tell)."""
    try:
        text = _small_member(archive, "xl/workbook.xml") + _small_member(archive, "xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}
    attrs = [(kind, dict(_ATTR.findall(body))) for kind, body in _TAG.findall(text)]
    targets = {a.get("Id"): a.get("Target", "") for kind, a in attrs if kind == "Relationship"}
    parts = {}
    for kind, a in attrs:
        if kind == "sheet":
            target = targets.get(a.get("r:id"), "").lstrip("/")
            parts[html.unescape(a.get("name", ""))] = target if target.startswith("xl/") else f"xl/{target}"
    return parts


def _small_member(archive: zipfile.ZipFile, name: str, limit: int = 16 * 1024 * 1024) -> str:
    if archive.getinfo(name).file_size > limit:
        raise WorkbookError("refused", f"part {name} is {_mb(archive.getinfo(name).file_size)}; a real one is "
                                       "a few kilobytes")
    with archive.open(name) as member:
        return member.read(limit + 1).decode("utf-8", "replace")


# --- the cells a sheet holds -------------------------------------------------------------------------

_ROW_OR_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)\b([^>]*)>")
_REF = re.compile(rb"""\sr\s*=\s*["']\s*([A-Za-z]*)([0-9]*)\s*["']""")


def _column_number(letters: bytes) -> int:
    number = 0
    for byte in letters.upper()[:8]:
        number = number * 26 + byte - 64
    return number


def column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_FAST_ROW = re.compile(rb'<c r="[A-Z]{1,3}([0-9]{1,7})"')
_FAST_COLUMNS = (re.compile(rb'<c r="([A-Z]{3})[0-9]'), re.compile(rb'<c r="([A-Z]{2})[0-9]'),
                 re.compile(rb'<c r="([A-Z])[0-9]'))
_LAST_TAG = re.compile(rb'<(row|c) r="([A-Z]*)([0-9]{1,7})"')


def _fast_extent(data: bytes) -> tuple[int, int, int, int] | None:
    """(max row, max column, row, column after the chunk) when every cell and row of `data` has a plain
    r="B7" reference (what Excel and every library write): found with C-speed regexes, not a loop.
    Styled empty cells count too; a result over the limits is checked again by the exact scan."""
    rows = _FAST_ROW.findall(data)
    cells = data.count(b"<c ") + data.count(b"<c>") + data.count(b"<c/")
    if (len(rows) != cells or data.count(b'<c r="') != cells or data.count(b"<row ") != data.count(b'<row r="')
            or b"<row>" in data or b":c " in data or b":row " in data):
        return None
    top = max(map(int, rows), default=0)
    width = 0
    for pattern in _FAST_COLUMNS:
        found = pattern.findall(data)
        if found:
            width = _column_number(max(found))
            break
    at = max(data.rfind(b'<row r="'), data.rfind(b'<c r="'))
    last = _LAST_TAG.match(data, at) if at >= 0 else None
    if last is None:
        return top, width, -1, -1
    return top, width, int(last.group(3)), _column_number(last.group(2))


def _exact_extent(data: bytes, row: int, column: int) -> tuple[int, int, int, int]:
    last_row = last_column = 0
    for match in _ROW_OR_CELL.finditer(data):
        body = match.group(2)
        ref = _REF.search(body)
        if match.group(1) == b"row":
            row = int(ref.group(2)[:12]) if ref and ref.group(2) else row + 1
            column = 0
            continue
        if ref and ref.group(2):
            row, column = int(ref.group(2)[:12]), _column_number(ref.group(1))
        else:
            column = _column_number(ref.group(1)) if ref and ref.group(1) else column + 1
        if not body.rstrip().endswith(b"/"):  # <c .../> holds nothing
            last_row, last_column = max(last_row, row), max(last_column, column)
    return last_row, last_column, row, column


def sheet_extent(archive: zipfile.ZipFile, member: str) -> tuple[int, int]:
    """(last row, last column), 1-based, of the cells with content, placed as a reader places them:
    by their r="B7" reference, else after the previous cell and in the row the <row r> says."""
    return scan_sheet(archive, member)[:2]


def scan_sheet(archive: zipfile.ZipFile, member: str) -> tuple[int, int, bool]:
    """sheet_extent, and whether the sheet has a formula tag at all (if not, it has no formula
    without a saved result, and nothing need read the sheet again to count them)."""
    with archive.open(member) as stream:
        return _scan_stream(stream, member)


def _scan_stream(stream: IO[bytes], member: str) -> tuple[int, int, bool]:
    """scan_sheet over an open part, read to its end."""
    row = column = last_row = last_column = 0
    formulas = False
    leftover = b""
    while True:
        chunk = stream.read(_CHUNK)
        data = leftover + chunk
        end = data.rfind(b"<") if chunk else len(data)
        if end < 0:
            end = len(data)
        part = data[:end]  # whole tags only: "<f" and "</f>" are never cut in two
        formulas = formulas or b"<f" in part or b"</f>" in part
        found = _fast_extent(part)
        if found is None or found[0] > MAX_SHEET_ROWS or found[1] > MAX_COLUMNS:
            found = _exact_extent(part, row, column)
        top, width, next_row, next_column = found
        if next_row >= 0:
            row, column = next_row, next_column
        last_row, last_column = max(last_row, top), max(last_column, width)
        if not chunk:
            return last_row, last_column, formulas
        leftover = data[end:]
        if len(leftover) > _MAX_TAG:
            raise WorkbookError("refused", f"part {member} has a tag of more than {_mb(_MAX_TAG)}")


_ODS_TAG = re.compile(rb"<(/?)table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*)>")
_ODS_NAME = re.compile(rb'table:name="([^"]*)"')
_ROWS_REPEATED = re.compile(rb'number-rows-repeated="\s*([0-9]{1,12})')
_COLUMNS_REPEATED = re.compile(rb'number-columns-repeated="\s*([0-9]{1,12})')


def _repeat(pattern: re.Pattern, body: bytes) -> int:
    found = pattern.search(body)
    return int(found.group(1)) if found else 1


def ods_extents(archive: zipfile.ZipFile) -> dict[str, tuple[int, int]]:
    """Sheet name -> (last row, last column) of an .ods, with rows and cells repeated as the reader
    repeats them (one cell with number-columns-repeated="16384" is 16,384 cells)."""
    extents: dict[str, tuple[int, int]] = {}
    name, row, column, repeat, last_row, last_column, in_row_value = "", 0, 0, 1, 0, 0, False
    leftover = b""
    with archive.open("content.xml") as stream:
        while True:
            chunk = stream.read(_CHUNK)
            data = leftover + chunk
            end = data.rfind(b"<") if chunk else len(data)
            for match in _ODS_TAG.finditer(data, 0, max(end, 0)):
                closing, tag, body = match.groups()
                if tag == b"table" and not closing:
                    found = _ODS_NAME.search(body)
                    name = html.unescape(found.group(1).decode("utf-8", "replace")) if found else ""
                    row = last_row = last_column = 0
                elif tag == b"table" and closing:
                    extents[name] = (last_row, last_column)
                elif tag == b"table-row" and not closing:
                    repeat, column, in_row_value = _repeat(_ROWS_REPEATED, body), 0, False
                    if body.rstrip().endswith(b"/"):
                        row += repeat
                elif tag == b"table-row":
                    row += repeat
                    if in_row_value:
                        last_row = max(last_row, row)
                elif not closing:
                    width = _repeat(_COLUMNS_REPEATED, body)
                    column += width
                    if not body.rstrip().endswith(b"/") or b"value-type" in body:
                        last_column, in_row_value = max(last_column, column), True
            if not chunk:
                return extents
            leftover = data[max(end, 0):]
            if len(leftover) > _MAX_TAG:
                raise WorkbookError("refused", f"content.xml has a tag of more than {_mb(_MAX_TAG)}")


def check_extent(sheet: str, rows: int, columns: int) -> None:
    """Refuse a sheet whose used range the reader could not hold."""
    if rows > MAX_SHEET_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
        where = f"{column_letters(columns)}{rows}" if columns < 10**6 else f"row {rows}"
        raise WorkbookError("refused", f"sheet {sheet} has a value as far out as {where}; up to "
                                       f"{MAX_SHEET_ROWS - 1_000:,} rows, {MAX_COLUMNS:,} columns and "
                                       f"{MAX_CELLS:,} cells can be read. Delete the stray cells far from "
                                       "the table in Excel and save it again")


def check_opendocument(path: Path) -> None:
    """An .ods is read whole when it is opened, every sheet with its repeats: check them all first."""
    try:
        with zipfile.ZipFile(path) as archive:
            if "content.xml" not in archive.NameToInfo:
                return
            for sheet, (rows, columns) in ods_extents(archive).items():
                check_extent(sheet, rows, columns)
    except WorkbookError:
        raise
    except Exception as exc:
        raise WorkbookError("corrupt", _first_line(exc)) from exc


def check_sheets(path: Path, sheets: list[str], scans: dict[str, SheetScan] | None = None) -> set[str]:
    """Scan each named sheet of an .xlsx/.xlsm/.xlsb for the cells it holds and refuse what is too big.

    Returns the sheets that may hold formulas: those with a formula tag, and every sheet not scanned
    as XML here (.xlsb, .ods, a sheet not found). A part inspect_zip already scanned (`scans`) is
    not unpacked again.
    """
    scans = scans or {}
    maybe = set(sheets)
    try:
        with zipfile.ZipFile(path) as archive:
            if "content.xml" in archive.NameToInfo:  # OpenDocument: checked whole when opened
                return maybe
            binary = "xl/workbook.bin" in archive.NameToInfo
            parts = xlsb.sheet_parts(archive) if binary else sheet_parts(archive)
            for sheet in sheets:
                member = parts.get(sheet)
                if member is None or member not in archive.NameToInfo:
                    continue
                if binary:
                    with archive.open(member) as stream:
                        check_extent(sheet, *xlsb.sheet_extent(stream))
                else:
                    scan = scans.get(member) or scan_sheet(archive, member)
                    if isinstance(scan, WorkbookError):
                        raise scan
                    rows, columns, formulas = scan
                    check_extent(sheet, rows, columns)
                    if not formulas:
                        maybe.discard(sheet)
    except WorkbookError:
        raise
    except Exception as exc:
        raise WorkbookError("corrupt", _first_line(exc)) from exc
    return maybe
