"""The history of a demo customer: how it found us, its timeline of interactions and follow-ups, its
opportunities and orders, and the tags all of that earns."""

from __future__ import annotations

from datetime import date, timedelta

from trade_crm.demo import data
from trade_crm.demo.maker import Draft, Maker
from trade_crm.demo.rows import SPAN_DAYS
from trade_crm.domain.customers.timeline import CONTACT_KINDS
from trade_crm.store.models import OPPORTUNITY_STAGES

_PROBABILITY = {"inquiry": 10, "quotation": 30, "sample": 50, "negotiation": 70, "won": 100, "lost": 0}
_SOURCES = ((0.35, "trade_show"), (0.65, "marketplace"), (0.85, "website"), (0.95, "referral"), (1.0, "other"))
_RATINGS = ((0.10, "A"), (0.35, "B"), (0.70, "C"), (0.95, "D"), (1.0, None))
_ORDERS = {"A": (2, 10), "B": (0, 4), "C": (0, 1), "D": (0, 0), None: (0, 0)}
_OPPS = {"A": (1, 4), "B": (1, 3), "C": (0, 2), "D": (0, 1), None: (0, 1)}
_STAGES_OPEN = ("inquiry", "quotation", "quotation", "sample", "negotiation")


def fair_tags(today: date) -> list[tuple[date, str]]:
    """Canton Fair sessions (mid-April, mid-October) of the last two years, as (day, tag)."""
    fairs = []
    for year in range(today.year - 2, today.year + 1):
        for month, season in ((4, "Spring"), (10, "Autumn")):
            day = date(year, month, 15)
            if today - timedelta(days=SPAN_DAYS - 10) <= day < today:
                fairs.append((day, f"Canton Fair {year} {season}"))
    return fairs


class HistoryMaker(Maker):
    """Draws what happened with a customer over the two years."""

    def first_contact(self, c: Draft) -> None:
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

    def timeline(self, c: Draft, times: list[tuple[str, int]]) -> tuple[str | None, str | None]:
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

    def tags_from_history(self, c: Draft, n_orders: int) -> None:
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

    def opportunities_and_orders(self, c: Draft) -> int:
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
