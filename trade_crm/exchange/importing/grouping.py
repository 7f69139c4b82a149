"""Clean rows -> planned customers: group the rows of one company, match them against the book.

A row joins the strongest match it has: a customer planned from earlier rows of the same file
(the same email, phone, company domain or company name) or a stored customer. Rows matching a
stored customer get the user's decision for that match, else the default policy. Inside one
customer, contacts are the same person only by name when both have a name (two people share a
switchboard number), else by a shared email or phone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from trade_crm.domain.customers.records import clean_customer_fields
from trade_crm.domain.duplicates.evidence import Evidence, conflict, load_evidence, names_alike
from trade_crm.domain.duplicates.matching import (
    MatchIndex,
    Profile,
    candidate_rows,
    company_key,
    profile_domains,
    same_person,
    shared_domains,
)
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.text import clean_line
from trade_crm.exchange.importing.cleaning import CleanRow
from trade_crm.exchange.importing.plan import (
    DuplicateMatch,
    ImportOptions,
    PlannedContact,
    PlannedCustomer,
    PossibleDuplicate,
)
from trade_crm.exchange.importing.progress import Cancel, Progress, check, tick
from trade_crm.exchange.importing.stored import (
    Existing,
    contact_values,
    existing_contact,
    field_changes,
    load_existing,
    same_contact,
)
from trade_crm.store.models import database

_E164 = re.compile(r"^\+\d{7,15}$")
def batch_source(options: ImportOptions) -> tuple[str, tuple[str, ...]]:
    """(Customer.source for new customers, tags for every imported customer) from --source/--tag."""
    text, tags = clean_line(options.source), [clean_line(options.tag)]
    source = "other"
    if text:
        try:
            source = clean_customer_fields({"source": text}, creating=False)["source"]
        except ValidationError:
            source = "trade_show"  # a named show: "Canton Fair 2026 Autumn" is the source and a tag
            tags.append(text)
    return source, tuple(dict.fromkeys(t for t in tags if t))


def _profile(ident, row: CleanRow) -> Profile:
    contact = row.contact
    phones = tuple(v for v, _ in contact.phones if _E164.match(v)) if contact else ()
    if contact and contact.whatsapp:
        phones += (contact.whatsapp[0],)
    return Profile(ident, row.name, row.fields.get("country"), contact.emails if contact else (), phones,
                   (row.fields["website"],) if row.fields.get("website") else ())


def combine(a: PlannedContact, b: PlannedContact) -> PlannedContact:
    phones = a.phones + tuple(p for p in b.phones if all(p[0] != q[0] for q in a.phones))
    notes = "\n".join(dict.fromkeys(n for n in (a.notes, b.notes) if n))
    return replace(a, name=a.name or b.name, title=a.title or b.title,
                   emails=a.emails + tuple(e for e in b.emails if e not in a.emails), phones=phones,
                   whatsapp=a.whatsapp or b.whatsapp, wechat=a.wechat or b.wechat, skype=a.skype or b.skype,
                   linkedin=a.linkedin or b.linkedin, birthday=a.birthday or b.birthday, notes=notes)


def merge_contacts(contacts: list[PlannedContact]) -> list[PlannedContact]:
    out: list[PlannedContact] = []
    for contact in contacts:
        for index, other in enumerate(out):
            if same_contact(other.name, contact_values(other), contact.name, contact_values(contact)):
                out[index] = combine(other, contact)
                break
        else:
            out.append(contact)
    return out


# --- planning ------------------------------------------------------------------------------------

@dataclass(slots=True)
class _Group:
    rows: list[CleanRow] = field(default_factory=list)
    match: object = None  # dedupe.Match against a stored customer
    profiles: list[Profile] = field(default_factory=list)
    evidence: Evidence | None = None  # of its rows[:counted] and the stored customer, made when first needed
    counted: int = 0


@dataclass(frozen=True)
class Grouping:
    """The planned customers, and the pairs kept apart although alike (for the user to merge later)."""

    customers: list[PlannedCustomer]
    possible_duplicates: list[PossibleDuplicate]


def _evidence(row: CleanRow, profile: Profile, ignore: frozenset[str]) -> Evidence:
    phones = set(profile.phones)
    person = bool(row.contact and row.contact.name)
    return Evidence({company_key(row.name)} if row.is_company and row.name else set(),
                    profile_domains(profile) - ignore, phones, set() if person else set(phones))


def plan_customers(cleaned: list[CleanRow], options: ImportOptions, source: str, tags: tuple[str, ...], *,
                   progress: Progress | None = None, cancel: Cancel | None = None) -> Grouping:
    """Group the rows that are one company, on positive evidence only: the same email, phone or company
    domain, or a (nearly) the same name with nothing against it. A match with conflicting evidence ("Stadt A"
    and "Stadt B", each with its own website) keeps the two apart and lists them as a possible duplicate."""
    rows = [r for r in cleaned if r.ok]
    profiles = [_profile(("row", r.row), r) for r in rows]
    tick(progress, "matching", 0, len(rows))
    ignore = frozenset(shared_domains(profiles))
    index = MatchIndex(ignore_domains=ignore)
    candidates = candidate_rows(database.obj, profiles)
    index.add_rows(candidates)
    names = {row[0]: row[1] for row in candidates}
    stored_evidence: dict[int, Evidence] = {}
    row_evidence: dict[int, Evidence] = {}
    groups: list[_Group] = []
    group_of: dict[int, int] = {}
    apart: list[tuple[int, object, str]] = []  # (group, the match kept apart, why)

    def evidence_of_row(row: CleanRow, profile: Profile) -> Evidence:
        if row.row not in row_evidence:
            row_evidence[row.row] = _evidence(row, profile, ignore)
        return row_evidence[row.row]

    def stored(ident, names_only: bool) -> Evidence:
        if names_only:  # known without a query
            return Evidence({company_key(names[ident])} if names.get(ident) else set(), set(), set(), set())
        if ident not in stored_evidence:
            stored_evidence.update(load_evidence(database.obj, [ident]))
            stored_evidence.setdefault(ident, Evidence(set(), set(), set(), set()))
        return stored_evidence[ident]

    def evidence_of(ident, names_only: bool = False) -> Evidence:
        """A group's or a stored customer's evidence, made when a match needs it (most rows match nothing)."""
        group = groups[ident[1]] if isinstance(ident, tuple) else groups[group_of[ident]] if ident in group_of else None
        if group is None:
            return stored(ident, names_only)
        if group.evidence is None:
            group.evidence = Evidence(set(), set(), set(), set())
            if group.match is not None:
                group.evidence.add(stored(group.match.ident, False))
        for row, profile in zip(group.rows[group.counted:], group.profiles[group.counted:], strict=True):
            group.evidence.add(evidence_of_row(row, profile))
        group.counted = len(group.rows)
        return group.evidence

    for done, (row, profile) in enumerate(zip(rows, profiles, strict=True), start=1):
        target, kept_apart = None, None
        for match in index.find(profile):
            verdict = _verdict(match, row, evidence_of_row(row, profile), groups, evidence_of)
            if verdict is None:
                continue
            if verdict:
                kept_apart = kept_apart or (match, verdict)
                continue
            if isinstance(match.ident, tuple):
                target = match.ident[1]
            elif match.ident in group_of:
                target = group_of[match.ident]
            else:
                groups.append(_Group(match=match))
                target = group_of[match.ident] = len(groups) - 1
            break
        if target is None:
            groups.append(_Group())
            target = len(groups) - 1
            if kept_apart is not None:
                apart.append((target, *kept_apart))
        groups[target].rows.append(row)
        groups[target].profiles.append(profile)
        index.add(profile, ("group", target))
        if done % 500 == 0:
            check(cancel)
            tick(progress, "matching", done, len(rows))
    tick(progress, "matching", len(rows), len(rows))
    existing = load_existing(sorted(group_of))
    customers = [_assemble(g, options, source, tags, names, existing) for g in groups]
    return Grouping(customers, [_possible(customers[g], m, why, customers, names) for g, m, why in apart])


def _verdict(match, row: CleanRow, mine: Evidence, groups: list[_Group], evidence_of) -> str | None:
    """"": join the match; None: not this match (two people); a text: kept apart, and why."""
    if match.rule == "email":
        return ""
    if match.rule in ("phone", "domain") and not row.is_company:
        return "" if _acceptable(match, row, groups) else None
    if match.rule in ("phone", "domain") and names_alike(mine.names, evidence_of(match.ident, True).names):
        return ""  # a shared number and an alike name: one company, whatever else differs
    why = conflict(mine, evidence_of(match.ident))
    return "" if why is None else f"{match.detail}, but {why}"


def _possible(customer: PlannedCustomer, match, why: str, customers: list[PlannedCustomer],
              names: dict) -> PossibleDuplicate:
    if isinstance(match.ident, tuple):
        other = customers[match.ident[1]]
        return PossibleDuplicate(customer.key, other.key, None, customer.name, other.name, why)
    return PossibleDuplicate(customer.key, None, match.ident, customer.name, names.get(match.ident, ""), why)


def _acceptable(match, row: CleanRow, groups: list[_Group]) -> bool:
    """A shared phone or domain makes two people one customer only when one of them has a company
    or they are one person: "John Doe" and "Jane Doe" at doe.com, with no company, stay apart."""
    if not isinstance(match.ident, tuple):
        return True
    group = groups[match.ident[1]]
    if any(r.is_company for r in group.rows):
        return True
    mine = row.contact.name if row.contact else ""
    theirs = [r.contact.name for r in group.rows if r.contact and r.contact.name]
    return not mine or not theirs or any(same_person(mine, name) for name in theirs)


def also_listed_as(name: str, others: list[str]) -> list[str]:
    """The names of folded rows that are not the customer's name (nor a spelling of it): kept, never dropped."""
    seen, out = {company_key(name)}, []
    for other in others:
        key = company_key(other)
        if key not in seen:
            seen.add(key)
            out.append(other)
    return out


def _assemble(group: _Group, options: ImportOptions, source: str, tags: tuple[str, ...], names: dict,
              existing: dict[int, Existing]) -> PlannedCustomer:
    rows = group.rows
    if len(rows) == 1 and group.match is None:  # most customers of a list: one row, nothing to fold or merge
        row = rows[0]
        contacts = (row.contact,) if row.contact is not None else ()
        fields = dict(row.fields)
        fields.setdefault("source", source)
        return PlannedCustomer(key=row.row, action="create", name=row.name, fields=fields,
                               contacts=contacts, tags=tuple(dict.fromkeys(row.tags + tags)),
                               custom_fields=dict(row.custom), notes=row.notes, rows=(row.row,),
                               new_contacts=len(contacts))
    first = next((r for r in rows if r.is_company), rows[0])
    fields: dict = {}
    notes: list[str] = []
    for row in rows:
        for key, value in row.fields.items():
            if key not in fields:
                fields[key] = value
            elif fields[key] != value:
                notes.append(f"{key.replace('_', ' ').capitalize()}: {value}")
        notes.append(row.notes)
    fields.setdefault("source", source)
    merging = group.match is not None and options.decisions.get(rows[0].row, options.on_duplicate) == "merge"
    name = names.get(group.match.ident, "") if merging else ""
    also = also_listed_as(name or first.name, [r.name for r in rows if r.is_company]) if len(rows) > 1 or name else ()
    if also:
        notes.insert(0, "Also listed as: " + "; ".join(also))
    notes_text = "\n".join(dict.fromkeys(n for n in notes if n))
    contacts = merge_contacts([r.contact for r in rows if r.contact is not None])
    custom: dict[str, str] = {}
    for row in rows:
        for key, value in row.custom.items():
            custom.setdefault(key, value)
    all_tags = tuple(dict.fromkeys([t for r in rows for t in r.tags] + list(tags)))
    key = rows[0].row
    match, action, changes, new_contacts = None, "create", (), len(contacts)
    if group.match is not None:
        stored_id = group.match.ident
        match = DuplicateMatch(stored_id, names.get(stored_id, ""), group.match.rule, group.match.score,
                               group.match.detail)
        action = options.decisions.get(key, options.on_duplicate)
        if action == "merge" and stored_id in existing:
            old = existing[stored_id]
            changes = tuple(field_changes(old.fields, fields, notes_text, options.overwrite))
            new_contacts = sum(1 for c in contacts if existing_contact(old, c) is None)
    return PlannedCustomer(key=key, action=action, name=first.name, fields=fields, contacts=tuple(contacts),
                           tags=all_tags, custom_fields=custom, notes=notes_text,
                           rows=tuple(r.row for r in rows), match=match, changes=changes,
                           new_contacts=new_contacts)
