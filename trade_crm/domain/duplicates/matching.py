"""When two customer records are the same company, and when two contacts are the same person.

Rules, strongest first: the same email address; the same phone (E.164); the same company domain
(from a website or an email, never a free-mail or platform domain); the same company name, or a
similar one in the same country ("ACME Trading Co., Ltd." ~ "Acme Trading Company Limited").
Fuzzy names are compared only inside a block (the first two letters of the name and the
country), which keeps 10,000 rows against 100,000 customers to about a second.

A person's name is scored separately from the company: at one company, "张伟" and "张玮" are two
people, while "Jon Smith" and "John Smith" are one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from peewee import Database
from rapidfuzz import fuzz, process

from trade_crm.domain.duplicates.words import (
    FREE_MAIL_BRANDS,
    FREE_MAIL_DOMAINS,
    LEGAL_FORMS,
    PLATFORM_DOMAINS,
)
from trade_crm.store import sql
from trade_crm.store.sql_rows import value_list

_CJK_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "有限公司", "集团公司", "公司", "集团", "株式会社", "商行", "厂")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_CJK_PLACE = re.compile(r"([\u3400-\u9fff]{2,3}?)(?:特别行政区|自治区|自治州|地区|省|市|区|县)")
_SEPARATORS = re.compile(r"[\s!-/:-@\[-`{-~\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u20a0-\u20cf\u2100-\u214f"
                         r"\u2190-\u23ff\u2500-\u27bf\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40"
                         r"\uff5b-\uff65\ufe30-\ufe4f]+")
_ACCENTS = re.compile(r"[\u0300-\u036f]+")  # the marks of Latin, Greek and Cyrillic letters, nothing else
_LATIN_FOLDS = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "ß": "ss"})
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^@/]*@)?([^/:?#\s]+)", re.I)
_RESERVED_TLDS = frozenset({"invalid", "test", "example", "localhost", "local"})  # RFC 2606 / 6761
RULES = ("email", "phone", "domain", "name")
_RANK = {rule: rank for rank, rule in enumerate(RULES)}
# A domain that many customers share is a provider's (an ISP's mail, a group's), not one company's.
MAX_DOMAIN_SHARE = 5
# Company keys are compared word-order blind ("Trading Acme" ~ "Acme Trading"): fuzz.ratio of two
# `sorted_words` keys is fuzz.token_sort_ratio of the keys, with each key sorted once, not at every comparison.
NAME_SCORER = fuzz.ratio
MIN_FUZZY_KEY = 4  # a shorter company key ("abc") only ever matches exactly
CJK_ALIKE_SCORE = 95.0  # the same Chinese name with its city written differently (see same_cjk_company)


@dataclass(frozen=True)
class Profile:
    """What matching needs to know of one customer, stored or about to be imported."""

    ident: Hashable
    name: str
    country: str | None = None
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()  # E.164
    websites: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    ident: Hashable
    rule: str  # one of RULES
    score: float  # 100 for an exact match
    detail: str  # for a person: 'same email "a@b.com"', 'similar name "Acme Trading Ltd" (93%)'


# --- keys -----------------------------------------------------------------------------------------

def _tokens(text: str) -> list[str]:
    """Words of any script: case, width and Latin/Greek/Cyrillic accents folded; only punctuation,
    symbols and spaces separate, so Devanagari vowel signs and Thai or Arabic marks stay in their words."""
    text = text.casefold()
    if not text.isascii():
        text = _ACCENTS.sub("", unicodedata.normalize("NFKD", text))
        text = unicodedata.normalize("NFC", text).translate(_LATIN_FOLDS)
    return [t for t in _SEPARATORS.split(text) if t]


@lru_cache(maxsize=200_000)
def company_key(name: str) -> str:
    """A company name reduced for comparison: case, accents, punctuation and legal forms dropped."""
    tokens = _tokens(name.replace("&", " and "))
    kept = [t for t in tokens if t not in LEGAL_FORMS] or tokens
    key = " ".join(kept)
    if _CJK.search(key):
        key = key.replace(" ", "")
        for _ in range(2):
            for suffix in _CJK_SUFFIXES:
                if key.endswith(suffix) and len(key) > len(suffix) + 1:
                    key = key[: -len(suffix)]
    return key


@lru_cache(maxsize=200_000)
def sorted_words(key: str) -> str:
    """A company key with its words in alphabetical order, the form NAME_SCORER compares. A CJK key
    has no spaces, so it is its own sorted form."""
    return " ".join(sorted(key.split()))


def looks_like_company(name: str) -> bool:
    """Whether a name carries a legal form ("GmbH", "Ltd.", "有限公司"): a company, not a person."""
    if _CJK.search(name):
        return any(s in name for s in _CJK_SUFFIXES)
    return any(t in LEGAL_FORMS and t != "the" for t in _tokens(name))


@lru_cache(maxsize=100_000)
def person_key(name: str) -> str:
    """A person's name reduced for comparison (cached: an import compares each contact name with several)."""
    tokens = _tokens(name)
    key = " ".join(tokens)
    return key.replace(" ", "") if _CJK.search(key) else key


def same_person(a: str, b: str, threshold: float = 90.0) -> bool:
    """Whether two contact names at one company are one person.

    Names in Chinese, Japanese or Korean must be equal: one character is the whole given name.
    """
    ka, kb = person_key(a), person_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if _CJK.search(ka) or _CJK.search(kb):
        return False
    return fuzz.token_sort_ratio(ka, kb) >= threshold


def same_contact(a_name: str, a_values: set[str], b_name: str, b_values: set[str]) -> bool:
    """Two contacts of one company are one person by name when both have a name (two people share a
    switchboard number), else when they share an email or a phone."""
    if a_name and b_name:
        return same_person(a_name, b_name)
    return bool(a_values & b_values)


def countries_agree(a: str | None, b: str | None) -> bool:
    """The same company name means the same company unless the two countries differ."""
    return a is None or b is None or a == b


def _cjk_parts(key: str) -> tuple[tuple[str, ...], str]:
    """A Chinese company key as (its leading places without 省/市/区/县, the rest): "广东省深圳市华强照明"
    -> (("广东", "深圳"), "华强照明"). The rest (字号 and trade) names the company; the places only say where."""
    places, start = [], 0
    while (found := _CJK_PLACE.match(key, start)) and len(key) - found.end() >= 2:
        places.append(found.group(1))
        start = found.end()
    return tuple(places), key[start:]


def same_cjk_company(a: str, b: str) -> bool:
    """Whether two company keys in Chinese, Japanese or Korean name one company.

    No edit distance: one character of the 字号 is another company ("深圳市华强照明电器科技" and
    "深圳市华兴照明电器科技" are 91% alike and two firms), as with people's names. Alike are only the
    same name with its places written more or less fully: "深圳市华强照明" ~ "深圳华强照明" ~
    "深圳市宝安区华强照明", never "义乌市华强照明".
    """
    if a == b:
        return True
    parts = (_cjk_parts(a), _cjk_parts(b))
    for (places, rest), (other_places, other_rest) in (parts, parts[::-1]):
        if len(rest) < 2 or not set(other_places) <= set(places):
            continue
        if other_rest == rest or any(other_rest == place + rest for place in places):
            return True
    return False


def similar_keys(keys: list[str], threshold: float = 90.0) -> Iterator[tuple[str, str, float]]:
    """(a, b, score) for every pair of different company keys of one block that are alike enough:
    the fuzzy-name rule of `MatchIndex.find`, for a whole block at once."""
    keys = sorted({k for k in keys if len(k) >= MIN_FUZZY_KEY})
    latin = [k for k in keys if not _CJK.search(k)]
    latin_sorted = [sorted_words(k) for k in latin]
    for i, key in enumerate(latin[:-1]):
        for _, score, j in process.extract_iter(latin_sorted[i], latin_sorted[i + 1:], scorer=NAME_SCORER,
                                                score_cutoff=threshold):
            yield key, latin[i + 1 + j], round(score, 1)
    cjk = [k for k in keys if _CJK.search(k)]
    for i, key in enumerate(cjk[:-1]):
        for other in cjk[i + 1:]:
            if same_cjk_company(key, other):
                yield key, other, CJK_ALIKE_SCORE


def block_key(name: str, country: str | None) -> str:
    """The first two characters (ASCII lower-cased, as SQLite's lower()) and the country."""
    return f"{name[:2].translate(_ASCII_LOWER)}|{country or ''}"


def has_cjk(text: str) -> bool:
    """Whether a text has Chinese, Japanese or Korean characters (names in them are compared exactly)."""
    return bool(_CJK.search(text))


def _is_free(domain: str) -> bool:
    return (domain in FREE_MAIL_DOMAINS or domain.split(".")[0] in FREE_MAIL_BRANDS
            or domain.rpartition(".")[2] in _RESERVED_TLDS)


@lru_cache(maxsize=100_000)
def email_domain(email: str) -> str | None:
    """The company domain of an address, or None for free mail (gmail.com, qq.com, 163.com, ...)."""
    domain = email.rpartition("@")[2].strip().lower().rstrip(".")
    return domain if domain and "." in domain and not _is_free(domain) else None


@lru_cache(maxsize=100_000)
def web_domain(url: str) -> str | None:
    """The host of a website without "www.", or None for a platform page (facebook.com, alibaba.com)."""
    found = _HOST.match(url.strip())
    if not found:
        return None
    host = found.group(1).lower().rstrip(".")
    host = host[4:] if host.startswith("www.") else host
    if "." not in host or _is_free(host):
        return None
    labels = host.split(".")
    if any(".".join(labels[i:]) in PLATFORM_DOMAINS for i in range(len(labels) - 1)):
        return None  # facebook.com/acme, acme.en.alibaba.com: a page on a platform, not the company's own
    return host


def profile_domains(profile: Profile) -> frozenset[str]:
    return _domains(profile.emails, profile.websites)


@lru_cache(maxsize=100_000)
def _domains(emails: tuple[str, ...], websites: tuple[str, ...]) -> frozenset[str]:
    """A profile's domains, made once per profile however often an import asks (five times a row)."""
    domains = {d for d in (email_domain(e) for e in emails) if d}
    return frozenset(domains | {d for d in (web_domain(w) for w in websites) if d})


# --- the index ------------------------------------------------------------------------------------

class MatchIndex:
    """Profiles to match against; add the rows of an import as they are planned, too."""

    def __init__(self, threshold: float = 90.0, ignore_domains: Iterable[str] = ()):
        self.threshold = threshold
        self.ignore_domains = frozenset(ignore_domains)
        self._exact: dict[str, defaultdict[str, set[Hashable]]] = {r: defaultdict(set) for r in RULES}
        self._blocks: defaultdict[str, dict[Hashable, str]] = defaultdict(dict)  # block -> {ident: sorted key}
        self._country: dict[Hashable, str | None] = {}
        self._names: dict[Hashable, str] = {}

    def add_name(self, ident: Hashable, name: str, country: str | None) -> None:
        """A profile known only by its name and country (the cheap case of `add`)."""
        self._country.setdefault(ident, country)
        self._names.setdefault(ident, name)
        key = company_key(name) if name else ""
        if key:
            self._exact["name"][key].add(ident)
            self._blocks[block_key(name, country)][ident] = sorted_words(key)

    def add(self, profile: Profile, ident: Hashable | None = None) -> None:
        """Index a profile, under `ident` when given (an import's row joins its group) instead of its own."""
        if ident is None:
            ident = profile.ident
        for email in profile.emails:
            self._exact["email"][email].add(ident)
        for phone in profile.phones:
            self._exact["phone"][phone].add(ident)
        if profile.emails or profile.websites:
            for domain in profile_domains(profile) - self.ignore_domains:
                self._exact["domain"][domain].add(ident)
        self.add_name(ident, profile.name, profile.country)

    def add_rows(self, rows: Iterable[tuple]) -> None:
        """`add` for profiles given as tuples of Profile's fields (candidate_rows'): no Profile made, and a
        profile known by its name alone (most stored candidates) indexed by its name directly."""
        countries, names, exact, blocks = self._country, self._names, self._exact["name"], self._blocks
        for row in rows:
            if row[3] or row[4] or row[5]:
                self.add(Profile(*row))
                continue
            ident, name, country = row[0], row[1], row[2]
            countries.setdefault(ident, country)
            names.setdefault(ident, name)
            key = company_key(name) if name else ""
            if key:
                exact[key].add(ident)
                blocks[block_key(name, country)][ident] = sorted_words(key)

    def find(self, profile: Profile) -> list[Match]:
        """Every indexed profile that matches, the strongest rule and score first."""
        found: dict[Hashable, Match] = {}  # the first exact match of an ident is its strongest: rules go in order
        own = profile.ident
        exact = self._exact
        domains = profile_domains(profile) - self.ignore_domains if profile.emails or profile.websites else ()
        for rule, values, said in (("email", profile.emails, "email"), ("phone", profile.phones, "phone"),
                                   ("domain", domains, "company domain")):
            if values:
                index = exact[rule]
                for value in values:
                    for ident in index.get(value, ()):
                        if ident != own and ident not in found:
                            found[ident] = Match(ident, rule, 100.0, f'same {said} "{value}"')
        key = company_key(profile.name) if profile.name else ""
        if key:
            for ident in exact["name"].get(key, ()):
                if ident != own and ident not in found and countries_agree(self._country.get(ident), profile.country):
                    found[ident] = Match(ident, "name", 100.0, f'same name "{self._names[ident]}"')
            block = self._blocks.get(block_key(profile.name, profile.country))
            if block and len(key) >= MIN_FUZZY_KEY:
                if _CJK.search(key):
                    similar = [(ident, CJK_ALIKE_SCORE, f'similar name "{self._names[ident]}"')
                               for ident, other in block.items()
                               if other != key and len(other) >= MIN_FUZZY_KEY and same_cjk_company(key, other)]
                else:
                    similar = [(ident, round(score, 1), f'similar name "{self._names[ident]}" ({score:.0f}%)')
                               for _, score, ident in process.extract(sorted_words(key), block, scorer=NAME_SCORER,
                                                                      score_cutoff=self.threshold, limit=5)]
                for ident, score, detail in similar:  # a fuzzy name replaces only a weaker name match
                    old = found.get(ident)
                    if ident != own and (old is None or (old.rule == "name" and score > old.score)):
                        found[ident] = Match(ident, "name", score, detail)
        if len(found) < 2:
            return list(found.values())
        return sorted(found.values(), key=lambda m: (_RANK[m.rule], -m.score, str(m.ident)))


def shared_domains(profiles: Iterable[Profile], limit: int = MAX_DOMAIN_SHARE) -> set[str]:
    """Domains used by more than `limit` differently named companies: a provider's, not a company's."""
    names: defaultdict[str, set[str]] = defaultdict(set)
    for profile in profiles:
        for domain in profile_domains(profile):
            names[domain].add(company_key(profile.name))
    return {domain for domain, keys in names.items() if len(keys) > limit}


def duplicate_pairs(profiles: Iterable[Profile], threshold: float = 90.0) -> list[tuple[Hashable, Match]]:
    """(profile, match) for every profile that matches one listed before it: the duplicates in a book."""
    index, pairs = MatchIndex(threshold), []
    for profile in profiles:
        pairs.extend((profile.ident, match) for match in index.find(profile))
        index.add(profile)
    return pairs


# --- loading the stored customers that could match ------------------------------------------------

def _hits(db: Database, query: str, values: Iterable[object]) -> list[tuple]:
    """Rows of `query` for a list of values: `{values}` in it stands for a table of them (column `value`, alias j)."""
    values = sorted(set(values))
    if not values:
        return []
    listed = value_list(values, db=db)
    return db.execute_sql(query.format(values=listed.sql, block=sql.name_block("name", "country", db=db),
                                       prefix=sql.name_prefix("name", db=db), domain=sql.email_domain("ch.value", db=db),
                                       ids=sql.ids_list("cid", db=db), in_order=sql.join_in_order(db=db),
                                       plain=sql.plain_host("website", db=db)),
                          (listed.param,)).fetchall()


_CHANNEL_HITS = ("SELECT p.customer_id, ch.value FROM {{values}} CROSS JOIN contact_channel ch "
                 "{{in_order}} contact p ON p.id = ch.contact_id WHERE ch.kind {kinds} AND ch.value = j.value")
# These match the expression indexes of schema version 3 word for word (store/sql.py keeps each engine's
# spelling), so they are index lookups. Per domain, the customers using it, read only until one more than
# MAX_DOMAIN_SHARE is found (a domain on thousands of contacts is a provider's, and reading all its rows
# was most of the cost).
_EMAIL_DOMAIN_HITS = ("SELECT j.value, (SELECT {ids} FROM (SELECT DISTINCT p.customer_id AS cid "
                      "FROM contact_channel ch {in_order} contact p ON p.id = ch.contact_id "
                      "WHERE ch.kind = 'email' AND {domain} = j.value "
                      f"LIMIT {MAX_DOMAIN_SHARE + 1}) AS d) FROM {{values}}")
# A website that is only a host (no scheme, path, port or trailing dot) and not one of the hosts looked for
# can match nothing: the database leaves those out (60,000 of the 100k book's 70,000), the rest are parsed here.
_WEBSITES = ("SELECT id, website FROM customer WHERE website <> '' "
             "AND (NOT {plain} OR lower(website) IN (SELECT value FROM {values}))")
_BLOCK_HITS = "SELECT id, name, country FROM customer WHERE {block} IN (SELECT value FROM {values})"
_PREFIX_HITS = "SELECT id, name, country FROM customer WHERE {prefix} IN (SELECT value FROM {values})"
_ID_HITS = "SELECT id, name, country FROM customer WHERE id IN (SELECT value FROM {values})"


def _website_hits(db: Database, domains: set[str]) -> dict[str, list[int]]:
    """Stored customers whose website is on one of `domains` (a covering index scan, hosts parsed here)."""
    if not domains:
        return {}
    hits: defaultdict[str, list[int]] = defaultdict(list)
    bare = domains | {f"www.{d}" for d in domains}  # a website that is only its host, as most are
    for cid, website in _hits(db, _WEBSITES, bare):
        text = website.lower()
        if text in bare:  # nothing to take apart: the host is the text, without "www."
            host = text[4:] if text.startswith("www.") else text
        elif "/" in text or ":" in text or "?" in text or text[-1:] == "." or text != text.strip():
            host = text.strip().partition("://")[2] or text.strip()
            host = host.split("/", 1)[0].split("?", 1)[0].split(":", 1)[0].rstrip(".")
            host = host[4:] if host.startswith("www.") else host
        else:  # a bare host on none of the domains
            continue
        if host in domains:
            hits[host].append(cid)
    return {d: ids for d, ids in hits.items() if len(set(ids)) <= MAX_DOMAIN_SHARE}


def load_candidates(db: Database, profiles: Iterable[Profile]) -> list[Profile]:
    """The stored customers that could match any of `profiles`, as profiles (ident = customer id).

    Each holds only what can match: the emails, phones and domains found, and its name.
    """
    return [Profile(*row) for row in candidate_rows(db, profiles)]


def candidate_rows(db: Database, profiles: Iterable[Profile]) -> list[tuple]:
    """load_candidates' profiles as plain tuples of Profile's fields, in the same order: an import reads
    tens of thousands (every stored name in its rows' blocks), and `MatchIndex.add_rows` indexes them
    without a Profile each."""
    profiles = list(profiles)
    found: defaultdict[int, dict[str, set[str]]] = defaultdict(lambda: {"e": set(), "p": set(), "d": set()})
    for cid, value in _hits(db, _CHANNEL_HITS.format(kinds="= 'email'"), (e for p in profiles for e in p.emails)):
        found[cid]["e"].add(value)
    for cid, value in _hits(db, _CHANNEL_HITS.format(kinds="IN ('phone', 'whatsapp')"),
                            (ph for p in profiles for ph in p.phones)):
        found[cid]["p"].add(value)
    domains = {d for p in profiles for d in profile_domains(p)}
    for domain, ids in _hits(db, _EMAIL_DOMAIN_HITS, domains):
        if not ids or ids.count(",") >= MAX_DOMAIN_SHARE:  # no customer, or more than a company's share
            continue
        for cid in map(int, ids.split(",")):
            found[cid]["d"].add(domain)
    for domain, ids in _website_hits(db, domains).items():
        for cid in ids:
            found[cid]["d"].add(domain)
    named = [p for p in profiles if p.name]
    names = {row[0]: row[1:] for row in _hits(db, _BLOCK_HITS, (block_key(p.name, p.country) for p in named))}
    # Without a country on one side, an exact name still matches: widen those blocks to any country.
    names.update({row[0]: row[1:] for row in _hits(db, _BLOCK_HITS, (block_key(p.name, None) for p in named))})
    names.update({row[0]: row[1:] for row in _hits(db, _PREFIX_HITS, (block_key(p.name, None)[:-1] for p in named
                                                                      if p.country is None))})
    missing = [cid for cid in found if cid not in names]
    if missing:
        names.update({row[0]: row[1:] for row in _hits(db, _ID_HITS, missing)})
    out = []
    for cid, (name, country) in names.items():
        channels = found.get(cid)
        if channels is None:  # most: known by name alone
            out.append((cid, name or "", country, (), (), ()))
        else:
            out.append((cid, name or "", country, tuple(channels["e"]), tuple(channels["p"]), tuple(channels["d"])))
    return out
