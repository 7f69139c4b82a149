"""Sync one mail account into the book: `sync_account(account, credentials, …) -> SyncReport`.

For each folder (INBOX, the Sent folder, the account's extra folders): EXAMINE it; a folder whose
UIDVALIDITY and HIGHESTMODSEQ (CONDSTORE) are what the last sync saved has nothing new and costs nothing
more. Otherwise SEARCH the UIDs above the last one stored, received since the account's "since" date
(default 12 months back), leave out those the book holds already (`known_locations`: a sync killed between
a batch and its folder state), and fetch the rest in batches with BODY.PEEK (imap.py: flags never change).
Each batch is stored through `record_mail` together with the folder's new state in one transaction, so a
kill, a cancel or a dropped connection loses at most the batch in flight and the next sync goes on from
there. A changed UIDVALIDITY reads the folder again from the start: the copies are recognised by their key,
so nothing is entered twice.

A dropped connection is reconnected and the sync resumes (RECONNECTS times); then it stops with one line.
A wrong password, an untrusted certificate or "Unsafe Login" stop it at once with their one line. A message
that cannot be read is a problem of that message (kept with what could be read); the sync goes on.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.mail.accounts import SINCE_DAYS, MailAccount
from trade_crm.domain.mail.folders import folder_state, save_folder_state
from trade_crm.domain.mail.messages import IncomingMail, MailLocation
from trade_crm.domain.mail.record import RecordReport, known_locations, record_mail
from trade_crm.exchange.mail.imap import (
    ConnectionLost,
    FolderStatus,
    ImapConnection,
    MailServerError,
    ServerAddress,
    find_sent_folder,
)
from trade_crm.exchange.mail.presets import PRESETS
from trade_crm.exchange.mail.tokens import Credentials
from trade_crm.store.models import database

log = logging.getLogger(__name__)

BATCH = 200  # messages per FETCH and per transaction
RECONNECTS = 3  # a dropped connection is tried again this many times before the sync stops
Progress = Callable[[str, int, int], None]  # (folder, messages done, messages to fetch in that folder)
Cancel = Callable[[], bool]
Connect = Callable[[ServerAddress, Credentials], ImapConnection]


class SyncFailed(MailServerError):
    """The sync stopped (the connection kept dropping); what was fetched before is kept."""


@dataclass(frozen=True)
class MessageProblem:
    folder: str
    uid: int
    subject: str
    problem: str


@dataclass(frozen=True)
class FolderReport:
    folder: str
    fetched: int = 0  # messages read from the server
    stored: int = 0  # new to the book
    skipped: int = 0  # already in the book: not fetched again, or a copy of a message stored before
    problems: int = 0  # messages with something that could not be read
    uidvalidity_changed: bool = False
    unchanged: bool = False  # nothing new since the last sync (UIDVALIDITY, HIGHESTMODSEQ or UIDNEXT)


@dataclass(frozen=True)
class SyncReport:
    account_id: int
    email: str
    fetched: int = 0
    stored: int = 0
    matched: int = 0  # new messages put on a customer's timeline
    new_senders: int = 0  # senders that joined the New senders list
    skipped: int = 0  # already in the book (see FolderReport.skipped)
    internal: int = 0
    never_logged: int = 0
    reconnects: int = 0
    cancelled: bool = False
    folders: tuple[FolderReport, ...] = ()
    problems: tuple[MessageProblem, ...] = ()  # per message, what could not be read


@dataclass
class _Tally:
    fetched: int = 0
    stored: int = 0
    skipped: int = 0
    problems: int = 0
    record: list[RecordReport] = field(default_factory=list)


def address_of(account: MailAccount, ca_file: str | None = None) -> ServerAddress:
    return ServerAddress(account.host, account.port, account.security, ca_file)


def since_date(account: MailAccount, clock: Clock) -> date:
    return account.since_on or (today(clock) - timedelta(days=SINCE_DAYS))


def folders_to_sync(connection: ImapConnection, account: MailAccount) -> list[str]:
    """INBOX, the Sent folder (SPECIAL-USE \\Sent, else by name), then the extra folders that exist."""
    listed = connection.folders()
    names = {f.name for f in listed if f.selectable}
    preset = PRESETS.get(account.provider)
    sent = find_sent_folder(listed, preset.sent_folder if preset else "")
    wanted = ["INBOX", *([sent] if sent else []), *account.extra_folders]
    inbox = next((n for n in names if n.upper() == "INBOX"), "INBOX")
    out: list[str] = []
    for name in wanted:
        name = inbox if name.upper() == "INBOX" else name
        if name in names and name not in out:
            out.append(name)
        elif name not in names:
            log.info("mail account %s: folder not on the server, left out", account.id)
    return out


class _Sync:
    def __init__(self, account: MailAccount, credentials: Credentials, *, clock: Clock, progress: Progress | None,
                 cancel: Cancel | None, ca_file: str | None, connect: Connect, batch: int):
        self.account, self.credentials, self.clock = account, credentials, clock
        self.progress, self.cancel, self.connect, self.batch = progress, cancel, connect, batch
        self.address = address_of(account, ca_file)
        self.since = since_date(account, clock)
        self.tallies: dict[str, _Tally] = {}
        self.changed: set[str] = set()
        self.unchanged: set[str] = set()
        self.problems: list[MessageProblem] = []
        self.reconnects = 0
        self.connected = False
        self.cancelled = False

    def cancelling(self) -> bool:
        if self.cancel is not None and self.cancel():
            self.cancelled = True
        return self.cancelled

    def run(self) -> SyncReport:
        done: list[str] = []
        while True:
            try:
                connection = self.connect(self.address, self.credentials)
            except ConnectionLost:
                if not self.connected:
                    raise  # never reached: "could not reach …" says it best
                connection = None
            try:
                if connection is None:
                    raise ConnectionLost(f"could not reach {self.address.shown} again")
                self.connected = True
                with connection:
                    folders = folders_to_sync(connection, self.account)
                    for folder in folders:
                        if folder in done:
                            continue
                        if self.cancelling():
                            break
                        self.tallies.setdefault(folder, _Tally())
                        self.sync_folder(connection, folder)
                        if self.cancelled:
                            break
                        done.append(folder)
                return self.report()
            except ConnectionLost as lost:
                self.reconnects += 1
                if self.reconnects > RECONNECTS:
                    raise SyncFailed(f"the connection to {self.address.shown} dropped {self.reconnects} times, so the "
                                     f"sync stopped ({lost}); what was fetched is kept: run it again to go on") from None
                log.info("mail account %s: connection lost, reconnecting (%s)", self.account.id, self.reconnects)
                time.sleep(min(0.2 * self.reconnects, 2.0))

    def sync_folder(self, connection: ImapConnection, folder: str) -> None:
        tally = self.tallies[folder]
        status = connection.examine(folder)
        state = folder_state(self.account.id, folder)
        renumbered = state is not None and state.uidvalidity != status.uidvalidity
        if renumbered:
            self.changed.add(folder)
        if state is not None and not renumbered and _nothing_new(state.last_uid, state.highest_modseq, status):
            self.unchanged.add(folder)
            return
        after = 0 if state is None or renumbered else state.last_uid
        uids = connection.search_new(after_uid=after, since=self.since)
        known = known_locations(self.account.id, folder, status.uidvalidity) if uids else set()
        todo = [uid for uid in uids if uid not in known]
        tally.skipped += len(uids) - len(todo)
        if renumbered:  # forget the old numbering now, so the stored locations never mix two UIDVALIDITYs
            save_folder_state(self.account.id, folder, uidvalidity=status.uidvalidity, last_uid=0)
        done = 0
        for start in range(0, len(todo), self.batch):
            if self.cancelling():
                return
            chunk = todo[start:start + self.batch]
            items = self.fetch(connection, folder, status, chunk)
            with database.atomic():  # the batch and where the folder stands: both or neither
                report = record_mail(items, clock=self.clock)
                # no HIGHESTMODSEQ until the folder is through: a sync stopped here is not taken for complete
                save_folder_state(self.account.id, folder, uidvalidity=status.uidvalidity, last_uid=chunk[-1])
            tally.fetched += len(items)
            tally.stored += report.stored
            tally.skipped += report.duplicates
            tally.record.append(report)
            done += len(chunk)
            if self.progress is not None:
                self.progress(folder, done, len(todo))
        last = max(status.uidnext - 1, todo[-1] if todo else 0, after)
        save_folder_state(self.account.id, folder, uidvalidity=status.uidvalidity, last_uid=last,
                          highest_modseq=status.highest_modseq, synced_at=self.clock.now())

    def fetch(self, connection: ImapConnection, folder: str, status: FolderStatus,
              uids: Sequence[int]) -> list[tuple[IncomingMail, MailLocation]]:
        items = []
        tally = self.tallies[folder]
        for fetched in connection.fetch(uids):
            mail = fetched.mail
            if mail.problems:
                tally.problems += 1
                self.problems.extend(MessageProblem(folder, fetched.uid, mail.subject[:200], problem)
                                     for problem in mail.problems)
            items.append((mail, MailLocation(self.account.id, folder, status.uidvalidity, fetched.uid)))
        return items

    def report(self) -> SyncReport:
        records = [r for t in self.tallies.values() for r in t.record]
        folders = tuple(FolderReport(name, t.fetched, t.stored, t.skipped, t.problems, name in self.changed,
                                     name in self.unchanged) for name, t in self.tallies.items())
        return SyncReport(
            self.account.id, self.account.email, fetched=sum(f.fetched for f in folders),
            stored=sum(f.stored for f in folders), matched=sum(r.matched for r in records),
            new_senders=sum(r.new_senders for r in records), skipped=sum(f.skipped for f in folders),
            internal=sum(r.internal for r in records), never_logged=sum(r.never_logged for r in records),
            reconnects=self.reconnects, cancelled=self.cancelled, folders=folders, problems=tuple(self.problems))


def _nothing_new(last_uid: int, highest_modseq: int | None, status: FolderStatus) -> bool:
    """True when the folder cannot hold a message the last sync did not see."""
    if highest_modseq is not None and status.highest_modseq is not None:
        return status.highest_modseq == highest_modseq
    return 0 < status.uidnext <= last_uid + 1


def sync_account(account: MailAccount, credentials: Credentials, *, clock: Clock, progress: Progress | None = None,
                 cancel: Cancel | None = None, ca_file: str | None = None, connect: Connect = ImapConnection.open,
                 batch: int = BATCH) -> SyncReport:
    """Bring the book up to date with one account's folders; see the module's text. Raises a MailServerError
    (one line) when the server cannot be used at all; problems of single messages are in the report."""
    return _Sync(account, credentials, clock=clock, progress=progress, cancel=cancel, ca_file=ca_file,
                 connect=connect, batch=batch).run()
