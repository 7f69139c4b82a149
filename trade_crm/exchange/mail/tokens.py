"""How a mail login proves who it is: a password (or a provider's authorization code / app password) today;
XOAUTH2 with an access token from a pluggable provider tomorrow.

imap.py calls `credentials.authenticate(client)` after TLS is up and never sees which kind it holds. The first
release ships passwords only (the password lives in the OS keyring, never the book). An OAuth2 sign-in
(Microsoft 365, Gmail) plugs in as an `OAuth2TokenProvider` (its access token for a login name, refreshed as
it likes) wrapped in `OAuth2Credentials`; no provider is shipped yet. Nothing here logs a secret, and the
secret is kept out of `repr`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


class Credentials(Protocol):
    """What a mail login needs: the login name, and a way to authenticate an IMAPClient with it."""

    username: str

    def authenticate(self, client: Any) -> None:
        """Log `client` (an imapclient.IMAPClient, TLS up) in; raises imapclient's LoginError when refused."""


@dataclass(frozen=True)
class PasswordCredentials:
    """A login name and its password (or the provider's 授权码 / app password): IMAP LOGIN."""

    username: str
    password: str = field(repr=False)

    def authenticate(self, client: Any) -> None:
        client.login(self.username, self.password)


class OAuth2TokenProvider(Protocol):
    """Hands out an OAuth2 access token for a login name (refreshing it as needed). Not shipped yet: an
    implementation for a provider's sign-in plugs in here without a change to the sync."""

    def access_token(self, username: str) -> str: ...


@dataclass(frozen=True)
class OAuth2Credentials:
    """A login name whose access token comes from `provider`: SASL XOAUTH2 (RFC 7628's predecessor that
    Gmail and Microsoft speak)."""

    username: str
    provider: OAuth2TokenProvider

    def authenticate(self, client: Any) -> None:
        client.oauth2_login(self.username, self.provider.access_token(self.username))
