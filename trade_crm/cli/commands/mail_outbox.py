"""`trade-crm mail outbox …`, `mail send-due` and `mail account smtp` (#20): the outbox's messages and what the
user may do with them, one run of the sending engine, and an account's SMTP side.

`mail outbox [--state S]` lists the messages (queued with their send or retry time, sending, sent, failed with
the reason); `mail outbox pause|resume|cancel|retry ID...` moves those it can and names the others.
`mail send-due` sends what is due at each account's pace (exit 1 when a message failed or an account could not
be reached). The password is the account's keyring entry (`mail account add`), or a separate SMTP password
when `mail account smtp --password-stdin` kept one; `--password-stdin` on send-due takes one account's for one run.
"""

from __future__ import annotations

from trade_crm.cli.base import EXIT_FAILURE, Command, CommandError, Context, count_arg, table
from trade_crm.cli.commands.mail import read_password
from trade_crm.domain.mail.accounts import (
    SECURITIES,
    get_account,
    list_accounts,
    smtp_secret_name,
    update_account,
)
from trade_crm.domain.mail.outbox import (
    cancel_entries,
    outbox_entries,
    pause_entries,
    resume_entries,
    retry_entries,
)
from trade_crm.domain.mail.outgoing import OutboxEntry, OutboxState
from trade_crm.exchange.mail.sending import AccountSendReport, SendReport, logins_from_keystore, send_due
from trade_crm.keystore import KeyStore

MOVES = {"pause": (pause_entries, "paused", "queued"), "resume": (resume_entries, "resumed", "paused"),
         "cancel": (cancel_entries, "cancelled", "queued, paused or failed"),
         "retry": (retry_entries, "queued again", "failed")}


# --- mail outbox [pause|resume|cancel|retry ID...] ---

def outbox_arguments(parser) -> None:
    parser.add_argument("action", nargs="?", choices=("list", *MOVES), default="list",
                        help="list (the default), or pause, resume, cancel or retry the messages given")
    parser.add_argument("ids", nargs="*", type=int, metavar="ID", help="the messages to move")
    parser.add_argument("--state", action="append", choices=[s.value for s in OutboxState], metavar="STATE",
                        help="list only messages in this state (repeat for more): "
                             + ", ".join(s.value for s in OutboxState))


def _when(ctx: Context, entry: OutboxEntry) -> str:
    if entry.state is OutboxState.SENT:
        return f"sent {ctx.local(entry.sent_at)}"
    if entry.state is OutboxState.QUEUED and entry.next_attempt_at:
        return f"retry {ctx.local(entry.next_attempt_at)}"
    if entry.state in (OutboxState.QUEUED, OutboxState.PAUSED) and entry.send_at:
        return f"at {ctx.local(entry.send_at)}"
    return "as soon as the pace allows" if entry.state is OutboxState.QUEUED else "-"


def _listing(ctx: Context, args) -> int:
    entries = outbox_entries(states=args.state)
    rows = [[str(e.id), e.state.value, _when(ctx, e), ", ".join(a.email for a in e.to + e.cc) or "(bcc)", e.subject]
            for e in entries]

    def human() -> str:
        if not rows:
            return "The outbox is empty" + (" for those states" if args.state else "")
        problems = [f"#{e.id}: {e.last_error}" for e in entries if e.last_error]  # whole: the reason is the point
        return "\n".join([table(["ID", "STATE", "WHEN", "TO", "SUBJECT"], rows, max_width=40),
                          *([""] + problems if problems else [])])

    ctx.emit({"count": len(entries), "entries": entries}, human)
    return 0


def outbox(ctx: Context, args) -> int:
    if args.action == "list":
        if args.ids:
            raise CommandError("give an action (pause, resume, cancel, retry) before the message ids")
        return _listing(ctx, args)
    if not args.ids:
        raise CommandError(f"give the ids of the messages to {args.action}")
    move, done, allowed = MOVES[args.action]
    ids = list(dict.fromkeys(args.ids))
    before = {e.id: e for e in outbox_entries(ids=ids)}
    missing = [i for i in ids if i not in before]
    if missing:
        raise CommandError(f"no outbox message {', '.join(map(str, missing))}", EXIT_FAILURE)
    moved = move(ids, ctx.clock)
    after = {e.id: e for e in outbox_entries(ids=ids)}
    left = [after[i] for i in ids if after[i].state == before[i].state]
    ctx.emit({"action": args.action, "moved": moved, "not_moved": [{"id": e.id, "state": e.state} for e in left]},
             lambda: "\n".join([f"{moved} message{'s' if moved != 1 else ''} {done}"]
                               + [f"  #{e.id} is {e.state.value}: only {allowed} messages can be {done}"
                                  for e in left]))
    return EXIT_FAILURE if left else 0


# --- mail send-due ---

def send_due_arguments(parser) -> None:
    parser.add_argument("--account", type=int, metavar="ID", help="only this account (default: every one that sends)")
    parser.add_argument("--password-stdin", action="store_true",
                        help="read the password from standard input (one account; for a computer with no keyring)")
    parser.add_argument("--ca-file", metavar="PEM", help="also trust this certificate authority (a company's own)")
    parser.add_argument("--no-wait", action="store_true",
                        help="send only what the pace allows now, do not wait the interval between messages")
    parser.add_argument("--max", type=count_arg("--max"), metavar="N", help="send at most N messages in this run")


def _account_lines(ctx: Context, report: AccountSendReport) -> list[str]:
    line = f"{report.email}: {report.sent} sent, {report.retried} to try again, {report.failed} failed"
    if report.waiting:
        line += f", {report.waiting} waiting" + (f" (next at {ctx.local(report.next_at)})" if report.next_at else "")
    lines = [line]
    if report.error:
        lines.append(f"  {'offline: ' if report.offline else ''}{report.error}")
    lines += [f"  #{o.entry_id} {o.outcome}: {o.error}" for o in report.outcomes if o.error]
    return lines


def send_due_command(ctx: Context, args) -> int:
    if args.account:
        account = get_account(args.account)
        if not account.smtp_host:
            raise CommandError(f"mail account #{account.id} {account.email} has no SMTP server: "
                               f"trade-crm mail account smtp {account.id} --host HOST", EXIT_FAILURE)
    elif args.password_stdin and sum(1 for a in list_accounts() if a.smtp_host) > 1:
        raise CommandError("--password-stdin takes one account's password: add --account ID")
    typed = read_password(args, "") if args.password_stdin else None
    report: SendReport = send_due(ctx.clock, logins_from_keystore(KeyStore(), typed=typed),
                                  account_ids=[args.account] if args.account else None, ca_file=args.ca_file,
                                  wait=not args.no_wait, max_messages=args.max)
    ctx.emit({"sent": report.sent, "retried": report.retried, "failed": report.failed, "ok": report.ok,
              "accounts": report.accounts},
             lambda: "\n".join(line for a in report.accounts for line in _account_lines(ctx, a))
             or "Nothing was due")
    for error in report.errors:
        ctx.err.write(f"trade-crm: error: {error}\n")
    return 0 if report.ok else EXIT_FAILURE


# --- mail account smtp ID ---

def smtp_arguments(parser) -> None:
    parser.add_argument("account_id", type=int, metavar="ID")
    parser.add_argument("--host", help='the SMTP server ("" to stop sending from this account)')
    parser.add_argument("--port", type=int, help="its port (465 for ssl, 587 for starttls)")
    parser.add_argument("--security", choices=SECURITIES, help="ssl: TLS from the start; starttls: upgrade")
    parser.add_argument("--username", help="its login name when it differs from the IMAP one")
    parser.add_argument("--interval", type=count_arg("--interval", 0), metavar="SECONDS",
                        help="seconds between two messages (default 20)")
    parser.add_argument("--daily-cap", type=count_arg("--daily-cap", 0), metavar="N",
                        help="messages a day at most (0: the provider's usual cap)")
    parser.add_argument("--password-stdin", action="store_true",
                        help="keep a separate SMTP password (read from standard input) in the keyring")


def smtp_command(ctx: Context, args) -> int:
    changes = {name: value for name, value in (
        ("smtp_host", args.host), ("smtp_port", args.port), ("smtp_security", args.security),
        ("smtp_username", args.username), ("send_interval_seconds", args.interval),
        ("daily_cap", args.daily_cap)) if value is not None}
    get_account(args.account_id)
    password = read_password(args, "") if args.password_stdin else None
    account = update_account(args.account_id, **changes)
    if password is not None:
        KeyStore().set_mail_password(smtp_secret_name(account), password)
    ctx.emit({"account": account, "separate_password": password is not None},
             f"mail account #{account.id} {account.email} sends through "
             + (f"{account.smtp_host}:{account.smtp_port} ({account.smtp_security}), one message every "
                f"{account.send_interval_seconds} s" if account.smtp_host else "nothing (no SMTP server)"))
    return 0


COMMANDS = (
    Command("mail outbox", "list the outbox, or pause, resume, cancel or retry messages in it", outbox,
            outbox_arguments),
    Command("mail send-due", "send the outbox's due messages at each account's pace", send_due_command,
            send_due_arguments),
    Command("mail account smtp", "set an account's SMTP server, pace and separate password", smtp_command,
            smtp_arguments),
)
