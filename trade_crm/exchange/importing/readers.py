"""Any file a salesperson brings (xlsx/xlsm/xls/ods, csv/txt, vcf) -> one table of text rows.

The file's content decides how it is read, and it must agree with its extension: a CSV renamed
.xlsx, a web page saved as .xls or a password-protected workbook each get a message that says what
the file really is and what to do. Every row keeps its number in the file (the sheet's row, the
CSV line, the line where a vCard begins), so each problem can be pointed at.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from trade_crm.domain.bulk import collector_paused
from trade_crm.exchange.files import csv_text, workbook
from trade_crm.exchange.files.bounds import MAX_MEMBERS
from trade_crm.exchange.files.encoding import SAMPLE_BYTES, close_alternatives, detect_encoding, preview
from trade_crm.exchange.files.refusal import FileRefused
from trade_crm.exchange.files.workbook import SheetInfo, WorkbookError, cell_text
from trade_crm.exchange.importing.layout.headers import find_header_row, looks_like_data, lookup
from trade_crm.exchange.importing.layout.sheets import SheetScore, choice_notice, choose_sheet
from trade_crm.exchange.vcard import table as vcard_table

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 200_000
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods", ".xlsb"})
TEXT_SUFFIXES = frozenset({".csv", ".txt", ".tsv", ".tab"})
VCARD_SUFFIXES = frozenset({".vcf", ".vcard"})
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_WHAT = {"zip": "a ZIP archive", "html": "a web page (HTML)", "binary": "not a text file",
         "text": "plain text (CSV)", "vcard": "a vCard contact file", "xml2003": "an Excel 2003 XML file",
         "xlsx": "an Excel workbook", "xls": "an Excel 97-2003 workbook", "encrypted": "a password-protected workbook"}


ReadError = FileRefused  # the name the importers and tests have used

@dataclass(frozen=True)
class RawRow:
    number: int  # the row's number in the file (sheet row, CSV line, vCard BEGIN line)
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """One sheet (or the whole CSV / vCard file) as a header and data rows of text."""

    file_name: str
    sheet: str
    kind: str  # "workbook", "csv" or "vcard"
    headers: tuple[str, ...]
    header_row: int | None  # its number in the file; None when the sheet has no header row
    rows: tuple[RawRow, ...]
    sheets: tuple[SheetInfo, ...] = ()
    encoding: str = ""
    notices: tuple[str, ...] = ()  # things a person should know that are not row problems
    blank_headers: tuple[bool, ...] = ()
    # A workbook: every sheet read, as its cells were read (typed), so an exported Trade CRM book is
    # recognised and imported from this one read.
    grids: dict[str, list] = field(default_factory=dict, repr=False, compare=False)
    # A workbook whose sheet was chosen by content: every readable sheet's score, the chosen one first.
    sheet_scores: tuple[SheetScore, ...] = ()
    problems: tuple[tuple[int, str], ...] = ()  # (row, message): records the reader could not take
    warnings: tuple[tuple[int, str, str], ...] = ()  # (row, column, message): read, but check it (a vCard's charset)
    # (encoding, preview) for the one used, first, and the others the text reads almost as well in
    encodings: tuple[tuple[str, str], ...] = ()


_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"Rar!", b"\x1f\x8b", b"7z\xbc\xaf", b"MZ")


def _zip_kind(data: bytes) -> str:
    at = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if at >= 0 and data[at + 10:at + 12] and int.from_bytes(data[at + 10:at + 12], "little") > MAX_MEMBERS:
        return "xlsx"  # a directory too big to list here: the workbook reader refuses it
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except Exception:  # BadZipFile, UnicodeDecodeError, NotImplementedError...: the workbook reader says so
        return "xlsx"
    return "xlsx" if names & {"xl/workbook.xml", "xl/workbook.bin", "content.xml"} else "zip"


def sniff(data: bytes) -> str:
    """What the bytes are: xlsx, xls, encrypted, zip, vcard, html, xml2003, text, binary or empty."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        return "empty"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if data.startswith(_OLE):
        return "encrypted" if _ENCRYPTED in data else "xls"
    if data.startswith(_BINARY_MAGIC):
        return "binary"
    encoding = detect_encoding(data[:65536])
    if b"\x00" in data[:65536] and not encoding.startswith(("utf-16", "utf-32")):
        return "binary"
    head = data[:4096].decode(encoding, errors="ignore").lstrip("\ufeff \t\r\n").lower()
    if "begin:vcard" in head[:1024]:
        return "vcard"
    if head.startswith("<") and ("<html" in head or "<table" in head):
        return "html"
    if head.startswith("<?xml") and "urn:schemas-microsoft-com:office:spreadsheet" in head:
        return "xml2003"
    return "text"


def _kind_for(path: Path, data: bytes) -> str:
    """The reader to use ("workbook", "csv", "vcard"), or ReadError saying what is wrong."""
    name, suffix, found = path.name, path.suffix.lower(), sniff(data)
    if found == "empty":
        raise ReadError(name, "the file is empty")
    if found == "encrypted":
        raise ReadError(name, "the workbook is protected by a password. Open it in Excel, remove the password "
                              "(File > Info > Protect Workbook), save it, and import it again")
    if found == "html":
        raise ReadError(name, "this is a web page (HTML) saved with a spreadsheet name, as some systems export "
                              "it. Open it in Excel and save it as .xlsx, then import that file")
    if found == "xml2003":
        raise ReadError(name, "this is an Excel 2003 XML file. Open it in Excel and save it as .xlsx")
    if found in ("zip", "binary"):
        raise ReadError(name, f"this is {_WHAT[found]}, not a spreadsheet, CSV or vCard file")
    kind = {"xlsx": "workbook", "xls": "workbook", "vcard": "vcard", "text": "csv"}[found]
    expected = ("workbook" if suffix in WORKBOOK_SUFFIXES else "csv" if suffix in TEXT_SUFFIXES
                else "vcard" if suffix in VCARD_SUFFIXES else kind)
    if expected != kind and not (expected == "csv" and kind == "vcard"):
        raise ReadError(name, f'the name ends in "{suffix}" but the file is {_WHAT[found]}. '
                              "Rename it with the right extension, or save it again from the program it came from")
    return kind


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(path.name, f"cannot open the file ({exc.strerror or exc})") from exc
    if size > max_bytes:
        raise ReadError(path.name, f"the file is {size / 1048576:.1f} MB; files up to {max_bytes // 1048576} MB "
                                   "can be imported. Split it, or save only the sheet you need")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ReadError(path.name, f"cannot read the file ({exc.strerror or exc})") from exc


def _workbook_error(name: str, exc: WorkbookError) -> ReadError:
    if exc.kind == "encrypted":
        return ReadError(name, "the workbook is protected by a password. Open it in Excel, remove the password, "
                               "save it, and import it again")
    if exc.kind in ("unsupported", "refused"):
        return ReadError(name, exc.detail)
    return ReadError(name, f"the workbook is damaged or incomplete and cannot be read ({exc.detail}). "
                           "Open it in Excel and save it again, or ask the sender for a new copy")


def list_sheets(path: str | Path) -> list[SheetInfo]:
    """The sheets of a workbook (hidden and chart sheets flagged); one pseudo-sheet for CSV and vCard."""
    path = Path(path)
    kind = _kind_for(path, _read_bytes(path, MAX_FILE_BYTES))
    if kind != "workbook":
        return [SheetInfo(path.name)]
    try:
        return workbook.list_sheets(path)
    except WorkbookError as exc:
        raise _workbook_error(path.name, exc) from exc


@collector_paused()
def read_table(path: str | Path, sheet: str | None = None, *, max_bytes: int = MAX_FILE_BYTES,
               max_rows: int = MAX_ROWS, encoding: str | None = None) -> Table:
    """Read one sheet (the named one, else the visible sheet holding the most contacts).

    A CSV is decoded with `encoding` when given (a person chose another one in the review), else the
    detected one; `Table.encodings` lists it first and then the others that read almost as well.
    """
    path = Path(path)
    data = _read_bytes(path, max_bytes)
    kind = _kind_for(path, data)
    if kind == "csv":
        choices = close_alternatives(data)
        try:
            text, encoding, lossy = csv_text.decode(data, encoding)
        except LookupError as exc:
            raise ReadError(path.name, f'there is no text encoding "{encoding}"') from exc
        raw, data = data[:SAMPLE_BYTES], b""  # the text is all that is needed from here on
        records = csv_text.parse_records(text, limit=max_rows + 1_000)
        if records.truncated:
            raise ReadError(path.name, f"the file has more than {max_rows:,} rows; up to {max_rows:,} can be "
                                       "imported at once. Split it into smaller files")
        notices = ("some characters could not be read in any known encoding and were replaced by �",) if lossy else ()
        table = _table(path.name, path.name, "csv", records.rows, max_rows, encoding=encoding, notices=notices)
        names = (encoding, *(e for e in choices if e != encoding)) if len(choices) > 1 or encoding != choices[0] else ()
        return replace(table, problems=tuple(records.problems),
                       encodings=tuple((name, preview(raw, name)) for name in names))
    if kind == "vcard":
        try:
            cards = vcard_table.card_table(data, encoding)
        except LookupError as exc:
            raise ReadError(path.name, f'there is no text encoding "{encoding}"') from exc
        if len(cards.grid) < 2:
            raise ReadError(path.name, "the file has no vCard (BEGIN:VCARD ... END:VCARD) in it")
        table = _table(path.name, path.name, "vcard", cards.grid, max_rows, header_index=0, encoding=cards.encoding,
                       notices=cards.notices)
        return replace(table, warnings=cards.warnings, encodings=cards.encodings)
    return _read_workbook(path, sheet, max_rows)


def _read_workbook(path: Path, sheet: str | None, max_rows: int) -> Table:
    try:
        sheets = tuple(workbook.list_sheets(path))
        usable = [s for s in sheets if not s.is_chart]
        if sheet is not None:
            chosen = [s for s in sheets if s.name == sheet]
            if not chosen:
                names = ", ".join(f'"{s.name}"' for s in usable)
                raise ReadError(path.name, f'there is no sheet "{sheet}"; the sheets are {names}')
            if chosen[0].is_chart:
                raise ReadError(path.name, "this is a chart sheet; it holds no rows", sheet=sheet)
            candidates = chosen
        else:
            candidates = [s for s in usable if s.visible] or usable
        if not candidates:
            raise ReadError(path.name, "the workbook has no worksheet with cells")
        tables = []
        counted: dict[str, int] = {}
        grids = workbook.read_grids(path, [info.name for info in candidates],
                                    formulas=None if path.suffix.lower() == ".xls" else counted)
        for info in candidates:
            grid = [(i + 1, [v if type(v) is str else cell_text(v) for v in row])
                    for i, row in enumerate(grids[info.name])]
            formulas = counted.get(info.name, 0)
            notices = (f"{formulas} formula cell(s) have no saved result (the file was not saved by Excel) and "
                       "read as empty; open the file in Excel, save it, and import it again",) if formulas else ()
            try:
                tables.append(_table(path.name, info.name, "workbook", grid, max_rows, notices=notices))
            except ReadError:
                if sheet is not None or len(candidates) == 1:
                    raise
        if not tables:
            raise ReadError(path.name, "no sheet has a header row and data rows")
    except WorkbookError as exc:
        raise _workbook_error(path.name, exc) from exc
    if sheet is not None:
        return replace(tables[0], sheets=sheets, grids=grids)
    best, scores = choose_sheet(tables, len(candidates))  # by content (importing.sheets), said in a notice
    notices = (choice_notice(scores),) if scores else ()
    return replace(tables[best], sheets=sheets, grids=grids, sheet_scores=scores,
                   notices=tables[best].notices + notices)


# --- building the table -------------------------------------------------------------------------

def column_letter(index: int) -> str:
    """A 0-based column index as a spreadsheet names it: 0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _clean_header(text: str) -> str:
    lines = [line.strip() for line in unicodedata.normalize("NFC", text).splitlines() if line.strip()]
    out = ""
    for line in lines:
        cjk_join = out and ord(out[-1]) > 0x2E80 and ord(line[0]) > 0x2E80
        out += line if not out or cjk_join else " " + line
    return " ".join(out.split())


def _merge_subheader(top: list[str], sub: list[str]) -> list[str] | None:
    """A second header row under merged group cells ("Contact" over "Email | Phone"), or None."""
    filled = [c.strip() for c in sub if c.strip()]
    if len(filled) < 2 or any(looks_like_data(c) for c in filled):
        return None
    if not any(lookup(c) not in (None, "ignore") for c in filled):
        return None
    width = max(len(top), len(sub))
    top, sub = top + [""] * (width - len(top)), sub + [""] * (width - len(sub))
    return [s if s.strip() else t for t, s in zip(top, sub, strict=True)]


def _table(file_name: str, sheet: str, kind: str, grid: list[tuple[int, list[str]]], max_rows: int, *,
           header_index: int | None = None, encoding: str = "", notices: tuple[str, ...] = ()) -> Table:
    rows = [(n, cells) for n, cells in grid if "".join(cells).strip()]  # in C: no generator per row
    if not rows:
        raise ReadError(file_name, "the sheet is empty" if kind == "workbook" else "the file has no rows",
                        sheet=sheet if kind == "workbook" else "")
    if header_index is None:
        header_index = find_header_row([cells for _, cells in rows])
    header_cells: list[str] = []
    data_start = 0
    if header_index is not None:
        header_cells = rows[header_index][1]
        data_start = header_index + 1
        if data_start < len(rows):
            merged = _merge_subheader(header_cells, rows[data_start][1])
            if merged is not None:
                header_cells, data_start = merged, data_start + 1
    data = rows[data_start:]
    if len(data) > max_rows:
        raise ReadError(file_name, f"the sheet has {len(data):,} rows; up to {max_rows:,} can be imported at "
                                   "once. Split it into smaller files", sheet=sheet if kind == "workbook" else "")
    width = max([len(header_cells)] + [len(c) for _, c in data])
    while width and not (header_cells[width - 1].strip() if width <= len(header_cells) else "") and not any(
            width <= len(c) and c[width - 1].strip() for _, c in data):
        width -= 1
    headers, blank, seen = [], [], {}
    for index in range(width):
        text = _clean_header(header_cells[index]) if index < len(header_cells) else ""
        blank.append(not text)
        text = text or f"Column {column_letter(index)}"
        seen[text.casefold()] = seen.get(text.casefold(), 0) + 1
        headers.append(text if seen[text.casefold()] == 1 else f"{text} ({seen[text.casefold()]})")
    out_rows = tuple(RawRow(n, tuple(cells) if len(cells) == width else tuple((cells + [""] * width)[:width]))
                     for n, cells in data)
    header_row = rows[header_index][0] if header_index is not None else None
    return Table(file_name, sheet, kind, tuple(headers), header_row, out_rows, encoding=encoding,
                 notices=notices, blank_headers=tuple(blank))
