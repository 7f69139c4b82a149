"""Finding customers: full-text search plus filters, sorted and paged for a list or the CLI.

Written as SQL on purpose: the customer list pages through 100,000 rows, and each page must
cost one indexed query, with the primary contact fetched for the page only.

A text search picks its plan from its first `_SAMPLE` candidates (cheap: FTS5 streams them in
rowid order and stops at the LIMIT; a term longer than a trigram is then checked in the stored
text, see `search.search_clauses`):

- fewer candidates than that: their checked hits are the whole answer; sort those few rows.
- more, and the sort follows an index: walk that index and test each row's document
  (`search.row_condition`) until the page is full. A common term ("@gmail", "m") fills a page
  within a few hundred rows, where evaluating the MATCH alone would read 40,000+ hits. A 1-2
  character prefix that is not that common ("li") instead lists its hits in full (cheap for
  FTS5's prefix index) and walks the sort index against that list.
- a walk that would be long (a rarer term, a deep page) or comes back short (hits clustered
  late in the sort order, e.g. Arabic names when sorting A-Z): with fewer than `_LIST_HITS` hits
  (estimated from the sample), the plain query `IN (MATCH)`, which sorts them all (about 0.75 ms
  per 1,000 hits); with more, the hits listed in full and the sort index walked against that list
  (`_walk_listed`, at worst the whole index: about 20 ms for 100k). On 100k customers by name:
  "ltd" (22,000 hits) 17 -> 2 ms; "有限公司" (2,400, sorting last) stays 1.5 ms.
  A term that needs checking (longer than a trigram): the candidates sorted and checked only until
  the page is full.

A server book's text search is store/pg_search.py's (pg_trgm and a token array; `_server_text_page`).
By name or last contact, the server's `search_page` finds the page in one round trip: a short walk of
the sort order (a common term fills the page there), then a sample of the hits (a rare term's are all
of them: sort those), then the hits a sort band at a time (each document carries its customer's band, a
monotone function of the sort key: the first bands that hold a page's worth of hits hold the page,
whatever the hits' number or where they sort). Other sorts: the same walk and sample from here, then a
longer walk or every hit sorted. Filters, counts and positions take its conditions as they take FTS5's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from trade_crm.store import pg_search, search
from trade_crm.store.fields import UTCDateTimeField
from trade_crm.store.models import LIFECYCLES as LIFECYCLES  # a filter's choices: the UI takes them from here
from trade_crm.store.models import RATINGS as RATINGS
from trade_crm.store.models import database
from trade_crm.store.sql import dialect

# A customer whose follow-up day (kept by the reminder engine, domain/reminders/due.py) has passed.
OVERDUE_CUSTOMERS_SQL = "(c.lost = FALSE AND c.follow_up_on < ?)"  # with the user's today; c = customer

SORT_COLUMNS = {
    "name": "c.name COLLATE NOCASE",
    "country": "c.country",
    "rating": "coalesce(c.rating, 'Z')",
    "lifecycle": "c.lifecycle",
    "tier": "coalesce((SELECT s.tier FROM customer_segment s WHERE s.customer_id = c.id), 'Z')",
    "last_contact": "c.last_contact_at",
    "follow_up": "c.follow_up_on",
    "created": "c.id",
}

NULLABLE_SORTS = frozenset({"country", "last_contact", "follow_up"})


def sort_order(sort: str, descending: bool) -> str:
    """ORDER BY for a key of SORT_COLUMNS, ties by id; a customer without the value (NULL) sorts as SQLite
    sorts it on both engines: first going up, last going down."""
    direction = "DESC" if descending else "ASC"
    nulls = dialect(database).nulls_low(descending) if sort in NULLABLE_SORTS else ""
    return f"{SORT_COLUMNS[sort]} {direction}{nulls}, c.id {direction}"


@dataclass(frozen=True)
class CustomerFilter:
    text: str = ""
    countries: tuple[str, ...] = ()
    tag: str = ""
    ratings: tuple[str, ...] = ()
    lifecycles: tuple[str, ...] = ()
    tiers: tuple[str, ...] = ()  # automatic value tiers A/B/C (domain/insights/segments.py); "" = no tier
    follow_up_overdue: bool = False
    not_contacted_days: int | None = None
    ids: tuple[int, ...] | None = None
    pool: bool = False  # a team server book: only the customers in the public pool (no owner)

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
    tier: str | None = None  # the automatic value tier; `rating` is the one set by hand


def _where(flt: CustomerFilter, today: date, now: datetime, *, checks: bool = True) -> tuple[list[str], list]:
    """The conditions on customer `c` that select `flt`; without `checks`, the text's candidates
    stand for its hits (the caller checks them: see `_checked_page`)."""
    clauses: list[str] = []
    params: list = []
    checked = []
    if pg_search.answers(database.obj):  # a server book: its engine's own conditions, and its planner's plan
        clauses, params = pg_search.text_conditions(flt.text, "c.id")
    for clause in _fts5_clauses(flt.text):
        sql, clause_params = clause.candidates_sql()
        clauses.append(f"c.id IN ({sql})")
        params.extend(clause_params)
        if clause.checks and checks:
            checked.append(clause)
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
    if flt.tiers:
        named = [t for t in flt.tiers if t]
        parts = []
        if named:
            parts.append(f"c.id IN (SELECT customer_id FROM customer_segment WHERE tier IN "
                         f"({','.join('?' * len(named))}))")
            params.extend(named)
        if "" in flt.tiers:
            parts.append("c.id NOT IN (SELECT customer_id FROM customer_segment WHERE tier IS NOT NULL)")
        clauses.append("(" + " OR ".join(parts) + ")")
    if flt.follow_up_overdue:  # the one definition of overdue: domain/reminders/due.py counts with it too
        clauses.append(OVERDUE_CUSTOMERS_SQL)
        params.append(today.isoformat())
    if flt.not_contacted_days is not None:
        cutoff = UTCDateTimeField().db_value(now - timedelta(days=flt.not_contacted_days))
        clauses.append("(c.last_contact_at IS NULL OR c.last_contact_at < ?)")
        params.append(cutoff)
    if flt.pool:
        clauses.append("c.owner IS NULL")
    if flt.ids is not None:
        clauses.append(f"c.id IN ({','.join('?' * len(flt.ids)) or 'NULL'})")
        params.extend(flt.ids)
    for clause in checked:  # last, so that only the rows every other filter kept have their text read
        clauses.append(f"EXISTS (SELECT 1 FROM {clause.table} WHERE rowid = c.id AND {clause.check_condition()})")
        params.extend(clause.checks)
    return clauses, params


def _fts5_clauses(text: str) -> list[search.SearchClause]:
    """A SQLite book's FTS5 clauses for `text`; none on a server book (`pg_search.text_conditions`)."""
    return [] if pg_search.answers(database.obj) else search.search_clauses(text)


_COLUMNS = ("c.id, c.name, c.country, c.city, c.rating, CASE WHEN c.lost THEN 'lost' ELSE c.lifecycle END, "
            "c.last_contact_at, c.follow_up_on, (SELECT s.tier FROM customer_segment s WHERE s.customer_id = c.id)")
_SAMPLE = 900  # hits read to size a text query; fewer than this and they are the whole answer
_BATCH = 900  # ids per IN (...) list: old SQLite builds allow 999 parameters
_WALK_ROWS = 2500  # rows a 3+ character query may test one by one (about 2 µs each) before giving up
_WALK_ROWS_SERVER = 6000  # on PostgreSQL a row's test is an index probe, a few µs, whatever the term's length
_BAND_GROUP = 16  # empty bands asked for in one statement, at most
_BAND_CAP = 1500  # hits asked of a group of bands at once: more, and they are asked a band at a time
_WALK_ROWS_FIRST = 300  # a server's first walk: a page of a term on 1 customer in 6 (a letter, "@gmail")
_WALK_ROWS_SHORT = 400  # the same for 1-2 character terms, whose per-row FTS lookup costs 5-40 µs
_LIST_HITS = 6000  # hits (estimated) from which sorting them all costs more than a walk against their list
_INDEXED_SORTS = frozenset({"name", "country", "last_contact", "follow_up", "created"})


def search_customers(flt: CustomerFilter, *, today: date, now: datetime | None = None,
                     sort: str = "name", descending: bool = False, offset: int = 0,
                     limit: int = 50) -> list[CustomerRow]:
    """One page of customers matching `flt`; sort by a key of SORT_COLUMNS (ties by id)."""
    now = now or datetime.now(timezone.utc)
    order = sort_order(sort, descending)
    rows = None
    if flt.text and flt == CustomerFilter(text=flt.text):
        page = _server_text_page if pg_search.answers(database.obj) else _text_page
        with database.obj.atomic("DEFERRED"):  # its few statements must see one snapshot; a read: no write lock
            rows = page(flt.text, sort, order, offset, limit)
    if rows is None:
        checked = [clause for clause in _fts5_clauses(flt.text) if clause.checks]
        clauses, params = _where(flt, today, now, checks=not checked)
        if checked:
            rows = _checked_page(clauses, params, checked, order, offset, limit)
        else:
            where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
            sql = f"SELECT {_COLUMNS} FROM customer c {where} ORDER BY {order} LIMIT ? OFFSET ?"
            rows = database.obj.execute_sql(sql, [*params, limit, offset]).fetchall()
    return _with_contacts(rows)


def _text_page(text: str, sort: str, order: str, offset: int, limit: int) -> list[tuple] | None:
    """A page for a text-only filter by the cheapest exact plan (see the module notes); None: use
    the plain query."""
    clauses = search.search_clauses(text)
    if not clauses:
        return None
    db = database.obj
    first, rest = clauses[0], clauses[1:]
    sql, params = first.candidates_sql()
    for other in rest:
        other_sql, other_params = other.rowids_sql()
        sql += f" AND rowid IN ({other_sql})"
        params.extend(other_params)
    hits = [r[0] for r in db.execute_sql(f"{sql} LIMIT {_SAMPLE}", params)]
    if len(hits) < _SAMPLE:
        hits = _checked(first, hits)
        if not hits:
            return []
        marks = ",".join("?" * len(hits))
        return db.execute_sql(f"SELECT {_COLUMNS} FROM customer c WHERE c.id IN ({marks}) "
                              f"ORDER BY {order} LIMIT ? OFFSET ?", [*hits, limit, offset]).fetchall()
    if rest:
        return None
    density = len(hits) / (hits[-1] - hits[0] + 1)  # hits per customer id, about
    if first.table == "search_trigram":
        rows = _walk(text, order, offset, limit, density, _WALK_ROWS) if sort in _INDEXED_SORTS else None
        if rows is None and first.checks:
            sql, params = first.candidates_sql()
            rows = _checked_page([f"c.id IN ({sql})"], params, [first], order, offset, limit)
        if rows is not None or sort not in _INDEXED_SORTS or density * _last_id() < _LIST_HITS:
            return rows  # None: few enough hits to sort them all; a walk may cross the whole sort index first
        return _walk_listed(first, order, offset, limit)
    if sort not in _INDEXED_SORTS:
        return None
    rows = _walk(text, order, offset, limit, density, _WALK_ROWS_SHORT) if density > 0.5 else None
    return rows if rows is not None else _walk_listed(first, order, offset, limit)


def _server_text_page(text: str, sort: str, order: str, offset: int, limit: int) -> list[tuple] | None:
    """`_text_page` on a server book, whose planner misjudges how many documents a LIKE finds. By name or last
    contact, the server's `search_page` (store/pg_search.py) finds the page in one round trip: a short walk of
    the sort order, which fills a page of a common term ("m", "@gmail"); a sample of the hits, which holds
    every hit of a rare one; then the hits a sort band at a time, for the many hits that sort late. Other
    sorts: the same walk and sample from here, then a longer walk or every hit sorted."""
    found = pg_search.hits_sql(text)
    if found is None:
        return None
    needed = offset + limit
    db = database.obj
    if sort in pg_search.BAND_COLUMNS:
        ids = pg_search.page_ids(db, text, sort, order.endswith("DESC"), needed,
                                 walk_rows=max(_WALK_ROWS_FIRST, 4 * needed), sample=_SAMPLE, band_cap=_BAND_CAP,
                                 band_group=_BAND_GROUP)
        return _rows_in_order(ids[offset:needed])
    if sort in _INDEXED_SORTS:
        page = _server_walk(text, order, needed, max(_WALK_ROWS_FIRST, 4 * needed))
        if page is not None:
            return _rows_in_order(page[offset:needed])
    sql, params = found
    hits = sorted(r[0] for r in db.execute_sql(f"{sql} LIMIT {_SAMPLE}", params))
    if len(hits) < _SAMPLE:
        return _sorted_page(hits, order, offset, limit) if hits else []
    if sort in _INDEXED_SORTS:
        low, high = hits[len(hits) // 10], hits[len(hits) * 9 // 10]  # rows moved by updates sit out of order
        rows = _walk(text, order, offset, limit, 0.8 * len(hits) / (high - low + 1), _WALK_ROWS_SERVER)
        if rows is not None:
            return rows
    page = db.execute_sql(f"SELECT c.id FROM customer c WHERE c.id = ANY(ARRAY({sql})) ORDER BY {order} "
                          "LIMIT ? OFFSET ?", [*params, limit, offset])  # the hits listed once, then sorted
    return _rows_in_order([r[0] for r in page])


def _server_walk(text: str, order: str, needed: int, rows: int) -> list[int] | None:
    """The hits among the first `rows` customers in sort order when they fill `needed` (or the book ends),
    else None."""
    db = database.obj
    batch = [r[0] for r in db.execute_sql(f"SELECT c.id FROM customer c ORDER BY {order} LIMIT ?", [rows])]
    if not batch:
        return []
    condition, params = pg_search.row_condition(text, "c.id")
    matching = {r[0] for r in db.execute_sql(
        f"SELECT c.id FROM customer c WHERE c.id = ANY(?) AND {condition}", [batch, *params])}
    found = [cid for cid in batch if cid in matching]
    return found if len(found) >= needed or len(batch) < rows else None


def _sorted_page(ids: list[int], order: str, offset: int, limit: int) -> list[tuple]:
    """A page of these customers in `order`: looked up by id, then sorted. (Asked in one query, the planner
    may walk the sort index testing each row against the list: 6,000 ids took 3.7 s at 1,000,000.)"""
    if not ids:
        return []
    return database.obj.execute_sql(f"WITH c AS MATERIALIZED (SELECT * FROM customer WHERE id = ANY(?)) "
                                    f"SELECT {_COLUMNS} FROM c ORDER BY {order} LIMIT ? OFFSET ?",
                                    [ids, limit, offset]).fetchall()


def _last_id() -> int:
    return database.obj.execute_sql("SELECT max(id) FROM customer").fetchone()[0] or 0


def _checked(clause: search.SearchClause, ids: list[int]) -> list[int]:
    """Those of `ids` (candidates of `clause`) that it matches, in the same order."""
    if not clause.checks or not ids:
        return ids
    matching: set[int] = set()
    for start in range(0, len(ids), _BATCH):
        batch = ids[start:start + _BATCH]
        matching.update(r[0] for r in database.obj.execute_sql(
            f"SELECT rowid FROM {clause.table} WHERE rowid IN ({','.join('?' * len(batch))}) "
            f"AND {clause.check_condition()}", [*batch, *clause.checks]))
    return [cid for cid in ids if cid in matching]


def _checked_page(clauses: list[str], params: list, checked: list[search.SearchClause], order: str,
                  offset: int, limit: int) -> list[tuple]:
    """Sort the customers `clauses` select with the text's candidates (cheap: no stored text read)
    and check the first of them until the page is full. The trigrams alone are nearly exact (a few
    percent more than the hits), so this reads a page's worth of documents instead of every hit's."""
    needed = offset + limit
    take = needed + needed // 4 + 20
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    while True:
        ids = [r[0] for r in database.obj.execute_sql(
            f"SELECT c.id FROM customer c {where} ORDER BY {order} LIMIT ?", [*params, take])]
        found = ids
        for clause in checked:
            found = _checked(clause, found)
        if len(found) >= needed or len(ids) < take:
            return _rows_in_order(found[offset:needed])
        take *= 4


def _walk_listed(clause: search.SearchClause, order: str, offset: int, limit: int) -> list[tuple]:
    """Hits FTS5 lists cheaply in full (a short prefix, "li": 30,000; a common trigram, "ltd": 22,000):
    walk the sort index against that list ("+" keeps SQLite from looking each hit up and sorting
    them all instead)."""
    sql, params = clause.rowids_sql()
    return database.obj.execute_sql(
        f"SELECT {_COLUMNS} FROM customer c WHERE +c.id IN ({sql}) "
        f"ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()


def _walk(text: str, order: str, offset: int, limit: int, density: float, budget: int) -> list[tuple] | None:
    """Test customers in sort order, a batch at a time, until the page is full; None when that would
    take more than `budget` rows."""
    db = database.obj
    needed = offset + limit
    if needed / density > budget / 3:
        return None
    condition, params = (pg_search.row_condition if pg_search.answers(db) else search.row_condition)(text, "c.id")
    found: list[int] = []
    walked, step = 0, int(1.2 * needed / density) + 20
    while len(found) < needed:
        if walked + step > budget:
            return None  # the hits thin out at the top of this sort order
        step = min(step, _BATCH)
        batch = [r[0] for r in db.execute_sql(f"SELECT c.id FROM customer c ORDER BY {order} LIMIT ? OFFSET ?",
                                              [step, walked])]
        marks = ",".join("?" * len(batch))
        matching = {r[0] for r in db.execute_sql(
            f"SELECT c.id FROM customer c WHERE c.id IN ({marks}) AND {condition}", [*batch, *params])}
        found.extend(cid for cid in batch if cid in matching)
        walked += len(batch)
        if len(batch) < step:  # walked the whole book: what we found is all there is
            break
        step = int(1.2 * (needed - len(found)) * walked / max(len(found), 1)) + 20
    return _rows_in_order(found[offset:needed])


def _rows_in_order(page: list[int]) -> list[tuple]:
    if not page:
        return []
    by_id = {r[0]: r for r in database.obj.execute_sql(
        f"SELECT {_COLUMNS} FROM customer c WHERE c.id IN ({','.join('?' * len(page))})", page)}
    return [by_id[cid] for cid in page]


def count_customers(flt: CustomerFilter, *, today: date, now: datetime | None = None) -> int:
    clauses, params = _where(flt, today, now or datetime.now(timezone.utc))
    text_clauses = _fts5_clauses(flt.text)
    if flt.text and flt == CustomerFilter(text=flt.text) and len(text_clauses) == 1:
        # Drive from the index: each hit costs a rowid lookup, not an IN-list insert and probe.
        clause = text_clauses[0]
        condition = f"{clause.table} MATCH ?" + (f" AND {clause.check_condition()}" if clause.checks else "")
        return database.obj.execute_sql(
            f"SELECT count(*) FROM {clause.table} JOIN customer c ON c.id = {clause.table}.rowid "
            f"WHERE {condition}", [clause.match, *clause.checks]).fetchone()[0]
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return database.obj.execute_sql(f"SELECT count(*) FROM customer c {where}", params).fetchone()[0]


def customer_position(customer_id: int, flt: CustomerFilter, *, today: date, now: datetime | None = None,
                      sort: str = "name", descending: bool = False) -> int | None:
    """Where `customer_id` stands (0-based) in the list `search_customers` pages through with the same
    filter and sort; None when the filter leaves it out. The list pages rows in, so a customer saved at
    the end of 100,000 is found by its position, not by loading rows until it appears."""
    clauses, params = _where(flt, today, now or datetime.now(timezone.utc))
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    order = sort_order(sort, descending)
    found = database.obj.execute_sql(
        f"SELECT position FROM (SELECT c.id, row_number() OVER (ORDER BY {order}) - 1 AS position "
        f"FROM customer c {where}) AS ranked WHERE id = ?", [*params, customer_id]).fetchone()
    return found[0] if found else None


def matching_ids(flt: CustomerFilter, *, today: date, now: datetime | None = None, sort: str | None = None,
                 descending: bool = False) -> list[int]:
    """Every id `flt` selects, in id order, or as `search_customers` sorts (a key of SORT_COLUMNS)."""
    clauses, params = _where(flt, today, now or datetime.now(timezone.utc))
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    order = sort_order(sort, descending) if sort else "c.id"
    return [r[0] for r in database.obj.execute_sql(f"SELECT c.id FROM customer c {where} ORDER BY {order}", params)]


def _with_contacts(rows: list[tuple]) -> list[CustomerRow]:
    if len(rows) > _BATCH:  # a long page (the list loading through to a far row): within the parameter limit
        return [row for start in range(0, len(rows), _BATCH) for row in _with_contacts(rows[start:start + _BATCH])]
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
    for cid, name, country, city, rating, lifecycle, last_contact, follow_up, tier in rows:
        c_name, email, phone = contact.get(cid, ("", "", ""))
        out.append(CustomerRow(
            id=cid, name=name, country=country, city=city, rating=rating, lifecycle=lifecycle,
            contact_name=c_name, email=email, phone=phone, last_contact_at=to_instant(last_contact),
            follow_up_on=date.fromisoformat(follow_up) if follow_up else None, tags=tuple(tags.get(cid, ())),
            tier=tier,
        ))
    return out
