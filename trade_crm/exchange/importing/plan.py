"""What an import will do, as frozen dataclasses: the wizard previews them, `--dry-run` prints them.
An exported Trade CRM book read back (importing/book/) has its rows and plan here too (ImportPlan.book).

Every step of the import reads or returns these (the cleaner its RowProblems and PlannedContacts,
the grouping its PlannedCustomers, the facade the ImportPlan, the commit the ImportResult), so
they sit below all of them and import none of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from trade_crm.domain.errors import ValidationError
from trade_crm.exchange.files.workbook import cell_text
from trade_crm.exchange.importing.layout.headers import UNMAPPED_CHOICES, ColumnMapping

POLICIES = ("merge", "skip", "create")
PROBLEM_COLUMN = "Import problems"  # the error report's last column; ignored when its file comes back


@dataclass(frozen=True)
class RowProblem:
    """Something wrong with one cell or row, said so a person can fix it in the file."""

    sheet: str
    row: int
    column: str
    message: str
    severity: str = "warning"  # "error": the row is not imported


@dataclass(frozen=True)
class PlannedContact:
    name: str = ""
    title: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[tuple[str, str], ...] = ()  # (value, raw): E.164 when read, else the text as typed
    whatsapp: tuple[str, str] | None = None
    wechat: str = ""
    skype: str = ""
    linkedin: str = ""
    birthday: date | None = None
    notes: str = ""
    row: int = 0


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
    follow_up_days: int | None = None  # new customers' first follow-up in N days; 0 none; None: 3 for a trade show

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


OUTCOMES = ("created", "merged", "joined", "skipped", "refused", "ignored")


@dataclass(frozen=True)
class RowOutcome:
    """What became of one row read: every row ends in exactly one of OUTCOMES, so the counts add up.

    created: the first row of a new customer; merged: into the book's customer `target`; joined: the
    customer that row `target` of the file creates; skipped: a match the user chose to skip; refused:
    a row with an error (`reason`); ignored: a total, a repeated header, a title or date line (`reason`).
    """

    row: int
    outcome: str
    target: int | None = None
    reason: str = ""


@dataclass(frozen=True)
class PossibleDuplicate:
    """Two customers kept apart although alike (a similar name, a shared phone or domain) because other
    evidence conflicts ("Stadt A" and "Stadt B", each with its own website): the user may merge them later."""

    key: int  # the PlannedCustomer.key of the row's customer
    other_key: int | None  # the other planned customer's key, or None for one in the book
    customer_id: int | None  # the customer in the book, or None
    name: str
    other_name: str
    why: str  # what is alike and what conflicts, for a person


def outcome_counts(outcomes: tuple[RowOutcome, ...]) -> dict[str, int]:
    counts = dict.fromkeys(OUTCOMES, 0)
    for outcome in outcomes:
        counts[outcome.outcome] += 1
    return counts


def account_rows(numbers: list[int], customers: tuple[PlannedCustomer, ...], problems: tuple[RowProblem, ...],
                 ignored: Mapping[int, str]) -> tuple[RowOutcome, ...]:
    """One outcome for each row read (`numbers`), in file order: where it went, or why it did not."""
    outcome: dict[int, RowOutcome] = {}
    for customer in customers:
        first = customer.rows[0] if customer.rows else None
        for row in customer.rows:
            if customer.action == "merge" and customer.match is not None:
                outcome[row] = RowOutcome(row, "merged", customer.match.customer_id)
            elif customer.action == "skip":
                outcome[row] = RowOutcome(row, "skipped", customer.match.customer_id if customer.match else None)
            elif row == first:
                outcome[row] = RowOutcome(row, "created")
            else:
                outcome[row] = RowOutcome(row, "joined", first)
    errors: dict[int, list[str]] = {}
    for problem in problems:
        if problem.severity == "error":
            errors.setdefault(problem.row, []).append(problem.message)
    return tuple(outcome.get(n) or (RowOutcome(n, "ignored", reason=ignored[n]) if n in ignored else
                                    RowOutcome(n, "refused", reason="; ".join(errors.get(n, ())) or "not imported"))
                 for n in numbers)


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
    book: BookPlan | None = None  # the file is an exported Trade CRM book, read by CRM ID
    outcomes: tuple[RowOutcome, ...] = ()  # one per row read, in file order (a list, not a book)
    possible_duplicates: tuple[PossibleDuplicate, ...] = ()

    @property
    def is_exported_book(self) -> bool:
        return self.book is not None

    __json_extra__ = ("counts", "row_outcomes")

    @property
    def row_outcomes(self) -> dict[str, int]:
        """How many rows read end in each outcome (created, merged, joined, ...): they add up to the rows read."""
        return outcome_counts(self.outcomes)

    @property
    def ignored(self) -> tuple[RowOutcome, ...]:
        return tuple(o for o in self.outcomes if o.outcome == "ignored")

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


@dataclass(frozen=True)
class ImportResult:
    batch: int | None
    created: int
    merged: int
    skipped: int
    contacts_created: int
    errors: tuple[RowProblem, ...] = ()
    dry_run: bool = False
    updated: int = 0  # an exported book: customers changed by CRM ID (counted in `merged` too)
    unchanged: int = 0  # an exported book: customers found by CRM ID with nothing to change
    rows: int = 0  # rows read
    row_outcomes: Mapping[str, int] = field(default_factory=dict)  # outcome -> rows; they add up to `rows`


# --- an exported Trade CRM book, read back (importing/book/) ---

OWN_ID = {"contacts": "contact_id", "interactions": "interaction_id", "orders": "order_id"}


@dataclass(frozen=True)
class BookRow:
    sheet: str  # the sheet's title, as problems name it
    kind: str  # "customers", "contacts", "interactions" or "orders"
    number: int  # the row in the sheet
    values: dict  # column key -> typed value, for the columns the sheet has and that could be read
    custom: dict = field(default_factory=dict)  # customers: a custom field's name -> text
    raw: tuple = ()  # the row's cells as read, for the error report (`cells`)
    columns: frozenset = frozenset()  # the column keys its sheet has (an empty cell is a cleared value)
    headers: dict = field(default_factory=dict)  # column key -> the header, to name it in a problem

    @property
    def cells(self) -> tuple[str, ...]:
        """The row as text, as the error report writes it."""
        return tuple(text_of(v) for v in self.raw)

    def has(self, key: str) -> bool:
        return key in self.columns

    def header(self, key: str) -> str:
        return self.headers.get(key, key)

    @property
    def crm_id(self) -> int | None:
        return self.values.get("id")

    @property
    def own_id(self) -> int | None:
        """The Contact CRM ID, Interaction ID or Order ID of the row."""
        return self.values.get(OWN_ID.get(self.kind, ""))

    @property
    def company(self) -> str:
        return self.values.get("company") or ""


@dataclass(frozen=True)
class BookSheet:
    title: str
    kind: str
    headers: tuple[str, ...]
    keys: tuple[str | None, ...]
    rows: tuple[BookRow, ...]


@dataclass(frozen=True)
class BookEntity:
    """One customer of the file: its Customers row (if any) and the rows of the other sheets for it."""

    key: int
    crm_id: int | None
    customer: BookRow | None
    contacts: tuple[BookRow, ...] = ()
    interactions: tuple[BookRow, ...] = ()
    orders: tuple[BookRow, ...] = ()
    action: str = "create"  # "update" (by CRM ID), "merge" (a match), "create" or "skip"
    target: int | None = None  # the stored customer updated or merged into
    keep_id: int | None = None  # a created customer's id: its CRM ID, in an empty book

    @property
    def rows(self) -> tuple[BookRow, ...]:
        return ((self.customer,) if self.customer else ()) + self.contacts + self.interactions + self.orders

    @property
    def name(self) -> str:
        return next((r.company for r in self.rows if r.company), "")


@dataclass(frozen=True)
class BookPlan:
    sheets: tuple[BookSheet, ...]
    entities: tuple[BookEntity, ...]
    keep_ids: bool = False
    foreign: bool = False
    source_rows: dict = field(default_factory=dict)  # (sheet, row) -> cells, for rows with problems


def text_of(value: object) -> str:
    return value if isinstance(value, str) else cell_text(value)
