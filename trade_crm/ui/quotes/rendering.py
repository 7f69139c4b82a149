"""The calls behind the output buttons, each a plain function: the document built from the rows by
domain/quotes/documents and written by exchange/documents. The write_* functions run in a worker
(their first argument is the Job's context)."""

from __future__ import annotations

from pathlib import Path

from trade_crm.domain.clock import Clock
from trade_crm.domain.quotes import documents, proforma, quotations, sent
from trade_crm.exchange.documents import pdf, xlsx


def build(kind: str, ident: int, language: str):
    return (documents.quotation_document(ident, language) if kind == "quotation"
            else documents.proforma_document(ident, language))


def write_pdf(_context, kind: str, ident: int, language: str, out: Path) -> str:
    out.parent.mkdir(parents=True, exist_ok=True)
    return str(pdf.render_pdf(build(kind, ident, language), out))


def write_xlsx(_context, kind: str, ident: int, language: str, out: Path) -> str:
    return str(xlsx.render_xlsx(build(kind, ident, language), out))


def write_template(_context, kind: str, ident: int, language: str, out: Path, template: Path) -> str:
    return str(xlsx.fill_template(build(kind, ident, language), template, out))


def document_number(kind: str, ident: int) -> str:
    view = quotations.quotation_view(ident) if kind == "quotation" else proforma.proforma_view(ident)
    revision = getattr(view, "revision", 1)
    return view.number + (f" v{revision}" if revision > 1 else "")


def addressee(kind: str, ident: int) -> tuple[int, int | None, str]:
    """The customer and contact the document is for, and its number as printed."""
    view = quotations.quotation_view(ident) if kind == "quotation" else proforma.proforma_view(ident)
    return view.customer_id, view.contact_id, document_number(kind, ident)


def mail_purpose(kind: str, ident: int) -> str:
    return sent.document_purpose(kind, ident)


def mark_sent(kind: str, ident: int, path: Path, clock: Clock) -> None:
    sent.mark_document_sent(kind, ident, path, clock)
