"""Credentials never show their secret (a report, a log line or a traceback prints their repr)."""

from trade_crm.exchange.mail.tokens import PasswordCredentials


def test_a_password_stays_out_of_the_credentials_repr():
    credentials = PasswordCredentials("li.wei@163.com", "ABCDEFGHIJKLMNOP")
    assert "ABCDEFGHIJKLMNOP" not in repr(credentials) and "li.wei@163.com" in repr(credentials)
