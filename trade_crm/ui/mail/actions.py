"""The Mail menu and toolbar buttons, and what ties mail into the main window.

`install_mail_actions(window, clock, ...)` adds Mail › Sync mail (also on the toolbar), Mail › New senders…,
Mail › Write email… and Outbox… (ui/mail/outbox_actions.py, with the outbox's runner),
opens the message reader when a mail entry of the timeline is double-clicked, and opens the customer form
pre-filled when the New senders view asks to make a customer from a sender's mail (saved through
domain/mail/triage in one transaction with the sender's waiting mail). The background sync itself is
`MailSyncController` (ui/mail/sync_controller.py).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar

from trade_crm.domain.clock import Clock
from trade_crm.domain.errors import DomainError
from trade_crm.domain.mail.reading import mail_message
from trade_crm.keystore import KeyStore
from trade_crm.ui.common.i18n import fill
from trade_crm.ui.common.icons import icon
from trade_crm.ui.mail.fetching import MailFetcher, ServerFetcher, keyring_credentials
from trade_crm.ui.mail.outbox_actions import MailOutController
from trade_crm.ui.mail.sync_controller import MailSyncController

if TYPE_CHECKING:  # the reader and the triage list load when first opened, not at start
    from trade_crm.ui.mail.reader import MessageReaderDialog
    from trade_crm.ui.mail.senders_view import NewSendersDialog

MAIL_MENU = "mail_menu"
SENDERS_COUNTED = 99  # the menu says "New senders (99+)" beyond this


class MailController(QObject):
    def __init__(self, window, clock: Clock, *, keystore: KeyStore | None = None, ca_file: str | None = None,
                 fetcher: Callable[[], MailFetcher | None] | None = None):
        super().__init__(window)
        self._window, self._clock = window, clock
        self.keystore = keystore or KeyStore()
        credentials = keyring_credentials(self.keystore)
        # The reader's way to the server: none (offline) while the book has no account.
        self._fetcher = fetcher or (lambda: ServerFetcher(credentials, ca_file) if any_account() else None)
        self.sync = MailSyncController(clock, credentials, self, ca_file=ca_file)
        self.sync.synced.connect(self.refresh_after_sync)
        for widget in reversed(self.sync.widgets()):
            window.statusBar().insertPermanentWidget(0, widget)
        self.senders_dialog: NewSendersDialog | None = None
        self.readers: list[MessageReaderDialog] = []
        self.sync_action = QAction(icon("mail_sync"), self.tr("&Sync mail"), window)
        self.sync_action.setShortcut("F5")
        self.sync_action.setToolTip(self.tr("Fetch new mail from your accounts now (F5)"))
        self.sync_action.setStatusTip(self.tr("Fetch new mail from your accounts now"))
        self.senders_action = QAction(icon("mail_senders"), self.tr("&New senders…"), window)
        self.senders_action.setStatusTip(self.tr("Mail from people who are not customers yet"))
        self.senders_action.triggered.connect(self.open_senders)
        self.sync_action.triggered.connect(self.sync.sync_now)
        self.out = MailOutController(window, clock, self.keystore, ca_file=ca_file)
        self.menu = self._mail_menu(window.menuBar())
        self.menu.addActions([self.sync_action, self.senders_action])
        self.menu.addSeparator()
        self.menu.addActions(self.out.actions())
        toolbar = window.actions.toolbar
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addActions([self.sync_action, self.senders_action, *self.out.actions()])
        window.timeline.mail_open_requested.connect(self.open_message)
        window.mail_accounts_changed.connect(self.on_window_mail_accounts_changed)
        self.menu.aboutToShow.connect(self.update_senders_count)

    def _mail_menu(self, bar: QMenuBar) -> QMenu:
        menu = QMenu(self.tr("&Mail"), bar)
        menu.setObjectName(MAIL_MENU)
        menus = bar.actions()
        bar.insertMenu(menus[-1], menu) if menus else bar.addMenu(menu)  # before Help
        return menu

    def start(self) -> None:
        """After the window has shown (run_gui): the New senders count, then the background sync, and the outbox's
        runner (messages left waiting from the last session go now)."""
        self.update_senders_count()
        self.sync.schedule()
        self.out.start()

    def compose_document(self, customer_id: int, contact_id: int | None, pdf: Path, purpose: str, subject: str):
        """Email PDF… of a quotation or PI: the compose dialog to the document's contact with the PDF attached; the
        outbox's `purpose` lets the quotes record it as sent when it really leaves (domain/mail/sent.py)."""
        # lazy: start-up, as the compose dialog
        from trade_crm.domain.mail.merge import load_recipients
        from trade_crm.ui.mail.compose_drafts import contact_emails

        contacts = {customer_id: contact_id} if contact_id is not None else None
        dialog = self.out.compose(load_recipients([customer_id], contact_ids=contacts), contact_emails([customer_id]),
                                  purpose=purpose)
        dialog.form.files.add_paths([pdf])
        if not dialog.form.subject_edit.text().strip():
            dialog.form.subject_edit.setText(subject)
        return dialog

    def update_senders_count(self) -> None:
        # lazy: start-up, the triage rules load after the first paint
        from trade_crm.domain.mail.senders import new_senders

        waiting = len(new_senders(limit=SENDERS_COUNTED + 1))  # a few rows, never the whole list
        if waiting > SENDERS_COUNTED:
            self.senders_action.setText(fill(self.tr("&New senders (%1+)…"), SENDERS_COUNTED))
        else:
            self.senders_action.setText(self.tr("&New senders (%n)…", "", waiting) if waiting
                                        else self.tr("&New senders…"))

    # --- the reader -------------------------------------------------------------------------------

    def open_message(self, message_id: int) -> MessageReaderDialog | None:
        # lazy: start-up, the reader is imported when first opened
        from trade_crm.ui.mail.reader import MessageReaderDialog

        try:
            view = mail_message(message_id)
        except DomainError as exc:
            self._window.statusBar().showMessage(str(exc), 10_000)
            return None
        reader = MessageReaderDialog(view, self._clock.zone, self._window, fetcher=self._fetcher())
        reader.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        reader.customer_open_requested.connect(self._window.customer_list.select_customer)
        reader.message_open_requested.connect(self.open_message)
        reader.destroyed.connect(lambda _obj=None, r=reader: self.readers.remove(r) if r in self.readers else None)
        self.readers.append(reader)
        reader.show()
        return reader

    # --- new senders ------------------------------------------------------------------------------

    def open_senders(self) -> NewSendersDialog:
        # lazy: start-up, the triage list is imported when first opened
        from trade_crm.ui.mail.senders_view import NewSendersDialog

        if self.senders_dialog is None:
            self.senders_dialog = NewSendersDialog(self._clock.zone, self._window)
            self.senders_dialog.create_customer_requested.connect(self.create_customer_from_mail)
            self.senders_dialog.message_open_requested.connect(self.open_message)
            self.senders_dialog.senders_changed.connect(self.update_senders_count)
        else:
            self.senders_dialog.refresh()
        self.senders_dialog.show()
        self.senders_dialog.activateWindow()
        return self.senders_dialog

    def create_customer_from_mail(self, sender_id: int, fields: dict, contacts: list):
        """The customer form, pre-filled with the proposal; saving it files the sender's mail too."""
        # lazy: start-up, as the New senders view that asks for it
        from trade_crm.domain.mail.triage import save_customer_from_mail

        dialog = self._window.open_customer_dialog(None, prefill=(fields, contacts),
                                                   save=partial(save_customer_from_mail, sender_id))
        dialog.customer_saved.connect(partial(self.on_customer_from_mail_saved, sender_id))
        return dialog

    def on_customer_from_mail_saved(self, sender_id: int, customer_id: int) -> None:
        if self.senders_dialog is not None:
            self.senders_dialog.on_customer_created(sender_id, customer_id)
        self.update_senders_count()
        self._window.timeline.show_customer(customer_id)

    def on_window_mail_accounts_changed(self) -> None:
        """An account added, changed or removed: its interval counts from now (no sync started unasked)."""
        if self.sync.timer.isActive() or any_account():
            self.sync.schedule(first_in_ms=None)

    def refresh_after_sync(self, result=None) -> None:
        """New mail arrived: the list, the open customer's timeline, the senders (nothing new: nothing moves)."""
        if result is not None and not result.total("stored"):
            self.update_senders_count()
            return
        window = self._window
        window.customer_list.reload()
        window.timeline.show_customer(window.customer_list.current_id())
        window.reminders.refresh()
        window.update_counts()
        if self.senders_dialog is not None and self.senders_dialog.isVisible():
            self.senders_dialog.refresh()
        self.update_senders_count()


def any_account() -> bool:
    # lazy: start-up, the account records load when mail is first used
    from trade_crm.domain.mail.accounts import list_accounts

    return bool(list_accounts())


def install_mail_actions(window, clock: Clock, *, keystore: KeyStore | None = None, ca_file: str | None = None,
                         fetcher: Callable[[], MailFetcher | None] | None = None) -> MailController:
    """Mail › Sync mail and New senders…, the reader behind the timeline's mail entries, the sync's status
    line; `window.mail_controller.start()` (run_gui, after show) counts the senders and starts the sync."""
    window.mail_controller = MailController(window, clock, keystore=keystore, ca_file=ca_file, fetcher=fetcher)
    return window.mail_controller
