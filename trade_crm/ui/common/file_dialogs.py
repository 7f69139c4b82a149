"""Every file dialog of the app, through one place: the first opens in the user's Documents folder (not the
program's folder, where Qt starts by default), each later one where the user last chose a file.

The composition root hands `folders` the app's settings, so the last folder is remembered across starts;
without them (tests, tools) it is remembered for the session only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

LAST_FOLDER_KEY = "file_dialogs/last_folder"


class FolderMemory:
    def __init__(self) -> None:
        self._settings: QSettings | None = None
        self._last: Path | None = None

    def use_settings(self, settings: QSettings | None) -> None:
        self._settings = settings
        self._last = None

    def start(self) -> Path:
        """The last folder a file was chosen in, else Documents, else home: the first that exists."""
        saved = self._settings.value(LAST_FOLDER_KEY, "") if self._settings is not None else ""
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        candidates = (self._last, Path(saved) if saved else None, Path(documents) if documents else None)
        return next((p for p in candidates if p is not None and p.is_dir()), Path.home())

    def remember(self, chosen: Path) -> None:
        folder = chosen if chosen.is_dir() else chosen.parent
        self._last = folder
        if self._settings is not None:
            self._settings.setValue(LAST_FOLDER_KEY, str(folder))


folders = FolderMemory()


def _start(suggested: str | Path | None) -> str:
    """A bare file name goes into the start folder; a path with a folder is used as given."""
    if suggested is None or str(suggested) == "":
        return str(folders.start())
    path = Path(suggested)
    return str(path) if path.parent != Path(".") else str(folders.start() / path)


def _chosen(text: str) -> Path | None:
    if not text:
        return None
    path = Path(text)
    folders.remember(path)
    return path


def open_file(parent: QWidget | None, title: str, filter_text: str, start: str | Path | None = None) -> Path | None:
    """The file to open, or None when the user cancels."""
    chosen, _ = QFileDialog.getOpenFileName(parent, title, _start(start), filter_text)
    return _chosen(chosen)


def open_files(parent: QWidget | None, title: str, filter_text: str = "", start: str | Path | None = None) -> list[Path]:
    """The files to open (several may be picked), or [] when the user cancels."""
    chosen, _ = QFileDialog.getOpenFileNames(parent, title, _start(start), filter_text)
    paths = [Path(text) for text in chosen if text]
    if paths:
        folders.remember(paths[0])
    return paths


def save_file(parent: QWidget | None, title: str, suggested: str | Path, filter_text: str) -> Path | None:
    """Where to save: `suggested` is a file name (put in the start folder) or a full path; None on cancel."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, _start(suggested), filter_text)
    return _chosen(chosen)


def choose_folder(parent: QWidget | None, title: str, start: str | Path | None = None) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, title, _start(start))
    return _chosen(chosen)
