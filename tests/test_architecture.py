"""House rules about imports that import-linter's contracts (`make lint`) do not cover, checked on the
source with `ast`: no import cycle between modules, no `_private` name taken from another module, and no
import inside a function unless it is there for start-up speed and says so.

The convention for a deferred import: a comment containing the word "lazy" on the import's own line(s),
or on the line just above it or above the run of import statements it belongs to, e.g.

    def open_rates(self):
        from trade_crm.ui.insights.rates_dialog import RatesDialog  # lazy: start-up, loaded when first opened
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

import trade_crm

ROOT = Path(trade_crm.__file__).parent

@dataclass(frozen=True)
class Module:
    name: str
    path: Path
    is_package: bool
    tree: ast.Module
    lines: list[str]


@dataclass(frozen=True)
class Import:
    importer: str
    target: str  # the module imported from (`from target import names`, `import target`)
    names: tuple[str, ...]  # for `from ... import`; () for `import`
    node: ast.Import | ast.ImportFrom
    in_function: bool
    type_checking: bool


def load_modules(root: Path = ROOT, package: str = "trade_crm") -> dict[str, Module]:
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = [package, *path.relative_to(root).with_suffix("").parts]
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        text = path.read_text(encoding="utf-8")
        modules[name] = Module(name, path, is_package, ast.parse(text, str(path)), text.splitlines())
    return modules


def _absolute(module: Module, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.name.split(".")
    if not module.is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports_of(module: Module) -> list[Import]:
    found: list[Import] = []

    def visit(node: ast.AST, in_function: bool, type_checking: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                found.extend(Import(module.name, alias.name, (), child, in_function, type_checking)
                             for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                names = tuple(alias.name for alias in child.names)
                found.append(Import(module.name, _absolute(module, child), names, child, in_function, type_checking))
            elif isinstance(child, ast.If) and _is_type_checking(child.test):
                for statement in child.body:
                    visit(ast.Module(body=[statement], type_ignores=[]), in_function, True)
                for statement in child.orelse:
                    visit(ast.Module(body=[statement], type_ignores=[]), in_function, type_checking)
            else:
                function = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
                visit(child, in_function or function, type_checking)

    visit(module.tree, False, False)
    return found


def _in_project(target: str, modules: dict[str, Module]) -> bool:
    return target.split(".")[0] in {name.split(".")[0] for name in modules}


def import_graph(modules: dict[str, Module]) -> dict[str, set[str]]:
    """importer -> the project modules it imports at run time (`from pkg import mod` counts as pkg.mod)."""
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for module in modules.values():
        for imp in imports_of(module):
            if imp.type_checking or not _in_project(imp.target, modules):
                continue
            targets = {f"{imp.target}.{n}" for n in imp.names if f"{imp.target}.{n}" in modules}
            if len(targets) < len(imp.names) or not imp.names:  # names that are not modules: the module itself
                targets.add(imp.target)
            graph[module.name] |= {t for t in targets if t in modules and t != module.name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def private_imports(modules: dict[str, Module]) -> set[tuple[str, str]]:
    """(importer, module._name) for each `_private` name one module takes from another."""
    found = set()
    for module in modules.values():
        bound: dict[str, str] = {}  # local name -> project module it stands for
        for imp in imports_of(module):
            if not _in_project(imp.target, modules):
                continue
            if isinstance(imp.node, ast.ImportFrom):
                for alias in imp.node.names:
                    full = f"{imp.target}.{alias.name}"
                    if full in modules:
                        bound[alias.asname or alias.name] = full
                    elif alias.name.startswith("_") and not alias.name.startswith("__") \
                            and imp.target != module.name:
                        found.add((module.name, full))
            else:
                for alias in imp.node.names:
                    if alias.asname:
                        bound[alias.asname] = alias.name
        for node in ast.walk(module.tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                    and node.value.id in bound and node.attr.startswith("_") and not node.attr.startswith("__"):
                found.add((module.name, f"{bound[node.value.id]}.{node.attr}"))
        for node in ast.walk(module.tree):  # import trade_crm.x.y; trade_crm.x.y._name
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
                dotted = _dotted(node.value)
                if dotted in modules and dotted != module.name:
                    found.add((module.name, f"{dotted}.{node.attr}"))
    return found


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        head = _dotted(node.value)
        return f"{head}.{node.attr}" if head else None
    return None


def undeclared_deferred_imports(modules: dict[str, Module]) -> set[tuple[str, str]]:
    """(importer, target) for each import of a project module inside a function with no "lazy" comment."""
    found = set()
    for module in modules.values():
        deferred = {id(imp.node): imp for imp in imports_of(module) if imp.in_function and not imp.type_checking}
        for statement, run_start in _import_runs(module.tree):
            for imp in [i for i in deferred.values() if i.node is statement]:
                if not _in_project(imp.target, modules):
                    continue
                around = module.lines[max(run_start - 2, 0): statement.end_lineno]
                if not any("#" in line and "lazy" in line.split("#", 1)[1].lower() for line in around):
                    found.add((module.name, imp.target))
    return found


def _import_runs(tree: ast.AST):
    """Each import statement with the first line of the run of consecutive import statements it is in."""
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            statements = getattr(node, field, None)
            if not isinstance(statements, list):
                continue
            run_start = None
            for statement in statements:
                if isinstance(statement, ast.Import | ast.ImportFrom):
                    run_start = run_start or statement.lineno
                    yield statement, run_start
                else:
                    run_start = None


@pytest.fixture(scope="module")
def modules() -> dict[str, Module]:
    return load_modules()


def test_no_import_cycle_between_modules(modules):
    assert cycles(import_graph(modules)) == []


def test_no_module_takes_a_private_name_from_another(modules):
    assert private_imports(modules) == set()


def test_every_import_inside_a_function_says_it_is_lazy(modules):
    assert undeclared_deferred_imports(modules) == set()


def _package(tmp_path: Path, files: dict[str, str]) -> dict[str, Module]:
    root = tmp_path / "house"
    for name, text in {"__init__.py": "", **files}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return load_modules(root, "house")


def test_the_checks_find_a_cycle_a_private_name_and_an_unannounced_deferred_import(tmp_path):
    modules = _package(tmp_path, {
        "a.py": "from house.b import VALUE\n",
        "b.py": "from house import c\nVALUE = c._hidden\n\n\ndef f():\n    from house.a import g\n",
        "c.py": "import os\n\n_hidden = 1\n\n\ndef g():\n    import json\n\n    from house.e import _secret\n",
        "d.py": "def h():\n    # lazy: start-up\n    import json\n    from house.e import VALUE\n"
                "    from house.c import g  # lazy: as above\n",
        "e.py": "_secret = 2\nVALUE = 3\n",
    })
    assert cycles(import_graph(modules)) == [["house.a", "house.b"]]
    assert private_imports(modules) == {("house.b", "house.c._hidden"), ("house.c", "house.e._secret")}
    assert undeclared_deferred_imports(modules) == {("house.b", "house.a"), ("house.c", "house.e")}


def test_type_checking_imports_are_no_cycle(tmp_path):
    modules = _package(tmp_path, {
        "a.py": "from typing import TYPE_CHECKING\n\nfrom house import b\n\nif TYPE_CHECKING:\n    from house.b import X\n",
        "b.py": "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from house.a import Y\nX = 1\n",
    })
    assert cycles(import_graph(modules)) == []
