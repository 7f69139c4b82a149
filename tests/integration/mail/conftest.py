"""The tests against a real Dovecot: a test user's mailbox with its account in the book."""

from __future__ import annotations

import pytest

from tests.mail_corpus import USER
from trade_crm.domain.mail.accounts import add_account
from trade_crm.exchange.mail.tokens import PasswordCredentials


@pytest.fixture
def mailbox(mail_server, mail_user, db, clock):
    """A test user's mailbox, its account in the (SQLite) book, its credentials: (user, account, credentials)."""
    account = add_account(USER[1], host=mail_server.host, port=mail_server.imaps_port, security="ssl",
                          username=mail_user.name, clock=clock)
    return mail_user, account, PasswordCredentials(mail_user.name, mail_user.password)
