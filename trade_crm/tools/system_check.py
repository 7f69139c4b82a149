"""Before `make run` opens the window on Linux: are the system libraries Qt needs there, and a Chinese font?

The PySide6 wheel brings Qt but not the X11 libraries its xcb platform plugin links to; on a fresh
desktop `libxcb-cursor0` is typically missing, and Qt then stops with "Could not load the Qt platform
plugin 'xcb'". Chinese text needs a CJK font, else it shows as boxes. This prints what is missing and
the one `apt-get install` line that adds it. It fails (exit 1) only when the window would fail: the
xcb plugin is the one Qt will use (DISPLAY set, no Wayland session, not offscreen) and a library is
missing; otherwise it only warns. Elsewhere than Linux it says nothing.

Run: python -m trade_crm.tools.system_check   (the Makefile's `run` target does)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

# The shared libraries the xcb plugin and QtGui link to -> the Debian/Ubuntu package with each.
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxkbcommon.so.0": "libxkbcommon0",
    "libxcb-shape.so.0": "libxcb-shape0", "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0", "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1", "libxcb-shm.so.0": "libxcb-shm0", "libxcb-render.so.0": "libxcb-render0",
    "libxcb-util.so.1": "libxcb-util1", "libxcb-xinput.so.0": "libxcb-xinput0", "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-xkb.so.0": "libxcb-xkb1", "libxcb.so.1": "libxcb1", "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6", "libSM.so.6": "libsm6", "libICE.so.6": "libice6", "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1", "libOpenGL.so.0": "libopengl0", "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6", "libdbus-1.so.3": "libdbus-1-3", "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}
CJK_FONT_PACKAGE = "fonts-noto-cjk"
_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)


@dataclass(frozen=True)
class Report:
    lines: tuple[str, ...]  # what to print, empty when all is well
    packages: tuple[str, ...]  # what to install
    fatal: bool  # the window would not open


def missing_libraries(ldd_output: str) -> list[str]:
    """The shared libraries `ldd` could not find ("libxcb-cursor.so.0 => not found")."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def uses_xcb(environ: Mapping[str, str]) -> bool:
    """Whether Qt will open the window through the xcb (X11) plugin."""
    platform = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip().lower()  # "xcb;wayland"
    if platform:
        return platform == "xcb"
    return bool(environ.get("DISPLAY")) and not environ.get("WAYLAND_DISPLAY")


def check(*, ldd_output: str | None, cjk_families: str | None, environ: Mapping[str, str],
          apt: bool = True) -> Report:
    """What to tell the user, from `ldd` on the xcb plugin (None: not run) and `fc-list :lang=zh family`
    (None: fc-list is not installed)."""
    lines: list[str] = []
    missing = missing_libraries(ldd_output or "")
    packages = list(dict.fromkeys(PACKAGES[lib] for lib in missing if lib in PACKAGES))
    unknown = [lib for lib in missing if lib not in PACKAGES]
    xcb = uses_xcb(environ)
    if missing:
        lines.append(f"trade-crm: the window needs system libraries that are missing: {', '.join(missing)}")
        if unknown:
            lines.append(f"  (install the packages that provide {', '.join(unknown)} too)")
        if not xcb:
            lines.append("  (not needed now: Qt does not use X11 here, but a desktop session will)")
    if cjk_families is None:
        lines.append("trade-crm: fc-list is not installed, so the Chinese fonts could not be checked")
        packages.append("fontconfig")
    elif not cjk_families.strip():
        lines.append("trade-crm: no Chinese (CJK) font is installed: Chinese text would show as boxes")
        packages.append(CJK_FONT_PACKAGE)
    if packages:
        install = f"sudo apt-get install {' '.join(packages)}"
        lines.append(f"  install with:  {install}" if apt else
                     f"  install the equivalent of these Debian/Ubuntu packages: {' '.join(packages)}")
    return Report(tuple(lines), tuple(packages), fatal=bool(missing) and xcb)


def xcb_plugin() -> Path | None:
    """The PySide6 wheel's xcb platform plugin, if this PySide6 has one."""
    import PySide6  # lazy: only this tool needs to find Qt's files

    found = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return found if found.is_file() else None


def _run(command: Sequence[str]) -> str | None:
    """A command's output; None when it is not installed."""
    if shutil.which(command[0]) is None:
        return None
    done = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
    return done.stdout + done.stderr


def opens_window(environ: Mapping[str, str]) -> str | None:
    """Create a QApplication on xcb in a child process; its error output when that fails, else None."""
    done = subprocess.run([sys.executable, "-c", "from PySide6.QtWidgets import QApplication; QApplication([])"],
                          env={**environ, "QT_QPA_PLATFORM": "xcb"}, capture_output=True, text=True, timeout=60,
                          check=False)
    return None if done.returncode == 0 else (done.stderr.strip() or f"exit code {done.returncode}")


def main() -> int:
    if not sys.platform.startswith("linux"):
        return 0
    plugin = xcb_plugin()
    report = check(ldd_output=_run(["ldd", str(plugin)]) if plugin else None,
                   cjk_families=_run(["fc-list", ":lang=zh", "family"]), environ=os.environ,
                   apt=shutil.which("apt-get") is not None)
    lines = list(report.lines)
    if not report.fatal and uses_xcb(os.environ) and os.environ.get("DISPLAY"):
        error = opens_window(os.environ)
        if error is not None:
            said = [e for e in error.splitlines() if e.strip()][-3:]
            lines += ["trade-crm: Qt cannot open a window on this display:", *(f"  {e}" for e in said)]
            report = Report(report.lines, report.packages, fatal=True)
    for line in lines:
        print(line, file=sys.stderr)
    return 1 if report.fatal else 0


if __name__ == "__main__":
    sys.exit(main())
