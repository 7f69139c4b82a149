"""`trade-crm log`: record a call, an email, a visit, ... on a customer's timeline."""

from __future__ import annotations

from trade_crm.cli.base import Command, Context, as_instant, date_arg, datetime_arg
from trade_crm.domain.customers.records import get_customer
from trade_crm.domain.customers.timeline import LOGGABLE_KINDS, log_interaction, timeline
from trade_crm.domain.errors import ValidationError


def log_arguments(parser) -> None:
    parser.add_argument("customer_id", type=int, metavar="CUSTOMER_ID")
    parser.add_argument("--kind", required=True, metavar="KIND", help=f"one of {', '.join(LOGGABLE_KINDS)}")
    parser.add_argument("--summary", required=True, metavar="TEXT", help="what happened, in a line")
    parser.add_argument("--body", default="", metavar="TEXT", help="longer notes")
    parser.add_argument("--follow-up", type=date_arg("--follow-up"), metavar="YYYY-MM-DD",
                        help="the day to follow up (becomes the customer's next follow-up)")
    parser.add_argument("--contact", type=int, metavar="CONTACT_ID", help="the person it was with")
    parser.add_argument("--at", type=datetime_arg("--at"), metavar="ISO_DATETIME",
                        help="when it happened (default now; without a zone, your local time)")


def log(ctx: Context, args) -> int:
    kind = args.kind.strip().lower()
    if kind not in LOGGABLE_KINDS:  # imports, stage changes and merges are the app's own entries
        raise ValidationError("--kind", f'"{args.kind}" is not one of {", ".join(LOGGABLE_KINDS)}')
    interaction_id = log_interaction(
        args.customer_id, kind, args.summary, ctx.clock,
        occurred_at=as_instant(args.at, ctx) if args.at else None, body=args.body,
        contact_id=args.contact, follow_up_on=args.follow_up,
    )
    entry = next(e for e in timeline(args.customer_id) if e.interaction_id == interaction_id)
    customer = get_customer(args.customer_id)
    ctx.emit({"interaction": entry, "customer": customer},
             f"Logged {entry.kind} #{interaction_id} for {customer.name} (#{customer.id}) at "
             f"{ctx.local(entry.occurred_at)}")
    return 0


COMMANDS = (Command("log", "log an interaction (call, email, visit, ...) with a customer", log, log_arguments),)
