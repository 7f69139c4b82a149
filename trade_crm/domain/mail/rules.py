"""Which mail is whose: free-mail domains (never a company's domain), the user's own addresses and domains
(mail among them only is internal), and the never-log list (addresses and domains whose mail is never logged).

Pure functions over sets the caller loads once per batch (`Participants`), so matching a batch costs a few
queries whatever its size (domain/mail/matching.py).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.text import normalize_email
from trade_crm.store.models import MailAccount, MailNeverLog, database

# Providers whose addresses anybody may have: a domain here never stands for a company. A provider's
# country variants (yahoo.co.uk, hotmail.fr, ...) count by the label that names it (FREE_MAIL_NAMES); a
# label that is also a company's ("orange", "sky", "web") is listed with its provider's domain only.
FREE_MAIL_NAMES = frozenset({
    "gmail", "googlemail", "outlook", "hotmail", "live", "msn", "yahoo", "ymail", "rocketmail", "aol", "icloud",
    "me", "qq", "foxmail", "163", "126", "yeah", "188", "sina", "sohu", "aliyun", "139", "189", "21cn", "mail",
    "yandex", "rambler", "gmx", "t-online", "freenet", "protonmail", "proton", "zoho", "zohomail", "tutanota",
    "tuta", "fastmail", "hushmail", "mailfence", "naver", "daum", "hanmail", "nate", "rediffmail", "libero",
    "virgilio", "laposte", "wanadoo", "bluewin", "seznam", "interia", "abv", "ukr", "bigpond", "optusnet",
    "btinternet", "comcast", "verizon", "sbcglobal", "earthlink", "bellsouth", "uol", "bol", "prodigy",
    "yopmail", "mailinator",
})
# Domains named in full whose first label is too common to list alone (mail.ru, web.de, ...).
FREE_MAIL_DOMAINS = frozenset({
    "mail.ru", "bk.ru", "list.ru", "inbox.ru", "internet.ru", "web.de", "yandex.ru", "ya.ru", "me.com", "mac.com",
    "vip.qq.com", "vip.163.com", "vip.126.com", "vip.sina.com", "sina.cn", "tom.com", "wo.cn", "free.fr",
    "orange.fr", "sfr.fr", "sky.com", "wp.pl", "o2.pl", "onet.pl", "pm.me", "att.net", "cox.net", "terra.com.br",
    "ig.com.br", "email.com", "usa.com", "post.com", "inbox.com", "aim.com", "walla.co.il",
})
# Second-level labels of country domains (example.co.uk, example.com.cn): the company is the label before.
_PUBLIC_SECOND = frozenset({"co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go", "gen", "ltd", "plc",
                            "biz", "info", "nom", "sch", "mil"})
_DOMAIN = re.compile(r"^(?=.{3,253}$)([a-z0-9\u00a1-\uffff](?:[a-z0-9\u00a1-\uffff-]{0,61}[a-z0-9\u00a1-\uffff])?\.)+"
                     r"[a-z\u00a1-\uffff][a-z0-9\u00a1-\uffff-]{1,62}$")


def clean_domain(value: str) -> str | None:
    """A domain as the rules compare it: lower case, no "@", "www." or URL around it; None when it is none."""
    text = unicodedata.normalize("NFKC", value or "").strip().lower()
    text = re.sub(r"^[a-z]+://", "", text).split("/")[0].split("?")[0].lstrip("@").rstrip(".")
    if text.startswith("www."):
        text = text[4:]
    return text if _DOMAIN.match(text) else None


def company_label(domain: str) -> str:
    """The label that names the company: "acme" of "mail.acme.co.uk", "huaqiang" of "huaqiang.com.cn"."""
    labels = domain.split(".")
    if len(labels) >= 3 and labels[-2] in _PUBLIC_SECOND and len(labels[-1]) == 2:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else labels[0]


def registered_domain(domain: str) -> str:
    """The domain a company registered: "acme.co.uk" of "mail.acme.co.uk", "acme.com" of "eu.acme.com"."""
    labels = domain.split(".")
    if len(labels) >= 3 and labels[-2] in _PUBLIC_SECOND and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def is_free_mail(domain: str) -> bool:
    """True for a free-mail provider's domain (gmail.com, qq.com, 163.com, yahoo.co.uk, mail.ru, ...)."""
    domain = domain.lower()
    return (domain in FREE_MAIL_DOMAINS or registered_domain(domain) in FREE_MAIL_DOMAINS
            or company_label(domain) in FREE_MAIL_NAMES)


def domain_matches(domain: str, listed: frozenset[str] | set[str]) -> bool:
    """True when `domain` is one of `listed` or a subdomain of one (eu.acme.com of acme.com)."""
    parts = domain.split(".")
    return any(".".join(parts[i:]) in listed for i in range(len(parts) - 1))


@dataclass(frozen=True)
class Participants:
    """What the rules need to know about the user, loaded once per batch: their own addresses (every
    account's) and domains, and the never-log list."""

    own_addresses: frozenset[str]
    own_domains: frozenset[str]
    never_addresses: frozenset[str]
    never_domains: frozenset[str]

    def is_own(self, email: str) -> bool:
        return email in self.own_addresses or domain_matches(email.rpartition("@")[2], self.own_domains)

    def never_log(self, email: str) -> bool:
        return email in self.never_addresses or domain_matches(email.rpartition("@")[2], self.never_domains)


def load_participants() -> Participants:
    """The user's own addresses and domains (every account's) and the never-log list, in two queries."""
    addresses, domains = set(), set()
    for email, own in database.execute_sql("SELECT email, own_domains FROM mail_account"):
        addresses.add(email)
        domains.update(json.loads(own or "[]"))
    never_addresses, never_domains = set(), set()
    for (value,) in database.execute_sql("SELECT value FROM mail_never_log"):
        (never_addresses if "@" in value else never_domains).add(value)
    return Participants(frozenset(addresses), frozenset(domains), frozenset(never_addresses),
                        frozenset(never_domains))


# --- the never-log list -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class NeverLogEntry:
    id: int
    value: str  # an address or a domain

    @property
    def is_domain(self) -> bool:
        return "@" not in self.value


def never_log_value(value: str) -> str:
    """An address or a domain as the list keeps it; ValidationError when it is neither."""
    text = (value or "").strip()
    if "@" in text.lstrip("@"):
        email = normalize_email(text)
        if email is None:
            raise ValidationError("value", f'"{value}" is not an email address')
        return email
    domain = clean_domain(text)
    if domain is None:
        raise ValidationError("value", f'"{value}" is neither an address nor a domain')
    return domain


def add_never_log(values: Iterable[str], clock: Clock) -> list[NeverLogEntry]:
    """Never log mail with these addresses or domains (mail already logged stays). Returns the whole list."""
    cleaned = list(dict.fromkeys(never_log_value(v) for v in values))
    with database.atomic():
        have = {v for (v,) in database.execute_sql("SELECT value FROM mail_never_log")}
        rows = [{"value": v, "created_at": clock.now()} for v in cleaned if v not in have]
        if rows:
            MailNeverLog.insert_many(rows).execute()
    return never_log_list()


def remove_never_log(entry_id: int) -> None:
    with database.atomic():
        if not MailNeverLog.delete().where(MailNeverLog.id == entry_id).execute():
            raise NotFoundError("never-log entry", entry_id)


def never_log_list() -> list[NeverLogEntry]:
    return [NeverLogEntry(r.id, r.value) for r in MailNeverLog.select().order_by(MailNeverLog.value)]


def own_addresses() -> frozenset[str]:
    return frozenset(r.email for r in MailAccount.select(MailAccount.email))
