"""Wires reminders into the running app: scheduler -> tray (or in-window bar) and reminder pane,
book changes -> recompute, greeting reminders -> the greetings dialog, and the calendar export.

The scheduler decides when to recompute, the domain decides what is due; this only connects them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.reminders.sync import preview_reminders
from trade_crm.exchange.exporting.icalendar import export_reminders
from trade_crm.ui.common.file_dialogs import save_file
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.icons import icon
from trade_crm.ui.reminders.scheduler import ReminderScheduler
from trade_crm.ui.reminders.tray import CloseToTray, Notifier
from trade_crm.ui.shell.main_window import MainWindow

if TYPE_CHECKING:
    from trade_crm.ui.reminders.greetings_dialog import GreetingsDialog

CALENDAR_DAYS = 30


class ReminderController(QObject):
    def __init__(self, window: MainWindow, clock: Clock, settings: QSettings, notifier: Notifier,
                 scheduler: ReminderScheduler):
        super().__init__(window)
        self._window, self._clock, self._notifier, self.scheduler = window, clock, notifier, scheduler
        self._listed_day = today(clock)  # the day the list was last queried for
        if not notifier.is_tray:
            window.set_notification_bar(notifier.bar)
        self.close_to_tray = CloseToTray(window, notifier, settings)
        scheduler.reminders_updated.connect(notifier.set_due_count)
        scheduler.reminders_updated.connect(self.on_scheduler_reminders_updated)
        scheduler.reminders_raised.connect(notifier.show_raised)
        scheduler.away_reminders_found.connect(notifier.show_away)
        notifier.open_requested.connect(self.bring_window_forward)
        notifier.reminders_requested.connect(self.show_reminders)
        notifier.customer_requested.connect(window.on_reminders_open_customer_requested)
        notifier.quit_requested.connect(self.close_to_tray.quit)
        window.book_changed.connect(scheduler.data_changed)
        window.settings_saved.connect(scheduler.data_changed)
        window.reminders.reminders_changed.connect(scheduler.data_changed)
        window.reminders.prepare_greetings_requested.connect(self.open_greetings)
        self.export_action = QAction(icon("calendar"), self.tr("Export reminders to calendar…"), window)
        self.export_action.setStatusTip(self.tr("Save the next 30 days of reminders as an .ics file"))
        self.export_action.triggered.connect(self.on_export_action_triggered)
        window.add_file_action(self.export_action)

    def on_scheduler_reminders_updated(self, _count: int) -> None:
        self._window.reminders.set_synced()
        # The list is queried again when the sync moved follow-up days (domain/reminders/due.py) or a new
        # day began (overdue colours, "N days ago"); a sync that changed neither leaves it, and its scroll, alone.
        result = getattr(self.scheduler, "last_result", None)
        if result is None or result.settled or result.today != self._listed_day:
            self._window.customer_list.reload()
            self._listed_day = result.today if result is not None else None
        self._window.update_counts()

    def bring_window_forward(self) -> None:
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()

    def show_reminders(self) -> None:
        self._window.show_reminder_pane()
        self.bring_window_forward()

    def open_greetings(self, reminder_id: int) -> GreetingsDialog:
        # lazy: start-up, the dialog and the greeting drafts (~50 ms of imports) load when first opened
        from trade_crm.ui.reminders.greetings_dialog import GreetingsDialog

        dialog = GreetingsDialog(reminder_id, self._clock, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.customer_greeted.connect(self.on_greetings_customer_greeted)
        dialog.reminder_completed.connect(lambda _rid: self._window.reminders.refresh())
        dialog.open()
        return dialog

    def on_greetings_customer_greeted(self, customer_id: int) -> None:
        self._window.customer_list.refresh_customer(customer_id)
        if self._window.customer_list.current_id() == customer_id:
            self._window.timeline.show_customer(customer_id)
        self.scheduler.data_changed()

    def on_export_action_triggered(self) -> None:
        path = save_file(self._window, self.tr("Export reminders"), "trade-crm-reminders.ics",
                         self.tr("Calendar files (*.ics)"))
        if path:
            self.export_calendar(path)

    def export_calendar(self, path: Path) -> int:
        """Write the coming 30 days of reminders; returns the number of events (0 after an error)."""
        day = today(self._clock)
        items = [i for i in preview_reminders(day, self._clock.now(), self._clock.zone,
                                              horizon_days=CALENDAR_DAYS) if i.due >= day]
        try:
            count = export_reminders(path, items, self._clock.now())
        except OSError as exc:
            QMessageBox.warning(self._window, self.tr("Export reminders"),
                                fill(self.tr("Could not write %1:\n%2"), path, exc.strerror or exc))
            return 0
        self._window.statusBar().showMessage(
            fill(self.tr("%1 reminders saved to %2"), count, path), 10_000)
        return count
