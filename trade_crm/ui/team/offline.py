"""The window on a trip: a banner says the customers shown are the laptop's copy and what is queued; what
the server already has cannot be edited; timeline entries logged now are marked as queued. Online, the
copy is refreshed in the background (after connecting, then on a timer) and the outbox sent."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QToolBar, QWidget

from trade_crm.domain.clock import Clock
from trade_crm.domain.team.offline import SyncResult, sync
from trade_crm.domain.team.outbox import CUSTOMER, INTERACTION, queued_ids
from trade_crm.store.errors import DatabaseError
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.workers import Job

log = logging.getLogger(__name__)

BANNER_STYLE = "QWidget#offline_banner { background: #fff4ce; border-bottom: 1px solid #e0c97a; }"
FIRST_SYNC_MS, SYNC_EVERY_MS = 5_000, 15 * 60_000


class OfflineBanner(QWidget):
    """"Offline: showing your customers as of <time>; what you log is queued", the count, and a retry."""

    retry_requested = Signal()

    def __init__(self, synced_at: datetime | None, zone: tzinfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("offline_banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(BANNER_STYLE)
        when = synced_at.astimezone(zone).strftime("%Y-%m-%d %H:%M") if synced_at else "–"
        self.text_label = QLabel(fill(self.tr("Offline: showing your customers as of %1; what you log is queued."),
                                      when))
        self.text_label.setWordWrap(True)
        self.queued_label = QLabel()
        self.retry_button = QPushButton(self.tr("Try the team server again"))
        self.retry_button.clicked.connect(self.retry_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.text_label, 1)
        row.addWidget(self.queued_label)
        row.addWidget(self.retry_button)

    def set_queued(self, customers: int, entries: int) -> None:
        parts = []
        if customers:
            parts.append(self.tr("%n new customer(s)", "", customers))
        if entries:
            parts.append(self.tr("%n timeline entry(ies)", "", entries))
        self.queued_label.setText(fill(self.tr("Queued: %1"), ", ".join(parts)) if parts else "")


def install_offline_mode(window: QMainWindow, synced_at: datetime | None, zone: tzinfo) -> OfflineBanner:
    """Put the banner above the window's panes, keep the edit actions for what the server has switched off
    (new customers and timeline entries stay), and mark queued entries in the timeline."""
    banner = OfflineBanner(synced_at, zone)
    bar = QToolBar(window)
    bar.setObjectName("offline_bar")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.toggleViewAction().setVisible(False)
    bar.addWidget(banner)
    window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    actions = window.actions

    def read_only() -> None:
        for action in (actions.edit_customer, actions.delete, actions.add_tag, actions.remove_tag,
                       *actions.ratings.values()):
            action.setEnabled(False)

    def count() -> None:
        customers = queued_ids(CUSTOMER)
        window.customer_list.model.queued_ids = customers
        banner.set_queued(len(customers), len(queued_ids(INTERACTION)))

    window.customer_list.selection_changed.connect(read_only)  # after the window's own handler enabled them
    window.customer_list.current_customer_changed.connect(lambda _id: read_only())
    window.book_changed.connect(count)
    window.timeline.interaction_logged.connect(lambda _id: count())
    window.timeline.queued_entry_ids = lambda: queued_ids(INTERACTION)
    banner.retry_requested.connect(window.switch_book)
    window.timeline.header_card.edit_button.hide()  # the server's customers cannot be edited offline
    read_only()
    count()
    window.offline_banner = banner
    return banner


class ServerDownBar(QWidget):
    """Online, when the background sync finds the server gone: say so, and offer to go on with the copy
    (the app starts again: a server that still does not answer then opens the copy)."""

    work_offline_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("offline_banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(BANNER_STYLE)
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.offline_button = QPushButton(self.tr("Work offline"))
        self.offline_button.clicked.connect(self.work_offline_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.text_label, 1)
        row.addWidget(self.offline_button)

    def show_line(self, line: str) -> None:
        self.text_label.setText(fill(self.tr("The team server is not answering (%1). Work offline to go on with "
                                             "your customers on this computer; what you log is queued."), line))


def install_server_watch(window: QMainWindow, syncer: CopySync) -> ServerDownBar:
    """The server-down bar above the panes, shown while the background sync fails, hidden when it works again."""
    bar_widget = ServerDownBar()
    bar = QToolBar(window)
    bar.setObjectName("server_down_bar")
    bar.setMovable(False)
    bar.toggleViewAction().setVisible(False)
    bar.addWidget(bar_widget)
    window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    bar.hide()

    def failed(line: str) -> None:
        bar_widget.show_line(line)
        bar.show()

    syncer.sync_failed.connect(failed)
    syncer.synced.connect(lambda _result: bar.hide())
    bar_widget.work_offline_requested.connect(window.switch_book)
    window.server_down_bar = bar
    return bar_widget


class CopySync(QObject):
    """Online: send the outbox and refresh the copy for trips, shortly after start and then on a timer, in a
    worker (the window goes on; a server that does not answer is a line in the status bar)."""

    synced = Signal(object)  # SyncResult
    sync_failed = Signal(str)

    def __init__(self, book_path: Path, url: str, clock: Clock, parent: QObject | None = None, *,
                 say: Callable[[str], None] | None = None):
        super().__init__(parent)
        self._book_path, self._url, self._clock, self._say = book_path, url, clock, say
        self.job: Job | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.run)

    def start(self, first_ms: int = FIRST_SYNC_MS, every_ms: int = SYNC_EVERY_MS) -> None:
        QTimer.singleShot(first_ms, self, self.run)
        self.timer.start(every_ms)

    def run(self) -> Job | None:
        if self.job is not None:
            return None  # the last one is still running
        self.job = Job(lambda _ctx: sync(self._book_path, self._url, self._clock), parent=self,
                       expected=(DatabaseError,), title=self.tr("Refreshing the copy for trips"))
        self.job.report_to(self)
        self.job.start()
        return self.job

    def on_job_finished(self, result: SyncResult) -> None:
        log.info("copy for trips: %s entries sent, %s customers copied", result.outbox.applied,
                 result.refresh.customers)
        if self._say is not None and result.outbox.applied:
            self._say(fill(self.tr("%1 entries logged offline were sent to the team server"),
                           result.outbox.applied))
        self.synced.emit(result)

    def on_job_failed(self, exc: BaseException) -> None:
        line = " ".join(str(exc).split())
        log.warning("the copy for trips was not refreshed: %s", line)
        if self._say is not None:
            self._say(fill(self.tr("The copy for trips was not refreshed: %1"), line))
        self.sync_failed.emit(line)

    def on_job_done(self) -> None:
        self.job = None
