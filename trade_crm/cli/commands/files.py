"""`trade-crm files list|add|check`: the files kept with customers and their timeline entries."""

from __future__ import annotations

from pathlib import Path

from trade_crm.cli.base import Command, CommandError, Context, table
from trade_crm.domain.attachments.blobs import attachments_for
from trade_crm.domain.attachments.changes import oversized, size_limit
from trade_crm.domain.attachments.integrity import attached_elsewhere, check_files, clean_up, is_present
from trade_crm.domain.attachments.records import NewFile, attach_files, attachments_of
from trade_crm.domain.customers.records import get_customer
from trade_crm.paths import resolve_db_path


def files_root(ctx: Context) -> Path:
    """The attachments folder beside the book file; on a team server, beside this laptop's own book (the
    rows are shared, each file's bytes stay on the laptop that attached it)."""
    return attachments_for(ctx.db_path if isinstance(ctx.db_path, Path) else resolve_db_path(None))


def size_text(size: int) -> str:
    for unit in ("bytes", "kB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return str(size)


def list_arguments(parser) -> None:
    parser.add_argument("customer_id", type=int, metavar="CUSTOMER_ID")
    parser.add_argument("--deleted", action="store_true", help="also list files deleted within the undo window")


def list_files(ctx: Context, args) -> int:
    customer = get_customer(args.customer_id)
    root = files_root(ctx)
    infos = attachments_of(customer.id, include_deleted=args.deleted)
    rows = []
    for info in infos:
        elsewhere = attached_elsewhere(info)
        state = ("deleted" if info.deleted_at else "ok" if is_present(root, info)
                 else f"on {elsewhere}'s computer" if elsewhere else "missing")
        rows.append({"file": info, "state": state})

    def human() -> str:
        if not rows:
            return f"{customer.name} (#{customer.id}) has no files"
        return table(("ID", "NAME", "SIZE", "ADDED", "ENTRY", "STATE"), [
            (str(r["file"].id), r["file"].name, size_text(r["file"].size), ctx.local(r["file"].created_at),
             str(r["file"].interaction_id or "-"), r["state"]) for r in rows], max_width=40)
    ctx.emit({"customer_id": customer.id, "files": rows}, human)
    return 0


def add_arguments(parser) -> None:
    parser.add_argument("customer_id", type=int, metavar="CUSTOMER_ID")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="the files to keep with the customer")
    parser.add_argument("--entry", type=int, metavar="ID", help="the timeline entry they belong to")
    parser.add_argument("--force", action="store_true", help="attach files over the size limit without asking")


def add_files(ctx: Context, args) -> int:
    paths = [Path(p).expanduser() for p in args.paths]
    for path in paths:
        if not path.is_file():
            raise CommandError(f"{path} is not a file")
    big = oversized(paths)
    if big and not args.force:
        name, size = big[0]
        raise CommandError(f"{name} is {size_text(size)}, over the {size_text(size_limit())} limit; "
                           "add --force to attach it anyway")
    try:
        infos = attach_files(files_root(ctx), args.customer_id, [NewFile(p) for p in paths], ctx.clock,
                             interaction_id=args.entry)
    except OSError as exc:
        raise CommandError(f"cannot keep the file: {exc.strerror or exc}", 1) from exc
    ctx.emit({"files": infos}, "\n".join(f"Attached {i.name} (#{i.id}, {size_text(i.size)}) to customer "
                                         f"{args.customer_id}" for i in infos))
    return 0


def check_arguments(parser) -> None:
    parser.add_argument("--clean-up", action="store_true", help="remove the stored files no customer names")


def check(ctx: Context, args) -> int:
    root = files_root(ctx)
    result = check_files(root)
    removed = clean_up(root, result.unnamed) if args.clean_up else 0
    missing = [{"file": info, "elsewhere": attached_elsewhere(info)} for info in result.missing]

    def human() -> str:
        lines = [f"{result.checked} files checked in {root}: {len(result.missing)} missing, "
                 f"{len(result.unnamed)} stored files no customer names ({size_text(result.unnamed_bytes)})"]
        lines += [f"  missing: #{m['file'].id} {m['file'].name} (customer {m['file'].customer_id})"
                  + (f", on {m['elsewhere']}'s computer" if m["elsewhere"] else "") for m in missing]
        if args.clean_up:
            lines.append(f"Removed {removed} stored files no customer names")
        elif result.unnamed:
            lines.append("Remove them with: trade-crm files check --clean-up")
        return "\n".join(lines)
    ctx.emit({"folder": str(root), "checked": result.checked, "missing": missing, "unnamed": result.unnamed,
              "unnamed_bytes": result.unnamed_bytes, "removed": removed}, human)
    return 1 if result.missing else 0


COMMANDS = (
    Command("files list", "list a customer's files", list_files, list_arguments),
    Command("files add", "keep files with a customer (or one of its timeline entries)", add_files, add_arguments),
    Command("files check", "check every kept file is on this disk; list stored files no customer names", check,
            check_arguments),
)
