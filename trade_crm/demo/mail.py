"""A small synced mailbox for the demo book: two threads and a single message with one customer, and three
senders waiting in New senders. The screenshots and the UI tests use it; nothing here talks to a server
(the messages are what exchange/mail would hand over after a sync, recorded through domain/mail)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from trade_crm.domain.clock import Clock
from trade_crm.domain.customers.records import get_customer
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.mail.accounts import add_account, list_accounts
from trade_crm.domain.mail.messages import Address, AttachmentInfo, IncomingMail, MailLocation
from trade_crm.domain.mail.record import RecordReport, record_mail

OWN = Address("ann@sunrise-lighting.cn", "Ann Chen")
KB = 1024


@dataclass(frozen=True)
class DemoMail:
    account_id: int
    report: RecordReport
    customer_email: str


def _mail(key: str, subject: str, sender: Address, to: Address, when, text: str, *, reply_to: str = "",
          refs: tuple[str, ...] = (), files: tuple[tuple[str, int, str], ...] = ()) -> IncomingMail:
    return IncomingMail(
        message_id=f"{key}@demo.trade-crm", content_hash=hashlib.sha256(key.encode()).hexdigest(), subject=subject,
        sender=sender, to=(to,), cc=(), sent_at=when, in_reply_to=reply_to, references=refs, text=text,
        attachments=tuple(AttachmentInfo(name, size, kind, str(n + 2)) for n, (name, size, kind) in enumerate(files)))


def load_demo_mail(clock: Clock, customer_id: int) -> DemoMail:
    """Record the demo mailbox: the customer's first contact with an email address writes to Ann."""
    customer = get_customer(customer_id)
    contact = next((c for c in customer.contacts if c.emails and c.name.isascii()), None) or \
        next((c for c in customer.contacts if c.emails), None)
    if contact is None:
        raise ValidationError("customer", "the demo mailbox needs a customer whose contact has an email address")
    them = Address(contact.emails[0], contact.name)
    first = contact.name.split()[0] if contact.name else ""
    account = next((a for a in list_accounts() if a.email == OWN.email), None) or add_account(
        OWN.email, host="imap.sunrise-lighting.cn", clock=clock, label="Sunrise Lighting", provider="exmail")
    now = clock.now()
    day = timedelta(days=1)
    pdf, xlsx, zip_ = "application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", \
        "application/zip"
    inquiry = _mail("inq", "Inquiry: 500 LED panel lights 600x600", them, OWN, now - 20 * day,
                    f"Dear Ann,\nwe are looking for 500 LED panel lights, 600x600, 40 W, 4000 K for a school "
                    f"project.\nPlease send your best price FOB Ningbo and the lead time.\n\nBest regards,\n{contact.name}")
    quote = _mail("quo", "Re: Inquiry: 500 LED panel lights 600x600", OWN, them, now - 19 * day,
                  f"Dear {first},\nthank you for your inquiry. Please find our quotation attached: US$ 11.80 "
                  "per piece FOB Ningbo, lead time 25 days.\n\nBest regards,\nAnn",
                  reply_to="inq@demo.trade-crm", refs=("inq@demo.trade-crm",),
                  files=(("Quotation SL-2026-118.pdf", 182 * KB, pdf),))
    samples = _mail("smp", "Re: Inquiry: 500 LED panel lights 600x600", them, OWN, now - 12 * day,
                    "Dear Ann,\nthe price is fine. Could you send two samples by DHL before we confirm?\n"
                    f"Our account number is 95-1234-567.\n\nRegards,\n{first}",
                    reply_to="quo@demo.trade-crm", refs=("inq@demo.trade-crm", "quo@demo.trade-crm"))
    sent = _mail("snt", "Re: Inquiry: 500 LED panel lights 600x600", OWN, them, now - 11 * day,
                 f"Dear {first},\nthe samples left today, DHL waybill 4821 7730 12. Photos attached.\n\nAnn",
                 reply_to="smp@demo.trade-crm", refs=("inq@demo.trade-crm", "quo@demo.trade-crm", "smp@demo.trade-crm"),
                 files=(("Sample photos.zip", 2350 * KB, zip_),))
    docs = _mail("doc", "Shipping documents for PO-7781", OWN, them, now - 6 * day,
                 f"Dear {first},\nyour order PO-7781 is on board. Attached are the commercial invoice and the packing "
                 "list; the B/L follows by courier.\n\nAnn",
                 files=(("Commercial invoice CI-7781.pdf", 96 * KB, pdf), ("Packing list PL-7781.xlsx", 31 * KB, xlsx)))
    thanks = _mail("thx", "Re: Shipping documents for PO-7781", them, OWN, now - 5 * day,
                   f"Thank you Ann, documents received. We will pay the balance this week.\n\n{first}",
                   reply_to="doc@demo.trade-crm", refs=("doc@demo.trade-crm",))
    fair = _mail("fair", "Meeting at the Canton Fair", them, OWN, now - 2 * day,
                 f"Hi Ann,\nwe will visit the Canton Fair in April. Can we meet at your booth?\n\n{first}")
    carlos = Address("carlos@ferragens-lisboa.pt", "Carlos Mendes")
    priya = Address("priya.nair@brightline-lighting.in", "Priya Nair")
    kenji = Address("k.sato@sato-denki.co.jp", "Kenji Sato")
    strangers = [
        _mail("c1", "Catalogue request: downlights", carlos, OWN, now - 9 * day,
              "Hello,\nplease send us your catalogue of LED downlights and your price list.\n\nBest regards,\n"
              "Carlos Mendes\nPurchasing Manager\nFerragens Lisboa S.A.\nTel: +351 21 345 6789"),
        _mail("c2", "Re: Catalogue request: downlights", carlos, OWN, now - 3 * day,
              "Hello Ann,\ndid you receive my request? We need the prices by Friday.\n\nCarlos Mendes\n"
              "Ferragens Lisboa S.A.\nTel: +351 21 345 6789"),
        _mail("p1", "Distributor enquiry for India", priya, OWN, now - 4 * day,
              "Dear Sir/Madam,\nwe distribute lighting products in Kerala and would like to represent your "
              "brand.\n\nPriya Nair\nBrightline Lighting Pvt Ltd\nMobile: +91 98470 12345"),
        _mail("k1", "Quotation for LED tubes", kenji, OWN, now - 1 * day,
              "Dear Ann,\nplease quote 2,000 T8 LED tubes, 1200 mm.\n\nKenji Sato\nSato Denki Co., Ltd.\n"
              "Tel: +81 3 1234 5678"),
    ]
    items = [(m, MailLocation(account.id, "Sent" if m.sender == OWN else "INBOX", 1, n + 1))
             for n, m in enumerate([inquiry, quote, samples, sent, docs, thanks, fair, *strangers])]
    return DemoMail(account.id, record_mail(items, clock=clock), them.email)
