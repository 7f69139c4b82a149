"""The kept files in backups: each backup folder holds one content-addressed store of its own
(`<backups>/attachments/ab/cd/<sha256>`, as the live one), shared by every copy of the book in that folder.

A blob never changes once written, so a backup only adds the blobs new since the last one: in the book's
own backup folder a new blob is a hard link where the disk allows one (no second copy of 500 MB on the same
disk; a delete or a clean-up of the live file leaves the backup's link), else a copy; in the off-laptop
folder it is always a real copy (a link would not leave the laptop). Rotation then removes the blobs no
kept copy names. A restore copies back each blob the restored book names that is missing here, checking
its hash on the way.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from trade_crm.domain.attachments.blobs import blob_path, digest_of, stored_blobs

FILES_FOLDER = "attachments"


@dataclass(frozen=True)
class FilesCopied:
    added: int = 0  # blobs new in the backup's store
    linked: int = 0  # of those, hard links (no bytes copied)
    already: int = 0  # there from an earlier backup
    missing: tuple[str, ...] = ()  # named by the book but not on this disk (cannot be backed up here)


@dataclass(frozen=True)
class FilesRestored:
    restored: int = 0
    already: int = 0
    missing: tuple[str, ...] = ()  # named by the restored book but in no backup store found
    damaged: tuple[str, ...] = ()  # found, but its bytes no longer match its hash


def files_dir(backup_folder: Path) -> Path:
    """The blob store beside the copies in a backup folder."""
    return Path(backup_folder) / FILES_FOLDER


def _present(path: Path, size: int | None = None) -> bool:
    try:
        return path.is_file() and (size is None or path.stat().st_size == size)
    except OSError:
        return False


def _copy_synced(source: Path, target: Path) -> None:
    """`source` to `target` through a temporary file, flushed and renamed (all or nothing)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".incoming-", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out, open(source, "rb") as file:
            shutil.copyfileobj(file, out, 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def backup_files(root: Path, store: Path, hashes: Iterable[str], *, link: bool = True) -> FilesCopied:
    """Put each blob of `hashes` from the live `root` into the backup `store` (only those not there yet).

    Raises OSError when the backup's disk refuses a blob; a blob missing from `root` is reported."""
    added = linked = already = 0
    missing = []
    for sha in sorted(set(hashes)):
        source, target = blob_path(root, sha), blob_path(store, sha)
        if not _present(source):
            if _present(target):
                already += 1
            else:
                missing.append(sha)
            continue
        if _present(target, source.stat().st_size):
            already += 1
            continue
        if link:
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".link-{os.getpid()}-{sha}")
            try:
                temporary.unlink(missing_ok=True)
                os.link(source, temporary)
                os.replace(temporary, target)
                added, linked = added + 1, linked + 1
                continue
            except OSError:  # another disk, or a file system without links: a copy instead
                temporary.unlink(missing_ok=True)
        _copy_synced(source, target)
        added += 1
    return FilesCopied(added, linked, already, tuple(missing))


def prune(store: Path, keep: set[str]) -> int:
    """Remove the blobs of a backup store that no kept copy names; how many went."""
    removed = 0
    for sha, path in stored_blobs(store).items():
        if sha not in keep:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def restore_files(root: Path, hashes: Iterable[str], finders: list[Callable[[str, Path], bool]]) -> FilesRestored:
    """Bring back into the live `root` each blob of `hashes` it lacks. Each finder is asked in turn to write
    blob `sha` to the given temporary path (True when it did); the bytes are checked against the hash
    before they take the blob's place."""
    restored = already = 0
    missing, damaged = [], []
    for sha in sorted(set(hashes)):
        target = blob_path(root, sha)
        if _present(target):
            already += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".restoring-{os.getpid()}-{sha}")
        found = False
        try:
            for finder in finders:
                temporary.unlink(missing_ok=True)
                if not finder(sha, temporary):
                    continue
                found = True
                if digest_of(temporary).sha256 == sha:
                    os.replace(temporary, target)
                    restored += 1
                    break
            else:
                (damaged if found else missing).append(sha)
        finally:
            temporary.unlink(missing_ok=True)
    return FilesRestored(restored, already, tuple(missing), tuple(damaged))


def from_store(store: Path) -> Callable[[str, Path], bool]:
    """A finder for restore_files: a plain blob store (a backup folder's, or a plain off-laptop copy's)."""
    def find(sha: str, target: Path) -> bool:
        source = blob_path(store, sha)
        if not _present(source):
            return False
        _copy_synced(source, target)
        return True
    return find
