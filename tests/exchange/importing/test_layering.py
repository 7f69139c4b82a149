"""The import engine imports downward only: nobody imports its facade, nothing hides inside a function,
every module stays small. Cycles and private names are checked for the whole package by
tests/test_architecture.py, whose source reader (ast) this reuses."""

from __future__ import annotations

from pathlib import Path

import trade_crm
from tests.test_architecture import import_graph, imports_of, load_modules

ROOT = Path(trade_crm.__file__).resolve().parent
ENGINE = "trade_crm.exchange.importing"
FACADE = f"{ENGINE}.importer"


def test_no_module_of_the_import_engine_imports_its_facade():
    graph = import_graph(load_modules())
    assert {name for name, targets in graph.items() if name.startswith(ENGINE) and FACADE in targets} == set()


def test_the_import_engine_imports_nothing_inside_a_function():
    engine = [m for name, m in load_modules().items() if name.startswith(ENGINE)]
    assert [(imp.importer, imp.target) for m in engine for imp in imports_of(m) if imp.in_function] == []


def test_every_module_of_the_import_engine_stays_small():
    folder = ROOT / "exchange" / "importing"
    sizes = {p.relative_to(folder).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
             for p in folder.rglob("*.py")}
    assert {name: lines for name, lines in sizes.items() if lines > 350} == {}
