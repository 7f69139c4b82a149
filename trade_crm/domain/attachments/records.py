"""Which files belong to which customer or timeline entry: the book's side of attachments.

The bytes are stored first (domain/attachments/blobs.py; a blob nobody names is harmless), then every row
of one call in one transaction, so a failed attach leaves no row pointing at nothing.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from trade_crm.domain.attachments.blobs import store_blob
from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.text import clean_line
from trade_crm.store.models import Attachment, Customer, Interaction, database

SOURCES = ("user", "whatsapp", "mail", "quotation")


@dataclass(frozen=True)
class NewFile:
    """A file to attach: a path on disk, or bytes (a pasted image, a chat's media) with the name to show."""

    source: Path | bytes
    name: str = ""


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    customer_id: int
    interaction_id: int | None
    name: str
    size: int
    content_type: str
    sha256: str
    source: str
    created_at: datetime
    deleted_at: datetime | None


def _info(row: Attachment) -> AttachmentInfo:
    return AttachmentInfo(row.id, row.customer_id, row.interaction_id, row.name, row.size, row.content_type,
                          row.sha256, row.source, row.created_at, row.deleted_at)


def _name(file: NewFile) -> str:
    name = clean_line(file.name or (Path(file.source).name if not isinstance(file.source, bytes) else ""))
    if not name:
        raise ValidationError("name", "a file needs a name")
    return name


def attach_files(root: Path, customer_id: int, files: Iterable[NewFile], clock: Clock, *,
                 interaction_id: int | None = None, source: str = "user") -> list[AttachmentInfo]:
    """Keep the files with a customer (and one of their timeline entries, if given); all or none."""
    if source not in SOURCES:
        raise ValidationError("source", f'"{source}" is not one of {", ".join(SOURCES)}')
    files = list(files)
    names = [_name(file) for file in files]
    if not Customer.select().where(Customer.id == customer_id).exists():
        raise NotFoundError("customer", customer_id)
    if interaction_id is not None and not Interaction.select().where(
            Interaction.id == interaction_id, Interaction.customer == customer_id).exists():
        raise NotFoundError("timeline entry", interaction_id)
    blobs = [store_blob(root, file.source) for file in files]
    now = clock.now()
    with database.atomic():
        ids = [Attachment.insert(
            sha256=blob.sha256, name=name, size=blob.size,
            content_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
            customer=customer_id, interaction=interaction_id, source=source, created_at=now,
        ).execute() for blob, name in zip(blobs, names, strict=True)]
    rows = Attachment.select().where(Attachment.id.in_(ids)).order_by(Attachment.id)
    return [_info(row) for row in rows]


def attachments_of(customer_id: int, interaction_id: int | None = None, *,
                   include_deleted: bool = False) -> list[AttachmentInfo]:
    """A customer's files (or one entry's), oldest first."""
    query = Attachment.select().where(Attachment.customer == customer_id)
    if interaction_id is not None:
        query = query.where(Attachment.interaction == interaction_id)
    if not include_deleted:
        query = query.where(Attachment.deleted_at.is_null())
    return [_info(row) for row in query.order_by(Attachment.created_at, Attachment.id)]
