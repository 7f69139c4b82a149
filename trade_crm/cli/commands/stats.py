"""`trade-crm stats`: the dashboard's figures (tiers, stages, pipeline per stage, dormant customers);
`trade-crm rates`: the exchange-rate table behind the money figures.

    trade-crm stats [--dormant N] [--cached] [--json]
    trade-crm rates [--json]
    trade-crm rates set CODE RATE [--as-of YYYY-MM-DD]
    trade-crm rates delete CODE
    trade-crm rates reporting CODE

`stats` first brings the stored stages and tiers up to date (one transaction, as the app does), unless
`--cached` asks for what was stored last.
"""

from __future__ import annotations

from trade_crm.cli.base import Command, CommandError, Context, count_arg, date_arg, table
from trade_crm.domain.clock import today
from trade_crm.domain.insights.segments import recompute_segments
from trade_crm.domain.insights.stats import CLOSED_DAYS, BookStats, book_stats
from trade_crm.domain.world.countries import country_name
from trade_crm.domain.world.currency import (
    delete_rate,
    missing_rates,
    rates,
    reporting_currency,
    set_rate,
    set_reporting_currency,
)


def stats_arguments(parser) -> None:
    parser.add_argument("--dormant", type=count_arg("--dormant", minimum=0), default=20, metavar="N",
                        help="list the N most valuable dormant customers (default 20; 0: all of them)")
    parser.add_argument("--cached", action="store_true",
                        help="show the stages and tiers stored last, without recomputing them")


def _money(value: float) -> str:
    return f"{value:,.0f}"


def render(s: BookStats) -> str:
    lines = [f"Trade CRM figures on {s.on} (money in {s.reporting}; stages and tiers of {s.segments_on or 'never'})",
             f"{s.customers:,} customers", "", "Value tiers (Pareto rule on the last 12 months' orders)"]
    lines.append(table(["Tier", "Customers", f"Value ({s.reporting})"],
                       [[b.key or "none", f"{b.count:,}", _money(b.value) if b.key else ""] for b in s.tiers]))
    lines += ["", "Lifecycle stages"]
    lines.append(table(["Stage", "Customers"], [[b.key, f"{b.count:,}"] for b in s.lifecycles]))
    lines += ["", f"Pipeline (won and lost: closed in the last {CLOSED_DAYS} days)"]
    lines.append(table(["Stage", "Deals", f"Value ({s.reporting})", f"Weighted ({s.reporting})"],
                       [[p.stage, f"{p.count:,}", _money(p.value), _money(p.weighted)] for p in s.pipeline]))
    lines += ["", f"Dormant customers: {s.dormant_count:,}" + (" (most valuable first)" if s.dormant else "")]
    if s.dormant:
        lines.append(table(["ID", "Customer", "Country", "Last order", f"All orders ({s.reporting})"],
                           [[str(f.id), f.name, country_name(f.country) if f.country else "",
                             f.last_order.isoformat() if f.last_order else "", _money(f.value_total)]
                            for f in s.dormant], 40))
        if len(s.dormant) < s.dormant_count:
            lines.append(f"… and {s.dormant_count - len(s.dormant):,} more (--dormant 0 lists them all)")
    if s.missing_rates:
        lines += ["", f"No exchange rate for {', '.join(s.missing_rates)}: left out of the values. "
                      "Add them with `trade-crm rates set CODE RATE`."]
    return "\n".join(lines)


def stats(ctx: Context, args) -> int:
    if not args.cached:
        recompute_segments(ctx.clock)
    figures = book_stats(ctx.clock, dormant_limit=args.dormant or None)
    ctx.emit(figures, lambda: render(figures))
    return 0


def rates_arguments(parser) -> None:
    parser.add_argument("action", nargs="?", choices=("set", "delete", "reporting"), metavar="ACTION",
                        help="set CODE RATE, delete CODE, or reporting CODE (default: list the rates)")
    parser.add_argument("code", nargs="?", metavar="CODE", help="a 3-letter currency code")
    parser.add_argument("rate", nargs="?", metavar="RATE", help="what 1 CODE is worth in the reporting currency")
    parser.add_argument("--as-of", type=date_arg("--as-of"), metavar="YYYY-MM-DD",
                        help="the day the rate was taken (default: today)")


def rates_command(ctx: Context, args) -> int:
    if args.action and not args.code:
        raise CommandError(f"give the currency: trade-crm rates {args.action} CODE" +
                           (" RATE" if args.action == "set" else ""))
    if args.action == "set":
        if not args.rate:
            raise CommandError(f"give the rate: trade-crm rates set {args.code.upper()} RATE")
        set_rate(args.code, args.rate, args.as_of or today(ctx.clock), ctx.clock)
    elif args.action == "delete":
        delete_rate(args.code)
    elif args.action == "reporting":
        set_reporting_currency(args.code, ctx.clock)
    reporting, table_rates, gaps = reporting_currency(), rates(), missing_rates()
    data = {"reporting": reporting, "rates": table_rates, "missing": gaps}

    def human() -> str:
        rows = [[r.currency, f"{r.rate.normalize():f}", r.as_of.isoformat()] for r in table_rates]
        out = [f"Reporting currency: {reporting}",
               table(["Currency", f"1 unit in {reporting}", "As of"], rows) if rows else "No exchange rates yet."]
        if gaps:
            out.append(f"In use without a rate: {', '.join(gaps)}")
        return "\n".join(out)

    ctx.emit(data, human)
    return 0


COMMANDS = (
    Command("stats", "customer figures: value tiers, lifecycle stages, pipeline per stage, dormant customers",
            stats, stats_arguments),
    Command("rates", "list or set the exchange rates (to the reporting currency) behind the money figures",
            rates_command, rates_arguments),
)
