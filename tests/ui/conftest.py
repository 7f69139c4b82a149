"""Fixtures every UI test folder may use."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from trade_crm.tools.compile_translations import lrelease_command
from trade_crm.ui.common.i18n import install_translator, remove_translators, translations_folder
from trade_crm.ui.common.workers import Job


@pytest.fixture(autouse=True)
def no_job_outlives_its_test():
    """A job a test started but did not wait for (a duplicate hint, a backup list) is stopped and waited for at
    the end of that test: its worker thread closes its own connection to that test's book, instead of leaving
    it open for the collector to find during a later test (a ResourceWarning there), or reporting to a
    window already gone."""
    yield
    assert Job.stop_all(10_000), "a job was still running 10 s after its test ended"


@pytest.fixture(autouse=True)
def no_modifier_key_outlives_its_test():
    """Qt keeps the keyboard modifiers of the last input event for the whole process: a test's
    `keyClick(w, Key_Z, ControlModifier)` ends on Ctrl's own key release, which still says Ctrl, so
    QGuiApplication.keyboardModifiers() says Ctrl held until the next input event. A later test's
    `selectRow(1)` then toggles row 1 into the selection instead of selecting it alone (compose's
    Remove took both recipients). At the end of a test that left one held, one plain key release
    puts the state back to no modifier, as letting go of the key would."""
    yield
    if QApplication.instance() is not None and QGuiApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        widget = QWidget()
        QTest.keyRelease(widget, Qt.Key.Key_Control, Qt.KeyboardModifier.NoModifier)
        widget.deleteLater()
        assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier


@pytest.fixture
def chinese(qapp, tmp_path):
    """The Chinese translation, compiled from its source into tmp_path and installed for one test."""
    source = translations_folder() / "trade_crm_zh_CN.ts"
    subprocess.run([*lrelease_command(), "-silent", str(source), "-qm", str(tmp_path / "trade_crm_zh_CN.qm")],
                   check=True)
    translators = install_translator(qapp, "zh_CN", folder=tmp_path)
    yield
    remove_translators(qapp, translators)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))  # install_translator set it
