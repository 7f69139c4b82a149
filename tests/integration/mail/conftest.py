"""Shared pieces of the tests against a real Dovecot: an account in the book for a test user, the corpus."""

from __future__ import annotations

import functools

import pytest

from tests.mail_corpus import ALL_CUSTOMERS, USER, build_corpus
from trade_crm.domain.customers.contacts import ContactInput
from trade_crm.domain.customers.records import create_customer
from trade_crm.domain.mail.accounts import add_account
from trade_crm.exchange.mail.tokens import PasswordCredentials


@functools.cache
def corpus(size: int = 300) -> tuple:
    return tuple(build_corpus(seed=7, size=size))


def add_customers(clock) -> None:
    """The corpus's customers, as the user would have them in the book (contacts with their addresses; a
    company domain as the website)."""
    for customer in ALL_CUSTOMERS:
        create_customer(clock, name=customer.company or customer.contacts[0][0], website=f"https://{customer.domain}" if customer.domain else "",
                        contacts=[ContactInput(name=name, emails=(email,)) for name, email in customer.contacts])


@pytest.fixture
def mailbox(mail_server, mail_user, db, clock):
    """A test user's mailbox, its account in the (SQLite) book, its credentials: (user, account, credentials)."""
    account = add_account(USER[1], host=mail_server.host, port=mail_server.imaps_port, security="ssl",
                          username=mail_user.name, clock=clock)
    return mail_user, account, PasswordCredentials(mail_user.name, mail_user.password)
