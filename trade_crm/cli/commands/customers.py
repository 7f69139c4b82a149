"""`trade-crm customer add`, `customer edit` and `customer show`."""

from __future__ import annotations

from trade_crm.cli.base import EXIT_CONFLICT, Command, CommandError, Context, count_arg, date_arg
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import CustomerDetail, create_customer, get_customer, update_customer
from trade_crm.domain.customers.timeline import TimelineEntry, timeline
from trade_crm.domain.errors import EditConflict, ValidationError
from trade_crm.domain.world.countries import country_name

# option -> customer field; values go to the domain as given, the domain validates and normalises them
CUSTOMER_OPTIONS = ("country", "city", "address", "website", "industry", "products", "rating", "source",
                    "currency", "notes")
CONTACT_OPTIONS = ("contact", "title", "email", "phone", "whatsapp", "wechat")


def add_arguments(parser) -> None:
    parser.add_argument("--name", required=True, help="company name")
    parser.add_argument("--alt-name", dest="alt_name", metavar="NAME",
                        help="the name in another script or language (searchable), e.g. 阿克米贸易有限公司")
    for option in CUSTOMER_OPTIONS:
        parser.add_argument(f"--{option}", metavar=option.upper())
    parser.add_argument("--tag", action="append", default=[], metavar="TAG", help="a tag (repeatable)")
    person = parser.add_argument_group("the first contact (made when any of these is given)")
    person.add_argument("--contact", metavar="NAME", help="the person's name")
    person.add_argument("--title", help="job title")
    person.add_argument("--email", action="append", default=[], help="an email address (repeatable)")
    person.add_argument("--phone", action="append", default=[], help="a phone number (repeatable)")
    person.add_argument("--whatsapp", metavar="NUMBER")
    person.add_argument("--wechat", metavar="ID")


def add(ctx: Context, args) -> int:
    fields = {k: getattr(args, k) for k in (*CUSTOMER_OPTIONS, "alt_name") if getattr(args, k) is not None}
    contacts = []
    if any(getattr(args, k) for k in CONTACT_OPTIONS):
        contacts.append(ContactInput(name=args.contact or "", title=args.title or "",
                                     emails=tuple(args.email), phones=tuple(args.phone),
                                     whatsapp=args.whatsapp or "", wechat=args.wechat or "",
                                     is_primary=True))
    try:
        customer_id = create_customer(ctx.clock, contacts=contacts, tags=args.tag, name=args.name, **fields)
    except ValidationError as exc:  # "contacts[0].email" -> "email": there is one contact here
        if exc.field.startswith("contacts[0]."):
            raise ValidationError(exc.field.removeprefix("contacts[0]."), exc.message) from None
        raise
    if ctx.json:
        ctx.emit(get_customer(customer_id), "")
    else:
        ctx.print(str(customer_id))  # only the id, so a script can do id=$(trade-crm customer add ...)
    return 0


def edit_arguments(parser) -> None:
    parser.add_argument("id", type=int, metavar="ID", help="customer id")
    parser.add_argument("--version", type=count_arg("--version"), metavar="N",
                        help="the version you read (`customer show`); if someone saved since, fields you both "
                             "changed are refused with exit code 3 instead of overwritten")
    parser.add_argument("--name", help="company name")
    parser.add_argument("--alt-name", dest="alt_name", metavar="NAME", help="the name in another script or language")
    for option in CUSTOMER_OPTIONS:
        parser.add_argument(f"--{option}", metavar=option.upper())
    parser.add_argument("--follow-up-on", dest="follow_up_on", type=date_arg("--follow-up-on"), metavar="YYYY-MM-DD")
    parser.add_argument("--tag", action="append", metavar="TAG", help="replaces the tags (repeatable)")


def edit(ctx: Context, args) -> int:
    """Change the given fields; with --version, a save over someone else's newer one is refused per field."""
    fields = {k: getattr(args, k) for k in (*CUSTOMER_OPTIONS, "name", "alt_name", "follow_up_on")
              if getattr(args, k) is not None}
    if not fields and args.tag is None:
        raise CommandError("say what to change, e.g. --city Hamburg (see customer edit --help)")
    try:
        version = update_customer(args.id, ctx.clock, version=args.version, tags=args.tag, **fields)
    except EditConflict as conflict:
        ctx.emit({"conflict": {"customer_id": conflict.row_id, "your_version": conflict.since,
                               "stored_version": conflict.version, "fields": conflict.conflicts}}, "")
        raise CommandError(conflict_line(conflict), EXIT_CONFLICT) from None
    detail = get_customer(args.id)
    ctx.emit(detail, f"customer {args.id} saved, now version {version}")
    return 0


def conflict_line(conflict: EditConflict) -> str:
    both = "; ".join(f'{c.field} is "{c.theirs if c.theirs is not None else ""}" there, you gave "{c.mine}"'
                     for c in conflict.conflicts)
    return (f"customer {conflict.row_id} was saved by someone else after version {conflict.since} (now "
            f"{conflict.version}): {both}; nothing was changed. Check with `customer show {conflict.row_id}`, "
            f"then repeat with --version {conflict.version}")


def show_arguments(parser) -> None:
    parser.add_argument("id", type=int, metavar="ID", help="customer id")


def show(ctx: Context, args) -> int:
    detail = get_customer(args.id)
    entries = timeline(args.id)
    ctx.emit({"customer": detail, "timeline": entries}, lambda: render(ctx, detail, entries))
    return 0


def render(ctx: Context, c: CustomerDetail, entries: list[TimelineEntry]) -> str:
    lines = [f"{c.name}  (#{c.id})"]

    def row(label: str, value: object) -> None:
        if value not in (None, "", (), []):
            lines.append(f"  {label + ':':<14}{value}")

    row("Other name", c.alt_name)
    row("Country", f"{country_name(c.country)} ({c.country})" if c.country else "")
    row("City", c.city)
    row("Address", c.address)
    row("Rating", c.rating)
    row("Stage", c.lifecycle)
    row("Source", c.source)
    row("Tags", ", ".join(c.tags))
    row("Website", c.website)
    row("Industry", c.industry)
    row("Products", c.products)
    row("Currency", c.currency)
    row("Last contact", ctx.local(c.last_contact_at) if c.last_contact_at else "")
    row("Follow up on", c.follow_up_on.isoformat() if c.follow_up_on else "")
    row("Version", c.version)
    for name, value in c.custom_fields.items():
        row(name, value)
    if c.notes:
        lines += ["", "Notes:", *(f"  {line}" for line in c.notes.splitlines())]
    lines += ["", f"Contacts ({len(c.contacts)}):" if c.contacts else "Contacts: none"]
    for person in c.contacts:
        star = "*" if person.is_primary else " "
        who = ", ".join(p for p in (person.name or "(no name)", person.title) if p)
        lines.append(f" {star} {who}  [contact {person.id}]")
        for channel in person.channels:
            lines.append(f"      {channel.kind:<9} {channel.value}")
    lines += ["", f"Timeline ({len(entries)}, newest first):" if entries else "Timeline: nothing logged yet"]
    for e in entries:
        extra = [f"with {e.contact_name}"] if e.contact_name else []
        if e.amount is not None:
            extra.append(f"{e.amount} {e.currency}".strip())
        if e.follow_up_on:
            extra.append(f"follow up {e.follow_up_on.isoformat()}")
        tail = f"  ({'; '.join(extra)})" if extra else ""
        lines.append(f"  {ctx.local(e.occurred_at)}  {e.kind:<10} {e.summary}{tail}")
        lines += [f"      {line}" for line in e.body.splitlines()]
    return "\n".join(lines)


COMMANDS = (
    Command("customer add", "add a customer (and its first contact); prints the new id", add, add_arguments),
    Command("customer edit", "change a customer's fields (--version N: refuse to overwrite a newer save)", edit,
            edit_arguments),
    Command("customer show", "show a customer with contacts, tags and timeline", show, show_arguments),
)
