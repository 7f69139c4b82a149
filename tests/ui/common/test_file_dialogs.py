"""File dialogs start in Documents, then where the user last chose a file (kept in the settings)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog

from trade_crm.ui.common import file_dialogs
from trade_crm.ui.common.file_dialogs import LAST_FOLDER_KEY, choose_folder, folders, open_file, save_file


@pytest.fixture
def settings(tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    folders.use_settings(settings)
    yield settings
    folders.use_settings(None)


@pytest.fixture
def asked(monkeypatch):
    """The folder or path each dialog was opened with; the user picks what `asked.answer` says."""
    class Calls(list):
        answer = ""

    calls = Calls()

    def dialog(_parent, _title, start, *_rest):
        calls.append(start)
        return (calls.answer, "") if _rest else calls.answer

    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda p, t, start: dialog(p, t, start))
    return calls


def test_the_first_dialog_opens_in_documents_not_the_program_folder(settings, asked):
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    expected = Path(documents) if documents and Path(documents).is_dir() else Path.home()
    assert open_file(None, "Open", "All files (*)") is None  # cancelled
    assert asked == [str(expected)]
    save_file(None, "Save", "Customers.xlsx", "*.xlsx")
    assert asked[-1] == str(expected / "Customers.xlsx")


def test_later_dialogs_open_where_the_last_file_was_chosen_across_starts(settings, asked, tmp_path):
    fair = tmp_path / "fairs"
    fair.mkdir()
    asked.answer = str(fair / "canton.xlsx")
    assert open_file(None, "Open", "*.xlsx") == fair / "canton.xlsx"
    asked.answer = ""
    save_file(None, "Save", "report.xlsx", "*.xlsx")
    assert asked[-1] == str(fair / "report.xlsx")
    assert settings.value(LAST_FOLDER_KEY) == str(fair)
    folders.use_settings(QSettings(settings.fileName(), QSettings.Format.IniFormat))  # the next start
    choose_folder(None, "Folder")
    assert asked[-1] == str(fair)


def test_a_suggested_full_path_is_kept(settings, asked, tmp_path):
    save_file(None, "Save", tmp_path / "Customers 2026-11-23.xlsx", "*.xlsx")
    assert asked == [str(tmp_path / "Customers 2026-11-23.xlsx")]


def test_every_file_dialog_of_the_app_goes_through_the_helper():
    ui = Path(file_dialogs.__file__).parents[1]
    direct = [str(p.relative_to(ui)) for p in ui.rglob("*.py")
              if p.name != "file_dialogs.py" and "QFileDialog" in p.read_text(encoding="utf-8")]
    assert direct == []
