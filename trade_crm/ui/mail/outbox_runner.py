"""The outbox worked off the GUI thread: a Job per run of the sending engine (exchange/mail/sending.send_due),
right after messages are queued, then every 30 s while some wait, and on demand (the outbox's Send now).

The engine keeps the pace and the daily cap itself and never blocks a run on them here (`wait=False`): what is
held back goes at a later tick. Offline, nothing is touched and the messages stay queued. A message that
fails raises one notice (the tray, or the in-window bar where there is no tray) — once, not at every tick —
and the failed count follows the Mail menu's Outbox entry. At quit `Job.stop_all` cancels a run between two
messages; a message the server was already given is settled by the next run's Sent-folder check.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from trade_crm.domain.clock import Clock
from trade_crm.domain.mail.outgoing import OutboxState
from trade_crm.keystore import KeyStore
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.workers import Job, JobContext

if TYPE_CHECKING:
    from trade_crm.exchange.mail.sending import LoginsFor, SendReport

RUN_EVERY_MS = 30_000
WAITING = (OutboxState.QUEUED, OutboxState.SENDING)
FAILED_OUTCOME = "failed"  # exchange/mail/sending.FAILED: the message stopped for good


def outbox_entries(states):
    # lazy: start-up, the outbox brings mail recording (and the triage rules) with it: first run after the paint
    from trade_crm.domain.mail.outbox import outbox_entries as entries

    return entries(states=states)


def run_outbox(context: JobContext, clock: Clock, keystore: KeyStore, logins: LoginsFor | None,
               ca_file: str | None, send: Callable[..., SendReport] | None) -> SendReport:
    """One run of the engine (a Job function): what is due now, without sleeping for the pace. The passwords
    are read from the keyring here, on the worker thread."""
    # lazy: start-up, smtplib and the engine load with the first run, on the worker thread
    from trade_crm.exchange.mail.sending import logins_from_keystore, send_due

    return (send or send_due)(clock, logins or logins_from_keystore(keystore), ca_file=ca_file, wait=False,
                              cancel=lambda: context.cancelled)


class OutboxRunner(QObject):
    ran = Signal(object)  # a SendReport after each run
    failed_count_changed = Signal(int)
    notice = Signal(str, str)  # title, text: a message failed, or an account could not send (once each)
    status_changed = Signal(str)  # a one-line state for the status bar

    def __init__(self, clock: Clock, keystore: KeyStore, parent: QObject | None = None, *,
                 ca_file: str | None = None, logins: LoginsFor | None = None,
                 send: Callable[..., SendReport] | None = None, interval_ms: int = RUN_EVERY_MS):
        super().__init__(parent)
        self._clock, self._keystore, self._send = clock, keystore, send
        self.logins, self.ca_file = logins, ca_file  # None: the keyring's passwords; the system's CAs
        self.job: Job | None = None
        self.last: SendReport | None = None
        self.again = False  # asked for while a run was going: run once more after it
        self.stopped = False
        self.failed_count = 0
        self._noticed: set[int] = set()  # failed messages already told about
        self._errors: set[str] = set()  # account errors already told about
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.run_now)

    def start(self) -> None:
        """At start (after the window shows): failures already known are not told again; a run if any wait."""
        failed = outbox_entries(states=(OutboxState.FAILED,))
        self._noticed = {e.id for e in failed}
        self._set_failed_count(len(failed))
        if self.waiting():
            self.timer.start()
            self.run_now()

    def stop(self) -> None:
        """At quit: no new run; a running one is cancelled (Job.stop_all waits for it)."""
        self.stopped = True
        self.timer.stop()
        if self.job is not None:
            self.job.cancel()

    @staticmethod
    def waiting() -> bool:
        return bool(outbox_entries(states=WAITING))

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.is_running

    def run_now(self) -> bool:
        """Run the engine unless a run is going (then once more after it); False if none started."""
        if self.stopped:
            return False
        if self.running:
            self.again = True
            return False
        if not self.waiting():
            self.timer.stop()
            return False
        self.again = False
        self.job = Job(run_outbox, self._clock, self._keystore, self.logins, self.ca_file, self._send,
                       parent=self, title="Sending mail")
        self.job.report_to(self)
        self.job.start()
        return True

    def messages_queued(self, _ids=None) -> None:
        """Compose or a greeting run queued messages: send what is due now, then keep ticking."""
        if not self.stopped:
            self.timer.start()
            self.run_now()

    def on_job_finished(self, report: SendReport) -> None:
        self.last = report
        new_failures = [o for a in report.accounts for o in a.outcomes
                        if o.outcome == FAILED_OUTCOME and o.entry_id not in self._noticed]
        self._noticed.update(o.entry_id for o in new_failures)
        if new_failures:
            first = new_failures[0].error
            text = first if len(new_failures) == 1 else fill(self.tr("%1 (and %2 more)"), first,
                                                              len(new_failures) - 1)
            self.notice.emit(self.tr("%n message(s) could not be sent", "", len(new_failures)), text)
        for account in report.accounts:
            if account.error and not account.offline and account.error not in self._errors:
                self._errors.add(account.error)
                self.notice.emit(fill(self.tr("%1 cannot send"), account.email), account.error)
        self.status_changed.emit(self.summary(report))
        self._set_failed_count(len(outbox_entries(states=(OutboxState.FAILED,))))
        self.ran.emit(report)

    def summary(self, report: SendReport) -> str:
        parts = []
        if report.sent:
            parts.append(self.tr("%n sent", "", report.sent))
        if report.failed:
            parts.append(self.tr("%n failed", "", report.failed))
        if any(a.offline for a in report.accounts):
            parts.append(self.tr("offline: the messages stay queued"))
        waiting = sum(a.waiting for a in report.accounts)
        if waiting:
            parts.append(self.tr("%n waiting", "", waiting))
        return fill(self.tr("Outbox: %1"), " · ".join(parts)) if parts else ""

    def on_job_failed(self, error: BaseException) -> None:
        self.status_changed.emit(fill(self.tr("Outbox: the run stopped: %1"), error))

    def on_job_done(self) -> None:
        if self.stopped:
            return
        if not self.waiting():
            self.timer.stop()
        elif not self.timer.isActive():
            self.timer.start()
        if self.again:
            self.run_now()

    def _set_failed_count(self, count: int) -> None:
        if count != self.failed_count:
            self.failed_count = count
            self.failed_count_changed.emit(count)
