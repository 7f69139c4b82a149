"""`trade-crm quote …` and `trade-crm pi …`: quotations and proforma invoices from the command line.

A line is `--line SKU:QTY[:PRICE[:DISCOUNT]]` for a catalog product (no price: the tier price for the quantity) or
`--line "free text:QTY:PRICE[:DISCOUNT]"`; the numbers are read from the right, so the text may hold colons.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from trade_crm.cli.base import Command, CommandError, Context, date_arg, table
from trade_crm.domain.clock import today
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.quotes.document import BankDetails, Party
from trade_crm.domain.quotes.documents import proforma_document, quotation_document
from trade_crm.domain.quotes.money import format_amount
from trade_crm.domain.quotes.numbering import numbering, set_numbering
from trade_crm.domain.quotes.pricing import LineInput, product_by_sku
from trade_crm.domain.quotes.proforma import (
    ProformaInput,
    ProformaView,
    list_proformas,
    proforma_from_quotation,
    proforma_view,
    set_proforma_status,
)
from trade_crm.domain.quotes.quotations import (
    INCOTERMS,
    TRANSITIONS,
    QuotationInput,
    QuotationView,
    create_quotation,
    duplicate_quotation,
    list_quotations,
    quotation_view,
    revise_quotation,
    set_quotation_status,
    status_on,
)
from trade_crm.domain.quotes.seller import BANK_FIELDS, TEXTS, read_seller_profile, save_seller_profile
from trade_crm.domain.quotes.sent import CHANNELS, mark_document_sent

LANGUAGES = ("en", "zh")


def attachments_folder(ctx: Context) -> Path:
    """The book's files live beside it; a server book's in this computer's data folder (as `files`)."""
    # lazy: start-up, every command line loads every command module
    from trade_crm.domain.attachments.blobs import attachments_for, attachments_root
    from trade_crm.paths import AppPaths

    if isinstance(ctx.db_path, str) and "://" in ctx.db_path:
        return attachments_root(AppPaths.default().data_dir)
    return attachments_for(Path(ctx.db_path))


def _is_number(text: str) -> bool:
    try:
        Decimal(text.strip().replace(",", ""))
    except ArithmeticError:
        return False
    return bool(text.strip())


def parse_line(text: str) -> LineInput:
    """`SKU:QTY[:PRICE[:DISCOUNT]]` (PRICE may be left empty: `SKU:150::5`) or `free text:QTY:PRICE[:DISCOUNT]`;
    ValidationError("--line") otherwise."""
    usage = f'"{text}": write SKU:QTY[:PRICE[:DISCOUNT]] or "text:QTY:PRICE[:DISCOUNT]"'
    parts = text.split(":")
    product_id = product_by_sku(parts[0]) if 2 <= len(parts) <= 4 else None
    if product_id is not None:
        quantity, price, discount = (parts[1:] + ["", ""])[:3]
        if not _is_number(quantity):
            raise ValidationError("--line", usage)
        return LineInput(product_id, "", quantity.strip(), price.strip() or None, discount.strip() or "0")
    numbers: list[str] = []
    while len(parts) > 1 and len(numbers) < 3 and _is_number(parts[-1]):
        numbers.insert(0, parts.pop().strip())
    head = ":".join(parts).strip()
    if not head or not numbers:
        raise ValidationError("--line", usage)
    if len(numbers) < 2:
        raise ValidationError("--line", f'"{head}" is no product\'s SKU; a free-text line needs its price '
                                        f'("{head}:{numbers[0]}:PRICE")')
    quantity, price, discount = (numbers + [""])[:3]
    return LineInput(None, head, quantity, price, discount or "0")


# --- quote ---------------------------------------------------------------------------------------------------

def _quotation_text(view: QuotationView, day: date) -> str:
    money = lambda amount: format_amount(amount, view.currency)  # noqa: E731 - a local shorthand
    status = status_on(view.status, view.valid_until, day)  # "expired" as the Quotes tab reads it
    head = [f"{view.label} · {view.customer_name} (#{view.customer_id}) · {status}",
            f"Issued {view.issued_on}" + (f", valid until {view.valid_until}" if view.valid_until else ""),
            " ".join(p for p in (view.incoterm, view.incoterm_place) if p) or "No Incoterm"]
    if view.payment_terms:
        head.append(f"Payment: {view.payment_terms}")
    if view.lead_time:
        head.append(f"Lead time: {view.lead_time}")
    rows = [[str(line.position), line.sku, line.description, f"{line.quantity.normalize():f} {line.unit}",
             f"{line.unit_price.normalize():f}", f"{line.discount_percent.normalize():f}%" if line.discount_percent
             else "", money(line.amount)] for line in view.lines]
    margin = (f" · margin {view.currency} {money(view.margin)} ({view.margin_percent}%)"
              if view.margin_percent is not None else "")
    return "\n".join(head + ["", table(["#", "SKU", "Description", "Qty", "Price", "Disc.", "Amount"], rows), "",
                             f"Total {view.currency} {money(view.total)}{margin}"])


def new_arguments(parser) -> None:
    parser.add_argument("--customer", type=int, required=True, metavar="ID")
    parser.add_argument("--contact", type=int, metavar="ID")
    parser.add_argument("--currency", required=True, metavar="CODE", help="USD, EUR, JPY, …")
    parser.add_argument("--incoterm", default="", metavar="TERM", help=" ".join(INCOTERMS))
    parser.add_argument("--place", default="", metavar="PLACE", help="the Incoterm's named place (Ningbo)")
    parser.add_argument("--line", action="append", default=[], metavar="SKU:QTY[:PRICE[:DISCOUNT]]",
                        help='a product line, or "free text:QTY:PRICE[:DISCOUNT]"; repeat for more lines')
    parser.add_argument("--payment-terms", default="", metavar="TEXT", help='"T/T 30/70", "L/C at sight"')
    parser.add_argument("--lead-time", default="", metavar="TEXT", help='"25 days after deposit"')
    parser.add_argument("--valid-until", type=date_arg("--valid-until"), metavar="YYYY-MM-DD")
    parser.add_argument("--valid-days", type=int, metavar="DAYS", help="valid for this many days from today")
    parser.add_argument("--notes", default="", metavar="TEXT")
    parser.add_argument("--strict-moq", action="store_true", help="refuse a quantity below a product's MOQ")


def quote_new(ctx: Context, args) -> int:
    if not args.line:
        raise ValidationError("--line", "give at least one line: --line SKU:QTY or --line \"text:QTY:PRICE\"")
    valid_until = args.valid_until
    if args.valid_days is not None:
        if args.valid_days < 0:
            raise ValidationError("--valid-days", "a number of days from today, 0 or more")
        valid_until = today(ctx.clock) + timedelta(days=args.valid_days)
    data = QuotationInput(args.customer, args.currency, tuple(parse_line(text) for text in args.line),
                          contact_id=args.contact, incoterm=args.incoterm, incoterm_place=args.place,
                          payment_terms=args.payment_terms, lead_time=args.lead_time, valid_until=valid_until,
                          notes=args.notes, allow_below_moq=not args.strict_moq)
    view = create_quotation(data, ctx.clock)
    ctx.emit(view, lambda: f"Created quotation #{view.id}\n{_quotation_text(view, today(ctx.clock))}")
    return 0


def id_argument(parser) -> None:
    parser.add_argument("id", type=int, metavar="ID")


def quote_show(ctx: Context, args) -> int:
    view = quotation_view(args.id)
    ctx.emit(view, lambda: _quotation_text(view, today(ctx.clock)))
    return 0


def list_arguments(parser) -> None:
    parser.add_argument("--customer", type=int, metavar="ID")
    parser.add_argument("--status", choices=tuple(TRANSITIONS))


def quote_list(ctx: Context, args) -> int:
    rows, day = list_quotations(args.customer, status=args.status), today(ctx.clock)
    ctx.emit({"quotations": rows}, lambda: table(  # the JSON keeps the stored status; the table reads as the tab
        ["ID", "Number", "Customer", "Status", "Total", "Issued", "Valid until"],
        [[str(q.id), q.label, q.customer_name, status_on(q.status, q.valid_until, day),
          f"{q.currency} {format_amount(q.total, q.currency)}",
          str(q.issued_on), str(q.valid_until or "")] for q in rows]) if rows else "No quotations.")
    return 0


def quote_revise(ctx: Context, args) -> int:
    view = revise_quotation(args.id, ctx.clock)
    ctx.emit(view, f"Created {view.label} (#{view.id}), a draft revising #{view.previous_id}")
    return 0


def duplicate_arguments(parser) -> None:
    id_argument(parser)
    parser.add_argument("--customer", type=int, required=True, metavar="ID", help="the customer the copy is for")
    parser.add_argument("--contact", type=int, metavar="ID")


def quote_duplicate(ctx: Context, args) -> int:
    view = duplicate_quotation(args.id, args.customer, ctx.clock, contact_id=args.contact)
    ctx.emit(view, f"Created quotation {view.label} (#{view.id}) for {view.customer_name}, copied from #{args.id}")
    return 0


def status_arguments(states: tuple[str, ...]):
    def add(parser) -> None:
        id_argument(parser)
        parser.add_argument("status", metavar="STATUS", help=", ".join(states))
        parser.add_argument("--pdf", type=Path, metavar="FILE", help="with sent: the PDF that went, attached to "
                                                                     "the timeline entry")
        parser.add_argument("--channel", default="", choices=[c for c in CHANNELS if c],
                            help="with sent: how it went (whatsapp, wechat, email, hand, post)")
    return add


def _sent(ctx: Context, kind: str, args) -> None:
    root = attachments_folder(ctx) if args.pdf is not None else None
    sent = mark_document_sent(kind, args.id, args.pdf, ctx.clock, root=root, channel=args.channel)
    ctx.emit(sent, f"{sent.label} is sent; timeline entry #{sent.interaction_id}"
             + (" with the PDF attached" if sent.attachment_id else ""))


def quote_status(ctx: Context, args) -> int:
    status = args.status.strip().lower()
    if status == "sent":
        _sent(ctx, "quotation", args)
        return 0
    if args.pdf is not None or args.channel:
        raise ValidationError("--pdf", "a PDF and a channel go with the status sent")
    view = set_quotation_status(args.id, status, ctx.clock)
    ctx.emit(view, f"{view.label} is {view.status}")
    return 0


def pdf_arguments(parser) -> None:
    id_argument(parser)
    parser.add_argument("out", type=Path, metavar="OUT.pdf")
    parser.add_argument("--lang", default="en", choices=LANGUAGES, help="the printed labels' language")


def _render(ctx: Context, document, out: Path) -> Path:
    if out.suffix.lower() != ".pdf":
        raise ValidationError("OUT.pdf", f"{out.name}: the file to write ends in .pdf")
    if not out.parent.is_dir():
        raise ValidationError("OUT.pdf", f"{out.parent} is not a folder")
    try:
        # lazy: fpdf2 and the fonts load only for a PDF
        from trade_crm.exchange.documents.pdf import render_pdf
    except ImportError as error:  # pragma: no cover - a build without the renderer
        raise CommandError(f"PDF output is not available in this build ({error})") from None
    path = render_pdf(document, out)
    _finish_font_cache(ctx)
    return path


def _finish_font_cache(ctx: Context) -> None:
    """The first Chinese-capable PDF on a machine starts building the reduced CJK face; a one-shot command
    waits for it (once per machine) so the next commands print in a fifth of the time, instead of having
    it stopped at exit and started again by every command."""
    # lazy: only a command that rendered a PDF has loaded the face cache
    from trade_crm.exchange.documents import face_cache

    if face_cache.building():
        ctx.err.write("Preparing the Chinese font once for this machine (about 10 seconds); "
                      "later PDFs are faster…\n")
        ctx.err.flush()
        face_cache.wait_for_builds()


def _write_pdf(ctx: Context, document, out: Path) -> int:
    path = _render(ctx, document, out)
    ctx.emit({"path": str(path), "number": document.number}, f"Wrote {document.number} to {path}")
    return 0


def quote_pdf(ctx: Context, args) -> int:
    return _write_pdf(ctx, quotation_document(args.id, args.lang, attachments_folder(ctx)), args.out)


def numbering_arguments(parser) -> None:
    parser.add_argument("pattern", nargs="?", metavar="PATTERN", help="e.g. Q{yyMMdd}-{n}; tokens {yyyy} {yy} {MM} "
                                                                      "{dd} {yyMMdd} {n} {customer}")
    parser.add_argument("--pi", action="store_true", help="the proforma invoices' numbering")


def quote_numbering(ctx: Context, args) -> int:
    kind = "proforma" if args.pi else "quotation"
    pattern = set_numbering(kind, args.pattern) if args.pattern is not None else numbering(kind)
    ctx.emit({"kind": kind, "pattern": pattern}, f"{kind.capitalize()} numbers: {pattern}")
    return 0


# --- pi ------------------------------------------------------------------------------------------------------

def _proforma_text(view: ProformaView) -> str:
    money = lambda amount: format_amount(amount, view.currency)  # noqa: E731 - a local shorthand
    rows = [[str(line.position), line.sku, line.description, f"{line.quantity.normalize():f} {line.unit}",
             f"{line.unit_price.normalize():f}", money(line.amount)] for line in view.lines]
    ports = " → ".join(p for p in (view.port_of_loading, view.port_of_discharge) if p)
    packing = view.packing
    return "\n".join([
        f"{view.number} · {view.customer_name} (#{view.customer_id}) · {view.status}"
        + (f" · order #{view.order_id}" if view.order_id else ""),
        f"Issued {view.issued_on} from {view.quotation_label or '-'}"
        + (f" · {view.incoterm} {view.incoterm_place}" if view.incoterm else "") + (f" · {ports}" if ports else ""),
        f"Buyer: {view.buyer.name}" + (f" · consignee: {view.consignee.name}"
                                       if view.consignee != view.buyer else ""),
        "", table(["#", "SKU", "Description", "Qty", "Price", "Amount"], rows), "",
        f"Total {view.currency} {money(view.total)}",
        f"Packing: {packing.cartons:f} cartons, {packing.cbm.normalize():f} CBM, N.W. {packing.net_kg.normalize():f}"
        f" kg, G.W. {packing.gross_kg.normalize():f} kg" if view.line_packing else "Packing: -"])


def from_quote_arguments(parser) -> None:
    id_argument(parser)
    parser.add_argument("--port-of-loading", default="", metavar="PORT")
    parser.add_argument("--port-of-discharge", default="", metavar="PORT")
    parser.add_argument("--consignee", metavar="NAME", help="when it is not the buyer")
    parser.add_argument("--consignee-address", default="", metavar="TEXT")
    parser.add_argument("--payment-terms", metavar="TEXT", help="default: the quotation's")
    parser.add_argument("--lead-time", metavar="TEXT", help="default: the quotation's")
    parser.add_argument("--notes", metavar="TEXT", help="default: the quotation's")


def pi_from_quote(ctx: Context, args) -> int:
    consignee = Party(args.consignee, args.consignee_address) if args.consignee is not None else None
    view = proforma_from_quotation(args.id, ProformaInput(
        consignee=consignee, port_of_loading=args.port_of_loading, port_of_discharge=args.port_of_discharge,
        payment_terms=args.payment_terms, lead_time=args.lead_time, notes=args.notes), ctx.clock)
    ctx.emit(view, lambda: f"Issued proforma invoice #{view.id}\n{_proforma_text(view)}")
    return 0


def pi_show(ctx: Context, args) -> int:
    view = proforma_view(args.id)
    ctx.emit(view, lambda: _proforma_text(view))
    return 0


def pi_list_arguments(parser) -> None:
    parser.add_argument("--customer", type=int, metavar="ID")


def pi_list(ctx: Context, args) -> int:
    rows = list_proformas(args.customer)
    ctx.emit({"proformas": rows}, lambda: table(
        ["ID", "Number", "Customer", "Status", "Total", "Issued"],
        [[str(p.id), p.number, p.customer_name, p.status, f"{p.currency} {format_amount(p.total, p.currency)}",
          str(p.issued_on)] for p in rows]) if rows else "No proforma invoices.")
    return 0


def pi_status(ctx: Context, args) -> int:
    status = args.status.strip().lower()
    if status == "sent":
        _sent(ctx, "proforma", args)
        return 0
    if args.pdf is not None or args.channel:
        raise ValidationError("--pdf", "a PDF and a channel go with the status sent")
    view = set_proforma_status(args.id, status, ctx.clock)
    ctx.emit(view, f"{view.number} is {view.status}" + (f"; order #{view.order_id} recorded for "
                                                         f"{view.currency} {format_amount(view.total, view.currency)}"
                                                         if view.order_id and status == "ordered" else ""))
    return 0


def pi_pdf(ctx: Context, args) -> int:
    return _write_pdf(ctx, proforma_document(args.id, args.lang, attachments_folder(ctx)), args.out)


def seller_arguments(parser) -> None:
    for name in TEXTS:
        parser.add_argument(f"--{name.replace('_', '-')}", metavar="TEXT")
    for name in BANK_FIELDS:
        parser.add_argument(f"--{name.replace('_', '-')}", metavar="TEXT")
    for name in ("logo", "signature", "stamp"):
        parser.add_argument(f"--{name}", type=Path, metavar="IMAGE")


def pi_seller(ctx: Context, args) -> int:
    """Show the seller profile; with options, change those fields and keep the rest."""
    root = attachments_folder(ctx)
    profile = read_seller_profile(root)
    given = {name: value for name, value in vars(args).items() if value is not None}
    texts = {name: given[name] for name in TEXTS if name in given}
    bank = {name: given[name] for name in BANK_FIELDS if name in given}
    images = {name: given[name] for name in ("logo", "signature", "stamp") if name in given}
    if texts or bank or images:
        profile = save_seller_profile(profile.__class__(**{
            **profile.__dict__, **texts, **images, "bank": BankDetails(**{**profile.bank.__dict__, **bank})}), root)
    ctx.emit(profile, lambda: "\n".join(
        [f"{name.replace('_', ' ').capitalize()}: {getattr(profile, name)}" for name in TEXTS]
        + [f"Bank {name.replace('_', ' ')}: {getattr(profile.bank, name)}" for name in BANK_FIELDS]
        + [f"{name.capitalize()}: {getattr(profile, name) or '-'}" for name in ("logo", "signature", "stamp")]))
    return 0


COMMANDS = (
    Command("quote new", "create a draft quotation: --customer ID --currency USD --line SKU:QTY …", quote_new,
            new_arguments),
    Command("quote list", "list quotations (every revision), newest first", quote_list, list_arguments),
    Command("quote show", "show a quotation with its lines, total and margin", quote_show, id_argument),
    Command("quote revise", "make the next version (v2, v3) of a sent quotation as a draft", quote_revise,
            id_argument),
    Command("quote duplicate", "copy a quotation, prices as they were, for another customer", quote_duplicate,
            duplicate_arguments),
    Command("quote status", "mark a quotation sent (with its PDF), accepted, rejected or expired", quote_status,
            status_arguments(("sent", "accepted", "rejected", "expired"))),
    Command("quote pdf", "write a quotation as PDF", quote_pdf, pdf_arguments),
    Command("quote numbering", "show or set the numbering of quotations (or, with --pi, of PIs)", quote_numbering,
            numbering_arguments),
    Command("pi from-quote", "issue a proforma invoice from an accepted quotation", pi_from_quote,
            from_quote_arguments),
    Command("pi list", "list proforma invoices, newest first", pi_list, pi_list_arguments),
    Command("pi show", "show a proforma invoice with its packing summary", pi_show, id_argument),
    Command("pi status", "mark a PI sent (with its PDF), ordered (records the order) or cancelled", pi_status,
            status_arguments(("sent", "ordered", "cancelled"))),
    Command("pi pdf", "write a proforma invoice as PDF", pi_pdf, pdf_arguments),
    Command("pi seller", "show or change the seller profile printed on the documents (company, bank)", pi_seller,
            seller_arguments),
)
