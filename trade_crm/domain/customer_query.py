"""Finding customers: full-text search plus filters, sorted and paged for a list or the CLI.

Written as SQL on purpose: the customer list pages through 100,000 rows, and each page must
cost one indexed query, with the primary contact fetched for the page only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from trade_crm.store import search
from trade_crm.store.fields import UTCDateTimeField
from trade_crm.store.models import database

SORT_COLUMNS = {
    "name": "c.name COLLATE NOCASE",
    "country": "c.country",
    "rating": "coalesce(c.rating, 'Z')",
    "lifecycle": "c.lifecycle",
    "last_contact": "c.last_contact_at",
    "follow_up": "c.follow_up_on",
    "created": "c.id",
}


@dataclass(frozen=True)
class CustomerFilter:
    text: str = ""
    countries: tuple[str, ...] = ()
    tag: str = ""
    ratings: tuple[str, ...] = ()
    lifecycles: tuple[str, ...] = ()
    follow_up_overdue: bool = False
    not_contacted_days: int | None = None
    ids: tuple[int, ...] | None = None

    @property
    def is_empty(self) -> bool:
        return self == CustomerFilter()


@dataclass(frozen=True)
class CustomerRow:
    id: int
    name: str
    country: str | None
    city: str
    rating: str | None
    lifecycle: str
    contact_name: str
    email: str
    phone: str
    last_contact_at: datetime | None
    follow_up_on: date | None
    tags: tuple[str, ...] = field(default_factory=tuple)


def _where(flt: CustomerFilter, today: date, now: datetime) -> tuple[list[str], list]:
    clauses: list[str] = []
    params: list = []
    for table, expression in search.match_clauses(flt.text):
        clauses.append(f"c.id IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)")
        params.append(expression)
    if flt.countries:
        clauses.append(f"c.country IN ({','.join('?' * len(flt.countries))})")
        params.extend(code.upper() for code in flt.countries)
    if flt.tag:
        clauses.append("c.id IN (SELECT ct.customer_id FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
                       "WHERE t.name = ?)")
        params.append(flt.tag)
    if flt.ratings:
        clauses.append(f"c.rating IN ({','.join('?' * len(flt.ratings))})")
        params.extend(flt.ratings)
    if flt.lifecycles:
        stages = [s for s in flt.lifecycles if s != "lost"]
        parts = []
        if stages:
            parts.append(f"(c.lifecycle IN ({','.join('?' * len(stages))}) AND NOT c.lost)")
            params.extend(stages)
        if "lost" in flt.lifecycles:
            parts.append("c.lost")
        clauses.append("(" + " OR ".join(parts) + ")")
    if flt.follow_up_overdue:
        clauses.append("c.follow_up_on < ?")
        params.append(today.isoformat())
    if flt.not_contacted_days is not None:
        cutoff = UTCDateTimeField().db_value(now - timedelta(days=flt.not_contacted_days))
        clauses.append("(c.last_contact_at IS NULL OR c.last_contact_at < ?)")
        params.append(cutoff)
    if flt.ids is not None:
        clauses.append(f"c.id IN ({','.join('?' * len(flt.ids)) or 'NULL'})")
        params.extend(flt.ids)
    return clauses, params


def search_customers(flt: CustomerFilter, *, today: date, now: datetime | None = None,
                     sort: str = "name", descending: bool = False, offset: int = 0,
                     limit: int = 50) -> list[CustomerRow]:
    """One page of customers matching `flt`; sort by a key of SORT_COLUMNS (ties by id)."""
    now = now or datetime.now(timezone.utc)
    clauses, params = _where(flt, today, now)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    direction = "DESC" if descending else "ASC"
    order = f"{SORT_COLUMNS[sort]} {direction}, c.id {direction}"
    sql = (f"SELECT c.id, c.name, c.country, c.city, c.rating, CASE WHEN c.lost THEN 'lost' ELSE c.lifecycle END, "
           f"c.last_contact_at, c.follow_up_on FROM customer c {where} ORDER BY {order} LIMIT ? OFFSET ?")
    rows = database.obj.execute_sql(sql, [*params, limit, offset]).fetchall()
    return _with_contacts(rows)


def count_customers(flt: CustomerFilter, *, today: date, now: datetime | None = None) -> int:
    clauses, params = _where(flt, today, now or datetime.now(timezone.utc))
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return database.obj.execute_sql(f"SELECT count(*) FROM customer c {where}", params).fetchone()[0]


def matching_ids(flt: CustomerFilter, *, today: date, now: datetime | None = None) -> list[int]:
    clauses, params = _where(flt, today, now or datetime.now(timezone.utc))
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return [r[0] for r in database.obj.execute_sql(f"SELECT c.id FROM customer c {where} ORDER BY c.id", params)]


def _with_contacts(rows: list[tuple]) -> list[CustomerRow]:
    if not rows:
        return []
    ids = [r[0] for r in rows]
    marks = ",".join("?" * len(ids))
    db = database.obj
    contact = {}
    for cid, name, email, phone in db.execute_sql(
        "SELECT p.customer_id, p.name, "
        "(SELECT value FROM contact_channel WHERE contact_id = p.id AND kind = 'email' ORDER BY position LIMIT 1), "
        "(SELECT value FROM contact_channel WHERE contact_id = p.id AND kind IN ('phone', 'whatsapp') "
        " ORDER BY position LIMIT 1) "
        f"FROM contact p WHERE p.customer_id IN ({marks}) ORDER BY p.is_primary, p.id DESC",
        ids,
    ):
        contact[cid] = (name or "", email or "", phone or "")
    tags: dict[int, list[str]] = {}
    for cid, tag in db.execute_sql(
        f"SELECT ct.customer_id, t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
        f"WHERE ct.customer_id IN ({marks}) ORDER BY t.name", ids,
    ):
        tags.setdefault(cid, []).append(tag)
    to_instant = UTCDateTimeField().python_value
    out = []
    for cid, name, country, city, rating, lifecycle, last_contact, follow_up in rows:
        c_name, email, phone = contact.get(cid, ("", "", ""))
        out.append(CustomerRow(
            id=cid, name=name, country=country, city=city, rating=rating, lifecycle=lifecycle,
            contact_name=c_name, email=email, phone=phone, last_contact_at=to_instant(last_contact),
            follow_up_on=date.fromisoformat(follow_up) if follow_up else None, tags=tuple(tags.get(cid, ())),
        ))
    return out
