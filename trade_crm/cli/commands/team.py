"""`trade-crm team …`: handover and the public pool on a team server book (#18 item 4)."""

from __future__ import annotations

from trade_crm.cli.base import Command, Context, table
from trade_crm.domain.clock import today
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.team.handover import acting_person, hand_over, manages
from trade_crm.domain.team.pool import (
    PoolSettings,
    claim,
    pool_customers,
    release,
    release_stale,
    save_pool_settings,
)


def ids_arg(text: str) -> list[int]:
    """"12,15 18" -> [12, 15, 18]."""
    parts = text.replace(",", " ").split()
    if not parts or not all(p.isdigit() for p in parts):
        raise ValidationError("--customers", f'"{text}" is not a list of customer ids (e.g. 12,15,18)')
    return [int(p) for p in parts]


def handover_arguments(parser) -> None:
    parser.add_argument("from_person", metavar="FROM", help="the person whose customers go (their login)")
    parser.add_argument("to_person", metavar="TO", help="the person who takes them over (their login)")
    parser.add_argument("--customers", type=ids_arg, metavar="IDS",
                        help="only these customers of FROM (ids, comma-separated); default: all of them")


def handover(ctx: Context, args) -> int:
    summary = hand_over(ctx.db, args.from_person, args.to_person, customer_ids=args.customers,
                        by=acting_person(ctx.db), now=ctx.clock.now())
    ctx.emit(summary, f"{summary.count} customers handed over from {summary.from_person} to {summary.to_person}"
             if summary.count else f"{summary.from_person} has no customers to hand over")
    return 0


def pool_arguments(parser) -> None:
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="list at most N customers")


def pool(ctx: Context, args) -> int:
    customers = pool_customers(ctx.db, limit=args.limit)
    rows = [[str(c.id), c.name, c.country or "", ctx.local(c.last_contact_at)] for c in customers]
    ctx.emit({"count": len(customers), "results": customers},
             lambda: table(["ID", "NAME", "COUNTRY", "LAST CONTACT"], rows) if rows else "The pool is empty")
    return 0


def claim_arguments(parser) -> None:
    parser.add_argument("customer_id", type=int, metavar="CUSTOMER_ID")


def claim_command(ctx: Context, args) -> int:
    person = acting_person(ctx.db)
    result = claim(ctx.db, args.customer_id, person, PoolSettings.load().claim_cap, now=ctx.clock.now())
    ctx.emit(result, f"{result.name} (#{result.customer_id}) is {person}'s now ({result.owned} of at most "
                     f"{result.cap} customers)")
    return 0


def release_arguments(parser) -> None:
    parser.add_argument("customers", type=ids_arg, metavar="IDS", help="customer ids, comma-separated")


def release_command(ctx: Context, args) -> int:
    ids = release(ctx.db, args.customers, by=acting_person(ctx.db), now=ctx.clock.now())
    ctx.emit({"customer_ids": ids, "count": len(ids)}, f"{len(ids)} customers put back into the pool")
    return 0


def release_stale_arguments(parser) -> None:
    parser.add_argument("--dry-run", action="store_true", help="list what would go back, change nothing")
    parser.add_argument("--days", type=int, metavar="N",
                        help="not followed up for N days (default: the pool's setting); runs even when the "
                             "daily rule is switched off")


def release_stale_command(ctx: Context, args) -> int:
    person = acting_person(ctx.db)
    days = args.days if args.days is not None else PoolSettings.load().days
    result = release_stale(ctx.db, today(ctx.clock), days=days, now=ctx.clock.now(), zone=ctx.clock.zone,
                           owner=None if manages(ctx.db) else person, dry_run=args.dry_run)
    verb = "would go" if result.dry_run else "went"

    def human() -> str:
        head = f"{result.count} customers not followed up for {days} days {verb} back to the pool"
        rows = [[str(c.id), c.name, c.owner or "", ctx.local(c.last_contact_at)] for c in result.customers]
        return head + ("\n" + table(["ID", "NAME", "OWNER", "LAST CONTACT"], rows) if rows else "")

    ctx.emit(result, human)
    return 0


def settings_arguments(parser) -> None:
    switch = parser.add_mutually_exclusive_group()
    switch.add_argument("--on", dest="enabled", action="store_const", const=True, help="run the pool rule daily")
    switch.add_argument("--off", dest="enabled", action="store_const", const=False, help="stop the daily rule")
    parser.add_argument("--days", type=int, metavar="N", help="back to the pool after N days without a follow-up")
    parser.add_argument("--cap", type=int, metavar="N", help="claim only while owning fewer than N customers")


def settings_command(ctx: Context, args) -> int:
    if args.enabled is not None or args.days is not None or args.cap is not None:
        acting_person(ctx.db)  # a server book's settings only
        save_pool_settings(enabled=args.enabled, days=args.days, claim_cap=args.cap)
    settings = PoolSettings.load()
    ctx.emit(settings, f"pool rule {'on' if settings.enabled else 'off'}: back after {settings.days} days without "
                       f"a follow-up; claims while owning fewer than {settings.claim_cap} customers")
    return 0


COMMANDS = (
    Command("team handover", "hand all customers of one person (or --customers) to another (a manager's)",
            handover, handover_arguments),
    Command("team pool", "list the customers in the public pool", pool, pool_arguments),
    Command("team claim", "claim a customer from the public pool", claim_command, claim_arguments),
    Command("team release", "put customers of yours back into the public pool", release_command, release_arguments),
    Command("team release-stale", "return customers not followed up for N days to the pool",
            release_stale_command, release_stale_arguments),
    Command("team pool-settings", "show or change the pool rule (--on/--off, --days, --cap)", settings_command,
            settings_arguments),
)
