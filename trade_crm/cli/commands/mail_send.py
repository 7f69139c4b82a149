"""`trade-crm mail send | greet | template …`: mail from templates, queued in the outbox one message per recipient
at each recipient's morning (#20). `mail outbox` shows and steers the queue; the sender sends it.

    trade-crm mail send --to 12 --to 31 --template quotation_chaser [--account 1] [--at local-morning|now|ISO]
    trade-crm mail greet christmas --dry-run      (every open Christmas reminder; or SA:eid_al_fitr, a reminder id)
    trade-crm mail follow-up 118 [--days 7]       (after a quotation or sample entry; a reply cancels it)
    trade-crm mail template list | show KEY | edit KEY --language de --text-file body.txt | reset KEY --language de
"""

from __future__ import annotations

import sys
from pathlib import Path

from trade_crm.cli.base import Command, CommandError, Context, datetime_arg, table
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.greetings.templates import LANGUAGES
from trade_crm.domain.mail.accounts import get_account, list_accounts
from trade_crm.domain.mail.bulk import (
    AT_LOCAL_MORNING,
    AT_NOW,
    BulkPlan,
    find_greeting_reminders,
    plan_bulk,
    plan_greetings,
    queue_plans,
)
from trade_crm.domain.mail.merge import FIELDS
from trade_crm.domain.mail.sequences import schedule_follow_up
from trade_crm.domain.mail.templates import get_template, list_templates, reset_template, save_template
from trade_crm.domain.reminders.sync import sync_reminders

_MAX_TEXT_BYTES = 1_000_000


def _account_id(requested: int | None) -> int:
    if requested is not None:
        return get_account(requested).id
    accounts = [a for a in list_accounts() if a.enabled]
    if not accounts:
        raise CommandError("no mail account to send from: trade-crm mail account add EMAIL")
    if len(accounts) > 1:
        raise CommandError("several mail accounts: choose one with --account ID (trade-crm mail account list)")
    return accounts[0].id


def _at(text: str, ctx: Context):
    if text in (AT_LOCAL_MORNING, AT_NOW):
        return text
    value = datetime_arg("--at")(text)
    return value if value.tzinfo else value.replace(tzinfo=ctx.clock.zone)


def _fields(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or name.strip() not in FIELDS:
            raise ValidationError("--field", f'"{pair}" is not FIELD=VALUE with a merge field (e.g. fair.name=Canton Fair)')
        out[name.strip()] = value
    return out


def _their_time(item) -> str:
    """"Tue 2026-12-22 09:00:20 Berlin": the recipient's wall clock and the city of their zone."""
    return f"{item.local_send_at:%a %Y-%m-%d %H:%M:%S} {item.zone.rpartition('/')[2].replace('_', ' ')}"


def _report(ctx: Context, plans: list[BulkPlan], queued: bool) -> str:
    rows = [[str(i.recipient.customer_id), i.recipient.customer_name, i.draft.to[0].email, i.language,
             _their_time(i) if i.local_send_at else "as soon as the pace allows",
             ctx.local(i.draft.send_at), i.draft.subject] for p in plans for i in p.items]
    lines = [table(["ID", "CUSTOMER", "TO", "LANG", "THEIR TIME", "YOUR TIME", "SUBJECT"], rows)] if rows else []
    problems = [p for plan in plans for p in plan.problems]
    duplicates = [d for plan in plans for d in plan.duplicates]
    if problems:
        lines.append(f"\n{len(problems)} not planned:")
        lines += [f"  #{p.customer_id} {p.message}" for p in problems]
    if duplicates:
        lines.append(f"\n{len(duplicates)} left out (queued, sent or greeted already):")
        lines += [f"  #{d.customer_id} {d.message}" for d in duplicates]
    verb = "queued in the outbox" if queued else "planned (dry run: nothing queued)"
    lines.append(f"\n{len(rows)} message(s) {verb}; {len(problems)} problem(s), {len(duplicates)} duplicate(s).")
    return "\n".join(lines).lstrip("\n")


def _finish(ctx: Context, plans: list[BulkPlan], dry_run: bool) -> int:
    results = [] if dry_run else queue_plans(plans, ctx.clock)
    late = [cid for r in results for cid in r.duplicates]
    data = {"dry_run": dry_run, "plans": plans, "queued": [e for r in results for e in r.entries], "late_duplicates": late}
    ctx.emit(data, lambda: _report(ctx, plans, not dry_run))
    return 0


# --- mail send ---

def send_arguments(parser) -> None:
    parser.add_argument("--to", type=int, action="append", required=True, metavar="CUSTOMER_ID",
                        help="a customer to write to (repeat for more); their primary contact's first email")
    parser.add_argument("--template", required=True, metavar="NAME",
                        help="the template: quotation_chaser, sample_follow_up, thank_you_fair, greeting.<id> … "
                             "(trade-crm mail template list)")
    parser.add_argument("--account", type=int, metavar="ID", help="the account to send from (default: the only one)")
    parser.add_argument("--at", default=AT_LOCAL_MORNING, metavar="WHEN",
                        help="local-morning (default: each customer's next working morning), now, or a date and "
                             "time (YYYY-MM-DDTHH:MM, your time unless it names its zone)")
    parser.add_argument("--field", action="append", default=[], metavar="FIELD=VALUE",
                        help="a merge field's value for every recipient, e.g. fair.name=Canton Fair")
    parser.add_argument("--dry-run", action="store_true", help="show the plan, queue nothing")


def send(ctx: Context, args) -> int:
    plan = plan_bulk(args.to, args.template, _account_id(args.account), ctx.clock, at=_at(args.at, ctx),
                     extra=_fields(args.field))
    return _finish(ctx, [plan], args.dry_run)


# --- mail greet ---

def greet_arguments(parser) -> None:
    parser.add_argument("holiday", metavar="HOLIDAY_KEY",
                        help="a greeting id (christmas: every country's open reminder), COUNTRY:ID (SA:eid_al_fitr), "
                             "a reminder key or a reminder id")
    parser.add_argument("--account", type=int, metavar="ID", help="the account to send from (default: the only one)")
    parser.add_argument("--at", default=AT_LOCAL_MORNING, metavar="WHEN", help="local-morning (default), now, or a time")
    parser.add_argument("--dry-run", action="store_true", help="show the plan, queue nothing")


def greet(ctx: Context, args) -> int:
    sync_reminders(ctx.clock)  # the window's scheduler keeps them saved; a book used only from here may not have
    reminders = find_greeting_reminders(args.holiday)
    if not reminders:
        raise CommandError(f'no open greeting reminder for "{args.holiday}": trade-crm reminders shows what is due')
    plans = plan_greetings(reminders, _account_id(args.account), ctx.clock, at=_at(args.at, ctx))
    return _finish(ctx, plans, args.dry_run)


# --- mail follow-up ---

def follow_up_arguments(parser) -> None:
    parser.add_argument("entry", type=int, metavar="ENTRY_ID", help="the quotation or sample entry on the timeline")
    parser.add_argument("--days", type=int, metavar="N", help="how many days after the entry (default: 7 after a "
                        "quotation, 10 after a sample)")
    parser.add_argument("--template", metavar="NAME", help="default: quotation_chaser or sample_follow_up")
    parser.add_argument("--account", type=int, metavar="ID", help="the account to send from (default: the only one)")


def follow_up(ctx: Context, args) -> int:
    entry = schedule_follow_up(args.entry, _account_id(args.account), ctx.clock, days=args.days,
                               template_key=args.template)
    ctx.emit(entry, f"follow-up #{entry.id} to {entry.to[0].email} queued for {ctx.local(entry.send_at)} (your time): "
                    f"{entry.subject}; a reply from the customer cancels it")
    return 0


# --- mail template list | show | edit | reset ---

def _language_argument(parser, required: bool = False) -> None:
    parser.add_argument("--language", choices=LANGUAGES, default=None if required else "en", required=required,
                        help=f"the template's language ({', '.join(LANGUAGES)})")


def template_list_arguments(parser) -> None:
    _language_argument(parser)


def template_list(ctx: Context, args) -> int:
    templates = list_templates(args.language)
    rows = [[t.key, t.kind, t.language, "yes" if t.edited else "", t.subject] for t in templates]
    ctx.emit({"language": args.language, "templates": templates},
             lambda: table(["KEY", "KIND", "LANG", "EDITED", "SUBJECT"], rows, max_width=48))
    return 0


def template_show_arguments(parser) -> None:
    parser.add_argument("key", metavar="KEY")
    _language_argument(parser)


def template_show(ctx: Context, args) -> int:
    tpl = get_template(args.key, args.language)
    note = " (your version)" if tpl.edited else ""
    fallback = f" — no {args.language} version, showing {tpl.language}" if tpl.language != args.language else ""
    html = f"\n\n--- HTML ---\n{tpl.html}" if tpl.html else ""
    ctx.emit(tpl, f"{tpl.key} [{tpl.language}]{note}{fallback}\nSubject: {tpl.subject}\n\n{tpl.text}{html}")
    return 0


def _read_text(path: str, flag: str) -> str:
    try:
        if path == "-":
            return sys.stdin.read(_MAX_TEXT_BYTES)
        file = Path(path)
        if file.stat().st_size > _MAX_TEXT_BYTES:
            raise ValidationError(flag, f"{path} is over 1 MB: a mail template is a few lines")
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(flag, f"cannot read {path}: {exc}") from None


def template_edit_arguments(parser) -> None:
    parser.add_argument("key", metavar="KEY")
    _language_argument(parser, required=True)
    parser.add_argument("--subject", help="the new subject (default: keep the current one)")
    parser.add_argument("--text", help="the new text (default: keep the current one)")
    parser.add_argument("--text-file", metavar="PATH", help="read the new text from a UTF-8 file (- : standard input)")
    parser.add_argument("--html-file", metavar="PATH", help="read a simple HTML version from a UTF-8 file")


def template_edit(ctx: Context, args) -> int:
    if args.text is not None and args.text_file:
        raise CommandError("give the text with --text or --text-file, not both")
    if args.subject is None and args.text is None and not args.text_file and not args.html_file:
        raise CommandError("nothing to change: give --subject, --text, --text-file or --html-file")
    current = get_template(args.key, args.language)
    text = _read_text(args.text_file, "--text-file") if args.text_file else args.text
    html = _read_text(args.html_file, "--html-file") if args.html_file else current.html
    saved = save_template(args.key, args.language, subject=current.subject if args.subject is None else args.subject,
                          text=current.text if text is None else text, html=html)
    ctx.emit(saved, f"template {saved.key} [{saved.language}] saved; trade-crm mail template reset {saved.key} "
                    f"--language {saved.language} goes back to the built-in one")
    return 0


def template_reset_arguments(parser) -> None:
    parser.add_argument("key", metavar="KEY")
    _language_argument(parser, required=True)


def template_reset(ctx: Context, args) -> int:
    forgot = reset_template(args.key, args.language)
    ctx.emit({"key": args.key, "language": args.language, "reset": forgot},
             f"template {args.key} [{args.language}] " + ("is the built-in one again" if forgot
                                                          else "was not edited: nothing to reset"))
    return 0


COMMANDS = (
    Command("mail send", "queue a templated mail to customers, each at their local morning", send, send_arguments),
    Command("mail greet", "queue a holiday greeting to each customer of its reminder, at their morning", greet,
            greet_arguments),
    Command("mail follow-up", "plan a follow-up mail after a quotation or sample entry (a reply cancels it)",
            follow_up, follow_up_arguments),
    Command("mail template list", "list the mail templates", template_list, template_list_arguments),
    Command("mail template show", "show a mail template in one language", template_show, template_show_arguments),
    Command("mail template edit", "save your own version of a mail template", template_edit, template_edit_arguments),
    Command("mail template reset", "go back to the built-in version of a template", template_reset,
            template_reset_arguments),
)
