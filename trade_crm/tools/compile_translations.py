"""Compile resources/translations/*.ts to .qm with pyside6-lrelease (run by `make translations`)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from trade_crm.resources import resource_path


def lrelease_command() -> list[str]:
    beside_python = Path(sys.executable).with_name("pyside6-lrelease")
    if beside_python.exists():
        return [str(beside_python)]
    found = shutil.which("pyside6-lrelease")
    if found:
        return [found]
    raise SystemExit("pyside6-lrelease not found: install PySide6 in this environment")


def main() -> int:
    folder = resource_path("translations")
    sources = sorted(folder.glob("*.ts"))
    for ts in sources:
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([*lrelease_command(), "-silent", str(ts), "-qm", str(qm)], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
