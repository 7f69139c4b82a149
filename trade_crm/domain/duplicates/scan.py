"""Duplicate customers in the whole book: groups of records that are probably one company.

The rules are the import's (domain/duplicates/matching.py): the same email, the same E.164 phone, the same company
domain (website or email; never free mail, never a domain many differently named companies share),
the same company name (unless the countries differ) or a similar one in the same country. Here they run
set-based over the book: SQL groups the shared emails, phones and domains, and similar names are compared
inside blocks of the same country and the same first two letters of the folded name ("Müller" and
"Mueller" meet; the import's blocks are the stored name's, for its index), so 100,000 customers take a
few seconds.

Each link between two customers has a score (an exact email 100, a phone 98, a domain 90, the same
name 85, a similar name 85 x its similarity). Links join customers into groups strongest first; a
group never grows past MAX_GROUP (a longer chain of weak links is not one company) and never joins
two customers the user marked "not a duplicate". A group's score is its strongest link, plus 5 for
every other rule that agrees.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from trade_crm.domain.bulk import collector_paused
from trade_crm.domain.clock import Clock
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.duplicates.matching import (
    MAX_DOMAIN_SHARE,
    RULES,
    MatchIndex,
    Profile,
    company_key,
    email_domain,
    load_candidates,
    profile_domains,
    similar_keys,
    web_domain,
)
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.text import clean_line, normalize_email, split_emails
from trade_crm.domain.world.countries import UnknownCountryError, normalize_country
from trade_crm.domain.world.phones import normalize_phone, split_phones
from trade_crm.store import sql
from trade_crm.store.models import database

RULE_SCORES = {"email": 100.0, "phone": 98.0, "domain": 90.0, "name": 85.0}
MAX_GROUP = 10
AGREEING_RULE_BONUS = 5.0
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Reason:
    rule: str  # email, phone, domain or name
    value: str  # the shared email, phone or domain; for a name, the two names ("A" or "A ~ B")
    similarity: float = 100.0  # below 100 only for a similar (not equal) name


@dataclass(frozen=True)
class DuplicateMember:
    id: int
    name: str
    country: str | None
    city: str


@dataclass(frozen=True)
class DuplicateGroup:
    members: tuple[DuplicateMember, ...]
    score: int  # 0-100, how sure
    reasons: tuple[Reason, ...]  # strongest first; reasons[0] is the group's reason

    @property
    def ids(self) -> tuple[int, ...]:
        return tuple(m.id for m in self.members)

    @property
    def reason(self) -> Reason:
        return self.reasons[0]


@dataclass(frozen=True)
class DuplicateScan:
    groups: tuple[DuplicateGroup, ...]
    customers: int  # customers looked at
    hidden: int = 0  # links not followed because the pair is marked "not a duplicate"


# A link: (score, customer a, customer b, Reason); plain tuples, there are hundreds of thousands.
Link = tuple[float, int, int, Reason]
_SHARED = ("SELECT ch.value, {ids} FROM contact_channel ch JOIN contact p ON p.id = ch.contact_id "
           "WHERE ch.kind IN ({kinds}) AND ch.value IN (SELECT value FROM contact_channel WHERE kind IN ({kinds}) "
           "GROUP BY value HAVING count(*) > 1) GROUP BY ch.value HAVING count(DISTINCT p.customer_id) > 1")
_EMAIL_DOMAINS = ("SELECT {domain}, {ids} FROM contact_channel ch JOIN contact p ON p.id = ch.contact_id "
                  "WHERE ch.kind = 'email' GROUP BY 1")


def _tick(progress: Progress | None, step: int, what: str) -> None:
    if progress is not None:
        progress(step, STEPS, what)


def _pairs(ids: Sequence[int]) -> Iterable[tuple[int, int]]:
    """Every pair of a small set; a star and a chain of a big one (enough to join it, and to route
    around a pair marked "not a duplicate")."""
    if len(ids) <= MAX_GROUP:
        return combinations(ids, 2)
    return [*((ids[0], i) for i in ids[1:]), *zip(ids[1:], ids[2:], strict=False)]


def _exact_links(customers: dict[int, tuple], shared: Iterable[tuple[str, set[int]]], rule: str) -> list[Link]:
    """Links for a value several customers share, unless so many differently named companies share it
    that it is a provider's (an ISP's domain, a shared inbox)."""
    links, score = [], RULE_SCORES[rule]
    for value, ids in shared:
        if len(ids) < 2 or len({company_key(customers[i][0]) for i in ids}) > MAX_DOMAIN_SHARE:
            continue
        reason = Reason(rule, value)
        links += [(score, a, b, reason) for a, b in _pairs(sorted(ids))]
    return links


def _shared(query: str, **parts: str) -> Iterable[tuple[str, set[int]]]:
    query = query.format(ids=sql.ids_list("p.customer_id", distinct=True), domain=sql.email_domain("ch.value"),
                         **parts)
    for value, ids in database.obj.execute_sql(query):
        yield value, {int(i) for i in ids.split(",")}


def _domains() -> Iterable[tuple[str, set[int]]]:
    domains: defaultdict[str, set[int]] = defaultdict(set)
    for domain, ids in _shared(_EMAIL_DOMAINS):
        if email_domain("@" + domain):
            domains[domain] |= ids
    for cid, website in database.obj.execute_sql("SELECT id, website FROM customer WHERE website <> ''"):
        domain = web_domain(website)
        if domain:
            domains[domain].add(cid)
    return domains.items()


def _name_links(customers: dict[int, tuple], threshold: float) -> list[Link]:
    by_key: defaultdict[str, defaultdict[str | None, list[int]]] = defaultdict(lambda: defaultdict(list))
    blocks: defaultdict[str, dict[str, int]] = defaultdict(dict)
    for cid, (name, country, _city) in customers.items():
        key = company_key(name) if name else ""
        if key:
            by_key[key][country].append(cid)
            blocks[f"{key[:2]}|{country or ''}"].setdefault(key, cid)
    links, score = [], RULE_SCORES["name"]
    for countries in by_key.values():
        firsts = [ids[0] for country, ids in countries.items() if country is not None]
        for country, ids in countries.items():
            reason = Reason("name", customers[ids[0]][0])
            links += [(score, a, b, reason) for a, b in _pairs(ids)]
            if country is None:  # no country: the same name matches in any country
                links += [(score, ids[0], other, reason) for other in firsts]
    for keys in blocks.values():
        if len(keys) > 1:
            for a, b, similarity in similar_keys(list(keys), threshold):
                first, second = keys[a], keys[b]
                reason = Reason("name", f"{customers[first][0]} ~ {customers[second][0]}", similarity)
                links.append((score * similarity / 100, first, second, reason))
    return links


STEPS = 6


@collector_paused()
def find_duplicates(progress: Progress | None = None, threshold: float = 90.0) -> DuplicateScan:
    """Every group of probably-the-same customers in the book, the surest first.

    `progress(step, of, what)` is called between the steps (and may raise to stop the search).
    """
    customers = {cid: (name or "", country, city or "") for cid, name, country, city
                 in database.obj.execute_sql("SELECT id, name, country, city FROM customer ORDER BY id")}
    _tick(progress, 1, "emails")
    links = _exact_links(customers, _shared(_SHARED, kinds="'email'"), "email")
    _tick(progress, 2, "phones")
    links += _exact_links(customers, ((v, ids) for v, ids in _shared(_SHARED, kinds="'phone', 'whatsapp'")
                                      if v.startswith("+")), "phone")
    _tick(progress, 3, "domains")
    links += _exact_links(customers, _domains(), "domain")
    _tick(progress, 4, "names")
    links += _name_links(customers, threshold)
    _tick(progress, 5, "grouping")
    groups, hidden = _group_links(customers, links, _not_duplicate_map())
    _tick(progress, STEPS, "done")
    return DuplicateScan(tuple(groups), len(customers), hidden)


def _group_links(customers: dict[int, tuple], links: list[Link], apart: dict[int, set[int]]
                 ) -> tuple[list[DuplicateGroup], int]:
    """Join linked customers strongest link first, never past MAX_GROUP nor across a marked pair."""
    links.sort(key=lambda link: (-link[0], link[1], link[2]))
    root: dict[int, int] = {}
    members: dict[int, list[int]] = {}

    def find(i: int) -> int:
        top = i
        while root.get(top, top) != top:
            top = root[top]
        while i != top:
            root[i], i = top, root.get(i, top)
        return top

    hidden = 0
    for _score, a, b, _reason in links:
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        left, right = members.get(ra, [ra]), members.get(rb, [rb])
        if len(left) + len(right) > MAX_GROUP:
            continue
        if apart and any(apart.get(x, set()).intersection(right) for x in left):
            hidden += 1
            continue
        root[rb] = ra
        members[ra] = left + right
        members.pop(rb, None)
    group_of = {i: r for r, ids in members.items() for i in ids}
    found: defaultdict[int, dict[tuple[str, str], tuple[float, Reason]]] = defaultdict(dict)
    for score, a, b, reason in links:
        group = group_of.get(a)
        if group is not None and group == group_of.get(b):
            found[group].setdefault((reason.rule, reason.value), (score, reason))
    groups = [_group(customers, ids, found[r].values()) for r, ids in members.items()]
    groups.sort(key=lambda g: (-g.score, -len(g.members), g.ids))
    return groups, hidden


def _group(customers: dict[int, tuple], ids: list[int], found: Iterable[tuple[float, Reason]]) -> DuplicateGroup:
    ranked = sorted(found, key=lambda f: (-f[0], RULES.index(f[1].rule), f[1].value))
    rules = {reason.rule for _, reason in ranked}
    score = min(100.0, ranked[0][0] + AGREEING_RULE_BONUS * (len(rules) - 1))
    members = tuple(DuplicateMember(i, *customers[i]) for i in sorted(ids))
    return DuplicateGroup(members, round(score), tuple(reason for _, reason in ranked[:6]))


# --- "not a duplicate" ----------------------------------------------------------------------------

def _not_duplicate_map() -> dict[int, set[int]]:
    apart: defaultdict[int, set[int]] = defaultdict(set)
    for a, b in database.execute_sql("SELECT customer_a, customer_b FROM not_duplicate"):
        apart[a].add(b)
        apart[b].add(a)
    return apart


def not_duplicate_pairs() -> set[tuple[int, int]]:
    return {(a, b) for a, b in database.execute_sql("SELECT customer_a, customer_b FROM not_duplicate")}


def mark_not_duplicate(customer_ids: Sequence[int], clock: Clock) -> list[tuple[int, int]]:
    """Say these customers are different companies: no pair of them is suggested again.

    Returns the pairs newly marked (to unmark them on undo)."""
    ids = sorted(set(customer_ids))
    if len(ids) < 2:
        raise ValidationError("customers", "mark at least two customers as not duplicates")
    stamp = clock.now().strftime("%Y-%m-%d %H:%M:%S")
    with database.atomic():
        marks = ",".join("?" * len(ids))
        found = {i for (i,) in database.execute_sql(f"SELECT id FROM customer WHERE id IN ({marks})", ids)}
        if len(found) < len(ids):
            raise NotFoundError("customer", min(set(ids) - found))
        known = not_duplicate_pairs()
        new = [pair for pair in combinations(ids, 2) if pair not in known]
        database.cursor().executemany(
            "INSERT INTO not_duplicate (customer_a, customer_b, created_at) VALUES (?, ?, ?)",
            [(a, b, stamp) for a, b in new])
    return new


def unmark_not_duplicate(pairs: Iterable[tuple[int, int]]) -> None:
    with database.atomic():
        database.cursor().executemany("DELETE FROM not_duplicate WHERE customer_a = ? AND customer_b = ?",
                                      [tuple(sorted(p)) for p in pairs])


# --- the hint while a customer is typed -------------------------------------------------------------

@dataclass(frozen=True)
class DuplicateHint:
    """A stored customer the one being typed probably is."""

    customer_id: int
    name: str
    country: str | None
    city: str
    rule: str
    value: str
    similarity: float = 100.0


def _typed_profile(name: str, country: str | None, website: str, contacts: Sequence[ContactInput]) -> Profile:
    emails, phones = [], []
    for contact in contacts:
        emails += [e for text in contact.emails for e in map(normalize_email, split_emails(text)) if e]
        for text in (*contact.phones, contact.whatsapp):
            phones += [p.e164 for p in map(lambda t: normalize_phone(t, country), split_phones(text or ""))
                       if p.e164]
    return Profile("typed", clean_line(name), country, tuple(dict.fromkeys(emails)),
                   tuple(dict.fromkeys(phones)), (clean_line(website),) if clean_line(website) else ())


def probable_duplicates(name: str, country: str | None = None, *, website: str = "",
                        contacts: Sequence[ContactInput] = (), exclude: int | None = None,
                        limit: int = 3) -> list[DuplicateHint]:
    """Stored customers that the customer being typed probably is, the surest first (index lookups only)."""
    try:
        country = normalize_country(clean_line(country) or None)
    except UnknownCountryError:
        country = None
    profile = _typed_profile(name, country, website, contacts)
    if not (profile.name or profile.emails or profile.phones or profile.websites):
        return []
    index, stored = MatchIndex(), {}
    for candidate in load_candidates(database.obj, [profile]):
        if candidate.ident != exclude:
            index.add(candidate)
            stored[candidate.ident] = candidate
    hints = []
    for match in index.find(profile)[:limit]:
        theirs = stored[match.ident]
        shared = {"email": set(profile.emails) & set(theirs.emails),
                  "phone": set(profile.phones) & set(theirs.phones),
                  "domain": profile_domains(profile) & set(theirs.websites)}.get(match.rule)
        value = min(shared) if shared else theirs.name
        hints.append(DuplicateHint(match.ident, theirs.name, theirs.country, "", match.rule, value, match.score))
    if hints:
        marks = ",".join("?" * len(hints))
        cities = dict(database.execute_sql(f"SELECT id, city FROM customer WHERE id IN ({marks})",
                                           [h.customer_id for h in hints]))
        hints = [DuplicateHint(h.customer_id, h.name, h.country, cities.get(h.customer_id) or "", h.rule,
                               h.value, h.similarity) for h in hints]
    return hints
