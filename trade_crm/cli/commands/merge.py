"""`trade-crm merge KEEP_ID OTHER_ID [...]`, `trade-crm merge undo MERGE_ID` and `trade-crm merge history`.

One command whose first word is the kept customer's id, "undo" or "history" (as `import` does), so
`merge 12 34`, `merge undo 5` and `merge history` read the way they are said.
"""

from __future__ import annotations

from trade_crm.cli.base import Command, CommandError, Context, table
from trade_crm.domain.duplicates.merge import merge_customers, plan_merge, resolve_choices
from trade_crm.domain.duplicates.merge_undo import merge_history, undo_merge


def arguments(parser) -> None:
    parser.add_argument("first", metavar="KEEP_ID", help='the customer to keep; or "undo MERGE_ID", or "history"')
    parser.add_argument("rest", nargs="*", metavar="OTHER_ID", help="the customers merged into it (or the merge to undo)")
    parser.add_argument("--take", action="append", default=[], metavar="FIELD=ID",
                        help='keep this customer\'s value of a field, e.g. --take name=34 --take "custom:Port=34"; '
                             '--take notes=combine joins the notes (repeatable; default: the kept customer\'s '
                             "value, else the first one given)")
    parser.add_argument("--dry-run", action="store_true", help="show what differs and what would move; write nothing")


def run(ctx: Context, args) -> int:
    if args.first == "undo":
        return undo(ctx, args)
    if args.first == "history":
        return history(ctx, args)
    ids = [_id(text) for text in (args.first, *args.rest)]
    if len(ids) < 2:
        raise CommandError('give the customer to keep and at least one to merge into it: "trade-crm merge 12 34"')
    return merge(ctx, ids[0], ids[1:], _choices(args.take), args.dry_run)


def _id(text: str) -> int:
    if not text.isdigit():
        raise CommandError(f'"{text}" is not a customer id')
    return int(text)


def _choices(pairs: list[str]) -> dict[str, int | str]:
    out: dict[str, int | str] = {}
    for pair in pairs:
        field, sep, value = pair.rpartition("=")
        if not sep or not field.strip() or not (value.isdigit() or value == "combine"):
            raise CommandError(f'--take takes "FIELD=CUSTOMER_ID" or "notes=combine", not "{pair}"')
        out[field.strip()] = int(value) if value.isdigit() else value
    return out


def merge(ctx: Context, keep: int, others: list[int], choices: dict, dry_run: bool) -> int:
    plan = plan_merge(keep, others)
    chosen = resolve_choices(plan, choices)
    if dry_run:
        data = {"dry_run": True, "kept_id": keep, "merged_ids": plan.other_ids, "choices": chosen,
                "fields": plan.fields, "moves": plan.moves}
        ctx.emit(data, lambda: _plan_text(plan, chosen))
        return 0
    result = merge_customers(keep, others, ctx.clock, chosen)
    names = {c.id: c.name for c in plan.customers}
    moved = ", ".join(f"{n} {what.replace('_', ' ')}" for what, n in result.moved.items() if n)
    ctx.emit(result, f"Merge {result.merge_id}: "
                     + ", ".join(f"#{o} “{names[o]}”" for o in result.merged_ids)
                     + f" merged into #{keep} “{names[keep]}”" + (f" ({moved})" if moved else "") + ".\n"
                     + f"Undo it with: trade-crm merge undo {result.merge_id}")
    return 0


def _plan_text(plan, chosen: dict) -> str:
    names = {c.id: c.name for c in plan.customers}
    lines = [f"Would merge {', '.join(f'#{o}' for o in plan.other_ids)} into #{plan.keep_id} “{names[plan.keep_id]}”."]
    if plan.fields:
        rows = [[f.field] + [str(v if v not in (None, "") else "-") for _, v in f.values] + [str(chosen[f.field])]
                for f in plan.fields]
        lines += ["", table(["FIELD", *(f"#{i}" for i in plan.ids), "KEEPS"], rows, max_width=28)]
    for other, moves in plan.moves.items():
        what = ", ".join(f"{n} {k}" for k, n in moves.items() if n) or "nothing else"
        lines.append(f"From #{other}: {what}")
    lines.append("Nothing was written (--dry-run).")
    return "\n".join(lines)


def undo(ctx: Context, args) -> int:
    if len(args.rest) != 1 or not args.rest[0].isdigit():
        raise CommandError('give the merge to undo: "trade-crm merge undo MERGE_ID" (see "merge history")')
    result = undo_merge(int(args.rest[0]), ctx.clock)
    kept = "; kept from after the merge: " + ", ".join(f"{n} {t}" for t, n in result.kept_since.items()) \
        if result.kept_since else ""
    ctx.emit(result, f"Merge {result.merge_id} undone: customers "
                     f"{', '.join(f'#{i}' for i in (result.kept_id, *result.restored_ids))} are back as they were"
                     f"{kept}.")
    return 0


def history(ctx: Context, args) -> int:
    if args.rest:
        raise CommandError(f'unexpected "{args.rest[0]}" after "history"')
    merges = merge_history()

    def human() -> str:
        if not merges:
            return "No merges yet."
        rows = [[str(m.id), ctx.local(m.created_at), f"#{m.kept_id} {m.names.get(m.kept_id, '')}",
                 ", ".join(f"#{i} {m.names.get(i, '')}" for i in m.merged_ids),
                 ctx.local(m.undone_at) if m.undone_at else ""] for m in merges]
        return table(["ID", "WHEN", "KEPT", "MERGED", "UNDONE"], rows)

    ctx.emit({"merges": merges}, human)
    return 0


COMMANDS = (
    Command("merge", "merge duplicate customers into the first one with their whole history; "
                     "or undo a merge (undo MERGE_ID), or list merges (history)", run, arguments),
)
