"""`trade-crm duplicates` (groups of probably-the-same customers) and `trade-crm not-duplicate A B`."""

from __future__ import annotations

import time
from itertools import combinations

from trade_crm.cli.base import Command, Context, count_arg, table
from trade_crm.domain.duplicates.scan import (
    DuplicateGroup,
    Reason,
    find_duplicates,
    mark_not_duplicate,
    not_duplicate_pairs,
    unmark_not_duplicate,
)


def reason_text(reason: Reason) -> str:
    if reason.rule == "name":
        if reason.similarity < 100:
            return f"similar name {reason.value} ({reason.similarity:.0f}%)"
        return f"same name {reason.value}"
    return f"same {'company domain' if reason.rule == 'domain' else reason.rule} {reason.value}"


def arguments(parser) -> None:
    parser.add_argument("--limit", type=count_arg("--limit"), default=None, metavar="N",
                        help="show only the N surest groups")


def run(ctx: Context, args) -> int:
    started = time.perf_counter()
    scan = find_duplicates()
    seconds = round(time.perf_counter() - started, 2)
    groups = scan.groups[:args.limit] if args.limit else scan.groups
    data = {"customers": scan.customers, "count": len(scan.groups), "seconds": seconds, "hidden": scan.hidden,
            "groups": [{"score": g.score, "reason": g.reason, "reasons": g.reasons, "members": g.members}
                       for g in groups]}
    ctx.emit(data, lambda: _human(scan.customers, scan.groups, groups, seconds))
    return 0


def _human(customers: int, found: tuple[DuplicateGroup, ...], shown: tuple[DuplicateGroup, ...],
           seconds: float) -> str:
    if not found:
        return f"No probable duplicates among {customers:,} customers."
    lines = [f"{len(found):,} groups of probable duplicates among {customers:,} customers ({seconds} s)"
             + (f"; the {len(shown):,} surest:" if len(shown) < len(found) else ":")]
    for number, group in enumerate(shown, 1):
        also = "; ".join(reason_text(r) for r in group.reasons[1:3])
        lines += ["", f"#{number}  score {group.score}  {reason_text(group.reason)}" + (f"  (also {also})" if also else "")]
        rows = [[str(m.id), m.name, m.country or "", m.city] for m in group.members]
        lines += ["    " + line for line in table(["ID", "NAME", "COUNTRY", "CITY"], rows, max_width=40).splitlines()]
        ids = " ".join(str(i) for i in group.ids)
        lines.append(f"    merge: trade-crm merge {ids}    not the same: trade-crm not-duplicate {ids}")
    return "\n".join(lines)


def not_duplicate_arguments(parser) -> None:
    parser.add_argument("ids", type=int, nargs="+", metavar="ID", help="two or more customer ids")
    parser.add_argument("--undo", action="store_true", help="suggest these customers as duplicates again")


def not_duplicate(ctx: Context, args) -> int:
    if args.undo:
        pairs = [p for p in combinations(sorted(set(args.ids)), 2) if p in not_duplicate_pairs()]
        unmark_not_duplicate(pairs)
        ctx.emit({"unmarked": pairs}, f"{len(pairs)} pair(s) may be suggested as duplicates again.")
        return 0
    pairs = mark_not_duplicate(args.ids, ctx.clock)
    ctx.emit({"marked": pairs}, f"{len(pairs)} pair(s) marked as not duplicates; they are not suggested again.")
    return 0


COMMANDS = (
    Command("duplicates", "list groups of customers that are probably the same company, surest first", run,
            arguments),
    Command("not-duplicate", "mark customers as different companies, so they are not suggested as duplicates",
            not_duplicate, not_duplicate_arguments),
)
