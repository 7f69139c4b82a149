"""Import a trade-show list: read -> map -> clean -> de-duplicate -> plan; then commit or undo.

`build_plan` reads nothing into the database: it returns an ImportPlan (a frozen dataclass) that
the wizard previews and `--dry-run` prints. `commit_import` writes a plan in one transaction and
records an ImportBatch whose journal lets `undo_import` put every row back as it was. Both take
a `progress(stage, done, total)` callback and a `cancel()` flag, so a worker thread can run them.

    plan = build_plan("fair.xlsx", ImportOptions(source="Canton Fair 2026 Autumn"))
    result = commit_import(plan, clock)
    undo_import(result.batch, clock)

The file is read once (importing.readers). A workbook written by the exporter is recognised in what
was read and takes its own path (importing.book): its rows update the customers, contacts,
interactions and orders whose IDs they carry; the plan then has a `book` and its customers the
actions "update" and "unchanged" too.

This is the package's facade: it imports the steps, and none of them imports it.
"""

from __future__ import annotations

import logging
from datetime import tzinfo
from pathlib import Path

from trade_crm.domain.bulk import collector_paused
from trade_crm.domain.clock import Clock
from trade_crm.exchange.importing import grouping
from trade_crm.exchange.importing.book.commit import commit_book
from trade_crm.exchange.importing.book.reimport import plan_book
from trade_crm.exchange.importing.book.rows import read_book
from trade_crm.exchange.importing.cleaning import RowCleaner, shared_email_problems
from trade_crm.exchange.importing.commit import commit_plan
from trade_crm.exchange.importing.history import BatchInfo, UndoResult, history, undo_batch
from trade_crm.exchange.importing.junk import JunkFilter
from trade_crm.exchange.importing.layout import mappings
from trade_crm.exchange.importing.layout.column_choice import auto_map
from trade_crm.exchange.importing.layout.headers import IDENTITY_FIELDS, ColumnMapping, apply_overrides
from trade_crm.exchange.importing.plan import (
    POLICIES,
    DuplicateMatch,
    FieldChange,
    ImportOptions,
    ImportPlan,
    ImportResult,
    PlannedContact,
    PlannedCustomer,
    RowProblem,
    account_rows,
)
from trade_crm.exchange.importing.progress import Cancel, ImportCancelled, Progress, check, tick
from trade_crm.exchange.importing.readers import Table, read_table

log = logging.getLogger(__name__)

__all__ = [
    "POLICIES", "DuplicateMatch", "FieldChange", "ImportCancelled", "ImportOptions", "ImportPlan", "ImportResult",
    "PlannedContact", "PlannedCustomer", "Progress", "RowProblem", "build_plan", "commit_import",
    "import_history", "map_columns", "plan_table", "undo_import",
]

_DEFAULTS = ImportOptions()


def map_columns(table: Table, options: ImportOptions) -> tuple[tuple[ColumnMapping, ...], str]:
    """The columns' targets: by header and content, then a saved mapping, then the user's choices."""
    samples = [row.cells for row in table.rows[:200]]
    columns = auto_map(table.headers, samples, blank=table.blank_headers, unmapped=options.unmapped)
    saved_name = ""
    if options.use_saved_mapping:
        saved = mappings.find_mapping(table.headers)
        if saved is not None:
            known = {k: v for k, v in saved.mapping.items() if k in table.headers}
            columns, saved_name = apply_overrides(columns, known, origin="saved"), saved.name
    if options.mapping:
        columns = apply_overrides(columns, options.mapping)
    return columns, saved_name


@collector_paused()
def plan_table(table: Table, options: ImportOptions = _DEFAULTS, *, path: str = "",
               progress: Progress | None = None, cancel: Cancel | None = None,
               zone: tzinfo | None = None) -> ImportPlan:
    """Plan the import of a table already read (the wizard re-plans this way after each change).

    With the file's `path`, an exported Trade CRM book is recognised in the sheets the table was
    read from and planned as a whole (every sheet of it, or `options.sheet`), by CRM ID; `zone` is
    the user's, for the times it shows (default: this computer's).
    """
    options.validate()
    book = read_book(table, path, options.sheet) if options.by_crm_id and path else None
    if book is not None:
        return plan_book(book, options, path=str(path), zone=zone, progress=progress, cancel=cancel)
    return _plan_rows(table, options, path=str(path), progress=progress, cancel=cancel)


def _plan_rows(table: Table, options: ImportOptions, *, path: str = "", progress: Progress | None = None,
               cancel: Cancel | None = None) -> ImportPlan:
    columns, saved_name = map_columns(table, options)
    cleaner = RowCleaner(table.sheet, columns, default_country=options.default_country)
    junk, cards = JunkFilter(table.headers, columns), table.kind == "vcard"  # a card is never a total or a title
    cleaned, total, ignored = [], len(table.rows), {}
    for done, row in enumerate(table.rows, start=1):
        if not cards and (reason := junk.reason(row.cells)) is not None:
            ignored[row.number] = reason
        else:
            cleaned.append(cleaner.clean(row.number, row.cells))
        if done % 500 == 0:
            check(cancel)
            tick(progress, "cleaning", done, total)
    tick(progress, "cleaning", total, total)
    check(cancel)
    source, tags = grouping.batch_source(options)
    grouped = grouping.plan_customers(cleaned, options, source, tags, progress=progress, cancel=cancel)
    customers = tuple(grouped.customers)
    unread = tuple(RowProblem(table.sheet, number, "", message, "error") for number, message in table.problems)
    problems = unread + tuple(sorted([p for row in cleaned for p in row.problems]  # unread: rows the reader refused
                                     + shared_email_problems(table.sheet, cleaned), key=lambda p: p.row))
    numbers = sorted([row.number for row in table.rows] + [number for number, _ in table.problems])
    outcomes = account_rows(numbers, customers, problems, ignored)
    problems += tuple(RowProblem(table.sheet, number, column, message) for number, column, message in table.warnings)
    notices = table.notices
    if len(table.encodings) > 1:  # the reader found the text plausible in more than one encoding
        notices += (f"the text was read as {table.encodings[0][0]}; it reads almost as well as "
                    f"{', '.join(name for name, _ in table.encodings[1:])}: check the names look right",)
    if not any(c.target in IDENTITY_FIELDS for c in columns):
        notices += ("no column was recognised as a company, contact name, email or phone, so no row can be "
                    "imported; say which column is which (--map \"Header=company\")",)
    problem_rows = {p.row for p in problems}
    raw = {row.number: row.cells for row in table.rows if row.number in problem_rows}
    return ImportPlan(
        path=path, file_name=table.file_name, sheet=table.sheet,
        sheets=tuple(s.name for s in table.sheets if not s.is_chart), headers=table.headers,
        header_row=table.header_row, columns=columns, customers=customers, problems=problems,
        options=options, total_rows=total + len(unread), source_rows=raw, notices=notices, saved_mapping=saved_name,
        batch_source=source, batch_tags=tags, outcomes=outcomes,
        possible_duplicates=tuple(grouped.possible_duplicates))


@collector_paused()
def build_plan(path: str | Path, options: ImportOptions = _DEFAULTS, *, progress: Progress | None = None,
               cancel: Cancel | None = None, zone: tzinfo | None = None) -> ImportPlan:
    """Read the file once and plan its import; nothing is written. Raises ReadError for a bad file.

    An exported Trade CRM book is recognised in what was read and planned by CRM ID (see plan_table).
    """
    options.validate()
    tick(progress, "reading", 0, 1)
    table = read_table(path, options.sheet)
    tick(progress, "reading", 1, 1)
    check(cancel)
    return plan_table(table, options, path=str(path), progress=progress, cancel=cancel, zone=zone)


@collector_paused()
def commit_import(plan: ImportPlan, clock: Clock, *, progress: Progress | None = None,
                  cancel: Cancel | None = None) -> ImportResult:
    if plan.book is not None:
        result = commit_book(plan, clock, progress=progress, cancel=cancel)
    else:
        result = commit_plan(plan, clock, progress=progress, cancel=cancel)
    log.info("import batch %s%s: %d created, %d merged (%d updated, %d unchanged), %d skipped, %d contacts, "
             "%d row problems", result.batch, " (dry run)" if result.dry_run else "", result.created, result.merged,
             result.updated, result.unchanged, result.skipped, result.contacts_created, len(result.errors))
    return result


@collector_paused()
def undo_import(batch_id: int, clock: Clock) -> UndoResult:
    result = undo_batch(batch_id, clock)
    log.info("import batch %s undone: %d customers removed, %d restored", result.batch, result.customers_removed,
             result.customers_restored)
    return result


def import_history() -> list[BatchInfo]:
    return history()
