"""The main window: customer list | timeline | reminders, with menus, toolbar, status bar and undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trade_crm import APP_NAME, __version__
from trade_crm.domain.clock import Clock, today
from trade_crm.domain.customers.query import CustomerFilter, count_customers
from trade_crm.domain.customers.records import all_tags, customer_count, get_customer
from trade_crm.domain.errors import DomainError
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.icons import app_icon
from trade_crm.ui.common.shortcuts import WindowShortcutsFirst
from trade_crm.ui.common.undo_commands import (
    CustomerCommand,
    DeleteCustomersCommand,
    RatingCommand,
    TagCommand,
)
from trade_crm.ui.customers.customer_list import CustomerListPane
from trade_crm.ui.customers.timeline_view import TimelineView
from trade_crm.ui.reminders.pane import ReminderPane
from trade_crm.ui.shell.actions import MainActions
from trade_crm.ui.shell.first_run import FirstRunPage
from trade_crm.ui.shell.settings_dialog import LANGUAGE, WORK_END, WORK_START, SettingsDialog

if TYPE_CHECKING:
    from trade_crm.ui.customers.customer_dialog import CustomerDialog

GEOMETRY_KEY, STATE_KEY = "main_window/geometry", "main_window/state"
SPLITTER_KEY, SIDE_SPLITTER_KEY = "main_window/splitter", "main_window/side_splitter"
DEFAULT_SIZE = (1400, 860)


class MainWindow(QMainWindow):
    book_changed = Signal()  # customers, timeline or tags were written from this window
    settings_saved = Signal()
    mail_accounts_changed = Signal()  # Settings › Mail added, changed or removed an account

    def __init__(self, clock: Clock, db_path: Path, settings: QSettings, *, language: str = "en",
                 demo_loader: Callable[[], object] | None = None, fill_reminders_now: bool = True, parent=None):
        super().__init__(parent)
        self._clock, self._db_path, self._settings = clock, db_path, settings
        self._demo_loader = demo_loader
        self.language = language
        self.quitting = False  # File > Quit: closing now ends the app, even with close-to-tray on
        self.restart_requested = False  # after a language change: the composition root starts us again
        self.server_url = ""  # the team server's book open in this window (app.py sets it); "" = the laptop's
        self._book_counts: tuple[int, int] | None = None  # customers, overdue: update_counts refreshes them
        # app.py makes the same text the application display name, so Qt does not append it a second time.
        self.setWindowTitle(self.tr("Trade CRM"))
        self.setWindowIcon(app_icon())
        self.undo_stack = QUndoStack(self)
        self.customer_list = CustomerListPane(clock, settings, language=language)
        self.timeline = TimelineView(clock)
        self.reminders = ReminderPane(clock, fill_now=fill_reminders_now)  # run_gui: after the first paint
        self.reminders.set_undo_stack(self.undo_stack)  # Done and Snooze undo with Ctrl+Z
        # The list on the left; the selected customer's timeline above today's reminders on the right.
        self.side_splitter = QSplitter(Qt.Orientation.Vertical)
        self.side_splitter.addWidget(self.timeline)
        self.side_splitter.addWidget(self.reminders)
        self.side_splitter.setStretchFactor(0, 3)
        self.side_splitter.setStretchFactor(1, 1)
        self.side_splitter.setSizes([560, 220])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.customer_list)
        self.splitter.addWidget(self.side_splitter)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([780, 620])
        self.first_run = FirstRunPage(demo_available=demo_loader is not None)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.first_run)
        self.setCentralWidget(self.stack)
        self.actions = MainActions(self, self.undo_stack)
        self.actions.build_menus(self.menuBar())
        toolbar = self.addToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("main_toolbar")
        self.actions.build_toolbar(toolbar)
        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)
        self.minute_timer = QTimer(self)
        self.minute_timer.setInterval(60_000)
        self.minute_timer.timeout.connect(self.customer_list.model.tick)
        self.minute_timer.start()
        self.customer_list.model.set_working_hours(WORK_START.read(settings), WORK_END.read(settings))
        self._connect()
        self.shortcuts_first = WindowShortcutsFirst(self)  # Ctrl+E exports from the search box too
        self._restore_state()
        self.customer_list.set_tags(all_tags())
        self.on_data_changed()
        self.on_customer_list_selection_changed()

    def _connect(self) -> None:
        a, pane = self.actions, self.customer_list
        a.new_customer.triggered.connect(lambda: self.open_customer_dialog(None))
        a.edit_customer.triggered.connect(self.on_edit_customer_action_triggered)
        a.log_interaction.triggered.connect(self.timeline.focus_quick_log)
        a.delete.triggered.connect(self.on_delete_action_triggered)
        a.add_tag.triggered.connect(lambda: self.on_tag_action_triggered(add=True))
        a.remove_tag.triggered.connect(lambda: self.on_tag_action_triggered(add=False))
        for rating, action in a.ratings.items():
            action.triggered.connect(lambda _checked=False, r=rating: self.rate_selected(r))
        a.find.triggered.connect(pane.focus_search)
        a.clear_filters.triggered.connect(pane.clear_filters)
        a.show_filters.toggled.connect(pane.filters_button.setChecked)
        pane.filters_button.toggled.connect(a.show_filters.setChecked)
        a.show_filters.setChecked(pane.filters_button.isChecked())
        a.show_timeline.toggled.connect(self.timeline.setVisible)
        a.show_reminders.toggled.connect(self.reminders.setVisible)
        a.settings.triggered.connect(self.on_settings_action_triggered)
        a.quit.triggered.connect(self.quit_app)
        for code, action in a.languages.items():
            action.setChecked(code == self.language)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
        a.about.triggered.connect(self.on_about_action_triggered)
        a.data_location.triggered.connect(self.on_data_location_action_triggered)
        a.build_context_menu(pane.table)
        pane.current_customer_changed.connect(self.on_customer_list_current_customer_changed)
        pane.selection_changed.connect(self.on_customer_list_selection_changed)
        pane.filter_changed.connect(self.update_counts)
        pane.shown_changed.connect(self.update_shown_count)
        pane.customer_activated.connect(self.open_customer_dialog)
        self.timeline.interaction_logged.connect(self.on_timeline_interaction_logged)
        self.timeline.customer_edit_requested.connect(self.open_customer_dialog)
        self.reminders.open_customer_requested.connect(self.on_reminders_open_customer_requested)
        self.reminders.customers_changed.connect(self.on_reminders_customers_changed)
        self.reminders.reminders_changed.connect(self.update_counts)
        self.first_run.add_customer_requested.connect(lambda: self.open_customer_dialog(None))
        self.first_run.demo_requested.connect(self.load_demo)

    def set_notification_bar(self, bar: QWidget) -> None:
        """Show `bar` above the panes: where there is no tray, notifications appear there."""
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(bar)
        column.addWidget(self.stack)
        self.setCentralWidget(body)

    def add_file_action(self, action: QAction, *, toolbar: bool = False, first_run: str | None = None) -> None:
        """For later features (import, export, back up): a File menu entry, optionally on the toolbar
        and, with a description in `first_run`, as a big button on the empty-book page."""
        self.actions.add_file_action(action, toolbar=toolbar)
        if first_run is not None:
            self.first_run.add_action_button(action, first_run)

    # --- state ---------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        if not self.restoreGeometry(self._settings.value(GEOMETRY_KEY, b"")):
            self.resize(*DEFAULT_SIZE)
        self.restoreState(self._settings.value(STATE_KEY, b""))
        self.splitter.restoreState(self._settings.value(SPLITTER_KEY, b""))
        self.side_splitter.restoreState(self._settings.value(SIDE_SPLITTER_KEY, b""))
        self.actions.show_timeline.setChecked(not self.timeline.isHidden())
        self.actions.show_reminders.setChecked(not self.reminders.isHidden())

    def save_state(self) -> None:
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._settings.setValue(STATE_KEY, self.saveState())
        self._settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        self._settings.setValue(SIDE_SPLITTER_KEY, self.side_splitter.saveState())
        self.customer_list.save_state()
        self._settings.sync()

    def quit_app(self) -> None:
        """File > Quit: end the app. The window's close button may only hide it to the tray; this never does."""
        self.quitting = True
        self.close()
        QCoreApplication.quit()

    def choose_language(self, language: str) -> None:
        """View > Language: save the choice; the window is built in one language, so offer a restart."""
        LANGUAGE.write(self._settings, language)
        self._settings.sync()
        for code, action in self.actions.languages.items():
            action.setChecked(code == language)
        if language != self.language and self.confirm_restart():
            self.restart_requested = True
            self.quit_app()

    def switch_book(self, _url: str = "") -> None:
        """Settings › Data chose another book (a team server's, or this computer's): start again on it."""
        self.restart_requested = True
        self.quit_app()

    def confirm_restart(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Language"), self.tr(
            "The new language is used from the next start. Restart Trade CRM now?"),
            QMessageBox.StandardButton.NoButton, self)
        restart = box.addButton(self.tr("Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restart)
        box.exec()
        return box.clickedButton() is restart

    def show_reminder_pane(self) -> None:
        """Today's reminders (from the tray): the customers view with the reminder pane shown and focused."""
        if self.stack.currentWidget() is self.first_run:
            return
        page, chain = self.customer_list, [self.customer_list]
        while (parent := page.parentWidget()) is not None:  # a tab page (insights adds the tabs)
            index = max(parent.indexOf(w) for w in chain) if isinstance(parent, QTabWidget) else -1
            if index >= 0:
                parent.setCurrentIndex(index)
            chain.append(parent)
            page = parent
        self.side_splitter.show()
        self.actions.show_reminders.setChecked(True)
        self.reminders.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        self.shortcuts_first.watch_fields()  # the fields later features added
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)

    # --- reacting to data changes ----------------------------------------------------------------

    def on_data_changed(self) -> None:
        empty = customer_count() == 0
        self.stack.setCurrentWidget(self.first_run if empty else self.splitter)
        for action in (self.actions.find, self.actions.clear_filters, self.actions.show_filters):
            action.setEnabled(not empty)
        self.update_counts()

    def update_counts(self) -> None:
        self._book_counts = (customer_count(), count_customers(CustomerFilter(follow_up_overdue=True),
                                                               today=today(self._clock), now=self._clock.now()))
        self.update_shown_count()

    def update_shown_count(self) -> None:
        """Only the list's count changed (a search typed, its count arrived): the book's counts stand."""
        if self._book_counts is None:
            self.update_counts()
            return
        total, overdue = self._book_counts
        parts = [self.tr("%Ln customer(s)", "", total)]
        if total:
            shown = self.customer_list.model.known_total()  # None while a search's count is on its way
            parts.append(self.tr("%Ln shown", "", shown) if shown is not None else self.tr("… shown"))
        if overdue:
            parts.append(self.tr("%Ln overdue", "", overdue))
        self.counts_label.setText(" · ".join(parts))

    def on_customer_list_current_customer_changed(self, customer_id: int | None) -> None:
        self.timeline.show_customer(customer_id)
        self.on_customer_list_selection_changed()

    def on_customer_list_selection_changed(self) -> None:
        one = self.customer_list.current_id() is not None
        some = bool(self.customer_list.selected_ids())
        self.actions.edit_customer.setEnabled(one)
        self.actions.log_interaction.setEnabled(one)
        for action in (self.actions.delete, self.actions.add_tag, self.actions.remove_tag,
                       *self.actions.ratings.values()):
            action.setEnabled(some)

    def on_timeline_interaction_logged(self, customer_id: int) -> None:
        self.customer_list.refresh_customer(customer_id)
        self.reminders.refresh()
        self.update_counts()
        self.book_changed.emit()

    def on_reminders_open_customer_requested(self, customer_id: int) -> None:
        self.customer_list.select_customer(customer_id)

    # --- editing ---------------------------------------------------------------------------------

    def open_customer_dialog(self, customer_id: int | None = None, *, prefill: tuple[dict, list] | None = None,
                             save: Callable[..., int] | None = None) -> CustomerDialog:
        """The customer form; a new one may come `prefill`ed (fields, contacts) and saved by `save` (with
        save_customer's arguments: a customer from mail files the sender's mail in the same transaction)."""
        # lazy: start-up, the dialog is imported when first opened
        from trade_crm.ui.customers.customer_dialog import CustomerDialog

        dialog = CustomerDialog(self._clock, customer_id, self, **({"save": save} if save is not None else {}))
        if prefill is not None:
            dialog.prefill(*prefill)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.customer_saved.connect(self.on_customer_dialog_customer_saved)
        dialog.duplicate_open_requested.connect(lambda cid: self.on_customer_dialog_duplicate_open_requested(dialog, cid))
        dialog.open()
        return dialog

    def on_customer_dialog_duplicate_open_requested(self, dialog, customer_id: int) -> None:
        """'Acme Trading GmbH, DE, already exists — open it?': drop the new form, open the existing one."""
        dialog.reject()
        self.customer_list.select_customer(customer_id)
        self.open_customer_dialog(customer_id)

    def on_edit_customer_action_triggered(self) -> None:
        customer_id = self.customer_list.current_id()
        if customer_id is not None:
            self.open_customer_dialog(customer_id)

    def on_customer_dialog_customer_saved(self, customer_id: int) -> None:
        self.customer_list.set_tags(all_tags())
        self.on_data_changed()
        self.customer_list.reload(select=[customer_id])
        if self.customer_list.current_id() != customer_id:
            self.customer_list.show_customer(customer_id)
        self.reminders.refresh()
        self.book_changed.emit()

    def on_delete_action_triggered(self) -> None:
        ids = self.customer_list.selected_ids()
        if ids and self.confirm_delete(ids):
            self.push(DeleteCustomersCommand(ids, self.on_command_changed, self.show_error))

    def confirm_delete(self, ids: list[int]) -> bool:
        if len(ids) == 1:
            text = fill(self.tr("Delete “%1” with its contacts and timeline?"), get_customer(ids[0]).name)
        else:
            text = self.tr("Delete %Ln customers with their contacts and timelines?", "", len(ids))
        undo_keys = QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText)
        text += "\n\n" + fill(self.tr("You can undo this with %1."), undo_keys)
        answer = QMessageBox.question(self, self.tr("Delete customers"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def on_tag_action_triggered(self, add: bool) -> None:
        title = self.tr("Add tag") if add else self.tr("Remove tag")
        tag, ok = QInputDialog.getItem(self, title, self.tr("Tag:"), all_tags(), 0, True)
        if ok and tag.strip():
            self.tag_selected(tag.strip(), add=add)

    def tag_selected(self, tag: str, *, add: bool = True) -> bool:
        ids = self.customer_list.selected_ids()
        return bool(ids) and self.push(TagCommand(ids, tag, add, self._clock, self.on_command_changed,
                                                  self.show_error))

    def rate_selected(self, rating: str | None) -> bool:
        ids = self.customer_list.selected_ids()
        return bool(ids) and self.push(RatingCommand(ids, rating, self._clock, self.on_command_changed,
                                                     self.show_error))

    def delete_selected(self) -> bool:
        """Delete the selected customers without asking (the Delete action asks first)."""
        ids = self.customer_list.selected_ids()
        return bool(ids) and self.push(DeleteCustomersCommand(ids, self.on_command_changed, self.show_error))

    def push(self, command: CustomerCommand) -> bool:
        try:
            command.execute()
        except DomainError as exc:
            self.show_error(str(exc))
            return False
        self.undo_stack.push(command)
        return True

    def on_command_changed(self, ids: list[int]) -> None:
        self.customer_list.set_tags(all_tags())
        self.on_data_changed()
        self.customer_list.reload(select=ids)
        self.reminders.refresh()
        self.book_changed.emit()

    def on_reminders_customers_changed(self, ids: list[int]) -> None:
        """A done, snooze or undo moved follow-up days or logged on timelines: the list, card and counts."""
        self.customer_list.reload()
        if self.customer_list.current_id() in ids:
            self.timeline.show_customer(self.customer_list.current_id())
        self.update_counts()

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)
        QMessageBox.warning(self, self.tr("Trade CRM"), message)

    def load_demo(self) -> None:
        if self._demo_loader is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._demo_loader()
        except DomainError as exc:
            self.show_error(str(exc))
        finally:
            QApplication.restoreOverrideCursor()
        self.customer_list.set_tags(all_tags())
        self.on_data_changed()
        self.customer_list.reload()
        if self.customer_list.current_id() is None and self.customer_list.model.rowCount():
            self.customer_list.select_row(0)
        self.reminders.refresh()
        self.book_changed.emit()

    # --- dialogs ---------------------------------------------------------------------------------

    def on_settings_action_triggered(self) -> None:
        dialog = SettingsDialog(self._settings, self, db_path=self._db_path, zone=self._clock.zone,
                                server_url=self.server_url, clock=self._clock)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.book_switch_requested.connect(self.switch_book)
        dialog.settings_saved.connect(lambda: self.customer_list.model.set_working_hours(
            WORK_START.read(self._settings), WORK_END.read(self._settings)))
        dialog.settings_saved.connect(self.settings_saved)
        if dialog.mail_page is not None:
            dialog.mail_page.accounts_changed.connect(self.mail_accounts_changed)
        dialog.open()

    def on_about_action_triggered(self) -> None:
        QMessageBox.about(self, self.tr("About Trade CRM"), fill(self.tr(
            "<h3>%1 %2</h3><p>An offline-first customer book for export sales: customers, contacts, "
            "follow-ups and reminders, on your own computer.</p>"
            "<p>Icons are original drawings made for Trade CRM.</p>"), APP_NAME, __version__))

    def on_data_location_action_triggered(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Where is my data?"), fill(self.tr(
            "Your customer book is this file:\n%1\n\nBack it up with the rest of your documents; "
            "copy it to move Trade CRM to another computer."), self._db_path),
            QMessageBox.StandardButton.Close, self)
        open_button = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._db_path.parent)))
