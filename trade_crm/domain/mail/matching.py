"""Which customers a batch of messages belongs to, in a few queries whatever the batch's size.

A message belongs to a customer when an address in its From/To/Cc is one of the customer's contact
channels (rule "address"); else when an address's domain is the customer's company domain: the domain of a
contact's email, or of the customer's website (rule "domain"), never for a free-mail domain (gmail.com,
qq.com, 163.com, ...: rules.is_free_mail) nor one of the user's own. The user's own addresses never match.

Two queries a batch: the addresses (the (kind, value) index of contact channels), then the domains of the
addresses no channel holds (the email-domain and website indexes: store/mail_lookup.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from trade_crm.domain.mail.rules import is_free_mail, registered_domain
from trade_crm.store import mail_lookup, sql_rows
from trade_crm.store.models import database

RULE_ADDRESS, RULE_DOMAIN, RULE_CREATED, RULE_THREAD = "address", "domain", "created", "thread"


@dataclass(frozen=True)
class Match:
    customer_id: int
    rule: str  # RULE_ADDRESS or RULE_DOMAIN
    contact_id: int | None = None  # the contact whose address it was (rule "address")
    address: str = ""


@dataclass(frozen=True)
class CustomerIndex:
    """The customers the addresses and domains of one batch name: address -> [(customer, contact)], domain ->
    [customer]."""

    by_address: dict[str, list[tuple[int, int]]]
    by_domain: dict[str, list[int]]

    def matches(self, addresses: Iterable[str]) -> list[Match]:
        """The customers of these (outside) addresses, each once: by address first, then by domain for the
        addresses no channel holds."""
        found: dict[int, Match] = {}
        rest = []
        for email in addresses:
            hits = self.by_address.get(email)
            if hits:
                for customer_id, contact_id in hits:
                    found.setdefault(customer_id, Match(customer_id, RULE_ADDRESS, contact_id, email))
            else:
                rest.append(email)
        for email in rest:
            for domain in _lookup_domains(email.rpartition("@")[2]):
                for customer_id in self.by_domain.get(domain, ()):
                    found.setdefault(customer_id, Match(customer_id, RULE_DOMAIN, None, email))
        return list(found.values())


def _lookup_domains(domain: str) -> list[str]:
    """The domains an address's domain is looked up by: itself, and the registered one (eu.acme.com -> acme.com)."""
    if not domain or is_free_mail(domain):
        return []
    return list(dict.fromkeys((domain, registered_domain(domain))))


def _website_forms(domain: str) -> list[str]:
    """How a website may be typed for a domain (the website index is on the text as typed)."""
    hosts = (domain, f"www.{domain}")
    return [f"{scheme}{host}{slash}" for scheme in ("", "http://", "https://") for host in hosts for slash in ("", "/")]


def customer_index(addresses: Iterable[str], own_domains: frozenset[str] = frozenset()) -> CustomerIndex:
    """Look up, in three queries, every customer these addresses could name."""
    addresses = sorted(set(addresses))
    by_address: dict[str, list[tuple[int, int]]] = defaultdict(list)
    by_domain: dict[str, list[int]] = defaultdict(list)
    if not addresses:
        return CustomerIndex({}, {})
    cond, param = sql_rows.in_values(addresses)
    for value, customer_id, contact_id in database.execute_sql(
            "SELECT ch.value, p.customer_id, p.id FROM contact_channel ch JOIN contact p ON p.id = ch.contact_id "
            f"WHERE ch.kind = 'email' AND ch.value {cond} ORDER BY p.customer_id, p.is_primary DESC, p.id", (param,)):
        if (customer_id, contact_id) not in by_address[value]:
            by_address[value].append((customer_id, contact_id))
    domains = sorted({d for email in addresses if email not in by_address
                      for d in _lookup_domains(email.rpartition("@")[2]) if d not in own_domains})
    if domains:
        forms = {form: domain for domain in domains for form in _website_forms(domain)}
        for found, customer_id in mail_lookup.customers_by_domain(domains, sorted(forms)):
            domain = forms.get(found, found)
            if customer_id not in by_domain[domain]:
                by_domain[domain].append(customer_id)
    return CustomerIndex(dict(by_address), dict(by_domain))
