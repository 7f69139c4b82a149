"""The New senders view's "Create customer from this mail" when the person edits the whole customer form.

`senders.create_customer_from_mail` creates a customer from the proposal's few fields. The window opens the
full customer dialog pre-filled with that proposal instead (`proposal_fields`), so the person can also fill
in the city, tags or notes; `save_customer_from_mail` then saves the form as any new customer is saved
(domain/customers/form.save_customer) and files the sender's waiting mail on the new customer's timeline,
in one transaction (senders.file_sender_mail, as `create_customer_from_mail` does): a refused form stores
nothing, and the sender stays on the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from trade_crm.domain.clock import Clock
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.form import ContactEdit, save_customer
from trade_crm.domain.errors import ValidationError
from trade_crm.domain.mail.senders import CREATED, CustomerProposal, file_sender_mail, get_sender
from trade_crm.store.models import database


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
