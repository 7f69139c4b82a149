"""A workbook written by the exporter, read back: its sheets, and each row's cells typed.

An exported book is recognised by its "Trade CRM export" document property or by sheets named and
headed as the exporter names and heads them (export_columns, English or Chinese). Each row keeps
its typed cells by column key (CRM ID as an int, dates as dates, "Date" of an interaction as the
wall-clock datetime it shows); the read-only columns are read too, but only to create a customer
that is not in the book, never to change one. Text stays as it is: what was exported comes back.
The cells are those the ordinary reader (importing.readers) already read: the file is opened once.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

from trade_crm.exchange.exporting.columns import COLUMNS, EXPORT_PROPERTY, SHEETS, column_keys, sheet_of
from trade_crm.exchange.exporting.labels import code_of
from trade_crm.exchange.files.dates import parse_date
from trade_crm.exchange.files.workbook import SheetInfo, cell_text
from trade_crm.exchange.importing.plan import OWN_ID, PROBLEM_COLUMN, BookRow, BookSheet, RowProblem, text_of
from trade_crm.exchange.importing.readers import Table
from trade_crm.store.fields import money_value

BOOK_SUFFIXES = frozenset({".xlsx", ".xlsm"})
# Columns the export writes for reading only; an edit there changes nothing.
READ_ONLY = frozenset({"country", "stage", "last_contact", "orders", "order_total", "order_currency", "created",
                       "tier"})
_KINDS = {sheet: {c.key: c.kind for c in columns} for sheet, columns in COLUMNS.items()}
_BLOCKS = frozenset({"notes", "details", "address"})  # several lines may be meant
_TRUE = frozenset({"true", "yes", "y", "1", "x", "✓", "是", "对", "真"})
_FALSE = frozenset({"false", "no", "n", "0", "否", "不是", "假"})
_PROPERTY = re.compile(rb'name="' + re.escape(EXPORT_PROPERTY.encode()) + rb'"')


@dataclass(frozen=True)
class ExportedBook:
    file_name: str
    sheets: tuple[BookSheet, ...]
    all_sheets: tuple[SheetInfo, ...]
    problems: tuple[RowProblem, ...] = ()
    notices: tuple[str, ...] = ()

    def rows(self, kind: str) -> list[BookRow]:
        return [row for sheet in self.sheets if sheet.kind == kind for row in sheet.rows]


# --- recognising the book -------------------------------------------------------------------------

def has_export_property(path: str | Path) -> bool:
    """Whether the workbook carries the exporter's custom document property (Excel keeps it on save)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return bool(_PROPERTY.search(archive.read("docProps/custom.xml")))
    except (KeyError, OSError, zipfile.BadZipFile):
        return False


def _sheet_kind(title: str, header: list) -> tuple[str, list[str | None]] | None:
    """The sheet's kind and column keys, by its title, else by the header alone (a renamed sheet)."""
    named = sheet_of(title)
    for kind in ([named] if named else []) + [k for k in reversed(SHEETS) if k != named]:
        keys = column_keys(kind, header)
        own = OWN_ID.get(kind)
        if keys is not None and (kind == named or (own in keys if own else "country_code" in keys)):
            return kind, keys
    return None


def read_book(table: Table, path: str | Path, sheet: str | None = None) -> ExportedBook | None:
    """The exported book in a workbook already read (`table.grids`; only `sheet` of it when given),
    or None when it is not one. Nothing is read again but the workbook's document properties."""
    path = Path(path)
    if table.kind != "workbook" or path.suffix.lower() not in BOOK_SUFFIXES or not table.grids:
        return None
    marked = has_export_property(path)
    names = [name for name in table.grids if (marked or sheet_of(name)) and (sheet is None or name == sheet)]
    sheets, problems, skipped = [], [], []
    for name in names:
        grid = table.grids[name]
        header = [cell_text(v).strip() for v in grid[0]] if grid else []
        found = _sheet_kind(name, header)
        if found is None:
            skipped.append(name)
            continue
        kind, keys = found
        parsed = _read_sheet(name, kind, header, keys, grid[1:], problems)
        sheets.append(parsed)
    if not sheets:
        return None
    notices = tuple(f'the sheet "{name}" is not one the export writes and was not read' for name in skipped)
    return ExportedBook(table.file_name, tuple(sheets), table.sheets, tuple(problems), notices)


# --- one sheet --------------------------------------------------------------------------------------

def _read_sheet(title: str, kind: str, header: list[str], keys: list[str | None], grid: list[list],
                problems: list[RowProblem]) -> BookSheet:
    keys = list(keys)
    custom: dict[int, str] = {}
    seen: set[str] = set()
    for index, (key, text) in enumerate(zip(keys, header, strict=True)):
        if key is not None and key in seen:
            keys[index] = key = None  # a second "Notes": on the customers sheet, a custom field of that name
        if key is None and kind == "customers" and text and text != PROBLEM_COLUMN:
            custom[index] = text
        seen.add(key or "")
    rows = []
    columns = frozenset(k for k in keys if k is not None)
    named = {k: h for k, h in zip(keys, header, strict=True) if k is not None}
    for number, raw in enumerate(grid, start=2):
        if not any(v not in (None, "") for v in raw):
            continue
        values: dict = {}
        for index, key in enumerate(keys):
            value = raw[index] if index < len(raw) else None
            if key is None or value in (None, ""):
                continue
            try:
                values[key] = typed(_KINDS[kind][key], key, value)
            except ValueError as exc:
                column = header[index]
                bad_id = _KINDS[kind][key] == "id"
                message = f"{exc}; the row is not imported" if bad_id and index == 0 else (
                    f"{exc}; the row is read as a new one" if bad_id else f"{exc}; this cell is not imported")
                problems.append(RowProblem(title, number, column, message, "error" if bad_id and index == 0
                                           else "warning"))
                if bad_id and index == 0:
                    values["_invalid"] = True
        extra = {name: text_of(raw[i]) for i, name in custom.items() if i < len(raw)}
        if not values.pop("_invalid", False):
            rows.append(BookRow(title, kind, number, values, extra, tuple(raw[:len(header)]), columns, named))
    return BookSheet(title, kind, tuple(header), tuple(keys), tuple(rows))


def typed(kind: str, key: str, value: object) -> object:
    """A cell as the type its column holds; ValueError saying what is wrong."""
    if kind == "text":
        return code_of(key, text_of(value))  # "Dormant", "展会", "德语" as the export wrote them: their codes
    if kind in ("id", "int"):
        number = value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
        if number is None and isinstance(value, str) and value.strip().isdigit():
            number = int(value.strip())
        if number is None or number != int(number) or number < (1 if kind == "id" else 0):
            raise ValueError(f'"{text_of(value)}" is not an ID (a whole number)')
        return int(number)
    if kind == "date":
        return as_date(value)
    if kind == "datetime":
        return as_datetime(value)
    if kind == "bool":
        if isinstance(value, bool):
            return value
        text = text_of(value).strip().casefold()
        if text in _TRUE or text in _FALSE:
            return text in _TRUE
        raise ValueError(f'"{text_of(value)}" is not TRUE or FALSE')
    if kind == "money":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return money_value(repr(round(float(value), 3)))
        try:
            return money_value(Decimal(text_of(value).replace(",", "").strip()))
        except InvalidOperation:
            raise ValueError(f'"{text_of(value)}" is not an amount') from None
    raise ValueError(f"unknown column type {kind} of {key}")


def as_date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return parse_date(str(value))
    return parse_date(text_of(value))


def as_datetime(value: object) -> datetime:
    """A wall-clock time as the sheet shows it, to the second (Excel keeps times as fractions of days)."""
    if isinstance(value, datetime):
        rounded = value + timedelta(microseconds=500_000)
        return rounded.replace(microsecond=0)
    if isinstance(value, date):
        return datetime.combine(value, time(0))
    text = text_of(value).strip()
    try:
        return as_datetime(datetime.fromisoformat(text.replace("/", "-")))
    except ValueError:
        return datetime.combine(parse_date(text), time(0))
