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

Sort bands (server step 12): a term with tens of thousands of hits that sort late ("شركة" by name:
the Arabic names come after every Latin one) is too sparse to find by walking the sort order and too
common to sort every hit (each hit a heap read: 120-270 ms at 1,000,000 customers). So each document
row also carries its customer's *band* in the two indexed sort orders, name and last contact: the
number of `search_band` bounds at or below the customer's key (`width_bucket`: a binary search), bounds
being quantiles of the keys (`BANDS` of them; `rebalance`). The band is a monotone function of the sort key, so every hit of band b sorts
before every hit of band b + 1; and the GIN indexes hold the bands as a column (btree_gin), so "the
hits of band b" is one index scan that meets the term's lists and the band's, reading ~1/64 of the
hits (with the rows stored in name-band order, an empty band costs ~0.03-0.1 ms). Triggers keep each
row's bands: set when a document is inserted, updated when a customer's name or last contact changes.
Bounds only speed the search up: skewed or stale bounds (a book that grew since) still give exact
answers, and `rebalance` draws them again.

The page itself (server step 14): `search_page`, a plpgsql function, asks for the bands in sort order, a
few at a time, until a page is full, in one round trip from the app; the document rows carry their
customer's sort keys too (name, last contact: the same triggers keep them), so the hits are sorted from
the rows the search reads, without reading their customers; row-level security then picks, in order,
those the caller may see.
hits (with the rows stored in name-band order, an empty band costs ~0.1 ms). `band_hits_sql` asks for a few bands at a time, in sort order, until a page is full. Triggers
keep each row's bands: set when a document is inserted without them (a bulk writer may give them in its
INSERT: `band_values_stored_sql`, server step 15), updated when a customer's name or last contact changes. Bounds only speed the search up: skewed or stale bounds (a book that grew since) still give
exact answers, and `rebalance` draws them again.
"""

from __future__ import annotations

from peewee import Database, PostgresqlDatabase

from trade_crm.store import search

# Bands per sort order. By name, the hits of a term cluster (a script, a legal form: "شركة", "有限公司"),
# and a band whose hits are many is read whole: 256 keep that to ~4,000 customers at 1,000,000, and the
# empty ones before it cost ~0.1 ms each. By last contact, hits spread evenly and a band's are walked.
BANDS = {"name": 256, "last_contact": 64}
NO_CONTACT_BAND = 32767  # never contacted: the list sorts them before every instant, ascending (as SQLite)
BAND_COLUMNS = {"name": "name_band", "last_contact": "contact_band"}  # the sorts that have bands

# The schema: SQLite migration 8's twin (store/pg_steps.py). pg_trgm is a trusted extension
# (PostgreSQL 13+): the database's owner, who creates the schema, may create it.
SCHEMA = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "DROP TABLE search_words",
    "CREATE TABLE search_words (rowid BIGINT NOT NULL PRIMARY KEY, tokens TEXT[] NOT NULL)",
    "CREATE INDEX search_trigram_body ON search_trigram USING gin (body gin_trgm_ops)",
    "CREATE INDEX search_words_tokens ON search_words USING gin (tokens)",
)


# Step 12 (server only): the sort bands. The band functions compare as the list sorts (`name COLLATE
# nocase`; last contact as sortable UTC text in the column's collation).
BAND_SCHEMA = (
    "CREATE EXTENSION IF NOT EXISTS btree_gin",  # trusted (PostgreSQL 13+), in postgresql-contrib as pg_trgm
    "CREATE TABLE search_band (sort TEXT NOT NULL PRIMARY KEY, bounds TEXT[] NOT NULL)",  # ascending, as sorted
    "GRANT SELECT ON search_band TO PUBLIC",
    "ALTER TABLE search_trigram ADD COLUMN name_band SMALLINT, ADD COLUMN contact_band SMALLINT",
    "ALTER TABLE search_words ADD COLUMN name_band SMALLINT, ADD COLUMN contact_band SMALLINT",
    """CREATE FUNCTION search_name_band(name TEXT) RETURNS SMALLINT LANGUAGE sql STABLE AS $$
SELECT coalesce((SELECT width_bucket(name COLLATE nocase, bounds) FROM search_band WHERE sort = 'name'), 0)::SMALLINT
$$""",
    f"""CREATE FUNCTION search_contact_band(at TEXT) RETURNS SMALLINT LANGUAGE sql STABLE AS $$
SELECT CASE WHEN at IS NULL THEN {NO_CONTACT_BAND}::SMALLINT
       ELSE coalesce((SELECT width_bucket(at, bounds) FROM search_band WHERE sort = 'last_contact'), 0)::SMALLINT
       END $$""",
    """CREATE FUNCTION search_row_bands() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT search_name_band(c.name), search_contact_band(c.last_contact_at) INTO NEW.name_band, NEW.contact_band
    FROM customer c WHERE c.id = NEW.rowid;
    RETURN NEW;
END $$""",
    """CREATE FUNCTION search_customer_bands() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    nb SMALLINT := search_name_band(NEW.name);
    cb SMALLINT := search_contact_band(NEW.last_contact_at);
BEGIN
    UPDATE search_trigram SET name_band = nb, contact_band = cb
    WHERE rowid = NEW.id AND (name_band, contact_band) IS DISTINCT FROM (nb, cb);
    UPDATE search_words SET name_band = nb, contact_band = cb
    WHERE rowid = NEW.id AND (name_band, contact_band) IS DISTINCT FROM (nb, cb);
    RETURN NULL;
END $$""",
    "CREATE TRIGGER search_trigram_bands BEFORE INSERT ON search_trigram FOR EACH ROW "
    "EXECUTE FUNCTION search_row_bands()",
    "CREATE TRIGGER search_words_bands BEFORE INSERT ON search_words FOR EACH ROW "
    "EXECUTE FUNCTION search_row_bands()",
    "CREATE TRIGGER customer_search_bands AFTER UPDATE OF name, last_contact_at ON customer FOR EACH ROW "
    "WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.last_contact_at IS DISTINCT FROM NEW.last_contact_at) "
    "EXECUTE FUNCTION search_customer_bands()",
)
# The GIN indexes with the bands beside the terms, as steps 12 and 14 build them (frozen: step 20 changes one).
V12_GIN_INDEXES = {
    "search_trigram_body": "CREATE INDEX search_trigram_body ON search_trigram "
                           "USING gin (body gin_trgm_ops, name_band, contact_band)",
    "search_words_tokens": "CREATE INDEX search_words_tokens ON search_words "
                           "USING gin (tokens, name_band, contact_band)",
}


def add_bands(db: Database) -> None:
    """Step 12: the band columns, functions and triggers, the bounds drawn from today's customers, and the
    GIN indexes rebuilt with the bands (built once over the rows, not updated row by row)."""
    for statement in BAND_SCHEMA:
        db.execute_sql(statement)
    for index in V12_GIN_INDEXES:
        db.execute_sql(f"DROP INDEX {index}")
    rebalance(db, keys=False)
    for statement in V12_GIN_INDEXES.values():
        db.execute_sql(statement)


def draw_bounds(db: Database, bands: dict[str, int] | None = None) -> None:
    """Replace the bounds with quantiles of today's sort keys, `bands` (default `BANDS`) per sort order;
    the rows' bands are not touched."""
    bands = bands or BANDS
    db.execute_sql("DELETE FROM search_band")
    for sort, key, order in (("name", "name", "name COLLATE nocase, id"),
                             ("last_contact", "last_contact_at", "last_contact_at, id")):
        db.execute_sql(
            f"INSERT INTO search_band (sort, bounds) SELECT ?, coalesce(array_agg({key} ORDER BY r), '{{}}') "
            f"FROM (SELECT {key}, row_number() OVER (ORDER BY {order}) AS r, count(*) OVER () AS n FROM customer "
            f"WHERE {key} IS NOT NULL) AS ranked WHERE r > 1 AND (r - 1) % greatest(n / ?, 1) = 0",
            (sort, bands[sort]))


def rebalance(db: Database, bands: dict[str, int] | None = None, *, keys: bool = True) -> None:
    """Draw the bounds again, give every document row its bands (and, with `keys`, its customer's sort keys:
    step 14's columns) and store the rows in band order (one transaction: the caller's; the owner's work, as
    after a publish or a big import: it locks the search tables while it rewrites them)."""
    draw_bounds(db, bands)
    copied = ", name = c.name, last_contact_at = c.last_contact_at" if keys else ""
    for table in ("search_trigram", "search_words"):
        db.execute_sql(f"UPDATE {table} s SET name_band = search_name_band(c.name), "
                       f"contact_band = search_contact_band(c.last_contact_at){copied} "
                       "FROM customer c WHERE c.id = s.rowid")
        # Stored in name-band order: a band's rows sit together, so its GIN list is one stretch of the table
        # that a term's lists skip to, and its hits are read from a few pages. The btree that CLUSTER needs
        # goes again: the planner would read a band through it and test every row's text.
        db.execute_sql(f"CREATE INDEX {table}_band ON {table} (name_band)")
        db.execute_sql(f"CLUSTER {table} USING {table}_band")
        db.execute_sql(f"DROP INDEX {table}_band")


# Step 14 (server only): a page of a text search in one round trip, its hits sorted without reading their
# customers. The steps `_server_text_page` took one statement at a time from the app (8-30 round trips of
# 0.3-5 ms each on a loaded machine, where the server's own work was a few ms) run in the server: a short
# walk of the sort order, a sample of the hits, then the hits a sort band at a time, each band read whole.
# The document rows carry their customer's sort keys (name, last contact; kept by the band triggers), so
# hits are sorted from the rows the search reads anyway: looking 2,000 hits' customers up to sort them
# cost 5-15 ms at 1,000,000. It runs with the caller's rights: the customer's row-level security decides
# which of the sorted hits the page shows (checked in order until the page is full), and the walk reads
# only customers the caller may see. It returns the first `needed` ids in the list's order.
KEY_SCHEMA = (
    "ALTER TABLE search_trigram ADD COLUMN name TEXT, ADD COLUMN last_contact_at TEXT",
    "ALTER TABLE search_words ADD COLUMN name TEXT, ADD COLUMN last_contact_at TEXT",
    """CREATE OR REPLACE FUNCTION search_row_bands() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT search_name_band(c.name), search_contact_band(c.last_contact_at), c.name, c.last_contact_at
    INTO NEW.name_band, NEW.contact_band, NEW.name, NEW.last_contact_at
    FROM customer c WHERE c.id = NEW.rowid;
    RETURN NEW;
END $$""",
    """CREATE OR REPLACE FUNCTION search_customer_bands() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    nb SMALLINT := search_name_band(NEW.name);
    cb SMALLINT := search_contact_band(NEW.last_contact_at);
BEGIN
    UPDATE search_trigram SET name_band = nb, contact_band = cb, name = NEW.name, last_contact_at = NEW.last_contact_at
    WHERE rowid = NEW.id;
    UPDATE search_words SET name_band = nb, contact_band = cb, name = NEW.name, last_contact_at = NEW.last_contact_at
    WHERE rowid = NEW.id;
    RETURN NULL;
END $$""",
)
PAGE_FUNCTION = """CREATE FUNCTION search_page(patterns TEXT[], tokens TEXT[], sort TEXT, descending BOOLEAN, needed INTEGER,
                            walk_rows INTEGER, sample INTEGER, band_cap INTEGER, band_group INTEGER)
RETURNS BIGINT[] LANGUAGE plpgsql STABLE SET enable_seqscan = off AS $fn$
DECLARE
    dir TEXT := CASE WHEN descending THEN 'DESC' ELSE 'ASC' END;
    nulls TEXT := CASE WHEN sort = 'name' THEN '' WHEN descending THEN ' NULLS LAST' ELSE ' NULLS FIRST' END;
    key TEXT := CASE sort WHEN 'name' THEN 'name' ELSE 'last_contact_at' END;  -- on customer and document alike
    coll TEXT := CASE sort WHEN 'name' THEN ' COLLATE nocase' ELSE '' END;
    col TEXT := CASE sort WHEN 'name' THEN 'name_band' ELSE 'contact_band' END;
    hit_rows TEXT;   -- the matching documents, "FROM ... WHERE ..." (alias s)
    test TEXT;       -- the same test on one customer c
    in_bands TEXT;   -- (ids, keys) of the hits in the bands $3, at most $4 of them
    pick TEXT;       -- the first $4 of the ids $3 (keys $5) in the list's order that the caller may see
    bounds TEXT[];
    bands SMALLINT[];
    chunk SMALLINT[];
    ids BIGINT[];
    found BIGINT[];
    found_keys TEXT[];
    hits BIGINT[] := '{}';
    hit_keys TEXT[] := '{}';
    seen_bands SMALLINT[];
    walked INTEGER;
    visible INTEGER := 0;
    checked INTEGER := 0;
    first INTEGER := 1;
    start INTEGER := 1;
    step INTEGER := 1;
    growing BOOLEAN := TRUE;
    cap INTEGER := greatest(4 * needed, band_cap);
BEGIN
    IF cardinality(patterns) > 0 THEN
        hit_rows := 'FROM search_trigram s WHERE '
            || (SELECT string_agg('s.body LIKE $1[' || i || ']', ' AND ') FROM generate_subscripts(patterns, 1) i)
            || CASE WHEN cardinality(tokens) > 0
                    THEN ' AND s.rowid IN (SELECT w.rowid FROM search_words w WHERE w.tokens @> $2)' ELSE '' END;
        test := 'EXISTS (SELECT 1 FROM search_trigram t WHERE t.rowid = c.id AND t.body LIKE ALL($1))';
    ELSE
        hit_rows := 'FROM search_words s WHERE s.tokens @> $2';
        test := 'TRUE';
    END IF;
    IF cardinality(tokens) > 0 THEN
        test := test || ' AND EXISTS (SELECT 1 FROM search_words w WHERE w.rowid = c.id AND w.tokens @> $2)';
    END IF;
    in_bands := 'SELECT coalesce(array_agg(x.rowid), ''{}''), coalesce(array_agg(x.k), ''{}'') FROM (SELECT s.rowid, s.'
             || key || ' AS k ' || hit_rows || ' AND s.' || col || ' = ANY($3) LIMIT $4) x';
    -- Sorted by the keys the documents carry (no customer read), then each checked in turn until $4 pass: the
    -- customer's row-level security decides. The OFFSET 0s keep the sort below the check (which then stops
    -- early, the rows already in order) and the check a probe per row (not a join, which may reorder them).
    pick := 'SELECT ARRAY(SELECT u.id FROM (SELECT u.id, u.k FROM unnest($3::BIGINT[], $5::TEXT[]) u(id, k) ORDER BY u.k'
         || coll || ' ' || dir || nulls || ', u.id ' || dir || ' OFFSET 0) u '
         || 'WHERE EXISTS (SELECT 1 FROM customer c WHERE c.id = u.id OFFSET 0) ORDER BY u.k'
         || coll || ' ' || dir || nulls || ', u.id ' || dir || ' LIMIT $4)';

    -- 1. A short walk of the sort order: a common term ("m", "@gmail") fills the page there.
    EXECUTE 'SELECT count(*)::int, coalesce(array_agg(c.id ORDER BY c.' || key || coll || ' ' || dir || nulls
            || ', c.id ' || dir || ') FILTER (WHERE ' || test || '), ''{}'') FROM (SELECT c.id, c.' || key
            || ' FROM customer c ORDER BY c.' || key || coll || ' ' || dir || nulls || ', c.id ' || dir
            || ' LIMIT $4) c' INTO walked, ids USING patterns, tokens, NULL::SMALLINT[], walk_rows;
    IF cardinality(ids) >= needed OR walked < walk_rows THEN
        RETURN ids[1:needed];
    END IF;

    -- 2. None there: a sample of the hits, which holds every hit of a rare term (sorted, they are the answer).
    IF cardinality(ids) = 0 THEN
        EXECUTE 'SELECT coalesce(array_agg(x.rowid), ''{}''), coalesce(array_agg(x.k), ''{}''), '
                || 'coalesce(array_agg(DISTINCT x.band), ''{}'') FROM (SELECT s.rowid, s.' || key || ' AS k, s.'
                || col || ' AS band ' || hit_rows || ' LIMIT $4) x'
            INTO found, found_keys, seen_bands USING patterns, tokens, NULL::SMALLINT[], sample;
        IF cardinality(found) < sample THEN
            EXECUTE pick INTO ids USING patterns, tokens, found, needed, found_keys;
            RETURN ids;
        END IF;
    END IF;

    -- 3. The hits a sort band at a time, the bands in the order the list reads them.
    SELECT b.bounds INTO bounds FROM search_band b WHERE b.sort = search_page.sort;
    bands := ARRAY(SELECT generate_series(0, cardinality(coalesce(bounds, '{}')))::SMALLINT);
    IF sort = 'last_contact' THEN
        bands := 32767::SMALLINT || bands;  -- never contacted: lowest
    END IF;
    IF descending THEN
        bands := ARRAY(SELECT bands[i] FROM generate_series(cardinality(bands), 1, -1) i);
    END IF;
    IF seen_bands IS NOT NULL THEN
        first := coalesce((SELECT min(i) FROM generate_subscripts(bands, 1) i WHERE bands[i] = ANY(seen_bands)), 1);
    END IF;
    IF first > 2 THEN  -- the bands before the first the sample met: most likely empty, all asked at once
        EXECUTE in_bands INTO found, found_keys USING patterns, tokens, bands[1:first - 1], cap;
        IF cardinality(found) < cap THEN
            hits := found;
            hit_keys := found_keys;
            start := first;
            growing := FALSE;
        END IF;
    END IF;
    LOOP
        IF visible + cardinality(hits) - checked >= needed THEN  -- enough hits, unless some are not ours to see
            IF checked > 0 THEN  -- a salesperson's: count the new hits they see, each probed once
                EXECUTE 'SELECT count(*)::int FROM customer WHERE id = ANY($3)' INTO walked
                    USING patterns, tokens, hits[checked + 1:];
                visible := visible + walked;
            END IF;
            IF checked = 0 OR visible >= needed THEN
                EXECUTE pick INTO ids USING patterns, tokens, hits, needed, hit_keys;
                IF cardinality(ids) >= needed THEN
                    RETURN ids;
                END IF;
                visible := cardinality(ids);  -- fewer: the pick saw every hit
            END IF;
            checked := cardinality(hits);
        END IF;
        EXIT WHEN start > cardinality(bands);
        chunk := bands[start:start + step - 1];
        EXECUTE in_bands INTO found, found_keys USING patterns, tokens, chunk, cap;
        IF cardinality(found) >= cap THEN
            IF cardinality(chunk) > 1 THEN  -- ask again a band at a time
                step := 1;
                growing := FALSE;
                CONTINUE;
            END IF;
            EXECUTE in_bands INTO found, found_keys USING patterns, tokens, chunk, NULL::INTEGER;  -- read whole
        END IF;
        hits := hits || found;
        hit_keys := hit_keys || found_keys;
        start := start + cardinality(chunk);
        growing := growing AND cardinality(found) = 0;  -- empty bands before the first hit: more at once
        step := CASE WHEN growing THEN least(2 * step, band_group) ELSE 1 END;
    END LOOP;
    EXECUTE pick INTO ids USING patterns, tokens, hits, needed, hit_keys;
    RETURN ids;
END
$fn$"""


# Newest contact first is `last_contact_at DESC NULLS LAST, id DESC` (never-contacted last, as SQLite sorts):
# read backwards, this index gives exactly that order, where one on `last_contact_at` alone gave NULLS FIRST
# and every customer was sorted for a page (150-200 ms at 1,000,000, a search's short walk included).
LAST_CONTACT_INDEX = ("DROP INDEX customer_last_contact_at",
                      "CREATE INDEX customer_last_contact_at ON customer (last_contact_at NULLS FIRST, id)")


def add_page_function(db: Database) -> None:
    """Step 14: the customers' sort keys on the document rows (filled, the rows stored in band order again),
    `search_page`, the band search as one server-side function, and the last-contact index in the list's
    order."""
    for statement in KEY_SCHEMA:
        db.execute_sql(statement)
    for index in V12_GIN_INDEXES:  # built once over the rewritten rows, not updated row by row
        db.execute_sql(f"DROP INDEX {index}")
    rebalance(db)
    for statement in (*V12_GIN_INDEXES.values(), PAGE_FUNCTION, *LAST_CONTACT_INDEX):
        db.execute_sql(statement)


# Step 20 (server only): the name bands' *zones*, so the empty bands before a late-sorting term's first hits are
# asked in one GIN probe instead of one per band. A document's zones are its name band and the blocks of 4, 16
# and 64 bands holding it (`search_name_zones`, an expression of the trigram GIN index: no column to keep); any
# run of bands is a dozen of them at most (`search_name_cover`), and `zones && cover` meets the term's trigram
# lists in the index once. "شركة" by name at 1,000,000 (41,280 hits, all after band 229): the 230 empty bands
# cost 3,680 buffer visits and 24-28 ms asked band by band, 53 visits and 0.2-0.4 ms as six zones.
ZONE_SCHEMA = (
    """CREATE FUNCTION search_name_zones(band SMALLINT) RETURNS SMALLINT[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT ARRAY[band, 1000 + band / 4, 2000 + band / 16, 3000 + band / 64]::SMALLINT[]
$$""",
    """CREATE FUNCTION search_name_cover(lo INTEGER, hi INTEGER) RETURNS SMALLINT[] LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    b INTEGER := lo;
    zones SMALLINT[] := '{}';
BEGIN
    WHILE b <= hi LOOP
        IF b % 64 = 0 AND b + 63 <= hi THEN
            zones := zones || (3000 + b / 64)::SMALLINT;
            b := b + 64;
        ELSIF b % 16 = 0 AND b + 15 <= hi THEN
            zones := zones || (2000 + b / 16)::SMALLINT;
            b := b + 16;
        ELSIF b % 4 = 0 AND b + 3 <= hi THEN
            zones := zones || (1000 + b / 4)::SMALLINT;
            b := b + 4;
        ELSE
            zones := zones || b::SMALLINT;
            b := b + 1;
        END IF;
    END LOOP;
    RETURN zones;
END $$""",
)
# Today's GIN indexes (what a bulk load, bench/pg_cache.py's included, builds once over the loaded rows).
GIN_INDEXES = {
    "search_trigram_body": "CREATE INDEX search_trigram_body ON search_trigram "
                           "USING gin (body gin_trgm_ops, name_band, contact_band, search_name_zones(name_band))",
    "search_words_tokens": V12_GIN_INDEXES["search_words_tokens"],
}
# search_page as step 14 made it, but the bands before the first the sample met are asked as their zones when
# the term has a trigram (its documents are search_trigram's) and the sort is by name.
PAGE_FUNCTION_V20 = PAGE_FUNCTION.replace("CREATE FUNCTION search_page", "CREATE OR REPLACE FUNCTION search_page").replace(
    """    pick TEXT;       -- the first $4 of the ids $3 (keys $5) in the list's order that the caller may see
""", """    pick TEXT;       -- the first $4 of the ids $3 (keys $5) in the list's order that the caller may see
    in_zones TEXT;   -- in_bands for the name zones $3 (step 20): many bands in one probe
    dense_step INTEGER;  -- bands that should hold a page, by the sample's hits a band
""").replace(
    """    -- Sorted by the keys the documents carry""",
    """    IF sort = 'name' AND cardinality(patterns) > 0 THEN
        in_zones := replace(in_bands, 's.name_band = ANY($3)', 'search_name_zones(s.name_band) && $3');
    END IF;
    -- Sorted by the keys the documents carry""").replace(
    """    IF first > 2 THEN  -- the bands before the first the sample met: most likely empty, all asked at once
        EXECUTE in_bands INTO found, found_keys USING patterns, tokens, bands[1:first - 1], cap;""",
    """    IF in_zones IS NOT NULL AND cardinality(found) > 0 THEN  -- the sample's hits a band: the first chunk's size
        dense_step := least(64, ceil(needed::NUMERIC * cardinality(seen_bands) / cardinality(found))::INTEGER + 1);
    END IF;
    IF first > 2 THEN  -- the bands before the first the sample met: most likely empty, all asked at once
        IF in_zones IS NOT NULL THEN  -- a run of bands: its dozen zones at most, one probe
            EXECUTE in_zones INTO found, found_keys USING patterns, tokens,
                search_name_cover(least(bands[1], bands[first - 1]), greatest(bands[1], bands[first - 1])), cap;
        ELSE
            EXECUTE in_bands INTO found, found_keys USING patterns, tokens, bands[1:first - 1], cap;
        END IF;""").replace(
    """    LOOP
        IF visible + cardinality(hits) - checked >= needed THEN""",
    """    IF dense_step IS NOT NULL THEN  -- as many bands as should hold a page, by the sample's density
        step := dense_step;
        growing := FALSE;
    END IF;
    LOOP
        IF visible + cardinality(hits) - checked >= needed THEN""").replace(
    """        chunk := bands[start:start + step - 1];
        EXECUTE in_bands INTO found, found_keys USING patterns, tokens, chunk, cap;""",
    """        chunk := bands[start:start + step - 1];
        IF in_zones IS NOT NULL AND cardinality(chunk) > 1 THEN  -- several bands: their zones, one probe
            EXECUTE in_zones INTO found, found_keys USING patterns, tokens, search_name_cover(
                least(chunk[1], chunk[cardinality(chunk)]), greatest(chunk[1], chunk[cardinality(chunk)])), cap;
        ELSE
            EXECUTE in_bands INTO found, found_keys USING patterns, tokens, chunk, cap;
        END IF;""")


def add_name_zones(db: Database) -> None:
    """Step 20: the zone functions, the trigram GIN index built again with the zones, `search_page` asking them."""
    for statement in ZONE_SCHEMA:
        db.execute_sql(statement)
    db.execute_sql("DROP INDEX search_trigram_body")
    for statement in (GIN_INDEXES["search_trigram_body"], PAGE_FUNCTION_V20):
        db.execute_sql(statement)


def page_ids(db: Database, query: str, sort: str, descending: bool, needed: int, *, walk_rows: int, sample: int,
             band_cap: int, band_group: int) -> list[int]:
    """The first `needed` customers matching `query` in the list's order by `sort` (a key of BAND_COLUMNS), as
    `search_page` finds them: a short walk of `walk_rows` customers, a sample of `sample` hits (fewer: they are
    every hit), then the bands, up to `band_group` empty ones at a time, a group with `band_cap` hits or more
    asked again a band at a time."""
    parts = _parts(query)
    if parts is None:
        return []
    patterns, tokens = parts
    (ids,) = db.execute_sql("SELECT search_page(?::text[], ?::text[], ?, ?, ?, ?, ?, ?, ?)",
                            (patterns, tokens, sort, descending, needed, walk_rows, sample, band_cap,
                             band_group)).fetchone()
    return list(ids or ())
def band_values_sql(alias: str, mark: str = "%s") -> str:
    """SQL for the (name band, last-contact band) of the customer row `alias`, what `search_name_band` and
    `search_contact_band` give it, from the bounds given twice as parameters (`mark`: psycopg's own `%s` for a
    raw cursor). For a bulk insert of documents that gives each row its bands: the row trigger asks the
    customer and reads the bounds (a TOASTed array) again for every row, which cost more than the GIN
    indexes' upkeep."""
    return (f"coalesce(width_bucket({alias}.name COLLATE nocase, CAST({mark} AS text[])), 0)::smallint, "
            f"CASE WHEN {alias}.last_contact_at IS NULL THEN {NO_CONTACT_BAND}::smallint "
            f"ELSE coalesce(width_bucket({alias}.last_contact_at, CAST({mark} AS text[])), 0)::smallint END")


def band_values_stored_sql(alias: str) -> str:
    """`band_values_sql` reading the bounds in the statement itself (each once: an uncorrelated subquery is
    evaluated once a statement), for a statement sent without waiting for its answer (store/pg_pipeline.py)."""
    name, contact = (f"(SELECT bounds FROM search_band WHERE sort = '{sort}')" for sort in ("name", "last_contact"))
    return (f"coalesce(width_bucket({alias}.name COLLATE nocase, {name}), 0)::smallint, "
            f"CASE WHEN {alias}.last_contact_at IS NULL THEN {NO_CONTACT_BAND}::smallint "
            f"ELSE coalesce(width_bucket({alias}.last_contact_at, {contact}), 0)::smallint END")


def band_starts(db: Database, sort: str) -> list[str]:
    """The bounds of `sort` in ascending order: band b (b >= 1) starts at the b-th."""
    found = db.execute_sql("SELECT bounds FROM search_band WHERE sort = ?", (sort,)).fetchone()
    return list(found[0]) if found else []


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


def hits_sql(query: str, columns: str = "rowid") -> tuple[str, list] | None:
    """A SELECT of the rowids (customer ids) whose document matches `query` as on a SQLite book
    (`search.search_clauses`), in no particular order, with its parameters; None for a query without
    terms (every customer). `columns`: what to select of each hit (both tables have the band columns)."""
    parts = _parts(query)
    if parts is None:
        return f"SELECT {columns} FROM search_words WHERE FALSE", []
    patterns, tokens = parts
    words = (f"SELECT {columns} FROM search_words WHERE tokens @> ?::text[]", [tokens]) if tokens else None
    if not patterns:
        return words
    sql = f"SELECT {columns} FROM search_trigram WHERE " + " AND ".join("body LIKE ?" for _ in patterns)
    if words:
        return f"{sql} AND rowid IN (SELECT rowid FROM search_words WHERE tokens @> ?::text[])", [*patterns, tokens]
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
