"""`trade-crm search` and `trade-crm customer list`: customers as a compact table or JSON."""

from __future__ import annotations

from trade_crm.cli.base import Command, Context, count_arg, country_arg, table
from trade_crm.domain.clock import today
from trade_crm.domain.customers.query import CustomerFilter, CustomerRow, count_customers, search_customers
from trade_crm.domain.errors import ValidationError
from trade_crm.store.models import RATINGS


def rows_table(ctx: Context, rows: list[CustomerRow], total: int, offset: int = 0) -> str:
    if not rows:
        return "No customers found." if not total else f"No customers on this page ({total} in all)."
    body = [[str(r.id), r.name, r.country or "", r.contact_name, r.email or r.phone,
             ctx.local(r.last_contact_at)[:10]] for r in rows]
    text = table(["ID", "NAME", "CC", "CONTACT", "EMAIL/PHONE", "LAST CONTACT"], body)
    if total > len(rows):
        text += f"\n{offset + 1}-{offset + len(rows)} of {total} shown; use --limit/--offset for more."
    return text


def paging_arguments(parser, limit: int) -> None:
    parser.add_argument("--limit", metavar="N", type=count_arg("--limit"), default=limit,
                        help=f"show at most N customers (default {limit})")
    parser.add_argument("--offset", metavar="N", type=count_arg("--offset", minimum=0), default=0,
                        help="skip the first N customers")


def search_arguments(parser) -> None:
    parser.add_argument("text", nargs="?", default="", metavar="TEXT",
                        help="any part of a name, email, phone, city, ... (accents and case do not matter)")
    parser.add_argument("--country", action="append", default=[], type=country_arg("--country"),
                        help='a country code or name, e.g. DE, Germany, 德国 (repeatable)')
    parser.add_argument("--tag", metavar="T", default="", help="only customers with this tag")
    parser.add_argument("--rating", action="append", default=[], metavar="A",
                        help=f"only this rating: {', '.join(RATINGS)} (repeatable)")
    paging_arguments(parser, 20)


def search(ctx: Context, args) -> int:
    ratings = tuple(dict.fromkeys(r.strip().upper() for r in args.rating))
    for rating in ratings:
        if rating not in RATINGS:
            raise ValidationError("--rating", f'"{rating}" is not one of {", ".join(RATINGS)}')
    flt = CustomerFilter(text=args.text.strip(), countries=tuple(dict.fromkeys(args.country)),
                         tag=args.tag.strip(), ratings=ratings)
    return _print_page(ctx, flt, args, {"query": flt.text})


def list_customers(ctx: Context, args) -> int:
    return _print_page(ctx, CustomerFilter(), args, {})


def _print_page(ctx: Context, flt: CustomerFilter, args, head: dict) -> int:
    day, now = today(ctx.clock), ctx.clock.now()
    rows = search_customers(flt, today=day, now=now, sort="name", offset=args.offset, limit=args.limit)
    total = count_customers(flt, today=day, now=now)
    ctx.emit({**head, "count": total, "results": rows}, lambda: rows_table(ctx, rows, total, args.offset))
    return 0


COMMANDS = (
    Command("search", "find customers by any text, country, tag or rating", search, search_arguments),
    Command("customer list", "list all customers by name, a page at a time", list_customers,
            lambda parser: paging_arguments(parser, 50)),
)
