"""The customer list's count of a typed search, on a worker thread, reported only while it is still wanted.

A request starts after the first page is painted (a zero-interval timer: on a busy 2-core machine a
worker started at once takes the CPU that frame needs). A newer request, or `cancel()`, stops one that
has not started and makes the result of one that has stale: only the latest request is ever reported.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from PySide6.QtCore import QObject, QTimer, Signal

from trade_crm.domain.customers import query as customer_query
from trade_crm.domain.customers.query import CustomerFilter
from trade_crm.ui.common.workers import Job, JobContext

log = logging.getLogger(__name__)


def count_and_place(context: JobContext, generation: int, flt: CustomerFilter, day: date, now: datetime,
                    sort: str, descending: bool, follow: int | None) -> tuple[int, int, int | None]:
    """On a worker thread: how many customers `flt` matches, and where `follow` stands among them
    (with `generation` back, so an outdated count can be told)."""
    context.check_cancelled()  # a newer keystroke came first: nothing to count
    total = customer_query.count_customers(flt, today=day, now=now)
    context.check_cancelled()
    position = None
    if follow is not None and total:
        position = customer_query.customer_position(follow, flt, today=day, now=now, sort=sort,
                                                    descending=descending)
    return generation, total, position


class BackgroundCount(QObject):
    counted = Signal(int, object)  # the total, and where the followed customer stands (None: left out)
    failed = Signal()  # the count could not be made there; the caller counts itself

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._generation = 0
        self._job: Job | None = None
        self._request: tuple | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.on_timer_timeout)

    def request(self, flt: CustomerFilter, day: date, now: datetime, sort: str, descending: bool,
                follow: int | None) -> None:
        """Count `flt` (and place `follow` in it sorted by `sort`) once the event loop is back."""
        self.cancel()
        self._request = (flt, day, now, sort, descending, follow)
        self._timer.start()

    def cancel(self) -> None:
        """Forget the request: nothing is reported for it, even a count already on its way back."""
        self._generation += 1
        self._timer.stop()
        self._request = None
        if self._job is not None:
            self._job.cancel()
            self._job = None

    def on_timer_timeout(self) -> None:
        if self._request is None:
            return
        request, self._request = self._request, None
        # No parent: the job outlives a closed list by the few ms it needs; bound-method slots are
        # disconnected when this object is gone.
        job = Job(count_and_place, self._generation, *request, title="Counting customers")
        job.report_to(self)
        self._job = job
        job.start()  # one that a newer keystroke outdates before it starts returns at once

    def on_job_finished(self, result: tuple[int, int, int | None]) -> None:
        generation, total, position = result
        if generation != self._generation:
            return  # a newer request came: this count is not about the rows shown
        self._job = None
        self.counted.emit(total, position)

    def on_job_failed(self, error: object) -> None:
        if self._job is not None and self.sender() is self._job:
            self._job = None
            log.warning("counting the customer list in the background failed (%s)", type(error).__name__)
            self.failed.emit()
