"""Opening a kept file with the system's application: the platform service behind a small interface with a
fallback (DESIGN rule 8). QDesktopServices asks the desktop (xdg-open, Launch Services, ShellExecute); where
it has no application for the file, or no desktop at all, the file's folder is opened instead so the user
can pick one, and where even that fails the caller says where the file is."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

OpenUrl = Callable[[QUrl], bool]


class Opened(Enum):
    APPLICATION = "application"  # the system opened it with its application
    FOLDER = "folder"  # no application: its folder is shown instead
    NOTHING = "nothing"  # neither: the caller shows the path


class FileOpener:
    """Open files with the system's application; tests pass `open_url` to capture instead of opening."""

    def __init__(self, open_url: OpenUrl | None = None):
        self._open_url = open_url or QDesktopServices.openUrl

    def open(self, path: Path) -> Opened:
        if self._open_url(QUrl.fromLocalFile(str(path))):
            return Opened.APPLICATION
        if self._open_url(QUrl.fromLocalFile(str(Path(path).parent))):
            return Opened.FOLDER
        return Opened.NOTHING
