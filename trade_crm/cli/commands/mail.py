"""`trade-crm mail …`: IMAP accounts (add, list, remove), sync them into the book, show a stored message (#19).

The password (or the provider's authorization code / app password) is asked on the terminal or read with
--password-stdin, and goes to the OS keyring (trade_crm/keystore.py) under the account's secret name, never
the book. On a computer without a usable keyring it is not kept: `mail sync --password-stdin` then takes it
for one run. `--ca-file` trusts a company's certificate authority besides the system's.
"""

from __future__ import annotations

import getpass
import sys

from trade_crm.cli.base import EXIT_FAILURE, Command, CommandError, Context, date_arg, table
from trade_crm.domain.mail.accounts import (
    MailAccount,
    add_account,
    get_account,
    list_accounts,
    remove_account,
    secret_name,
)
from trade_crm.domain.mail.folders import folder_states
from trade_crm.domain.mail.reading import mail_message
from trade_crm.exchange.mail.imap import MailServerError
from trade_crm.exchange.mail.presets import PRESETS, preset_for_address
from trade_crm.exchange.mail.sync import SyncReport, sync_account
from trade_crm.exchange.mail.tokens import PasswordCredentials
from trade_crm.keystore import KeyStore, KeystoreError

PROBLEMS_SHOWN = 10


def read_password(args, prompt: str) -> str:
    if args.password_stdin:
        text = sys.stdin.readline().rstrip("\r\n")
        if not text:
            raise CommandError("--password-stdin: no password was given on standard input")
        return text
    if not sys.stdin.isatty():
        raise CommandError("give the password on a terminal, or with --password-stdin")
    text = getpass.getpass(prompt)
    if not text:
        raise CommandError("no password was given; nothing was changed")
    return text


# --- mail account add | list | remove ---

def add_arguments(parser) -> None:
    parser.add_argument("email", metavar="EMAIL", help="the mailbox's address")
    parser.add_argument("--provider", choices=sorted(PRESETS), metavar="PROVIDER",
                        help=f"server settings of a provider ({', '.join(PRESETS)}); default: from the address")
    parser.add_argument("--host", help="the IMAP server (default: the provider's)")
    parser.add_argument("--port", type=int, help="the IMAP port (default: the provider's, usually 993)")
    parser.add_argument("--security", choices=("ssl", "starttls"),
                        help="ssl: TLS from the start (993); starttls: upgrade a plain connection (143)")
    parser.add_argument("--username", help="the login name (default: the address)")
    parser.add_argument("--label", default="", help="a name for the account")
    parser.add_argument("--since", type=date_arg("--since"), metavar="YYYY-MM-DD",
                        help="read mail received since this day (default: 12 months back)")
    parser.add_argument("--folder", action="append", default=[], metavar="NAME",
                        help="also read this folder (repeat for more); INBOX and Sent are always read")
    parser.add_argument("--password-stdin", action="store_true",
                        help="read the password (or authorization code) from standard input")


def add(ctx: Context, args) -> int:
    preset = PRESETS[args.provider] if args.provider else preset_for_address(args.email)
    host = args.host or preset.host
    if not host:
        raise CommandError("give the IMAP server with --host (or a --provider)")
    keystore = KeyStore()
    keep = keystore.usable()
    password = read_password(args, f"Password or authorization code for {args.email}: ") if keep else None
    account = add_account(args.email, host=host, port=args.port or preset.port,
                          security=args.security or preset.security, username=args.username, label=args.label,
                          provider=preset.key, since_on=args.since, extra_folders=args.folder, clock=ctx.clock,
                          smtp_host=preset.smtp_host if not args.host else "", smtp_port=preset.smtp_port,
                          smtp_security=preset.smtp_security)
    if password is not None:
        try:
            keystore.set_mail_password(secret_name(account), password)
        except KeystoreError:
            remove_account(account.id)
            raise
    note = ("its password is in the keyring" if keep else "this computer has no usable keyring, so the password "
            "is not kept: give it to each sync with --password-stdin")
    ctx.emit(account, f"mail account #{account.id} {account.email} on {account.host}:{account.port} added; {note}. "
                      f"{preset.login_hint if preset.key != 'other' else ''}".strip())
    return 0


def list_command(ctx: Context, args) -> int:
    accounts = list_accounts()
    synced = {a.id: max((s.synced_at for s in folder_states(a.id) if s.synced_at), default=None) for a in accounts}
    rows = [[str(a.id), a.email, f"{a.host}:{a.port}", a.security, str(a.since_on or "-"), ctx.local(synced[a.id]),
             "yes" if a.enabled else "no"] for a in accounts]
    ctx.emit({"count": len(accounts), "accounts": accounts},
             lambda: table(["ID", "EMAIL", "SERVER", "TLS", "SINCE", "LAST SYNC", "ON"], rows) if rows
             else "No mail accounts yet: trade-crm mail account add EMAIL")
    return 0


def remove_arguments(parser) -> None:
    parser.add_argument("account_id", type=int, metavar="ID")
    parser.add_argument("--forget-messages", action="store_true",
                        help="also delete its stored messages that no other account holds (timeline entries stay)")


def remove(ctx: Context, args) -> int:
    account = get_account(args.account_id)
    gone = remove_account(account.id, forget_messages=args.forget_messages)
    KeyStore().forget_mail_password(secret_name(account))
    ctx.emit({"account_id": account.id, "email": account.email, "messages_forgotten": gone},
             f"mail account #{account.id} {account.email} removed"
             + (f"; {gone} of its messages forgotten" if args.forget_messages else "; its messages stay"))
    return 0


# --- mail sync ---

def sync_arguments(parser) -> None:
    parser.add_argument("--account", type=int, metavar="ID", help="only this account (default: every enabled one)")
    parser.add_argument("--password-stdin", action="store_true",
                        help="read the password from standard input (one account; for a computer with no keyring)")
    parser.add_argument("--ca-file", metavar="PEM", help="also trust this certificate authority (a company's own)")


def _credentials(account: MailAccount, args, keystore: KeyStore, typed: str | None) -> PasswordCredentials:
    password = typed or keystore.mail_password(secret_name(account))
    if not password:
        raise CommandError(f"no password is kept for mail account #{account.id} {account.email}: give it with "
                           "--password-stdin", EXIT_FAILURE)
    return PasswordCredentials(account.username, password)


def _summary(report: SyncReport) -> str:
    line = (f"{report.email}: {report.fetched} fetched, {report.matched} matched, {report.new_senders} new senders, "
            f"{report.skipped} skipped")
    troubled = {(p.folder, p.uid) for p in report.problems}
    if troubled:
        line += f", {len(troubled)} with problems"
    if report.cancelled:
        line += " (cancelled)"
    lines = [line] + [f"  {p.folder} #{p.uid} {p.subject!r}: {p.problem}" for p in report.problems[:PROBLEMS_SHOWN]]
    if len(report.problems) > PROBLEMS_SHOWN:
        lines.append(f"  … and {len(report.problems) - PROBLEMS_SHOWN} more (--json lists them all)")
    return "\n".join(lines)


def _progress(ctx: Context, account: MailAccount):
    """Progress on a terminal's stderr (one line, rewritten); nothing when stderr is a file or a pipe."""
    if ctx.json or not getattr(ctx.err, "isatty", lambda: False)():
        return None

    def show(folder: str, done: int, total: int) -> None:
        ctx.err.write(f"\r{account.email} {folder}: {done:,} of {total:,} messages" + ("\n" if done >= total else ""))
        ctx.err.flush()

    return show


def sync(ctx: Context, args) -> int:
    accounts = [get_account(args.account)] if args.account else [a for a in list_accounts() if a.enabled]
    if not accounts:
        raise CommandError("no mail account to sync: trade-crm mail account add EMAIL")
    if args.password_stdin and len(accounts) > 1:
        raise CommandError("--password-stdin takes one account's password: add --account ID")
    typed = read_password(args, "") if args.password_stdin else None
    keystore = KeyStore()
    reports, failures = [], []
    for account in accounts:
        try:
            reports.append(sync_account(account, _credentials(account, args, keystore, typed), clock=ctx.clock,
                                        ca_file=args.ca_file, progress=_progress(ctx, account)))
        except (MailServerError, KeystoreError) as error:
            failures.append(f"mail account #{account.id} {account.email}: {error}")
    figures = {name: sum(getattr(r, name) for r in reports) for name in ("fetched", "matched", "new_senders",
                                                                          "skipped")}
    ctx.emit({**figures, "accounts": reports, "failures": failures},
             lambda: "\n".join(_summary(r) for r in reports))
    for failure in failures:
        ctx.err.write(f"trade-crm: error: {failure}\n")
    return EXIT_FAILURE if failures else 0


# --- mail show ---

def show_arguments(parser) -> None:
    parser.add_argument("message_id", type=int, metavar="ID", help="the stored message's id")


def show(ctx: Context, args) -> int:
    view = mail_message(args.message_id)

    def people(addresses) -> str:
        return ", ".join(f"{a.name} <{a.email}>" if a.name else a.email for a in addresses)

    def human() -> str:
        lines = [f"From:    {people([view.sender])}", f"To:      {people(view.to)}"]
        if view.cc:
            lines.append(f"Cc:      {people(view.cc)}")
        lines += [f"Date:    {ctx.local(view.sent_at)}", f"Subject: {view.subject}"]
        if view.customers:
            lines.append("Customers: " + ", ".join(f"{c.name} (#{c.customer_id})" for c in view.customers))
        lines += [f"Attached: {a.name} ({a.size:,} bytes)" for a in view.attachments]
        lines += [f"Problem: {p}" for p in view.problems]
        lines += ["", view.text + (" […]" if view.text_truncated else "")]
        return "\n".join(lines)

    ctx.emit(view, human)
    return 0


COMMANDS = (
    Command("mail account add", "add an IMAP account (its password goes to the keyring)", add, add_arguments),
    Command("mail account list", "list the mail accounts", list_command),
    Command("mail account remove", "remove a mail account (its messages stay unless --forget-messages)", remove,
            remove_arguments),
    Command("mail sync", "read new mail from the accounts onto the customers' timelines", sync, sync_arguments),
    Command("mail show", "show one stored message", show, show_arguments),
)
