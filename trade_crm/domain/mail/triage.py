"""The New senders view's "Create customer from this mail" when the person edits the whole customer form.

`senders.create_customer_from_mail` creates a customer from the proposal's few fields. The window opens the
full customer dialog pre-filled with that proposal instead (`proposal_fields`), so the person can also fill
in the city, tags or notes; `save_customer_from_mail` then saves the form as any new customer is saved
(domain/customers/form.save_customer) and files the sender's waiting mail on the new customer's timeline,
in one transaction: a refused form stores nothing, and the sender stays on the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from trade_crm.domain.clock import Clock
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.form import ContactEdit, save_customer
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.mail import timeline as mail_timeline
from trade_crm.domain.mail.matching import RULE_CREATED, Match
from trade_crm.domain.mail.senders import CREATED, CustomerProposal, get_sender, stored_mail
from trade_crm.store import sql_rows
from trade_crm.store.models import MailSender, database


def proposal_fields(proposal: CustomerProposal) -> tuple[dict[str, Any], list[ContactEdit]]:
    """The customer form's fields and its one contact as a proposal fills them."""
    fields = {"name": proposal.company, "country": proposal.country or "", "website": proposal.website}
    contact = ContactInput(name=proposal.contact_name, emails=(proposal.email,),
                           phones=(proposal.phone,) if proposal.phone else (), is_primary=True)
    return fields, [ContactEdit(None, contact)]


def save_customer_from_mail(sender_id: int, clock: Clock, customer_id: int | None, fields: dict[str, Any], *,
                            contacts: Sequence[ContactEdit], tags: Sequence[str] | None,
                            custom_fields: dict[str, str], base=None) -> int:
    """Save a new customer from the customer form (save_customer's arguments) and put the sender's waiting
    mail on its timeline, marking the sender created: one transaction. The new customer's id."""
    if customer_id is not None:
        raise ValidationError("customer", "a customer from mail is a new customer")
    sender = get_sender(sender_id)
    if sender.state == CREATED and sender.customer_id is not None:
        raise ValidationError("sender", f"{sender.email} is customer {sender.customer_id} already")
    with database.atomic():
        new_id = save_customer(clock, None, fields, contacts=contacts, tags=tags, custom_fields=custom_fields)
        file_sender_mail(sender_id, new_id, clock)
    return new_id


def file_sender_mail(sender_id: int, customer_id: int, clock: Clock) -> int:
    """Mark the sender made customer `customer_id` and put their waiting incoming messages on its timeline
    (with the contact holding their address, else the primary one). How many entries were made. The caller
    holds the transaction."""
    sender = get_sender(sender_id)
    MailSender.update(state=CREATED, customer=customer_id).where(MailSender.id == sender_id).execute()
    waiting = list(database.execute_sql(
        "SELECT id, thread_key FROM mail_message WHERE sender = ? AND status IN ('new_sender', 'ignored', "
        "'unmatched') AND direction = 'in' ORDER BY sent_at, id", (sender.email,)))
    if not waiting:
        return 0
    row = database.execute_sql(
        "SELECT c.id FROM contact c WHERE c.customer_id = ? ORDER BY "
        "CASE WHEN EXISTS (SELECT 1 FROM contact_channel h WHERE h.contact_id = c.id AND lower(h.value) = ?) "
        "THEN 0 ELSE 1 END, c.is_primary DESC, c.id", (customer_id, sender.email)).fetchone()
    match = (Match(customer_id, RULE_CREATED, row[0] if row else None, sender.email),)
    made = mail_timeline.log_messages([mail_timeline.LogItem(mid, stored_mail(mid), "in", thread, match)
                                       for mid, thread in waiting], clock)
    cond, param = sql_rows.in_values([mid for mid, _thread in waiting])
    database.execute_sql(f"UPDATE mail_message SET status = 'matched' WHERE id {cond}", (param,))
    return made
