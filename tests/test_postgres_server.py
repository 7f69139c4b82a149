"""The PostgreSQL test server's own rules: found where Debian puts it, skipped or failed where it is not."""

from __future__ import annotations

import pytest

from tests.postgres_server import MISSING, find_bin_dir, require_bin_dir


def _fake_bin(folder):
    folder.mkdir(parents=True)
    for name in ("initdb", "pg_ctl"):
        (folder / name).write_text("#!/bin/sh\n")
        (folder / name).chmod(0o755)
    return folder


def test_the_newest_debian_version_wins_over_path(tmp_path):
    old, new = _fake_bin(tmp_path / "lib/9/bin"), _fake_bin(tmp_path / "lib/15/bin")
    on_path = _fake_bin(tmp_path / "usr/bin")
    assert find_bin_dir({"PATH": str(on_path)}, str(tmp_path / "lib/*/bin")) == new
    assert find_bin_dir({"PATH": str(on_path), "PG_BIN": str(old)}, str(tmp_path / "lib/*/bin")) == old
    assert find_bin_dir({"PATH": str(on_path)}, str(tmp_path / "none/*/bin")) == on_path


def test_no_server_skips_with_one_line_but_fails_under_ci(tmp_path):
    nowhere = str(tmp_path / "none/*/bin")
    with pytest.raises(pytest.skip.Exception) as skipped:
        require_bin_dir({"PATH": str(tmp_path)}, nowhere)
    assert str(skipped.value) == MISSING and "\n" not in MISSING
    with pytest.raises(pytest.fail.Exception, match="CI=true: a real PostgreSQL is required"):
        require_bin_dir({"PATH": str(tmp_path), "CI": "true"}, nowhere)
