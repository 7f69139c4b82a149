"""Runs hostile import cases: one clean process that imports the app once, then forks a child per case.

A child has an address-space limit (RLIMIT_AS) and an alarm, runs `trade-crm import FILE --json` into
its own copy of a one-customer book, and reports its exit code and output through a pipe; the parent
reads the child's peak memory from wait4 and what the book holds afterwards.

    python -m tests.integration.hostile_worker CASES.json RESULTS.json
"""

from __future__ import annotations

import io
import json
import os
import resource
import shutil
import signal
import sqlite3
import sys
import time
import traceback
from pathlib import Path

# Everything an import uses is loaded once, here, so that each forked child starts in milliseconds.
import python_calamine  # noqa: F401

import trade_crm.exchange.encrypted_copy  # noqa: F401
import trade_crm.exchange.importing.book.rows  # noqa: F401
import trade_crm.exchange.importing.commit  # noqa: F401
import trade_crm.exchange.importing.error_report  # noqa: F401
import trade_crm.exchange.importing.grouping  # noqa: F401
import trade_crm.exchange.importing.importer  # noqa: F401
from trade_crm.cli.parser import run

ADDRESS_LIMIT = 2 * 1024**3  # far below what the 512 GiB allocations asked for, far above a real import
TIMEOUT_SECONDS = 30


def _child(path: str, db: str, write_fd: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_LIMIT, ADDRESS_LIMIT))
    signal.alarm(TIMEOUT_SECONDS)
    err_file = os.open(os.path.join(os.path.dirname(db), "fd2.txt"), os.O_WRONLY | os.O_CREAT)
    os.dup2(err_file, 2)  # whatever a native library prints goes to a file the test reads
    out, err = io.StringIO(), io.StringIO()
    try:
        code = run(["import", path, "--db", db, "--json"], stdout=out, stderr=err)
    except BaseException:  # noqa: B036 - the test must see it, whatever it is
        code, err = -1, io.StringIO(traceback.format_exc())
    payload = json.dumps({"code": code, "out": out.getvalue()[:4_000_000], "err": err.getvalue()[-4000:]}).encode()
    view = memoryview(payload)
    while view:
        view = view[os.write(write_fd, view):]
    os._exit(0)


def _book(db: Path) -> dict:
    with sqlite3.connect(db) as connection:
        names = [row[0] for row in connection.execute("SELECT name FROM customer ORDER BY id")]
        batches = connection.execute("SELECT count(*) FROM import_batch").fetchone()[0]
    return {"customers": len(names), "names": names[:50], "batches": batches}


def _warm_up(work: Path, template: Path) -> None:
    """One ordinary import here, before any fork: what the import path builds on first use (the country and
    phone tables, the parser, the header synonyms) is then built once, not once per child (~0.1 s a case)."""
    listing = work / "warm-up.csv"
    listing.write_text("Company,Contact,Country,Email,Phone\nWarm Up GmbH,Max Muster,Germany,max@warm-up.de,"
                       "+49 30 1234567\n", encoding="utf-8")
    book = work / "warm-up.db"
    shutil.copy(template, book)
    run(["import", str(listing), "--db", str(book), "--json"], stdout=io.StringIO(), stderr=io.StringIO())
    book.unlink()


def main(cases_file: str, results_file: str) -> None:
    work = Path(cases_file).parent
    template = work / "template.db"
    run(["customer", "add", "--db", str(template), "--name", "Existing Customer Ltd", "--email", "old@existing.com"],
        stdout=io.StringIO(), stderr=io.StringIO())
    _warm_up(work, template)
    results = {}
    for case in json.loads(Path(cases_file).read_text()):
        folder = work / f"run-{case['id']}"
        folder.mkdir()
        db = folder / "book.db"
        shutil.copy(template, db)
        started = time.perf_counter()
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            _child(case["path"], str(db), write_fd)
        os.close(write_fd)
        chunks = []
        while chunk := os.read(read_fd, 65536):
            chunks.append(chunk)
        os.close(read_fd)
        _, status, usage = os.wait4(pid, 0)
        raw = b"".join(chunks)
        result = json.loads(raw) if raw else {"code": None, "out": "", "err": ""}
        result.update(seconds=round(time.perf_counter() - started, 3), signal=os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0,
                      peak_mb=usage.ru_maxrss / 1024, fd2=(folder / "fd2.txt").read_text("utf-8", "replace")[-2000:],
                      book=_book(db))
        results[case["id"]] = result
        shutil.rmtree(folder, ignore_errors=True)
    Path(results_file).write_text(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
