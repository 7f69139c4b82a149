"""The calls behind the output buttons, each a plain function: the document built from the rows by
domain/quotes/documents and written by exchange/documents. The write_* functions run in a worker
(their first argument is the Job's context)."""

from __future__ import annotations

from pathlib import Path

from trade_crm.domain.clock import Clock
from trade_crm.domain.quotes import documents, proforma, quotations, sent


def build(kind: str, ident: int, language: str, root: Path | None):
    return (documents.quotation_document(ident, language, root) if kind == "quotation"
            else documents.proforma_document(ident, language, root))


def write_pdf(_context, kind: str, ident: int, language: str, root: Path | None, out: Path) -> str:
    # lazy: fpdf2, uharfbuzz and the font search load when a document is first written, not with the editor
    from trade_crm.exchange.documents.pdf import render_pdf

    out.parent.mkdir(parents=True, exist_ok=True)
    return str(render_pdf(build(kind, ident, language, root), out))


def write_xlsx(_context, kind: str, ident: int, language: str, root: Path | None, out: Path) -> str:
    # lazy: openpyxl loads when a document is first written
    from trade_crm.exchange.documents.xlsx import render_xlsx

    return str(render_xlsx(build(kind, ident, language, root), out))


def write_template(_context, kind: str, ident: int, language: str, root: Path | None, out: Path,
                   template: Path) -> str:
    # lazy: as write_xlsx
    from trade_crm.exchange.documents.xlsx import fill_template

    return str(fill_template(build(kind, ident, language, root), template, out))


def document_label(kind: str, ident: int) -> str:
    """The number as printed: "Q261205-3 v2", "PI261207-1"."""
    return quotations.quotation_view(ident).label if kind == "quotation" else proforma.proforma_view(ident).number


def addressee(kind: str, ident: int) -> tuple[int, int | None]:
    """The customer and contact the document is for."""
    view = quotations.quotation_view(ident) if kind == "quotation" else proforma.proforma_view(ident)
    return view.customer_id, view.contact_id


def prepare_mail(kind: str, ident: int, path: Path, root: Path) -> sent.DocumentMail:
    return sent.prepare_document_mail(kind, ident, path, root)


def mark_sent(kind: str, ident: int, path: Path, clock: Clock, root: Path | None) -> sent.SentDocument:
    return sent.mark_document_sent(kind, ident, path, clock, root=root, channel="hand")
