"""The full-text index over customers, kept in step with every write.

Two FTS5 tables, one document per customer (rowid = customer id), both over *folded* text
(case, width and Latin accents folded, so "muller" finds "Müller"), neither keeping positions
(`detail=none`: a third of the size, and no query here needs them):

- ``search_trigram`` (trigram tokenizer) answers any 3+ character fragment in any script: a
  piece of an email, a phone, a Chinese company name, an Arabic or Cyrillic name. Its trigrams
  find the candidates; the stored document confirms a longer fragment (`instr`). A query term
  holds no space, so it matches within one word of the document: the document stores each word
  once, and no word that sits inside another (a phone's digits inside the number, "haustechnik"
  inside "mueller-haustechnik.de"), which finds exactly what the whole text would.
- ``search_words`` (unicode61, prefix index, no stored text) serves 1–2 character queries that
  trigrams cannot: a Latin prefix ("li" -> "Lima") or a CJK character; every CJK character is
  its own token, and each pair of CJK characters that stand next to each other (with nothing but
  spaces or punctuation between) is one more token, so "刘凯" finds 刘凯 without positions. Its
  input is computed from the stored trigram document (`words_input`), which is how a changed
  document's old tokens are removed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from peewee import Database, SqliteDatabase

_LATIN_FOLDS = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"})
_CJK = (
    "\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3130-\u318f\u31a0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
)
_CJK_CHAR = re.compile(f"([{_CJK}])")
_IS_CJK = re.compile(f"^[{_CJK}]+$")
_E164 = re.compile(r"^\+\d+$")
_NON_DIGIT = re.compile(r"\D")


def fold(text: str) -> str:
    """Fold case, full-width forms and Latin/Greek/Cyrillic accents; leave every other mark alone.

    Only marks sitting on a Latin, Greek or Cyrillic letter are dropped: Devanagari vowel signs,
    Thai tone marks and Arabic harakat are part of the word and must survive.
    """
    if not text:
        return ""
    if text.isascii():  # a quarter of all documents: nothing to decompose, no marks, no special letters
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = _marks_on_foldable_letters().sub("", decomposed)
    folded = unicodedata.normalize("NFC", stripped).casefold().translate(_LATIN_FOLDS)
    return " ".join(folded.split())  # str.split() and re's \s agree on what whitespace is


@functools.cache
def _marks_on_foldable_letters() -> re.Pattern[str]:
    """A run of combining marks right after a base character below U+0530 (Latin, Greek, Cyrillic).

    Built once, on first use (a scan of the Basic Multilingual Plane, ~10 ms): in C, this is many
    times faster than walking each document character by character in Python.
    """
    marks = "".join(re.escape(chr(c)) for c in range(0x10000) if unicodedata.combining(chr(c)))
    bases = "".join(re.escape(chr(c)) for c in range(0x530) if not unicodedata.combining(chr(c)))
    return re.compile(f"(?<=[{bases}])[{marks}]+")


def words_text(folded: str) -> str:
    """Folded text as unicode61 should see it: every CJK character a token of its own."""
    return _CJK_CHAR.sub(r" \1 ", folded)


@functools.cache
def _separators() -> str:
    """What unicode61 skips between tokens, as a character class body: anything but letters,
    digits and private-use characters. Built once, on first use (a scan of the Basic Multilingual Plane)."""
    return "".join(re.escape(chr(c)) for c in range(0x10000)
                   if not 0xD800 <= c <= 0xDFFF and unicodedata.category(chr(c))[0] not in "LN"
                   and unicodedata.category(chr(c)) != "Co")


@functools.cache
def _cjk_pair() -> re.Pattern[str]:
    """Two CJK characters with only separators between them, as a lookahead: pairs may overlap."""
    return re.compile(f"(?=([{_CJK}])[{_separators()}]*([{_CJK}]))")


def _cjk_pairs(text: str) -> list[str]:
    return [a + b for a, b in _cjk_pair().findall(text)]


@functools.cache
def _cjk_pair_in_word() -> re.Pattern[str]:
    """`_cjk_pair` that never crosses a space: over a whole document, the pairs of each word in turn
    (one regex pass instead of one per word)."""
    return re.compile(f"(?=([{_CJK}])[{_separators().replace(re.escape(' '), '')}]*([{_CJK}]))")


def _word_pairs(text: str) -> list[str]:
    """The CJK pairs inside each space-separated word of `text`, word by word (as `_cjk_pairs` of each)."""
    return [a + b for a, b in _cjk_pair_in_word().findall(text)]


@functools.cache
def _token_pieces() -> re.Pattern[str]:
    """Each piece of a word from where a unicode61 token starts (after a space, a separator or a CJK
    character) or a separator or CJK character stands, to the word's end."""
    edge = f"{_separators().replace(' ', '')}{_CJK}"
    return re.compile(f"(?=((?<=[ {edge}])[^ ]+|[{edge}][^ ]*))")


def _outside_others(words: list[str]) -> list[str]:
    """The words (all different) that do not occur inside another word where a unicode61 token
    starts (so dropping one loses neither a substring of 3+ characters nor a token's prefix).

    Every piece of every word from a token start on (a whole word among them), sorted: a word
    occurs inside another when the piece after it in that order starts with it.
    """
    pieces = [w for w in words if w.isascii() and w.isalnum()]  # a piece of its own, nothing inside
    pieces += _token_pieces().findall(" " + " ".join([w for w in words if not (w.isascii() and w.isalnum())]))
    pieces.sort()
    inside = {a for a, b in zip(pieces, pieces[1:], strict=False) if b.startswith(a)}
    return [w for w in words if w not in inside]


def document_body(folded: str) -> str:
    """What the index stores for a document: its words, each once, without those inside another
    word, then the CJK pairs that only the whole text had (across a space). See the module notes."""
    kept = _outside_others(list(dict.fromkeys(w for w in folded.split(" ") if w)))
    if not _CJK_CHAR.search(folded):
        return " ".join(kept)
    have = set(_word_pairs(" ".join(kept)))
    extra = [pair for pair in dict.fromkeys(_cjk_pairs(folded)) if pair not in have]
    return " ".join(kept + extra)


def words_input(body: str) -> str:
    """The text `search_words` indexes for a stored document body (a function of it alone, so the
    same text can be given back to remove the document from the contentless table)."""
    if body.isascii() or not _CJK_CHAR.search(body):
        return body
    return words_text(body) + " " + " ".join(_word_pairs(body))


def create_index_tables(db: SqliteDatabase) -> None:
    db.execute_sql("CREATE VIRTUAL TABLE search_trigram USING fts5("
                   "body, tokenize='trigram', detail=none, columnsize=0)")
    db.execute_sql(
        "CREATE VIRTUAL TABLE search_words USING fts5("
        "body, tokenize='unicode61 remove_diacritics 2', prefix='1 2', content='', detail=none, columnsize=0)"
    )


CUSTOMER_TEXT = ("name", "alt_name", "city", "website", "products", "notes", "industry")
"""The customer columns whose text is searchable (besides its contacts, channels and tags)."""


def channel_texts(kind: str, value: str, raw: str | None) -> list[str]:
    """What a contact channel adds to its customer's document: the value, a phone's digits when
    the value is not already "+digits", and the text as typed when it differs."""
    texts = [value]
    if kind in ("phone", "whatsapp") and not _E164.match(value):
        texts.append(_NON_DIGIT.sub("", value))
    if raw and raw != value:
        texts.append(raw)
    return texts


def document_parts(db: SqliteDatabase, ids: list[int] | None) -> dict[int, list[str]]:
    """Gather each customer's searchable text with one query per table: the customer's columns, its contacts'
    names and titles, their channels, its tags, and the timeline entries its mail made (subject, first
    lines, attachment names: what everyone who sees the customer reads on its timeline, never more of a
    person's mailbox)."""
    docs: dict[int, list[str]] = defaultdict(list)
    if ids is not None and not ids:
        return docs
    where, params = ("", ())
    if ids is not None:
        marks = ",".join("?" * len(ids))
        where, params = (f" WHERE c.id IN ({marks})", tuple(ids))
    # SQLite reads the rows in one order for one book (its plans walk ids); a server's join order follows
    # where rows happen to lie (a row put back by an undo lies last), so there the order is spelled out.
    fixed = not _is_fts5(db)
    for row in db.execute_sql(f"SELECT c.id, {', '.join('c.' + f for f in CUSTOMER_TEXT)} FROM customer c{where}",
                              params):
        docs[row[0]].extend(v for v in row[1:] if v)
    for cid, name, title in db.execute_sql(
        f"SELECT c.id, p.name, p.title FROM contact p JOIN customer c ON c.id = p.customer_id{where}"
        + (" ORDER BY p.id" if fixed else ""), params
    ):
        docs[cid].extend(v for v in (name, title) if v)
    for cid, kind, value, raw in db.execute_sql(
        "SELECT c.id, ch.kind, ch.value, ch.raw FROM contact_channel ch "
        f"JOIN contact p ON p.id = ch.contact_id JOIN customer c ON c.id = p.customer_id{where}"
        + (" ORDER BY p.id, ch.id" if fixed else ""),
        params,
    ):
        docs[cid].extend(channel_texts(kind, value, raw))
    for cid, tag in db.execute_sql(
        "SELECT c.id, t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
        f"JOIN customer c ON c.id = ct.customer_id{where}" + (" ORDER BY c.id, t.id" if fixed else ""),
        params,
    ):
        docs[cid].append(tag)
    if _has_mail(db):  # mail on the timeline (#19): its subject, first lines and attachment names
        whole = indexes_whole_mail(db)
        text = "m.text" if whole else "''"
        for cid, summary, body, rest in db.execute_sql(
            f"SELECT c.id, i.summary, i.body, {text} FROM mail_link ml JOIN interaction i ON i.id = ml.interaction_id "
            + ("JOIN mail_message m ON m.id = ml.message_id " if whole else "")
            + f"JOIN customer c ON c.id = ml.customer_id{where}" + (" ORDER BY i.id" if fixed else ""),
            params,
        ):
            docs[cid].extend(v for v in (summary, body, rest) if v)
    return docs


def indexes_whole_mail(db: Database) -> bool:
    """Whether a customer's document holds the whole text of its mail, or only what its timeline shows
    (subject, first lines, attachment names). A laptop book is one person's: all of it. On a server the
    message is its login's alone (row-level security), while the document serves everyone who sees the
    customer: a search there must not find words that only the mailbox holds."""
    return _is_fts5(db)


def _has_mail(db: Database) -> bool:
    """Whether the book has the mail tables (migration 13); the steps before it build documents without."""
    if _is_fts5(db):
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'mail_link'"
    else:
        sql = "SELECT 1 WHERE to_regclass('mail_link') IS NOT NULL"
    return db.execute_sql(sql).fetchone() is not None


def reindex(db: SqliteDatabase, customer_ids: Iterable[int],
            known: Mapping[int, list[str]] | None = None, *, new: Mapping[int, list[str]] | None = None) -> None:
    """Rewrite the index documents of these customers (a deleted customer's is removed).

    Call inside the writing transaction so the index can never disagree with the rows. A bulk
    writer that has just written some customers passes their texts as `known` (gathered as
    `document_parts` would: CUSTOMER_TEXT, contacts' names and titles, `channel_texts`, tag names)
    instead of having them read back; the texts of customers it created in this transaction go in
    `new`: they have no document yet, so none is looked up or deleted (an import's 10,000 new
    customers), and every document goes in with the others, in one batch.
    """
    known, new = known or {}, new or {}
    ids = sorted((set(customer_ids) | set(known)) - set(new))
    docs: dict[int, list[str]] = {}
    for start in range(0, len(ids), 500):  # every delete before any insert: a delete after an insert
        chunk = ids[start:start + 500]  # flushes FTS5's pending terms to a new segment, one per chunk
        marks = ",".join("?" * len(chunk))
        old = db.execute_sql(f"SELECT rowid, body FROM search_trigram WHERE rowid IN ({marks})", chunk).fetchall()
        if _is_fts5(db):  # a contentless FTS5 table forgets a document only when told its old text
            db.cursor().executemany("INSERT INTO search_words (search_words, rowid, body) VALUES ('delete', ?, ?)",
                                    [(cid, words_input(body)) for cid, body in old])
        else:  # a server book's plain table (store/pg_schema.py)
            db.execute_sql(f"DELETE FROM search_words WHERE rowid IN ({marks})", chunk)
        db.execute_sql(f"DELETE FROM search_trigram WHERE rowid IN ({marks})", chunk)
        docs.update(document_parts(db, [cid for cid in chunk if cid not in known]))
    docs.update(known)
    docs.update(new)
    _insert(db, docs)


def add_to_documents(db: SqliteDatabase, texts: Mapping[int, list[str]],
                     between: Callable[[], None] | None = None) -> int:
    """Add text to these customers' documents (their new mail's timeline entries, #19) without reading their
    rows again: the stored body and the folded new text make the new body. Its hits are a rebuild's (each
    word once, none kept inside another: the stored body is such a list already). A document the text adds
    no word to is left as it is (a customer's mail soon repeats its words); a customer without one gets a
    whole one. Call inside the writing transaction. Returns how many documents changed.

    `between` runs after the old documents are deleted and before the new ones go in: on a server, a change
    of the customers' last contact there moves no document's sort band twice (store/pg_search.py's trigger
    rewrites the documents of a customer whose band changed: each a whole GIN entry)."""
    ids = sorted(texts)
    old: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        old.update(db.execute_sql(f"SELECT rowid, body FROM search_trigram WHERE rowid IN ({marks})", chunk))
    bodies: dict[int, str] = {}
    for cid, body in old.items():
        added = fold(" \n".join(dict.fromkeys(texts[cid])))
        new = document_body(f"{body} {added}" if body else added)
        if new != body:
            bodies[cid] = new
    changed = sorted(bodies)
    for start in range(0, len(changed), 500):  # every delete before any insert (see reindex)
        chunk = changed[start:start + 500]
        marks = ",".join("?" * len(chunk))
        if _is_fts5(db):
            db.cursor().executemany("INSERT INTO search_words (search_words, rowid, body) VALUES ('delete', ?, ?)",
                                    [(cid, words_input(old[cid])) for cid in chunk])
        else:
            db.execute_sql(f"DELETE FROM search_words WHERE rowid IN ({marks})", chunk)
        db.execute_sql(f"DELETE FROM search_trigram WHERE rowid IN ({marks})", chunk)
    if between is not None:
        between()
    _insert_bodies(db, bodies)
    missing = [cid for cid in ids if cid not in old]
    if missing:
        reindex(db, missing)
    return len(bodies) + len(missing)


def rebuild_index(db: SqliteDatabase) -> None:
    db.execute_sql("DELETE FROM search_trigram")
    if _is_fts5(db):
        db.execute_sql("INSERT INTO search_words (search_words) VALUES ('delete-all')")
    else:
        db.execute_sql("DELETE FROM search_words")
    _insert(db, document_parts(db, None))
    optimize_index(db)


def _is_fts5(db: Database) -> bool:
    """SQLite books keep the index in FTS5 tables; a server book in plain ones (store/pg_search.py searches them)."""
    return isinstance(db, SqliteDatabase)


# A server book's `search_words` row is an array of the 1-2 character prefixes of the tokens FTS5's
# unicode61 makes of `words_input(body)`: the tokens a 1-2 character query asks for (store/pg_search.py).

@functools.cache
def _unicode61_split() -> re.Pattern[str]:
    return re.compile(f"[{_separators()}]+")


def short_tokens(body: str) -> list[str]:
    """The 1-2 character prefixes of every unicode61 token of `words_input(body)` (each once, sorted)."""
    words = _unicode61_split().split(words_input(body))
    return sorted({word[:n] for word in words if word for n in (1, 2)})


def short_term_tokens(term: str) -> list[str] | None:
    """The tokens of `short_tokens` a 1-2 character query term needs, as `search_clauses` asks FTS5 for
    them (a CJK term as one token; else each `_word_tokens` piece as unicode61 reads it); None when a
    piece is left with no token (only marks), which FTS5 matches with nothing."""
    if _IS_CJK.match(term):
        return [term]
    tokens = []
    for piece in _word_tokens(term):
        words = [w for w in _unicode61_split().split(piece) if w]
        if not words:
            return None
        tokens.extend(words)
    return tokens


def optimize_index(db: SqliteDatabase) -> None:
    """Merge each index's segments into one. After a bulk load this makes the per-row lookups that
    `row_condition` uses about five times cheaper (one b-tree to seek instead of a dozen)."""
    if not _is_fts5(db):
        return
    for table in ("search_trigram", "search_words"):
        db.execute_sql(f"INSERT INTO {table} ({table}) VALUES ('optimize')")


def _insert(db: SqliteDatabase, docs: dict[int, list[str]]) -> None:
    # a WhatsApp number is often the phone: each part once
    _insert_bodies(db, {cid: document_body(fold(" \n".join(dict.fromkeys(parts)))) for cid, parts in docs.items()})


def _insert_bodies(db: SqliteDatabase, bodies: dict[int, str]) -> None:
    trigram_rows, word_rows = [], []
    for cid, body in bodies.items():
        trigram_rows.append((cid, body))
        word_rows.append((cid, words_input(body)))
    cursor = db.cursor()
    cursor.executemany("INSERT INTO search_trigram (rowid, body) VALUES (?, ?)", trigram_rows)
    if not _is_fts5(db):  # a server book's token array (store/pg_search.py)
        cursor.executemany("INSERT INTO search_words (rowid, tokens) VALUES (?, ?)",
                           [(cid, short_tokens(body)) for cid, body in trigram_rows])
        return
    cursor.executemany("INSERT INTO search_words (rowid, body) VALUES (?, ?)", word_rows)


def _word_tokens(term: str) -> list[str]:
    """Split like unicode61 does: letters, marks and digits belong to a token, the rest separates."""
    cleaned = "".join(ch if unicodedata.category(ch)[0] in "LMN" else " " for ch in term)
    return cleaned.split()


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


# A search box holds a name, an email or a few words. Longer input (a pasted document) is cut, so a
# query's cost stays bounded: every term is one more index lookup, and SQLite's work grows with both.
MAX_QUERY_CHARS = 200
MAX_TERMS = 12
_UNSEARCHABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]+")  # controls, lone surrogates


def clean_query(query: str) -> str:
    """The query as searched: control characters (NUL among them) and lone surrogates, which no
    document holds and SQLite cannot take, become spaces; at most MAX_QUERY_CHARS characters."""
    return _UNSEARCHABLE.sub(" ", query[:MAX_QUERY_CHARS * 4])[:MAX_QUERY_CHARS]


def _terms(query: str) -> tuple[list[str], list[str]]:
    """The folded terms of a query, each once and at most MAX_TERMS: (3+ characters, for the trigram
    table; shorter, for the words table)."""
    long_terms, short_terms = [], []
    for term in list(dict.fromkeys(t for t in fold(clean_query(query)).split(" ") if t))[:MAX_TERMS]:
        (long_terms if len(term) >= 3 else short_terms).append(term)
    return long_terms, short_terms


@dataclass(frozen=True)
class SearchClause:
    """One index table, a MATCH over it that finds every customer matching part of a query (and, for
    terms longer than a trigram, a few more), and the terms each of those must then hold (`checks`)."""

    table: str
    match: str
    checks: tuple[str, ...] = ()

    def candidates_sql(self) -> tuple[str, list[str]]:
        """Rowids the index alone finds (in rowid order): every hit, and for `checks` a few more."""
        return f"SELECT rowid FROM {self.table} WHERE {self.table} MATCH ?", [self.match]

    def check_condition(self) -> str:
        """True for a row of `table` whose stored document holds every term of `checks`."""
        return " AND ".join(["instr(body, ?) > 0"] * len(self.checks))

    def rowids_sql(self) -> tuple[str, list[str]]:
        """Exactly the rowids of the customers this clause matches."""
        sql, params = self.candidates_sql()
        if self.checks:
            return f"{sql} AND {self.check_condition()}", [*params, *self.checks]
        return sql, params


def search_clauses(query: str) -> list[SearchClause]:
    """Turn a user's query into clauses, all of which must match.

    Terms of 3+ characters are substrings of the trigram table's documents: the index (without
    positions) finds the documents holding all of a term's trigrams, and a term longer than one
    trigram is then checked in the stored text (instr). Shorter terms go to the words table, CJK as
    one token (a character, or a pair of them) and anything else as a prefix.
    """
    clauses: list[SearchClause] = []
    long_terms, short_terms = _terms(query)
    if long_terms:
        trigrams = dict.fromkeys(t[i:i + 3] for t in long_terms for i in range(len(t) - 2))
        clauses.append(SearchClause("search_trigram", " AND ".join(_quote(t) for t in trigrams),
                                    tuple(t for t in long_terms if len(t) > 3)))
    word_exprs = []
    for term in short_terms:
        if _IS_CJK.match(term):
            word_exprs.append(_quote(term))
        else:
            word_exprs.extend(_quote(t) + " *" for t in _word_tokens(term))
    if word_exprs:
        clauses.append(SearchClause("search_words", " AND ".join(word_exprs)))
    return clauses


def query_terms(query: str) -> list[str]:
    """The folded terms a query is searched by (each once, at most MAX_TERMS)."""
    long_terms, short_terms = _terms(query)
    return long_terms + short_terms


def row_condition(query: str, rowid: str) -> tuple[str, list[str]]:
    """An SQL condition that is true when the document of customer `rowid` (an SQL expression)
    matches `query` exactly as `search_clauses` would, with its parameters; ("", []) for no terms.

    It checks one document at a time: a substring test on the stored folded text for 3+ character
    terms (what a trigram phrase means), a MATCH limited to that rowid for shorter ones. A few
    microseconds a row, so walking the first few hundred customers of a sort order this way beats
    evaluating a query that matches half the book (a MATCH reads every hit before the first row).
    """
    long_terms, _ = _terms(query)
    parts: list[str] = []
    params: list[str] = []
    if long_terms:
        tests = " AND ".join("instr(body, ?) > 0" for _ in long_terms)
        parts.append(f"EXISTS (SELECT 1 FROM search_trigram WHERE rowid = {rowid} AND {tests})")
        params.extend(long_terms)
    for clause in search_clauses(query):
        if clause.table == "search_words":
            parts.append(f"EXISTS (SELECT 1 FROM search_words WHERE search_words MATCH ? AND rowid = {rowid})")
            params.append(clause.match)
    return " AND ".join(parts), params
