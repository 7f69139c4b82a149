"""Import a trade-show list: read -> map -> clean -> de-duplicate -> plan; then commit or undo.

`build_plan` reads nothing into the database: it returns an ImportPlan (a frozen dataclass) that
the wizard previews and `--dry-run` prints. `commit_import` writes a plan in one transaction and
records an ImportBatch whose journal lets `undo_import` put every row back as it was. Both take
a `progress(stage, done, total)` callback and a `cancel()` flag, so a worker thread can run them.

    plan = build_plan("fair.xlsx", ImportOptions(source="Canton Fair 2026 Autumn"))
    result = commit_import(plan, clock)
    undo_import(result.batch, clock)

A workbook written by the exporter is recognised and takes its own path (export_import): its rows
update the customers, contacts, interactions and orders whose IDs they carry; the plan then has a
`book` and its customers the actions "update" and "unchanged" too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path
from typing import Any

from trade_crm.domain.bulk import collector_paused
from trade_crm.domain.errors import DomainError, ValidationError
from trade_crm.exchange.files.readers import Table, read_table
from trade_crm.exchange.importing import mappings
from trade_crm.exchange.importing.cleaning import PlannedContact, RowCleaner, RowProblem
from trade_crm.exchange.importing.headers import (
    IDENTITY_FIELDS,
    UNMAPPED_CHOICES,
    ColumnMapping,
    apply_overrides,
    auto_map,
)

__all__ = [
    "POLICIES", "DuplicateMatch", "FieldChange", "ImportCancelled", "ImportOptions", "ImportPlan",
    "PlannedContact", "PlannedCustomer", "Progress", "RowProblem", "build_plan", "commit_import",
    "import_history", "plan_table", "undo_import",
]

POLICIES = ("merge", "skip", "create")
Progress = Callable[[str, int, int], None]  # (stage, done, total): "reading", "cleaning", "matching", "writing"
Cancel = Callable[[], bool]


class ImportCancelled(DomainError):
    def __init__(self) -> None:
        super().__init__("the import was cancelled; nothing was written")


@dataclass(frozen=True)
class ImportOptions:
    sheet: str | None = None
    mapping: Mapping[str, str] = field(default_factory=dict)  # header -> "email", "custom:Booth size", ...
    unmapped: str = "notes"  # where columns no field takes go: "notes" or "custom"
    on_duplicate: str = "merge"  # the default for every match: "merge", "skip" or "create"
    decisions: Mapping[int, str] = field(default_factory=dict)  # PlannedCustomer.key -> action, per match
    source: str = ""  # the trade show ("Canton Fair 2026 Autumn") or a source ("website")
    tag: str = ""
    overwrite: bool = False  # a merge replaces non-empty fields too
    default_country: str | None = None  # for rows that name no country
    use_saved_mapping: bool = True
    by_crm_id: bool = True  # an exported Trade CRM book updates by its CRM IDs; False reads it as any list

    def validate(self) -> None:
        if self.on_duplicate not in POLICIES:
            raise ValidationError("on_duplicate", f'"{self.on_duplicate}" is not one of {", ".join(POLICIES)}')
        if self.unmapped not in UNMAPPED_CHOICES:
            raise ValidationError("unmapped", f'"{self.unmapped}" is not one of {", ".join(UNMAPPED_CHOICES)}')
        for key, action in self.decisions.items():
            if action not in POLICIES:
                raise ValidationError("decisions", f'row {key}: "{action}" is not one of {", ".join(POLICIES)}')


@dataclass(frozen=True)
class DuplicateMatch:
    customer_id: int
    customer_name: str
    rule: str  # "email", "phone", "domain", "name"
    score: float
    detail: str


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class PlannedCustomer:
    """One customer the import creates, merges into, or skips, with the rows it comes from."""

    key: int  # the first row's number: the handle for a per-match decision
    action: str  # "create", "merge" or "skip"; an exported book's: also "update" or "unchanged" (by CRM ID)
    name: str
    fields: Mapping[str, Any]
    contacts: tuple[PlannedContact, ...]
    tags: tuple[str, ...]
    custom_fields: Mapping[str, str]
    notes: str
    rows: tuple[int, ...]
    match: DuplicateMatch | None = None
    changes: tuple[FieldChange, ...] = ()  # a merge: the fields it fills (or replaces, with overwrite)
    new_contacts: int = 0  # contacts this customer gains


@dataclass(frozen=True)
class ImportPlan:
    path: str
    file_name: str
    sheet: str
    sheets: tuple[str, ...]  # the sheets a user can pick
    headers: tuple[str, ...]
    header_row: int | None
    columns: tuple[ColumnMapping, ...]
    customers: tuple[PlannedCustomer, ...]
    problems: tuple[RowProblem, ...]
    options: ImportOptions
    total_rows: int
    source_rows: Mapping[int, tuple[str, ...]] = field(default_factory=dict)  # rows with problems, as read
    notices: tuple[str, ...] = ()
    saved_mapping: str = ""
    batch_source: str = "other"  # Customer.source for new customers
    batch_tags: tuple[str, ...] = ()
    book: Any = None  # export_import.BookPlan when the file is an exported Trade CRM book

    @property
    def is_exported_book(self) -> bool:
        return self.book is not None

    __json_extra__ = ("counts",)

    @property
    def new_customers(self) -> int:
        return sum(1 for c in self.customers if c.action == "create")

    @property
    def merges(self) -> int:
        return sum(1 for c in self.customers if c.action == "merge")

    @property
    def skips(self) -> int:
        return sum(1 for c in self.customers if c.action == "skip")

    @property
    def updates(self) -> int:
        """Customers of an exported book that its rows change (found by CRM ID)."""
        return sum(1 for c in self.customers if c.action == "update")

    @property
    def unchanged(self) -> int:
        return sum(1 for c in self.customers if c.action == "unchanged")

    @property
    def new_contacts(self) -> int:
        return sum(c.new_contacts for c in self.customers if c.action != "skip")

    @property
    def error_rows(self) -> tuple[int, ...]:
        return tuple(sorted({p.row for p in self.problems if p.severity == "error"}))

    @property
    def problem_rows(self) -> tuple[int, ...]:
        return tuple(sorted({p.row for p in self.problems}))

    @property
    def counts(self) -> dict[str, int]:
        counts = {"rows": self.total_rows, "new_customers": self.new_customers, "new_contacts": self.new_contacts,
                  "merges": self.merges, "skips": self.skips, "rows_with_problems": len(self.problem_rows),
                  "rows_not_imported": len(self.error_rows)}
        if self.book is not None:
            counts.update(updates=self.updates, unchanged=self.unchanged)
        return counts


def _tick(progress: Progress | None, stage: str, done: int, total: int) -> None:
    if progress is not None:
        progress(stage, done, total)


def _check(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise ImportCancelled()


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


def _exported_book(path: str | Path, options: ImportOptions):
    """The file as an exported Trade CRM book (export_import_rows.ExportedBook), or None."""
    if not options.by_crm_id or not path:
        return None
    from trade_crm.exchange.importing.book.rows import read_book

    return read_book(path, options.sheet)


def _plan_book(book, options: ImportOptions, path: str, zone, progress, cancel) -> ImportPlan:
    from trade_crm.exchange.importing.book.reimport import plan_book

    return plan_book(book, options, path=path, zone=zone, progress=progress, cancel=cancel)


@collector_paused()
def plan_table(table: Table, options: ImportOptions = ImportOptions(), *, path: str = "",
               progress: Progress | None = None, cancel: Cancel | None = None,
               zone: tzinfo | None = None) -> ImportPlan:
    """Plan the import of a table already read (the wizard re-plans this way after each change).

    With the file's `path`, an exported Trade CRM book is planned as a whole (every sheet of it,
    or `options.sheet`), by CRM ID; `zone` is the user's, for the times it shows (default: this
    computer's).
    """
    options.validate()
    book = _exported_book(path, options) if table.kind == "workbook" else None
    if book is not None:
        return _plan_book(book, options, str(path), zone, progress, cancel)
    return _plan_rows(table, options, path=path, progress=progress, cancel=cancel)


def _plan_rows(table: Table, options: ImportOptions, *, path: str = "", progress: Progress | None = None,
               cancel: Cancel | None = None) -> ImportPlan:
    from trade_crm.exchange.importing import grouping

    columns, saved_name = map_columns(table, options)
    cleaner = RowCleaner(table.sheet, columns, default_country=options.default_country)
    cleaned, total = [], len(table.rows)
    for done, row in enumerate(table.rows, start=1):
        cleaned.append(cleaner.clean(row.number, row.cells))
        if done % 500 == 0:
            _check(cancel)
            _tick(progress, "cleaning", done, total)
    _tick(progress, "cleaning", total, total)
    _check(cancel)
    source, tags = grouping.batch_source(options)
    customers = grouping.plan_customers(cleaned, options, source, tags, progress=progress, cancel=cancel)
    unread = tuple(RowProblem(table.sheet, number, "", message, "error") for number, message in table.problems)
    problems = unread + tuple(p for row in cleaned for p in row.problems)  # unread: rows the reader refused
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
        header_row=table.header_row, columns=columns, customers=tuple(customers), problems=problems,
        options=options, total_rows=total + len(unread), source_rows=raw, notices=notices, saved_mapping=saved_name,
        batch_source=source, batch_tags=tags)


@collector_paused()
def build_plan(path: str | Path, options: ImportOptions = ImportOptions(), *, progress: Progress | None = None,
               cancel: Cancel | None = None, zone: tzinfo | None = None) -> ImportPlan:
    """Read the file and plan its import; nothing is written. Raises ReadError for a bad file.

    An exported Trade CRM book is recognised and planned by CRM ID (see plan_table).
    """
    options.validate()
    _tick(progress, "reading", 0, 1)
    book = _exported_book(path, options)
    table = read_table(path, options.sheet) if book is None else None
    _tick(progress, "reading", 1, 1)
    _check(cancel)
    if book is not None:
        return _plan_book(book, options, str(path), zone, progress, cancel)
    return _plan_rows(table, options, path=str(path), progress=progress, cancel=cancel)


@collector_paused()
def commit_import(plan: ImportPlan, clock, *, progress: Progress | None = None, cancel: Cancel | None = None):
    if plan.book is not None:
        from trade_crm.exchange.importing.book.commit import commit_book

        return commit_book(plan, clock, progress=progress, cancel=cancel)
    from trade_crm.exchange.importing.commit import commit_plan

    return commit_plan(plan, clock, progress=progress, cancel=cancel)


@collector_paused()
def undo_import(batch_id: int, clock):
    from trade_crm.exchange.importing.history import undo_batch

    return undo_batch(batch_id, clock)


def import_history():
    from trade_crm.exchange.importing.history import history

    return history()
