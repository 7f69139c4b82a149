"""The generated mail corpus: a user's INBOX and Sent folder, built in code, deterministic, with what a correct
parse of each message gives, plus the hostile messages a mailbox also holds.

    build_corpus(seed=7, size=1000) -> list[CorpusMessage]
    write_maildir(root, messages)         Dovecot's Maildir++ (INBOX in root, Sent in root/.Sent)
    big_attachment_message(megabytes=50)  one message with a 50 MB attachment (not in build_corpus)
    by_kind(messages, "plain")            the messages of a kind, or of a family of kinds

The user is Li Wei of Dragonlight Export (dragonlight.cn), writing to customers at company domains
(CUSTOMERS) and at free-mail addresses (FREEMAIL_CUSTOMERS), and to two colleagues of the same domain.
The corpus mixes languages and encodings (GBK and ISO-2022-JP subjects, Big5, Shift_JIS, KOI8-R, Latin-1
quoted-printable, UTF-8), multipart/alternative with HTML, inline images, attachments with Chinese names in
RFC 2231 and RFC 2047 form, a forwarded message attached, Apple Mail's text around an inline photo, an
S/MIME-signed message, Outlook's related HTML, format=flowed, a thread of 10, auto-replies, bounces, read
receipts, internal mail, a message without Message-ID (twice: INBOX and Sent hold the same message), and
cheap hostile ones (malformed, unknown charset, broken encoded words, raw 8-bit headers, 10,000
recipients, deep nesting, bad dates, garbage). These fixed kinds come first, in the same order for every
seed and size; customers' inquiries and the user's replies (Sent) fill the rest. A message's date, and so
its place in the folder, follows its index: the corpus spans 330 days from 2025-12-01 whatever its size.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from pathlib import Path

from tests import mail_hostile
from tests.mail_facts import (
    ALL_CUSTOMERS,
    COLLEAGUES,
    CUSTOMERS,
    FREEMAIL_CUSTOMERS,
    HTML,
    OWN_DOMAIN,
    PDF,
    PNG,
    PRODUCTS,
    REPLY,
    SPAN,
    START,
    USER,
    WORDS,
    XLSX,
    CorpusMessage,
    Customer,
    Expected,
    customer_key,
    header_date,
)
from tests.mail_mime import Mime, addresses, attachment, enclosed, finish, message, multipart, text, word

__all__ = ["ALL_CUSTOMERS", "COLLEAGUES", "CUSTOMERS", "FREEMAIL_CUSTOMERS", "OWN_DOMAIN", "USER", "CorpusMessage",
           "Customer", "Expected", "big_attachment_message", "build_corpus", "customer_key", "write_maildir"]

class _Builder:
    def __init__(self, seed: int, size: int) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.size = size
        self.out: list[CorpusMessage] = []
        self.threads: dict[str, tuple[str, str, tuple[str, ...]]] = {}  # customer -> (subject, id, references)

    def when(self, index: int) -> datetime:
        step = SPAN / max(self.size, 1)
        return (START + step * index).replace(microsecond=0)

    def add(self, raw: bytes, folder: str, expected: Expected, kind: str, *, customer: str = "",
            internal: bool = False, hostile: bool = False, flags: tuple[str, ...] | None = None,
            internal_date: datetime | None = None, same_as: int | None = None, crlf: bool = True) -> int:
        if flags is None:
            flags = ("\\Seen",) if folder == "Sent" or self.rng.random() < 0.8 else ()
        received = internal_date or expected.sent_at + timedelta(minutes=2 if folder == "INBOX" else 0)
        self.out.append(CorpusMessage(finish(raw) if crlf else raw, folder, flags, received, kind, expected,
                                      customer, internal, hostile, same_as))
        return len(self.out) - 1

    def mid(self, kind: str, domain: str) -> str:
        return f"{kind}.{len(self.out)}.{self.seed}@{domain}"

    # The messages every corpus holds ----------------------------------------------------------------------

    def specials(self) -> None:
        self.thread_of_ten()
        self.machine_mail()
        self.colleagues()
        self.shapes()
        self.no_message_id()
        self.encodings()
        mail_hostile.add_all(self)

    def thread_of_ten(self) -> None:
        customer = CUSTOMERS[0]
        name, email = customer.contacts[0]
        subject = "Inquiry: LED panel 600x600 for Walmart project"
        ids: list[str] = []
        for step in range(10):
            when = self.when(len(self.out))
            outgoing = step % 2 == 1
            sender, recipient = (USER, (name, email)) if outgoing else ((name, email), USER)
            shown = subject if step == 0 else f"Re: {subject}"
            mid = self.mid("thread", OWN_DOMAIN if outgoing else customer.domain)
            body = f"Message {step + 1} of the Walmart thread.\n\nSecond line {step}."
            headers = [("From", addresses([sender])), ("To", addresses([recipient])), ("Subject", shown),
                       ("Date", header_date(when, 8 if outgoing else customer.zone)), ("Message-ID", f"<{mid}>")]
            if ids:
                headers += [("In-Reply-To", f"<{ids[-1]}>"), ("References", " ".join(f"<{i}>" for i in ids))]
            raw = message(headers, text(body, encoding="7bit", charset="us-ascii"))
            expected = Expected(shown, sender[1].lower(), sender[0], (recipient[1].lower(),), (), when, mid,
                                ids[-1] if ids else "", tuple(ids), (f"Message {step + 1} of the Walmart thread.",))
            self.add(raw, "Sent" if outgoing else "INBOX", expected, "thread", customer=customer.domain)
            ids.append(mid)

    def machine_mail(self) -> None:
        customer = CUSTOMERS[1]
        name, email = customer.contacts[0]
        when = self.when(len(self.out))
        variants = (
            ("Auto-Submitted", "auto-replied", "Out of Office: Anfrage"),
            ("X-Autoreply", "yes", "Abwesend bis 10. Januar"),
            ("X-Autorespond", "Your message was received", "Thanks for your mail"),
            ("Precedence", "auto_reply", "Re: price list"),
            ("X-Mailer", "QQMail 2.x", "自动回复: 询价"),
            ("X-Mailer", "Outlook", "Automatic reply: Inquiry"),
        )
        for header, value, subject in variants:
            mid = self.mid("auto", customer.domain)
            raw = message([("From", addresses([(name, email)], "iso-8859-1")), ("To", USER[1]),
                           ("Subject", word(subject)), ("Date", header_date(when, 1)), ("Message-ID", f"<{mid}>"),
                           (header, value)],
                          text(f"Ich bin bis zum 10. Januar nicht im Büro. ({subject})"))
            self.add(raw, "INBOX", Expected(subject, email.lower(), name, (USER[1],), (), when, mid,
                                            text_has=("nicht im Büro",), auto="auto_reply"),
                     "auto-reply", customer=customer.domain)
        # A bounce: multipart/report with the delivery status and the original message.
        original = message([("From", addresses([USER])), ("To", "nobody@acme-supplies.com"),
                            ("Subject", "Quotation QT-2026-001"), ("Date", header_date(when, 8)),
                            ("Message-ID", "<qt-2026-001@dragonlight.cn>")], text("Please find the quotation."))
        status = Mime(("Content-Type: message/delivery-status",),
                      b"Reporting-MTA: dns; mx.dragonlight.cn\n\nFinal-Recipient: rfc822; nobody@acme-supplies.com\n"
                      b"Action: failed\nStatus: 5.1.1\n")
        report = multipart("report", [text("Your message could not be delivered to nobody@acme-supplies.com.",
                                           charset="us-ascii", encoding="7bit"), status, enclosed(original)],
                           "bounce-1", extra="; report-type=delivery-status")
        mid = self.mid("bounce", "mx.dragonlight.cn")
        raw = message([("From", "Mail Delivery System <MAILER-DAEMON@mx.dragonlight.cn>"), ("To", USER[1]),
                       ("Subject", "Undelivered Mail Returned to Sender"), ("Date", header_date(when, 8)),
                       ("Message-ID", f"<{mid}>"), ("Auto-Submitted", "auto-replied")], report)
        self.add(raw, "INBOX", Expected("Undelivered Mail Returned to Sender", "mailer-daemon@mx.dragonlight.cn",
                                        "Mail Delivery System", (USER[1],), (), when, mid,
                                        text_has=("could not be delivered",), auto="bounce",
                                        attachments=(("Quotation QT-2026-001.eml", "message/rfc822"),)), "bounce")
        # A bounce from a mailer-daemon that is plain text (no report), and a read receipt.
        mid = self.mid("bounce", "mail.qq.com")
        raw = message([("From", "MAILER-DAEMON@mail.qq.com"), ("To", USER[1]), ("Subject", word("系统退信")),
                       ("Date", header_date(when, 8)), ("Message-ID", f"<{mid}>")],
                      text("很抱歉您发送的邮件被退回。", charset="gb18030", encoding="base64"))
        self.add(raw, "INBOX", Expected("系统退信", "mailer-daemon@mail.qq.com", "", (USER[1],), (), when, mid,
                                        text_has=("邮件被退回",), auto="bounce"), "bounce")
        receipt = multipart("report", [text("Your message was displayed.", charset="us-ascii", encoding="7bit"),
                                       Mime(("Content-Type: message/disposition-notification",),
                                            b"Final-Recipient: rfc822; j.mueller@mueller-leuchten.de\n"
                                            b"Disposition: manual-action/MDN-sent-manually; displayed\n")],
                            "mdn-1", extra="; report-type=disposition-notification")
        mid = self.mid("receipt", customer.domain)
        raw = message([("From", addresses([(name, email)])), ("To", USER[1]), ("Subject", "Read: Quotation"),
                       ("Date", header_date(when, 1)), ("Message-ID", f"<{mid}>")], receipt)
        self.add(raw, "INBOX", Expected("Read: Quotation", email.lower(), name, (USER[1],), (), when, mid,
                                        text_has=("was displayed",), auto="auto_reply"), "read-receipt",
                 customer=customer.domain)

    def colleagues(self) -> None:
        for step in range(4):
            when = self.when(len(self.out))
            sender, recipient = (COLLEAGUES[step % 2], USER) if step < 2 else (USER, COLLEAGUES[step % 2])
            mid = self.mid("internal", OWN_DOMAIN)
            subject = ("周会纪要", "Sample shipment to Lagos", "Re: 周会纪要", "Lunch?")[step]
            raw = message([("From", addresses([sender], "gbk")), ("To", addresses([recipient], "gbk")),
                           ("Cc", addresses([COLLEAGUES[(step + 1) % 2]], "gbk")),
                           ("Subject", word(subject, "gbk")), ("Date", header_date(when, 8)), ("Message-ID", f"<{mid}>")],
                          text(f"内部邮件 {step}：样品明天发货。", charset="gbk", encoding="base64"))
            self.add(raw, "Sent" if sender == USER else "INBOX",
                     Expected(subject, sender[1], sender[0], (recipient[1],), (COLLEAGUES[(step + 1) % 2][1],),
                              when, mid, text_has=("样品明天发货",)), "internal", internal=True)

    def shapes(self) -> None:
        """Shapes real mailers send: a forwarded message attached, Apple Mail's text around an inline photo,
        an S/MIME-signed message, Outlook's related HTML with its logo, format=flowed."""
        customer = CUSTOMERS[0]
        name, email = customer.contacts[1]
        forwarded = message([("From", "Supplier <sales@supplier.example>"), ("To", email),
                             ("Subject", word("Angebot für Kabel")), ("Date", header_date(START, 1)),
                             ("Message-ID", "<fwd-inner@supplier.example>")], text("The inner offer."))
        cases = (
            ("forwarded", "Fwd: competitor offer", multipart("mixed", [text("See the offer we got, can you beat it?"),
                                                                       enclosed(forwarded)], "fwd-1"),
             ("can you beat it?",), (("Angebot für Kabel.eml", "message/rfc822"),)),
            ("apple-inline", "Sample photo", multipart("mixed", [
                text("Here is the sample:", encoding="7bit", charset="us-ascii"),
                attachment("IMG_0042.jpg", "image/jpeg", PNG, inline=True),
                text("Sent from my iPhone", encoding="7bit", charset="us-ascii")], "apple-1"),
             ("Here is the sample:\n\nSent from my iPhone",), (("IMG_0042.jpg", "image/jpeg"),)),
            ("signed", "Signed order", multipart("signed", [
                text("Purchase order PO-7781 is confirmed."),
                Mime(('Content-Type: application/pkcs7-signature; name="smime.p7s"',
                      "Content-Transfer-Encoding: base64"), b"U0lHTkFUVVJF")], "sig-1",
                extra='; protocol="application/pkcs7-signature"; micalg=sha-256'),
             ("PO-7781 is confirmed.",), ()),
            ("outlook-related", "Meeting at the fair", multipart("alternative", [
                text("Let us meet at booth 3.2C12."),
                multipart("related", [text('<p>Let us meet at booth 3.2C12.</p><img src="cid:image001.png@01DA">',
                                           "html"),
                                      attachment("image001.png", "image/png", PNG, inline=True,
                                                 content_id="image001.png@01DA")], "rel-1")], "alt-o1"),
             ("booth 3.2C12",), ()),
            ("flowed", "Flowed text", Mime(("Content-Type: text/plain; charset=utf-8; format=flowed",),
                                           b"We can ship the 2,000 pieces by the end \nof March if you confirm.\n"),
             ("ship the 2,000 pieces by the end of March",), ()),
        )
        for kind, subject, entity, has, files in cases:
            when = self.when(len(self.out))
            mid = self.mid(kind, customer.domain)
            raw = message([("From", addresses([(name, email)])), ("To", addresses([USER])), ("Subject", subject),
                           ("Date", header_date(when, customer.zone)), ("Message-ID", f"<{mid}>")], entity)
            self.add(raw, "INBOX", Expected(subject, email, name, (USER[1],), (), when, mid, text_has=has,
                                            attachments=files), kind, customer=customer.domain)

    def no_message_id(self) -> None:
        """One message without a Message-ID, in INBOX and again in Sent (the user was in Cc): one key."""
        customer = CUSTOMERS[8]
        name, email = customer.contacts[0]
        when = self.when(len(self.out))
        raw = message([("From", addresses([(name, email)])), ("To", addresses([USER])),
                       ("Cc", "wang.fang@dragonlight.cn"), ("Subject", "Container booking without an id"),
                       ("Date", header_date(when, 1))], text("Please confirm the container booking for week 12."))
        expected = Expected("Container booking without an id", email, name, (USER[1],),
                            ("wang.fang@dragonlight.cn",), when, "", text_has=("container booking",))
        first = self.add(raw, "INBOX", expected, "no-message-id", customer=customer.domain)
        copy = b"Received: from relay.example by mx.dragonlight.cn; " + header_date(when, 0).encode() + b"\n" + raw
        self.add(copy, "Sent", expected, "no-message-id", customer=customer.domain, same_as=first,
                 internal_date=when + timedelta(hours=3))

    def encodings(self) -> None:
        """One message per customer in their own encoding, as plain text, then as HTML alternative."""
        for customer in ALL_CUSTOMERS:
            self.inquiry(customer, structure="plain", index_hint=0)
            self.inquiry(customer, structure="alternative", index_hint=1)

    # Generated messages ---------------------------------------------------------------------------------------

    def inquiry(self, customer: Customer, structure: str, index_hint: int) -> None:
        rng = self.rng
        name, email = customer.contacts[index_hint % len(customer.contacts)]
        when = self.when(len(self.out))
        product = PRODUCTS[rng.randrange(len(PRODUCTS))]
        quantity = rng.choice((500, 1000, 2000, 3000, 5000))
        subject_template, body_template = WORDS[customer.language]
        subject = subject_template.format(p=product, q=quantity)
        body = body_template.format(p=product, q=quantity, n=name)
        first_line = body.split("\n", 1)[0]
        charset = customer.charset
        subject_charset = "utf-8" if charset in ("us-ascii",) else charset
        encoding = {"iso-2022-jp": "7bit", "us-ascii": "7bit", "iso-8859-1": "quoted-printable",
                    "koi8-r": "base64", "windows-1251": "quoted-printable"}.get(charset, "base64")
        if charset == "utf-8":
            encoding = rng.choice(("base64", "quoted-printable", "8bit"))
        declared = charset
        if charset == "gb2312" and rng.random() < 0.5:
            declared = "GB2312"
        mid = self.mid("inq", customer.domain or email.partition("@")[2])
        has = (first_line, product)
        lacks: tuple[str, ...] = ()
        files: tuple[tuple[str, str], ...] = ()
        plain = text(body, charset=charset, encoding=encoding, declared=declared)
        if structure == "plain":
            entity = plain
        elif structure == "alternative":
            html_body = HTML.format(first=first_line, d=customer.domain or "example.com", p=product, q=quantity,
                                    n=name)
            html = text(html_body, "html", charset="utf-8", encoding="quoted-printable")
            if rng.random() < 0.5 or customer.language in ("en",):
                entity = multipart("alternative", [plain, html], f"alt-{len(self.out)}")
            else:  # HTML only: the converted text is what is kept
                entity = html
                has = (first_line, f"the {product} range (https://{customer.domain or 'example.com'}/catalogue?"
                                   f"q={quantity})", f"- {quantity} pcs")
                lacks = ("track(", "color: red")
        else:  # with attachments
            names = (("报价单.pdf", "application/pdf", PDF, "2231"), ("产品目录 2026.xlsx",
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", XLSX, "gbk-2047"),
                     ("photo.png", "image/png", PNG, "2047"))
            chosen = names[: 1 + len(self.out) % 3]
            entity = multipart("mixed", [plain, *(attachment(n, t, d, s) for n, t, d, s in chosen)],
                               f"mix-{len(self.out)}")
            files = tuple((n, t) for n, t, _d, _s in chosen)
            lacks = ("PDF-1.4",)
        headers = [("From", addresses([(name, email)], subject_charset if subject_charset != "us-ascii" else "utf-8")),
                   ("To", addresses([USER])), ("Subject", word(subject, subject_charset)),
                   ("Date", header_date(when, customer.zone)), ("Message-ID", f"<{mid}>")]
        raw = message(headers, entity)
        self.add(raw, "INBOX", Expected(subject, _fold(email), name, (USER[1],), (), when, mid, text_has=has,
                                        text_lacks=lacks, attachments=files),
                 f"{structure}-{charset}", customer=customer_key(customer))

    def reply(self, customer: Customer, original: CorpusMessage) -> None:
        rng = self.rng
        name, email = customer.contacts[0]
        when = self.when(len(self.out))
        product = PRODUCTS[rng.randrange(len(PRODUCTS))]
        quantity = rng.choice((500, 1000, 2000))
        price = f"{rng.randrange(100, 2000) / 100:.2f}"
        subject = "Re: " + original.expected.subject
        body = REPLY[1].format(n=name, q=quantity, p=product, price=price)
        mid = self.mid("reply", OWN_DOMAIN)
        refs = (*original.expected.references, original.expected.message_id)
        pdf = attachment(f"Quotation QT-{len(self.out):05d}.pdf", "application/pdf", PDF, "2231")
        entity = multipart("mixed", [text(body, encoding="quoted-printable"), pdf], f"re-{len(self.out)}")
        cc = (COLLEAGUES[0],) if rng.random() < 0.3 else ()
        headers = [("From", addresses([USER])), ("To", addresses([(name, email)])),
                   ("Subject", word(subject)), ("Date", header_date(when, 8)), ("Message-ID", f"<{mid}>"),
                   ("In-Reply-To", f"<{original.expected.message_id}>"),
                   ("References", "\n ".join(f"<{r}>" for r in refs))]
        if cc:
            headers.insert(2, ("Cc", addresses(cc)))
        raw = message(headers, entity)
        self.add(raw, "Sent", Expected(subject, USER[1], USER[0], (_fold(email),), tuple(c[1] for c in cc), when,
                                       mid, original.expected.message_id, refs, (f"USD {price} per piece",),
                                       attachments=((f"Quotation QT-{len(self.out):05d}.pdf",
                                                     "application/pdf"),)),
                 "reply", customer=customer_key(customer), flags=("\\Seen",))

    def fill(self) -> None:
        rng = self.rng
        structures = ("plain", "alternative", "attachments")
        while len(self.out) < self.size:
            customer = ALL_CUSTOMERS[rng.randrange(len(ALL_CUSTOMERS))]
            last = next((m for m in reversed(self.out[-40:]) if m.customer == customer_key(customer)
                         and m.folder == "INBOX" and m.expected.message_id and not m.hostile
                         and not m.expected.auto), None)
            if last is not None and rng.random() < 0.35:
                self.reply(customer, last)
            else:
                self.inquiry(customer, structures[rng.randrange(3)], rng.randrange(2))


def _fold(email: str) -> str:
    local, _at, domain = email.lower().rpartition("@")
    if "xn--" in domain:
        domain = ".".join(label.encode().decode("idna") if label.startswith("xn--") else label
                          for label in domain.split("."))
    return f"{local}@{domain}"


def build_corpus(seed: int = 7, size: int = 1000) -> list[CorpusMessage]:
    """`size` messages (at least the fixed ones), the same bytes for the same seed and size."""
    builder = _Builder(seed, size)
    builder.specials()
    builder.fill()
    return builder.out


def big_attachment_message(megabytes: int = 50) -> CorpusMessage:
    """A short inquiry with one attachment of `megabytes` MB (base64: the message is about 4/3 of that)."""
    return mail_hostile.big_attachment(megabytes)


_MAILDIR_FLAGS = {"\\Draft": "D", "\\Flagged": "F", "\\Answered": "R", "\\Seen": "S", "\\Deleted": "T"}


def maildir_name(index: int, message: CorpusMessage) -> tuple[str, str]:
    """(subfolder, file name) of a message in Maildir: unseen mail waits in new/ (no info), the rest is in
    cur/ with its flags after ':2,' in ASCII order; S= is the file's size (Dovecot trusts it)."""
    stamp = int(message.internal_date.timestamp())
    base = f"{stamp}.M{index:06d}P1.corpus,S={len(message.raw)}"
    if "\\Seen" not in message.flags:
        return "new", base
    letters = "".join(sorted(_MAILDIR_FLAGS[f] for f in message.flags if f in _MAILDIR_FLAGS))
    return "cur", f"{base}:2,{letters}"


def write_maildir(root: Path, messages: Iterable[CorpusMessage]) -> dict[str, int]:
    """Write `messages` as a Dovecot Maildir++ mailbox at `root`: INBOX is root itself, every other folder
    root/.<Folder> (with a maildirfolder file). Each file's mtime is its internal date. Returns the count
    of messages per folder."""
    counts: dict[str, int] = {}
    made: set[Path] = set()
    for index, item in enumerate(messages):
        folder = root if item.folder == "INBOX" else root / f".{item.folder}"
        if folder not in made:
            for sub in ("cur", "new", "tmp"):
                (folder / sub).mkdir(parents=True, exist_ok=True)
            if folder != root:
                (folder / "maildirfolder").touch()
            made.add(folder)
        sub, name = maildir_name(index, item)
        path = folder / sub / name
        path.write_bytes(item.raw)
        stamp = item.internal_date.timestamp()
        os.utime(path, (stamp, stamp))
        counts[item.folder] = counts.get(item.folder, 0) + 1
    return counts


def by_kind(messages: Sequence[CorpusMessage], kind: str) -> list[CorpusMessage]:
    """The messages of one kind, or of a family: "plain" gives every plain-<charset> message, "hostile" every
    hostile one, "plain-gb2312" only those."""
    return [item for item in messages if item.kind == kind or item.kind.startswith(f"{kind}-")]
