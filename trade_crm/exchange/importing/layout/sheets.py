"""Which sheet of a workbook is the contact list: each sheet scored by what its rows hold.

A workbook from a trade show often has an events sheet, a hall layout, sponsors and the exhibitor
list side by side. The sheet whose rows most often carry a company, an email, a phone or a web
address (by their columns' mapping and by their values' shapes) wins; the choice and the other
sheets' scores go into a notice, so nobody gets an events sheet as 108 customers without being told,
and the wizard's sheet picker offers the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from trade_crm.exchange.importing.layout.column_choice import auto_map
from trade_crm.exchange.importing.layout.evidence import SAMPLE, row_is_contact

CONTACT_FIELDS = frozenset({"company", "alt_name", "contact_name", "first_name", "last_name", "email", "phone",
                            "whatsapp", "wechat"})
WEAK = 0.3  # a chosen sheet with fewer contact-like rows than this share is said not to look like a list


class _Row(Protocol):
    cells: tuple[str, ...]


class SheetTable(Protocol):
    """What is scored of a sheet read as a table (readers.Table)."""

    sheet: str
    headers: tuple[str, ...]
    rows: tuple[_Row, ...]
    blank_headers: tuple[bool, ...]


@dataclass(frozen=True)
class SheetScore:
    """How much one sheet looks like a contact list: of its `rows`, about `contact_rows` hold a
    company, a person with an email or phone, or a web address (estimated from the first SAMPLE)."""

    name: str
    rows: int
    contact_rows: int
    named_rows: int  # rows with anything in a company, name, email or phone column

    @property
    def share(self) -> float:
        return self.contact_rows / self.rows if self.rows else 0.0

    @property
    def weak(self) -> bool:
        return self.share < WEAK


def score_sheet(table: SheetTable) -> SheetScore:
    sample = [row.cells for row in table.rows[:SAMPLE]]
    columns = auto_map(table.headers, sample, blank=table.blank_headers)
    identity = [c.index for c in columns if c.target in CONTACT_FIELDS]
    named = contacts = 0
    for cells in sample:
        if any(i < len(cells) and cells[i].strip() for i in identity):
            named += 1
            contacts += row_is_contact(cells)
    scale = len(table.rows) / len(sample) if sample else 0.0
    return SheetScore(table.sheet, len(table.rows), round(contacts * scale), round(named * scale))


def choose_sheet(tables: Sequence[SheetTable], offered: int) -> tuple[int, tuple[SheetScore, ...]]:
    """The index of the best sheet, and every sheet's score (the chosen one first, then file order).
    A workbook that `offered` one sheet only is not scored: there was nothing to choose."""
    if offered < 2 and len(tables) == 1:
        return 0, ()
    scores = [score_sheet(t) for t in tables]
    best = max(range(len(tables)), key=lambda i: (scores[i].contact_rows, scores[i].named_rows, scores[i].rows, -i))
    return best, (scores[best], *(s for i, s in enumerate(scores) if i != best))


def choice_notice(scores: Sequence[SheetScore]) -> str:
    """The choice in one English line (the plan's notices, --dry-run); the wizard says it translated."""
    chosen, others = scores[0], scores[1:]
    text = (f'sheet "{chosen.name}" was chosen: {chosen.contact_rows} of {chosen.rows} rows look like contacts '
            "(a company, email, phone or website)")
    if others:
        text += "; the other sheets: " + ", ".join(f'"{s.name}" ({s.contact_rows} of {s.rows})' for s in others)
    if chosen.weak:
        text += ". It does not look like a contact list: check that it is the right sheet (--sheet NAME)"
    return text
