"""Which customer each row of an exported book is about, and what becomes of it.

Rows with one CRM ID are one customer; rows without one join the customer of the same company in
the file. A customer whose CRM ID this book has is updated by it, unless the file's IDs are another
book's (most of those customers here have other names, emails and phones). Every other customer
is new: into an empty book it is created with its ID; otherwise it is matched by email, phone,
domain and name like any imported row, and merged, skipped or created as the options decide.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from trade_crm.domain.duplicates.matching import (
    MatchIndex,
    Profile,
    company_key,
    load_candidates,
    same_cjk_company,
)
from trade_crm.domain.text import normalize_email, split_emails
from trade_crm.domain.world.countries import UnknownCountryError, normalize_country
from trade_crm.domain.world.phones import normalize_phone, split_phones
from trade_crm.exchange.importing.book.rows import ExportedBook
from trade_crm.exchange.importing.book.state import book_is_empty, existing_customers
from trade_crm.exchange.importing.plan import BookEntity, BookRow, DuplicateMatch, ImportOptions, RowProblem
from trade_crm.store.models import database

_SHEET_KEY = 2_000_000  # decision keys: the row number on the Customers sheet, else sheet index * this + row
_CHUNK = 500


# --- which rows belong to which customer ------------------------------------------------------------

@dataclass
class _Builder:
    key: int
    crm_id: int | None
    customer: BookRow | None = None
    rows: dict = field(default_factory=lambda: {"contacts": [], "interactions": [], "orders": []})

    def entity(self) -> BookEntity:
        return BookEntity(self.key, self.crm_id, self.customer, tuple(self.rows["contacts"]),
                          tuple(self.rows["interactions"]), tuple(self.rows["orders"]))


def group_rows(book: ExportedBook, problems: list[RowProblem]) -> list[BookEntity]:
    """The file's customers: rows with one CRM ID together; rows without one by their company."""
    by_id: dict[int, _Builder] = {}
    by_name: dict[str, _Builder] = {}
    order: list[_Builder] = []
    seen_own: dict[tuple[str, int], BookRow] = {}

    def refuse(row: BookRow, column: str, message: str) -> None:
        problems.append(RowProblem(row.sheet, row.number, row.header(column), message, "error"))

    for index, sheet in enumerate(book.sheets):
        for row in sheet.rows:
            key = row.number if sheet.kind == "customers" else index * _SHEET_KEY + row.number
            own = row.own_id
            if own is not None:
                first = seen_own.setdefault((row.kind, own), row)
                if first is not row:
                    refuse(row, row.kind[:-1] + "_id", f"this ID is on {first.sheet} row {first.number} too; this row is not imported")
                    continue
            name = company_key(row.company) if row.company else ""
            builder = by_id.get(row.crm_id) if row.crm_id is not None else by_name.get(name) if name else None
            if sheet.kind == "customers":
                if row.crm_id is not None and builder is not None and builder.customer is not None:
                    first = builder.customer
                    refuse(row, "id", f"CRM ID {row.crm_id} is on {first.sheet} row {first.number} too; this row "
                                      "is not imported")
                    continue
                if builder is None or builder.customer is not None:
                    builder = _Builder(key, row.crm_id)
                    order.append(builder)
                builder.customer = row
            else:
                if builder is None:
                    if row.crm_id is None and not name:
                        refuse(row, "id", "no CRM ID and no company: whose row this is cannot be told; "
                                          "it is not imported")
                        continue
                    builder = _Builder(key, row.crm_id)
                    order.append(builder)
                builder.rows[sheet.kind].append(row)
            if row.crm_id is not None:
                by_id.setdefault(row.crm_id, builder)
            if name:
                by_name.setdefault(name, builder)
    return [b.entity() for b in order]


# --- is this file from this book? ----------------------------------------------------------------

def _alike_names(a: str, b: str) -> bool:
    ka, kb = company_key(a), company_key(b)
    return bool(ka and kb) and (ka == kb or ka in kb or kb in ka or same_cjk_company(ka, kb)
                                or fuzz.token_sort_ratio(ka, kb) >= 80)


def _channels_of(entity: BookEntity) -> set[str]:
    """The emails and phones an entity's rows carry, as they would be stored (for telling books apart)."""
    found: set[str] = set()
    for row in entity.rows:
        for key in ("email", "phone", "whatsapp"):
            text = row.values.get(key)
            if not text:
                continue
            if key == "email":
                found.update(e for e in (normalize_email(p) for p in split_emails(text)) if e)
            else:
                found.update(p.value for p in (normalize_phone(t) for t in split_phones(text)) if p.value)
    return found


def from_another_book(entities: list[BookEntity], stored: dict[int, str]) -> bool:
    """Whether the file's CRM IDs belong to another book: most customers with those IDs here have
    neither a name like the file's nor any of its emails and phones."""
    ours = [e for e in entities if e.crm_id in stored and e.name]
    if not ours:
        return False
    differ = [e for e in ours if not any(_alike_names(r.company, stored[e.crm_id]) for r in e.rows if r.company)]
    if len(differ) * 2 <= len(ours):
        return False
    channels: dict[int, set[str]] = {}
    ids = [e.crm_id for e in differ]
    for start in range(0, len(ids), _CHUNK):
        part = ids[start:start + _CHUNK]
        for cid, value in database.obj.execute_sql(
                "SELECT p.customer_id, ch.value FROM contact_channel ch JOIN contact p ON p.id = ch.contact_id "
                f"WHERE p.customer_id IN ({','.join('?' * len(part))})", part):
            channels.setdefault(cid, set()).add(value)
    still = sum(1 for e in differ if not (_channels_of(e) & channels.get(e.crm_id, set())))
    return still * 2 > len(ours)


# --- matching the new ones ----------------------------------------------------------------------

def _profile(entity: BookEntity) -> Profile:
    country = None
    if entity.customer is not None and entity.customer.values.get("country_code"):
        try:
            country = normalize_country(entity.customer.values["country_code"])
        except UnknownCountryError:
            country = None
    channels = _channels_of(entity)
    website = entity.customer.values.get("website") if entity.customer else None
    return Profile(("file", entity.key), entity.name, country, tuple(sorted(c for c in channels if "@" in c)),
                   tuple(sorted(c for c in channels if c.startswith("+"))), (website,) if website else ())


def resolve(entities: list[BookEntity], options: ImportOptions, notices: list[str]) -> tuple[list[BookEntity], bool,
                                                                                              bool, dict]:
    """Each entity's action and target; (entities, keep_ids, foreign, match of each matched key)."""
    stored = existing_customers([e.crm_id for e in entities if e.crm_id is not None])
    empty = book_is_empty()
    foreign = bool(stored) and from_another_book(entities, stored)
    if foreign:
        notices.append("the CRM IDs in this file belong to another Trade CRM book (the customers with those IDs "
                       "here have other names, emails and phones), so its rows were matched by email, phone and "
                       "name instead")
    out, fresh, matches = [], [], {}
    for entity in entities:
        decision = options.decisions.get(entity.key)
        if entity.crm_id in stored and not foreign:
            action = {"skip": "skip", "create": "create"}.get(decision or "", "update")
            out.append(_with(entity, action, entity.crm_id if action == "update" else None))
            matches[entity.key] = DuplicateMatch(entity.crm_id, stored[entity.crm_id], "id", 100.0,
                                                 f"same CRM ID {entity.crm_id}")
        elif empty:
            out.append(_with(entity, "create", None, entity.crm_id))
        else:
            fresh.append(len(out))
            out.append(entity)
    if fresh:
        profiles = [_profile(out[i]) for i in fresh]
        index, names = MatchIndex(), {}
        for candidate in load_candidates(database.obj, profiles):
            index.add(candidate)
            names[candidate.ident] = candidate.name
        for i, profile in zip(fresh, profiles, strict=True):
            entity = out[i]
            found = index.find(profile)
            if not found:
                out[i] = _with(entity, "create")
                continue
            match = found[0]
            matches[entity.key] = DuplicateMatch(match.ident, names.get(match.ident, ""), match.rule, match.score,
                                                 match.detail)
            action = options.decisions.get(entity.key, options.on_duplicate)
            out[i] = _with(entity, action, match.ident if action == "merge" else None)
    return out, empty, foreign, matches


def _with(entity: BookEntity, action: str, target: int | None = None, keep_id: int | None = None) -> BookEntity:
    return replace(entity, action=action, target=target, keep_id=keep_id)
