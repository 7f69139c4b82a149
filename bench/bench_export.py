"""The export figures: rows/s and peak memory of the Excel export, next to a plain write of the same rows.

`bench_export(db_path, tmp_dir)` returns (label, value) pairs; `export_rows(book_path)` the same as
report rows (bench/report.py) for `python -m bench`. Run alone: `python -m bench.bench_export [--quick]`.

Each figure runs in a fresh child process, so its peak memory (ru_maxrss) is its own:
Export and plain write take turns twice and each keeps its fastest run.
- export: `export_workbook` of every customer, Customers sheet only (the 100k x 26 case), from the
  store to the renamed file: queries, local times, formula-safe typed cells, widths, filter.
- plain write: the same rows, read into a list first (untimed), written with XlsxWriter's
  constant-memory `write_row` and nothing else. The target is export <= 1.2 x this.
- full book: all four sheets for the first 10,000 customers (contacts, timeline and orders too).
The book is only read, never changed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import date, timezone
from pathlib import Path

TARGET_RATIO = 1.2
FULL_BOOK_CUSTOMERS = 10_000
_REPO = Path(__file__).resolve().parents[1]


def _peak_mb() -> float | None:
    """This process's peak resident memory. Linux keeps ru_maxrss across exec (a child would report its
    parent's peak), so read VmHWM there, which starts afresh with the new program."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def _child(mode: str, db_path: str, out: str) -> dict:
    """Runs inside the child process; prints one JSON document."""
    from trade_crm.exchange.exporting.columns import SHEETS
    from trade_crm.exchange.exporting.workbook import customer_ids, export_workbook
    from trade_crm.store.db import close_database, open_database

    db = open_database(db_path, migrate=False)
    try:
        ids = customer_ids(None, today=date.today())
        start_mb = _peak_mb()
        if mode == "plain":
            (seconds, cpu), rows = _plain_write(out, ids)
        else:
            ids = ids[:FULL_BOOK_CUSTOMERS] if mode == "full" else ids
            sheets = ("customers",) if mode == "export" else SHEETS
            start, start_cpu = time.perf_counter(), time.process_time()
            result = export_workbook(out, ids, sheets=sheets, zone=timezone.utc)
            seconds, cpu = time.perf_counter() - start, time.process_time() - start_cpu
            rows = sum(result.rows.values())
    finally:
        close_database(db)
    return {"seconds": seconds, "cpu": cpu, "rows": rows, "customers": len(ids), "peak_mb": _peak_mb(),
            "start_mb": start_mb, "bytes": Path(out).stat().st_size}


def _plain_write(out: str, ids: list[int]) -> tuple[tuple[float, float], int]:
    import xlsxwriter

    from trade_crm.exchange.exporting.columns import RowReader, headers

    reader = RowReader(("customers",), "en", timezone.utc)
    rows = [row for start in range(0, len(ids), 1000) for row in reader.rows(ids[start:start + 1000])["customers"]]
    start, start_cpu = time.perf_counter(), time.process_time()
    book = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_formulas": False,
                                     "strings_to_numbers": False, "strings_to_urls": False,
                                     "default_date_format": "yyyy-mm-dd"})
    sheet = book.add_worksheet("Customers")
    sheet.write_row(0, 0, headers("customers"))
    for number, row in enumerate(rows, start=1):
        sheet.write_row(number, 0, row)
    book.close()
    return (time.perf_counter() - start, time.process_time() - start_cpu), len(rows)


def _run_child(mode: str, db_path: Path, tmp_dir: Path) -> dict:
    out = tmp_dir / f"bench-{mode}.xlsx"
    done = subprocess.run([sys.executable, "-m", "bench.bench_export", "--child", mode, str(db_path), str(out)],
                          cwd=_REPO, capture_output=True, text=True, check=True)
    out.unlink(missing_ok=True)
    return json.loads(done.stdout)


def measure(db_path: str | Path, tmp_dir: str | Path, rounds: int = 2) -> dict[str, dict]:
    """Export and plain write take turns `rounds` times; each keeps its fastest run (the least disturbed
    by whatever else the machine was doing), with its own CPU time beside it."""
    tmp_dir = Path(tmp_dir)
    runs: dict[str, list[dict]] = {"export": [], "plain": []}
    for _ in range(rounds):
        for mode in runs:
            runs[mode].append(_run_child(mode, Path(db_path), tmp_dir))
    best = {mode: min(found, key=lambda f: f["seconds"]) for mode, found in runs.items()}
    best["full"] = _run_child("full", Path(db_path), tmp_dir)
    return best


def bench_export(db_path: str | Path, tmp_dir: str | Path) -> list[tuple[str, float | str]]:
    """(label, value) pairs: rows/s, seconds and peak memory of the export and of the plain write."""
    f = measure(db_path, tmp_dir)
    export, plain, full = f["export"], f["plain"], f["full"]
    ratio = export["seconds"] / plain["seconds"]
    return [
        (f"export {export['customers']:,} customers, Customers sheet: rows/s", export["rows"] / export["seconds"]),
        ("export: seconds", export["seconds"]),
        ("plain write of the same rows (XlsxWriter constant_memory): rows/s", plain["rows"] / plain["seconds"]),
        ("plain write: seconds", plain["seconds"]),
        (f"export time / plain write time (target <= {TARGET_RATIO})", ratio),
        ("export CPU time / plain write CPU time", export["cpu"] / plain["cpu"]),
        ("export: peak memory MB (whole process)", export["peak_mb"]),
        ("export: memory MB added after opening the book", export["peak_mb"] - export["start_mb"]),
        ("plain write: peak memory MB (all rows held in a list)", plain["peak_mb"]),
        (f"all four sheets, first {full['customers']:,} customers: rows/s", full["rows"] / full["seconds"]),
        ("all four sheets: rows, seconds, peak MB",
         f"{full['rows']:,} rows, {full['seconds']:.1f} s, {full['peak_mb']:.0f} MB"),
    ]


def export_rows(book: Path, tmp_dir: Path | None = None) -> list:
    """Report rows for bench/__main__.py (section "export")."""
    from bench.report import Row

    with tempfile.TemporaryDirectory(dir=tmp_dir) as tmp:
        f = measure(book, tmp)
    export, plain, full = f["export"], f["plain"], f["full"]
    ratio = export["seconds"] / plain["seconds"]
    section = f"export to .xlsx (x base: plain XlsxWriter write of the same {export['rows']:,} rows x 26 columns)"
    return [
        Row(section, "plain write_row, constant_memory (base)", plain["rows"] / plain["seconds"], "rows/s", ratio=1.0,
            note=f"{plain['seconds']:.1f} s; peak {plain['peak_mb']:.0f} MB with the rows held in a list"),
        Row(section, "export: store -> safe typed cells -> renamed file", export["rows"] / export["seconds"], "rows/s",
            ratio=ratio, target=f"<= {TARGET_RATIO}x base time", ok=ratio <= TARGET_RATIO,
            note=f"{export['seconds']:.1f} s; CPU time {export['cpu'] / plain['cpu']:.2f}x; "
                 f"{export['bytes'] / 1e6:.1f} MB file"),
        Row(section, "export: peak memory, whole process", export["peak_mb"], "MB",
            note=f"{export['peak_mb'] - export['start_mb']:.0f} MB more than after opening the book"),
        Row(section, f"all four sheets, first {full['customers']:,} customers", full["rows"] / full["seconds"], "rows/s",
            note=f"{full['rows']:,} rows in {full['seconds']:.1f} s, peak {full['peak_mb']:.0f} MB"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 10,000-customer book instead of 100,000")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "DB", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(*args.child)))
        return
    from bench.book import ensure_book

    book = ensure_book(10_000 if args.quick else 100_000)
    with tempfile.TemporaryDirectory() as tmp:
        for label, value in bench_export(book.path, tmp):
            print(f"  {label:<72} {value:,.2f}" if isinstance(value, float) else f"  {label:<72} {value}")


if __name__ == "__main__":
    main()
