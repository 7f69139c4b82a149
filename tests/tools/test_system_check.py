"""`make run`'s check for Qt's system libraries and a Chinese font: faked machines, then this one."""

from __future__ import annotations

import subprocess
import sys

import pytest

from trade_crm.tools import system_check
from trade_crm.tools.system_check import check, missing_libraries, uses_xcb

LDD_OK = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f79)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f78)
"""
LDD_MISSING = """\
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f79)
\tlibxcb-cursor.so.0 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb-cursor.so.0 => not found
\tlibweird.so.3 => not found
"""
FONTS = "Noto Sans CJK SC,Noto Sans CJK SC Regular\nNoto Serif CJK JP\n"
DESKTOP = {"DISPLAY": ":0"}


def test_a_missing_xcb_library_on_an_x11_desktop_stops_with_the_apt_get_line():
    report = check(ldd_output=LDD_MISSING, cjk_families=FONTS, environ=DESKTOP)
    assert missing_libraries(LDD_MISSING) == ["libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libweird.so.3"]
    assert report.fatal
    assert report.packages == ("libxcb-cursor0", "libxkbcommon-x11-0")
    assert report.lines[0] == ("trade-crm: the window needs system libraries that are missing: libxcb-cursor.so.0, "
                               "libxkbcommon-x11.so.0, libweird.so.3")
    assert "libweird.so.3" in report.lines[1]
    assert report.lines[-1] == "  install with:  sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0"


def test_a_missing_chinese_font_warns_and_joins_the_same_install_line():
    report = check(ldd_output=LDD_MISSING, cjk_families="", environ=DESKTOP)
    assert any("no Chinese (CJK) font" in line for line in report.lines)
    assert report.lines[-1] == "  install with:  sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0 fonts-noto-cjk"
    fonts_only = check(ldd_output=LDD_OK, cjk_families="\n", environ=DESKTOP)
    assert not fonts_only.fatal and fonts_only.packages == ("fonts-noto-cjk",)
    no_fc_list = check(ldd_output=LDD_OK, cjk_families=None, environ=DESKTOP)
    assert not no_fc_list.fatal and no_fc_list.packages == ("fontconfig",)


@pytest.mark.parametrize("environ", [{}, {"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"},
                                     {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}])
def test_without_x11_a_missing_library_is_a_warning_and_never_fails_the_build(environ):
    report = check(ldd_output=LDD_MISSING, cjk_families=FONTS, environ=environ)
    assert not report.fatal and report.packages == ("libxcb-cursor0", "libxkbcommon-x11-0")
    assert any("not needed now" in line for line in report.lines)


def test_all_present_says_nothing_and_other_systems_get_the_package_names():
    assert check(ldd_output=LDD_OK, cjk_families=FONTS, environ=DESKTOP) == system_check.Report((), (), False)
    report = check(ldd_output=LDD_MISSING, cjk_families=FONTS, environ=DESKTOP, apt=False)
    assert report.lines[-1] == ("  install the equivalent of these Debian/Ubuntu packages: libxcb-cursor0 "
                                "libxkbcommon-x11-0")


def test_which_platform_qt_will_use():
    assert uses_xcb({"DISPLAY": ":1"}) and uses_xcb({"QT_QPA_PLATFORM": "xcb"})
    assert not uses_xcb({}) and not uses_xcb({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":1"})
    assert not uses_xcb({"DISPLAY": ":1", "WAYLAND_DISPLAY": "wayland-0"})
    assert uses_xcb({"DISPLAY": ":1", "WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb;wayland"})
    assert not uses_xcb({"DISPLAY": ":1", "QT_QPA_PLATFORM": "wayland;xcb"})


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check only runs on Linux")
def test_on_this_machine_the_check_agrees_with_ldd_and_fc_list():
    plugin = system_check.xcb_plugin()
    assert plugin is not None
    ldd = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=False).stdout
    fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False).stdout
    done = subprocess.run([sys.executable, "-m", "trade_crm.tools.system_check"], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}, check=False, timeout=60)
    assert done.returncode == 0  # offscreen: never fails the build
    for library in missing_libraries(ldd):
        assert library in done.stderr
    assert ("no Chinese (CJK) font" in done.stderr) == (not fonts.strip())
    assert ("apt-get install" in done.stderr) == bool(missing_libraries(ldd) or not fonts.strip())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check only runs on Linux")
def test_on_a_display_where_qt_cannot_start_the_check_stops_with_qts_reason(monkeypatch, capsys):
    monkeypatch.setenv("DISPLAY", ":97")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(system_check, "opens_window", lambda environ: 'Could not load the Qt platform plugin "xcb"\n')
    assert system_check.main() == 1
    err = capsys.readouterr().err
    assert 'Qt cannot open a window on this display:\n  Could not load the Qt platform plugin "xcb"' in err
    monkeypatch.setattr(system_check, "opens_window", lambda environ: None)
    assert system_check.main() == 0
