"""An exported book's rows and the plan of its import, as frozen dataclasses (ImportPlan.book).

They hold only what was read and decided, so the import's plan (importing.plan) can name them
without importing the round trip's readers, matching or writing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trade_crm.exchange.files.workbook import cell_text

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
