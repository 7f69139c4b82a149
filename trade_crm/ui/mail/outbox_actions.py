"""Mail out in the main window: Mail › Write email… (also on the toolbar and the customer list's right-click
menu), Mail › Outbox… with the count of failed messages, a contact's address on the customer card, the
reminder pane's Write email… / Send greetings…, and the outbox's runner (ui/mail/outbox_runner.py).

Each way in opens the compose dialog with its recipients: the selected customers (one message each, to the
primary contact), the contact whose address was clicked, a follow-up's customer, or a greeting reminder's
customers with the holiday's template.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import DomainError
from trade_crm.keystore import KeyStore
from trade_crm.ui.common.icons import icon
from trade_crm.ui.mail.outbox_runner import OutboxRunner

if TYPE_CHECKING:  # the dialogs, templates and merge fields load when first used, not at start
    from trade_crm.domain.mail.merge import Recipient
    from trade_crm.ui.mail.compose_dialog import ComposeDialog
    from trade_crm.ui.mail.compose_drafts import ContactEmail
    from trade_crm.ui.mail.outbox_view import OutboxDialog


class MailOutController(QObject):
    def __init__(self, window, clock: Clock, keystore: KeyStore, *, ca_file: str | None = None, runner=None):
        super().__init__(window)
        self._window, self._clock = window, clock
        self.runner = runner or OutboxRunner(clock, keystore, self, ca_file=ca_file)
        self.runner.failed_count_changed.connect(self.show_failed_count)
        self.runner.status_changed.connect(lambda line: window.statusBar().showMessage(line, 10_000) if line else None)
        self.runner.ran.connect(self.on_runner_ran)
        self.composers: list[ComposeDialog] = []
        self.outbox_dialog: OutboxDialog | None = None
        self.write_action = QAction(icon("mail_compose"), self.tr("&Write email…"), window)
        self.write_action.setShortcut("Ctrl+Shift+M")
        self.write_action.setToolTip(self.tr("Write to the selected customers: one message each (Ctrl+Shift+M)"))
        self.write_action.setStatusTip(self.tr("Write to the selected customers: one message each"))
        self.write_action.triggered.connect(self.on_write_action_triggered)
        self.outbox_action = QAction(icon("mail_outbox"), self.tr("&Outbox…"), window)
        self.outbox_action.setStatusTip(self.tr("Messages waiting to go, sent and failed"))
        self.outbox_action.triggered.connect(self.open_outbox)
        window.customer_list.selection_changed.connect(self.update_actions)
        self._add_to_list_menu(window.customer_list.table)
        original_open_url = window.timeline.open_url
        window.timeline.open_url = lambda url: self.open_url(url, original_open_url)
        window.reminders.offer_email(True)
        window.reminders.write_email_requested.connect(self.compose_to_customers)
        window.reminders.send_greetings_requested.connect(self.compose_greetings)
        self.update_actions()

    def actions(self) -> list[QAction]:
        return [self.write_action, self.outbox_action]

    def _add_to_list_menu(self, table) -> None:
        """The customer list's right-click menu: Write email… right after Log interaction."""
        listed = table.actions()
        log = self._window.actions.log_interaction
        after = listed[listed.index(log) + 1] if log in listed and listed.index(log) + 1 < len(listed) else None
        table.insertAction(after, self.write_action) if after is not None else table.addAction(self.write_action)

    def start(self) -> None:
        self.runner.start()

    def update_actions(self) -> None:
        self.write_action.setEnabled(bool(self._window.customer_list.selected_ids()))

    def show_failed_count(self, count: int) -> None:
        self.outbox_action.setText(self.tr("&Outbox (%n failed)…", "", count) if count else self.tr("&Outbox…"))

    # --- compose ----------------------------------------------------------------------------------

    def on_write_action_triggered(self) -> ComposeDialog | None:
        return self.compose_to_customers(self._window.customer_list.selected_ids())

    def compose(self, recipients: Sequence[Recipient], choices: Sequence[ContactEmail], **kwargs) -> ComposeDialog:
        # lazy: start-up, the compose dialog (templates, merge fields, accounts) loads when first opened
        from trade_crm.ui.mail.compose_dialog import ComposeDialog

        dialog = ComposeDialog(self._clock, recipients, self._window, choices=choices, **kwargs)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.queued.connect(self.on_compose_queued)
        dialog.destroyed.connect(lambda _obj=None, d=dialog: self.composers.remove(d) if d in self.composers else None)
        self.composers.append(dialog)
        dialog.show()
        return dialog

    def compose_to_customers(self, customer_ids: Sequence[int]) -> ComposeDialog | None:
        """One message per customer, to its primary contact (the picker offers the others)."""
        if not customer_ids:
            return None
        # lazy: start-up, as the compose dialog
        from trade_crm.domain.mail.merge import load_recipients
        from trade_crm.ui.mail.compose_drafts import contact_emails

        return self.compose(load_recipients(customer_ids), contact_emails(customer_ids))

    def compose_to_contact(self, customer_id: int, email: str) -> ComposeDialog | None:
        # lazy: start-up, as the compose dialog
        from trade_crm.ui.mail.compose_drafts import contact_emails, recipients_for

        choices = contact_emails([customer_id])
        picked = [c for c in choices if c.email.casefold() == email.casefold()]
        if not picked:
            return None
        return self.compose(recipients_for(picked[:1]), choices)

    def compose_greetings(self, reminder_id: int) -> ComposeDialog | None:
        """A greeting reminder's customers, the holiday's template, each in their language; the holiday's own
        day is allowed when planning their mornings."""
        # lazy: start-up, the greeting plan and its templates load when first asked for
        from trade_crm.domain.greetings.prepare import greeting_plan
        from trade_crm.domain.mail.bulk import greeting_purpose, queued_for
        from trade_crm.domain.mail.merge import Holiday, load_recipients
        from trade_crm.domain.mail.templates import greeting_key
        from trade_crm.ui.mail.compose_drafts import contact_emails

        try:
            plan = greeting_plan(reminder_id)
        except DomainError as exc:
            self._window.statusBar().showMessage(str(exc), 10_000)
            return None
        year = (plan.on or self._clock.now().astimezone(self._clock.zone).date()).year
        purpose = greeting_purpose(plan.greeting_id, year)
        waiting = [r for r in plan.recipients if not r.greeted]
        queued = queued_for(purpose, [r.customer_id for r in waiting])  # this greeting queued or sent already
        waiting = [r for r in waiting if r.customer_id not in queued]
        if queued:
            self._window.statusBar().showMessage(self.tr("%n customer(s) left out: their greeting is in the outbox "
                                                         "already.", "", len(queued)), 10_000)
        ids = [r.customer_id for r in waiting]
        contacts = {r.customer_id: r.contact_id for r in waiting if r.contact_id is not None}
        return self.compose(load_recipients(ids, contact_ids=contacts), contact_emails(ids),
                            template_key=greeting_key(plan.greeting_id),
                            holiday=Holiday(plan.holiday, plan.on, plan.country), purpose=purpose,
                            greeting_id=plan.greeting_id)

    def open_url(self, url: QUrl, fallback) -> object:
        """A contact's address on the customer card writes from the app; any other link opens as before."""
        customer_id = self._window.timeline.customer_id()
        if url.scheme().lower() == "mailto" and customer_id is not None and \
                self.compose_to_contact(customer_id, url.path()) is not None:
            return True
        return fallback(url)

    def on_compose_queued(self, ids: list) -> None:
        self._window.statusBar().showMessage(self.tr("%n message(s) in the outbox.", "", len(ids)), 10_000)
        self.runner.messages_queued(ids)
        self.refresh_outbox()

    # --- outbox -----------------------------------------------------------------------------------

    def open_outbox(self) -> OutboxDialog:
        # lazy: start-up, the outbox view loads when first opened
        from trade_crm.ui.mail.outbox_view import OutboxDialog

        if self.outbox_dialog is None:
            self.outbox_dialog = OutboxDialog(self._clock, self._window)
            self.outbox_dialog.send_requested.connect(self.runner.run_now)
            self.outbox_dialog.outbox_changed.connect(self.on_outbox_changed)
        else:
            self.outbox_dialog.refresh()
        self.outbox_dialog.show()
        self.outbox_dialog.activateWindow()
        return self.outbox_dialog

    def on_outbox_changed(self) -> None:
        self.runner.messages_queued()

    def on_runner_ran(self, report) -> None:
        """Sent mail is on the customers' timelines now: the open one shows it."""
        self.refresh_outbox()
        if report.sent:
            timeline = self._window.timeline
            if timeline.customer_id() is not None:
                timeline.show_customer(timeline.customer_id())

    def refresh_outbox(self) -> None:
        if self.outbox_dialog is not None and self.outbox_dialog.isVisible():
            self.outbox_dialog.refresh()
