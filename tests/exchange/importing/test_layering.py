"""The import engine's modules import downward only: no cycle in trade_crm/exchange, nobody imports the
facade, no private name crosses a module, no import hides inside a function. Read from the source (ast),
so an import inside a function or under TYPE_CHECKING counts too."""

from __future__ import annotations

import ast
from pathlib import Path

import trade_crm

ROOT = Path(trade_crm.__file__).resolve().parent
EXCHANGE = "trade_crm.exchange"
FACADE = "trade_crm.exchange.importing.importer"
# Another branch changes error_report.py; it still takes ImportPlan from the facade (importing.plan has it).
FACADE_USERS_ELSEWHERE = {"trade_crm.exchange.importing.error_report"}


def modules(package: str) -> dict[str, ast.Module]:
    base = ROOT.parent
    folder = base / package.replace(".", "/")
    out = {}
    for path in sorted(folder.rglob("*.py")):
        name = ".".join(path.relative_to(base).with_suffix("").parts)
        out[name.removesuffix(".__init__")] = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return out


def imports(tree: ast.Module, known: set[str]) -> list[tuple[str, list[str], ast.AST]]:
    """(module imported, names taken from it, node) for every import in the tree, at any depth."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(alias.name, [], node) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [alias.name for alias in node.names]
            subs = [f"{node.module}.{n}" for n in names if f"{node.module}.{n}" in known]
            out += [(sub, [], node) for sub in subs]
            out.append((node.module, [n for n in names if f"{node.module}.{n}" not in known], node))
    return out


def graph(package: str) -> dict[str, set[str]]:
    trees = modules(package)
    known = set(trees)
    return {name: {target for target, _, _ in imports(tree, known) if target in known and target != name}
            for name, tree in trees.items()}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """A cycle as the list of modules on it, or None (depth-first search with colours)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                return stack[stack.index(target):] + [target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "d": {"a", "c"}}) is None


def test_no_module_of_the_exchange_layer_is_in_an_import_cycle():
    edges = graph(EXCHANGE)
    assert FACADE in edges and edges[FACADE]  # the graph was read
    assert find_cycle(edges) is None


def test_no_module_of_the_import_engine_imports_its_facade():
    users = {name for name, targets in graph(EXCHANGE).items() if FACADE in targets}
    assert users <= FACADE_USERS_ELSEWHERE


def test_no_private_name_is_imported_from_another_module_of_the_exchange_layer():
    trees = modules(EXCHANGE)
    private = [(name, target, taken) for name, tree in trees.items()
               for target, names, _ in imports(tree, set(trees)) if target.startswith("trade_crm.")
               for taken in names if taken.startswith("_")]
    assert private == []


def test_the_import_engine_imports_nothing_inside_a_function():
    inside = []
    for name, tree in modules("trade_crm.exchange.importing").items():
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                inside += [(name, node.name) for child in ast.walk(node)
                           if isinstance(child, (ast.Import, ast.ImportFrom))]
    assert inside == []


def test_every_module_of_the_import_engine_stays_small():
    folder = ROOT / "exchange" / "importing"
    sizes = {p.relative_to(folder).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
             for p in folder.rglob("*.py")}
    assert {name: lines for name, lines in sizes.items() if lines > 350} == {}
