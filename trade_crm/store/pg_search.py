"""Search on a server book: the local book's answers from what Debian's PostgreSQL ships (#18 item 2).

The server keeps the same folded document per customer as SQLite (store/search.py builds it):

- ``search_trigram(rowid, body)``, with a pg_trgm GIN index on `body`, answers terms of 3+ characters
  as `body LIKE '%term%'`: the index finds the documents holding the term's trigrams, the row itself
  confirms the substring. pg_trgm reads letters by the database's LC_CTYPE: under a UTF-8 one (the
  tests' C.UTF-8, any xx_XX.UTF-8) CJK, Arabic or Cyrillic terms use the index; under `C` they still
  find the same customers, by reading every document.
- ``search_words(rowid, tokens text[])``, with a GIN index, answers 1-2 character terms, which hold no
  trigram: the array holds every 1-2 character prefix of each word, each CJK character and each pair
  of neighbouring CJK characters (`search.short_tokens`: the tokens SQLite's prefix index finds), so a
  term is one `tokens @> ARRAY[...]` lookup, "li" or "刘凯" alike. pg_bigm, zhparser and PGroonga
  would do this in the server, but Debian packages none of them.

Both tables are written by `search.reindex` in the writing transaction, as on SQLite. The plan is
PostgreSQL's: the conditions below select ids, and its planner picks between probing the indexes
and walking the sort order (what domain/customers/query.py decides by hand for SQLite).
"""

from __future__ import annotations

from peewee import Database, PostgresqlDatabase

from trade_crm.store import search

# The schema: SQLite migration 8's twin (store/pg_steps.py). pg_trgm is a trusted extension
# (PostgreSQL 13+): the database's owner, who creates the schema, may create it.
SCHEMA = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "DROP TABLE search_words",
    "CREATE TABLE search_words (rowid BIGINT NOT NULL PRIMARY KEY, tokens TEXT[] NOT NULL)",
    "CREATE INDEX search_trigram_body ON search_trigram USING gin (body gin_trgm_ops)",
    "CREATE INDEX search_words_tokens ON search_words USING gin (tokens)",
)


def create_index(db: Database) -> None:
    """Index the stored documents for search, and give an existing book's documents their tokens."""
    for statement in SCHEMA:
        db.execute_sql(statement)
    rows = db.execute_sql("SELECT rowid, body FROM search_trigram").fetchall()
    db.cursor().executemany("INSERT INTO search_words (rowid, tokens) VALUES (?, ?)",
                            [(cid, search.short_tokens(body)) for cid, body in rows])


def answers(db: Database) -> bool:
    """True when this module answers `db`'s text search (a server book); SQLite's is FTS5's."""
    return isinstance(db, PostgresqlDatabase)


def _like(term: str) -> str:
    """`term` anywhere in the text, with LIKE's wildcards and escape taken literally."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _parts(query: str) -> tuple[list[str], list[str]] | None:
    """(LIKE patterns for the 3+ character terms, tokens the 1-2 character ones need); None when a
    term can match nothing (FTS5 finds nothing for a term of marks alone)."""
    patterns: list[str] = []
    tokens: list[str] = []
    for term in search.query_terms(query):
        if len(term) >= 3:
            patterns.append(_like(term))
            continue
        found = search.short_term_tokens(term)
        if found is None:
            return None
        tokens.extend(found)
    return patterns, list(dict.fromkeys(tokens))


def hits_sql(query: str) -> tuple[str, list] | None:
    """A SELECT of the rowids (customer ids) whose document matches `query` as on a SQLite book
    (`search.search_clauses`), in no particular order, with its parameters; None for a query without
    terms (every customer)."""
    parts = _parts(query)
    if parts is None:
        return "SELECT rowid FROM search_words WHERE FALSE", []
    patterns, tokens = parts
    words = ("SELECT rowid FROM search_words WHERE tokens @> ?::text[]", [tokens]) if tokens else None
    if not patterns:
        return words
    sql = "SELECT rowid FROM search_trigram WHERE " + " AND ".join("body LIKE ?" for _ in patterns)
    if words:
        return f"{sql} AND rowid IN ({words[0]})", [*patterns, *words[1]]
    return sql, patterns


def text_conditions(query: str, id_expr: str) -> tuple[list[str], list]:
    """SQL conditions, all of which hold for exactly the customers `id_expr` (an SQL expression) names
    whose document matches `query`, and their parameters; none for a query without terms."""
    found = hits_sql(query)
    if found is None:
        return [], []
    return [f"{id_expr} IN ({found[0]})"], found[1]


def row_condition(query: str, id_expr: str) -> tuple[str, list]:
    """The same test for one customer at a time (its documents looked up by `id_expr`): cheap per row,
    for walking a sort order until a page is full; ("", []) for a query without terms."""
    parts = _parts(query)
    if parts is None:
        return "FALSE", []
    patterns, tokens = parts
    conditions, params = [], []
    if patterns:
        tests = " AND ".join("body LIKE ?" for _ in patterns)
        conditions.append(f"EXISTS (SELECT 1 FROM search_trigram WHERE rowid = {id_expr} AND {tests})")
        params.extend(patterns)
    if tokens:
        conditions.append(f"EXISTS (SELECT 1 FROM search_words WHERE rowid = {id_expr} AND tokens @> ?::text[])")
        params.append(tokens)
    return " AND ".join(conditions), params
