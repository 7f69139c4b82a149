"""The main window's fixtures: a window on the test database with its own settings file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from trade_crm.ui.shell.main_window import MainWindow


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, db, db_path, clock, settings):
    def make(**kwargs) -> MainWindow:
        window = MainWindow(clock, db_path, settings, **kwargs)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window
    return make
