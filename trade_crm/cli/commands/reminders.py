"""`trade-crm reminders`: what is due on a day, exactly as the window would list it; and an .ics export.

    trade-crm reminders [--date YYYY-MM-DD] [--days N] [--json]
    trade-crm reminders export FILE.ics [--date YYYY-MM-DD] [--days N]

Nothing is written to the book: any date can be checked without raising or closing a reminder.
"""

from __future__ import annotations

from datetime import timedelta

from trade_crm.cli.base import Command, CommandError, Context, count_arg, date_arg, table
from trade_crm.domain.clock import today
from trade_crm.domain.reminders.due import CUSTOMER_FOLLOW_UP, due_text
from trade_crm.domain.reminders.sync import ReminderItem, preview_now, preview_reminders
from trade_crm.exchange.exporting.icalendar import export_reminders

EXPORT_DAYS = 30


def arguments(parser) -> None:
    parser.add_argument("action", nargs="?", choices=("export",), metavar="export",
                        help="write upcoming reminders to an iCalendar file instead of listing them")
    parser.add_argument("file", nargs="?", metavar="FILE.ics", help="the calendar file (with export)")
    parser.add_argument("--date", type=date_arg("--date"), metavar="YYYY-MM-DD",
                        help="the day to check (default: today in your time zone)")
    parser.add_argument("--days", type=count_arg("--days", minimum=0), metavar="N", default=None,
                        help=f"also list what falls due in the N days after it (export default: {EXPORT_DAYS})")


def reminders(ctx: Context, args) -> int:
    day = args.date or today(ctx.clock)
    if args.action == "export":
        return export(ctx, args, day)
    days = args.days or 0
    items = preview_reminders(day, preview_now(day, ctx.clock), ctx.clock.zone, horizon_days=days)
    head = {"date": day, "days": days, "zone": str(ctx.clock.zone)}
    ctx.emit({**head, "count": len(items), "counts": counts(items, day), "items": items}, lambda: render(items, head))


def counts(items: list[ReminderItem], day) -> dict:
    """The numbers the window shows: due by kind (the pane's groups, the tray badge's total) and the
    customers whose follow-up is overdue (the status bar, the "Follow-up overdue" filter)."""
    by_kind: dict[str, int] = {}
    for item in items:
        if item.due <= day:
            by_kind[item.kind] = by_kind.get(item.kind, 0) + 1
    overdue = {i.customer_ids[0] for i in items if i.key.startswith(CUSTOMER_FOLLOW_UP) and i.due < day}
    return {"due": sum(by_kind.values()), "by_kind": by_kind, "overdue_customers": len(overdue)}
    return 0


def render(items: list[ReminderItem], head: dict) -> str:
    end = head["date"] + timedelta(days=head["days"])
    span = f"on {head['date']}" if not head["days"] else f"from {head['date']} to {end}"
    if not items:
        return f"Nothing due {span} ({head['zone']})."
    rows = [[i.due.isoformat(), due_text(i.due, i.event, head["date"]), i.kind, i.title,
             ",".join(str(c) for c in i.customer_ids[:5]) + ("…" if len(i.customer_ids) > 5 else "")] for i in items]
    count = f"{len(items)} reminder{'s' if len(items) != 1 else ''}"
    late = counts(items, head["date"])["overdue_customers"]
    overdue = f"; {late} customer{'s' if late != 1 else ''} with an overdue follow-up" if late else ""
    return (f"{count} due {span} ({head['zone']}){overdue}:\n"
            + table(["Due", "When", "Kind", "Reminder", "Customers"], rows, 70))


def export(ctx: Context, args, day) -> int:
    if not args.file:
        raise CommandError("give the calendar file to write: trade-crm reminders export FILE.ics")
    days = EXPORT_DAYS if args.days is None else args.days
    items = [i for i in preview_reminders(day, preview_now(day, ctx.clock), ctx.clock.zone, horizon_days=days)
             if i.due >= day]  # upcoming: what is already overdue is in the app's list, not the calendar
    try:
        count = export_reminders(args.file, items, ctx.clock.now())
    except OSError as exc:
        raise CommandError(f"cannot write {args.file}: {exc.strerror or exc}", code=1) from exc
    ctx.emit({"file": str(args.file), "count": count, "from": day, "to": day + timedelta(days=days)},
             f"Wrote {count} reminder{'s' if count != 1 else ''} to {args.file}")
    return 0


COMMANDS = (Command("reminders", "list what is due on a day (or export upcoming reminders as .ics)",
                    reminders, arguments),)
