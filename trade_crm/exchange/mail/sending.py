"""The sending engine: `send_due(clock, credentials, …) -> SendReport` sends what the outbox has due, never twice,
never lost.

Per account with an SMTP server set:
1. Nothing due and nothing in doubt: no connection at all. Otherwise log in to SMTP and IMAP first; a server
   that cannot be reached (offline) leaves every entry as it is, no attempt counted.
2. Entries found in `sending` whose lease ran out (domain/mail/outbox.LEASE: a crash or a kill mid-send) are
   looked at first. One the server had accepted (`sent_at` set) is never sent again: it is filed in Sent if it
   is not there yet and marked sent. One that was not known to be accepted is looked up in the Sent folder by
   its Message-ID: found, it went (marked sent); not found, it is sent now.
3. Then, at the account's pace (`send_interval_seconds` between messages, `daily_cap` in any 24 hours, both
   counted from the outbox's `sent_at`), the next due entry is claimed (state `sending`, attempt counted, in its
   own transaction) before the server hears of it; one tried before is looked up in Sent first (a server that
   files sent mail itself may have it). The server's acceptance is written down at once (`note_accepted`), the
   copy appended to Sent (\\Seen; not for providers that file sent mail themselves: Gmail), and the message
   recorded on the timeline once together with the move to `sent` (sent.record_sent).
4. A permanent refusal (5xx, a refused recipient, a message over the server's SIZE, an attachment gone) fails
   that entry with the reason; the others go on. A temporary one (4xx, a dropped connection) puts it back with
   a backoff (1, 5, 15, 60 minutes), then fails it. A wrong password or an untrusted certificate stops the
   account's run with one line, its entries untouched.

`on_step(step, entry_id)` is called at each step of a send (STEPS), for the tests that kill the process there.
The one window no client can close: the server has taken the message and the process dies before the
acceptance is written (one SQLite commit later); the message is then sent again after the lease.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from trade_crm.domain.clock import Clock
from trade_crm.domain.mail.accounts import MailAccount, list_accounts, secret_name, smtp_secret_name
from trade_crm.domain.mail.merge import sender_profile
from trade_crm.domain.mail.messages import Address, MailLocation
from trade_crm.domain.mail.outbox import (
    LEASE,
    claim_next,
    due_count,
    in_doubt_entries,
    mark_failed,
    mark_retry,
    note_accepted,
    reclaim,
    sending_pace,
)
from trade_crm.domain.mail.outgoing import OutboxEntry, OutboxState
from trade_crm.domain.mail.sent import record_sent
from trade_crm.exchange.mail.imap import ConnectionLost, ImapConnection, MailServerError, ServerAddress
from trade_crm.exchange.mail.parse import parse_message
from trade_crm.exchange.mail.presets import PRESETS, daily_cap
from trade_crm.exchange.mail.sent_folder import Copy, file_copy, find_copy, sent_folder
from trade_crm.exchange.mail.smtp import (
    TIMEOUT_SECONDS,
    PermanentFailure,
    SendFailure,
    SmtpConnection,
    build_message,
    envelope_address,
    message_bytes,
)
from trade_crm.exchange.mail.tokens import Credentials, PasswordCredentials

log = logging.getLogger(__name__)

CLAIMED, ACCEPTED, APPENDED, SENT_STEP = "claimed", "accepted", "appended", "sent"
STEPS = (CLAIMED, ACCEPTED, APPENDED, SENT_STEP)
MAX_WAIT_SECONDS = 15 * 60  # a run waits for the pace at most this long at a time; then it stops, due entries kept

# what became of an entry in this run
SENT, FOUND, RETRY, FAILED = "sent", "found_in_sent", "retry", "failed"


@dataclass(frozen=True)
class SendLogins:
    """How to log in to the account's two servers: IMAP (the Sent folder) and SMTP."""

    imap: Credentials
    smtp: Credentials


LoginsFor = Callable[[MailAccount], SendLogins]
Step = Callable[[str, int], None]
ConnectSmtp = Callable[[ServerAddress, Credentials], SmtpConnection]
ConnectImap = Callable[[ServerAddress, Credentials], ImapConnection]


@dataclass(frozen=True)
class SendOutcome:
    entry_id: int
    outcome: str  # SENT, FOUND (it had gone: found in Sent), RETRY (queued again, later), FAILED
    error: str = ""  # why it failed or will be tried again; a note for a sent one (e.g. no copy in Sent)
    interaction_id: int | None = None


@dataclass(frozen=True)
class AccountSendReport:
    account_id: int
    email: str
    outcomes: tuple[SendOutcome, ...] = ()
    waiting: int = 0  # due entries left for the pace (interval or daily cap)
    next_at: datetime | None = None  # when the pace lets the next one go
    offline: bool = False  # the servers could not be reached: nothing was tried
    error: str = ""  # the run of this account stopped (offline, login refused, …): one line

    def count(self, *outcomes: str) -> int:
        return sum(1 for o in self.outcomes if o.outcome in outcomes)

    @property
    def sent(self) -> int:
        return self.count(SENT, FOUND)

    @property
    def failed(self) -> int:
        return self.count(FAILED)

    @property
    def retried(self) -> int:
        return self.count(RETRY)


@dataclass(frozen=True)
class SendReport:
    accounts: tuple[AccountSendReport, ...] = field(default_factory=tuple)

    @property
    def sent(self) -> int:
        return sum(a.sent for a in self.accounts)

    @property
    def failed(self) -> int:
        return sum(a.failed for a in self.accounts)

    @property
    def retried(self) -> int:
        return sum(a.retried for a in self.accounts)

    @property
    def errors(self) -> tuple[str, ...]:
        return tuple(f"{a.email}: {a.error}" for a in self.accounts if a.error)

    @property
    def ok(self) -> bool:
        """Nothing failed and every account could be reached."""
        return not self.failed and not self.errors


def smtp_address(account: MailAccount, ca_file: str | None = None) -> ServerAddress:
    return ServerAddress(account.smtp_host, account.smtp_port, account.smtp_security, ca_file, TIMEOUT_SECONDS)


def imap_address(account: MailAccount, ca_file: str | None = None) -> ServerAddress:
    return ServerAddress(account.host, account.port, account.security, ca_file)


def can_send(account: MailAccount) -> bool:
    return bool(account.smtp_host)


def account_daily_cap(account: MailAccount) -> int:
    return daily_cap(account.provider, account.daily_cap)


def files_sent_itself(account: MailAccount) -> bool:
    """The provider files mail sent over SMTP into Sent on its own (Gmail): no copy is appended."""
    preset = PRESETS.get(account.provider)
    return bool(preset and preset.files_sent)


def logins_from_keystore(keystore, *, typed: str | None = None) -> LoginsFor:
    """Logins from the OS keyring (trade_crm/keystore.KeyStore): the account's password for IMAP, and for SMTP
    its separate SMTP password when one is kept (`smtp_secret_name`), else the same. `typed` (one account's
    password given for one run) stands in for a keyring that has none. Raises KeystoreError, or
    MailServerError when no password is known."""

    def logins(account: MailAccount) -> SendLogins:
        password = typed or keystore.mail_password(secret_name(account))
        if not password:
            raise MailServerError(f"no password is kept for mail account #{account.id} {account.email}")
        smtp_password = (None if typed else keystore.mail_password(smtp_secret_name(account))) or password
        return SendLogins(PasswordCredentials(account.username, password),
                          PasswordCredentials(account.smtp_username or account.username, smtp_password))

    return logins


class _Account:
    """One account's run: its two connections, its Sent folder, what became of each entry."""

    def __init__(self, account: MailAccount, logins: SendLogins, *, clock: Clock, ca_file: str | None,
                 connect_smtp: ConnectSmtp, connect_imap: ConnectImap, on_step: Step | None):
        self.account, self.logins, self.clock, self.ca_file = account, logins, clock, ca_file
        self.connect_smtp, self.connect_imap, self.on_step = connect_smtp, connect_imap, on_step
        self.smtp: SmtpConnection | None = None
        self.imap: ImapConnection | None = None
        self.sent_folder: str | None = None
        self.outcomes: list[SendOutcome] = []
        # the name the buyer sees: the user's own (Settings › Mail, the templates' {my.name}), else the account's label
        self.sender = Address(account.email, sender_profile(account.id).name or account.label)

    def step(self, name: str, entry_id: int) -> None:
        if self.on_step is not None:
            self.on_step(name, entry_id)

    def open(self) -> None:
        self.imap = self.connect_imap(imap_address(self.account, self.ca_file), self.logins.imap)
        self.sent_folder = sent_folder(self.imap, self.account)
        if self.sent_folder is None:
            log.info("mail account %s: no Sent folder found; sent mail is not filed", self.account.id)
        self.smtp = self.connect_smtp(smtp_address(self.account, self.ca_file), self.logins.smtp)

    def close(self) -> None:
        for connection in (self.smtp, self.imap):
            if connection is not None:
                connection.close()

    def imap_call(self, function, *args):
        """One IMAP step; a connection that dropped is opened again once (a long run outlives idle timeouts)."""
        try:
            return function(self.imap, *args)
        except ConnectionLost:
            if self.imap is not None:
                self.imap.close()
            self.imap = self.connect_imap(imap_address(self.account, self.ca_file), self.logins.imap)
            return function(self.imap, *args)

    def find(self, entry: OutboxEntry) -> Copy | None:
        if self.sent_folder is None or self.imap is None:
            return None
        return self.imap_call(find_copy, self.sent_folder, entry.message_id)

    def recover(self, entry: OutboxEntry) -> None:
        """An entry left in `sending` (its lease over): accepted → file and mark; else Sent decides."""
        taken = reclaim(entry, self.clock)
        if taken is None:
            return
        if taken.sent_at is not None:  # the server had it: rebuilt from the entry for the Sent folder
            self.finish(taken, message_bytes(build_message(taken, self.sender, date=taken.sent_at)), None,
                        outcome=SENT)
            return
        self.send(taken, check_sent=True)

    def send(self, entry: OutboxEntry, *, check_sent: bool) -> None:
        """Send a claimed entry (after asking Sent whether it went, for one tried before)."""
        if check_sent:
            try:
                copy = self.find(entry)
            except MailServerError as error:
                self.retry(entry, f"the Sent folder could not be searched before trying again: {error}")
                if isinstance(error, ConnectionLost):
                    raise
                return
            if copy is not None:
                self.finish(entry, None, copy, outcome=FOUND)
                return
        now = self.clock.now()
        try:
            raw = message_bytes(build_message(entry, self.sender, date=now))
            if self.smtp is None:
                raise ConnectionLost(f"not connected to {smtp_address(self.account).shown}")
            self.smtp.send(raw, envelope_address(self.account.email),
                           [envelope_address(a.email) for a in entry.recipients])
        except PermanentFailure as failure:
            mark_failed(entry.id, self.clock, str(failure))
            self.outcomes.append(SendOutcome(entry.id, FAILED, str(failure)))
            return
        except (SendFailure, ConnectionLost) as failure:
            self.retry(entry, str(failure))
            if isinstance(failure, ConnectionLost):
                self.reconnect_smtp()
            return
        note_accepted(entry.id, self.clock)
        self.step(ACCEPTED, entry.id)
        self.finish(entry, raw, None, outcome=SENT, when=now)

    def retry(self, entry: OutboxEntry, reason: str) -> None:
        state = mark_retry(entry.id, self.clock, reason)
        self.outcomes.append(SendOutcome(entry.id, FAILED if state is OutboxState.FAILED else RETRY, reason))

    def reconnect_smtp(self) -> None:
        if self.smtp is not None:
            self.smtp.close()
        self.smtp = self.connect_smtp(smtp_address(self.account, self.ca_file), self.logins.smtp)

    def finish(self, entry: OutboxEntry, raw: bytes | None, copy: Copy | None, *, outcome: str,
               when: datetime | None = None) -> None:
        """File the copy in Sent (unless it is there, or the provider files it), then record and mark sent."""
        note = ""
        when = when or entry.sent_at or self.clock.now()
        mail = None
        if raw is None and copy is not None and self.imap is not None:  # found in Sent: record that very copy
            mail = next((f.mail for f in self.imap.fetch([copy.uid])), None)  # find_copy left Sent selected
        if raw is None:
            raw = message_bytes(build_message(entry, self.sender, date=when))
        if copy is None and self.sent_folder is not None and not files_sent_itself(self.account):
            try:
                copy = self.find(entry) if entry.sent_at is not None else None
                if copy is None:
                    copy = self.imap_call(file_copy, self.sent_folder, raw, when, entry.message_id)
                self.step(APPENDED, entry.id)
            except MailServerError as error:
                note = f"sent; its copy could not be filed in {self.sent_folder}: {error}"
        elif self.sent_folder is None and not files_sent_itself(self.account):
            note = "sent; no Sent folder was found on the server to file a copy in"
        location = MailLocation(self.account.id, copy.folder, copy.uidvalidity, copy.uid) if copy else None
        mail = mail or parse_message(raw, received_at=when, size=len(raw))
        interaction = record_sent(entry.id, mail, location, self.clock, note=note)
        self.step(SENT_STEP, entry.id)
        self.outcomes.append(SendOutcome(entry.id, outcome, note, interaction))


def send_due(clock: Clock, credentials: LoginsFor, *, account_ids: Iterable[int] | None = None,
             ca_file: str | None = None, wait: bool = True, max_messages: int | None = None,
             cancel: Callable[[], bool] | None = None, sleep: Callable[[float], None] = time.sleep,
             on_step: Step | None = None, connect_smtp: ConnectSmtp = SmtpConnection.open,
             connect_imap: ConnectImap = ImapConnection.open) -> SendReport:
    """Send what is due in the outbox (see the module's text); one report per account that had something to do.
    `wait`: keep to the pace by waiting (at most MAX_WAIT_SECONDS at a time) instead of stopping at the first
    message the pace holds back. `max_messages` caps what one run sends (all accounts together)."""
    wanted = set(account_ids) if account_ids is not None else None
    reports = []
    budget = [max_messages if max_messages is not None else 1 << 30]
    for account in list_accounts():
        if (wanted is not None and account.id not in wanted) or not can_send(account):
            continue
        report = _send_account(account, clock, credentials, ca_file=ca_file, wait=wait, budget=budget, cancel=cancel,
                               sleep=sleep, on_step=on_step, connect_smtp=connect_smtp, connect_imap=connect_imap)
        if report is not None:
            reports.append(report)
    return SendReport(tuple(reports))


def _send_account(account: MailAccount, clock: Clock, credentials: LoginsFor, *, ca_file, wait, budget, cancel,
                  sleep, on_step, connect_smtp, connect_imap) -> AccountSendReport | None:
    doubtful = in_doubt_entries(account.id, clock, lease=LEASE)
    if not doubtful and not due_count(account.id, clock):
        return None
    cap = account_daily_cap(account)
    pace = sending_pace(account.id, clock, interval_seconds=account.send_interval_seconds, daily_cap=cap)
    if not doubtful and pace.next_at is not None and (not wait or pace.capped):
        return AccountSendReport(account.id, account.email, waiting=due_count(account.id, clock), next_at=pace.next_at)
    try:
        logins = credentials(account)
    except Exception as error:  # noqa: BLE001 - a keyring's failure of any kind is this account's one line
        return AccountSendReport(account.id, account.email, error=str(error) or type(error).__name__)
    run = _Account(account, logins, clock=clock, ca_file=ca_file, connect_smtp=connect_smtp,
                   connect_imap=connect_imap, on_step=on_step)
    try:
        run.open()
    except ConnectionLost as error:
        run.close()
        return AccountSendReport(account.id, account.email, offline=True, error=str(error))
    except MailServerError as error:
        run.close()
        return AccountSendReport(account.id, account.email, error=str(error))
    next_at = None
    try:
        for entry in doubtful:
            run.recover(entry)
        while budget[0] > 0 and not (cancel is not None and cancel()):
            pace = sending_pace(account.id, clock, interval_seconds=account.send_interval_seconds, daily_cap=cap)
            if pace.next_at is not None:
                delay = (pace.next_at - clock.now()).total_seconds()
                if not wait or pace.capped or delay > MAX_WAIT_SECONDS or not due_count(account.id, clock):
                    next_at = pace.next_at
                    break
                sleep(delay)
                if clock.now() < pace.next_at:  # a clock that does not move (a test's): stop, do not spin
                    next_at = pace.next_at
                    break
                continue
            entry = claim_next(account.id, clock)
            if entry is None:
                break
            budget[0] -= 1
            run.step(CLAIMED, entry.id)
            run.send(entry, check_sent=entry.attempts > 1)
    except MailServerError as error:  # a server gone mid-run (or refusing a new login): this account stops here
        return AccountSendReport(account.id, account.email, tuple(run.outcomes), due_count(account.id, clock),
                                 next_at, offline=isinstance(error, ConnectionLost), error=str(error))
    finally:
        run.close()
    return AccountSendReport(account.id, account.email, tuple(run.outcomes), due_count(account.id, clock), next_at)


__all__ = ["ACCEPTED", "APPENDED", "CLAIMED", "FAILED", "FOUND", "MAX_WAIT_SECONDS", "RETRY", "SENT",
           "SENT_STEP", "STEPS", "AccountSendReport", "LoginsFor", "SendLogins", "SendOutcome", "SendReport",
           "account_daily_cap", "can_send", "files_sent_itself", "imap_address", "logins_from_keystore", "send_due",
           "smtp_address"]
