"""Row-level security's cost on a server book (#18 item 3): the same reads as a salesperson and as a manager.

The 100k bench book is loaded into a throwaway server as bench_pg_search does (customers, contacts,
channels, tags, the timeline, search documents), its customers given to 20 salespeople (a tenth left in the
pool; 500 shared), then each read is timed through the domain as `sales_1` and as a manager (whose policy
is `true`: the floor), and the list page's and the timeline's plans are checked for their indexes:

    .venv/bin/python -m bench.bench_pg_access [--book PATH]
"""

from __future__ import annotations

import argparse
import os
from datetime import datetime, timezone
from pathlib import Path

from bench import bench_pg_search, pg_cache
from bench.book import CACHE_DIR, ensure_book
from bench.report import median_seconds, render, timing
from tests.postgres_server import OWNER, OWNER_PASSWORD, start_server, stop_server
from trade_crm.domain.customers.query import CustomerFilter, count_customers, search_customers
from trade_crm.domain.customers.timeline import timeline
from trade_crm.store.pg_access import roles_sql
from trade_crm.store.postgres import open_postgres

PEOPLE = 20
LIST_PAGE = "SELECT id FROM customer ORDER BY name COLLATE nocase, id LIMIT 50"
TIMELINE = "SELECT id FROM interaction WHERE customer_id = ? ORDER BY occurred_at DESC"


def plan(db, sql: str, params=()) -> str:
    return "\n".join(r[0] for r in db.execute_sql(f"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) {sql}", params))


def reads(db, customer: int, today, now, repeats: int) -> dict[str, float]:
    return {
        "list page (50 by name)": median_seconds(lambda: search_customers(CustomerFilter(), today=today, now=now),
                                                 repeats),
        "list page, newest contact first": median_seconds(
            lambda: search_customers(CustomerFilter(), today=today, now=now, sort="last_contact", descending=True),
            repeats),
        "search 'trading' (first 50)": median_seconds(
            lambda: search_customers(CustomerFilter(text="trading"), today=today, now=now), repeats),
        "count every customer": median_seconds(lambda: count_customers(CustomerFilter(), today=today, now=now),
                                               repeats),
        "one customer's timeline": median_seconds(lambda: timeline(customer), repeats),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_pg_access", description=__doc__)
    parser.add_argument("--book", type=Path, help="a bench book (default: the 100k one in .bench-cache)")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args(argv)
    book_path = args.book or ensure_book(100_000, cache_dir=CACHE_DIR).path
    server = start_server(os.environ)
    try:
        pg_cache.restart(server)
        server.execute(roles_sql())
        server.create_role(OWNER, OWNER_PASSWORD)
        dbname = server.create_database(OWNER)
        open_postgres(server.url(OWNER, dbname), password=OWNER_PASSWORD).close()  # today's schema, step 11
        bench_pg_search.TABLES = (*bench_pg_search.TABLES, "interaction")
        bench_pg_search.load(server, dbname, book_path, 1)
        people = [server.person(f"sales_{n}") for n in range(PEOPLE)]
        manager = server.person("boss", manager=True)
        with server.admin(dbname) as conn:
            conn.execute("SET session_replication_role = replica")
            conn.execute(f"UPDATE customer SET owner = CASE WHEN id % 10 = 0 THEN NULL "
                         f"ELSE 'sales_' || (id % {PEOPLE}) END")
            conn.execute("INSERT INTO customer_share (customer_id, person) SELECT id, 'sales_1' FROM customer "
                         "WHERE owner = 'sales_2' ORDER BY id LIMIT 500")
            conn.execute("VACUUM ANALYZE")
            customer = conn.execute("SELECT customer_id FROM interaction i JOIN customer c ON c.id = i.customer_id "
                                    "WHERE c.owner = 'sales_1' GROUP BY customer_id "
                                    "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        today = datetime.now(timezone.utc).date()
        now = datetime.now(timezone.utc)
        figures, plans = {}, {}
        for who, person in (("manager", manager), ("salesperson", people[1])):
            db = person.open(dbname)
            try:
                figures[who] = reads(db, customer, today, now, args.repeats)
                plans[who] = (plan(db, LIST_PAGE), plan(db, TIMELINE, (customer,)))
                seen = db.execute_sql("SELECT count(*) FROM customer").fetchone()[0]
            finally:
                db.close()
            print(f"{who} sees {seen:,} customers")
        section = "row-level security on 100k customers: a salesperson's reads (x base: the same as a manager)"
        rows = [timing(section, metric, seconds, figures["manager"][metric],
                       note=f"manager {figures['manager'][metric] * 1000:.2f} ms")
                for metric, seconds in figures["salesperson"].items()]
        print(render(rows))
        for who, (list_plan, timeline_plan) in plans.items():
            print(f"\n-- {who}: {LIST_PAGE}\n{list_plan}\n-- {who}: timeline of {customer}\n{timeline_plan}")
    finally:
        stop_server(server)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
