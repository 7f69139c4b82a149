"""What the rows of an exported book do to one customer's records (export_import_state).

Two ways to apply a row. A customer found by its CRM ID is *edited*: the user changed the file on
purpose, so every cell that differs from what is stored replaces it (an emptied cell empties the
field, the Tags cell replaces the tags), and an unchanged cell changes nothing, however it was
stored. A customer created from the file, or matched by name, email or phone as in any import, is
*filled*: cells fill empty fields (all fields with --overwrite), tags and contacts are added.

The Customers sheet repeats the primary contact's name, first email and first phone; they are
edits to that contact when they differ from what the export showed, so an edit on either sheet
applies and an untouched copy never undoes the other. Interactions and orders are matched by their
ID, else added unless the customer already has one just like it. Nothing is ever deleted because a
row is missing: a filtered export holds only part of the book.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import tzinfo

from trade_crm.domain.customers.orders import lifecycle_for_order_count
from trade_crm.domain.customers.records import clean_customer_fields
from trade_crm.domain.customers.timeline import CONTACT_KINDS
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.text import clean_block, clean_line
from trade_crm.domain.world.countries import UnknownCountryError, normalize_country
from trade_crm.exchange.exporting.columns import split_tags
from trade_crm.exchange.importing.book.contacts import ContactEdits
from trade_crm.exchange.importing.book.state import CustomerState, alike
from trade_crm.exchange.importing.book.timeline import TimelineEdits
from trade_crm.exchange.importing.plan import BookRow, FieldChange, RowProblem
from trade_crm.store.models import LIFECYCLES

FIELDS = {"company": "name", "alt_name": "alt_name", "country_code": "country", "city": "city", "address": "address", "website": "website",
          "source": "source", "industry": "industry", "products": "products", "company_size": "company_size",
          "rating": "rating", "language": "preferred_language", "currency": "currency", "notes": "notes",
          "follow_up": "follow_up_on"}
_NOT_FILLED = frozenset({"name", "source"})  # a match keeps its own name and source


@dataclass
class EditContext:
    zone: tzinfo
    now: str  # UTC, as stored
    overwrite: bool = False  # a fill replaces filled fields too (--overwrite)
    keep_ids: bool = False  # new rows take the ids they have in the file (an empty book)
    owners: dict = field(default_factory=dict)  # "contacts"... -> {id: its customer}, for the ids a file names
    problems: list[RowProblem] = field(default_factory=list)
    batch_source: str = "other"  # --source: a created customer's source when its row gives none
    batch_tags: tuple[str, ...] = ()  # --source (a trade show) and --tag: added to every customer written


class Editor(ContactEdits, TimelineEdits):
    """Applies one customer's rows to its state; `changes` says what a stored customer gets."""

    def __init__(self, state: CustomerState, ctx: EditContext, *, edit: bool):
        self.state, self.ctx, self.edit = state, ctx, edit
        self.creating = state.id is None
        self.changes: list[FieldChange] = []
        self.new_contacts = 0
        self.timeline_changed = False
        self.orders_added = 0
        self.flagged_primary = False  # a Contacts row said which contact is the primary one

    def warn(self, row: BookRow, key: str, message: str, severity: str = "warning") -> None:
        self.ctx.problems.append(RowProblem(row.sheet, row.number, row.header(key) if key else "", message, severity))

    def moved(self, row: BookRow, key: str) -> bool:
        """Whether the row's own ID is a contact, entry or order of another customer (refused, said so)."""
        owner = self.ctx.owners.get(row.kind, {}).get(row.own_id) if self.edit and row.own_id is not None else None
        if owner is None or owner == self.state.id:
            return False
        what = {"contacts": "contact", "interactions": "entry", "orders": "order"}[row.kind]
        self.warn(row, key, f"{what} {row.own_id} belongs to customer {owner}; move it in the app. This row is "
                            "not imported", "error")
        return True

    def note(self, what: str, old: object = "", new: object = "") -> None:
        if not self.creating:
            self.changes.append(FieldChange(what, "" if old is None else str(old), "" if new is None else str(new)))

    def apply(self, customer: BookRow | None, contacts: list[BookRow], interactions: list[BookRow],
              orders: list[BookRow]) -> None:
        baseline = self._primary_view()  # what the Customers sheet showed
        if customer is not None:
            self.customer_row(customer)
        for row in contacts:
            self.contact_row(row)
        if customer is not None:
            self.primary_cells(customer, baseline)
        for row in interactions:
            self.interaction_row(row)
        for row in orders:
            self.order_row(row)
        self.finish(customer)

    # --- the customer -----------------------------------------------------------------------------

    def offer(self, column: str, value) -> None:
        record = self.state.row
        old = record.get(column)
        if self.edit:
            if alike(column, old, value):
                return
        elif value in (None, "") or (not self.creating and (column in _NOT_FILLED or (
                old not in (None, "") and not self.ctx.overwrite and column != "notes"))):
            return
        if column == "notes" and not self.edit and not self.creating:
            if value in (old or ""):
                return
            value = f"{old}\n\n{value}".strip() if old else value
        if record.set(column, value):
            self.note(column, old, value)

    def customer_row(self, row: BookRow) -> None:
        for key, column in FIELDS.items():
            if not row.has(key):
                continue
            raw = row.values.get(key)
            if column == "follow_up_on":
                self.offer(column, raw.isoformat() if raw else None)
                continue
            try:
                value = clean_customer_fields({column: raw or ""}, creating=False)[column]
            except ValidationError as exc:
                self.warn(row, key, f"{exc.message}; not imported")
                continue
            self.offer(column, value)
        if row.has("tags"):
            names = list({n.casefold(): n for n in (clean_line(t) for t in split_tags(row.values.get("tags", "")))
                          if n}.values())
            if self.edit:
                before = self.state.tags
                if self.state.set_tags(names):
                    self.note("tags", ", ".join(before), ", ".join(names))
            else:
                have = {t.casefold() for t in self.state.tags}
                added = [n for n in names if n.casefold() not in have]
                if added and self.state.set_tags(self.state.tags + added):
                    self.note("tags", "", ", ".join(added))
        for name, text in row.custom.items():
            value, old = clean_block(text), self.state.custom.get(name, "")
            if (self.edit or not old or self.ctx.overwrite) and (value or self.edit) and \
                    self.state.set_custom(name, value):
                self.note(f"custom:{name}", old, value)
        if self.edit:
            self._read_only_edits(row)

    def _read_only_edits(self, row: BookRow) -> None:
        """An edit in a column the export writes for reading: say that it does nothing."""
        stored = self.state.row
        stage = clean_line(row.values.get("stage", ""))
        shown = "lost" if stored.get("lost") else stored.get("lifecycle")
        if row.has("stage") and stage and stage != shown:
            self.warn(row, "stage", f'the stage comes from the orders (or "lost" set in the app); "{stage}" '
                                    "is not imported")
        name = clean_line(row.values.get("country", ""))
        if row.has("country") and name:
            try:
                code = normalize_country(name)
            except UnknownCountryError:
                code = None
            if code and code != stored.get("country"):
                self.warn(row, "country", f'"{name}" is shown from the ISO code; to change the country, change '
                                          f'{row.header("country_code")}')

    # --- what follows from the rest ---------------------------------------------------------------

    def finish(self, customer: BookRow | None) -> None:
        record, state = self.state.row, self.state
        have = {t.casefold() for t in state.tags}
        added = [t for t in self.ctx.batch_tags if t.casefold() not in have]
        if added and state.set_tags(state.tags + added):
            self.note("tags", "", ", ".join(added))
        if self.creating and not (customer is not None and customer.values.get("source")):
            record.set("source", self.ctx.batch_source)
        if self.creating:
            stage = clean_line((customer.values.get("stage") if customer else "") or "").lower()
            record.set("lost", stage == "lost")
            record.set("lifecycle", stage if stage in LIFECYCLES and stage != "lost"
                       else lifecycle_for_order_count(len(state.orders)))
            created = customer.values.get("created") if customer else None
            record.set("created_at", self._instant(created) if created else self.ctx.now)
            record.set("updated_at", self.ctx.now)
            if state.contacts and not any(c.is_primary for c in state.contacts):
                state.contacts[0].values["is_primary"] = True
        elif self.orders_added:
            record.set("lifecycle", lifecycle_for_order_count(len(state.orders)))
        if self.timeline_changed or self.creating:
            contact = [r.get("occurred_at") for r in state.interactions if r.get("kind") in CONTACT_KINDS]
            last = max(contact, default=None)
            if last is None and self.creating and customer is not None and customer.values.get("last_contact"):
                last = self._instant(customer.values["last_contact"])
            record.set("last_contact_at", last)
