"""What stays on the server until a person asks: an attachment's content, a message's HTML original.

The sync stores a message's text and its attachments' names, sizes and part numbers (issue #19: content
fetched on demand). `OnDemand` opens the folder of a stored copy read-only (EXAMINE), checks that the
folder's UIDVALIDITY is still the one the copy was stored under, reads the message's BODYSTRUCTURE to learn
the part's transfer encoding, and fetches the part with BODY.PEEK (no flag changes). Every failure is a
MailServerError with one line (offline, refused, renumbered folder, a part too big to fetch).
"""

from __future__ import annotations

import base64
import binascii
import quopri
from collections.abc import Callable

from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

from trade_crm.domain.mail.accounts import MailAccount, get_account
from trade_crm.domain.mail.messages import MailLocation
from trade_crm.exchange.mail.bodystructure import tree
from trade_crm.exchange.mail.charsets import decode
from trade_crm.exchange.mail.choose import is_attachment
from trade_crm.exchange.mail.imap import ConnectionLost, ImapConnection, MailServerError
from trade_crm.exchange.mail.parts import Part
from trade_crm.exchange.mail.sync import address_of
from trade_crm.exchange.mail.tokens import Credentials

MAX_PART_BYTES = 200 * 1024 * 1024  # an attachment bigger than this is refused (it would sit in memory whole)

CredentialsFor = Callable[[MailAccount], Credentials]
Connect = Callable[..., ImapConnection]


class OnDemand:
    """Fetches parts of stored messages from their server. `credentials_for(account)` gives the login (the
    keyring's password); `ca_file` trusts one more certificate authority (a company's, a test's)."""

    def __init__(self, credentials_for: CredentialsFor, *, ca_file: str | None = None,
                 connect: Connect = ImapConnection.open, max_bytes: int = MAX_PART_BYTES):
        self._credentials_for, self._ca_file, self._connect, self._max = credentials_for, ca_file, connect, max_bytes

    def fetch_part(self, location: MailLocation, part: str) -> bytes:
        """The decoded content of body part `part` (the number the sync stored with the attachment)."""
        with self._open(location) as connection:
            found = next((p for p in self._tree(connection, location).walk() if p.number == part), None)
            if found is None:
                raise MailServerError(f"the message has no part {part} on {connection.address.host} any more")
            return self._body(connection, location, found)

    def fetch_html(self, location: MailLocation) -> str | None:
        """The message's HTML (its first text/html part that is not an attachment), None when it has none."""
        with self._open(location) as connection:
            html = next((p for p in self._tree(connection, location).walk()
                         if p.content_type == "text/html" and not is_attachment(p)), None)
            if html is None:
                return None
            text, _codec = decode(self._body(connection, location, html), html.charset, where="the HTML part")
            return text

    def _open(self, location: MailLocation) -> ImapConnection:
        account = get_account(location.account_id)
        connection = self._connect(address_of(account, self._ca_file), self._credentials_for(account))
        try:
            status = connection.examine(location.folder)
        except MailServerError:
            connection.close()
            raise
        if status.uidvalidity != location.uidvalidity:
            connection.close()
            raise MailServerError(f"the folder {location.folder} was renumbered on the server since the last sync: "
                                  "sync mail, then try again")
        return connection

    def _tree(self, connection: ImapConnection, location: MailLocation) -> Part:
        answer = _ask(connection, lambda: connection.client.fetch([location.uid], ["BODYSTRUCTURE"]))
        data = answer.get(location.uid)
        if not data or b"BODYSTRUCTURE" not in data:
            raise MailServerError(f"the message is no longer in {location.folder} on {connection.address.host}")
        return tree(data[b"BODYSTRUCTURE"], [])

    def _body(self, connection: ImapConnection, location: MailLocation, part: Part) -> bytes:
        if part.size > self._max:
            raise MailServerError(f"the part is {part.size // (1024 * 1024)} MB, more than the "
                                  f"{self._max // (1024 * 1024)} MB fetched at once")
        item = f"BODY.PEEK[{part.number}]"
        answer = _ask(connection, lambda: connection.client.fetch([location.uid], [item]))
        raw = next((bytes(v) for k, v in answer.get(location.uid, {}).items()
                    if k.startswith(f"BODY[{part.number}]".encode()) and v is not None), None)
        if raw is None:
            raise MailServerError(f"the server did not send part {part.number} of the message")
        return transfer_decoded(raw, part.encoding)


def transfer_decoded(raw: bytes, encoding: str) -> bytes:
    """A part's body without its Content-Transfer-Encoding (base64 with bad padding or junk is read as far
    as it goes)."""
    if encoding == "base64":
        data = b"".join(raw.split())
        try:
            return base64.b64decode(data + b"=" * (-len(data) % 4), validate=False)
        except (binascii.Error, ValueError):
            return base64.b64decode(data[: len(data) // 4 * 4], validate=False)
    if encoding == "quoted-printable":
        return quopri.decodestring(raw)
    return raw


def _ask(connection: ImapConnection, call):
    try:
        return call()
    except (OSError, IMAPClientAbortError, EOFError) as error:
        raise ConnectionLost(f"the connection to {connection.address.shown} dropped ({error})") from None
    except IMAPClientError as error:
        raise MailServerError(f"{connection.address.shown} refused the fetch: {error}") from None
