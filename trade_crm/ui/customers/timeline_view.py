"""The selected customer's timeline: a quick-log bar, the header card, and what happened, newest first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trade_crm.domain.clock import Clock, today
from trade_crm.domain.customers.records import get_customer
from trade_crm.domain.customers.timeline import TimelineEntry, log_interaction, timeline
from trade_crm.domain.errors import DomainError, ValidationError
from trade_crm.domain.mail.reading import MailEntry, mail_entries
from trade_crm.domain.team import access, audit
from trade_crm.store.errors import AccessDenied
from trade_crm.ui.common.dates import qdate, short_date, short_date_time
from trade_crm.ui.common.field_errors import FieldError
from trade_crm.ui.common.icons import icon, kind_icon
from trade_crm.ui.customers.change_text import change_text
from trade_crm.ui.customers.contact_dialog import date_format
from trade_crm.ui.customers.header_card import HeaderCard
from trade_crm.ui.customers.whatsapp_day import add_chat_messages

QUICK_LOG_KINDS = ("email", "whatsapp", "wechat", "call", "meeting", "visit", "inquiry", "quotation",
                   "sample", "note", "greeting")
PICK_DATE = -1
ATTACHMENT_MARK = "📎 "  # how domain/mail/timeline.entry_texts lists a message's attachments in the entry's body
CURRENCY_SYMBOLS = {"USD": "US$", "EUR": "€", "CNY": "¥", "RMB": "¥", "GBP": "£", "JPY": "JP¥"}


def kind_label(kind: str) -> str:
    """The translated name of a timeline entry kind."""
    labels = {
        "email": QCoreApplication.translate("TimelineView", "Email"),
        "call": QCoreApplication.translate("TimelineView", "Call"),
        "whatsapp": QCoreApplication.translate("TimelineView", "WhatsApp"),
        "wechat": QCoreApplication.translate("TimelineView", "WeChat"),
        "meeting": QCoreApplication.translate("TimelineView", "Meeting"),
        "visit": QCoreApplication.translate("TimelineView", "Visit"),
        "note": QCoreApplication.translate("TimelineView", "Note"),
        "inquiry": QCoreApplication.translate("TimelineView", "Inquiry"),
        "sample": QCoreApplication.translate("TimelineView", "Sample"),
        "quotation": QCoreApplication.translate("TimelineView", "Quotation"),
        "proforma": QCoreApplication.translate("TimelineView", "Proforma invoice"),
        "order": QCoreApplication.translate("TimelineView", "Order"),
        "greeting": QCoreApplication.translate("TimelineView", "Greeting"),
        "import": QCoreApplication.translate("TimelineView", "Import"),
        "stage_change": QCoreApplication.translate("TimelineView", "Stage change"),
        "merge": QCoreApplication.translate("TimelineView", "Merge"),
        "handover": QCoreApplication.translate("TimelineView", "Handover"),
        "change": QCoreApplication.translate("TimelineView", "Change"),
    }
    return labels.get(kind, kind)


def money_text(locale: QLocale, amount, currency: str) -> str:
    """An order's amount with its currency's digits (JPY 0, most 2, KWD 3: CLDR), at most the 3 an order keeps."""
    # lazy: babel's currency data loads with the first order shown, not at start-up
    from trade_crm.domain.quotes.money import minor_unit

    symbol = CURRENCY_SYMBOLS.get(currency, f"{currency}\u00a0" if currency else "")
    return locale.toCurrencyString(float(amount), symbol, min(minor_unit(currency), 3) if currency else 2)


class TimelineView(QWidget):
    """Shows one customer (or an empty state); logs an interaction when Enter is pressed in the bar."""

    interaction_logged = Signal(int)
    customer_edit_requested = Signal(int)
    mail_open_requested = Signal(int)  # a mail entry double-clicked: the stored message's id (ui/mail reads it)

    COLUMNS = 5

    def __init__(self, clock: Clock, parent: QWidget | None = None, *,
                 open_url: Callable[[QUrl], object] = QDesktopServices.openUrl):
        super().__init__(parent)
        self._clock = clock
        self.open_url = open_url  # injectable so tests capture links instead of opening them
        self._customer_id: int | None = None
        # On a trip (ui/team/offline.py): the ids of the entries still queued for the team server, marked so.
        self.queued_entry_ids: Callable[[], set[int]] | None = None
        self._queued: set[int] = set()
        # The files kept with entries, by entry id (ui/attachments sets it): a paperclip and their names.
        self.entry_files: Callable[[list[int]], dict[int, list[str]]] | None = None
        self._files: dict[int, list[str]] = {}
        self.whatsapp_dialog = None  # the last "Message…" dialog opened (a WhatsAppMessageDialog)
        self.empty_label = QLabel(self.tr("Select a customer to see its timeline."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.header_card = HeaderCard()
        self.header_card.link_activated.connect(self.on_header_card_link_activated)
        self.header_card.whatsapp_message_requested.connect(self.on_header_card_whatsapp_message_requested)
        self.header_card.edit_clicked.connect(self.on_header_card_edit_clicked)
        self.entries = QTreeWidget()
        self.entries.setColumnCount(self.COLUMNS)
        self.entries.setHeaderLabels([self.tr("When"), self.tr("Kind"), self.tr("Summary"), self.tr("Contact"),
                                      self.tr("Amount / follow-up")])
        self.entries.setRootIsDecorated(True)  # a mail thread folds under its newest message
        self.entries.setUniformRowHeights(True)
        self.entries.setAlternatingRowColors(True)
        self.entries.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.entries.header()
        header.setStretchLastSection(False)
        for column in range(self.COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.entries.itemActivated.connect(self.on_entries_item_activated)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        # On a team server: who changed what (the audit trail), among the entries; hidden on a laptop book.
        self.changes_check = QCheckBox(self.tr("Show changes"))
        self.changes_check.setToolTip(self.tr("Show who changed this customer's details, and when"))
        self.changes_check.setChecked(True)
        self.changes_check.toggled.connect(self.on_changes_check_toggled)
        self.changes_check.setVisible(False)
        layout.addWidget(self._build_quick_log())
        layout.addWidget(self.header_card)
        layout.addWidget(self.changes_check, 0, Qt.AlignmentFlag.AlignRight)
        self.pages = QTabWidget()  # the timeline, and the pages other features add (ui/attachments: Files)
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.entries, self.tr("Timeline"))
        layout.addWidget(self.pages, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    # --- quick-log bar ----------------------------------------------------------------------------

    def _build_quick_log(self) -> QWidget:
        bar = QWidget()
        self.kind_combo = QComboBox()
        for kind in QUICK_LOG_KINDS:
            self.kind_combo.addItem(kind_icon(kind), kind_label(kind), kind)
        self.contact_combo = QComboBox()
        self.summary_edit = QLineEdit()
        self.summary_edit.setPlaceholderText(self.tr("What happened? Press Enter to log it"))
        self.summary_edit.returnPressed.connect(self.on_summary_edit_return_pressed)
        self.follow_up_combo = QComboBox()
        self.follow_up_combo.addItem(self.tr("No follow-up"), 0)
        self.follow_up_combo.addItem(self.tr("Follow up in 3 days"), 3)
        self.follow_up_combo.addItem(self.tr("Follow up in 1 week"), 7)
        self.follow_up_combo.addItem(self.tr("Follow up in 2 weeks"), 14)
        self.follow_up_combo.addItem(self.tr("Pick a date…"), PICK_DATE)
        self.follow_up_combo.currentIndexChanged.connect(self.on_follow_up_combo_current_index_changed)
        self.follow_up_date = QDateEdit()
        self.follow_up_date.setCalendarPopup(True)
        self.follow_up_date.setDisplayFormat(date_format(self.locale()))
        self.follow_up_date.hide()
        for combo, length in ((self.contact_combo, 8), (self.follow_up_combo, 10)):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(length)
        self.summary_edit.setMinimumWidth(140)
        self.log_button = QPushButton(icon("log"), self.tr("Log"))
        self.log_button.clicked.connect(self.on_summary_edit_return_pressed)
        self.quick_log_error = FieldError()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.kind_combo)
        row.addWidget(self.contact_combo)
        row.addWidget(self.summary_edit, 1)
        row.addWidget(self.follow_up_combo)
        row.addWidget(self.follow_up_date)
        row.addWidget(self.log_button)
        layout = QVBoxLayout(bar)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.quick_log_error)
        return bar

    def focus_quick_log(self) -> None:
        if self._customer_id is not None:
            self.summary_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.summary_edit.selectAll()

    def follow_up_on(self) -> date | None:
        """The follow-up day the bar asks for, counted from the user's today."""
        days = self.follow_up_combo.currentData()
        if days == PICK_DATE:
            picked = self.follow_up_date.date()
            return date(picked.year(), picked.month(), picked.day())
        return today(self._clock) + timedelta(days=days) if days else None

    def on_follow_up_combo_current_index_changed(self, _index: int) -> None:
        picking = self.follow_up_combo.currentData() == PICK_DATE
        if picking:
            start = today(self._clock) + timedelta(days=7)
            self.follow_up_date.setMinimumDate(qdate(today(self._clock)))
            self.follow_up_date.setDate(qdate(start))
        self.follow_up_date.setVisible(picking)

    def on_summary_edit_return_pressed(self) -> None:
        if self._customer_id is None:
            return
        self.quick_log_error.clear_message()
        try:
            log_interaction(self._customer_id, self.kind_combo.currentData(), self.summary_edit.text(),
                            self._clock, contact_id=self.contact_combo.currentData(),
                            follow_up_on=self.follow_up_on())
        except ValidationError as exc:
            message = self.tr("Say in a few words what happened.") if exc.field == "summary" else exc.message
            self.quick_log_error.show_message(message)
            return
        except AccessDenied:  # a team server's rule: say whose customer it is
            self.quick_log_error.show_message(str(access.refusal(self._customer_id, "log on")))
            return
        customer_id = self._customer_id
        self.summary_edit.clear()
        self.follow_up_combo.setCurrentIndex(0)
        self.show_customer(customer_id)
        self.interaction_logged.emit(customer_id)

    # --- showing a customer -----------------------------------------------------------------------

    def customer_id(self) -> int | None:
        return self._customer_id

    def show_customer(self, customer_id: int | None) -> None:
        try:
            customer = get_customer(customer_id) if customer_id is not None else None
        except DomainError:
            customer = None
        if customer is None:
            self._customer_id = None
            self.entries.clear()
            self.stack.setCurrentIndex(0)
            return
        if customer.id != self._customer_id:
            self.quick_log_error.clear_message()
        self._customer_id = customer.id
        self.header_card.show_customer(customer, self._clock.now(), self._clock.zone)
        self.contact_combo.clear()
        self.contact_combo.addItem(self.tr("No contact"), None)
        for contact in customer.contacts:
            self.contact_combo.addItem(contact.name or self.tr("(no name)"), contact.id)
        self.contact_combo.setCurrentIndex(1 if customer.contacts else 0)
        self.contact_combo.setVisible(bool(customer.contacts))
        server = access.on_server()
        self.changes_check.setVisible(server)
        entries = timeline(customer.id)
        if server and self.changes_check.isChecked():
            entries = self._with_changes(customer.id, entries)
        self._fill_entries(entries)
        self.stack.setCurrentIndex(1)

    def _with_changes(self, customer_id: int, entries: list[TimelineEntry]) -> list[TimelineEntry]:
        changes = [TimelineEntry(kind="change", occurred_at=c.at, summary=change_text(c))
                   for c in audit.changes_of(customer_id)]
        return sorted(entries + changes, key=lambda e: e.occurred_at, reverse=True)

    def on_changes_check_toggled(self, _checked: bool) -> None:
        if self._customer_id is not None:
            self.show_customer(self._customer_id)

    def _fill_entries(self, entries: list[TimelineEntry]) -> None:
        self.entries.clear()
        if not entries:
            item = QTreeWidgetItem([self.tr("Nothing logged yet: log the first call or email above.")])
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.entries.addTopLevelItem(item)
            item.setFirstColumnSpanned(True)
            return
        locale = self.locale()
        self._queued = self.queued_entry_ids() if self.queued_entry_ids is not None else set()
        ids = [e.interaction_id for e in entries if e.interaction_id is not None]
        self._files = self.entry_files(ids) if self.entry_files is not None else {}
        mail = mail_entries([e.interaction_id for e in entries
                             if e.interaction_id is not None and e.kind in ("email", "note")])
        month_format = self.tr("MMMM yyyy", "month group header, a QDate format")
        current: tuple[int, int] | None = None
        threads: dict[str, QTreeWidgetItem] = {}  # a thread's newest entry: its older mail folds under it
        for entry in entries:
            sent = mail.get(entry.interaction_id) if entry.interaction_id is not None else None
            head = threads.get(sent.thread_key) if sent is not None and sent.thread_key else None
            if head is not None:
                head.addChild(self._entry_item(entry, locale, sent))
                continue
            when = entry.occurred_at.astimezone(self._clock.zone)
            if (when.year, when.month) != current:
                current = (when.year, when.month)
                self._add_month_header(locale.toString(QDate(when.year, when.month, 1), month_format))
            item = self._entry_item(entry, locale, sent)
            self.entries.addTopLevelItem(item)
            if sent is not None and sent.thread_key:
                threads[sent.thread_key] = item
        for head in threads.values():
            if head.childCount():
                count = head.childCount() + 1
                head.setText(2, self.tr("%n message(s) · %1", "a mail thread folded under its newest message",
                                        count).replace("%1", head.text(2)))
                head.setData(2, Qt.ItemDataRole.UserRole, count)

    def _add_month_header(self, text: str) -> None:
        item = QTreeWidgetItem([text])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setData(0, Qt.ItemDataRole.UserRole, "month")
        self.entries.addTopLevelItem(item)
        item.setFirstColumnSpanned(True)

    def _entry_item(self, entry: TimelineEntry, locale: QLocale, mail: MailEntry | None = None) -> QTreeWidgetItem:
        when = entry.occurred_at.astimezone(self._clock.zone)
        extra = ""
        if entry.amount is not None:
            extra = money_text(locale, entry.amount, entry.currency)
        elif entry.follow_up_on is not None:
            extra = self.tr("Follow up %1").replace(
                "%1", short_date(entry.follow_up_on, locale))
        if entry.order_id is not None:  # an order is dated, not timed
            shown = short_date(entry.occurred_at.date(), locale)
        else:
            shown = short_date_time(when, locale)
        item = QTreeWidgetItem([shown, kind_label(entry.kind),
                                entry.summary, entry.contact_name, extra])
        item.setIcon(0, kind_icon(entry.kind))
        item.setData(0, Qt.ItemDataRole.UserRole, entry.kind)
        item.setData(0, Qt.ItemDataRole.UserRole + 1, entry.interaction_id)  # e.g. which merge to undo
        if entry.amount is not None:
            item.setTextAlignment(4, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if entry.kind == "change":  # the audit trail: quieter than what happened with the customer
            muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
            for column in range(self.COLUMNS):
                item.setForeground(column, muted)
        if entry.interaction_id is not None and entry.interaction_id in self._queued:  # logged offline
            item.setText(4, " · ".join(filter(None, (self.tr("Queued"), extra))))
            item.setToolTip(4, self.tr("Logged offline: sent to the team server when it answers again"))
        item.setToolTip(2, "\n\n".join(filter(None, (entry.summary, entry.body))))
        if mail is not None:
            self._mail_item(item, entry, mail)
        elif entry.kind == "whatsapp" and entry.body:  # an imported chat's day folds out into its messages
            add_chat_messages(item, entry.body)
        files = self._files.get(entry.interaction_id) if entry.interaction_id is not None else None
        if files:  # kept files: a paperclip and their names, where a message's attachments show
            item.setIcon(4, icon("attachment"))
            item.setText(4, " · ".join(filter(None, (item.text(4), ", ".join(files)))))
            item.setToolTip(4, "\n".join(filter(None, (item.toolTip(4), *files))))
        return item

    def _mail_item(self, item: QTreeWidgetItem, entry: TimelineEntry, mail: MailEntry) -> None:
        """A mail entry: in or out, the subject and its first line, the attachments' names."""
        lines = [line for line in entry.body.split("\n") if line.strip()]
        files = [line[2:].strip() for line in lines if line.startswith(ATTACHMENT_MARK)]
        text = [line for line in lines if not line.startswith(ATTACHMENT_MARK)]
        incoming = mail.direction == "in"
        if entry.kind == "email":
            item.setIcon(0, icon("mail_in" if incoming else "mail_out"))
            item.setText(1, self.tr("Received") if incoming else self.tr("Sent"))
        if text:  # the first lines: the greeting alone says little
            item.setText(2, f"{entry.summary} — {' '.join(text[:2])}")
        if files:
            item.setIcon(4, icon("attachment"))
            item.setText(4, ", ".join(files))
            item.setToolTip(4, "\n".join(files))
        item.setData(0, Qt.ItemDataRole.UserRole + 2, mail.message_id)
        item.setToolTip(0, self.tr("Double-click to read this message") if mail.readable
                        else self.tr("Someone else's mailbox: only this entry is shared"))

    def on_entries_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        message_id = item.data(0, Qt.ItemDataRole.UserRole + 2)
        if message_id is not None:
            self.mail_open_requested.emit(int(message_id))

    # --- header card ------------------------------------------------------------------------------

    def on_header_card_link_activated(self, url: str) -> None:
        self.open_url(QUrl(url))

    def on_header_card_whatsapp_message_requested(self, contact_id: int) -> None:
        if self._customer_id is None:
            return
        # lazy: start-up, the dialog brings the mail templates and merge fields; loaded when first used
        from trade_crm.ui.customers.whatsapp_message_dialog import WhatsAppMessageDialog

        dialog = WhatsAppMessageDialog(self._customer_id, self._clock, self, contact_id=contact_id,
                                       open_url=self.open_url)
        dialog.message_logged.connect(self.on_whatsapp_message_logged)
        dialog.open()
        self.whatsapp_dialog = dialog

    def on_whatsapp_message_logged(self, customer_id: int) -> None:
        if customer_id == self._customer_id:
            self.show_customer(customer_id)
        self.interaction_logged.emit(customer_id)

    def on_header_card_edit_clicked(self) -> None:
        if self._customer_id is not None:
            self.customer_edit_requested.emit(self._customer_id)
