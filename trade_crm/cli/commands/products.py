"""`trade-crm product import|list|show|export`: the catalog from the command line (#21).

`product import FILE` reads a product list (.xlsx/.xls/.ods/.csv) with English or Chinese headers (SKU/货号,
品名, FOB价, ≥1000 单价, 外箱尺寸, ...), adds new SKUs and updates the products whose SKU it names; every row
is reported (created, updated, unchanged, refused with its row and column). `--dry-run` writes nothing; an
import is undone with `trade-crm import undo BATCH_ID`. `product export OUT.xlsx` writes the same columns back.
"""

from __future__ import annotations

from pathlib import Path

from trade_crm.cli.base import (
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_USAGE,
    Command,
    CommandError,
    Context,
    count_arg,
    table,
)
from trade_crm.domain.quotes.catalog import ProductHit, ProductView, find_product, list_products
from trade_crm.domain.quotes.money import format_amount


def header_mapping(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        header, sep, target = pair.rpartition("=")
        if not sep or not header.strip() or not target.strip():
            raise CommandError(f'--map takes "Header=field", not "{pair}"')
        out[header.strip()] = target.strip()
    return out


def import_arguments(parser) -> None:
    parser.add_argument("file", metavar="FILE", help="the product list (.xlsx .xlsm .xls .ods .csv)")
    parser.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: the one with product headers)")
    parser.add_argument("--map", action="append", default=[], metavar="HEADER=FIELD",
                        help='map a column, e.g. --map "Art.-Nr.=sku" --map "Preis ab 500=price:500" (repeatable); '
                             "fields: sku, name, local:zh, description, hs_code, unit, moq, currency, price, "
                             "price:N, cost, pcs_per_carton, carton_size, carton_cbm, carton_net_kg, "
                             "carton_gross_kg, tags, ignore")
    parser.add_argument("--dry-run", action="store_true", help="show what would happen; write nothing")


def import_products(ctx: Context, args) -> int:
    # lazy: start-up, every command line loads every command module; only an import needs the readers
    from trade_crm.exchange.encrypted_copy import back_up_open_book
    from trade_crm.exchange.importing.products.commit import commit_products
    from trade_crm.exchange.importing.products.plan import ProductImportOptions, plan_products
    from trade_crm.exchange.importing.readers import ReadError

    if not Path(args.file).exists():
        raise CommandError(f"{args.file}: no such file", EXIT_FAILURE)
    try:
        plan = plan_products(args.file, ProductImportOptions(sheet=args.sheet, mapping=header_mapping(args.map)))
    except ReadError as exc:  # the file must be fixed: exit 2
        raise CommandError(str(exc), EXIT_USAGE) from exc
    writes = any(p.action in ("create", "update") for p in plan.products)
    if writes and not args.dry_run:
        back_up_open_book("pre-import", ctx.clock.now(), ctx.clock.zone)  # no copy, no import (one line)
    result = commit_products(plan, ctx.clock, dry_run=args.dry_run)
    data = {"batch": result.batch, "dry_run": result.dry_run, "file": plan.file_name, "sheet": plan.sheet,
            "rows": result.rows, "created": result.created, "updated": result.updated,
            "unchanged": result.unchanged, "refused": result.refused, "without_price": result.without_price,
            "outcomes": plan.outcomes, "problems": plan.problems,
            "columns": [{"header": c.header, "field": c.target, "origin": c.origin} for c in plan.columns],
            "notices": list(plan.notices)}
    ctx.emit(data, lambda: _import_text(plan, data))
    if not plan.products:
        ctx.err.write(f"trade-crm: error: {plan.file_name}: no row can be imported\n")
        return EXIT_USAGE
    return EXIT_OK


def _import_text(plan, data: dict) -> str:
    verb = "Would import" if data["dry_run"] else (f"Import {data['batch']}:" if data["batch"] else "Imported")
    lines = [f"{verb} {plan.file_name}" + (f" (sheet {plan.sheet})" if plan.sheet != plan.file_name else "")
             + f", {data['rows']} rows",
             f"  created: {data['created']}   updated: {data['updated']}   unchanged: {data['unchanged']}   "
             f"refused: {data['refused']}   without a price: {data['without_price']}"]
    lines += [f"  note: {n}" for n in plan.notices]
    if plan.problems:
        lines.append("Problems:")
        lines += [f"  {p.sheet}, row {p.row}" + (f", {p.column}" if p.column else "") + f": {p.message}"
                  + ("" if p.severity == "error" else " (imported)") for p in plan.problems[:30]]
        if len(plan.problems) > 30:
            lines.append(f"  ... and {len(plan.problems) - 30} more (use --json)")
    if data["dry_run"]:
        lines.append("Nothing was written (--dry-run).")
    elif data["batch"]:
        lines.append(f'Undo with "trade-crm import undo {data["batch"]}".')
    return "\n".join(lines)


def list_arguments(parser) -> None:
    parser.add_argument("--search", default="", metavar="TEXT",
                        help="a SKU's start, a word of a name in any language, 1-2 Chinese characters, an HS code "
                             "or a tag")
    parser.add_argument("--archived", action="store_true", help="list archived products too")
    parser.add_argument("--limit", metavar="N", type=count_arg("--limit"), default=50,
                        help="show at most N products (default 50)")
    parser.add_argument("--offset", metavar="N", type=count_arg("--offset", minimum=0), default=0,
                        help="skip the first N products")


def list_command(ctx: Context, args) -> int:
    page = list_products(args.search.strip(), offset=args.offset, limit=args.limit, include_archived=args.archived)

    def human() -> str:
        if not page.rows:
            return "No products found." if not page.total else f"No products on this page ({page.total} in all)."
        rows = [[str(h.id), h.sku, h.name, " / ".join(h.local_names.values()), price(h), str(h.moq or ""),
                 h.hs_code, "archived" if h.archived else ""] for h in page.rows]
        text = table(["ID", "SKU", "NAME", "OTHER NAMES", "PRICE", "MOQ", "HS CODE", ""], rows)
        if page.total > len(page.rows):
            text += f"\n{args.offset + 1}-{args.offset + len(page.rows)} of {page.total} shown; use --limit/--offset."
        return text

    ctx.emit({"query": args.search.strip(), "count": page.total, "results": page.rows}, human)
    return EXIT_OK


def price(product: ProductHit | ProductView) -> str:
    """The list price as "USD 12.50" (a unit price keeps up to 4 places: "USD 0.035")."""
    if not product.tiers:
        return "no price"
    value = product.tiers[0].unit_price
    shown = format_amount(value, product.currency) if value == round(value, 2) else f"{value.normalize():f}"
    return f"{product.currency} {shown}"


def show_arguments(parser) -> None:
    parser.add_argument("product", metavar="SKU|ID", help="the product's SKU (any case) or its ID")


def show(ctx: Context, args) -> int:
    view = find_product(args.product)

    def human() -> str:
        lines = [f"{view.sku}  {view.name}" + ("  (archived)" if view.archived else "")]
        lines += [f"  name ({lang}): {name}" for lang, name in sorted(view.local_names.items())]
        if view.description:
            lines.append(f"  description: {view.description}")
        lines.append(f"  ID {view.id}   unit {view.unit}   MOQ {view.moq or '-'}   HS code {view.hs_code or '-'}   "
                     f"currency {view.currency}")
        if view.tiers:
            lines.append("  prices: " + ", ".join(f"from {t.min_quantity.normalize():f}: {t.unit_price.normalize():f}"
                                                  for t in view.tiers))
        else:
            lines.append("  prices: none (a quotation line needs a typed price)")
        if view.cost is not None:
            lines.append(f"  cost: {view.cost.normalize():f} (never printed on documents)")
        packing = [f"{view.pcs_per_carton} pcs/carton" if view.pcs_per_carton else "",
                   "carton " + "×".join(f"{d.normalize():f}" for d in (view.carton_length_cm, view.carton_width_cm,
                                                                         view.carton_height_cm)) + " cm"
                   if view.carton_length_cm and view.carton_width_cm and view.carton_height_cm else "",
                   f"{view.carton_cbm.normalize():f} CBM" if view.carton_cbm else "",
                   f"N.W. {view.carton_net_kg.normalize():f} kg" if view.carton_net_kg else "",
                   f"G.W. {view.carton_gross_kg.normalize():f} kg" if view.carton_gross_kg else ""]
        if any(packing):
            lines.append("  packing: " + ", ".join(p for p in packing if p))
        if view.tags:
            lines.append(f"  tags: {', '.join(view.tags)}")
        if view.photos:
            lines.append(f"  photos: {', '.join(p.name for p in view.photos)}")
        return "\n".join(lines)

    ctx.emit(view, human)
    return EXIT_OK


def export_arguments(parser) -> None:
    parser.add_argument("out", metavar="OUT.xlsx", help="the workbook to write")
    parser.add_argument("--archived", action="store_true", help="export archived products too")


def export(ctx: Context, args) -> int:
    from trade_crm.exchange.exporting.products import export_products  # lazy: start-up (xlsxwriter)

    if Path(args.out).suffix.lower() != ".xlsx":
        raise CommandError(f"{args.out}: give a file name ending in .xlsx")
    result = export_products(args.out, include_archived=args.archived)
    ctx.emit(result, f"{result.products} products written to {result.path}")
    return EXIT_OK


COMMANDS = (
    Command("product import", "import products from Excel or CSV (English or Chinese headers), by SKU",
            import_products, import_arguments),
    Command("product list", "list or search the product catalog", list_command, list_arguments),
    Command("product show", "show one product: names, prices by quantity, packing", show, show_arguments),
    Command("product export", "export the catalog to .xlsx (the columns product import reads)", export,
            export_arguments),
)
