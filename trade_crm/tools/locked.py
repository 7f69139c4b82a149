"""What uv.lock installs on this machine: the locked distributions walked from the project, with each
dependency's marker evaluated here. The lock is universal (Linux, macOS, Windows); the notices of a bundle
and the check that `make` installed exactly the lock both need the part that applies to this platform.

Uses `packaging`, which the test and dev extras bring; like every tool here it is not run by the app.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path

from packaging.markers import Marker
from packaging.utils import canonicalize_name

PROJECT = "trade-crm"
LOCK_FILE = Path(__file__).resolve().parents[2] / "uv.lock"


def read_lock(path: Path = LOCK_FILE) -> dict:
    with path.open("rb") as file:
        return tomllib.load(file)


def locked_here(lock: dict, *, extras: Iterable[str] = (), project: str = PROJECT) -> dict[str, str]:
    """Normalised name -> version of every distribution the lock installs on this platform for `project`
    with `extras` (the project itself included)."""
    by_name: dict[str, list[dict]] = {}
    for package in lock["package"]:
        by_name.setdefault(canonicalize_name(package["name"]), []).append(package)
    found: dict[str, str] = {}
    seen: set[tuple[str, str | None]] = set()
    todo: list[tuple[dict, str | None]] = [(_pick(by_name, {"name": project}), None)]
    todo += [(todo[0][0], extra) for extra in extras]
    while todo:
        package, extra = todo.pop()
        name = canonicalize_name(package["name"])
        if (name, extra) in seen:
            continue
        seen.add((name, extra))
        found[name] = package["version"]
        deps = package.get("dependencies", []) if extra is None else \
            package.get("optional-dependencies", {}).get(extra, [])
        for dep in deps:
            if "marker" in dep and not Marker(dep["marker"]).evaluate({"extra": ""}):
                continue
            target = _pick(by_name, dep)
            todo.append((target, None))
            todo += [(target, wanted) for wanted in dep.get("extra", [])]
    return found


def _pick(by_name: dict[str, list[dict]], dep: dict) -> dict:
    """The locked package a dependency means; the lock names the version where it holds several."""
    candidates = by_name[canonicalize_name(dep["name"])]
    if "version" in dep:
        candidates = [c for c in candidates if c["version"] == dep["version"]]
    if len(candidates) != 1:
        raise ValueError(f"uv.lock holds {len(candidates)} matching versions of {dep['name']}")
    return candidates[0]
