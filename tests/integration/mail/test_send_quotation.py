"""A quotation mailed through the outbox, against a real Dovecot and aiosmtpd: nothing is on the timeline while it
waits; when it goes, its entry is the quotation's (kind, validity, the PDF attached) and the quotation is sent."""

from __future__ import annotations

from datetime import date

from tests.integration.mail.send_helpers import HANS, setting
from trade_crm.domain.attachments.blobs import blob_path
from trade_crm.domain.attachments.records import attachments_of
from trade_crm.domain.mail.outbox import outbox_entry, queue_drafts
from trade_crm.domain.mail.outgoing import Draft, OutgoingFile
from trade_crm.domain.quotes.pricing import LineInput
from trade_crm.domain.quotes.quotations import QuotationInput, create_quotation, quotation_view
from trade_crm.domain.quotes.sent import prepare_document_mail
from trade_crm.exchange.mail.sending import send_due
from trade_crm.store.models import Interaction

__all__ = ["setting"]  # the fixture, used by name


def test_a_mailed_quotation_is_on_the_timeline_with_its_pdf_once_the_message_went(setting, clock, tmp_path):
    view = create_quotation(QuotationInput(setting.customer_id, "EUR", (LineInput(None, "LED panel", 100, "11.50"),),
                                           valid_until=date(2026, 12, 23)), clock)
    pdf = tmp_path / f"{view.number}.pdf"
    pdf.write_bytes(b"%PDF-1.7\n% quotation for Hans\n%%EOF\n")
    root = tmp_path / "attachments"
    mail = prepare_document_mail("quotation", view.id, pdf, root)
    [entry] = queue_drafts([Draft(setting.account.id, (HANS,), mail.subject, "Dear Hans,\n\nplease find our quotation.",
                                  attachments=(OutgoingFile(mail.path, mail.name, mail.size, mail.content_type),),
                                  customer_id=setting.customer_id, purpose=mail.purpose)], clock)
    assert quotation_view(view.id).status == "draft"
    assert Interaction.select().where(Interaction.customer == setting.customer_id).count() == 0
    assert send_due(clock, setting.logins, ca_file=setting.ca_file).sent == 1
    interaction_id = outbox_entry(entry.id).interaction_id
    timeline_entry = Interaction.get_by_id(interaction_id)
    assert (timeline_entry.kind, timeline_entry.valid_until) == ("quotation", date(2026, 12, 23))
    assert timeline_entry.summary == mail.subject == f"Quotation {view.number}"
    sent = quotation_view(view.id)
    assert (sent.status, sent.interaction_id) == ("sent", interaction_id)
    [attached] = attachments_of(setting.customer_id, interaction_id)
    assert (attached.name, attached.size, attached.source) == (f"{view.number}.pdf", pdf.stat().st_size, "quotation")
    assert blob_path(root, attached.sha256).read_bytes() == pdf.read_bytes()
    assert Interaction.select().where(Interaction.customer == setting.customer_id).count() == 1
