"""Mail out (#20): planning a greeting run for 200 customers in 12 time zones (target: <= 1 s).

Two figures and their floor, in the same run:

- the send plan alone (`plan_sends`, pure): 200 recipients in 12 countries, each at their local morning on a
  working day of their country (weekend and public holidays from the `holidays` library), one account's
  20-second pace and its daily cap, four days before Christmas (so holidays are skipped);
- the whole run (`plan_bulk`): reading the 200 customers and their contacts, the greeting template in each
  customer's language filled in, and the plan;
- floor: the same `plan_sends` loop without the holiday and zone work: each request names its zone outright
  and no country (no calendar to consult, no country-to-zone lookup), so the pace has the same slots to fill.

Inside `make bench` the 200 customers are written into the big book in a transaction that is rolled back;
alone, into a throwaway book. The load average is printed beside the figures (two shared cores).

    .venv/bin/python -m bench.bench_mail_plan [--repeats N]
"""

from __future__ import annotations

import argparse
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.report import Row, median_seconds, render

CUSTOMERS = 200
COUNTRIES = ("DE", "US", "GB", "FR", "SA", "AE", "BR", "JP", "AU", "IN", "MX", "RU")  # 12 zones
TARGET_S = 1.0
SECTION = "mail out: a greeting run of 200 customers in 12 time zones (x base: the plan without holidays or zones)"
NOW = datetime(2026, 12, 21, 1, 0, tzinfo=timezone.utc)  # Monday 09:00 in Ningbo, four days before Christmas


def _load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def _book(clock) -> tuple[list[int], int]:
    """200 customers (a contact with an email each) spread over the 12 countries, and a mail account."""
    from trade_crm.domain.customers.contacts import ContactInput
    from trade_crm.domain.customers.records import create_customer
    from trade_crm.domain.mail.accounts import add_account
    from trade_crm.domain.mail.merge import MY_COMPANY, MY_NAME

    ids = [create_customer(clock, name=f"Bench Buyer {n:03d}", country=COUNTRIES[n % len(COUNTRIES)], contacts=[
        ContactInput(name=f"Buyer {n:03d}", emails=(f"buyer{n}@bench-{n}.example",))]) for n in range(CUSTOMERS)]
    MY_NAME.write("Li Wei")
    MY_COMPANY.write("Ningbo Bright Tools")
    return ids, add_account("bench@bright.example", host="imap.example.com", clock=clock).id


def measure(repeats: int) -> list[Row]:
    """The rows, over the book the models are bound to now (customers added by the caller's transaction)."""
    from trade_crm.domain.clock import FixedClock
    from trade_crm.domain.mail.bulk import plan_bulk
    from trade_crm.domain.mail.merge import Holiday
    from trade_crm.domain.mail.planning import PlanRequest, PlanSettings, plan_sends, recipient_zone

    clock = FixedClock(NOW, ZoneInfo("Asia/Shanghai"))
    ids, account = _book(clock)
    settings = PlanSettings(interval_seconds=20, daily_cap=500)
    requests = [PlanRequest(n, COUNTRIES[n % len(COUNTRIES)], greeting_id="christmas") for n in range(CUSTOMERS)]
    zones = {country: recipient_zone(country, "", clock.zone)[1] for country in COUNTRIES}
    bare = [PlanRequest(n, "", zone=zones[COUNTRIES[n % len(COUNTRIES)]]) for n in range(CUSTOMERS)]
    plan = plan_sends(requests, clock, settings=settings)
    assert all(p.send_at is not None for p in plan)

    def run():
        made = plan_bulk(ids, "greeting.christmas", account, clock, holiday=Holiday("Christmas Day"),
                         greeting_id="christmas", purpose="greeting:christmas:2026")
        assert len(made.items) == CUSTOMERS and not made.problems
        return made

    made = run()
    floor_s = median_seconds(lambda: plan_sends(bare, clock, settings=settings), repeats)
    plan_s = median_seconds(lambda: plan_sends(requests, clock, settings=settings), repeats)
    whole_s = median_seconds(run, repeats)
    days = sorted({i.local_send_at.date().isoformat() for i in made.items})
    languages = sorted({i.language for i in made.items})
    load = _load()
    return [
        Row(SECTION, "floor: plan_sends, zones given, no country calendars", floor_s * 1000, "ms", ratio=1.0, note=load),
        Row(SECTION, "send plan (plan_sends), 12 countries' weekends and holidays", plan_s * 1000, "ms",
            ratio=plan_s / floor_s, target=f"< {TARGET_S * 1000:.0f} ms", ok=plan_s < TARGET_S, note=load,
            floor="plan_sends without holidays or zones (same run)"),
        Row(SECTION, "whole run (plan_bulk: read, fill in, plan)", whole_s * 1000, "ms", ratio=whole_s / floor_s,
            target=f"< {TARGET_S * 1000:.0f} ms", ok=whole_s < TARGET_S,
            note=f"{len(made.items)} drafts in {len(languages)} languages, local days {days[0]} to {days[-1]}"),
    ]


def mail_plan_bench(ctx) -> list[Row]:
    """The rows for `make bench` (ctx: bench.cases.Context): inside the big book, rolled back."""
    with ctx.db.atomic() as transaction:
        rows = measure(min(ctx.repeats, 7))
        transaction.rollback()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_mail_plan", description=__doc__)
    parser.add_argument("--repeats", type=int, default=7, help="timed runs per figure (median reported)")
    args = parser.parse_args(argv)
    from trade_crm.store.db import close_database, open_database

    with tempfile.TemporaryDirectory(prefix="bench-mail-plan-") as folder:
        db = open_database(Path(folder) / "book.db")
        try:
            rows = measure(args.repeats)
        finally:
            close_database(db)
    print(render(rows))
    return 0 if all(row.ok is not False for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
