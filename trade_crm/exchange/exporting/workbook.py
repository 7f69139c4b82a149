"""Export customers to an .xlsx workbook that is safe to share, re-imports by CRM ID, and scales.

One pass over the chosen customers in the order given (id order, or the list's order on screen),
`chunk_size` at a time: a few set-based queries per
chunk (customers, their contacts and channels, tags, orders, timeline) feed every sheet at once, so
100,000 customers cost a few hundred queries, never one per customer. Rows are written with
XlsxWriter in constant-memory mode (each row goes to a temporary file as soon as the next begins,
strings inline), so memory stays flat however large the book.

Safe to share: every text is written as a string cell (never a formula, whatever it starts with);
a text starting with = + - @ tab or CR also gets Excel's quote-prefix style, so editing the cell in
Excel keeps it text. No macros, no hidden sheets. The file is written under a temporary name in
the target folder and renamed over the target only when complete: a failed or cancelled export
leaves whatever was there before.
"""

from __future__ import annotations

import logging
import os
import secrets
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime, timezone, tzinfo
from pathlib import Path
from unicodedata import east_asian_width

from trade_crm.domain.customers.query import CustomerFilter, matching_ids
from trade_crm.domain.errors import DomainError
from trade_crm.exchange.exporting.columns import (
    COLUMNS,
    EXPORT_FORMAT,
    EXPORT_PROPERTY,
    SHEETS,
    RowReader,
    headers,
    order_currencies,
    sheet_title,
)
from trade_crm.store.models import database

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (stage, done, total): "writing" customers, then "saving"
Cancel = Callable[[], bool]
DANGEROUS_STARTS = "=+-@\t\r"  # what Excel (or LibreOffice) would read as the start of a formula
MAX_ROWS = 1_048_576  # rows in one Excel sheet; a longer sheet continues in "Interactions (2)"
_WIDTH_SAMPLE = 500  # rows looked at to widen a column to its content


class ExportError(DomainError):
    """The export could not be written; the message says what to do. Nothing was left behind."""


class ExportCancelled(DomainError):
    def __init__(self) -> None:
        super().__init__("the export was cancelled; no file was written")


@dataclass(frozen=True)
class ExportResult:
    path: str
    customers: int
    rows: dict[str, int]  # sheet -> data rows written


def customer_ids(flt: CustomerFilter | None = None, *, today: date, now: datetime | None = None,
                 sort: str | None = None, descending: bool = False) -> list[int]:
    """The ids a filter selects (None or an empty filter: every customer), in id order or sorted as
    the customer list sorts (`sort`: a key of domain.customers.query.SORT_COLUMNS)."""
    return matching_ids(flt or CustomerFilter(), today=today, now=now, sort=sort, descending=descending)


# --- the target file -----------------------------------------------------------------------------

def check_target(path: str | Path) -> Path:
    """Refuse a target that cannot be written, before any slow work, with a message a person can act on."""
    target = Path(path).expanduser()
    folder = target.parent
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give a file name")
    if not folder.is_dir():
        raise ExportError(f"the folder {folder} does not exist; choose another place or create it first")
    if not os.access(folder, os.W_OK):
        raise ExportError(f"no permission to write in {folder}; choose another folder")
    if target.exists():
        try:
            with open(target, "r+b"):
                pass
        except PermissionError:
            raise ExportError(_locked(target)) from None
    return target


def _locked(target: Path) -> str:
    return (f"{target.name} is open in another program (Excel?) or read-only; close it and try again, "
            f"or save under another name")


@contextmanager
def output_file(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it replaces `path`, on any error it is removed."""
    target = check_target(path)
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        try:
            temp.open("xb").close()  # created with the user's umask, like any new file
        except OSError as exc:
            raise ExportError(f"cannot write in {target.parent}: {exc.strerror}") from exc
        yield temp
        try:
            os.replace(temp, target)
        except PermissionError:
            raise ExportError(_locked(target)) from None
        except OSError as exc:
            raise ExportError(f"cannot save {target}: {exc.strerror}") from exc
    finally:
        with suppress(OSError):
            temp.unlink()


# --- writing the workbook --------------------------------------------------------------------------

class _Sheet:
    """One exported sheet: bold frozen header, typed cells, auto-filter, widths fitted to the first rows."""

    def __init__(self, book, formats: dict, key: str, language: str, extra: Sequence[str] = (), *,
                 titles: dict[str, str] | None = None, picked: Sequence[int] | None = None):
        self.book, self.formats, self.key, self.language = book, formats, key, language
        columns, names = list(COLUMNS[key]), headers(key, language, titles)
        if picked is not None:
            columns, names = [columns[i] for i in picked], [names[i] for i in picked]
        self.headers = names + list(extra)
        self.kinds = [c.kind for c in columns] + ["text"] * len(extra)
        self.widths = [max(c.width, _width(h) + 3) for c, h in zip(columns, self.headers, strict=False)]
        self.widths += [max(12.0, _width(h) + 3) for h in extra]
        self.lengths: list[list[float]] = [[] for _ in self.headers]
        self.parts: list = []
        self.row = self.written = 0
        self._new_part()

    def _new_part(self) -> None:
        title = sheet_title(self.key, self.language)
        ws = self.book.add_worksheet(title if not self.parts else f"{title} ({len(self.parts) + 1})")
        ws.write_row(0, 0, self.headers, self.formats["header"])
        ws.freeze_panes(1, 2)  # the header row, and the CRM ID and company columns
        self.parts.append(ws)
        self.row = 1

    def write(self, rows: list[list]) -> None:
        if rows and self.written < _WIDTH_SAMPLE:
            self._fit(rows[:_WIDTH_SAMPLE - self.written])
        formats = self.formats
        quote, day, moment, money = formats["quote"], formats["date"], formats["datetime"], formats["money"]
        kinds = self.kinds
        string, number, when, boolean = _cell_writers(self.parts[-1])
        r = self.row
        for values in rows:
            if r >= MAX_ROWS:
                self._new_part()
                string, number, when, boolean = _cell_writers(self.parts[-1])
                r = self.row
            for c, v in enumerate(values):
                if v is None or v == "":
                    continue
                kind = kinds[c]
                if kind == "text":
                    if v.__class__ is not str:  # SQLite is typed per value: a number in a text column
                        v = str(v)
                    if v[0] in DANGEROUS_STARTS:
                        string(r, c, v, quote)
                    else:
                        string(r, c, v)
                elif kind == "id" or kind == "int":
                    number(r, c, v)
                elif kind == "datetime":
                    when(r, c, v, moment)
                elif kind == "date":
                    when(r, c, v, day)
                elif kind == "money":
                    number(r, c, v, money)
                else:
                    boolean(r, c, v)
            r += 1
        self.row = r
        self.written += len(rows)

    def _fit(self, rows: list[list]) -> None:
        for values in rows:
            for c, v in enumerate(values):
                if isinstance(v, str) and v:
                    self.lengths[c].append(_width(v.split("\n", 1)[0]))

    def _column_widths(self) -> list[float]:
        """Wide enough for nine values in ten of the first rows (one long name does not widen a column
        for everyone), at most 50 characters, never narrower than the header and its filter button."""
        widths = []
        for width, lengths in zip(self.widths, self.lengths, strict=True):
            if lengths:
                lengths.sort()
                width = max(width, min(50.0, lengths[int(0.9 * (len(lengths) - 1))] + 2))
            widths.append(width)
        return widths

    def finish(self) -> None:
        widths = self._column_widths()
        for ws in self.parts:
            for c, width in enumerate(widths):
                ws.set_column(c, c, width)
            ws.ignore_errors({"number_stored_as_text": "A1:XFD1048576"})  # phones, postcodes: text on purpose
            last = self.row - 1 if ws is self.parts[-1] else MAX_ROWS - 1
            ws.autofilter(0, 0, max(last, 0), len(self.headers) - 1)


def _cell_writers(ws) -> tuple:
    """The sheet's typed cell writers. XlsxWriter's public write_string() & co. wrap _write_string() & co.
    in an A1-notation check; with a million cells that check is a tenth of the time, so take the inner
    methods where this XlsxWriter has them (same arguments), else the public ones."""
    return tuple(getattr(ws, f"_write_{kind}", None) or getattr(ws, f"write_{kind}")
                 for kind in ("string", "number", "datetime", "boolean"))


def _width(text: str) -> float:
    return float(sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text))


def _open_book(path: Path, tmpdir: str, language: str):
    import xlsxwriter  # lazy: start-up, loaded by the first export

    book = xlsxwriter.Workbook(str(path), {
        "constant_memory": True, "tmpdir": tmpdir, "strings_to_formulas": False, "strings_to_numbers": False,
        "strings_to_urls": False})
    book.set_properties({"title": "Trade CRM export", "creator": "Trade CRM", "category": EXPORT_PROPERTY})
    book.set_custom_property(EXPORT_PROPERTY, EXPORT_FORMAT)
    formats = {
        "header": book.add_format({"bold": True, "bg_color": "#E8EEF4", "bottom": 1}),
        "quote": book.add_format({"quote_prefix": True}),
        "date": book.add_format({"num_format": "yyyy-mm-dd"}),
        "datetime": book.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
        "money": book.add_format({"num_format": "#,##0.00#"}),  # a dinar's third decimal shows, a dollar's 2
    }
    return book, formats


def export_workbook(path: str | Path, ids: Sequence[int], *, sheets: Sequence[str] = SHEETS, language: str = "en",
                    zone: tzinfo = timezone.utc, progress: Progress | None = None, cancel: Cancel | None = None,
                    chunk_size: int = 1000, columns: Sequence[str] | None = None) -> ExportResult:
    """Write the customers `ids` (see `customer_ids`) to `path` in that order, one sheet per name in `sheets`.

    Dates and times are real Excel dates, in `zone` (the user's wall clock). `columns`: only these
    customers-sheet columns, in this order (the list's columns on screen), after the CRM ID that
    an import of the edited book goes by. Raises ExportError for a target that cannot be written and
    ExportCancelled when `cancel()` turns true; either way the target is left as it was.
    """
    sheets = [s for s in SHEETS if s in set(sheets)]
    if not sheets:
        raise ExportError(f"choose at least one sheet: {', '.join(SHEETS)}")
    ids = list(ids)
    with output_file(path) as temp, tempfile.TemporaryDirectory(prefix="trade-crm-export-") as tmpdir:
        book, formats = _open_book(temp, tmpdir, language)
        try:
            with database.obj.atomic("DEFERRED"):  # one snapshot of the book for every sheet, no write lock
                reader = RowReader(sheets, language, zone)
                extra = [name for _, name in reader.custom_fields] if columns is None else []
                picked = _picked(columns)
                titles = {"order_total": reader.total_title(order_currencies(ids))} if "customers" in sheets else {}
                writers = {s: _Sheet(book, formats, s, language, extra if s == "customers" else (), titles=titles,
                                     picked=picked if s == "customers" else None) for s in sheets}
                for start in range(0, len(ids), chunk_size):
                    if cancel is not None and cancel():
                        raise ExportCancelled()
                    if progress is not None:
                        progress("writing", start, len(ids))
                    rows = reader.rows(ids[start:start + chunk_size])
                    if picked and "customers" in rows:
                        rows["customers"] = [[row[i] for i in picked] for row in rows["customers"]]
                    for sheet, writer in writers.items():
                        writer.write(rows[sheet])
            if cancel is not None and cancel():
                raise ExportCancelled()
            if progress is not None:
                progress("saving", len(ids), len(ids))
            for writer in writers.values():
                writer.finish()
            _close(book)
        except BaseException:
            for ws in book.worksheets():  # let the temporary folder go, also on Windows
                handle = getattr(ws, "row_data_fh", None)
                if handle is not None:
                    with suppress(OSError):
                        handle.close()
            raise
    written = {s: w.written for s, w in writers.items()}
    log.info("workbook export: %d customers, rows per sheet %s", len(ids), written)
    return ExportResult(str(Path(path).expanduser()), len(ids), written)


def _picked(keys: Sequence[str] | None) -> list[int] | None:
    """The positions of the CRM ID and then `keys` in the customers sheet's columns (None: all)."""
    if keys is None:
        return None
    position = {c.key: i for i, c in enumerate(COLUMNS["customers"])}
    unknown = [k for k in keys if k not in position]
    if unknown:
        raise ExportError(f'"{unknown[0]}" is not a column of the customers sheet')
    return list(dict.fromkeys([position["id"], *(position[k] for k in keys)]))


def _close(book) -> None:
    """Assemble the .xlsx (the zip of every sheet); a full disk or a vanished folder is an ExportError."""
    from xlsxwriter.exceptions import FileCreateError  # lazy: start-up, as xlsxwriter

    try:
        book.close()
    except FileCreateError as exc:
        raise ExportError(f"cannot write the workbook: {exc}") from exc
    except OSError as exc:
        raise ExportError(f"cannot write the workbook: {exc.strerror or exc}") from exc
