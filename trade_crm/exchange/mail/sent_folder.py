"""The account's Sent folder as the sender uses it: find it, look a message up by its Message-ID, file a copy.

The sync reads folders read-only (imap.py); filing a sent message is the one write the app makes to a mailbox:
an APPEND with \\Seen, so the user's mail client shows it as sent mail. The copy's place comes back from the
server (UIDPLUS: APPENDUID) or, where the server does not say, from a search for its Message-ID; the book then
knows that copy, and the next sync does not fetch it again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from imapclient import SEEN
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError

from trade_crm.domain.mail.accounts import MailAccount
from trade_crm.exchange.mail.imap import ConnectionLost, ImapConnection, MailServerError, find_sent_folder
from trade_crm.exchange.mail.presets import PRESETS

_APPENDUID = re.compile(rb"\[APPENDUID (\d+) (\d+)\]", re.IGNORECASE)


@dataclass(frozen=True)
class Copy:
    """Where a copy of a message is in a folder."""

    folder: str
    uidvalidity: int
    uid: int


def _call(connection: ImapConnection, what: str, function, *args, **kwargs):
    try:
        return function(*args, **kwargs)
    except (OSError, IMAPClientAbortError, EOFError) as error:
        raise ConnectionLost(f"the connection to {connection.address.shown} dropped ({error})") from None
    except IMAPClientError as error:
        raise MailServerError(f"{connection.address.shown} refused to {what}: {error}") from None


def sent_folder(connection: ImapConnection, account: MailAccount) -> str | None:
    """The account's Sent folder: SPECIAL-USE \\Sent, else the provider's usual name, else a well-known one."""
    preset = PRESETS.get(account.provider)
    return find_sent_folder(connection.folders(), preset.sent_folder if preset else "")


def find_copy(connection: ImapConnection, folder: str, message_id: str) -> Copy | None:
    """The copy of the message with this Message-ID (without angle brackets) in `folder`, or None."""
    status = _call(connection, f"open {folder}", connection.client.select_folder, folder, readonly=True)
    connection.selected = folder
    uids = _call(connection, "search", connection.client.search, ["HEADER", "Message-ID", f"<{message_id}>"])
    if not uids:
        return None
    return Copy(folder, int(status.get(b"UIDVALIDITY", 0)), min(uids))


def file_copy(connection: ImapConnection, folder: str, raw: bytes, when: datetime, message_id: str) -> Copy | None:
    """APPEND the message to `folder`, marked read; where it went (None when the server does not say and a
    search cannot find it)."""
    answer = _call(connection, f"file the message in {folder}", connection.client.append, folder, raw,
                   flags=(SEEN,), msg_time=when)
    found = _APPENDUID.search(answer if isinstance(answer, bytes) else str(answer).encode())
    if found:
        return Copy(folder, int(found.group(1)), int(found.group(2)))
    return find_copy(connection, folder, message_id)
