"""A quotation or PI that went to the buyer: on the customer's timeline with its PDF attached, its status sent,
and (a quotation) its earlier revisions superseded, all in one transaction.

Two ways out:
- by hand (WhatsApp, WeChat, a saved PDF handed over): `mark_document_sent` records it at once;
- by email through the outbox: `prepare_document_mail` keeps the PDF in the blob store and gives the `purpose`
  and the file for the Draft the caller queues (domain/mail/outbox.queue_drafts); when the message really
  leaves, domain/mail/sent.record_sent calls `document_mail_sent` with its timeline entry, which becomes the
  document's entry (kind quotation/proforma, the validity, the PDF attached): recorded at send time, once.

This module imports nothing of domain/mail (the mail side imports it), so the two packages stay acyclic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from trade_crm.domain.attachments.blobs import store_blob
from trade_crm.domain.attachments.records import NewFile, attach_files
from trade_crm.domain.clock import Clock
from trade_crm.domain.customers.timeline import log_interaction
from trade_crm.domain.errors import NotFoundError, ValidationError
from trade_crm.domain.quotes.money import format_amount, round_money
from trade_crm.domain.quotes.quotations import label_of
from trade_crm.store.models import Attachment, Interaction, ProformaInvoice, Quotation, database

DOCUMENT_PURPOSE = "document:"  # an outbox purpose: "document:<kind>:<id>:<sha256 of the PDF>"
TIMELINE_KINDS = {"quotation": "quotation", "proforma": "proforma"}
SENDABLE = {"quotation": ("draft", "sent"), "proforma": ("issued", "sent")}
CHANNELS = {"": "", "email": "by email", "whatsapp": "by WhatsApp", "wechat": "by WeChat", "hand": "by hand",
            "post": "by post"}
ATTACHMENT_SOURCE = "quotation"  # domain/attachments/records.SOURCES
MAX_PDF_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class SentDocument:
    kind: str  # "quotation" or "proforma"
    document_id: int
    label: str  # "Q261205-3 v2", "PI261207-1"
    status: str
    interaction_id: int
    attachment_id: int | None  # the PDF on the timeline entry (None when sent without one)


@dataclass(frozen=True)
class DocumentMail:
    """What a Draft for the outbox needs to carry a document: its purpose and the PDF to attach."""

    purpose: str
    path: str
    name: str
    size: int
    content_type: str
    subject: str  # a suggestion: "Quotation Q261205-3 v2"


def _row(kind: str, document_id: int):
    if kind not in TIMELINE_KINDS:
        raise ValidationError("kind", f'"{kind}" is not one of quotation, proforma')
    model = Quotation if kind == "quotation" else ProformaInvoice
    row = model.get_or_none(model.id == document_id)
    if row is None:
        raise NotFoundError("quotation" if kind == "quotation" else "proforma invoice", document_id)
    return row


def _label(kind: str, row) -> str:
    return label_of(row.number, row.revision) if kind == "quotation" else row.number


def _title(kind: str, row) -> str:
    return ("Quotation " if kind == "quotation" else "Proforma invoice ") + _label(kind, row)


def _summary(kind: str, row, channel: str) -> str:
    how = CHANNELS.get(channel, f"by {channel}")
    terms = f" {row.incoterm} {row.incoterm_place}" if row.incoterm else ""
    money = f"{row.currency} {format_amount(round_money(row.total, row.currency), row.currency)}"
    return f"{_title(kind, row)} sent{' ' + how if how else ''}: {money}{terms}"


def _check_sendable(kind: str, row) -> None:
    if row.status not in SENDABLE[kind]:
        raise ValidationError("status", f"{_label(kind, row)} is {row.status}: only a "
                                        f"{' or '.join(SENDABLE[kind])} {kind} is sent")


def _check_pdf(pdf_path: Path | None) -> Path | None:
    if pdf_path is None:
        return None
    path = Path(pdf_path)
    if not path.is_file():
        raise ValidationError("pdf_path", f"{path} is not a file")
    if path.stat().st_size > MAX_PDF_BYTES:
        raise ValidationError("pdf_path", f"{path.name} is over {MAX_PDF_BYTES // (1024 * 1024)} MB")
    return path


def _settle(kind: str, row, interaction_id: int, clock: Clock) -> str:
    """The document is sent (unless it already moved on: an accepted quotation mailed again stays accepted);
    a quotation's earlier revisions are superseded. Runs inside the caller's transaction."""
    model = Quotation if kind == "quotation" else ProformaInvoice
    status = row.status
    changes = {"interaction": interaction_id, "updated_at": clock.now()}
    if row.status in SENDABLE[kind]:
        changes["status"] = status = "sent"
    model.update(**changes).where(model.id == row.id).execute()
    if kind == "quotation" and status == "sent":
        (Quotation.update(status="superseded", updated_at=clock.now())
         .where(Quotation.number == row.number, Quotation.revision < row.revision,
                Quotation.status.not_in(["ordered", "superseded"])).execute())
    return status


def mark_document_sent(kind: str, document_id: int, pdf_path: Path | None, clock: Clock, *,
                       root: Path | None = None, channel: str = "", contact_id: int | None = None,
                       occurred_at: datetime | None = None, note: str = "") -> SentDocument:
    """The quotation or PI went out by hand (WhatsApp, WeChat, a saved PDF): a timeline entry (kind quotation
    with the validity, or proforma) with the PDF attached (kept in the blob store under `root`), the status sent,
    earlier revisions superseded: one transaction."""
    row = _row(kind, document_id)
    _check_sendable(kind, row)
    path = _check_pdf(pdf_path)
    if path is not None and root is None:
        raise ValidationError("root", "the book's attachments folder is needed to keep the PDF")
    contact = contact_id if contact_id is not None else row.contact_id
    with database.atomic():
        interaction_id = log_interaction(
            row.customer_id, TIMELINE_KINDS[kind], _summary(kind, row, channel), clock, occurred_at=occurred_at,
            body=note, contact_id=contact, valid_until=row.valid_until if kind == "quotation" else None)
        attachment_id = None
        if path is not None:
            attached = attach_files(root, row.customer_id, [NewFile(path, f"{_label(kind, row)}.pdf")], clock,
                                    interaction_id=interaction_id, source=ATTACHMENT_SOURCE)
            attachment_id = attached[0].id
        status = _settle(kind, row, interaction_id, clock)
    return SentDocument(kind, row.id, _label(kind, row), status, interaction_id, attachment_id)


def prepare_document_mail(kind: str, document_id: int, pdf_path: Path, root: Path) -> DocumentMail:
    """Keep the PDF in the blob store and say how the Draft carries it: `purpose` and the file. The caller queues
    the Draft (domain/mail/outbox.queue_drafts) with customer_id set; nothing is on the timeline until it goes."""
    row = _row(kind, document_id)
    _check_sendable(kind, row)
    path = _check_pdf(pdf_path)
    if path is None:
        raise ValidationError("pdf_path", "a document goes by email as its PDF")
    blob = store_blob(root, path)
    return DocumentMail(f"{DOCUMENT_PURPOSE}{kind}:{row.id}:{blob.sha256}", str(path), f"{_label(kind, row)}.pdf",
                        blob.size, "application/pdf", _title(kind, row))


def parse_purpose(purpose: str) -> tuple[str, int, str] | None:
    """(kind, id, sha256) of a document mail's purpose; None for any other purpose."""
    if not purpose.startswith(DOCUMENT_PURPOSE):
        return None
    kind, _, rest = purpose[len(DOCUMENT_PURPOSE):].partition(":")
    ident, _, sha = rest.partition(":")
    if kind not in TIMELINE_KINDS or not ident.isdigit():
        return None
    return kind, int(ident), sha


def document_mail_sent(purpose: str, interaction_id: int, files: Sequence[tuple[str, int]], clock: Clock) -> None:
    """Called by domain/mail/sent.record_sent, inside its transaction, when a document's mail left: its timeline
    entry (an email) becomes the document's entry, with the PDF (already in the blob store) attached, and the
    document is sent. `files`: the message's attachments as (name, size). A document deleted since is skipped."""
    parsed = parse_purpose(purpose)
    if parsed is None:
        return
    kind, document_id, sha = parsed
    model = Quotation if kind == "quotation" else ProformaInvoice
    row = model.get_or_none(model.id == document_id)
    entry = Interaction.get_or_none(Interaction.id == interaction_id)
    if row is None or entry is None:
        return
    entry_kind = TIMELINE_KINDS[kind]
    (Interaction.update(kind=entry_kind, valid_until=row.valid_until if kind == "quotation" else None)
     .where(Interaction.id == interaction_id).execute())  # the summary stays the mail's subject
    name, size = next(((n, s) for n, s in files if n.lower().endswith(".pdf")), (f"{_label(kind, row)}.pdf", 0))
    if sha and not Attachment.select().where(Attachment.interaction == interaction_id,
                                             Attachment.sha256 == sha).exists():
        Attachment.insert(sha256=sha, name=name, size=size, content_type="application/pdf",
                          customer=entry.customer_id, interaction=interaction_id, source=ATTACHMENT_SOURCE,
                          created_at=clock.now()).execute()
    _settle(kind, row, interaction_id, clock)
