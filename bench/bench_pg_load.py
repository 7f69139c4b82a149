"""The team load test (#18): salespeople in separate processes against the server book, bounded in time.

Each simulated salesperson is a process with its own login role (`sales01`, `sales02`, ...; granted the
book's rows, as a salesperson is: no row-level security yet, that layer lands separately) and its own
connection, opened as the app opens one. For `seconds` it picks operations at random, as a working day
mixes them: search (one of the bench's 20 queries, by name or newest contact first), open a customer (its
record and timeline), log a timeline entry, edit a customer, hand a customer over. Edits and handovers
go to a small set of customers that everyone works on, so two people do edit the same customer at once;
each is a version-checked write (`UPDATE ... WHERE id = ? AND version = ?`, one transaction with its
search document and, for a handover, its timeline entry): the second of two concurrent saves changes
nothing and is counted as a conflict, the way the app will show it (the domain's versioned save and
handover come from other branches; until then the bench writes them here, in the same shape).

At the end, from the rows: every successful edit's and handover's version increment is there exactly
once (each customer's version = 1 + its successful writes, no version claimed twice, the last writer's
city and owner stand): 0 lost updates; every logged entry is there once and only once: 0 duplicates.
The book is a copy of the kept server book (bench/pg_cache.py), dropped afterwards.

    .venv/bin/python -m bench.bench_pg_load [--quick] [--processes 20] [--seconds 60]
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from bench.book import CACHE_DIR, Book, ensure_book
from bench.cases import percentile, search_queries
from bench.pg_cache import ServerBook, clone, server_book
from bench.report import Row, render

LOAD_DB = "bench_load"
PASSWORD = "sales-secret"
HOT_CUSTOMERS = 50  # the customers everyone edits and hands over: two people do save one at once
OPERATIONS = {"search": 40, "open": 25, "log": 20, "edit": 10, "hand over": 5}  # weights of a day's mix


@dataclass
class Outcome:
    """What one salesperson did: latencies per operation, the writes that succeeded, conflicts."""

    person: str
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    versions: list[tuple[int, int, str, str]] = field(default_factory=list)  # (customer, new version, city, owner)
    logged: list[str] = field(default_factory=list)  # the markers of the entries logged
    conflicts: int = 0
    errors: list[str] = field(default_factory=list)


def role(index: int) -> str:
    return f"sales{index + 1:02d}"


def prepare(book: ServerBook, dbname: str, people: int) -> None:
    """Login roles for the salespeople, granted the book's rows (not its tables)."""
    with book.server.admin(dbname) as conn:
        for i in range(people):
            name = role(i)
            if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone():
                conn.execute(f"CREATE ROLE {name} LOGIN PASSWORD '{PASSWORD}'")
            conn.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {name}")
            conn.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {name}")
        conn.execute("UPDATE customer SET owner = %s WHERE id <= %s", (role(0), HOT_CUSTOMERS))


def salesperson(index: int, url: str, customers: int, today: date, seconds: float, ready, go, queue) -> None:
    """One process: its own role and connection, then operations for `seconds` once everyone is `ready`."""
    # lazy: each process imports the app's modules itself, after the fork/spawn
    from trade_crm.domain.clock import SystemClock
    from trade_crm.domain.customers.query import CustomerFilter, search_customers
    from trade_crm.domain.customers.records import get_customer
    from trade_crm.domain.customers.timeline import log_interaction, timeline
    from trade_crm.store import search
    from trade_crm.store.fields import UTCDateTimeField
    from trade_crm.store.postgres import open_postgres

    person = role(index)
    outcome = Outcome(person)
    rng = random.Random(index)
    db = open_postgres(url.replace("crm_owner@", f"{person}@"), password=PASSWORD)
    queries = [text for text, _ in search_queries(today)]
    kinds, weights = list(OPERATIONS), list(OPERATIONS.values())
    counter = 0

    def versioned(cid: int, **changes) -> tuple[int, str, str] | None:
        """Write `changes` when nobody saved since we read: one transaction, the search document too."""
        nonlocal counter
        with db.atomic():
            version, city, owner = db.execute_sql("SELECT version, city, owner FROM customer WHERE id = ?",
                                                  (cid,)).fetchone()
            city, owner = changes.get("city", city), changes.get("owner", owner)
            now = UTCDateTimeField().db_value(datetime.now(timezone.utc))
            time.sleep(rng.uniform(0, 0.002))  # the user's think time between reading and saving, shortened
            updated = db.execute_sql(
                "UPDATE customer SET city = ?, owner = ?, version = version + 1, updated_at = ? "
                "WHERE id = ? AND version = ?",
                (city, owner, now, cid, version)).rowcount
            if not updated:
                return None
            search.reindex(db, [cid])
            if "owner" in changes:  # a handover leaves a timeline entry, in the same transaction
                counter += 1
                marker = f"load {person}:{counter}"
                log_interaction(cid, "note", f"handed over to {owner} ({marker})", clock)
                outcome.logged.append(marker)
            return version + 1, city, owner

    clock = SystemClock()
    get_customer(1)  # connected and warm, as a salesperson whose app is open
    ready.put(person)
    go.wait()
    end = time.time() + seconds
    while time.time() < end:
        kind = rng.choices(kinds, weights)[0]
        started = time.perf_counter()
        try:
            if kind == "search":
                text = rng.choice(queries)
                if rng.random() < 0.5:
                    search_customers(CustomerFilter(text=text), today=today)
                else:
                    search_customers(CustomerFilter(text=text), today=today, sort="last_contact", descending=True)
            elif kind == "open":
                cid = rng.randint(1, customers)
                get_customer(cid)
                timeline(cid, limit=50)
            elif kind == "log":
                counter += 1
                marker = f"load {person}:{counter}"
                log_interaction(rng.randint(1, customers), "call", f"called back ({marker})", clock)
                outcome.logged.append(marker)
            elif kind == "edit":
                cid = rng.randint(1, HOT_CUSTOMERS)
                done = versioned(cid, city=f"City {person}-{counter}-{rng.randint(0, 10**6)}")
                if done is None:
                    outcome.conflicts += 1
                else:
                    outcome.versions.append((cid, *done))
            else:
                cid = rng.randint(1, HOT_CUSTOMERS)
                done = versioned(cid, owner=role(rng.randint(0, 19)))
                if done is None:
                    outcome.conflicts += 1
                else:
                    outcome.versions.append((cid, *done))
        except Exception as error:  # noqa: BLE001 - counted and reported: a load test's failures are its result
            outcome.errors.append(f"{kind}: {type(error).__name__}: {error}"[:300])
            continue
        outcome.latencies[kind].append(time.perf_counter() - started)
    db.close()
    queue.put((outcome.person, dict(outcome.latencies), outcome.versions, outcome.logged, outcome.conflicts,
               outcome.errors))


def check(book: ServerBook, dbname: str, outcomes: list[Outcome]) -> dict[str, int]:
    """Lost updates and duplicate entries, counted from the rows against what the salespeople did."""
    writes = [w for o in outcomes for w in o.versions]
    by_customer: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for cid, version, city, owner in writes:
        by_customer[cid].append((version, city, owner))
    claimed = Counter((cid, version) for cid, version, _, _ in writes)
    lost = sum(n - 1 for n in claimed.values() if n > 1)  # two saves that both claim one version
    with book.server.admin(dbname) as conn:
        rows = {cid: (version, city, owner) for cid, version, city, owner in conn.execute(
            "SELECT id, version, city, owner FROM customer WHERE id = ANY(%s)", (list(by_customer),))}
        for cid, done in by_customer.items():
            version, city, owner = rows[cid]
            last = max(done)
            if version != 1 + len(done) or (city, owner) != (last[1], last[2]):
                lost += 1  # an increment missing, or the last save's values overwritten
        markers = Counter(m for o in outcomes for m in o.logged)
        found = Counter(dict(conn.execute(
            "SELECT substring(summary FROM '\\((load [^)]*)\\)$'), count(*) FROM interaction "
            "WHERE summary LIKE '%(load %' GROUP BY 1").fetchall()))
    duplicates = sum(n - 1 for n in found.values() if n > 1) + sum(n - 1 for n in markers.values() if n > 1)
    missing = sum(1 for m in markers if m not in found)
    return {"writes": len(writes), "lost updates": lost, "duplicate entries": duplicates,
            "entries missing": missing, "entries logged": len(markers)}


def run(book: ServerBook, processes: int, seconds: float, today: date) -> list[Row]:
    with clone(book, LOAD_DB) as dbname:
        prepare(book, dbname, processes)
        context = multiprocessing.get_context("spawn")
        queue, ready, go = context.Queue(), context.Queue(), context.Event()
        workers = [context.Process(target=salesperson, args=(i, book.url(dbname), book.customers, today, seconds,
                                                             ready, go, queue)) for i in range(processes)]
        for worker in workers:
            worker.start()
        for _ in workers:  # every process started and connected before the clock starts
            ready.get(timeout=300)
        go.set()
        outcomes = []
        for _ in workers:
            person, latencies, versions, logged, conflicts, errors = queue.get(timeout=seconds + 300)
            outcome = Outcome(person, defaultdict(list, latencies), versions, logged, conflicts, errors)
            outcomes.append(outcome)
        for worker in workers:
            worker.join(timeout=30)
        counts = check(book, dbname, outcomes)
    section = (f"team load test: {processes} salespeople (processes, own roles) x {seconds:.0f} s on "
               f"{book.customers:,} customers")
    rows = []
    total = sum(len(v) for o in outcomes for v in o.latencies.values())
    rows.append(Row(section, "throughput, all operations", total / seconds, "ops/s"))
    for kind in OPERATIONS:
        times = [t for o in outcomes for t in o.latencies.get(kind, [])]
        if not times:
            rows.append(Row(section, f"{kind}: none done", 0, "", ok=False))
            continue
        p95 = percentile(times, 0.95) * 1000
        rows.append(Row(section, f"{kind}: p95", p95, "ms", note=f"{len(times) / seconds:,.1f}/s, p50 {percentile(times, 0.5) * 1000:.1f} ms"))
    conflicts = sum(o.conflicts for o in outcomes)
    errors = [e for o in outcomes for e in o.errors]
    rows.append(Row(section, "lost updates", counts["lost updates"], "", target="= 0", ok=counts["lost updates"] == 0,
                    note=f"{counts['writes']:,} versioned saves, {conflicts:,} refused as conflicts"))
    rows.append(Row(section, "duplicate entries", counts["duplicate entries"], "", target="= 0",
                    ok=counts["duplicate entries"] == 0 and counts["entries missing"] == 0,
                    note=f"{counts['entries logged']:,} entries logged, {counts['entries missing']} missing"))
    rows.append(Row(section, "failed operations", len(errors), "", target="= 0", ok=not errors,
                    note=errors[0] if errors else ""))
    return rows


def pg_load_rows(book: Book, copies: int, processes: int, seconds: float) -> list[Row]:
    with server_book(book, copies) as server:
        return run(server, processes, seconds, book.built_on)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_pg_load", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="4 salespeople for 10 s on the 10k book")
    parser.add_argument("--processes", type=int, help="salespeople (default 20)")
    parser.add_argument("--seconds", type=float, help="how long they work (default 60)")
    args = parser.parse_args(argv)
    book = ensure_book(10_000 if args.quick else 100_000, cache_dir=CACHE_DIR)
    rows = pg_load_rows(book, 1 if args.quick else 10, args.processes or (4 if args.quick else 20),
                        args.seconds or (10 if args.quick else 60))
    print(render(rows))
    return 0 if all(row.ok is not False for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
