"""Helpers of the tests against a real Dovecot (and of bench/bench_mail.py): the corpus, its customers in the book."""

from __future__ import annotations

import functools

from tests.mail_corpus import ALL_CUSTOMERS, build_corpus
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer


@functools.cache
def corpus(size: int = 300) -> tuple:
    return tuple(build_corpus(seed=7, size=size))


def add_customers(clock) -> None:
    """The corpus's customers, as the user would have them in the book (contacts with their addresses; a
    company domain as the website)."""
    for customer in ALL_CUSTOMERS:
        create_customer(clock, name=customer.company or customer.contacts[0][0],
                        website=f"https://{customer.domain}" if customer.domain else "",
                        contacts=[ContactInput(name=name, emails=(email,)) for name, email in customer.contacts])
