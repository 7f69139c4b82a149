"""A sent quotation or PI on the timeline with its PDF, the chasers that follow a quotation up, the customer's
list of documents."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from tests.domain.quotes.quote_book import customer, seller
from trade_crm.domain.attachments.blobs import blob_path
from trade_crm.domain.attachments.records import attachments_of
from trade_crm.domain.clock import FixedClock, today
from trade_crm.domain.customers.timeline import timeline
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.quotes.listing import customer_documents
from trade_crm.domain.quotes.pricing import LineInput
from trade_crm.domain.quotes.proforma import ProformaInput, proforma_from_quotation, proforma_view
from trade_crm.domain.quotes.quotations import (
    QuotationInput,
    create_quotation,
    quotation_view,
    revise_quotation,
    set_quotation_status,
)
from trade_crm.domain.quotes.sent import mark_document_sent
from trade_crm.domain.reminders.rules import compute_reminders
from trade_crm.domain.reminders.settings import ReminderSettings
from trade_crm.store.models import Attachment, Interaction


@pytest.fixture
def pdf(tmp_path):
    path = tmp_path / "out.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"Q261102-1 USD 1,250.00" + b"\n%%EOF\n")
    return path


def follow_ups(clock) -> list[str]:
    return [c.key for c in compute_reminders(today(clock), clock.zone, ReminderSettings.load())
            if c.kind == "follow_up"]


def quote(clock, cid, **fields):
    return create_quotation(QuotationInput(cid, "USD", (LineInput(None, "LED panel", 100, "12.50"),),
                                           incoterm="FOB", incoterm_place="Ningbo", **fields), clock)


def test_a_quotation_sent_by_hand_is_a_timeline_entry_with_its_pdf_attached(book, clock, pdf, tmp_path):
    cid = customer(clock)
    view = quote(clock, cid, valid_until=date(2026, 12, 23))
    root = tmp_path / "attachments"
    sent = mark_document_sent("quotation", view.id, pdf, clock, root=root, channel="whatsapp")
    assert (sent.status, sent.label) == ("sent", view.number)
    entry = Interaction.get_by_id(sent.interaction_id)
    assert (entry.kind, entry.valid_until, entry.customer_id) == ("quotation", date(2026, 12, 23), cid)
    assert entry.summary == f"Quotation {view.number} sent by WhatsApp: USD 1,250.00 FOB Ningbo"
    files = attachments_of(cid, sent.interaction_id)
    assert [(f.id, f.name, f.source) for f in files] == [(sent.attachment_id, f"{view.number}.pdf", "quotation")]
    assert blob_path(root, files[0].sha256).read_bytes() == pdf.read_bytes()
    assert quotation_view(view.id).interaction_id == sent.interaction_id
    assert timeline(cid)[0].kind == "quotation"


def test_a_failed_attach_leaves_no_entry_and_the_quotation_a_draft(db, clock, pdf, tmp_path):
    cid = customer(clock)
    view = quote(clock, cid)
    with pytest.raises(ValidationError) as error:
        mark_document_sent("quotation", view.id, tmp_path / "missing.pdf", clock, root=tmp_path)
    assert error.value.field == "pdf_path"
    with pytest.raises(ValidationError) as error:
        mark_document_sent("quotation", view.id, pdf, clock)  # no attachments folder
    assert error.value.field == "root"
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the attachments folder should be")
    with pytest.raises(OSError):
        mark_document_sent("quotation", view.id, pdf, clock, root=blocked)
    assert Interaction.select().where(Interaction.kind == "quotation").count() == 0
    assert Attachment.select().count() == 0 and quotation_view(view.id).status == "draft"


def test_a_proforma_sent_is_a_proforma_entry_and_the_customer_lists_both_documents(book, clock, pdf, tmp_path):
    seller()
    cid = customer(clock)
    view = quote(clock, cid, valid_until=date(2026, 12, 23))
    mark_document_sent("quotation", view.id, pdf, clock, root=tmp_path)
    set_quotation_status(view.id, "accepted", clock)
    clock.advance(timedelta(days=1))
    pi = proforma_from_quotation(view.id, ProformaInput(port_of_loading="Ningbo"), clock)
    sent = mark_document_sent("proforma", pi.id, pdf, clock, root=tmp_path, channel="email")
    entry = Interaction.get_by_id(sent.interaction_id)
    assert (entry.kind, entry.valid_until) == ("proforma", None)
    assert entry.summary.startswith(f"Proforma invoice {pi.number} sent by email: USD 1,250.00")
    assert proforma_view(pi.id).status == "sent" and len(attachments_of(cid, sent.interaction_id)) == 1
    documents = customer_documents(cid)
    assert [(d.kind, d.number, d.status, d.total) for d in documents] == [
        ("proforma", "PI261124-1", "sent", Decimal("1250.00")), ("quotation", view.number, "accepted",
                                                                 Decimal("1250.00"))]
    assert documents[0].quotation_id == view.id


def test_the_chasers_skip_a_quotation_that_was_accepted_rejected_or_superseded(db):
    clock = FixedClock.at("2026-11-02 10:00", "Asia/Shanghai")
    waiting, accepted, rejected, revised = (customer(clock, name=n, contacts=[]) for n in (
        "Waiting GmbH", "Accepted LLC", "Rejected SA", "Revised Ltd"))
    views = {cid: quote(clock, cid, valid_until=date(2026, 11, 10)) for cid in (waiting, accepted, rejected, revised)}
    entries = {cid: mark_document_sent("quotation", v.id, None, clock).interaction_id for cid, v in views.items()}
    clock.advance(timedelta(days=3))
    assert sorted(follow_ups(clock)) == sorted(f"follow_up:quotation:{entries[c]}:2026-11-05" for c in views)
    set_quotation_status(views[accepted].id, "accepted", clock)
    set_quotation_status(views[rejected].id, "rejected", clock)
    v2 = revise_quotation(views[revised].id, clock)
    assert sorted(follow_ups(clock)) == sorted(f"follow_up:quotation:{entries[c]}:2026-11-05"
                                               for c in (waiting, revised))
    v2_entry = mark_document_sent("quotation", v2.id, None, clock).interaction_id  # v1 superseded; v2 waits
    assert follow_ups(clock) == [f"follow_up:quotation:{entries[waiting]}:2026-11-05"]
    clock.instant = FixedClock.at("2026-11-11 10:00", "Asia/Shanghai").instant
    # past validity: the waiting one and revised v1 (superseded): only the waiting one expires; v2 is valid
    # until 2026-11-13 and still waits for its reply
    assert sorted(follow_ups(clock)) == sorted([f"follow_up:quotation:{entries[waiting]}:2026-11-05",
                                                f"follow_up:quotation_expired:{entries[waiting]}:2026-11-10",
                                                f"follow_up:quotation:{v2_entry}:2026-11-08"])
