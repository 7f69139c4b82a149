"""Spreadsheet workbooks (.xlsx, .xlsm, .xls, .ods) as plain grids of cell values.

python-calamine reads every format and is about eight times faster than openpyxl: it skips
formatted-but-empty cells (a sheet that declares A1:XFD1048576, or a million styled blank rows,
costs nothing), honours the 1904 date system, and returns a formula's last computed value. When
calamine is not installed, .xlsx/.xlsm fall back to openpyxl in read-only mode.
"""

from __future__ import annotations

import html
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

Cell = object


@dataclass(frozen=True)
class SheetInfo:
    name: str
    visible: bool = True
    is_chart: bool = False


class WorkbookError(Exception):
    """The workbook cannot be read; `kind` is "encrypted", "corrupt" or "unsupported"."""

    def __init__(self, kind: str, detail: str = ""):
        super().__init__(detail or kind)
        self.kind = kind
        self.detail = detail


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


def _open_calamine(module, path: Path):
    try:
        return module.CalamineWorkbook.from_path(str(path))
    except module.PasswordError as exc:
        raise WorkbookError("encrypted", str(exc)) from exc
    except Exception as exc:  # ZipError, XmlError, CalamineError, a panic surfaced as an exception
        raise WorkbookError("corrupt", str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from exc


def list_sheets(path: Path) -> list[SheetInfo]:
    module = _calamine()
    if module is None:
        return _openpyxl_sheets(path)
    book = _open_calamine(module, path)
    try:
        return [SheetInfo(m.name, m.visible == module.SheetVisibleEnum.Visible,
                          m.typ == module.SheetTypeEnum.ChartSheet) for m in book.sheets_metadata]
    finally:
        book.close()


def read_grids(path: Path, sheets: list[str]) -> dict[str, list[list[Cell]]]:
    """Every row of each named sheet, from row 1, as cell values (None or "" for empty cells)."""
    module = _calamine()
    if module is None:
        return {sheet: _openpyxl_grid(path, sheet) for sheet in sheets}
    book = _open_calamine(module, path)
    grids = {}
    try:
        for sheet in sheets:
            try:
                grids[sheet] = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
            except Exception as exc:
                raise WorkbookError("corrupt", f"sheet {sheet}: {exc}") from exc
    finally:
        book.close()
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

_TAG = re.compile(r"<(?:\w+:)?(sheet|Relationship)\b([^>]*)>")
_ATTR = re.compile(r'([\w:]+)="([^"]*)"')
_UNCALCULATED = re.compile(rb"</f>\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>|<f\b[^>]*/>\s*(?:<v\s*/>)?\s*</c>")
_SCAN_LIMIT = 32 * 1024 * 1024


def uncalculated_formulas(path: Path, sheet: str) -> int:
    """How many formula cells of an .xlsx sheet have no stored result (read as empty).

    Excel always saves a formula's last value; a file written by a program that never calculated
    it has only the formula, which no reader can evaluate. Returns 0 when it cannot tell.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            tags = _TAG.findall(archive.read("xl/workbook.xml").decode("utf-8", "replace"))
            tags += _TAG.findall(archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace"))
            attrs = [(kind, dict(_ATTR.findall(body))) for kind, body in tags]
            targets = {a.get("Id"): a.get("Target", "") for kind, a in attrs if kind == "Relationship"}
            for kind, a in attrs:
                if kind != "sheet" or html.unescape(a.get("name", "")) != sheet:
                    continue
                target = targets.get(a.get("r:id"), "").lstrip("/")
                member = target if target.startswith("xl/") else f"xl/{target}"
                if archive.getinfo(member).file_size > _SCAN_LIMIT:
                    return 0
                return len(_UNCALCULATED.findall(archive.read(member)))
    except (KeyError, OSError, zipfile.BadZipFile):
        return 0
    return 0
