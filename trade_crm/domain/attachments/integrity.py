"""Are the files the book names on this disk, and which stored blobs does no row name?

A blob can go missing (a folder copied without it, a disk cleaned by hand, a restore from an older copy)
and on a team server the rows are shared while each file's bytes stay on the laptop that attached it: a
missing file is reported, shown as missing, and never a crash. A blob no row names (a delete purged, a
failed attach) is harmless; `clean_up` removes those the user agrees to.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from trade_crm.domain.attachments.blobs import blob_path, stored_blobs
from trade_crm.domain.attachments.changes import attachment
from trade_crm.domain.attachments.records import AttachmentInfo, info_of
from trade_crm.domain.errors import DomainError
from trade_crm.domain.team import access
from trade_crm.store.models import Attachment, database


class MissingFile(DomainError):
    """A kept file's bytes are not under this computer's attachments folder."""

    def __init__(self, info: AttachmentInfo, elsewhere: str | None = None):
        where = f"it is on {elsewhere}'s computer" if elsewhere else "it is not in the attachments folder"
        super().__init__(f'the file "{info.name}" (#{info.id}) is missing here: {where}')
        self.info = info
        self.elsewhere = elsewhere


@dataclass(frozen=True)
class FileCheck:
    missing: tuple[AttachmentInfo, ...]  # rows whose bytes are not here (deleted rows left out)
    unnamed: tuple[str, ...]  # sha256 of blobs no row names, deleted rows included
    unnamed_bytes: int
    checked: int  # rows looked at


def attached_elsewhere(info: AttachmentInfo) -> str | None:
    """On a team server, the login whose laptop holds a file someone else attached; else None."""
    if not info.owner or not access.on_server():
        return None
    return info.owner if info.owner != access.me() else None


def is_present(root: Path, info: AttachmentInfo) -> bool:
    path = blob_path(root, info.sha256)
    try:
        return path.stat().st_size == info.size
    except OSError:
        return False


def open_path(root: Path, attachment_id: int, view_folder: Path) -> Path:
    """A path to hand the operating system to open the file with its application: a read-only copy named as
    the user named it, under `view_folder/<id>/` (the blob's own name is its hash, which no application
    recognises, and an application that saves in place must not change the kept bytes). Raises MissingFile."""
    info = attachment(attachment_id)
    source = blob_path(root, info.sha256)
    if not is_present(root, info):
        raise MissingFile(info, attached_elsewhere(info))
    target = Path(view_folder) / str(info.id) / info.name
    try:
        if target.is_file() and target.stat().st_size == info.size:
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            target.chmod(stat.S_IWUSR | stat.S_IRUSR)
        partial = target.with_name(target.name + ".partial")
        shutil.copyfile(source, partial)
        partial.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        os.replace(partial, target)
    except OSError as exc:
        raise DomainError(f'cannot make "{info.name}" ready to open in {view_folder}: {exc.strerror or exc}') from exc
    return target


def missing_files(root: Path, customer_id: int | None = None) -> list[AttachmentInfo]:
    """The listed (not deleted) files whose bytes are not under `root`, oldest first."""
    query = Attachment.select().where(Attachment.deleted_at.is_null())
    if customer_id is not None:
        query = query.where(Attachment.customer == customer_id)
    infos = [info_of(row) for row in query.order_by(Attachment.id)]
    return [info for info in infos if not is_present(root, info)]


def named_hashes() -> set[str]:
    """Every blob a row names: attachments (deleted ones too, until their row goes) and product photos (#21)."""
    named = {row[0] for row in database.execute_sql("SELECT DISTINCT sha256 FROM attachment").fetchall()}
    for (photos,) in database.execute_sql("SELECT photos FROM product WHERE photos <> '[]'").fetchall():
        named.update(photo["sha256"] for photo in json.loads(photos or "[]"))
    return named


def check_files(root: Path) -> FileCheck:
    """The integrity check of Settings › Data and `trade-crm files check`."""
    blobs = stored_blobs(root)
    named = named_hashes()
    unnamed = sorted(set(blobs) - named)
    size = 0
    for sha in unnamed:
        try:
            size += blobs[sha].stat().st_size
        except OSError:
            pass
    missing = missing_files(root)
    checked = Attachment.select().where(Attachment.deleted_at.is_null()).count()
    return FileCheck(tuple(missing), tuple(unnamed), size, checked)


def clean_up(root: Path, hashes: Iterable[str]) -> int:
    """Remove the blobs among `hashes` that no row names (checked again now); how many were removed."""
    named = named_hashes()
    removed = 0
    for sha in hashes:
        if sha in named:
            continue
        path = blob_path(root, sha)
        try:
            path.chmod(stat.S_IWUSR | stat.S_IRUSR)
            path.unlink()
        except FileNotFoundError:
            continue
        removed += 1
        for folder in (path.parent, path.parent.parent):
            try:
                folder.rmdir()  # only when empty
            except OSError:
                break
    return removed
