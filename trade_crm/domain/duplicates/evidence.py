"""Evidence for and against two records being one company, beyond a matching name or number.

Rows join one customer only on positive evidence (the same email, phone or company domain, or a
nearly the same name); what speaks against it is a company domain each has and they do not share,
or a switchboard number each has and they do not share. "Stadt A" and "Stadt B", each with its own
website, are two councils whatever their names look like. The import uses this between the rows of
a file and against the customers in the book alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from peewee import Database

from trade_crm.domain.duplicates.matching import (
    MIN_FUZZY_KEY,
    NAME_SCORER,
    company_key,
    email_domain,
    has_cjk,
    same_cjk_company,
    sorted_words,
    web_domain,
)


@dataclass
class Evidence:
    """What says whether two records are one company: their names (company keys), company domains,
    phones, and the phones that are the organisation's own (on no named person: a switchboard)."""

    names: set[str]
    domains: set[str]
    phones: set[str]
    org_phones: set[str]

    def add(self, other: Evidence) -> None:
        self.names |= other.names
        self.domains |= other.domains
        self.phones |= other.phones
        self.org_phones |= other.org_phones


def names_alike(a: Iterable[str], b: Iterable[str], threshold: float = 90.0) -> bool:
    """Whether any company key of `a` is the same or nearly the same as one of `b`."""
    b = list(b)
    for key in a:
        for other in b:
            if key == other:
                return True
            if has_cjk(key) or has_cjk(other):
                if same_cjk_company(key, other):
                    return True
            elif min(len(key), len(other)) >= MIN_FUZZY_KEY and NAME_SCORER(
                    sorted_words(key), sorted_words(other)) >= threshold:
                return True
    return False


def conflict(a: Evidence, b: Evidence) -> str | None:
    """Why two records alike in name (or sharing one number) are two companies, or None: each has a company
    domain (website or email) and they share none, or each has a switchboard number and they share no phone.
    A named person's own number is no evidence: the people of one company have different phones."""
    if a.domains and b.domains and not a.domains & b.domains:
        return f'different company domains ("{min(a.domains)}" / "{min(b.domains)}")'
    if a.org_phones and b.org_phones and not a.phones & b.phones:
        return f'different phones ("{min(a.org_phones)}" / "{min(b.org_phones)}")'
    return None


_EVIDENCE_PHONES = ("SELECT p.customer_id, ch.value, p.name FROM contact_channel ch JOIN contact p ON p.id = ch.contact_id "
                    "WHERE p.customer_id IN ({marks}) AND ch.kind IN ('phone', 'whatsapp', 'email')")


def load_evidence(db: Database, customer_ids: Iterable[int]) -> dict[int, Evidence]:
    """Evidence for stored customers (their name, website and contacts' email domains, phones): a name
    match against the book is checked for conflicts the same way as between the rows of a file."""
    ids = sorted(set(customer_ids))
    out: dict[int, Evidence] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for cid, name, website in db.execute_sql(
                f"SELECT id, name, website FROM customer WHERE id IN ({marks})", chunk):
            domain = web_domain(website) if website else None
            out[cid] = Evidence({company_key(name)} if name else set(), {domain} if domain else set(), set(), set())
        for cid, value, person in db.execute_sql(_EVIDENCE_PHONES.format(marks=marks), chunk):
            evidence = out.get(cid)
            if evidence is None:
                continue
            if "@" in value:
                if domain := email_domain(value):
                    evidence.domains.add(domain)
            else:
                evidence.phones.add(value)
                if not person:
                    evidence.org_phones.add(value)
    return out
