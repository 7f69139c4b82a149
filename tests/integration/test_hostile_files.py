"""Hundreds of hostile import files (tests/integration/hostile_cases.py), each imported by the real CLI in a
forked child with a memory limit: no crash, no hang, no traceback, no more than 500 MB; exit 2 with one
line and the book unchanged, or a correct import.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.hostile_cases import all_cases

REPO = Path(__file__).resolve().parents[2]
CASES = all_cases()
PEAK_MB = 500

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="forks a child per case (POSIX)")


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    work = tmp_path_factory.mktemp("hostile")
    listed = []
    for case in CASES:
        folder = work / case.id
        folder.mkdir()
        path = folder / case.name
        path.write_bytes(case.build())
        listed.append({"id": case.id, "path": str(path)})
    env = {**os.environ, "PYTHONPATH": str(REPO), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    env.pop("TRADE_CRM_DB", None)
    # One worker per core, each with its share of the cases (its own folder): the cases are independent.
    shares = max(1, min(4, os.cpu_count() or 1))
    workers = []
    for share in range(shares):
        folder = work / f"worker-{share}"
        folder.mkdir()
        (folder / "cases.json").write_text(json.dumps(listed[share::shares]))
        workers.append(subprocess.Popen(
            [sys.executable, "-m", "tests.integration.hostile_worker", str(folder / "cases.json"),
             str(folder / "results.json")], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    results = {}
    for share, worker in enumerate(workers):
        _, stderr = worker.communicate(timeout=600)
        assert worker.returncode == 0, stderr[-3000:]
        results.update(json.loads((work / f"worker-{share}" / "results.json").read_text()))
    return results


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_hostile_file_is_refused_in_one_line_or_imported(results, case):
    result = results[case.id]
    assert result["signal"] == 0, f"killed by signal {result['signal']}: {result['fd2'][-500:]}"
    assert result["code"] in (0, 2), result
    assert "Traceback" not in result["err"] + result["fd2"], result
    assert result["peak_mb"] <= PEAK_MB
    book, expect = result["book"], case.expect
    if result["code"] == 2:
        assert result["err"].count("\n") == 1 and result["err"].startswith("trade-crm: error: ")
        if result["out"]:  # read, but nothing in it can be imported: the report accounts for its rows, no batch
            report = json.loads(result["out"])
            assert report["batch"] is None and report["created"] + report["merged"] == 0
            assert "nothing can be imported" in result["err"] and sum(report["row_outcomes"].values()) == report["rows"]
        assert case.name in result["err"], result["err"]
        assert book == {"customers": 1, "names": ["Existing Customer Ltd"], "batches": 0}  # untouched
        assert expect[0] in ("refuse", "either"), result["err"]
        if expect[0] == "refuse" and expect[1]:
            assert expect[1] in result["err"]
        return
    report = json.loads(result["out"])
    assert expect[0] in ("import", "either"), report
    assert book["batches"] == 1 and book["customers"] == 1 + report["created"]
    assert report["rows"] == report["created"] + report["merged"] + report["skipped"] + report["rows_not_imported"] \
        or report["rows"] >= report["created"]
    if expect[0] == "import":
        assert report["created"] == expect[1], report
        for name in expect[2] if len(expect) > 2 else ():
            assert name in book["names"], (name, book["names"])
