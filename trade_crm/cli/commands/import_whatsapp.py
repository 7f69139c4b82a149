"""`trade-crm import whatsapp FILE [--customer ID] [--dry-run] [--json]`: a chat exported from WhatsApp
onto its customer's timeline (exchange/chats), one entry a day, undoable with `import undo`.

The chat is matched by the phone number in the file's name or among the participants, else by a contact's
name; with no match (or several) nothing is written and the command says so (exit 2): name the customer
with --customer ID. Day/month order: the file decides when it can; else the locale's order (LC_ALL,
LC_TIME, LANG: en_US and a few others write the month first), or --month-first / --day-first.
"""

from __future__ import annotations

import os
from pathlib import Path

from trade_crm.cli.base import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, PROG, CommandError, Context

MONTH_FIRST_LOCALES = ("en_US", "en_PH", "es_US", "fil_PH", "en_AS", "en_GU", "en_MP", "en_PR", "en_UM", "en_VI")


def locale_day_first(environ: dict[str, str] | None = None) -> bool:
    environ = os.environ if environ is None else environ
    name = next((environ[k] for k in ("LC_ALL", "LC_TIME", "LANG") if environ.get(k)), "")
    return not name.startswith(MONTH_FIRST_LOCALES)


def attachments_folder(ctx: Context) -> Path:
    """The book's files live beside it (domain/attachments/blobs.attachments_root); a server book's on this
    computer's data folder."""
    # lazy: start-up, as in imports.py
    from trade_crm.domain.attachments.blobs import attachments_root
    from trade_crm.paths import AppPaths

    if isinstance(ctx.db_path, str) and "://" in ctx.db_path:
        return attachments_root(AppPaths.default().data_dir)
    return attachments_root(Path(ctx.db_path).parent)


def import_whatsapp(ctx: Context, args) -> int:
    # lazy: start-up, every command line loads every command module; only this import needs the parser
    from trade_crm.exchange.chats.whatsapp import read_chat
    from trade_crm.exchange.chats.whatsapp_import import commit_chat, plan_chat
    from trade_crm.exchange.encrypted_copy import back_up_open_book

    if args.batch is None:
        raise CommandError('give the chat to import: "trade-crm import whatsapp FILE" (.txt or .zip)')
    path = Path(args.batch)
    if not path.exists():
        raise CommandError(f"{args.batch}: no such file", EXIT_FAILURE)
    day_first = False if args.month_first else True if args.day_first else locale_day_first()
    chat = read_chat(path, day_first=day_first)  # FileRefused: one line naming the file, exit 2
    plan = plan_chat(chat, ctx.clock.zone, customer_id=args.customer)
    data = _plan_data(plan)
    if plan.customer is None:
        ctx.emit({**data, "batch": None, "dry_run": args.dry_run}, lambda: _human(plan, data, None, args))
        hint = "; ".join(f"#{c.customer_id} {c.customer_name} ({c.detail})" for c in plan.candidates[:5])
        ctx.err.write(f"{PROG}: error: {chat.file_name}: " + (
            f"several customers match this chat ({hint}): choose one with --customer ID\n" if plan.candidates else
            "no customer in the book has this chat's phone number or name: import it for one with --customer ID\n"))
        return EXIT_USAGE
    result = None
    if not args.dry_run:
        back_up_open_book("pre-import", ctx.clock.now(), ctx.clock.zone)  # no copy, no import (BackupError)
        result = commit_chat(plan, ctx.clock, attachments_folder(ctx))
        data.update(files_attached=result.files_attached)
    data.update(batch=result.batch if result else None, dry_run=args.dry_run)
    ctx.emit(data, lambda: _human(plan, data, result, args))
    return EXIT_OK


def _plan_data(plan) -> dict:
    chat = plan.chat
    customer = plan.customer
    return {
        "file": chat.file_name, "title": chat.title, "participants": list(chat.participants),
        "messages": len(chat.messages), "first": chat.messages[0].at.isoformat(),
        "last": chat.messages[-1].at.isoformat(), "date_order": chat.date_order, "date_order_from": chat.order_source,
        "customer": None if customer is None else {"id": customer.customer_id, "name": customer.customer_name,
                                                    "matched_by": customer.by, "detail": customer.detail},
        "candidates": [{"id": c.customer_id, "name": c.customer_name, "matched_by": c.by, "detail": c.detail}
                       for c in plan.candidates],
        "days": len(plan.days), "days_new": plan.count("new"), "days_grown": plan.count("grown"),
        "days_present": plan.count("present"), "new_messages": plan.new_messages,
        "files_found": list(plan.files_found), "files_missing": list(plan.files_missing),
        "lines_read": chat.lines_read, "system_lines": chat.system_lines,
        "continuation_lines": chat.continuation_lines, "skipped_lines": list(chat.skipped_lines),
        "bad_date_lines": list(chat.bad_dates), "blank_lines": chat.blank_lines, "notes": list(plan.notes),
    }


def _human(plan, data: dict, result, args) -> str:
    chat, customer = plan.chat, plan.customer
    if result is not None and result.batch is None:
        verb = "Nothing new in"
    else:
        verb = "Would import" if result is None else f"Import {result.batch}:"
    lines = [f"{verb} {chat.file_name}: {len(chat.messages):,} messages from {data['first'][:10]} to "
             f"{data['last'][:10]} ({', '.join(chat.participants[:4])})"]
    if customer is not None:
        how = {"phone": f"by the number {customer.detail}", "name": f"by the contact {customer.detail}",
               "chosen": "as chosen"}[customer.by]
        lines.append(f"  customer: #{customer.customer_id} {customer.customer_name} ({how})")
    lines.append(f"  days: {data['days_new']} new, {data['days_grown']} with new messages, "
                 f"{data['days_present']} already there; {data['new_messages']:,} new messages")
    if data["files_found"] or data["files_missing"]:
        attached = f"{result.files_attached} attached" if result else f"{len(data['files_found'])} found"
        lines.append(f"  media: {attached}, {len(data['files_missing'])} missing")
    lines += [f"  note: {n}" for n in plan.notes]
    if args.dry_run:
        lines.append("Nothing was written (--dry-run).")
    return "\n".join(lines)
