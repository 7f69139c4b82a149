"""`trade-crm import FILE`, `trade-crm import history` and `trade-crm import undo BATCH_ID`.

One command with a first word that is a file, "history" or "undo", so the spelling the user
learns (`import FILE`, `import history`, `import undo 7`) works with the parser frame as it is.

A workbook written by `trade-crm export` is recognised by itself and imported by CRM ID: its rows
update the customers they name ("updated" in the report, counted in "merged" too), and the
Contacts, Interactions and Orders sheets come along. `--as-list` reads it like any other list.

Exit codes as the README says: 2 for an input the user must fix (a file that cannot be read, a
password-protected workbook, a list with no row that can be imported; the report is still printed
and nothing is written), 1 for a file that does not exist.
"""

from __future__ import annotations

from pathlib import Path

from trade_crm.cli.base import (
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    Command,
    CommandError,
    Context,
    country_arg,
    table,
)
from trade_crm.cli.commands.import_whatsapp import import_whatsapp
from trade_crm.domain.errors import ValidationError

KEYWORDS = ("history", "undo", "whatsapp")


def arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help='the file to import (.xlsx .xlsm .xls .csv .txt .vcf); '
                                                     'or "history" to list imports, or "undo BATCH_ID", or '
                                                     '"whatsapp CHAT" for a chat exported from WhatsApp (.txt, .zip)')
    parser.add_argument("batch", nargs="?", metavar="BATCH_ID", help='with "undo": the import to undo; with '
                                                                     '"whatsapp": the exported chat')
    parser.add_argument("--customer", type=_customer_id, metavar="ID",
                        help="with whatsapp: the customer the chat belongs to (default: matched by its number)")
    order = parser.add_mutually_exclusive_group()
    order.add_argument("--day-first", action="store_true",
                       help="with whatsapp: dates the chat cannot tell apart are day/month (default: the locale's)")
    order.add_argument("--month-first", action="store_true", help="with whatsapp: ... or month/day")
    parser.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: the one holding contacts)")
    parser.add_argument("--map", action="append", default=[], metavar="HEADER=FIELD",
                        help='map a column, e.g. --map "Firma=company" --map "Booth=custom:Booth" (repeatable)')
    parser.add_argument("--on-duplicate", choices=("merge", "skip", "create"), default="merge",
                        help="what to do with a row that matches a customer already in the book (default: merge)")
    parser.add_argument("--unmapped", choices=("notes", "custom"), default="notes",
                        help="columns no field takes go to the notes (default) or become custom fields")
    parser.add_argument("--source", default="", metavar="TEXT",
                        help='the trade show or source, e.g. "Canton Fair 2026 Autumn" (also a tag)')
    parser.add_argument("--tag", default="", metavar="TEXT", help="a tag for every imported customer")
    parser.add_argument("--country", type=country_arg("--country"), default=None,
                        help="the country of rows that name none (for reading their phone numbers)")
    parser.add_argument("--overwrite", action="store_true", help="a merge replaces fields that already have a value")
    parser.add_argument("--follow-up-days", type=_days, default=None, metavar="N",
                        help="plan a first follow-up for new customers N days from today; 0: none "
                             "(default: 3 when --source names a trade show, else none)")
    parser.add_argument("--dry-run", action="store_true", help="show what would happen; write nothing")
    parser.add_argument("--report", metavar="FILE.xlsx", help="save the rows with problems, to fix and re-import")
    parser.add_argument("--save-mapping", metavar="NAME", help="remember this column mapping for files like this")
    parser.add_argument("--ignore-saved-mapping", action="store_true", help="do not apply a saved mapping")
    parser.add_argument("--as-list", action="store_true",
                        help="read a workbook exported by Trade CRM like any list: match by email, phone and "
                             "name instead of updating by its CRM IDs")


def _days(text: str) -> int:
    if not text.strip().isdigit():
        raise ValidationError("--follow-up-days", f'a number of days (0 for none), not "{text}"')
    return int(text)


def _customer_id(text: str) -> int:
    if not text.strip().isdigit():
        raise ValidationError("--customer", f'a customer ID (see "customer list"), not "{text}"')
    return int(text)


def _mapping(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        header, sep, target = pair.rpartition("=")
        if not sep or not header.strip() or not target.strip():
            raise CommandError(f'--map takes "Header=field", not "{pair}"')
        out[header.strip()] = target.strip()
    return out


def run(ctx: Context, args) -> int:
    if args.file == "whatsapp" and not Path(args.file).is_file():
        return import_whatsapp(ctx, args)
    if args.file in KEYWORDS and not Path(args.file).is_file():
        return undo(ctx, args) if args.file == "undo" else history(ctx, args)
    if args.batch is not None:
        raise CommandError(f'unexpected "{args.batch}" after the file name')
    return import_file(ctx, args)


def import_file(ctx: Context, args) -> int:
    # lazy: start-up, every command line loads every command module; only an import needs the readers
    from trade_crm.exchange.encrypted_copy import back_up_open_book
    from trade_crm.exchange.importing.error_report import write_error_report
    from trade_crm.exchange.importing.importer import ImportOptions, build_plan, commit_import
    from trade_crm.exchange.importing.layout import mappings
    from trade_crm.exchange.importing.readers import ReadError

    options = ImportOptions(sheet=args.sheet, mapping=_mapping(args.map), unmapped=args.unmapped,
                            on_duplicate=args.on_duplicate, source=args.source, tag=args.tag,
                            overwrite=args.overwrite, default_country=args.country,
                            use_saved_mapping=not args.ignore_saved_mapping, by_crm_id=not args.as_list,
                            follow_up_days=args.follow_up_days)
    if not Path(args.file).exists():
        raise CommandError(f"{args.file}: no such file", EXIT_FAILURE)
    try:
        plan = build_plan(args.file, options, zone=ctx.clock.zone)
    except ReadError as exc:  # the file must be fixed (or saved again): exit 2, not 1
        raise CommandError(str(exc), EXIT_USAGE) from exc
    refused = plan.book is None and not plan.customers
    if args.save_mapping:
        mappings.save_mapping(args.save_mapping, plan.headers, plan.columns)
    report = None
    if args.report and plan.problems:
        report = write_error_report(plan, args.report)
    if args.dry_run or refused:
        data = {"batch": None, "dry_run": True, "created": plan.new_customers, "merged": plan.merges + plan.updates,
                "skipped": plan.skips, "contacts_created": plan.new_contacts}
        by_id = {"updated": plan.updates, "unchanged": plan.unchanged}
    else:
        # A copy of the book first: if it cannot be made, nothing is imported (BackupError -> one line).
        back_up_open_book("pre-import", ctx.clock.now(), ctx.clock.zone)
        result = commit_import(plan, ctx.clock)
        data = {"batch": result.batch, "dry_run": False, "created": result.created, "merged": result.merged,
                "skipped": result.skipped, "contacts_created": result.contacts_created}
        by_id = {"updated": result.updated, "unchanged": result.unchanged}
    if plan.is_exported_book:  # updated customers are in "merged" too: existing customers that changed
        data.update(exported_book=True, **by_id)
    data.update(file=plan.file_name, sheet=plan.sheet, rows=plan.total_rows,
                row_outcomes=None if plan.is_exported_book else plan.row_outcomes,  # an exported book: by CRM ID
                ignored_rows=[{"row": o.row, "reason": o.reason} for o in plan.ignored],
                possible_duplicates=[{"row": d.key, "name": d.name, "other_row": d.other_key,
                                      "customer_id": d.customer_id, "other_name": d.other_name, "why": d.why}
                                     for d in plan.possible_duplicates],
                rows_with_problems=len(plan.problem_rows), rows_not_imported=len(plan.error_rows),
                errors=[{"sheet": p.sheet, "row": p.row, "column": p.column, "message": p.message,
                         "severity": p.severity} for p in plan.problems],
                columns=[{"header": c.header, "field": c.target, "custom_name": c.custom_name, "origin": c.origin}
                         for c in plan.columns], notices=list(plan.notices))
    ctx.emit(data, lambda: _human(plan, data, report, args))
    if refused:  # nothing written, no batch in the history; the report above says why
        reason = next((p.message for p in plan.problems if p.severity == "error"), None) or next(
            iter(plan.notices), "the file has no rows")
        ctx.err.write(f"{PROG}: error: {plan.file_name}: nothing can be imported: {' '.join(reason.split())}\n")
        return EXIT_USAGE
    return EXIT_OK


def _human(plan, data: dict, report: int | None, args) -> str:
    verb = "Would import" if data["dry_run"] else f"Import {data['batch']}:"
    lines = [f"{verb} {plan.file_name}" + (f" (sheet {plan.sheet})" if plan.sheet != plan.file_name else "")
             + f", {plan.total_rows} rows",
             f"  new customers: {data['created']}   merged: {data['merged']}   skipped: {data['skipped']}   "
             f"new contacts: {data['contacts_created']}",
             *([f"  exported book, by CRM ID: updated {data['updated']}, unchanged {data['unchanged']}"]
               if data.get("exported_book") else []),
             f"  rows with problems: {data['rows_with_problems']} ({data['rows_not_imported']} not imported)"]
    if plan.outcomes:
        lines.append("  rows: " + ", ".join(f"{n} {k}" for k, n in plan.row_outcomes.items() if n)
                     + f" (of {plan.total_rows} read)")
    if plan.saved_mapping:
        lines.append(f'  columns mapped with the saved mapping "{plan.saved_mapping}"')
    lines += [f"  note: {n}" for n in plan.notices]
    matched = [c for c in plan.customers if c.match and c.action != "unchanged"][:10]
    if matched:
        lines.append("Matches with customers already in the book:")
        lines += [f"  row {c.key}: {c.name} -> #{c.match.customer_id} {c.match.customer_name} "
                  f"({c.match.detail}): {c.action}"
                  + (f" ({', '.join(dict.fromkeys(ch.field for ch in c.changes))})" if c.action == "update" else "")
                  for c in matched]
    if plan.ignored:
        lines.append("Ignored rows:")
        lines += [f"  row {o.row}: {o.reason}" for o in plan.ignored[:10]]
    if plan.possible_duplicates:
        lines.append("Kept apart, possibly the same (merge them later if they are):")
        lines += [f"  row {d.key}: {d.name} ~ " + (f"row {d.other_key}" if d.other_key else f"#{d.customer_id}")
                  + f" {d.other_name} ({d.why})" for d in plan.possible_duplicates[:10]]
    if plan.problems:
        lines.append("Problems:")
        lines += [f"  {p.sheet}, row {p.row}" + (f", {p.column}" if p.column else "") + f": {p.message}"
                  for p in plan.problems[:20]]
        if len(plan.problems) > 20:
            lines.append(f"  ... and {len(plan.problems) - 20} more (use --json or --report FILE.xlsx)")
    if report:
        lines.append(f"{report} rows with problems saved to {args.report}: fix them there and import that file.")
    if data["dry_run"]:
        lines.append("Nothing was written (--dry-run).")
    return "\n".join(lines)


def history(ctx: Context, args) -> int:
    from trade_crm.exchange.importing.importer import import_history  # lazy: start-up, as above

    batches = import_history()

    def human() -> str:
        if not batches:
            return "No imports yet."
        rows = [[str(b.id), ctx.local(b.created_at), b.file_name, b.tag or b.source,
                 str(b.summary.get("created", 0)), str(b.summary.get("merged", 0)),
                 ctx.local(b.undone_at) if b.undone_at else ""] for b in batches]
        return table(["ID", "WHEN", "FILE", "SOURCE/TAG", "CREATED", "MERGED", "UNDONE"], rows)

    ctx.emit({"imports": batches}, human)
    return 0


def undo(ctx: Context, args) -> int:
    from trade_crm.exchange.importing.importer import undo_import  # lazy: start-up, as above

    if args.batch is None or not args.batch.isdigit():
        raise CommandError('give the import to undo: "trade-crm import undo BATCH_ID" (see "import history")')
    result = undo_import(int(args.batch), ctx.clock)
    if result.products_removed or result.products_restored:  # a product list (`product import`)
        ctx.emit(result, f"Import {result.batch} undone: {result.products_removed} products removed, "
                         f"{result.products_restored} restored to their values before the import.")
        return 0
    ctx.emit(result, f"Import {result.batch} undone: {result.customers_removed} customers removed, "
                     f"{result.customers_restored} restored to their values before the import.")
    return 0


COMMANDS = (
    Command("import", "import customers from Excel, CSV or vCard, or a WhatsApp chat; or list (history) or undo "
                      "imports", run,
            arguments),
)
