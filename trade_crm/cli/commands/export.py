"""`trade-crm export FILE.xlsx` and `trade-crm export vcard FILE.vcf`: customers out, for sharing.

One command whose first word is the file, or "vcard" followed by the file (the same shape as
`import FILE` / `import undo 7`). The same filters as `search` choose the customers; without any,
every customer is exported.
"""

from __future__ import annotations

from pathlib import Path

from trade_crm.cli.base import Command, CommandError, Context, country_arg
from trade_crm.domain.clock import today
from trade_crm.domain.customers.query import CustomerFilter
from trade_crm.domain.errors import ValidationError
from trade_crm.exchange.exporting.columns import SHEETS, parse_sheets
from trade_crm.store.models import RATINGS


def arguments(parser) -> None:
    parser.add_argument("target", metavar="FILE", help='the workbook to write (.xlsx), or "vcard" then FILE.vcf '
                                                       "for the contacts as vCards")
    parser.add_argument("file", nargs="?", metavar="FILE.vcf", help='with "vcard": the file to write')
    parser.add_argument("--search", default="", metavar="TEXT", help="only customers matching this text")
    parser.add_argument("--country", action="append", default=[], type=country_arg("--country"),
                        help="only customers in this country, e.g. DE, Germany, 德国 (repeatable)")
    parser.add_argument("--tag", default="", metavar="T", help="only customers with this tag")
    parser.add_argument("--rating", action="append", default=[], metavar="A",
                        help=f"only this rating: {', '.join(RATINGS)} (repeatable)")
    parser.add_argument("--sheets", default=",".join(SHEETS), metavar="LIST",
                        help=f"the sheets to write, comma-separated (default: {','.join(SHEETS)})")
    parser.add_argument("--lang", "--language", dest="language", choices=("en", "zh"), default="en",
                        help="the language of the headers, country names, stages, sources and languages "
                             "(default: en)")


def _filter(args) -> CustomerFilter:
    ratings = tuple(dict.fromkeys(r.strip().upper() for r in args.rating))
    for rating in ratings:
        if rating not in RATINGS:
            raise ValidationError("--rating", f'"{rating}" is not one of {", ".join(RATINGS)}')
    return CustomerFilter(text=args.search.strip(), countries=tuple(dict.fromkeys(args.country)),
                          tag=args.tag.strip(), ratings=ratings)


def run(ctx: Context, args) -> int:
    # lazy: start-up, every command line loads every command module; only an export needs xlsxwriter
    from trade_crm.exchange.exporting.workbook import customer_ids

    if args.target == "vcard" and not Path("vcard").is_file():
        if not args.file:
            raise CommandError('give the file to write: "trade-crm export vcard FILE.vcf"')
        return _vcard(ctx, args, Path(args.file))
    if args.file:
        raise CommandError(f'unexpected "{args.file}" after the file name')
    target = Path(args.target)
    if target.suffix.lower() == ".vcf":
        return _vcard(ctx, args, target)
    if target.suffix.lower() != ".xlsx":
        raise CommandError(f'"{target.name}": give a file name ending in .xlsx (or "export vcard FILE.vcf")')
    from trade_crm.exchange.exporting.workbook import export_workbook  # lazy: start-up, as above

    try:
        sheets = parse_sheets(args.sheets)
    except ValueError as exc:
        raise ValidationError("--sheets", str(exc)) from None
    flt = _filter(args)
    ids = customer_ids(flt, today=today(ctx.clock), now=ctx.clock.now())
    result = export_workbook(target, ids, sheets=sheets, language=args.language, zone=ctx.clock.zone)
    counts = ", ".join(f"{s} {result.rows[s]:,}" for s in sheets)
    ctx.emit({**_data(result), "sheets": result.rows, "filter": flt},
             f"Exported {_customers(result.customers)} to {result.path} (rows: {counts}).")
    return 0


def _vcard(ctx: Context, args, target: Path) -> int:
    # lazy: start-up, as above
    from trade_crm.exchange.exporting.workbook import customer_ids
    from trade_crm.exchange.vcard.writer import export_vcards

    flt = _filter(args)
    ids = customer_ids(flt, today=today(ctx.clock), now=ctx.clock.now())
    result = export_vcards(target, ids, language=args.language)
    ctx.emit({**_data(result), "cards": result.cards, "filter": flt},
             f"Wrote {result.cards:,} contact{'' if result.cards == 1 else 's'} of {_customers(result.customers)} "
             f"to {result.path} (vCard 3.0).")
    return 0


def _customers(count: int) -> str:
    return f"{count:,} customer{'' if count == 1 else 's'}"


def _data(result) -> dict:
    return {"file": result.path, "customers": result.customers}


COMMANDS = (
    Command("export", "export customers to Excel (.xlsx), or their contacts to vCard (export vcard FILE.vcf)",
            run, arguments),
)
