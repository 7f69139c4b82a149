"""Changing a kept file's row: rename it, move it to another entry or customer, delete it with undo.

A delete only stamps `deleted_at`: the row (and its blob) stay, so an undo is one UPDATE. Rows deleted more
than UNDO_DAYS ago go for good when `purge_deleted` runs (the app runs it once a day at start); their blobs
then belong to nobody and Settings › Data offers to clean them up (domain/attachments/integrity.py). Every
backup made meanwhile still names them, so a restore brings a deleted file back too.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path

from trade_crm.domain.attachments.records import AttachmentInfo, info_of
from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.text import clean_line
from trade_crm.store.models import Attachment, Interaction, database
from trade_crm.store.settings import SettingKey

UNDO_DAYS = 30
MB = 1024 * 1024
# A file larger than this asks first (the UI; the CLI says so and wants --force). 0 = never ask.
SIZE_LIMIT_MB = SettingKey("attachments.size_limit_mb", int, 50, "Ask before attaching a file larger than (MB)")


def attachment(attachment_id: int) -> AttachmentInfo:
    row = Attachment.get_or_none(Attachment.id == attachment_id)
    if row is None:
        raise NotFoundError("file", attachment_id)
    return info_of(row)


def _rows(ids: Iterable[int]) -> list[Attachment]:
    ids = list(dict.fromkeys(ids))
    rows = list(Attachment.select().where(Attachment.id.in_(ids)).order_by(Attachment.id)) if ids else []
    missing = set(ids) - {row.id for row in rows}
    if missing:
        raise NotFoundError("file", min(missing))
    return rows


def rename_attachment(attachment_id: int, name: str) -> AttachmentInfo:
    """Give a kept file another name (the bytes are not touched)."""
    new = clean_line(name)
    if not new:
        raise ValidationError("name", "a file needs a name")
    if "/" in new or "\\" in new:
        raise ValidationError("name", "a file name cannot hold / or \\")
    with database.atomic():
        attachment(attachment_id)
        Attachment.update(name=new).where(Attachment.id == attachment_id).execute()
    return attachment(attachment_id)


def delete_attachments(ids: Iterable[int], clock: Clock) -> list[AttachmentInfo]:
    """Mark files deleted (undone by `restore_attachments` until the rows are purged)."""
    with database.atomic():
        rows = _rows(ids)
        Attachment.update(deleted_at=clock.now()).where(
            Attachment.id.in_([r.id for r in rows]), Attachment.deleted_at.is_null()).execute()
    return [info_of(row) for row in _rows(r.id for r in rows)]


def restore_attachments(ids: Iterable[int]) -> list[AttachmentInfo]:
    """Undo a delete: the files are listed again with their names and entries."""
    with database.atomic():
        rows = _rows(ids)
        Attachment.update(deleted_at=None).where(Attachment.id.in_([r.id for r in rows])).execute()
    return [info_of(row) for row in _rows(r.id for r in rows)]


def purge_deleted(clock: Clock, *, days: int = UNDO_DAYS) -> int:
    """Delete for good the rows deleted more than `days` ago; how many went."""
    cutoff = clock.now() - timedelta(days=days)
    with database.atomic():
        return Attachment.delete().where(Attachment.deleted_at.is_null(False),
                                         Attachment.deleted_at < cutoff).execute()


def move_attachments(ids: Iterable[int], customer_id: int, interaction_id: int | None = None) -> list[AttachmentInfo]:
    """Keep the files with another customer and/or timeline entry (None: with the customer alone)."""
    with database.atomic():
        rows = _rows(ids)
        if interaction_id is not None:
            entry = Interaction.get_or_none(Interaction.id == interaction_id)
            if entry is None:
                raise NotFoundError("timeline entry", interaction_id)
            if entry.customer_id != customer_id:
                raise ValidationError("entry", f"timeline entry {interaction_id} is not customer {customer_id}'s")
        elif not database.execute_sql("SELECT 1 FROM customer WHERE id = ?", (customer_id,)).fetchone():
            raise NotFoundError("customer", customer_id)
        Attachment.update(customer=customer_id, interaction=interaction_id).where(
            Attachment.id.in_([r.id for r in rows])).execute()
    return [info_of(row) for row in _rows(r.id for r in rows)]


def size_limit() -> int:
    """The size in bytes over which attaching asks first; 0 = never ask."""
    return max(0, SIZE_LIMIT_MB.read()) * MB


def set_size_limit(megabytes: int) -> None:
    if not 0 <= megabytes <= 100_000:
        raise ValidationError("size_limit", "give a size from 0 (never ask) to 100000 MB")
    SIZE_LIMIT_MB.write(int(megabytes))


def oversized(paths: Iterable[Path | bytes], limit: int | None = None) -> list[tuple[str, int]]:
    """(name, size) of the files over the limit (the setting's, unless given); unreadable ones are left to
    attach_files, which names them."""
    limit = size_limit() if limit is None else limit
    found = []
    for source in paths:
        try:
            size = len(source) if isinstance(source, bytes) else Path(source).stat().st_size
        except OSError:
            continue
        if limit and size > limit:
            found.append(("" if isinstance(source, bytes) else Path(source).name, size))
    return found
