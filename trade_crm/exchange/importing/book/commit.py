"""Write the import of an exported book in one transaction, with a journal an undo replays exactly.

The rows are applied again to the records as they are inside the transaction (export_import), then
every record is written as it now differs from what was stored: new rows inserted (a created
customer's under the IDs they had in the file when the book is empty), changed columns updated,
channels, tags and custom values that an edit took away deleted. The batch writer (importing.writer)
hands out the ids and keeps the typed journal: the id of every row added and the old values of every
row changed or deleted, so `import undo` restores the book.
"""

from __future__ import annotations

from dataclasses import replace

from trade_crm.domain.clock import Clock
from trade_crm.exchange.importing.book.edits import EditContext, Editor
from trade_crm.exchange.importing.book.reimport import apply_all
from trade_crm.exchange.importing.book.state import (
    CUSTOMER_COLUMNS,
    ContactState,
    CustomerState,
    book_is_empty,
    existing_customers,
)
from trade_crm.exchange.importing.journal import Added, Changed, Deleted, Merged, TagLink
from trade_crm.exchange.importing.plan import BookEntity, ImportPlan, ImportResult
from trade_crm.exchange.importing.progress import Cancel, Progress, tick
from trade_crm.exchange.importing.writer import BatchWriter, page_cache, utc_stamp
from trade_crm.store import search, sql_rows
from trade_crm.store.models import database

_TABLES = ("customer", "contact", "contact_channel", "interaction", "orders", "custom_field_value")
_OWN = {"contact": "contacts", "interaction": "interactions", "orders": "orders"}


class BookWriter:
    """Writes one customer's records at a time, through the batch writer and into its journal."""

    def __init__(self, batch: BatchWriter, entities: list[BookEntity], keep_ids: bool):
        self.batch, self.plan, self.now, self.keep_ids = batch, batch.plan, batch.now, keep_ids
        self.cur, self.journal = batch.cur, batch.journal
        self.counts = dict.fromkeys(("created", "merged", "updated", "unchanged", "contacts_created"), 0)
        self.touched: list[int] = []
        self.tag_names: dict[str, str] = {}  # folded -> the first spelling met: "vip" and "VIP" are one tag
        for table in _TABLES:
            kept: list[int] = []
            if keep_ids and table == "customer":
                kept = [e.keep_id for e in entities if e.keep_id is not None]
            elif keep_ids and table in _OWN:
                kept = [r.own_id for e in entities for r in getattr(e, _OWN[table]) if r.own_id is not None]
            batch.reserve(table, kept)

    def new_id(self, table: str, wanted: int | None = None) -> int:
        return self.batch.new_id(table, wanted if self.keep_ids else None)

    def tag_id(self, name: str) -> int:
        return self.batch.tag_id(self.tag_names.setdefault(name.casefold(), name))

    # --- one customer ----------------------------------------------------------------------------

    def write(self, entity: BookEntity, editor: Editor) -> None:
        state, journal = editor.state, self.journal
        if state.id is None:
            customer_id = self._create(entity, state)
            journal.record(Added("customer", customer_id))
            self.counts["created"] += 1
        elif not editor.changes:
            self.counts["merged" if entity.action == "merge" else "unchanged"] += 1
            return
        else:
            customer_id = state.id
            changed = state.row.changed
            if changed or state.old_tags is not None or state.old_custom:
                changed["updated_at"] = state.row.get("updated_at")
                state.row.values["updated_at"] = self.now
            if changed:
                journal.record(Changed("customer", customer_id, changed))
                self.batch.update("customer", customer_id, {c: state.row.get(c) for c in changed})
            journal.record(Merged(customer_id))
            self.counts["merged" if entity.action == "merge" else "updated"] += 1
        self._tags(customer_id, state)
        self._custom(customer_id, state)
        self._contacts(customer_id, state)
        self._timeline(customer_id, state)
        self._import_entry(customer_id, entity, created=state.id is None)
        state.row.id, state.row.old = customer_id, {}
        self.touched.append(customer_id)

    def _create(self, entity: BookEntity, state: CustomerState) -> int:
        customer_id = self.new_id("customer", state.row.new_id)
        values = state.row.values
        if not values.get("name"):
            primary = state.primary()
            values["name"] = entity.name or (primary and (primary.get("name") or next(
                iter(primary.channel_values()), ""))) or f"Customer {customer_id}"
        self.batch.insert("customer", {"id": customer_id, **{c: values.get(c) for c in CUSTOMER_COLUMNS}})
        return customer_id

    def _tags(self, customer_id: int, state: CustomerState) -> None:
        created = state.id is None
        if state.old_tags is None and not created:
            return
        before = {t.casefold() for t in (state.old_tags or [])} if not created else set()
        after = {t.casefold() for t in state.tags}
        for name in state.old_tags or []:
            if name.casefold() not in after:
                tag_id = self.tag_id(name)
                self.cur.execute("DELETE FROM customer_tag WHERE customer_id = ? AND tag_id = ?", (customer_id, tag_id))
                self.journal.record(TagLink(customer_id, tag_id, added=False))
        for name in state.tags:
            if name.casefold() not in before:
                tag_id = self.tag_id(name)
                added = sql_rows.insert_ignore("customer_tag", ("customer_id", "tag_id"), [(customer_id, tag_id)])
                if added and not created:
                    self.journal.record(TagLink(customer_id, tag_id))
        state.old_tags = None

    def _custom(self, customer_id: int, state: CustomerState) -> None:
        names = state.custom if state.id is None else state.old_custom
        for name in names:
            value, field_id = state.custom.get(name), self.batch.field_id(name)
            row = None if state.id is None else self.cur.execute(
                "SELECT id, value FROM custom_field_value WHERE customer_id = ? AND field_id = ?",
                (customer_id, field_id)).fetchone()
            if value and row is None:
                value_id = self.new_id("custom_field_value")
                self.batch.insert("custom_field_value", {"id": value_id, "customer_id": customer_id, "field_id": field_id,
                                                    "value": value})
                if state.id is not None:
                    self.journal.record(Added("custom_field_value", value_id))
            elif value and row[1] != value:
                self.journal.record(Changed("custom_field_value", row[0], {"value": row[1]}))
                self.batch.update("custom_field_value", row[0], {"value": value})
            elif not value and row is not None:
                self.cur.execute("DELETE FROM custom_field_value WHERE id = ?", (row[0],))
                self.journal.record(Deleted("custom_field_value", (row[0], customer_id, field_id, row[1])))
        state.old_custom = {}

    def _contacts(self, customer_id: int, state: CustomerState) -> None:
        stored, journal = state.id is not None, self.journal
        for contact in state.contacts:
            if contact.id is None:
                contact.id = self.new_id("contact", contact.new_id)
                self.batch.insert("contact", {"id": contact.id, "customer_id": customer_id, **contact.values})
                self.counts["contacts_created"] += 1
                if stored:
                    journal.record(Added("contact", contact.id))
            elif changed := contact.changed:
                changed.setdefault("updated_at", contact.get("updated_at"))
                contact.values["updated_at"] = self.now
                journal.record(Changed("contact", contact.id, changed))
                self.batch.update("contact", contact.id, {c: contact.get(c) for c in changed})
            self._channels(contact, stored)
            contact.old = {}

    def _channels(self, contact: ContactState, stored: bool) -> None:
        for channel in contact.removed:
            self.cur.execute("DELETE FROM contact_channel WHERE id = ?", (channel.id,))
            old = {**channel.values, **channel.old}
            self.journal.record(Deleted("contact_channel", (channel.id, contact.id, old["kind"], old["value"], old["raw"],
                                                            old["position"])))
        contact.removed = []
        for channel in contact.channels:
            if channel.id is None:
                channel.id = self.new_id("contact_channel")
                self.batch.insert("contact_channel", {"id": channel.id, "contact_id": contact.id, **channel.values})
                if stored:
                    self.journal.record(Added("contact_channel", channel.id))
            elif changed := channel.changed:
                self.journal.record(Changed("contact_channel", channel.id, changed))
                self.batch.update("contact_channel", channel.id, {c: channel.get(c) for c in changed})
            channel.old = {}

    def _timeline(self, customer_id: int, state: CustomerState) -> None:
        stored = state.id is not None
        for table, records in (("interaction", state.interactions), ("orders", state.orders)):
            for record in records:
                contact = record.values.get("contact_id")
                if isinstance(contact, ContactState):
                    record.values["contact_id"] = contact.id
                if record.id is None:
                    record.id = self.new_id(table, record.new_id)
                    self.batch.insert(table, {"id": record.id, "customer_id": customer_id, **record.values})
                    if stored:
                        self.journal.record(Added(table, record.id))
                elif changed := record.changed:
                    self.journal.record(Changed(table, record.id, changed))
                    self.batch.update(table, record.id, {c: record.get(c) for c in changed})
                record.old = {}

    def _import_entry(self, customer_id: int, entity: BookEntity, created: bool) -> None:
        where: dict[str, list[int]] = {}
        for row in entity.rows:
            where.setdefault(row.sheet, []).append(row.number)
        body = "; ".join(f"{sheet} row{'s' if len(rows) > 1 else ''} "
                         + ", ".join(map(str, rows[:20])) + (" ..." if len(rows) > 20 else "")
                         for sheet, rows in where.items())
        source = self.plan.options.source
        interaction_id = self.new_id("interaction")
        self.batch.insert("interaction", {"id": interaction_id, "customer_id": customer_id, "kind": "import",
                                     "occurred_at": self.now, "summary": f"Imported from {self.plan.file_name}",
                                     "body": "\n".join(x for x in (f"Source: {source}" if source else "", body) if x),
                                     "created_at": self.now})
        if not created:
            self.journal.record(Added("interaction", interaction_id))


def _recheck(entities: tuple[BookEntity, ...]) -> list[BookEntity]:
    """The plan's entities against the book as it is now: a customer deleted since the preview is created."""
    alive = existing_customers([e.target for e in entities if e.target is not None])
    return [e if e.target is None or e.target in alive else replace(e, action="create", target=None, keep_id=None)
            for e in entities]


def commit_book(plan: ImportPlan, clock: Clock, *, progress: Progress | None = None,
                cancel: Cancel | None = None) -> ImportResult:
    """Write the import of an exported book in one transaction; an error or a cancel writes nothing."""
    book = plan.book
    with page_cache(), database.atomic():
        batch = BatchWriter(plan, utc_stamp(clock.now()))
        keep_ids = book.keep_ids and book_is_empty()
        entities = _recheck(book.entities)
        writer = BookWriter(batch, entities, keep_ids)
        ctx = EditContext(clock.zone, batch.now, overwrite=plan.options.overwrite, keep_ids=keep_ids,
                          batch_source=plan.batch_source, batch_tags=plan.batch_tags)
        for entity, editor in apply_all(entities, ctx, cancel=cancel, progress=progress, stage="writing"):
            writer.write(entity, editor)
        search.reindex(database.obj, writer.touched)
        counts = writer.counts
        skipped = sum(1 for e in entities if e.action == "skip")
        result = ImportResult(batch.batch_id, counts["created"], counts["merged"] + counts["updated"], skipped,
                              counts["contacts_created"], plan.problems, updated=counts["updated"],
                              unchanged=counts["unchanged"])
        batch.finish({"sheet": plan.sheet, "rows": plan.total_rows, "created": result.created,
                      "merged": result.merged, "updated": result.updated, "unchanged": result.unchanged,
                      "skipped": result.skipped, "contacts_created": result.contacts_created,
                      "rows_with_problems": len(plan.problem_rows), "rows_not_imported": len(plan.error_rows)})
    tick(progress, "writing", len(entities), len(entities))
    return result
