"""The rows an import could not take (or took with a warning), as a workbook to fix and re-import.

Each row is written as it was read, every cell as text (a phone stays "0086 138...", a cell that
starts with "=" stays text), with one more column, "Import problems", saying what was wrong. That
column is ignored when the fixed file is imported again. The user edits this file in Excel, so a
text that starts like a formula (= + - @ tab CR) also gets the quote-prefix style, as in the export:
editing the cell keeps it text instead of running it.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from trade_crm.exchange.exporting.workbook import DANGEROUS_STARTS
from trade_crm.exchange.importing.plan import PROBLEM_COLUMN, ImportPlan


def _text_cell(sheet, value: str, bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # never a formula, never a number
    if value and value[0] in DANGEROUS_STARTS:
        cell.quotePrefix = True  # and still text after an edit in Excel
    if bold:
        cell.font = Font(bold=True)
    return cell


def write_error_report(plan: ImportPlan, path: str | Path, *, include_warnings: bool = True) -> int:
    """Write the problem rows to an .xlsx file; returns how many rows were written."""
    messages: dict[int, list[str]] = {}
    for problem in plan.problems:
        if problem.severity == "error" or include_warnings:
            prefix = f"{problem.column}: " if problem.column else ""
            messages.setdefault(problem.row, []).append(prefix + problem.message)
    book = Workbook(write_only=True)
    if plan.book is not None:
        return _write_book_sheets(book, plan, path, include_warnings)
    sheet = book.create_sheet(title=(plan.sheet if plan.sheet != plan.file_name else "Rows to fix")[:31])
    sheet.append([_text_cell(sheet, h, bold=True) for h in (*plan.headers, PROBLEM_COLUMN)])
    for row_number in sorted(messages):
        cells = plan.source_rows.get(row_number, ())
        values = [*cells, *[""] * (len(plan.headers) - len(cells)), "\n".join(messages[row_number])]
        sheet.append([_text_cell(sheet, v) for v in values])
    book.save(str(path))
    return len(messages)


def _write_book_sheets(book: Workbook, plan: ImportPlan, path: str | Path, include_warnings: bool) -> int:
    """An exported book's problem rows, on sheets named and headed as in the file, so the fixed report
    is read back by CRM ID like the export itself."""
    messages: dict[tuple[str, int], list[str]] = {}
    for problem in plan.problems:
        if problem.severity == "error" or include_warnings:
            prefix = f"{problem.column}: " if problem.column else ""
            messages.setdefault((problem.sheet, problem.row), []).append(prefix + problem.message)
    written = 0
    for part in plan.book.sheets:
        rows = sorted(n for s, n in messages if s == part.title)
        if not rows:
            continue
        sheet = book.create_sheet(title=part.title[:31])
        sheet.append([_text_cell(sheet, h, bold=True) for h in (*part.headers, PROBLEM_COLUMN)])
        for number in rows:
            cells = plan.book.source_rows.get((part.title, number), ())
            values = [*cells, *[""] * (len(part.headers) - len(cells)), "\n".join(messages[(part.title, number)])]
            sheet.append([_text_cell(sheet, v) for v in values])
            written += 1
    if not written:
        book.create_sheet(title="Rows to fix")
    book.save(str(path))
    return written
