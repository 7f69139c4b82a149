"""Mail accounts: where a mailbox is and how to reach it. Never the password: the OS keyring keeps it under
`secret_name(account)` (trade_crm/keystore.py); the book holds the rest.

A new account's own domains default to its address's domain unless that is a free-mail provider's (mail
where every participant is one of the user's own addresses or domains is internal, never logged:
domain/mail/rules.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.mail.rules import clean_domain, is_free_mail
from trade_crm.domain.text import clean_line, normalize_email
from trade_crm.store.models import MailAccount as AccountRow
from trade_crm.store.models import MailMessage, database

SECURITIES = ("ssl", "starttls")
DEFAULT_INTERVAL_MINUTES = 15
SINCE_DAYS = 365  # a first sync reaches back 12 months unless told otherwise


@dataclass(frozen=True)
class MailAccount:
    id: int
    label: str
    email: str
    provider: str
    host: str
    port: int
    security: str  # "ssl" (implicit TLS, usually 993) or "starttls" (usually 143)
    username: str
    since_on: date | None
    extra_folders: tuple[str, ...]
    interval_minutes: int
    enabled: bool
    own_domains: tuple[str, ...]
    # mail out (#20): the SMTP side ("" host: not set up for sending), signature and pace
    smtp_host: str = ""
    smtp_port: int = 465
    smtp_security: str = "ssl"  # "ssl" (implicit TLS, usually 465) or "starttls" (usually 587)
    smtp_username: str = ""  # "" = the IMAP username
    signature: str = ""
    send_interval_seconds: int = 20
    daily_cap: int = 0  # 0 = the provider's usual cap

    @property
    def display(self) -> str:
        return self.label or self.email


def secret_name(account: MailAccount | int) -> str:
    """The keyring entry (service `trade-crm`) holding the account's password or authorization code."""
    account_id = account if isinstance(account, int) else account.id
    return f"mail-password:{account_id}"


def _view(row: AccountRow) -> MailAccount:
    since = row.since_on
    if isinstance(since, str):  # a server reads DATE as text (store/pg_book.py)
        since = date.fromisoformat(since)
    return MailAccount(row.id, row.label, row.email, row.provider, row.host, row.port, row.security, row.username,
                       since, tuple(json.loads(row.extra_folders or "[]")), row.interval_minutes, bool(row.enabled),
                       tuple(json.loads(row.own_domains or "[]")), row.smtp_host, row.smtp_port, row.smtp_security,
                       row.smtp_username, row.signature, row.send_interval_seconds, row.daily_cap)


def _email(value: str) -> str:
    email = normalize_email(value or "")
    if email is None:
        raise ValidationError("email", f'"{value}" is not an email address')
    return email


def _checked(fields: dict) -> dict:
    """Validate and normalise the fields of an account (those given)."""
    out = dict(fields)
    if "email" in out:
        out["email"] = _email(out["email"])
    if "host" in out:
        host = clean_line(out["host"]).lower()
        if not host or " " in host or "/" in host:
            raise ValidationError("host", "give the server's name, e.g. imap.gmail.com")
        out["host"] = host
    if out.get("smtp_host"):
        host = clean_line(out["smtp_host"]).lower()
        if " " in host or "/" in host:
            raise ValidationError("smtp_host", "give the server's name, e.g. smtp.gmail.com")
        out["smtp_host"] = host
    for name in ("port", "smtp_port"):
        if name in out:
            port = out[name]
            if not isinstance(port, int) or isinstance(port, bool) or not 1 <= port <= 65535:
                raise ValidationError(name, f"{port!r} is not a port number (1-65535)")
    for name in ("security", "smtp_security"):
        if name in out and out[name] not in SECURITIES:
            raise ValidationError(name, f'"{out[name]}" is not one of {", ".join(SECURITIES)}: '
                                  "mail goes over TLS only")
    for name, most in (("send_interval_seconds", 24 * 3600), ("daily_cap", 100_000)):
        if name in out:
            value = out[name]
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= most:
                raise ValidationError(name, f"give a whole number from 0 to {most}")
    if "interval_minutes" in out:
        minutes = out["interval_minutes"]
        if not isinstance(minutes, int) or not 1 <= minutes <= 24 * 60:
            raise ValidationError("interval_minutes", "sync every 1 to 1440 minutes")
    for name in ("label", "provider", "username", "smtp_username"):
        if name in out:
            out[name] = clean_line(out[name])
    if "extra_folders" in out:
        out["extra_folders"] = json.dumps(list(dict.fromkeys(f for f in out["extra_folders"] if f)),
                                          ensure_ascii=False)
    if "own_domains" in out:
        out["own_domains"] = json.dumps(_domains(out["own_domains"]))
    if "enabled" in out:
        out["enabled"] = bool(out["enabled"])
    return out


def _domains(values: Iterable[str]) -> list[str]:
    domains = []
    for value in values:
        domain = clean_domain(value)
        if domain is None:
            raise ValidationError("own_domains", f'"{value}" is not a domain')
        domains.append(domain)
    return list(dict.fromkeys(domains))


def add_account(email: str, *, host: str, clock: Clock, port: int = 993, security: str = "ssl",
                username: str | None = None, label: str = "", provider: str = "other",
                since_on: date | None = None, extra_folders: Iterable[str] = (),
                interval_minutes: int = DEFAULT_INTERVAL_MINUTES, enabled: bool = True,
                own_domains: Iterable[str] | None = None) -> MailAccount:
    """Add an account (its password goes to the keyring, by the caller, under `secret_name`). `since_on`
    defaults to 12 months back; `own_domains` to the address's domain unless it is a free-mail one."""
    email = _email(email)
    if own_domains is None:
        domain = email.rpartition("@")[2]
        own_domains = () if is_free_mail(domain) else (domain,)
    fields = _checked({
        "email": email, "host": host, "port": port, "security": security, "username": username or email,
        "label": label, "provider": provider or "other", "extra_folders": list(extra_folders),
        "interval_minutes": interval_minutes, "enabled": enabled, "own_domains": list(own_domains),
    })
    if not fields["username"]:
        raise ValidationError("username", "give the login name (usually the address)")
    fields["since_on"] = since_on or (today(clock) - timedelta(days=SINCE_DAYS))
    with database.atomic():
        if AccountRow.select().where(AccountRow.email == email, AccountRow.host == fields["host"]).exists():
            raise ValidationError("email", f"{email} on {fields['host']} is an account already")
        account_id = AccountRow.insert(created_at=clock.now(), **fields).execute()
    return get_account(account_id)


def get_account(account_id: int) -> MailAccount:
    row = AccountRow.get_or_none(AccountRow.id == account_id)
    if row is None:
        raise NotFoundError("mail account", account_id)
    return _view(row)


def list_accounts() -> list[MailAccount]:
    """Every account of this book (on a server: the login's own), in the order they were added."""
    return [_view(row) for row in AccountRow.select().order_by(AccountRow.id)]


def update_account(account_id: int, **changes) -> MailAccount:
    """Change some fields of an account (any of MailAccount's but the id); validated as `add_account`."""
    unknown = set(changes) - (set(MailAccount.__dataclass_fields__) - {"id"})
    if unknown:
        raise ValidationError(sorted(unknown)[0], "not a field of a mail account")
    fields = _checked(changes)
    with database.atomic():
        get_account(account_id)
        if fields:
            AccountRow.update(**fields).where(AccountRow.id == account_id).execute()
    return get_account(account_id)


def remove_account(account_id: int, *, forget_messages: bool = False) -> int:
    """Remove an account, its folder states and where its copies were. Its messages stay on the timeline
    (and in the book) unless `forget_messages`: then the messages no other account holds go too. Their
    timeline entries stay (the customer's history) as plain entries: no longer mail, so no thread, no
    reader, and the customer's search document drops their words when it is next rebuilt. Returns how many
    messages were forgotten."""
    with database.atomic():
        get_account(account_id)
        gone = 0
        if forget_messages:
            only_here = ("SELECT l.message_id FROM mail_location l WHERE l.account_id = ? AND NOT EXISTS "
                         "(SELECT 1 FROM mail_location o WHERE o.message_id = l.message_id AND o.account_id <> ?)")
            gone = MailMessage.delete().where(MailMessage.id.in_(
                [r[0] for r in database.execute_sql(only_here, (account_id, account_id))])).execute()
        AccountRow.delete().where(AccountRow.id == account_id).execute()
    return gone
