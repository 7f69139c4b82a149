"""The one error a reader raises for a file it will not read: `FileRefused(path, reason)`.

Kept in a module of its own with no heavy imports, so the command line can map it to exit code 2
("fix the input") without importing the readers at start-up.
"""

from __future__ import annotations

from pathlib import Path

from trade_crm.domain.errors import DomainError


class FileRefused(DomainError):
    """A file that cannot be imported; the message names the file (and sheet, row) and says what to do."""

    def __init__(self, path: str | Path, reason: str, *, sheet: str = "", row: int | None = None):
        file = Path(path).name if isinstance(path, Path) else str(path)
        where = file + (f", sheet {sheet}" if sheet else "") + (f", row {row}" if row else "")
        super().__init__(f"{where}: {reason}")
        self.path, self.file, self.sheet, self.row = str(path), file, sheet, row
        self.reason = self.message = reason
