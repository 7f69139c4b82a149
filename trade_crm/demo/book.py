"""The demo book: a realistic, deterministic customer book for an export salesperson at a Chinese factory.

Two halves, so the benchmark can reuse both:

- generation is pure: ``generate_book(spec, today)`` turns a seed into chunks of plain row tuples
  (one random stream, dates relative to `today`, so the same seed gives the same book);
- writing is bulk: ``write_book(db, chunks)`` inserts those rows with ``executemany`` inside the
  caller's transaction and brings the search index along.

``load_demo`` does both in one transaction. The tables (names, companies, what gets said) live in
demo_data.py.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

import phonenumbers
from peewee import SqliteDatabase

from trade_crm.demo import data
from trade_crm.domain.clock import Clock
from trade_crm.domain.clock import today as today_of
from trade_crm.domain.customers.orders import lifecycle_for_order_count
from trade_crm.domain.customers.timeline import CONTACT_KINDS
from trade_crm.store import search
from trade_crm.store.models import OPPORTUNITY_STAGES, database

COLUMNS: dict[str, tuple[str, ...]] = {
    "customer": ("id", "name", "country", "city", "address", "website", "source", "industry", "products",
                 "company_size", "rating", "preferred_language", "currency", "notes", "lifecycle", "lost",
                 "follow_up_on", "last_contact_at", "created_at", "updated_at"),
    "contact": ("id", "customer_id", "name", "title", "birthday", "is_primary", "notes", "created_at", "updated_at"),
    "contact_channel": ("id", "contact_id", "kind", "value", "raw", "position"),
    "interaction": ("id", "customer_id", "contact_id", "kind", "occurred_at", "summary", "body", "follow_up_on",
                    "valid_until", "created_at"),
    "opportunity": ("id", "customer_id", "title", "stage", "value", "currency", "probability", "expected_close",
                    "closed_on", "created_at", "updated_at"),
    "orders": ("id", "customer_id", "ordered_on", "amount", "currency", "reference", "notes", "created_at"),
}
_TABLE_OF = {"customers": "customer", "contacts": "contact", "channels": "contact_channel",
             "interactions": "interaction", "opportunities": "opportunity", "orders": "orders"}
_PROBABILITY = {"inquiry": 10, "quotation": 30, "sample": 50, "negotiation": 70, "won": 100, "lost": 0}
SPAN_DAYS = 730  # two years of history
GENERATOR_VERSION = 2  # bump when the generated book changes: the benchmark's cached book is keyed by it


@dataclass(frozen=True)
class BookSpec:
    customers: int = 300
    seed: int = 2026
    contacts: tuple[int, int] = (1, 3)  # per customer, inclusive
    interactions: float = 8.0  # mean per customer; active (A/B) customers get more


@dataclass(frozen=True)
class FirstIds:
    """The first free id of each table, so a book can be appended to an existing database."""

    customers: int = 1
    contacts: int = 1
    channels: int = 1
    interactions: int = 1
    opportunities: int = 1
    orders: int = 1


@dataclass
class BookRows:
    """One chunk of the book: row tuples in COLUMNS order; tags as (customer id, tag name)."""

    customers: list[tuple] = field(default_factory=list)
    contacts: list[tuple] = field(default_factory=list)
    channels: list[tuple] = field(default_factory=list)
    interactions: list[tuple] = field(default_factory=list)
    opportunities: list[tuple] = field(default_factory=list)
    orders: list[tuple] = field(default_factory=list)
    customer_tags: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class DemoSummary:
    customers: int
    contacts: int
    interactions: int
    orders: int
    opportunities: int
    countries: int
    channels: int = 0
    tag_links: int = 0

    @property
    def rows(self) -> int:
        return (self.customers + self.contacts + self.interactions + self.orders + self.opportunities
                + self.channels + self.tag_links)


# --- tables, parsed once ---------------------------------------------------------------------------

def _items(text: str, sep: str = ",") -> tuple[str, ...]:
    parts = re.split(rf"(?<!\\){re.escape(sep)}", text)
    return tuple(p.replace("\\" + sep, sep).strip() for p in parts if p.strip())


def _pair(item: str) -> tuple[str, str]:
    native, _, latin = item.partition("|")
    return native, latin or native


def _gendered(item: str) -> tuple[tuple[str, str], tuple[str, str]]:
    native, latin = _pair(item)
    nm, _, nf = native.partition("/")
    lm, _, lf = latin.partition("/")
    return (nm, lm), (nf or nm, lf or lm)


_FOLDS = str.maketrans({"ß": "ss", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ı": "i", "ø": "o", "æ": "ae", "œ": "oe"})
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "ae", "Ö": "oe", "Ü": "ue"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_LEGAL = frozenset(
    "gmbh co kg ohg ek ltd llc inc corp sarl sas sa srl spa snc sl lda bv vof nv sp z o oo sc phu sro as ab aps oy "
    "ooo ao ip too llp est fze wll plc pvt pty cc sdn bhd pte pt cv ud tnhh cong ty phan ltda me de sac eirl cia y "
    "eood ood kft zrt the and for company limited hk a s sti san ve tic cie zonen sons fils figli filhos l e".split()
)


@cache
def ascii_slug(text: str, german: bool = False) -> str:
    """Latin text as email/web letters: "Müller" -> "mueller" (German) or "muller"; other scripts vanish."""
    if german:
        text = text.translate(_GERMAN)
    text = unicodedata.normalize("NFKD", text.translate(_FOLDS))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _slug_words(text: str, german: bool) -> list[str]:
    return [w for w in _NOT_SLUG.split(ascii_slug(text, german)) if len(w) > 1]


@dataclass(frozen=True)
class _Culture:
    key: str
    order: str
    latin: float  # share written in Latin letters (0 for Latin-script cultures: native is Latin)
    sep: str
    male: tuple[tuple[str, str], ...]
    female: tuple[tuple[str, str], ...]
    family: tuple[tuple[tuple[str, str], tuple[str, str]], ...]
    middle_m: tuple[str, ...]
    middle_f: tuple[str, ...]


@dataclass(frozen=True)
class _Country:
    code: str
    cultures: tuple[tuple[float, _Culture], ...]  # cumulative share
    lang: str
    biz: dict[str, tuple[tuple[str, str], ...]]
    words: tuple[tuple[str, str], ...]
    companies: tuple[str, ...]
    cities: tuple[tuple[str, str], ...]
    port: str
    tld: str
    mail: tuple[str, ...]
    currencies: tuple[str, ...]
    street: str
    titles: tuple[str, ...]
    phone: dict[str, tuple[int, str, int, Callable[[str], bool]]]  # kind -> see _phone_template


@cache
def _cultures() -> dict[str, _Culture]:
    out = {}
    for key, spec in data.CULTURES.items():
        order = str(spec["order"])
        out[key] = _Culture(
            key=key, order=order, latin=float(spec.get("latin", 0.0)),
            sep=str(spec.get("sep", "" if order == "eastern" and "latin" in spec else " ")),
            male=tuple(_pair(i) for i in _items(str(spec["m"]))),
            female=tuple(_pair(i) for i in _items(str(spec["f"]))),
            family=tuple(_gendered(i) for i in _items(str(spec["family"]))),
            middle_m=_items(str(spec.get("middle_m", ""))), middle_f=_items(str(spec.get("middle_f", ""))),
        )
    return out


def _phone_template(code: str, kind: str) -> tuple[int, str, int, Callable[[str], bool]]:
    """phonenumbers' example number of that kind, how many trailing digits to vary, and a validity test.

    The test is phonenumbers' own rule for a region (the general pattern and the kind's pattern match
    the national number), without its per-call overhead: ~1 µs instead of ~20 µs per number.
    """
    kind_type = phonenumbers.PhoneNumberType.MOBILE if kind == "mobile" else phonenumbers.PhoneNumberType.FIXED_LINE
    example = phonenumbers.example_number_for_type(code, kind_type)
    national = phonenumbers.national_significant_number(example)
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(code)
    desc = metadata.mobile if kind == "mobile" else metadata.fixed_line
    general = re.compile(metadata.general_desc.national_number_pattern)
    specific = re.compile(desc.national_number_pattern)

    def valid(digits: str) -> bool:
        return bool(general.fullmatch(digits) and specific.fullmatch(digits))

    return example.country_code, national, 6 if len(national) >= 9 else 5, valid


@cache
def _countries() -> dict[str, _Country]:
    cultures = _cultures()
    out = {}
    for code, spec in data.COUNTRIES.items():
        shares = [(c.partition(":")[0], float(c.partition(":")[2] or 100)) for c in _items(str(spec["cul"]))]
        total, running, cumulative = sum(s for _, s in shares), 0.0, []
        for key, share in shares:
            running += share / total
            cumulative.append((running, cultures[key]))
        biz_lang = str(spec["biz"])
        biz = {line: tuple(_pair(i) for i in _items(data.BIZ[biz_lang][line])) for line in data.LINES}
        titles = data.TITLES.get(str(spec["lang"]), "") or data.TITLES.get(biz_lang, "")
        out[code] = _Country(
            code=code, cultures=tuple(cumulative), lang=str(spec["lang"]), biz=biz,
            words=tuple(_pair(i) for i in _items(data.WORDS[str(spec.get("words", "en"))])),
            companies=_items(str(spec["co"])), cities=tuple(_pair(i) for i in _items(str(spec["cities"]))),
            port=str(spec["port"]), tld=str(spec["tld"]), mail=_items(str(spec["mail"])),
            currencies=_items(str(spec["cur"])), street=str(spec.get("street", "")),
            titles=_items(titles) + _items(data.TITLES["en"]) if titles else _items(data.TITLES["en"]),
            phone={kind: _phone_template(code, kind) for kind in ("mobile", "fixed")},
        )
    return out


@cache
def _lines() -> dict[str, dict[str, tuple[str, ...]]]:
    return {line: {k: _items(v) for k, v in spec.items()} for line, spec in data.PRODUCT_LINES.items()}


@cache
def _sentences() -> dict[str, tuple[str, ...]]:
    out = {kind: _items(text, ";") for kind, text in data.SUMMARIES.items()}
    out["_notes"] = _items(data.NOTES, ";")
    out["_order_notes"] = _items(data.ORDER_NOTES, ";")
    out["_qty"] = _items(data.QUANTITIES)
    return out


def fair_tags(today: date) -> list[tuple[date, str]]:
    """Canton Fair sessions (mid-April, mid-October) of the last two years, as (day, tag)."""
    fairs = []
    for year in range(today.year - 2, today.year + 1):
        for month, season in ((4, "Spring"), (10, "Autumn")):
            day = date(year, month, 15)
            if today - timedelta(days=SPAN_DAYS - 10) <= day < today:
                fairs.append((day, f"Canton Fair {year} {season}"))
    return fairs


# --- generation ------------------------------------------------------------------------------------

_SOURCES = ((0.35, "trade_show"), (0.65, "marketplace"), (0.85, "website"), (0.95, "referral"), (1.0, "other"))
_RATINGS = ((0.10, "A"), (0.35, "B"), (0.70, "C"), (0.95, "D"), (1.0, None))
_ACTIVITY = {"A": 2.2, "B": 1.4, "C": 0.8, "D": 0.4, None: 0.6}
_ORDERS = {"A": (2, 10), "B": (0, 4), "C": (0, 1), "D": (0, 0), None: (0, 0)}
_OPPS = {"A": (1, 4), "B": (1, 3), "C": (0, 2), "D": (0, 1), None: (0, 1)}
_KINDS = ((30, "email"), (22, "whatsapp"), (10, "call"), (4, "meeting"), (2, "visit"), (6, "sample"),
          (10, "quotation"), (5, "inquiry"), (4, "greeting"), (5, "note"))
_STAGES_OPEN = ("inquiry", "quotation", "quotation", "sample", "negotiation")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_LOW_WHATSAPP = frozenset({"CN", "JP", "KR", "US", "CA"})


def _cumulative(weighted: Iterable[tuple[float, str]]) -> tuple[tuple[float, str], ...]:
    items = list(weighted)
    total = sum(w for w, _ in items)
    running, out = 0.0, []
    for weight, value in items:
        running += weight / total
        out.append((running, value))
    return tuple(out)


@dataclass
class _Draft:
    """What the generator knows about the customer it is writing."""

    cid: int
    country: _Country
    culture: _Culture
    line: dict[str, tuple[str, ...]]
    german: bool
    showcase: tuple | None
    source: str = "other"
    rating: str | None = None
    start: int = 0  # days ago of the first contact
    active_until: int = 1  # days ago of the last one
    industry: str = ""
    fill: dict[str, str] = field(default_factory=dict)  # for the summary templates
    contact_ids: list[int] = field(default_factory=list)
    tags: set[str] = field(default_factory=set)
    had_sample: bool = False


class _BookMaker:
    """Holds the random stream and the running ids; `customer()` writes one customer's rows into `rows`."""

    def __init__(self, spec: BookSpec, today: date, first: FirstIds) -> None:
        self.spec, self.today = spec, today
        self.rng = random.Random(spec.seed)
        self.rnd = self.rng.random
        self.countries = _countries()
        self.country_weights = _cumulative((float(c["w"]), code) for code, c in data.COUNTRIES.items())
        self.kinds = _cumulative(_KINDS)
        self.lines, self.sentences = _lines(), _sentences()
        self.fairs = fair_tags(today)
        self.ids = {name: getattr(first, name) for name in _TABLE_OF}
        self.days = [(today - timedelta(days=d)).isoformat() for d in range(-400, SPAN_DAYS + 400)]
        # Every country once first (after the showcase), so even a small book covers them all.
        self.forced = list(data.COUNTRIES)
        self.rng.shuffle(self.forced)
        self.rows = BookRows()
        self.made = 0

    # small helpers; `int(rnd() * n)` is several times faster than rng.choice in this hot loop
    def pick(self, seq):
        return seq[int(self.rnd() * len(seq))]

    def between(self, low: int, high: int) -> int:
        return low + int(self.rnd() * (high - low + 1))

    def pick_cumulative(self, table):
        r = self.rnd()
        for bound, value in table:
            if r < bound:
                return value
        return table[-1][1]

    def day(self, days_ago: int) -> str:
        return self.days[days_ago + 400]

    def instant(self, days_ago: int) -> str:
        # 08:00-23:00 in China (UTC+8): the salesperson's working day, same calendar day in UTC.
        seconds = int(self.rnd() * 54000)
        return f"{self.days[days_ago + 400]} {seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"

    def next_id(self, table: str) -> int:
        value = self.ids[table]
        self.ids[table] = value + 1
        return value

    # --- people and companies
    def person(self, culture: _Culture, male: bool) -> tuple[str, str, str, str]:
        """(display name, given name in Latin, family name in Latin, family name in its own script)"""
        given = self.pick(culture.male if male else culture.female)
        family = self.pick(culture.family)[0 if male else 1]
        latin = culture.latin > 0 and self.rnd() < culture.latin
        g, f = (given[1], family[1]) if latin else (given[0], family[0])
        if culture.order == "vi":
            middle = self.pick(culture.middle_m if male else culture.middle_f)
            return f"{f} {middle} {g}", given[1], family[1], family[0]
        if culture.order == "eastern" and not latin:
            return f"{f}{culture.sep}{g}", given[1], family[1], family[0]
        return f"{g} {f}", given[1], family[1], family[0]

    def company(self, country: _Country, line: str, family: tuple[str, str], city: tuple[str, str]
                ) -> tuple[str, list[str]]:
        template = self.pick(country.companies)
        latin_only = template.startswith("L:")
        template = template.removeprefix("L:")
        biz, word = self.pick(country.biz[line]), self.pick(country.words)
        english = self.pick(self.lines[line]["en"])
        parts = {"F": family, "B": biz, "W": word, "C": city, "BE": (english, english)}
        name = _PLACEHOLDER.sub(lambda m: self._part(parts, m.group(1), latin_only), template)
        latin = _PLACEHOLDER.sub(lambda m: self._part(parts, m.group(1), True), template)
        words = [w for w in _slug_words(latin, country.code in ("DE", "AT", "CH")) if w not in _LEGAL]
        return name, words

    @staticmethod
    def _part(parts: dict[str, tuple[str, str]], key: str, latin: bool) -> str:
        if key.endswith("L") and key != "L":
            return parts[key[:-1]][1]
        return parts[key][1 if latin else 0]

    def phone(self, country: _Country, kind: str) -> str:
        code, national, free, valid = country.phone[kind]
        stem, scale = national[:-free], 10 ** free
        for _ in range(20):
            digits = stem + str(int(self.rnd() * scale)).zfill(free)
            if valid(digits):
                return f"+{code}{digits}"
        return f"+{code}{national}"

    # --- one customer
    def customer(self, showcase: tuple | None = None) -> None:
        """Append one customer with its contacts, channels, timeline, opportunities, orders and tags."""
        rnd, pick = self.rnd, self.pick
        country = self.countries[self.country_code(showcase)]
        r = rnd()
        culture = next((c for bound, c in country.cultures if r < bound), country.cultures[-1][1])
        line = showcase[4] if showcase else pick(data.LINES)
        c = _Draft(cid=self.next_id("customers"), country=country, culture=culture, line=self.lines[line],
                   german=country.code in ("DE", "AT", "CH"), showcase=showcase)
        c.industry = pick(c.line["industry"])
        people = self.people(c)
        city = _pair(showcase[3]) if showcase else pick(country.cities)
        if showcase:
            name, domain = showcase[1], showcase[2]
        else:
            name, slug_words = self.company(country, line, people[0][3], city)
            slug = "-".join(slug_words[:2]) or f"{ascii_slug(pick(c.line['en']))}{c.cid}"
            domain = f"{slug}.{country.tld}"
        website = f"www.{domain}" if rnd() < 0.7 else ""
        c.fill = {"c": people[0][1] or people[0][0], "city": city[0], "port": country.port}
        self.first_contact(c)

        # when things happened: the first contact `start` days ago, then on until `active_until` days ago
        c.active_until = min(c.start, 1 if c.rating in ("A", "B") or showcase else (
            self.between(1, 120) if c.rating == "C" else self.between(30, 400)))
        count = max(1, round(self.spec.interactions * _ACTIVITY[c.rating] / 0.98 * (0.5 + rnd())))
        times = sorted([(self.instant(c.start), c.start)] + [
            (self.instant(d), d) for d in (self.between(c.active_until, c.start) for _ in range(count - 1))])
        created = times[0][0]

        for i, (display, given, family, _family, title) in enumerate(people):
            pid = self.next_id("contacts")
            c.contact_ids.append(pid)
            birthday = (f"{self.between(1958, 1997)}-{self.between(1, 12):02d}-{self.between(1, 28):02d}"
                        if rnd() < 0.3 else None)
            self.rows.contacts.append((pid, c.cid, display, title, birthday, 1 if i == 0 else 0, "", created, created))
            self.channels(pid, country, given, family, domain, c.german, i, formal=bool(showcase))

        last_contact, follow_up = self.timeline(c, times)
        n_orders = self.opportunities_and_orders(c)
        self.tags_from_history(c, n_orders)
        products = ", ".join(dict.fromkeys(pick(c.line["products"]) for _ in range(self.between(1, 3))))
        street = country.street.format(n=self.between(1, 250)) if country.street and rnd() < 0.6 else ""
        notes = pick(self.sentences["_notes"]) if rnd() < 0.25 else ""
        lost = 1 if c.rating == "D" and rnd() < 0.15 else 0
        self.rows.customers.append((
            c.cid, name, country.code, city[0], street, website, c.source, c.industry, products,
            pick(data.COMPANY_SIZES), c.rating, country.lang, country.currencies[0], notes,
            lifecycle_for_order_count(n_orders), lost, follow_up, last_contact, created,
            max(created, last_contact or created),
        ))

    def country_code(self, showcase: tuple | None) -> str:
        index = self.made
        self.made += 1
        if showcase:
            return showcase[0]
        if index - len(data.SHOWCASE) < len(self.forced):
            return self.forced[index - len(data.SHOWCASE)]
        return self.pick_cumulative(self.country_weights)

    def people(self, c: _Draft) -> list[tuple[str, str, str, tuple[str, str], str]]:
        """(name as shown, given name in Latin, family name in Latin, family (native, Latin), title)."""
        low, high = self.spec.contacts
        showcase = c.showcase[5] if c.showcase else ()
        out = []
        for i in range(max(len(showcase), low) if showcase else self.between(low, high)):
            if i < len(showcase):
                display, latin, title = showcase[i]
                given, _, family = latin.partition(" ")
                out.append((display, given, family, (display.split(" ")[-1], family), title))
                continue
            culture = c.culture if i == 0 or self.rnd() < 0.85 else self.pick(c.country.cultures)[1]
            display, given, family, family_native = self.person(culture, self.rnd() < 0.62)
            out.append((display, given, family, (family_native, family), self.pick(c.country.titles)))
        return out

    def first_contact(self, c: _Draft) -> None:
        """How the customer found us (source, rating, a fair or marketplace tag) and how many days ago."""
        rnd, pick = self.rnd, self.pick
        c.source = "trade_show" if c.showcase else self.pick_cumulative(_SOURCES)
        c.rating = "A" if c.showcase else self.pick_cumulative(_RATINGS)
        c.start = self.between(400 if c.showcase else 20, SPAN_DAYS)
        if c.source == "trade_show" and self.fairs and rnd() < 0.65:
            fair_day, tag = pick(self.fairs)
            c.tags.add(tag)
            c.start = max(2, (self.today - fair_day).days - self.between(0, 4))
        elif c.source == "trade_show":
            c.tags.add(f"{pick(c.line['fairs'])} {(self.today - timedelta(days=c.start)).year}")
        elif c.source == "marketplace":
            c.tags.add("Alibaba" if rnd() < 0.7 else ("Made-in-China" if rnd() < 0.65 else "Global Sources"))
        elif c.source == "referral":
            c.tags.add("Referral")

    def timeline(self, c: _Draft, times: list[tuple[str, int]]) -> tuple[str | None, str | None]:
        """One interaction per (instant, days ago); returns (last contact, next follow-up) as the
        domain would leave them after logging these in order."""
        rnd, pick, fill = self.rnd, self.pick, c.fill
        muslim = c.country.code in data.MUSLIM_MAJORITY
        wechat = c.country.code in data.WECHAT_COUNTRIES and c.culture.key.startswith("zh")
        first_kind = {"trade_show": "meeting", "marketplace": "inquiry", "website": "inquiry"}.get(c.source, "email")
        last_contact = follow_up = None
        follow_up_row, follow_up_days_ago = None, 0
        for n, (when, days_ago) in enumerate(times):
            kind = first_kind if n == 0 else self.pick_cumulative(self.kinds)
            if kind == "whatsapp" and wechat and rnd() < 0.7:
                kind = "wechat"
            c.had_sample = c.had_sample or kind == "sample"
            fill["p"] = pick(c.line["short"])
            fill["q"] = pick(self.sentences["_qty"])
            fill["n"] = str(self.between(2, 9))
            fill["ref"] = f"Q{self.day(days_ago)[2:4]}{self.between(1000, 9999)}"
            fill["fair"] = "Canton Fair" if rnd() < 0.6 else pick(c.line["fairs"])
            summary = pick(self.sentences["greeting_muslim" if kind == "greeting" and muslim else kind]).format_map(fill)
            due = None
            if kind != "note" and (rnd() < 0.22 or (n == len(times) - 1 and c.rating in ("A", "B", "C")
                                                    and rnd() < 0.75)):
                follow_up_days_ago = days_ago - self.between(2, 21)
                due = follow_up = self.day(follow_up_days_ago)
                follow_up_row = len(self.rows.interactions)
            valid = self.day(days_ago - 30) if kind == "quotation" else None
            contact = None if kind == "note" else c.contact_ids[0 if rnd() < 0.6 else int(rnd() * len(c.contact_ids))]
            self.rows.interactions.append((self.next_id("interactions"), c.cid, contact, kind, when, summary, "",
                                           due, valid, when))
            if kind in CONTACT_KINDS:
                last_contact = when  # `times` is sorted
        if follow_up_row is not None and follow_up_days_ago > 10 and rnd() < 0.85:
            # A working salesperson keeps rescheduling the next step; only a few follow-ups go stale.
            follow_up = self.day(self.between(-30, 10))
            row = self.rows.interactions[follow_up_row]
            self.rows.interactions[follow_up_row] = (*row[:7], follow_up, *row[8:])
        return last_contact, follow_up

    def tags_from_history(self, c: _Draft, n_orders: int) -> None:
        rnd = self.rnd
        if c.rating == "A" and rnd() < 0.6:
            c.tags.add("VIP")
        if c.rating == "A" and rnd() < 0.5:
            c.tags.add("Key account")
        lowered = c.industry.lower()
        if "distributor" in lowered or "wholesal" in lowered:
            c.tags.add("Distributor" if rnd() < 0.6 else "Wholesaler")
        elif "project" in lowered or "contractor" in lowered:
            c.tags.add("Project")
        for tag, share in (("OEM", 0.08), ("Price sensitive", 0.12), ("展会客户", 0.05)):
            if rnd() < share:
                c.tags.add(tag)
        if c.had_sample and rnd() < 0.5:
            c.tags.add("Sample sent")
        if n_orders >= 2 and rnd() < 0.4:
            c.tags.add("老客户")
        self.rows.customer_tags.extend((c.cid, tag) for tag in sorted(c.tags))

    def channels(self, pid: int, country: _Country, given: str, family: str, domain: str, german: bool,
                 position: int, formal: bool = False) -> None:
        """Emails, phones, WhatsApp and WeChat of one contact; `formal`: first.last@company."""
        rnd, rows = self.rnd, self.rows
        g = "".join(_slug_words(given, german)) or "info"
        f = "".join(_slug_words(family, german))
        free = (rnd() < data.FREE_MAIL_SHARE or not f) and not formal
        r = 0.0 if formal else rnd()
        if free and country.code == "CN" and rnd() < 0.6:
            local = str(self.between(10_000_000, 3_999_999_999))
        elif r < 0.45 and f:
            local = f"{g}.{f}"
        elif r < 0.6:
            local = g
        elif r < 0.75 and f:
            local = f"{g[0]}{f}"
        elif r < 0.85 and not free:
            local = ("sales", "info", "purchase", "import", "office")[position % 5]
        else:
            local = f"{g}{f}{self.between(1, 99)}"
        email = f"{local}@{self.pick(country.mail) if free else domain}"
        out = [("email", email, "")]
        if rnd() < 0.15:
            out.append(("email", f"{g}.{f or 'office'}@{self.pick(country.mail)}", ""))
        mobile = self.phone(country, "mobile")
        landline = rnd() < 0.35
        phone = self.phone(country, "fixed") if landline else mobile
        code = str(country.phone["mobile"][0])
        raw = f"+{code} {phone[len(code) + 1:len(code) + 4]} {phone[len(code) + 4:]}" if rnd() < 0.5 else ""
        out.append(("phone", phone, raw))
        if rnd() < (0.3 if country.code in _LOW_WHATSAPP else 0.8):
            out.append(("whatsapp", mobile if not landline or rnd() < 0.8 else self.phone(country, "mobile"), ""))
        if country.code in data.WECHAT_COUNTRIES and rnd() < 0.5:
            out.append(("wechat", f"{g}{f}{self.between(1, 999)}"[:20], ""))
        for order, (kind, value, raw_value) in enumerate(out):
            rows.channels.append((self.next_id("channels"), pid, kind, value, raw_value, order))

    def opportunities_and_orders(self, c: _Draft) -> int:
        """Opportunities at every stage and the orders that came of them; returns the order count."""
        rnd, rows, pick = self.rnd, self.rows, self.pick
        cid, rating, start, showcase, line_data = c.cid, c.rating, c.start, c.showcase, c.line
        country, fill, active_until = c.country, c.fill, c.active_until
        low, high = _ORDERS[rating]
        n_orders = self.between(low, high) if high else 0
        low, high = _OPPS[rating]
        n_opps = self.between(low, high)
        currencies = country.currencies
        span = max(start - active_until, 1)
        if showcase:
            n_opps = max(n_opps, 1)
        for k in range(n_opps):
            if showcase and k == 0:
                stage = OPPORTUNITY_STAGES[(self.made - 1) % len(OPPORTUNITY_STAGES)]
            else:
                r = rnd()
                won_share = 0.45 if rating in ("A", "B") else 0.12
                stage = "won" if r < won_share else ("lost" if r < won_share + 0.15 else pick(_STAGES_OPEN))
            opened = start - int(rnd() * span * 0.9)
            currency = currencies[0] if rnd() < 0.8 else pick(currencies)
            value = f"{self.between(30, 3000) * 100 * data.PER_USD.get(currency, 1):.2f}"
            title = (f"{pick(self.sentences['_qty'])} {pick(line_data['products'])}" if rnd() < 0.6
                     else f"{pick(line_data['products'])} for {fill['city']} project")
            closed = self.day(max(1, opened - self.between(7, 60))) if stage in ("won", "lost") else None
            expected = None if closed else self.day(-self.between(7, 120) if rnd() < 0.8 else self.between(1, 60))
            when = self.instant(opened)
            rows.opportunities.append((self.next_id("opportunities"), cid, title, stage, value, currency,
                                       _PROBABILITY[stage],
                                       expected, closed, when, when if not closed else f"{closed} 09:00:00"))
        for _ in range(n_orders):
            days_ago = max(1, start - int(rnd() * span))
            ordered = self.day(days_ago)
            currency = currencies[0] if rnd() < 0.8 else pick(currencies)
            usd = self.between(300_000, 25_000_000 if rating == "A" else 6_000_000) / 100
            amount = f"{usd * data.PER_USD.get(currency, 1):.2f}"
            note = pick(self.sentences["_order_notes"]).format_map(fill) if rnd() < 0.6 else ""
            reference = f"PI{ordered[2:4]}{ordered[5:7]}{ordered[8:10]}-{self.between(1, 99):02d}"
            rows.orders.append((self.next_id("orders"), cid, ordered, amount, currency, reference, note,
                                self.instant(days_ago)))
        return n_orders


def generate_book(spec: BookSpec, today: date, first: FirstIds = FirstIds(), chunk_size: int = 2000
                  ) -> Iterator[BookRows]:
    """Yield the book in chunks of `chunk_size` customers. Pure: the same spec and day give the same rows."""
    maker = _BookMaker(spec, today, first)
    for i in range(spec.customers):
        maker.customer(data.SHOWCASE[i] if i < len(data.SHOWCASE) else None)
        if maker.made % chunk_size == 0:
            yield maker.rows
            maker.rows = BookRows()
    if maker.rows.customers:
        yield maker.rows


# --- writing ---------------------------------------------------------------------------------------

def first_free_ids(db: SqliteDatabase) -> FirstIds:
    values = {name: db.execute_sql(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]
              for name, table in _TABLE_OF.items()}
    return FirstIds(**values)


def _insert_sql(table: str) -> str:
    columns = COLUMNS[table]
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def write_rows(db: SqliteDatabase, rows: BookRows, tag_ids: dict[str, int]) -> None:
    """Insert one chunk inside the caller's transaction; `tag_ids` (folded name -> id) grows as tags appear."""
    cursor = db.cursor()
    for name, table in _TABLE_OF.items():
        batch = getattr(rows, name)
        if batch:
            cursor.executemany(_insert_sql(table), batch)
    links = []
    for cid, tag in rows.customer_tags:
        key = tag.casefold()
        if key not in tag_ids:
            tag_ids[key] = cursor.execute("INSERT INTO tag (name) VALUES (?)", (tag,)).lastrowid
        links.append((cid, tag_ids[key]))
    cursor.executemany("INSERT OR IGNORE INTO customer_tag (customer_id, tag_id) VALUES (?, ?)", links)


def write_book(db: SqliteDatabase, chunks: Iterable[BookRows], *, index: bool = True) -> DemoSummary:
    """Write every chunk, then bring the search index along; call inside `db.atomic()`."""
    had_customers = db.execute_sql("SELECT 1 FROM customer LIMIT 1").fetchone() is not None
    tag_ids = {name.casefold(): tid for tid, name in db.execute_sql("SELECT id, name FROM tag")}
    counts = dict.fromkeys((*_TABLE_OF, "customer_tags"), 0)
    countries: set[str] = set()
    new_ids: list[int] = []
    for rows in chunks:
        write_rows(db, rows, tag_ids)
        for name in counts:
            counts[name] += len(getattr(rows, name))
        countries.update(r[2] for r in rows.customers)
        new_ids.extend(r[0] for r in rows.customers)
    if index:
        if had_customers:
            search.reindex(db, new_ids)
        else:
            search.rebuild_index(db)
    return DemoSummary(customers=counts["customers"], contacts=counts["contacts"],
                       interactions=counts["interactions"], orders=counts["orders"],
                       opportunities=counts["opportunities"], countries=len(countries),
                       channels=counts["channels"], tag_links=counts["customer_tags"])


def load_demo(clock: Clock, customers: int = 300, seed: int = 2026) -> DemoSummary:
    """Fill the bound database with a demo book (appended after any existing rows), in one transaction,
    with exchange rates for its currencies and every customer's stage and tier computed."""
    from trade_crm.domain.insights.segments import recompute_segments
    from trade_crm.domain.world.currency import seed_demo_rates

    db = database.obj
    spec = BookSpec(customers=customers, seed=seed)
    with db.atomic():
        summary = write_book(db, generate_book(spec, today_of(clock), first_free_ids(db)))
        seed_demo_rates(today_of(clock), clock)
        recompute_segments(clock)
    return summary
