"""Mail sync in the background: at start, every N minutes (the shortest interval of the enabled accounts)
and on demand (Mail › Sync mail, F5), one at a time, in a worker (ui/common/workers.Job) with progress
and a Cancel button on the status bar, and a status-bar line with the figures or the one-line error.

The accounts' passwords come from the keyring on the worker thread (`credentials_for`); a sync that finds an
account refused or unreachable says so for that account and goes on with the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QToolButton, QWidget

from trade_crm.domain.clock import Clock
from trade_crm.keystore import KeystoreError
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.workers import Job, JobContext
from trade_crm.ui.mail.fetching import CredentialsFor, MailUnavailable

if TYPE_CHECKING:
    from trade_crm.exchange.mail.sync import SyncReport

START_DELAY_MS = 5_000  # the first sync waits for the window to paint


@dataclass(frozen=True)
class MailSyncResult:
    reports: tuple[SyncReport, ...]
    failures: tuple[str, ...]  # one line per account that could not be synced

    def total(self, name: str) -> int:
        return sum(getattr(r, name) for r in self.reports)


def sync_all(context: JobContext, clock: Clock, credentials_for: CredentialsFor,
             ca_file: str | None = None) -> MailSyncResult:
    """Sync every enabled account in turn (a Job function)."""
    # lazy: start-up, imapclient and the parser load with the first sync, on the worker thread
    from trade_crm.domain.mail.accounts import list_accounts
    from trade_crm.exchange.mail.imap import MailServerError
    from trade_crm.exchange.mail.sync import sync_account

    reports, failures = [], []
    for account in [a for a in list_accounts() if a.enabled]:
        if context.cancelled:
            break

        def progress(folder: str, done: int, total: int, email: str = account.email) -> None:
            if not context.cancelled:
                context.progress(done, total, f"{email} · {folder}")

        try:
            reports.append(sync_account(account, credentials_for(account), clock=clock, progress=progress,
                                        cancel=lambda: context.cancelled, ca_file=ca_file))
        except (MailServerError, MailUnavailable, KeystoreError) as error:
            failures.append(f"{account.email}: {error}")
    return MailSyncResult(tuple(reports), tuple(failures))


def enabled_accounts() -> list:
    # lazy: start-up, the account records load when mail is first used
    from trade_crm.domain.mail.accounts import list_accounts

    return [a for a in list_accounts() if a.enabled]


class MailSyncController(QObject):
    synced = Signal(object)  # a MailSyncResult after a sync; None after a cancelled one

    def __init__(self, clock: Clock, credentials_for: CredentialsFor, parent: QObject | None = None, *,
                 ca_file: str | None = None):
        super().__init__(parent)
        self._clock, self._credentials_for, self._ca_file = clock, credentials_for, ca_file
        self.job: Job | None = None
        self.last: MailSyncResult | None = None
        self.status_label = QLabel()
        self.cancel_button = QToolButton()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the mail sync; what was fetched so far is kept"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_now)

    def widgets(self) -> list[QWidget]:
        return [self.status_label, self.cancel_button]

    def schedule(self, *, first_in_ms: int | None = START_DELAY_MS) -> None:
        """Sync every N minutes (the enabled accounts' shortest interval), the first after `first_in_ms`."""
        enabled = enabled_accounts()
        self.timer.stop()
        if not enabled:
            return
        self.timer.start(min(a.interval_minutes for a in enabled) * 60_000)
        if first_in_ms is not None:
            QTimer.singleShot(first_in_ms, self.sync_now)

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.is_running

    def sync_now(self) -> bool:
        """Start a sync unless one runs; False if none started (one running, or no account)."""
        if self.running:
            return False
        if not enabled_accounts():
            self.status_label.setText(self.tr("Mail: no account yet (Settings › Mail)"))
            return False
        self.job = Job(sync_all, self._clock, self._credentials_for, self._ca_file, parent=self, title="Syncing mail")
        self.job.report_to(self)
        self.job.done.connect(self.cancel_button.hide)
        self.status_label.setText(self.tr("Mail: syncing…"))
        self.cancel_button.show()
        self.job.start()
        return True

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.status_label.setText(self.tr("Mail: stopping…"))

    def on_job_progressed(self, done: int, total: int, where: str) -> None:
        self.status_label.setText(fill(self.tr("Mail: %1 — %2 of %3"), where, done, total) if total
                                  else fill(self.tr("Mail: %1"), where))

    def on_job_finished(self, result: MailSyncResult) -> None:
        self.cancel_button.hide()
        self.last = result
        self.status_label.setText(self.summary(result))
        self.status_label.setToolTip("\n".join(result.failures))
        self.synced.emit(result)

    def summary(self, result: MailSyncResult) -> str:
        line = fill(self.tr("Mail: %1 fetched, %2 matched, %3 new senders, %4 skipped"), result.total("fetched"),
                    result.total("matched"), result.total("new_senders"), result.total("skipped"))
        if any(r.cancelled for r in result.reports):
            line += " · " + self.tr("cancelled")
        if result.failures:
            line += " · " + result.failures[0] + (f" (+{len(result.failures) - 1})" if len(result.failures) > 1 else "")
        return line

    def on_job_failed(self, error: BaseException) -> None:
        self.cancel_button.hide()
        self.status_label.setText(fill(self.tr("Mail: the sync stopped: %1"), error))

    def on_job_cancelled(self) -> None:
        self.cancel_button.hide()
        self.status_label.setText(self.tr("Mail: sync cancelled; what was fetched is kept"))
        self.synced.emit(None)  # what came in before the cancel is not known here: refresh everything
