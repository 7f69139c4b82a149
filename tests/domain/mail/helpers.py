"""Messages made by hand for the book side of mail in: what exchange/mail would hand over after a parse."""

from __future__ import annotations

import hashlib
import itertools
from datetime import datetime, timedelta, timezone

from trade_crm.domain.mail import accounts
from trade_crm.domain.mail.messages import AUTO_NONE, Address, AttachmentInfo, IncomingMail, MailLocation

ME = "ann@sunrise-lighting.cn"
_uids = itertools.count(1)
T0 = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)


def account(clock, email: str = ME, **kwargs) -> accounts.MailAccount:
    return accounts.add_account(email, host="imap.example.com", clock=clock, **kwargs)


def mail(subject: str = "Inquiry: LED panels", *, sender: str = "hans@mueller-haustechnik.de", name: str = "",
         to: tuple[str, ...] = (ME,), cc: tuple[str, ...] = (), message_id: str | None = "auto",
         minutes: int = 0, text: str = "Dear Ann,\nplease quote 500 panels.\nBest regards",
         in_reply_to: str = "", references: tuple[str, ...] = (), auto: str = AUTO_NONE,
         attachments: tuple[AttachmentInfo, ...] = (), problems: tuple[str, ...] = (),
         sent_at: datetime | None = None) -> IncomingMail:
    digest = hashlib.sha256(f"{subject}|{sender}|{minutes}|{text}".encode()).hexdigest()
    if message_id == "auto":
        message_id = f"{digest[:16]}@{sender.rpartition('@')[2]}"
    return IncomingMail(
        message_id=message_id or "", content_hash=digest, subject=subject, sender=Address(sender, name),
        to=tuple(Address(a) for a in to), cc=tuple(Address(a) for a in cc), sent_at=sent_at or T0 + timedelta(minutes=minutes),
        in_reply_to=in_reply_to, references=references, text=text, auto=auto, attachments=attachments,
        problems=problems)


def at(account_id: int, folder: str = "INBOX", uid: int | None = None, uidvalidity: int = 7) -> MailLocation:
    return MailLocation(account_id, folder, uidvalidity, uid if uid is not None else next(_uids))
