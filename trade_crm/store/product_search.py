"""The catalog's own search index (migration 22): products found "like customers", in any script.

A product's document is its SKU, English name, names in other languages, HS code (as typed and as bare
digits) and tags, folded and reduced exactly as a customer's (store/search.py: `fold`, `document_body`), so
one query means the same thing in both lists: 3+ character terms are substrings (a piece of a SKU, "面板灯",
"светильник", "9405"), 1-2 character terms are word prefixes or CJK characters ("LP", "灯", "灯具").

Two tables per engine, named `search_product_*` (the schema comparison and the team grants treat `search_*`
as the engines' own index tables):

- SQLite: `search_product_trigram` (FTS5 trigram, the folded body stored) and `search_product_words`
  (FTS5 unicode61 with a 1-2 character prefix index, contentless; its input is `search.words_input(body)`),
  as migration 2 and 8 made the customers'.
- PostgreSQL: `search_product_trigram(rowid, body)` with a pg_trgm GIN index (a term is `body LIKE
  '%term%'`), `search_product_words(rowid, tokens text[])` with a GIN index (`tokens @> ARRAY[...]`).

The domain (domain/quotes/catalog.py) calls `reindex` inside each writing transaction (a save, an import, an
undo), so the index never disagrees with the rows; `matching_ids` gives the SELECT of the ids a query
matches, for the domain to use as `Product.id IN (...)`. An archived product keeps its document: the list
decides whether archived ones show.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import replace

from peewee import Database, SqliteDatabase

from trade_crm.store import search

TRIGRAM = "search_product_trigram"
WORDS = "search_product_words"
_TABLES = {"search_trigram": TRIGRAM, "search_words": WORDS}
_NON_DIGIT = re.compile(r"\D")

SQLITE_SCHEMA = (
    # Positions kept (unlike the customers' index): a term is one phrase MATCH, a substring found by FTS5 itself,
    # without reading each candidate's text back (instr); 20,000 short documents make a small table anyway.
    f"CREATE VIRTUAL TABLE {TRIGRAM} USING fts5(body, tokenize='trigram', columnsize=0)",
    f"CREATE VIRTUAL TABLE {WORDS} USING fts5(body, tokenize='unicode61 remove_diacritics 2', prefix='1 2', "
    "content='', detail=none, columnsize=0)",
)
# pg_trgm is there since server step 8; IF NOT EXISTS: a step run again changes nothing.
POSTGRES_SCHEMA = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE TABLE IF NOT EXISTS {TRIGRAM} (rowid BIGINT NOT NULL PRIMARY KEY, body TEXT NOT NULL)",
    f"CREATE TABLE IF NOT EXISTS {WORDS} (rowid BIGINT NOT NULL PRIMARY KEY, tokens TEXT[] NOT NULL)",
    f"CREATE INDEX IF NOT EXISTS {TRIGRAM}_body ON {TRIGRAM} USING gin (body gin_trgm_ops)",
    f"CREATE INDEX IF NOT EXISTS {WORDS}_tokens ON {WORDS} USING gin (tokens)",
    # SKU prefixes in any case, as a range in byte order (a prepared statement's generic plan keeps using it)
    'CREATE INDEX IF NOT EXISTS product_sku_prefix ON product ((lower(sku) COLLATE "C"))',
)
_COLUMNS = "id, sku, name, local_names, hs_code, tags"


def _is_sqlite(db: Database) -> bool:
    return isinstance(db, SqliteDatabase)


def create_tables(db: Database) -> None:
    """Migration 22 on either engine: the two tables, then a document for every product already there."""
    for statement in SQLITE_SCHEMA if _is_sqlite(db) else POSTGRES_SCHEMA:
        db.execute_sql(statement)
    rebuild(db)


def document_texts(sku: str, name: str, local_names: dict[str, str] | str, hs_code: str, tags: str) -> list[str]:
    """What a product's document is made of (the HS code twice: "9405.42" is found by "940542" too)."""
    names = json.loads(local_names or "{}") if isinstance(local_names, str) else local_names
    texts = [sku, name, *(v for v in names.values() if v), hs_code]
    digits = _NON_DIGIT.sub("", hs_code or "")
    if digits and digits != hs_code:
        texts.append(digits)
    texts += [t.strip() for t in (tags or "").split(",") if t.strip()]
    return [t for t in texts if t]


def _bodies(db: Database, ids: list[int] | None) -> dict[int, str]:
    where, params = "", ()
    if ids is not None:
        where, params = f" WHERE id IN ({','.join('?' * len(ids))})", tuple(ids)
    rows = db.execute_sql(f"SELECT {_COLUMNS} FROM product{where}", params).fetchall()
    return {row[0]: search.document_body(search.fold(" \n".join(dict.fromkeys(document_texts(*row[1:])))))
            for row in rows}


def _delete(db: Database, ids: list[int]) -> None:
    marks = ",".join("?" * len(ids))
    if _is_sqlite(db):  # the contentless words table forgets a document only when told its old text
        old = db.execute_sql(f"SELECT rowid, body FROM {TRIGRAM} WHERE rowid IN ({marks})", ids).fetchall()
        db.cursor().executemany(f"INSERT INTO {WORDS} ({WORDS}, rowid, body) VALUES ('delete', ?, ?)",
                                [(pid, search.words_input(body)) for pid, body in old])
    else:
        db.execute_sql(f"DELETE FROM {WORDS} WHERE rowid IN ({marks})", ids)
    db.execute_sql(f"DELETE FROM {TRIGRAM} WHERE rowid IN ({marks})", ids)


def _insert(db: Database, bodies: dict[int, str]) -> None:
    cursor = db.cursor()
    cursor.executemany(f"INSERT INTO {TRIGRAM} (rowid, body) VALUES (?, ?)", list(bodies.items()))
    if _is_sqlite(db):
        cursor.executemany(f"INSERT INTO {WORDS} (rowid, body) VALUES (?, ?)",
                           [(pid, search.words_input(body)) for pid, body in bodies.items()])
    else:
        cursor.executemany(f"INSERT INTO {WORDS} (rowid, tokens) VALUES (?, ?)",
                           [(pid, search.short_tokens(body)) for pid, body in bodies.items()])


def reindex(db: Database, product_ids: Iterable[int]) -> None:
    """Rewrite the documents of these products (a deleted product's is removed). Call inside the writing
    transaction."""
    ids = sorted(set(product_ids))
    for start in range(0, len(ids), 500):  # every delete of a chunk before its inserts (store/search.py)
        chunk = ids[start:start + 500]
        _delete(db, chunk)
        _insert(db, _bodies(db, chunk))


def rebuild(db: Database) -> None:
    """Every product's document again (a repair, and migration 22 over a book that has products)."""
    db.execute_sql(f"DELETE FROM {TRIGRAM}")
    if _is_sqlite(db):
        db.execute_sql(f"INSERT INTO {WORDS} ({WORDS}) VALUES ('delete-all')")
    else:
        db.execute_sql(f"DELETE FROM {WORDS}")
    bodies = _bodies(db, None)
    ids = sorted(bodies)
    for start in range(0, len(ids), 2000):
        _insert(db, {pid: bodies[pid] for pid in ids[start:start + 2000]})
    if _is_sqlite(db):
        for table in (TRIGRAM, WORDS):
            db.execute_sql(f"INSERT INTO {table} ({table}) VALUES ('optimize')")


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def matching_ids(db: Database, query: str) -> tuple[str, list] | None:
    """A SELECT of the ids of the products whose document matches `query` (in no order) and its parameters;
    None for a query without terms (every product)."""
    if not search.query_terms(query):
        return None
    if _is_sqlite(db):
        parts, params = [], []
        long_terms = [t for t in search.query_terms(query) if len(t) >= 3]
        if long_terms:  # each term a phrase: its trigrams in a row, a substring of the document
            parts.append(f"SELECT rowid FROM {TRIGRAM} WHERE {TRIGRAM} MATCH ?")
            params.append(" AND ".join(_quote(t) for t in long_terms))
        for clause in search.search_clauses(query):
            if clause.table == "search_words":  # 1-2 character terms: prefixes, CJK characters and pairs
                sql, clause_params = replace(clause, table=_TABLES[clause.table]).rowids_sql()
                parts.append(sql)
                params.extend(clause_params)
        return " INTERSECT ".join(parts), params
    patterns, tokens = [], []
    for term in search.query_terms(query):
        if len(term) >= 3:
            patterns.append(_like(term))
            continue
        found = search.short_term_tokens(term)
        if found is None:  # a term of marks alone: FTS5 finds nothing for it
            return f"SELECT rowid FROM {WORDS} WHERE FALSE", []
        tokens.extend(found)
    words = f"SELECT rowid FROM {WORDS} WHERE tokens @> ?::text[]"
    if not patterns:
        return words, [list(dict.fromkeys(tokens))]
    sql = f"SELECT rowid FROM {TRIGRAM} WHERE " + " AND ".join("body LIKE ?" for _ in patterns)
    if tokens:
        return f"{sql} AND rowid IN ({words})", [*patterns, list(dict.fromkeys(tokens))]
    return sql, patterns


def sku_prefix_ids(db: Database, prefix: str, limit: int) -> list[int]:
    """Ids of the products whose SKU starts with `prefix` (any case), the SKU equal to it first, then by SKU: what
    the picker shows before the other matches. SQLite walks the SKU index (a range for the prefix as typed,
    upper- and lower-cased); a server a range of lower-cased SKUs in byte order (its own index, step 22)."""
    prefix = prefix.strip()
    if not prefix:
        return []
    if _is_sqlite(db):
        found: dict[int, str] = {}
        for variant in dict.fromkeys((prefix, prefix.upper(), prefix.lower())):
            found.update(db.execute_sql("SELECT id, sku FROM product WHERE sku >= ? AND sku < ? ORDER BY sku LIMIT ?",
                                        (variant, variant + "\U0010ffff", limit)).fetchall())
    else:
        lower = prefix.lower()
        found = dict(db.execute_sql(
            'SELECT id, sku FROM product WHERE lower(sku) COLLATE "C" >= ? AND lower(sku) COLLATE "C" < ? '
            'ORDER BY lower(sku) COLLATE "C" LIMIT ?', (lower, lower + "\U0010ffff", limit)).fetchall())
    wanted = prefix.lower()
    return [pid for pid, sku in sorted(found.items(), key=lambda item: (item[1].lower() != wanted, item[1], item[0]))]


def ids_by_sku(db: Database, query: str, *, include_archived: bool, offset: int, limit: int) -> list[int] | None:
    """A page of the ids matching `query` in SKU order; None for a query without terms (the caller's plain query).
    SQLite walks the SKU index keeping the matches (a common term, "灯" or "bl" with thousands of hits, then
    reads a few hundred entries instead of sorting every hit; at 20,000 products the walk costs ~1-2 ms at
    worst); a server collects the hits (its GIN indexes) and sorts them."""
    found = matching_ids(db, query)
    if found is None:
        return None
    archived = "" if include_archived else " AND archived_at IS NULL"
    if _is_sqlite(db):
        sql = (f"SELECT id FROM product INDEXED BY product_sku WHERE id IN ({found[0]}){archived} "
               "ORDER BY sku LIMIT ? OFFSET ?")
    else:  # the hits first, then sorted: a walk of the SKU order testing each row (the planner's pick for a
        # common term) costs ~50 ms on a loaded server when the hits sort late; sorting even 20,000 hits a few
        sql = (f"WITH hits AS MATERIALIZED ({found[0]}) SELECT p.id FROM product p JOIN hits h ON h.rowid = p.id "
               f"WHERE TRUE{archived.replace('archived_at', 'p.archived_at')} ORDER BY p.sku, p.id LIMIT ? OFFSET ?")
    return [pid for (pid,) in db.execute_sql(sql, (*found[1], limit, offset)).fetchall()]
