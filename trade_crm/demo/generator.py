"""The demo book's generator: pure, one random stream, dates relative to `today`, so the same seed gives
the same book. It joins the people and the history makers into one customer at a time."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from trade_crm.demo import data
from trade_crm.demo.history import HistoryMaker, fair_tags
from trade_crm.demo.maker import Draft, cumulative
from trade_crm.demo.people import PeopleMaker, ascii_slug
from trade_crm.demo.rows import SPAN_DAYS, TABLE_OF, BookRows, BookSpec, FirstIds
from trade_crm.demo.tables import countries, lines, pair, sentences
from trade_crm.domain.customers.orders import lifecycle_for_order_count

_ACTIVITY = {"A": 2.2, "B": 1.4, "C": 0.8, "D": 0.4, None: 0.6}
_KINDS = ((30, "email"), (22, "whatsapp"), (10, "call"), (4, "meeting"), (2, "visit"), (6, "sample"),
          (10, "quotation"), (5, "inquiry"), (4, "greeting"), (5, "note"))


class _BookMaker(PeopleMaker, HistoryMaker):
    """Holds the random stream and the running ids; `customer()` writes one customer's rows into `rows`."""

    def __init__(self, spec: BookSpec, today: date, first: FirstIds) -> None:
        self.spec, self.today = spec, today
        self.rng = random.Random(spec.seed)
        self.rnd = self.rng.random
        self.countries = countries()
        self.country_weights = cumulative((float(c["w"]), code) for code, c in data.COUNTRIES.items())
        self.kinds = cumulative(_KINDS)
        self.lines, self.sentences = lines(), sentences()
        self.fairs = fair_tags(today)
        self.ids = {name: getattr(first, name) for name in TABLE_OF}
        self.days = [(today - timedelta(days=d)).isoformat() for d in range(-400, SPAN_DAYS + 400)]
        # Every country once first (after the showcase), so even a small book covers them all.
        self.forced = list(data.COUNTRIES)
        self.rng.shuffle(self.forced)
        self.rows = BookRows()
        self.made = 0

    # --- one customer
    def customer(self, showcase: tuple | None = None) -> None:
        """Append one customer with its contacts, channels, timeline, opportunities, orders and tags."""
        rnd, pick = self.rnd, self.pick
        country = self.countries[self.country_code(showcase)]
        r = rnd()
        culture = next((c for bound, c in country.cultures if r < bound), country.cultures[-1][1])
        line = showcase[4] if showcase else pick(data.LINES)
        c = Draft(cid=self.next_id("customers"), country=country, culture=culture, line=self.lines[line],
                  german=country.code in ("DE", "AT", "CH"), showcase=showcase)
        c.industry = pick(c.line["industry"])
        people = self.people(c)
        city = pair(showcase[3]) if showcase else pick(country.cities)
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
            self.rows.contacts.append((pid, c.cid, display, title, birthday, i == 0, "", created, created))
            self.channels(pid, country, given, family, domain, c.german, i, formal=bool(showcase))

        last_contact, follow_up = self.timeline(c, times)
        n_orders = self.opportunities_and_orders(c)
        self.tags_from_history(c, n_orders)
        products = ", ".join(dict.fromkeys(pick(c.line["products"]) for _ in range(self.between(1, 3))))
        street = country.street.format(n=self.between(1, 250)) if country.street and rnd() < 0.6 else ""
        notes = pick(self.sentences["_notes"]) if rnd() < 0.25 else ""
        lost = c.rating == "D" and rnd() < 0.15  # flags are booleans (a server's columns are BOOLEAN)
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


def generate_book(spec: BookSpec, today: date, first: FirstIds = FirstIds(),  # noqa: B008 - frozen
                  chunk_size: int = 2000) -> Iterator[BookRows]:
    """Yield the book in chunks of `chunk_size` customers. Pure: the same spec and day give the same rows."""
    maker = _BookMaker(spec, today, first)
    for i in range(spec.customers):
        maker.customer(data.SHOWCASE[i] if i < len(data.SHOWCASE) else None)
        if maker.made % chunk_size == 0:
            yield maker.rows
            maker.rows = BookRows()
    if maker.rows.customers:
        yield maker.rows
