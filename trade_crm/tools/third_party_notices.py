"""Write THIRD_PARTY_NOTICES for the desktop bundle (`make build` runs it, build.spec ships the file).

It lists every distribution uv.lock installs at run time on this platform, with the version (checked
against the lock, so the notices match what is bundled) and the licence read from its installed metadata,
followed by the licence files each ships. Qt and Qt for Python get the LGPL notice with the LGPL and GPL
texts; the Python runtime and the PyInstaller bootloader, which the bundle also holds, get theirs.

Usage: python -m trade_crm.tools.third_party_notices [OUTPUT]   (default build/THIRD_PARTY_NOTICES)
"""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path, PurePosixPath

from packaging.utils import canonicalize_name

from trade_crm import __version__
from trade_crm.tools.locked import PROJECT, locked_here, read_lock

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUTPUT = ROOT / "build" / "THIRD_PARTY_NOTICES"
GNU_TEXTS = (ROOT / "LICENSES" / "LGPL-3.0-only.txt", ROOT / "LICENSES" / "GPL-3.0-only.txt")
QT = ("pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6")
# Not a run-time dependency, but its bootloader is the bundle's executable.
BOOTLOADER = "pyinstaller"
# Licences a distribution's metadata does not name; checked by hand against the licence file it ships.
KNOWN = {"peewee": "MIT"}
LICENCE_FILE_STEMS = ("LICENSE", "LICENCE", "COPYING", "NOTICE", "AUTHORS", "CONTRIBUTORS")

QT_NOTICE = """\
Qt and Qt for Python (PySide6, shiboken6)
-----------------------------------------
This program uses the Qt libraries and Qt for Python, (c) The Qt Company Ltd. and other contributors,
under the GNU Lesser General Public License version 3 (LGPL-3.0-only); the full LGPL and GPL texts
follow at the end of this file. They are linked dynamically: the Qt and PySide6 shared libraries lie as
separate files in this program's folder, and you may replace them with your own build of the same
version. Their source code is available from https://download.qt.io/official_releases/QtForPython/
and https://code.qt.io/ ; on request we send you the exact source we used, at no more than the cost
of sending it.
"""


@dataclass(frozen=True)
class Notice:
    name: str
    version: str
    licence: str
    texts: tuple[tuple[str, str], ...]  # (file name, text)


def licence_of(name: str, meta) -> str:
    """The SPDX expression where there is one, else the licence classifiers, else a short License field."""
    if meta.get("License-Expression"):
        return meta["License-Expression"]
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return " / ".join(classifiers)
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) <= 80:
        return text
    if name in KNOWN:
        return KNOWN[name]
    raise ValueError(f"{name}: its metadata names no licence; check its licence file and add it to KNOWN")


def licence_texts(dist: metadata.Distribution) -> tuple[tuple[str, str], ...]:
    """The licence, notice and author files in the distribution's metadata folder."""
    out = []
    for file in dist.files or ():
        path = PurePosixPath(file)
        in_metadata = path.parts[0].endswith(".dist-info")
        if in_metadata and path.name.upper().startswith(LICENCE_FILE_STEMS):
            out.append((path.name, file.locate().read_text(encoding="utf-8", errors="replace")))
    return tuple(sorted(out))


def notice(name: str, locked_version: str) -> Notice:
    dist = metadata.distribution(name)
    if canonicalize_name(dist.version) != canonicalize_name(locked_version):
        raise ValueError(f"{name} {dist.version} is installed but uv.lock has {locked_version}: run make")
    return Notice(name, dist.version, licence_of(name, dist.metadata), licence_texts(dist))


def collect(lock: dict) -> list[Notice]:
    """A notice for each run-time distribution locked for this platform, and for the bootloader."""
    runtime = locked_here(lock)
    runtime.pop(PROJECT)
    bootloader = locked_here(lock, extras=("dev",))[BOOTLOADER]
    return [notice(name, version) for name, version in sorted(runtime.items())] + [
        notice(BOOTLOADER, bootloader)]


def python_licence() -> str:
    """The licence of the Python runtime the bundle embeds, from this interpreter's installation."""
    for place in (Path(sys.base_prefix) / "LICENSE.txt",
                  Path(sys.base_prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}"
                  / "LICENSE.txt"):
        if place.is_file():
            return place.read_text(encoding="utf-8", errors="replace")
    return "Python Software Foundation License Version 2: https://docs.python.org/3/license.html\n"


def render(notices: list[Notice]) -> str:
    width = max(len(n.name) for n in notices)
    lines = [
        f"Third-party notices for Trade CRM {__version__}",
        "",
        "Trade CRM is licensed under the Apache License 2.0 (the LICENSE file beside this one). This",
        "program also contains the software below, each under its own licence.",
        f"Generated from uv.lock and the installed metadata on {platform.system()} {platform.machine()} "
        "by trade_crm/tools/third_party_notices.py.",
        "",
        QT_NOTICE,
        f"Python {platform.python_version()}: the interpreter and standard library, under the Python "
        "Software Foundation License (text at the end).",
        f"PyInstaller {notices[-1].version}: its bootloader starts this program; GPL-2.0-or-later with "
        "an exception that allows it in programs under any licence (text at the end).",
        "",
        "Distributions",
        "-------------",
        *(f"{n.name.ljust(width)}  {n.version.ljust(14)}  {n.licence}" for n in notices),
        "",
    ]
    for n in notices:
        for file_name, text in n.texts:
            lines += [f"==== {n.name} {n.version}: {file_name} ====", text.rstrip(), ""]
    lines += ["==== Python: LICENSE ====", python_licence().rstrip(), ""]
    for path in GNU_TEXTS:
        lines += [f"==== Qt and Qt for Python: {path.stem} ====", path.read_text(encoding="utf-8").rstrip(), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    output = Path(args[0]) if args else DEFAULT_OUTPUT
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(render(collect(read_lock())), encoding="utf-8")
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
