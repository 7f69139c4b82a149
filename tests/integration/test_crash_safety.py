"""Crash safety: a process killed with SIGKILL in the middle of a write leaves a sound book holding
all of that write or none of it.

For each kind of write (a bulk edit, a delete, an import, a migration, a restore) one helper
process is started. It imports Trade CRM once, then forks a child per kill point: the child opens
a fresh copy of the book, counts the work SQLite does (a progress handler every STEP virtual-machine
instructions; for a restore, each step of the backup API) and kills itself with SIGKILL at count N.
The first, calibrating child runs to the end and reports how many counts the write takes, so the
kill points spread evenly over the whole write. More children start a killer thread when COMMIT
begins and let it fire after a spin of varying length, landing inside the commit's own disk writes.

This test process then opens every book: PRAGMA integrity_check must pass, no foreign key may
dangle, and the whole content (every table, the schema, the search index) must equal exactly the
book before the write or the book after it (for a migration: after any whole step).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
from datetime import datetime, timezone
from pathlib import Path

import pytest

from trade_crm.domain.clock import FixedClock
from trade_crm.store import migrations
from trade_crm.store.db import close_database, open_database

REPO = Path(__file__).resolve().parents[2]
STEP = 40  # SQLite VM instructions between two progress counts
POINTS = 15  # kill points spread over each write, plus one past its end
COMMIT_SPINS = (0, 3_000, 30_000, 300_000, 1_000_000, 3_000_000)  # killer-thread spins after COMMIT starts
NOW = datetime(2026, 11, 23, 1, 30, tzinfo=timezone.utc)
TAG = "crash-test"


def clock() -> FixedClock:
    return FixedClock.at("2026-11-23 09:30", "Asia/Shanghai")


# --- the writes, as run inside a forked child ----------------------------------------------------

def _all_ids(db) -> list[int]:
    return [row[0] for row in db.execute_sql("SELECT id FROM customer ORDER BY id")]


def write_for(scenario: str, db, path: Path, spec: dict):
    """The write to interrupt, prepared (reads done) and returned as a callable."""
    from trade_crm.domain.customers.records import delete_customers, tag_customers

    if scenario == "bulk_edit":
        ids = _all_ids(db)
        return lambda: tag_customers(ids, TAG)
    if scenario == "delete":
        ids = _all_ids(db)[:25]
        return lambda: delete_customers(ids)
    if scenario == "import":
        from trade_crm.exchange.importing.importer import build_plan, commit_import

        plan = build_plan(spec["csv"])
        return lambda: commit_import(plan, clock())
    if scenario == "migration":
        from trade_crm.store.db import upgrade

        if spec.get("target"):
            return lambda: migrations.migrate(db, target=spec["target"])
        return lambda: upgrade(db, path, path.parent / "backups", NOW)
    if scenario == "restore":
        from trade_crm.store.backup import restore_backup

        return lambda: restore_backup(Path(spec["copy"]), path, path.parent / "backups", NOW,
                                      progress=spec["tick"])
    raise ValueError(scenario)


def _kill_after(spins: int) -> None:
    for _ in range(spins):
        pass
    os.kill(os.getpid(), signal.SIGKILL)


def _child(run: dict) -> None:
    """In the forked child: open the copy, arm the kill point, write. Never returns."""
    import trade_crm.store.backup as backup

    path = Path(run["db"])
    backup.RESTORE_STEP_PAGES = 4  # small steps, so a restore has many points to stop at
    db = open_database(path, migrate=run["scenario"] != "migration")
    counts = {"ticks": 0, "commits": 0}
    killers: list[threading.Thread] = []

    def start_killer() -> None:
        killer = threading.Thread(target=_kill_after, args=(run.get("spins", 0),))
        killers.append(killer)
        killer.start()

    def tick(*_args) -> int:
        counts["ticks"] += 1
        if counts["ticks"] == run.get("point"):
            os.kill(os.getpid(), signal.SIGKILL)
        if run.get("mode") == "commit" and run["scenario"] == "restore" and counts["ticks"] == run["at"]:
            start_killer()
        return 0

    def trace(sql: str) -> None:
        if run.get("mode") == "commit" and sql.lstrip().upper().startswith("COMMIT"):
            if counts["commits"] == run.get("commit", 0):
                start_killer()
            counts["commits"] += 1

    connection = db.connection()
    connection.set_progress_handler(tick, STEP)
    connection.set_trace_callback(trace)
    write = write_for(run["scenario"], db, path, {**run, "tick": tick})
    write()
    for killer in killers:
        killer.join()
    Path(str(path) + ".ticks").write_text(str(counts["ticks"]))
    os._exit(0)


def _fork(run: dict) -> dict:
    shutil.copyfile(run["base"], run["db"])
    pid = os.fork()
    if pid == 0:
        try:
            _child(run)
        except BaseException:  # noqa: BLE001 - a failing write must not run the parent's code
            import traceback

            traceback.print_exc()
            os._exit(3)
    _, status = os.waitpid(pid, 0)
    killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    return {**run, "killed": killed, "exit": None if killed else os.waitstatus_to_exitcode(status)}


def child_main() -> None:
    """The helper process: calibrate, then one forked child per kill point; prints the runs as JSON."""
    spec = json.loads(sys.argv[1])
    work, base = Path(spec["work"]), spec["base"]
    common = {k: v for k, v in spec.items() if k not in ("work", "base")}
    done = [_fork({**common, "base": base, "db": str(work / "calibrate.db"), "role": "after"})]
    for target in spec.get("steps", []):
        done.append(_fork({**common, "base": base, "db": str(work / f"step{target}.db"), "target": target,
                           "role": "after"}))
    ticks = int(Path(str(work / "calibrate.db") + ".ticks").read_text())
    points = sorted({max(1, round(ticks * i / (POINTS - 1))) for i in range(POINTS)}) + [ticks + 1]
    runs = [{"point": p, "mode": "progress"} for p in points]
    commits = spec.get("commits", 1)
    runs += [{"mode": "commit", "spins": s, "commit": c, "at": max(1, ticks - 1)}
             for c in range(commits) for s in COMMIT_SPINS]
    for number, run in enumerate(runs):
        done.append(_fork({**common, **run, "base": base, "db": str(work / f"run{number}.db"), "role": "kill"}))
    print(json.dumps({"ticks": ticks, "runs": done}))


# --- building the books and checking them, in this process -------------------------------------

def content(path: Path) -> str:
    """A digest of everything the book holds: schema, every table, the search index's own tables."""
    con = sqlite3.connect(path)
    try:
        digest = hashlib.sha256()
        objects = con.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        digest.update(repr(objects).encode())
        # search_words and search_product_words keep no text to scan; their shadow tables (_data, _idx) are digested
        for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                   "AND name NOT IN ('search_words', 'search_product_words') ORDER BY name").fetchall():
            rows = sorted(repr(row) for row in con.execute(f'SELECT * FROM "{name}"'))
            digest.update(name.encode() + repr(rows).encode())
        return digest.hexdigest()
    finally:
        con.close()


def check_sound(path: Path) -> None:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)], path
        assert con.execute("PRAGMA foreign_key_check").fetchall() == [], path
    finally:
        con.close()


def demo_book(path: Path, customers: int = 40) -> Path:
    from trade_crm.demo.book import load_demo

    db = open_database(path)
    load_demo(clock(), customers=customers, seed=7)
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    close_database(db)
    return path


def v1_book(path: Path, customers: int = 40) -> Path:
    from peewee import SqliteDatabase

    raw = SqliteDatabase(str(path), pragmas={"foreign_keys": 1})
    raw.connect()
    migrations.migrate(raw, target=1)
    stamp = "2025-01-02 03:04:05"
    for n in range(1, customers + 1):
        raw.execute_sql("INSERT INTO customer (id, name, country, city, created_at, updated_at) VALUES "
                        "(?, ?, 'DE', 'Hamburg', ?, ?)", (n, f"Hanse Import {n} GmbH", stamp, stamp))
        raw.execute_sql("INSERT INTO contact (id, customer_id, name, is_primary, created_at, updated_at) "
                        "VALUES (?, ?, ?, 1, ?, ?)", (n, n, f"Buyer {n}", stamp, stamp))
        raw.execute_sql("INSERT INTO contact_channel (contact_id, kind, value) VALUES (?, 'email', ?)",
                        (n, f"buyer{n}@hanse{n}.de"))
    raw.close()
    return path


def import_file(path: Path) -> Path:
    words = ("Alpine", "Baltic", "Coral", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Indigo", "Juniper")
    lines = ["Company,Contact,Email,Country,City"]
    for n in range(30):
        company = f"{words[n % 10]} {words[(n * 3 + 1) % 10]} Trading {n}"
        lines.append(f"{company},Buyer {n},buyer{n}@{words[n % 10].lower()}{n}.example,Germany,Köln")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def prepare(scenario: str, work: Path) -> dict:
    base = work / "base.db"
    spec: dict = {"scenario": scenario, "work": str(work), "base": str(base)}
    if scenario == "migration":
        v1_book(base)
        spec["steps"] = [m.version for m in migrations.MIGRATIONS[1:-1]]  # numbers may skip
        spec["commits"] = len(migrations.MIGRATIONS) - 1
    else:
        demo_book(base)
    if scenario == "import":
        spec["csv"] = str(import_file(work / "fair.csv"))
    if scenario == "restore":
        spec["copy"] = str(demo_book(work / "copy-source.db", customers=12))
    return spec


def run_helper(spec: dict) -> dict:
    done = subprocess.run([sys.executable, "-c", "from tests.integration.test_crash_safety import child_main; child_main()",
                           json.dumps(spec)], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill points fork a child per point")
@pytest.mark.parametrize("scenario", ["bulk_edit", "delete", "import", "migration", "restore"])
def test_sigkill_at_every_kill_point_leaves_a_sound_book_with_all_or_none_of_the_write(tmp_path, scenario):
    spec = prepare(scenario, tmp_path)
    result = run_helper(spec)
    runs = result["runs"]
    for run in runs:
        assert run["exit"] in (None, 0), f"a write failed instead of finishing or being killed: {run}"
    before = content(Path(spec["base"]))
    if scenario == "restore":
        after = [content(Path(spec["copy"]))]
    else:
        after = [content(Path(r["db"])) for r in runs if r["role"] == "after"]
    assert before not in after
    outcomes = {"none": 0, "all": 0}
    kills = [r for r in runs if r["role"] == "kill"]
    for run in kills:
        path = Path(run["db"])
        check_sound(path)
        state = content(path)
        assert state == before or state in after, f"half a write survived a kill: {run}"
        outcomes["none" if state == before else "all"] += 1
        if scenario == "migration":  # the next start finishes the upgrade
            db = open_database(path)
            assert migrations.current_version(db) == migrations.LATEST_VERSION
            close_database(db)
    killed = sum(r["killed"] for r in kills)
    assert killed >= POINTS  # every point inside the write, and the commit-time ones, really killed
    assert outcomes["none"] and outcomes["all"], outcomes
    print(f"\n{scenario}: {len(kills)} kill points ({killed} SIGKILLs) over {result['ticks']} counts; "
          f"{outcomes['none']} none, {outcomes['all']} all")
