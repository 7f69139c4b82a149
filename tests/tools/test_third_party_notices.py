"""THIRD_PARTY_NOTICES: every run-time distribution of the lock with its version, licence and licence
files, the LGPL notice for Qt, and nothing from the test or dev tools but the PyInstaller bootloader."""

from __future__ import annotations

from email.message import Message

import pytest

from trade_crm.tools import third_party_notices as notices
from trade_crm.tools.locked import locked_here, read_lock


def meta(**fields) -> Message:
    message = Message()
    for key, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            message[key.replace("_", "-")] = item
    return message


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    path = tmp_path_factory.mktemp("notices") / "THIRD_PARTY_NOTICES"
    assert notices.main([str(path)]) == 0
    return path.read_text(encoding="utf-8")


def test_each_run_time_distribution_is_listed_with_its_locked_version_and_licence(written):
    runtime = locked_here(read_lock())
    runtime.pop("trade-crm")
    table = written.split("Distributions\n-------------\n")[1].split("\n\n")[0].splitlines()
    rows = {line.split()[0]: line.split(None, 2)[1:] for line in table}
    assert {name: version for name, (version, _) in rows.items()} == {**runtime, "pyinstaller": rows[
        "pyinstaller"][0]}
    assert rows["peewee"][1] == "MIT" and rows["cryptography"][1] == "Apache-2.0 OR BSD-3-Clause"
    assert rows["pyside6"][1].startswith("LGPL-3.0-only")
    assert not {"pytest", "pytest-qt", "ruff"} & set(rows)


def test_the_licence_files_and_the_lgpl_texts_follow(written):
    assert "==== keyring " in written and "Permission is hereby granted" in written
    assert "dynamically" in written and "GNU LESSER GENERAL PUBLIC LICENSE" in written
    assert "GNU GENERAL PUBLIC LICENSE" in written and "==== Python: LICENSE ====" in written


def test_the_licence_is_the_spdx_expression_then_the_classifiers_then_a_short_license_field():
    assert notices.licence_of("a", meta(License_Expression="MIT", License="anything")) == "MIT"
    both = meta(License="Dual License", Classifier=["License :: OSI Approved :: BSD License",
                                                    "License :: OSI Approved :: Apache Software License"])
    assert notices.licence_of("b", both) == "BSD License / Apache Software License"
    assert notices.licence_of("c", meta(License="MIT")) == "MIT"
    assert notices.licence_of("peewee", meta()) == "MIT"  # known by hand


def test_a_distribution_without_a_licence_stops_the_build():
    with pytest.raises(ValueError, match="names no licence"):
        notices.licence_of("mystery", meta(License="Copyright someone\n\nA whole licence pasted in"))


def test_a_distribution_installed_at_another_version_than_the_lock_stops_the_build():
    with pytest.raises(ValueError, match="uv.lock has 0.0.1"):
        notices.notice("keyring", "0.0.1")
