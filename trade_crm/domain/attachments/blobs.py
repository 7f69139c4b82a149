"""Content-addressed file storage: a file's bytes live at `root/ab/cd/<sha256>`, once however many customers or
entries it is attached to, and never change once written (a rename or a delete touches only the book's row).

A blob is written to a temporary file beside its place, flushed to disk and renamed into place, so a crash
leaves either the whole file or none; a blob already there is not written again.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

ATTACHMENTS_FOLDER = "attachments"
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    size: int


def attachments_root(data_folder: Path) -> Path:
    """Where a book's files live: beside the book in the user's data folder."""
    return Path(data_folder) / ATTACHMENTS_FOLDER


def blob_path(root: Path, sha256: str) -> Path:
    return Path(root) / sha256[:2] / sha256[2:4] / sha256


def _digest(source: Path | bytes) -> StoredBlob:
    digest, size = hashlib.sha256(), 0
    if isinstance(source, bytes):
        digest.update(source)
        return StoredBlob(digest.hexdigest(), len(source))
    with open(source, "rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return StoredBlob(digest.hexdigest(), size)


def store_blob(root: Path, source: Path | bytes) -> StoredBlob:
    """Keep `source` (a file or bytes) under `root`; returns its hash and size. Raises OSError when the file
    cannot be read or the disk refuses it, and leaves no partial blob behind."""
    blob = _digest(source)
    target = blob_path(root, blob.sha256)
    if target.exists() and target.stat().st_size == blob.size:
        return blob
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".incoming-", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            if isinstance(source, bytes):
                out.write(source)
            else:
                with open(source, "rb") as file:
                    while chunk := file.read(CHUNK):
                        out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        written = _digest(Path(temporary))
        if written != blob:  # the file changed while it was read: keep what was hashed, not a mix
            raise OSError(f"{source} changed while it was being copied; try again")
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return blob
