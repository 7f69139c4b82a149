"""What every part of the demo generator draws from: the random stream, the running ids and the days, and
the Draft of the customer being written. PeopleMaker and HistoryMaker build on Maker; the generator's
book maker joins them and sets this state up."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from trade_crm.demo.rows import BookRows, BookSpec
from trade_crm.demo.tables import Country, Culture


def cumulative(weighted: Iterable[tuple[float, str]]) -> tuple[tuple[float, str], ...]:
    items = list(weighted)
    total = sum(w for w, _ in items)
    running, out = 0.0, []
    for weight, value in items:
        running += weight / total
        out.append((running, value))
    return tuple(out)


@dataclass
class Draft:
    """What the generator knows about the customer it is writing."""

    cid: int
    country: Country
    culture: Culture
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


class Maker:
    """The state the book maker sets up in its __init__, and the small helpers that draw from it."""

    spec: BookSpec
    today: date
    rng: random.Random
    rnd: Callable[[], float]
    countries: dict[str, Country]
    country_weights: tuple[tuple[float, str], ...]
    kinds: tuple[tuple[float, str], ...]
    lines: dict[str, dict[str, tuple[str, ...]]]
    sentences: dict[str, tuple[str, ...]]
    fairs: list[tuple[date, str]]
    ids: dict[str, int]
    days: list[str]
    forced: list[str]
    rows: BookRows
    made: int

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
