"""Progress and cancel for the import's long steps, so a worker thread can show and stop them.

Every step takes a `progress(stage, done, total)` callback and a `cancel()` flag; both may be None.
A cancel raises ImportCancelled, which the write's transaction turns into "nothing was written".
"""

from __future__ import annotations

from collections.abc import Callable

from trade_crm.domain.errors import DomainError

Progress = Callable[[str, int, int], None]  # (stage, done, total): "reading", "cleaning", "matching", "writing"
Cancel = Callable[[], bool]


class ImportCancelled(DomainError):
    def __init__(self) -> None:
        super().__init__("the import was cancelled; nothing was written")


def tick(progress: Progress | None, stage: str, done: int, total: int) -> None:
    if progress is not None:
        progress(stage, done, total)


def check(cancel: Cancel | None) -> None:
    """Raise ImportCancelled when the user asked to stop."""
    if cancel is not None and cancel():
        raise ImportCancelled()
