"""What the reader asks the mail server for, on demand: an attachment's content, or the HTML original.

The synced book holds a message's text and its attachments' names and sizes; the bytes stay on the server
until a person asks (issue #19). The reader is handed a `MailFetcher` (`ServerFetcher` goes through
exchange/mail/on_demand's IMAP); without one, or when the server cannot be reached, the reader says it is
offline and what is already synced stays readable. Fetches run in a worker (ui/common/workers.Job).
The IMAP modules load with the first fetch, not at start.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from trade_crm.domain.mail.messages import MailLocation
from trade_crm.exchange.mail.tokens import Credentials, PasswordCredentials
from trade_crm.keystore import KeyStore

if TYPE_CHECKING:
    from trade_crm.domain.mail.accounts import MailAccount
    from trade_crm.exchange.mail.on_demand import OnDemand

CredentialsFor = Callable[["MailAccount"], Credentials]


class MailUnavailable(Exception):
    """The server cannot be asked now (offline, refused, no password, the copy moved): one line saying why."""


class MailFetcher(Protocol):
    def fetch_part(self, location: MailLocation, part: str) -> bytes:
        """The decoded content of body part `part` of the copy at `location`; MailUnavailable if not now."""

    def fetch_html(self, location: MailLocation) -> str | None:
        """The message's HTML original (its text/html part, decoded), None if it has none."""


def fetch_part_job(context, fetcher: MailFetcher, locations: tuple[MailLocation, ...], part: str) -> bytes:
    """A Job function: the part from the first copy that answers (a copy may have moved since the sync)."""
    return _first(context, locations, lambda location: fetcher.fetch_part(location, part))


def fetch_html_job(context, fetcher: MailFetcher, locations: tuple[MailLocation, ...]) -> str | None:
    return _first(context, locations, fetcher.fetch_html)


def _first(context, locations, ask):
    if not locations:
        raise MailUnavailable("no copy of this message is on a server any more")
    last: MailUnavailable | None = None
    for location in locations:
        context.check_cancelled()
        try:
            return ask(location)
        except MailUnavailable as exc:
            last = exc
    raise last if last is not None else MailUnavailable("the server did not answer")


def keyring_credentials(keystore: KeyStore) -> CredentialsFor:
    """An account's login with the password the keyring keeps for it (asked on the worker thread)."""
    def credentials(account: MailAccount) -> Credentials:
        # lazy: start-up, the account records load when mail is first used
        from trade_crm.domain.mail.accounts import secret_name

        password = keystore.mail_password(secret_name(account))
        if not password:
            raise MailUnavailable(f"no password is kept for {account.email}: enter it in Settings › Mail")
        return PasswordCredentials(account.username, password)
    return credentials


class ServerFetcher:
    """The reader's fetcher over IMAP; a MailServerError (one line) becomes MailUnavailable."""

    def __init__(self, credentials_for: CredentialsFor, ca_file: str | None = None):
        self._credentials_for, self._ca_file = credentials_for, ca_file
        self._on_demand: OnDemand | None = None

    def _ask(self, call):
        # lazy: start-up, imapclient and the parser load with the first fetch
        from trade_crm.exchange.mail.imap import MailServerError
        from trade_crm.exchange.mail.on_demand import OnDemand

        if self._on_demand is None:
            self._on_demand = OnDemand(self._credentials_for, ca_file=self._ca_file)
        try:
            return call(self._on_demand)
        except MailServerError as error:
            raise MailUnavailable(str(error)) from None

    def fetch_part(self, location: MailLocation, part: str) -> bytes:
        return self._ask(lambda server: server.fetch_part(location, part))

    def fetch_html(self, location: MailLocation) -> str | None:
        return self._ask(lambda server: server.fetch_html(location))
