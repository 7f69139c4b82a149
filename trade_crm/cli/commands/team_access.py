"""`trade-crm team setup | add-person | people | share | unshare | rebalance-search`: a company's server and
its people.

`team setup` is the server administrator's (a superuser, or a login with CREATEROLE and CREATEDB): the
group roles, the owner role, the book's database and its schema. `add-person` too (it creates a login).
`people`, `share` and `unshare` are everyone's, within what the server's rules allow.
"""

from __future__ import annotations

import getpass
import sys

from trade_crm.cli.base import Command, CommandError, Context
from trade_crm.domain.team import access, people
from trade_crm.domain.team.search_upkeep import rebalance_search
from trade_crm.store.errors import AccessDenied


def setup_arguments(parser) -> None:
    parser.add_argument("--server", required=True, metavar="URL",
                        help="the server as its administrator, e.g. postgresql://admin@crm.example.com/postgres "
                             "(password: keyring, PGPASSWORD or ~/.pgpass)")
    parser.add_argument("--book", required=True, metavar="NAME", help="the database to create, e.g. trade_book")
    parser.add_argument("--owner", default=people.DEFAULT_OWNER, metavar="ROLE",
                        help=f"the role that owns the tables (no login; default {people.DEFAULT_OWNER})")
    parser.add_argument("--locale", metavar="LOCALE",
                        help="the database's locale, e.g. C.UTF-8 (default: the server's; use a UTF-8 one)")


def setup(ctx: Context, args) -> int:
    summary = people.setup_server(args.server, args.book, owner=args.owner, locale=args.locale)
    made = "created" if summary.database_created else "already there"
    ctx.emit(summary, f"{summary.book}: database {made}, owned by {summary.owner}, schema {summary.schema_version} "
                      "with the team rules. Next: trade-crm --db "
                      f"{args.server.rsplit('/', 1)[0]}/{summary.book} team add-person NAME [--manager]")
    return 0


def add_person_arguments(parser) -> None:
    parser.add_argument("name", metavar="NAME", help="the login name, e.g. ann")
    parser.add_argument("--manager", action="store_true", help="a manager: sees and may change every customer")
    parser.add_argument("--password-stdin", action="store_true", help="read the password from standard input")


def _new_password(args) -> str:
    if args.password_stdin:
        text = sys.stdin.readline().rstrip("\r\n")
        if not text:
            raise CommandError("--password-stdin: no password was given on standard input")
        return text
    if not sys.stdin.isatty():
        raise CommandError("give the password on a terminal, or with --password-stdin")
    first = getpass.getpass(f"Password for {args.name}: ")
    if getpass.getpass("Again: ") != first:
        raise CommandError("the two passwords differ; nothing was created")
    return first


def add_person(ctx: Context, args) -> int:
    person = people.add_person(args.name, _new_password(args), manager=args.manager)
    role = "manager" if person.manager else "salesperson"
    ctx.emit(person, f"{person.name} may now log in as a {role}: trade-crm --db postgresql://{person.name}@…")
    return 0


def list_people(ctx: Context, args) -> int:
    found = people.people()

    def human() -> str:
        if not found:
            return "Nobody yet: trade-crm team add-person NAME"
        return "\n".join(f"{p.name:<20} {'manager' if p.manager else 'sales':<8} {p.customers:>7} customers"
                         + ("" if p.can_log_in else "  (cannot log in)") for p in found)
    ctx.emit({"people": found}, human)
    return 0


def share_arguments(parser) -> None:
    parser.add_argument("customer_id", type=int, metavar="CUSTOMER_ID")
    parser.add_argument("person", metavar="PERSON", help="the salesperson's login name")


def _shared(ctx: Context, result: access.Share) -> int:
    verb = "now shared with" if result.shared else "no longer shared with"
    ctx.emit(result, f"Customer #{result.customer_id} is {verb} {result.person}")
    return 0


def share(ctx: Context, args) -> int:
    try:
        return _shared(ctx, access.share(args.customer_id, args.person))
    except AccessDenied as exc:  # the server's own words, when the app's check did not foresee it
        raise access.AccessDenied(str(exc)) from None


def unshare(ctx: Context, args) -> int:
    return _shared(ctx, access.unshare(args.customer_id, args.person))


def rebalance(ctx: Context, args) -> int:
    done = rebalance_search(ctx.db)
    ctx.emit(done, f"search bands drawn again over {done.documents:,} customers ({done.name_bands} by name, "
                   f"{done.contact_bands} by last contact) in {done.seconds:.1f} s")
    return 0


COMMANDS = (
    Command("team setup", "as the server's administrator: create a team book (roles, database, schema)", setup,
            setup_arguments, opens_db=False),
    Command("team add-person", "as the server's administrator: a login for a salesperson or a manager",
            add_person, add_person_arguments),
    Command("team people", "list the salespeople and managers of the team server", list_people),
    Command("team share", "share a customer with another salesperson (they see and edit it)", share,
            share_arguments),
    Command("team unshare", "stop sharing a customer with a salesperson", unshare, share_arguments),
    Command("team rebalance-search", "as the server's administrator: redraw the search's sort bands after the "
            "book grew (a publish, a big import)", rebalance),
)
