"""`trade-crm demo`: fill a database with believable sample customers to try the app."""

from __future__ import annotations

from collections.abc import Sized

from trade_crm.cli.base import EXIT_FAILURE, Command, CommandError, count_arg
from trade_crm.domain.customers.records import customer_count
from trade_crm.domain.serialize import to_jsonable


def arguments(parser) -> None:
    parser.add_argument("--customers", metavar="N", type=count_arg("--customers"),
                        help="how many customers to make")
    parser.add_argument("--seed", metavar="S", type=count_arg("--seed", minimum=0),
                        help="random seed: the same seed makes the same data")
    parser.add_argument("--append", action="store_true",
                        help="add the demo data even though the database already holds customers")


def run_demo(ctx, args) -> int:
    try:
        from trade_crm.demo.book import load_demo  # lazy: start-up, the generator and its data tables
        from trade_crm.demo.quotes import load_demo_quotes
    except ModuleNotFoundError as exc:
        if exc.name != "trade_crm.demo.book":
            raise
        raise CommandError("this build has no demo data", EXIT_FAILURE) from exc
    existing = customer_count()
    if existing and not args.append:
        raise CommandError(f"{ctx.db_path} already holds {existing} customers; use --append to add "
                           f"demo data to them, or --db to choose another file")
    options = {k: v for k, v in (("customers", args.customers), ("seed", args.seed)) if v is not None}
    summary = load_demo(ctx.clock, **options)
    quotations = load_demo_quotes(ctx.clock)
    countries = summary.countries
    n_countries = len(countries) if isinstance(countries, Sized) else countries
    ctx.emit({**to_jsonable(summary), "quotations": quotations},
             f"Demo data in {ctx.db_path}: {summary.customers} customers from {n_countries} "
             f"countries, {summary.contacts} contacts, {summary.interactions} interactions, "
             f"{summary.orders} orders, {summary.opportunities} opportunities, {quotations} quotations")
    return 0


COMMANDS = (Command("demo", "load sample customers, contacts, orders, follow-ups and quotations", run_demo,
                    arguments),)
