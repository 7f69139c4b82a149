"""The hint under the new-customer form: "Acme Trading GmbH, DE, already exists — open it?".

After a typing pause the customer dialog asks `domain.duplicates.probable_duplicates` in a worker (index
lookups, but the website one scans the websites), and shows the answer as a link the window can follow.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from trade_crm.domain.duplicates.scan import Reason, probable_duplicates
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.labels import reason_text
from trade_crm.ui.common.workers import Job, JobContext


class DuplicateHint(QLabel):
    """"Acme Trading GmbH, DE, already exists — open it?" under a form, checked after a typing pause.

    `query()` returns the keyword arguments of `probable_duplicates` for what is typed; the check runs
    in a Job, and an answer that arrives after more typing is dropped.
    """

    open_requested = Signal(int)  # the customer id of the link clicked

    DELAY_MS = 400

    def __init__(self, query: Callable[[], dict], parent: QWidget | None = None):
        super().__init__(parent)
        self._query = query
        self._asked = 0
        self.job: Job | None = None
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.linkActivated.connect(self.on_link_activated)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(self.DELAY_MS)
        self.timer.timeout.connect(self.check_now)
        self.hints: list = []
        self.hide()

    def schedule(self, *_args) -> None:
        """Check again after the typing pause."""
        self._asked += 1
        self.timer.start()

    def check_now(self) -> Job:
        self.timer.stop()
        self._asked += 1
        self.job = job = Job(self._check, self._asked, self._query())
        job.finished.connect(self.on_job_finished)
        job.start()
        return job

    @staticmethod
    def _check(_context: JobContext, asked: int, query: dict) -> tuple[int, list]:
        return asked, probable_duplicates(**query, limit=2)

    def on_job_finished(self, answer: tuple[int, list]) -> None:
        asked, hints = answer
        if asked != self._asked:
            return  # typed on since: a newer check follows
        self.hints = hints
        lines = []
        for hint in hints:
            separator = self.tr(", ", "between the items of a list")
            who = separator.join(p for p in (hint.name, hint.country or "", hint.city) if p)
            lines.append(fill(self.tr("<b>%1</b> already exists — <a href=\"%2\">open it?</a>"),
                              who.replace("&", "&amp;").replace("<", "&lt;"), hint.customer_id))
        self.setText("<br>".join(lines))
        self.setToolTip("\n".join(reason_text(Reason(h.rule, h.value, h.similarity)) for h in hints))
        self.setVisible(bool(hints))

    def on_link_activated(self, link: str) -> None:
        self.open_requested.emit(int(link))
