"""Import a workbook the exporter wrote: by CRM ID, as updates, with its contacts, timeline and orders.

The export is the user's own book in Excel; what they changed in it should change the book. So a
row whose CRM ID is a customer of this book *edits* that customer (export_import_edits): only the
cells that differ from what is stored apply, emptied cells empty the field, the read-only columns
(Country name, Stage, Last contact, Orders, Order total, Order currency, Created) change nothing.
Contacts are found by their Contact CRM ID, interactions and orders by theirs.

Rows without a CRM ID, or with one this book does not have (a deleted customer, another book),
are new customers and go through the ordinary matching by email, phone, domain and name, with the
same policy and per-match decisions as any import. Into an empty book nothing can match: every
customer, contact, interaction and order is created with the ID it has in the file, so a book
restored from its export exports the same again. A file whose CRM IDs belong to another book
(most of its names and channels differ from the customers with those IDs here) is read the same
way, by matching, never by ID.

`plan_book` applies every row to a copy of the stored records to preview what changes; the commit
(book.commit) does the same again inside its transaction, against the book as it is then.
"""

from __future__ import annotations

from datetime import tzinfo

from trade_crm.domain.clock import local_zone
from trade_crm.exchange.importing.book.edits import EditContext, Editor
from trade_crm.exchange.importing.book.match import group_rows, resolve
from trade_crm.exchange.importing.book.rows import READ_ONLY, ExportedBook
from trade_crm.exchange.importing.book.state import CustomerState, load_states, new_customer, owners
from trade_crm.exchange.importing.grouping import batch_source
from trade_crm.exchange.importing.layout.headers import ColumnMapping
from trade_crm.exchange.importing.plan import (
    BookEntity,
    BookPlan,
    BookSheet,
    DuplicateMatch,
    ImportOptions,
    ImportPlan,
    PlannedContact,
    PlannedCustomer,
    RowProblem,
)
from trade_crm.exchange.importing.progress import Cancel, Progress, check, tick

_CHUNK = 500


# --- applying the rows --------------------------------------------------------------------------

def apply_all(entities: list[BookEntity], ctx: EditContext, *, cancel: Cancel | None = None,
              progress: Progress | None = None, stage: str = "matching"):
    """Yield (entity, editor) for every entity not skipped, its rows applied to the stored records."""
    writable = [e for e in entities if e.action != "skip"]
    for start in range(0, len(writable), _CHUNK):
        chunk = writable[start:start + _CHUNK]
        states = load_states([e.target for e in chunk if e.target is not None])
        ctx.owners = {}
        for kind, table in (("contacts", "contact"), ("interactions", "interaction"), ("orders", "orders")):
            named = [r.own_id for e in chunk if e.action == "update" for r in getattr(e, kind) if r.own_id is not None]
            ctx.owners[kind] = owners(table, named) if named else {}
        for entity in chunk:
            state = states.get(entity.target) if entity.target is not None else None
            editor = Editor(state or new_customer(entity.keep_id if ctx.keep_ids else None), ctx,
                            edit=entity.action == "update" and state is not None)
            editor.apply(entity.customer, list(entity.contacts), list(entity.interactions), list(entity.orders))
            yield entity, editor
        check(cancel)
        tick(progress, stage, start + len(chunk), len(writable))


def _planned(entity: BookEntity, editor: Editor | None, match: DuplicateMatch | None) -> PlannedCustomer:
    rows = tuple(r.number for r in entity.rows)
    if editor is None:
        return PlannedCustomer(entity.key, "skip", entity.name, {}, (), (), {}, "", rows, match)
    state: CustomerState = editor.state
    action = entity.action
    if action == "update" and not editor.changes:
        action = "unchanged"
    elif action == "update" and editor.creating:
        action = "create"  # deleted since it was exported
    fields = {k: v for k, v in state.row.values.items() if v not in (None, "", 0) and k not in
              ("created_at", "updated_at", "last_contact_at", "lifecycle")} if editor.creating else \
        {c.field: c.new for c in editor.changes if c.field in state.row.values}
    contacts = tuple(PlannedContact(name=c.get("name") or "", title=c.get("title") or "",
                                    emails=tuple(c.channel_values("email")),
                                    phones=tuple((v, v) for v in c.channel_values("phone")), notes=c.get("notes") or "")
                     for c in state.contacts if c.id is None)
    return PlannedCustomer(entity.key, action, state.row.get("name") or entity.name, fields, contacts,
                           tuple(state.tags), dict(state.custom), state.row.get("notes") if editor.creating else "",
                           rows, match, tuple(editor.changes), editor.new_contacts)


def _columns(sheet: BookSheet) -> tuple[ColumnMapping, ...]:
    """The columns as the wizard's mapping shows them: what each feeds, "ignore" for IDs and read-only ones."""
    targets = {"company": "company", "country_code": "country", "contact": "contact_name", "name": "contact_name",
               "language": "preferred_language", "follow_up": "follow_up_on"}
    out = []
    for index, (key, header) in enumerate(zip(sheet.keys, sheet.headers, strict=True)):
        if key is None:
            target = "custom" if sheet.kind == "customers" and header else "ignore"
        elif key in READ_ONLY or key == "id" or key.endswith("_id"):
            target = "ignore"
        else:
            target = targets.get(key, key)
        out.append(ColumnMapping(index, header, target, header if target == "custom" else "", origin="layout"))
    return tuple(out)


def plan_book(book: ExportedBook, options: ImportOptions, *, path: str = "", zone: tzinfo | None = None,
              progress: Progress | None = None, cancel: Cancel | None = None) -> ImportPlan:
    """Plan the import of an exported book (see the module's description); nothing is written."""
    problems: list[RowProblem] = list(book.problems)
    notices = list(book.notices)
    tick(progress, "cleaning", 0, 1)
    entities, keep_ids, foreign, matches = resolve(group_rows(book, problems), options, notices)
    tick(progress, "cleaning", 1, 1)
    source, tags = batch_source(options)
    ctx = EditContext(zone or local_zone(), "", overwrite=options.overwrite, keep_ids=keep_ids, problems=problems,
                      batch_source=source, batch_tags=tags)
    planned = {e.key: _planned(e, editor, matches.get(e.key))
               for e, editor in apply_all(entities, ctx, cancel=cancel, progress=progress)}
    customers = tuple(planned.get(e.key) or _planned(e, None, matches.get(e.key)) for e in entities)
    problem_rows = {(p.sheet, p.row) for p in problems}
    source_rows = {(s.title, r.number): r.cells for s in book.sheets for r in s.rows
                   if (s.title, r.number) in problem_rows}
    main = next((s for s in book.sheets if s.kind == "customers"), book.sheets[0])
    return ImportPlan(
        path=path, file_name=book.file_name, sheet=", ".join(s.title for s in book.sheets),
        sheets=tuple(s.name for s in book.all_sheets if not s.is_chart), headers=main.headers, header_row=1,
        columns=_columns(main), customers=customers, problems=tuple(problems), options=options,
        total_rows=sum(len(s.rows) for s in book.sheets), source_rows={}, notices=tuple(notices),
        batch_source=source, batch_tags=tags,
        book=BookPlan(book.sheets, tuple(entities), keep_ids, foreign, source_rows))

