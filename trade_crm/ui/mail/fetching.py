"""What the reader asks the mail server for, on demand: an attachment's content, or the HTML original.

The synced book holds a message's text and its attachments' names and sizes; the bytes stay on the server
until a person asks (issue #19). The reader is handed a `MailFetcher` (the composition root makes one over
exchange/mail's IMAP connection); without one, or when the server cannot be reached, the reader says it is
offline and what is already synced stays readable. Fetches run in a worker (ui/common/workers.Job).
"""

from __future__ import annotations

from typing import Protocol

from trade_crm.domain.mail.messages import MailLocation


class MailUnavailable(Exception):
    """The server cannot be asked now (offline, no password, the copy moved): one line saying why."""


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
