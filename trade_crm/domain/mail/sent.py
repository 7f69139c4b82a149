"""A message the outbox sent, put in the book: stored as the mail sync would store it (same Message-ID, so the next
sync of the Sent folder finds it known), logged on the customer's timeline once, and its outbox entry marked
sent with that timeline entry, in one transaction.

Kept apart from domain/mail/outbox.py so the outbox imports no mail recording: recording a reply cancels the
customer's planned follow-ups (domain/mail/sequences.py), which reads the outbox.
"""

from __future__ import annotations

from trade_crm.domain.clock import Clock
from trade_crm.domain.mail.matching import Match
from trade_crm.domain.mail.messages import IncomingMail, MailLocation
from trade_crm.domain.mail.outbox import mark_sent, outbox_entry
from trade_crm.domain.mail.record import INTERNAL, MATCHED, NEVER_LOG, OUT, record_mail
from trade_crm.domain.mail.timeline import LogItem, log_messages
from trade_crm.domain.quotes.sent import DOCUMENT_PURPOSE, document_mail_sent
from trade_crm.store.models import database

GREETING_PURPOSE = "greeting:"  # domain/mail/bulk.py's purpose of a holiday greeting: "greeting:<key>:<year>"
RULE_OUTBOX = "outbox"  # a mail_link made because the message was sent to this customer from the outbox


def record_sent(entry_id: int, mail: IncomingMail, location: MailLocation | None, clock: Clock, *,
                note: str = "") -> int | None:
    """The message went: store it as the sync would (same Message-ID, so the next sync of the Sent folder finds
    it known and logs nothing twice), put it on the customer's timeline once, and mark the entry sent with its
    timeline entry, all in one transaction. The customer the entry was written for gets the entry even when the
    address is not one of their contacts' (yet), unless a participant is on the never-log list or the message
    is internal. Returns the timeline entry's id (None when no customer is named)."""
    with database.atomic():
        entry = outbox_entry(entry_id)
        record_mail([(mail, location)], clock=clock)
        interaction = _interaction(mail.key, entry.customer_id)
        if interaction is None and entry.customer_id is not None:
            row = database.execute_sql("SELECT id, thread_key, status FROM mail_message WHERE key = ?",
                                       (mail.key,)).fetchone()
            if row is not None and row[2] not in (NEVER_LOG, INTERNAL):
                log_messages([LogItem(row[0], mail, OUT, row[1],
                                      (Match(entry.customer_id, RULE_OUTBOX, entry.contact_id),))], clock)
                database.execute_sql("UPDATE mail_message SET status = ? WHERE id = ?", (MATCHED, row[0]))
                interaction = _interaction(mail.key, entry.customer_id)
        if interaction is not None and entry.purpose.startswith(GREETING_PURPOSE):
            # a greeting that went is the customer's greeting on the timeline: the holiday's reminder ticks it
            database.execute_sql("UPDATE interaction SET kind = 'greeting' WHERE id = ? AND kind = 'email'",
                                 (interaction,))
        if interaction is not None and entry.purpose.startswith(DOCUMENT_PURPOSE):
            # a quotation or PI that went: its entry, with the PDF, and the document sent (domain/quotes/sent.py)
            document_mail_sent(entry.purpose, interaction, [(f.name, f.size) for f in entry.attachments], clock)
        mark_sent(entry_id, clock, interaction_id=interaction, note=note)
    return interaction


def _interaction(key: str, customer_id: int | None) -> int | None:
    """The timeline entry of the stored message `key` on that customer's timeline (any customer's for None)."""
    sql = ("SELECT l.interaction_id FROM mail_link l JOIN mail_message m ON m.id = l.message_id WHERE m.key = ?"
           + (" AND l.customer_id = ?" if customer_id is not None else "") + " ORDER BY l.interaction_id")
    row = database.execute_sql(sql, (key, customer_id) if customer_id is not None else (key,)).fetchone()
    return row[0] if row else None
