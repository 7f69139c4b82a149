"""Spreadsheet workbooks (.xlsx, .xlsm, .xls, .ods) as plain grids of cell values.

python-calamine reads every format and is about eight times faster than openpyxl: it skips
formatted-but-empty cells (a sheet that declares A1:XFD1048576, or a million styled blank rows,
costs nothing), honours the 1904 date system, and returns a formula's last computed value. When
calamine is not installed, .xlsx/.xlsm fall back to openpyxl in read-only mode.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path

from trade_crm.exchange.files import biff
from trade_crm.exchange.files.bounds import (
    SheetScan,
    WorkbookError,
    check_extent,
    check_opendocument,
    check_sheets,
    inspect_zip,
    sheet_parts,
)

__all__ = ["Cell", "SheetInfo", "WorkbookError", "cell_text", "list_sheets", "read_grid", "read_grids",
           "uncalculated_formulas"]

Cell = object
_PASS_THROUGH = (KeyboardInterrupt, SystemExit, GeneratorExit)


@dataclass(frozen=True)
class SheetInfo:
    name: str
    visible: bool = True
    is_chart: bool = False


def cell_text(value: Cell) -> str:
    """A cell as the text a person saw in Excel (numbers without a spurious ".0")."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))  # 8613812345678.0 -> "8613812345678"
        return format(value, ".15g")
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


# --- calamine -----------------------------------------------------------------------------------

def _calamine():
    try:
        import python_calamine
    except ImportError:
        return None
    return python_calamine


def _is_zip(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(4) == b"PK\x03\x04"


def _is_ole(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _native_error(exc: BaseException) -> WorkbookError:
    """The reader's error as one line; its panics (pyo3 PanicException is a BaseException) included."""
    text = str(exc).strip()
    return WorkbookError("corrupt", text.splitlines()[0][:200] if text else type(exc).__name__)


@lru_cache(maxsize=8)
def _inspected(path: str, size: int, modified: int) -> dict[str, SheetScan]:
    """Inspect a zip-based workbook once per version of the file (list_sheets, then read_grids);
    returns its worksheet parts' scans (bounds.inspect_zip), for read_grids' check_sheets."""
    scans = inspect_zip(Path(path))  # before the native reader: bombs, lying sizes, encrypted parts
    check_opendocument(Path(path))  # an .ods is expanded whole on opening
    return scans


@lru_cache(maxsize=8)
def _inspected_xls(path: str, size: int, modified: int) -> None:
    """The rectangle of each sheet of an .xls, from its cell records (the reader builds it whole)."""
    for sheet, (rows, columns) in biff.sheet_extents(Path(path)).items():
        check_extent(sheet, rows, columns)


def _zip_scans(path: Path) -> dict[str, SheetScan]:
    stat = path.stat()
    return _inspected(str(path.resolve()), stat.st_size, stat.st_mtime_ns)


def _open_calamine(module, path: Path):
    try:
        if _is_zip(path):
            _zip_scans(path)
        elif _is_ole(path):
            stat = path.stat()
            _inspected_xls(str(path.resolve()), stat.st_size, stat.st_mtime_ns)
        return module.CalamineWorkbook.from_path(str(path))
    except WorkbookError:
        raise
    except module.PasswordError as exc:
        raise WorkbookError("encrypted", str(exc)) from exc
    except _PASS_THROUGH:
        raise
    except BaseException as exc:  # ZipError, XmlError, CalamineError, OSError, a Rust panic
        raise _native_error(exc) from exc


def list_sheets(path: Path) -> list[SheetInfo]:
    module = _calamine()
    if module is None:
        return _openpyxl_sheets(path)
    book = _open_calamine(module, path)
    try:
        return [SheetInfo(m.name, m.visible == module.SheetVisibleEnum.Visible,
                          m.typ == module.SheetTypeEnum.ChartSheet) for m in book.sheets_metadata]
    except _PASS_THROUGH:
        raise
    except BaseException as exc:
        raise _native_error(exc) from exc
    finally:
        book.close()


def read_grids(path: Path, sheets: list[str], *, formulas: dict[str, int] | None = None
               ) -> dict[str, list[list[Cell]]]:
    """Every row of each named sheet, from row 1, as cell values (None or "" for empty cells).

    With a `formulas` dict, each .xlsx sheet's count of formula cells without a saved result goes in
    it (uncalculated_formulas), read again only for a sheet whose bounds scan saw a formula tag.
    """
    module = _calamine()
    if module is None:
        grids = {sheet: _openpyxl_grid(path, sheet) for sheet in sheets}
        if formulas is not None:
            formulas.update((sheet, uncalculated_formulas(path, sheet)) for sheet in sheets)
        return grids
    book = _open_calamine(module, path)
    grids = {}
    maybe = set(sheets)
    try:
        if _is_zip(path):
            # the rectangle the reader will allocate, from the cells present (scanned when the file was inspected)
            maybe = check_sheets(path, sheets, _zip_scans(path))
        for sheet in sheets:
            try:
                grids[sheet] = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
            except _PASS_THROUGH:
                raise
            except BaseException as exc:
                raise WorkbookError("corrupt", f"sheet {sheet}: {_native_error(exc)}") from exc
    finally:
        book.close()
    if formulas is not None:
        formulas.update((sheet, uncalculated_formulas(path, sheet) if sheet in maybe else 0) for sheet in sheets)
    return grids


def read_grid(path: Path, sheet: str) -> list[list[Cell]]:
    return read_grids(path, [sheet])[sheet]


# --- openpyxl fallback --------------------------------------------------------------------------

def _load_openpyxl(path: Path):
    import openpyxl

    try:
        return openpyxl.load_workbook(str(path), read_only=True, data_only=True)
    except zipfile.BadZipFile as exc:
        raise WorkbookError("corrupt", str(exc)) from exc
    except Exception as exc:
        if path.suffix.lower() == ".xls":
            raise WorkbookError("unsupported", "reading .xls needs python-calamine") from exc
        raise WorkbookError("corrupt", str(exc)) from exc


def _openpyxl_sheets(path: Path) -> list[SheetInfo]:
    book = _load_openpyxl(path)
    try:
        return [SheetInfo(ws.title, ws.sheet_state == "visible", not hasattr(ws, "iter_rows"))
                for ws in book.worksheets + getattr(book, "chartsheets", [])]
    finally:
        book.close()


def _openpyxl_grid(path: Path, sheet: str) -> list[list[Cell]]:
    book = _load_openpyxl(path)
    try:
        ws = book[sheet]
        ws.reset_dimensions()  # a declared A1:XFD1048576 must not drive the loop
        rows: list[list[Cell]] = []
        blank_run = 0
        for row in ws.iter_rows(values_only=True):
            rows.append(list(row))
            blank_run = 0 if any(v not in (None, "") for v in row) else blank_run + 1
            if blank_run > 10_000:  # styled empty rows to the end of the sheet
                break
        while rows and not any(v not in (None, "") for v in rows[-1]):
            rows.pop()
        return rows
    finally:
        book.close()


# --- checks calamine cannot make ----------------------------------------------------------------

_UNCALCULATED = re.compile(rb"</f>\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>|<f\b[^>]*/>\s*(?:<v\s*/>)?\s*</c>")
_SCAN_LIMIT = 32 * 1024 * 1024


def uncalculated_formulas(path: Path, sheet: str) -> int:
    """How many formula cells of an .xlsx sheet have no stored result (read as empty).

    Excel always saves a formula's last value; a file written by a program that never calculated
    it has only the formula, which no reader can evaluate. Returns 0 when it cannot tell.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            member = sheet_parts(archive).get(sheet)
            if member is None or archive.getinfo(member).file_size > _SCAN_LIMIT:
                return 0
            with archive.open(member) as stream:
                return len(_UNCALCULATED.findall(stream.read(_SCAN_LIMIT)))
    except Exception:  # a damaged part: the reader itself says what is wrong
        return 0
