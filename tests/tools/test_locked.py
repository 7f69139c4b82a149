"""uv.lock walked for this platform, and the environment the suite runs in is exactly that lock."""

from __future__ import annotations

import tomllib
from importlib import metadata

import pytest
from packaging.utils import canonicalize_name

from trade_crm.tools.locked import locked_here, read_lock

SMALL_LOCK = """
version = 1
requires-python = ">=3.11"

[[package]]
name = "app"
version = "1.0"
source = { editable = "." }
dependencies = [
    { name = "Core_Lib" },
    { name = "winonly", marker = "python_version < '3'" },
    { name = "tool", extra = ["fast"] },
]

[package.optional-dependencies]
test = [{ name = "checker" }]

[[package]]
name = "core-lib"
version = "2.0"
dependencies = [{ name = "shared", version = "1.5" }]

[[package]]
name = "shared"
version = "1.5"

[[package]]
name = "shared"
version = "0.9"

[[package]]
name = "tool"
version = "3.1"

[package.optional-dependencies]
fast = [{ name = "speedup", marker = "python_version >= '3'" }]

[[package]]
name = "speedup"
version = "0.2"

[[package]]
name = "winonly"
version = "1.0"

[[package]]
name = "checker"
version = "8.0"
dependencies = [{ name = "core-lib" }]
"""


def test_the_walk_follows_dependencies_and_extras_and_drops_what_a_marker_excludes_here():
    lock = tomllib.loads(SMALL_LOCK)
    assert locked_here(lock, project="app") == {
        "app": "1.0", "core-lib": "2.0", "shared": "1.5", "tool": "3.1", "speedup": "0.2"}
    assert locked_here(lock, project="app", extras=("test",))["checker"] == "8.0"


def test_a_name_locked_twice_without_a_version_to_choose_is_an_error():
    lock = tomllib.loads(SMALL_LOCK.replace('{ name = "shared", version = "1.5" }', '{ name = "shared" }'))
    with pytest.raises(ValueError, match="2 matching versions of shared"):
        locked_here(lock, project="app")


def test_the_environment_holds_exactly_the_locked_versions():
    """`make` syncs .venv from uv.lock with every extra; anything else here means the install drifted."""
    wanted = locked_here(read_lock(), extras=("test", "dev"))
    installed = {canonicalize_name(d.metadata["Name"]): d.version for d in metadata.distributions()}
    assert installed == wanted, "the environment is not uv.lock: run `make venv` (or `make lock`)"
