"""The team load test (#18): salespeople in separate processes against the server book, bounded in time.

Each simulated salesperson is a process logged in as a real salesperson of the team (a login in group
`trade_crm_sales`; `managers` of them also in `trade_crm_managers`, as `trade-crm team add-person` makes
them), under the server's row-level security and audit (server step 11, store/pg_access.py). At the start,
as the administrator, the copy of the book gets its owners: every person owns an equal share of the
customers (customer id modulo the number of people), one in 23 is in the public pool, and the first
HOT_CUSTOMERS are key accounts shared with everyone, so two people do save one at once.

For `seconds` each picks operations at random, as a working day mixes them, all through the domain: search
(one of the bench's 20 queries, by name or newest contact first), open a customer it may see (its record
and timeline), log a timeline entry (`log_interaction`, on its own or a shared customer), edit a customer
(`update_customer(..., version=...)`: the version it read; an EditConflict is a refused save, counted),
and, for managers only, hand a key account over to another person (`hand_over`, from
trade_crm.domain.team.handover; until that lands on main, the same write here: the owner moved only if it
is still the one read, and the timeline entry, in one transaction).

At the end, from `audit_entry` (the triggers of step 11 write one row per changed row, under the login):
every save a process reports (customer, version it wrote) is there exactly once as an update whose after-
version is that version, and no two updates set the same (customer, version); every reported handover is
there once as an owner change by that manager; every logged entry (a unique marker in its summary) is
inserted exactly once (audit and timeline rows both). Anything missing is a lost update, anything twice a
duplicate. The book is a copy of the kept server book (bench/pg_cache.py), dropped afterwards.

    .venv/bin/python -m bench.bench_pg_load [--quick] [--processes 20] [--seconds 60]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from bench.book import CACHE_DIR, Book, ensure_book
from bench.cases import percentile, search_queries
from bench.pg_cache import ServerBook, clone, server_book
from bench.report import Row, render
from trade_crm.store.pg_access import MANAGERS, SALES

LOAD_DB = "bench_load"
HOT_CUSTOMERS = 50  # key accounts shared with everyone: two people do save one at once
POOL_EVERY = 23  # one customer in 23 is in the public pool (owner NULL)
SALES_DAY = {"search": 40, "open": 25, "log": 20, "edit": 15}  # weights of a salesperson's mix
MANAGER_DAY = {**SALES_DAY, "hand over": 15}  # a manager's: handovers too (under RLS only managers hand over)
OPERATIONS = ("search", "search, newest contact first", "open", "log", "edit", "hand over")  # "search": by name
MARKER = r"\((load [^)]*)\)$"  # the unique marker ending every summary the test writes


@dataclass
class Outcome:
    """What one person did: latencies per operation, the writes that succeeded, refused saves, failures."""

    person: str
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    saves: list[tuple[int, int]] = field(default_factory=list)  # (customer, version written)
    handovers: list[tuple[int, str]] = field(default_factory=list)  # (customer, to whom)
    logged: list[str] = field(default_factory=list)  # the markers of the entries written
    conflicts: int = 0  # saves refused by EditConflict, handovers of a customer someone moved first
    errors: list[str] = field(default_factory=list)
    domain_handover: bool = False  # the handovers went through domain/team/handover.py


def managers_of(people: int) -> int:
    return max(1, people // 10)


def role(index: int, people: int) -> str:
    return f"load_mgr{index + 1:02d}" if index < managers_of(people) else f"load_sales{index + 1:02d}"


def password(name: str) -> str:
    return f"{name}-secret"


def prepare(book: ServerBook, dbname: str, people: int) -> tuple[int, int]:
    """The people's logins; owners, pool and shared key accounts set as the administrator (no triggers: the
    set-up is no one's edit). Returns the audit's and the timeline's last ids before the run."""
    names = [role(i, people) for i in range(people)]
    for i, name in enumerate(names):
        groups = f"{SALES}, {MANAGERS}" if i < managers_of(people) else SALES
        book.server.execute(f"DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') THEN "
                            f"CREATE ROLE {name} LOGIN PASSWORD '{password(name)}'; END IF; END$$")
        book.server.execute(f"GRANT {groups} TO {name}")
    with book.server.admin(dbname) as conn:
        conn.execute("SET session_replication_role = replica")
        conn.execute("UPDATE customer SET owner = CASE WHEN id %% %s = 0 AND id > %s THEN NULL "
                     "ELSE (%s::text[])[(id - 1) %% %s + 1] END", (POOL_EVERY, HOT_CUSTOMERS, names, people))
        conn.execute("DELETE FROM customer_share")
        conn.execute("INSERT INTO customer_share (customer_id, person) SELECT c, p FROM generate_series(1, %s) c, "
                     "unnest(%s::text[]) p", (HOT_CUSTOMERS, names))
        conn.execute("SET session_replication_role = DEFAULT")
        conn.execute("ANALYZE customer")
        audit = conn.execute("SELECT coalesce(max(id), 0) FROM audit_entry").fetchone()[0]
        entries = conn.execute("SELECT coalesce(max(id), 0) FROM interaction").fetchone()[0]
    return audit, entries


def salesperson(index: int, people: int, url: str, customers: int, today: date, seconds: float,
                ready, go, queue) -> None:
    """One process: its own login and connection, then operations for `seconds` once everyone is `ready`."""
    # lazy: each process imports the app's modules itself, after the spawn
    from trade_crm.domain.clock import SystemClock
    from trade_crm.domain.customers.query import CustomerFilter, search_customers
    from trade_crm.domain.customers.records import get_customer, update_customer
    from trade_crm.domain.customers.timeline import log_interaction, timeline
    from trade_crm.domain.errors import DomainError, EditConflict
    from trade_crm.store.postgres import open_postgres

    try:  # lazy: the domain's handover (branch `handover`); until it is merged, the same write below
        from trade_crm.domain.team.handover import hand_over
    except ImportError:
        hand_over = None

    person = role(index, people)
    outcome = Outcome(person, domain_handover=hand_over is not None)
    rng = random.Random(index)
    db = open_postgres(url, password=password(person))
    clock = SystemClock()
    queries = [text for text, _ in search_queries(today)]
    day = MANAGER_DAY if index < managers_of(people) else SALES_DAY
    kinds, weights = list(day), list(day.values())
    counter = 0

    def marker() -> str:
        nonlocal counter
        counter += 1
        return f"load {person}:{counter}"

    def own() -> int:
        while True:
            cid = people * rng.randrange(customers // people) + index + 1
            if HOT_CUSTOMERS < cid <= customers and cid % POOL_EVERY:
                return cid

    def pool() -> int:
        return POOL_EVERY * rng.randint(HOT_CUSTOMERS // POOL_EVERY + 1, customers // POOL_EVERY)

    def hot() -> int:
        return rng.randint(1, HOT_CUSTOMERS)

    def handover(cid: int) -> bool:
        """Give key account `cid` to someone else than its owner as read; False when someone moved it first."""
        (owner,) = db.execute_sql("SELECT owner FROM customer WHERE id = ?", (cid,)).fetchone()
        to = rng.choice([role(i, people) for i in range(people) if role(i, people) != owner])
        mark = marker()
        by = f"{person} ({mark})"
        if hand_over is not None:
            try:
                hand_over(db, owner, to, customer_ids=[cid], by=by, now=clock.now())
            except DomainError as refusal:
                if "not customers of" in str(refusal):
                    return False
                raise
        else:
            with db.atomic():
                moved = db.execute_sql("UPDATE customer SET owner = ?, version = version + 1 WHERE id = ? "
                                       "AND owner = ? RETURNING id", (to, cid, owner)).fetchone()
                if moved is None:
                    return False
                log_interaction(cid, "note", f"Handed over from {owner} to {to} by {by}", clock)
        outcome.handovers.append((cid, to))
        outcome.logged.append(mark)
        return True

    get_customer(own())  # connected and warm, as a salesperson whose app is open
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
                    kind = "search, newest contact first"
                    search_customers(CustomerFilter(text=text), today=today, sort="last_contact", descending=True)
            elif kind == "open":
                cid = rng.choices([own, pool, hot], [60, 25, 15])[0]()
                get_customer(cid)
                timeline(cid, limit=50)
            elif kind == "log":
                mark = marker()
                log_interaction(own() if rng.random() < 0.8 else hot(), "call", f"called back ({mark})", clock)
                outcome.logged.append(mark)
            elif kind == "edit":
                cid = own() if rng.random() < 0.5 else hot()
                read = get_customer(cid)
                time.sleep(rng.uniform(0, 0.002))  # the person's think time between opening and saving, shortened
                try:
                    version = update_customer(cid, clock, version=read.version,
                                              city=f"City {person}-{counter}-{rng.randint(0, 10**9)}")
                except EditConflict:
                    outcome.conflicts += 1
                else:
                    outcome.saves.append((cid, version))
            elif not handover(hot()):
                outcome.conflicts += 1
        except Exception as error:  # noqa: BLE001 - counted and reported: a load test's failures are its result
            outcome.errors.append(f"{kind}: {type(error).__name__}: {error}"[:300])
            continue
        outcome.latencies[kind].append(time.perf_counter() - started)
    db.close()
    queue.put((outcome.person, dict(outcome.latencies), outcome.saves, outcome.handovers, outcome.logged,
               outcome.conflicts, outcome.errors, outcome.domain_handover))


def check(book: ServerBook, dbname: str, outcomes: list[Outcome], since: tuple[int, int]) -> dict[str, int]:
    """Lost updates and duplicates, counted from the audit trail against what the people report."""
    audit_from, entries_from = since
    saves = Counter(save for o in outcomes for save in o.saves)
    handovers = Counter((cid, o.person, to) for o in outcomes for cid, to in o.handovers)
    markers = Counter(m for o in outcomes for m in o.logged)
    with book.server.admin(dbname) as conn:
        versions = Counter({(cid, int(v)): n for cid, v, n in conn.execute(
            "SELECT row_id, after::jsonb ->> 'version', count(*) FROM audit_entry WHERE id > %s AND tbl = 'customer' "
            "AND action = 'update' AND after::jsonb ? 'version' GROUP BY 1, 2", (audit_from,))})
        moves = Counter({(cid, actor, to): n for cid, actor, to, n in conn.execute(
            "SELECT row_id, actor, after::jsonb ->> 'owner', count(*) FROM audit_entry WHERE id > %s "
            "AND tbl = 'customer' AND action = 'update' AND after::jsonb ? 'owner' GROUP BY 1, 2, 3", (audit_from,))})
        audited = Counter(dict(conn.execute(
            "SELECT substring(after::jsonb ->> 'summary' FROM %s), count(*) FROM audit_entry WHERE id > %s "
            "AND tbl = 'interaction' AND action = 'insert' GROUP BY 1", (MARKER, audit_from)).fetchall()))
        rows = Counter(dict(conn.execute(
            "SELECT substring(summary FROM %s), count(*) FROM interaction WHERE id > %s GROUP BY 1",
            (MARKER, entries_from)).fetchall()))
    audited.pop(None, None)
    rows.pop(None, None)
    lost = sum(1 for save in saves if versions[save] == 0) + sum(
        max(0, n - moves[move]) for move, n in handovers.items())
    duplicates = (sum(n - 1 for n in versions.values() if n > 1) + sum(n - 1 for n in saves.values() if n > 1)
                  + sum(max(0, n - handovers[move]) for move, n in moves.items()))
    missing = sum(1 for m in markers if not audited[m] or not rows[m])
    duplicate_entries = (sum(n - 1 for n in audited.values() if n > 1) + sum(n - 1 for n in rows.values() if n > 1)
                         + sum(n - 1 for n in markers.values() if n > 1)
                         + sum(1 for m in audited if m not in markers))
    return {"saves": sum(saves.values()), "handovers": sum(handovers.values()), "lost updates": lost,
            "duplicate updates": duplicates, "entries logged": len(markers), "entries missing": missing,
            "duplicate entries": duplicate_entries}


def run(book: ServerBook, processes: int, seconds: float, today: date) -> list[Row]:
    with clone(book, LOAD_DB) as dbname:
        since = prepare(book, dbname, processes)
        context = multiprocessing.get_context("spawn")
        queue, ready, go = context.Queue(), context.Queue(), context.Event()
        workers = [context.Process(target=salesperson, args=(
            i, processes, book.server.url(role(i, processes), dbname), book.customers, today, seconds,
            ready, go, queue)) for i in range(processes)]
        for worker in workers:
            worker.start()
        for _ in workers:  # every process started and connected before the clock starts
            ready.get(timeout=300)
        load_before = os.getloadavg()
        go.set()
        outcomes = []
        for _ in workers:
            person, latencies, saves, handovers, logged, conflicts, errors, domain = queue.get(timeout=seconds + 300)
            outcomes.append(Outcome(person, defaultdict(list, latencies), saves, handovers, logged, conflicts, errors,
                                    domain))
        load_after = os.getloadavg()
        for worker in workers:
            worker.join(timeout=30)
        counts = check(book, dbname, outcomes, since)
    managers = managers_of(processes)
    section = (f"team load test: {processes} people ({managers} managers; own logins, row-level security) "
               f"x {seconds:.0f} s on {book.customers:,} customers")
    rows = []
    total = sum(len(v) for o in outcomes for v in o.latencies.values())
    rows.append(Row(section, "throughput, all operations", total / seconds, "ops/s",
                    note=f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after "
                         f"({os.cpu_count()} cores)"))
    for kind in OPERATIONS:
        times = [t for o in outcomes for t in o.latencies.get(kind, [])]
        if not times:
            rows.append(Row(section, f"{kind}: none done", 0, "", ok=False))
            continue
        p95 = percentile(times, 0.95) * 1000
        how = ""
        if kind == "hand over":
            how = "; domain hand_over" if all(o.domain_handover for o in outcomes) else "; the bench's own write"
        label = "search by name" if kind == "search" else kind
        rows.append(Row(section, f"{label}: p95", p95, "ms",
                        note=f"{len(times) / seconds:,.1f}/s, p50 {percentile(times, 0.5) * 1000:.1f} ms{how}"))
    conflicts = sum(o.conflicts for o in outcomes)
    errors = [e for o in outcomes for e in o.errors]
    rows.append(Row(section, "lost updates (audit)", counts["lost updates"], "", target="= 0",
                    ok=counts["lost updates"] == 0 and counts["duplicate updates"] == 0,
                    note=f"{counts['saves']:,} versioned saves, {counts['handovers']:,} handovers, {conflicts:,} "
                         f"refused as conflicts; {counts['duplicate updates']} updates twice"))
    rows.append(Row(section, "duplicate entries (audit)", counts["duplicate entries"], "", target="= 0",
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
    parser.add_argument("--quick", action="store_true", help="4 people for 10 s on the 10k book")
    parser.add_argument("--processes", type=int, help="people (default 20)")
    parser.add_argument("--seconds", type=float, help="how long they work (default 60)")
    args = parser.parse_args(argv)
    book = ensure_book(10_000 if args.quick else 100_000, cache_dir=CACHE_DIR)
    rows = pg_load_rows(book, 1 if args.quick else 10, args.processes or (4 if args.quick else 20),
                        args.seconds or (10 if args.quick else 60))
    print(render(rows))
    return 0 if all(row.ok is not False for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
